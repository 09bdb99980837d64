"""PHQ-9 and GAD-7 through the CLI: bands, item 9, change, the retake note, counts,
bad input, --demo, history, ownership, and the interactive picker in a pty."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.driver import PASSWORD, Cli
from tests.terminal import type_in_pty

DAY0 = "2026-03-02T09:00:00+00:00"
STORED = {"id", "instrument", "answers", "total", "severity", "difficulty", "crisis", "takenAt"}


def answers_for(total: int, items: int, item9: int | None = None) -> str:
    """Answers summing to `total`, filled from the first item; item 9 pinned when given."""
    values = [0] * items
    rest = total - (item9 or 0)
    last = items - 1 if item9 is not None else items
    for i in range(last):
        values[i] = min(3, rest)
        rest -= values[i]
    assert rest == 0, "total not reachable"
    if item9 is not None:
        values[8] = item9
    return ",".join(map(str, values))


def take(cli: Cli, test: str, answers: str, *extra: str, env: dict[str, str] | None = None) -> Any:
    return cli.json("test", test, "--answers", answers, *extra, env=env)


def at(cli: Cli, when: str) -> None:
    """Run every later command on a simulated clock starting at `when`."""
    cli.extra["PSYMITRIX_CLOCK"] = when


def change(previous: int, delta: int, reliable: bool) -> dict[str, Any]:
    return {"previous": previous, "delta": delta, "reliable": reliable}


def counts(cli: Cli) -> dict[str, Any]:
    return cli.json("me")["userData"]


# --- bands ----------------------------------------------------------------------------

MIN, MILD, MOD, MODSEV, SEV = "minimal", "mild", "moderate", "moderately severe", "severe"
PHQ9_EDGES = [(0, MIN), (4, MIN), (5, MILD), (9, MILD), (10, MOD), (14, MOD)]
PHQ9_EDGES += [(15, MODSEV), (19, MODSEV), (20, SEV), (24, SEV)]
GAD7_EDGES = [(0, MIN), (4, MIN), (5, MILD), (9, MILD), (10, MOD), (14, MOD), (15, SEV), (21, SEV)]


def test_phq9_band_edges(any_cli: Cli) -> None:
    any_cli.signup()
    for total, band in PHQ9_EDGES:
        result = take(any_cli, "phq9", answers_for(total, 9, item9=0))
        assert (result["instrument"], result["total"], result["severity"]) == ("PHQ-9", total, band)
        assert result["crisis"] is False
    assert counts(any_cli)["depressionTestCount"] == len(PHQ9_EDGES)


def test_gad7_band_edges(any_cli: Cli) -> None:
    any_cli.signup()
    for total, band in GAD7_EDGES:
        result = take(any_cli, "gad7", answers_for(total, 7))
        assert (result["instrument"], result["total"], result["severity"]) == ("GAD-7", total, band)
        assert result["crisis"] is False
    assert counts(any_cli)["anxietyTestCount"] == len(GAD7_EDGES)


def test_result_json_has_exactly_the_documented_keys(cli: Cli) -> None:
    cli.signup()
    result = take(cli, "phq9", "1,1,1,1,1,0,0,0,0", "--difficulty", "2")
    assert set(result) == {*STORED, "change", "nextStep", "retakeNote"}
    assert result["answers"] == [1, 1, 1, 1, 1, 0, 0, 0, 0]
    assert result["difficulty"] == 2 and result["change"] is None and result["retakeNote"] is None


def _shows_crisis_line(text: str) -> bool:
    """988 as a number on its own (a hex entry ID can hold "988"), or the IASP link."""
    return bool(re.search(r"(?<![0-9a-f])988(?![0-9a-f])", text)) or "iasp.info" in text


@pytest.mark.parametrize(
    ("test", "answers", "band"),
    [("phq9", "3,3,3,3,3,3,3,3,0", "severe"), ("gad7", "1,1,1,1,1,0,0", "mild")],
)
def test_human_result(cli: Cli, test: str, answers: str, band: str) -> None:
    cli.signup()
    out = cli.ok("test", test, "--answers", answers).stdout
    total = sum(map(int, answers.split(",")))
    assert f"{total}/{27 if test == 'phq9' else 21}" in out and band in out
    assert "screening, not a diagnosis" in out
    assert not _shows_crisis_line(out)


def test_band_is_coloured_on_a_colour_terminal(cli: Cli) -> None:
    cli.signup()
    out = cli.subprocess(
        "test", "gad7", "--answers", "3,3,3,3,3,0,0", env={"FORCE_COLOR": "1"}
    ).stdout
    assert "\x1b[" in out and "severe" in out


# --- item 9 -----------------------------------------------------------------------------


def test_item9_shows_crisis_resources_whatever_the_total(any_cli: Cli) -> None:
    any_cli.signup()
    low = any_cli.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert "988" in low.stdout and "iasp.info" in low.stdout
    assert "1/27" in low.stdout and "minimal" in low.stdout

    as_json = any_cli("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--json")
    assert as_json.exit_code == 0
    result = as_json.json()  # stdout is JSON only: the panel is not mixed in
    assert result["crisis"] is True and result["total"] == 1
    assert "988" in as_json.stderr and "iasp.info" in as_json.stderr
    assert len(as_json.stderr.strip().splitlines()) == 1

    high = any_cli("test", "phq9", "--answers", "3,3,3,3,3,3,3,3,0", "--json")
    assert high.json()["crisis"] is False and high.json()["total"] == 24
    assert not _shows_crisis_line(high.stderr)
    assert not _shows_crisis_line(
        any_cli.ok("test", "phq9", "--answers", "3,3,3,3,3,3,3,3,0").stdout
    )


def test_gad7_never_flags_crisis(cli: Cli) -> None:
    cli.signup()
    assert take(cli, "gad7", "3,3,3,3,3,3,3")["crisis"] is False


def test_local_crisis_line_in_the_panel_and_the_stderr_line(cli: Cli) -> None:
    cli.signup()
    env = {"PSYMITRIX_CRISIS_LINE": "Samaritans 116 123"}
    out = cli.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", env=env)
    assert "Samaritans 116 123" in out.stdout
    as_json = cli("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,2", "--json", env=env)
    assert "Samaritans 116 123" in as_json.stderr


# --- change and the retake note ---------------------------------------------------------


def test_reliable_change_phq9_and_gad7(any_cli: Cli) -> None:
    any_cli.signup()
    assert take(any_cli, "phq9", answers_for(5, 9, item9=0))["change"] is None
    assert take(any_cli, "phq9", answers_for(9, 9, item9=0))["change"] == change(5, 4, False)
    assert take(any_cli, "phq9", answers_for(14, 9, item9=0))["change"] == change(9, 5, True)
    assert take(any_cli, "phq9", answers_for(9, 9, item9=0))["change"]["delta"] == -5
    # GAD-7 compares only with GAD-7, and its threshold is 4.
    assert take(any_cli, "gad7", answers_for(3, 7))["change"] is None
    assert take(any_cli, "gad7", answers_for(6, 7))["change"] == change(3, 3, False)
    assert take(any_cli, "gad7", answers_for(10, 7))["change"] == change(6, 4, True)


def test_change_is_labelled_in_the_human_result(cli: Cli) -> None:
    cli.signup()
    take(cli, "gad7", answers_for(3, 7))
    small = cli.ok("test", "gad7", "--answers", answers_for(6, 7)).stdout
    assert "not a reliable change" in small and "up 3" in small
    big = cli.ok("test", "gad7", "--answers", answers_for(2, 7)).stdout
    assert "a reliable change" in big and "not a reliable" not in big and "down 4" in big


def test_retake_note_within_14_days(any_cli: Cli) -> None:
    at(any_cli, DAY0)
    any_cli.signup()
    first = take(any_cli, "phq9", answers_for(6, 9, item9=0))
    assert first["retakeNote"] is None and first["takenAt"].startswith("2026-03-02T09:00")
    at(any_cli, "2026-03-12T09:00:00+00:00")  # 10 days later: allowed, with the note
    soon = take(any_cli, "phq9", answers_for(7, 9, item9=0))
    assert soon["retakeNote"] and "14 days" in soon["retakeNote"]
    assert "10 days ago" in soon["retakeNote"]
    assert soon["change"] == {"previous": 6, "delta": 1, "reliable": False}
    # Another instrument has its own window.
    assert take(any_cli, "gad7", answers_for(1, 7))["retakeNote"] is None
    at(any_cli, "2026-03-26T09:00:00+00:00")  # exactly 14 days after the last PHQ-9
    # A server keeps its own token lifetime (14 days), so log in again in the future.
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert take(any_cli, "phq9", answers_for(7, 9, item9=0))["retakeNote"] is None
    at(any_cli, "2026-03-26T10:00:00+00:00")
    human = any_cli.ok("test", "phq9", "--answers", answers_for(7, 9, item9=0)).stdout
    assert "less than a day ago" in human


# --- counts, history, show, delete -------------------------------------------------------


def test_counts_and_score_lists_in_me(any_cli: Cli) -> None:
    at(any_cli, DAY0)
    any_cli.signup()
    take(any_cli, "phq9", answers_for(3, 9, item9=0))
    at(any_cli, "2026-03-03T09:00:00+00:00")
    newest = take(any_cli, "phq9", answers_for(12, 9, item9=0))
    gad = take(any_cli, "gad7", answers_for(8, 7))
    data = counts(any_cli)
    assert data["depressionTestCount"] == 2 and data["anxietyTestCount"] == 1
    assert [t["score"] for t in data["depressionTests"]] == [12, 3]
    assert data["depressionTests"][0]["date"] == newest["takenAt"]
    assert data["anxietyTests"] == [{"date": gad["takenAt"], "score": 8}]

    assert any_cli.ok("test", "delete", newest["id"], "--yes").exit_code == 0
    data = counts(any_cli)
    assert data["depressionTestCount"] == 1 and data["anxietyTestCount"] == 1
    assert [t["score"] for t in data["depressionTests"]] == [3]
    assert any_cli("test", "delete", newest["id"], "--yes").exit_code == 2
    assert counts(any_cli)["depressionTestCount"] == 1


def test_history_newest_first_filtered_and_paged(any_cli: Cli) -> None:
    at(any_cli, DAY0)
    any_cli.signup()
    ids = []
    taken = [("phq9", answers_for(2, 9, item9=0)), ("gad7", "1,0,0,0,0,0,0"), ("phq9", "")]
    for day, (test, answers) in enumerate(taken):
        at(any_cli, f"2026-03-{2 + day:02d}T09:00:00+00:00")
        ids.append(take(any_cli, test, answers or answers_for(11, 9, item9=0))["id"])
    everything = any_cli.json("test", "history")
    assert [r["id"] for r in everything["items"]] == ids[::-1]
    assert everything["nextCursor"] is None
    assert set(everything["items"][0]) == STORED
    phq = any_cli.json("test", "history", "phq9")
    assert [r["id"] for r in phq["items"]] == [ids[2], ids[0]]
    assert [r["id"] for r in any_cli.json("test", "history", "GAD-7")["items"]] == [ids[1]]
    first = any_cli.json("test", "history", "-n", "2")
    assert [r["id"] for r in first["items"]] == [ids[2], ids[1]] and first["nextCursor"]
    rest = any_cli.json("test", "history", "-n", "2", "--cursor", first["nextCursor"])
    assert [r["id"] for r in rest["items"]] == [ids[0]] and rest["nextCursor"] is None
    chart = any_cli.ok("test", "history").stdout
    assert chart.index("2026-03-02") < chart.index("2026-03-04")  # oldest at the top
    assert "11/27" in chart and "█" in chart
    assert any_cli("test", "history", "bdi").exit_code == 2


def test_show_has_the_change_against_the_result_before_it(any_cli: Cli) -> None:
    cli = any_cli
    cli.signup()
    first = take(cli, "gad7", answers_for(2, 7))
    second = take(cli, "gad7", answers_for(9, 7))
    take(cli, "gad7", answers_for(0, 7))
    shown = cli.json("test", "show", second["id"])
    assert shown["change"] == {"previous": 2, "delta": 7, "reliable": True}
    assert shown["total"] == 9 and shown["severity"] == "mild"
    assert cli.json("test", "show", first["id"])["change"] is None
    assert "9/21" in cli.ok("test", "show", second["id"]).stdout


def test_another_users_result_is_not_found(any_cli: Cli) -> None:
    any_cli.signup("ann")
    mine = take(any_cli, "phq9", answers_for(5, 9, item9=0))
    any_cli.signup("bob")
    for args in (("show", mine["id"]), ("delete", mine["id"], "--yes")):
        out = any_cli("test", *args)
        assert out.exit_code == 2 and "not found" in out.stderr, out
    assert any_cli.json("test", "history")["items"] == []
    assert counts(any_cli)["depressionTestCount"] == 0
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert counts(any_cli)["depressionTestCount"] == 1


def test_delete_asks_without_yes_and_refuses_without_a_terminal(cli: Cli) -> None:
    cli.signup()
    result = take(cli, "gad7", "0,0,0,0,0,0,0")
    assert cli("test", "delete", result["id"]).exit_code == 2
    assert counts(cli)["anxietyTestCount"] == 1


# --- bad input and --demo ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("phq9", "--answers", "1,1,1,1,1,1,1,1"),
        ("phq9", "--answers", "1,1,1,1,1,1,1,1,1,1"),
        ("gad7", "--answers", "1,1,1,1,1,1"),
        ("gad7", "--answers", "1,1,1,1,1,1,4"),
        ("gad7", "--answers", "1,1,1,1,1,1,-1"),
        ("gad7", "--answers", "1,1,1,1,1,1,x"),
        ("gad7", "--answers", ""),
        ("gad7", "--answers", "1,1,1,1,1,1,1", "--difficulty", "4"),
        ("gad7", "--answers", "1,1,1,1,1,1,1", "--difficulty", "-1"),
        ("gad7", "--answers", "1,1,1,1,1,1,1", "--difficulty", "hard"),
        ("gad7",),  # no terminal and no --answers
    ],
)
def test_bad_input_is_exit_2_and_writes_nothing(any_cli: Cli, args: Sequence[str]) -> None:
    any_cli.signup()
    out = any_cli("test", *args)
    assert out.exit_code == 2, out
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert any_cli.json("test", "history")["items"] == []
    data = counts(any_cli)
    assert data["depressionTestCount"] == 0 and data["anxietyTestCount"] == 0


def test_missing_answers_without_a_terminal_names_the_flag(cli: Cli) -> None:
    cli.signup()
    out = cli("test", "phq9")
    assert out.exit_code == 2 and "--answers" in out.stderr and "9 numbers" in out.stderr


def test_demo_needs_no_account_and_saves_nothing(any_cli: Cli) -> None:
    out = any_cli("test", "phq9", "--demo", "--answers", "0,0,0,0,0,0,0,0,1")
    assert out.exit_code == 0, out
    assert "988" in out.stdout and "not saved" in out.stdout
    result = any_cli.json("test", "gad7", "--demo", "--answers", "2,2,2,2,2,0,0")
    assert (result["id"], result["total"], result["severity"]) == (None, 10, "moderate")
    assert result["change"] is None and result["retakeNote"] is None
    if not any_cli.extra:  # the local store was never even opened
        assert not (Path(any_cli.env["PSYMITRIX_HOME"]) / "psymitrix.db").exists()
    any_cli.signup()
    any_cli.json("test", "gad7", "--demo", "--answers", "2,2,2,2,2,0,0")
    assert any_cli.json("test", "history")["items"] == []
    assert counts(any_cli)["anxietyTestCount"] == 0


def test_taking_a_test_needs_login(cli: Cli) -> None:
    out = cli("test", "gad7", "--answers", "0,0,0,0,0,0,0")
    assert out.exit_code == 3


# --- the interactive picker, in a real pseudo-terminal -------------------------------------


DOWN, LEFT, ENTER, BACKSPACE = b"\x1b[B", b"\x1b[D", b"\r", b"\x7f"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_interactive_picker_with_back_and_skipped_difficulty(cli: Cli) -> None:
    cli.signup()
    keys = [
        b"1",  # item 1
        b"2",  # item 2 ...
        BACKSPACE,  # ... back to item 2
        b"3",  # item 2 changed to 3
        DOWN,
        DOWN,
        ENTER,  # item 3 by arrows: 2
        b"0",  # item 4
        b"1",  # item 5 ...
        LEFT,  # ... back again
        b"3",  # item 5 changed to 3
        b"2",  # item 6
        b"0",  # item 7
        b"s",  # skip the difficulty question
    ]
    code, output = type_in_pty(cli, ["test", "gad7"], keys, ready=b"Over the last 2 weeks")
    assert code == 0, output
    assert "GAD-7" in output and "11/21" in output
    saved = cli.json("test", "history")["items"]
    assert len(saved) == 1
    assert saved[0]["answers"] == [1, 3, 2, 0, 3, 2, 0]
    assert saved[0]["total"] == 11
    assert saved[0]["difficulty"] is None


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_interactive_picker_difficulty_and_cancel(cli: Cli) -> None:
    cli.signup()
    keys = [b"0"] * 7 + [DOWN, ENTER]  # difficulty 1 by arrows
    code, output = type_in_pty(cli, ["test", "gad7"], keys, ready=b"Over the last 2 weeks")
    assert code == 0, output
    assert cli.json("test", "history")["items"][0]["difficulty"] == 1
    code, output = type_in_pty(cli, ["test", "phq9"], [b"1", b"\x03"], ready=b"Over the last")
    assert code == 130 and "nothing was saved" in output
    assert counts(cli)["depressionTestCount"] == 0
