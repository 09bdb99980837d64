"""The mood journal through the CLI, on every backend: add, list, filters, edit, delete,
bad input, privacy between users, the crisis flag, no-TTY behaviour, the editor, and
concurrent writers."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.driver import PASSWORD, Cli, backend, skip_api, stored_token
from tests.terminal import run_in_pty

CRISIS_TEXT = "I feel hopeless and want to die"


def count(cli: Cli, key: str = "moodJournalCount") -> int:
    return int(cli.json("me")["userData"][key])


def every_entry(cli: Cli, *flags: str, limit: int = 200) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: list[str] = []
    while True:
        page = cli.json("journal", "list", "-n", str(limit), *flags, *cursor)
        items += page["items"]
        if page["nextCursor"] is None:
            return items
        cursor = ["--cursor", page["nextCursor"]]


def add(cli: Cli, text: str, *flags: str) -> dict[str, Any]:
    return cli.json("journal", "add", text, *flags)


# --- adding, reading, counting ---------------------------------------------------------


def test_add_show_list_and_count(any_cli: Cli) -> None:
    any_cli.signup("ann", timezone="Europe/Paris")
    tags = ["--tag", "Sea", "--tag", "#rest", "--tag", "sea"]
    flags = ["--mood", "4", *tags, "--at", "2026-01-10T09:15"]
    entry = add(any_cli, "  A calm day by the sea.\nSlept well.  ", *flags)
    assert entry["text"] == "A calm day by the sea.\nSlept well."
    assert (entry["mood"], entry["moodLabel"]) == (4, "good")
    assert entry["tags"] == ["sea", "rest"]
    assert entry["at"] == "2026-01-10T08:15:00.000000+00:00"  # 09:15 in Paris
    assert entry["crisis"] is False and entry["safetyTier"] == "none"
    assert set(entry) >= {"id", "createdAt", "updatedAt"} and "userId" not in entry
    shown = any_cli.json("journal", "show", entry["id"])
    assert shown == {k: v for k, v in entry.items() if k not in ("crisis", "safetyTier")}
    no_mood = add(any_cli, "Just words.")
    assert no_mood["mood"] is None and no_mood["moodLabel"] is None and no_mood["tags"] == []
    assert [e["id"] for e in every_entry(any_cli)] == [no_mood["id"], entry["id"]]
    assert count(any_cli) == 2
    assert any_cli.json("me")["userData"]["moodJournal"][0]["id"] == no_mood["id"]


def test_human_output_is_a_table_in_the_users_timezone(cli: Cli) -> None:
    cli.signup("ann", timezone="Asia/Tokyo")
    flags = ["--mood", "2", "--tag", "work", "--at", "2026-02-01T23:30"]
    cli.ok("journal", "add", "[bold]not markup[/bold] and a long tail " + "x" * 200, *flags)
    out = cli.ok("journal", "list")
    assert "2026-02-01 23:30" in out.stdout and "2 bad" in out.stdout and "#work" in out.stdout
    assert "[bold]not markup[/bold]" in out.stdout and "x" * 200 not in out.stdout
    for _ in range(2):
        cli.ok("journal", "add", "more")
    paged = cli.ok("journal", "list", "-n", "2")
    assert "--cursor" in paged.stdout
    assert "No journal entries match" in cli.ok("journal", "list", "--tag", "none").stdout


def test_text_can_come_from_standard_input(cli: Cli) -> None:
    cli.signup()
    entry = cli.json("journal", "add", "-", "--mood", "3", input="line one\nline two\n")
    assert entry["text"] == "line one\nline two"


def test_pagination_is_newest_first_without_duplicates_or_gaps(any_cli: Cli) -> None:
    any_cli.signup()
    expected = []
    for i in range(25):
        # Five entries share each instant, so the (time, id) tie-break is exercised too.
        expected.append(add(any_cli, f"entry {i}", "--at", f"2026-01-{1 + i // 5:02d}T12:00"))
    seen: list[str] = []
    cursor: list[str] = []
    sizes = []
    while True:
        page = any_cli.json("journal", "list", "-n", "10", *cursor)
        sizes.append(len(page["items"]))
        seen += [item["id"] for item in page["items"]]
        if page["nextCursor"] is None:
            break
        cursor = ["--cursor", page["nextCursor"]]
    assert sizes == [10, 10, 5]
    assert len(seen) == len(set(seen)) == 25
    assert set(seen) == {e["id"] for e in expected}
    ats = [next(e["at"] for e in expected if e["id"] == i) for i in seen]
    assert ats == sorted(ats, reverse=True)


def test_filters_since_until_tag_and_search(any_cli: Cli) -> None:
    any_cli.signup(timezone="America/New_York")
    # 23:30 on Mar 1 in New York is already Mar 2 in UTC: days are the user's.
    late = add(any_cli, "Late night Walk in the rain", "--tag", "walk", "--at", "2026-03-01T23:30")
    add(any_cli, "Morning coffee, then work", "--tag", "work", "--at", "2026-03-02T08:00")
    add(any_cli, "A walk after work", "--tag", "walk", "--tag", "work", "--at", "2026-03-03T18:00")

    def texts(*flags: str) -> list[str]:
        return [e["text"] for e in every_entry(any_cli, *flags, limit=1)]

    assert texts("--since", "2026-03-01", "--until", "2026-03-01") == [late["text"]]
    assert texts("--since", "2026-03-02") == ["A walk after work", "Morning coffee, then work"]
    assert texts("--until", "2026-03-02") == ["Morning coffee, then work", late["text"]]
    assert texts("--tag", "WALK") == ["A walk after work", late["text"]]
    assert texts("--search", "walk") == ["A walk after work", late["text"]]
    assert texts("--search", "WORK walk") == ["A walk after work"]
    assert texts("--tag", "work", "--search", "coffee", "--since", "2026-03-02") == [
        "Morning coffee, then work"
    ]
    assert texts("--search", "100%_off") == []


def test_edit_replaces_fields_and_tags(any_cli: Cli) -> None:
    any_cli.signup()
    entry = add(any_cli, "First draft", "--mood", "2", "--tag", "a", "--tag", "b")
    edited = any_cli.json("journal", "edit", entry["id"], "--mood", "5", "--tag", "c")
    assert (edited["text"], edited["mood"], edited["moodLabel"]) == ("First draft", 5, "great")
    assert edited["tags"] == ["c"] and edited["createdAt"] == entry["createdAt"]
    rewritten = any_cli.json("journal", "edit", entry["id"], "--text", "Second draft")
    assert rewritten["text"] == "Second draft" and rewritten["tags"] == ["c"]
    assert any_cli.json("journal", "show", entry["id"])["text"] == "Second draft"
    out = any_cli("journal", "edit", entry["id"])
    assert out.exit_code == 2 and "Nothing to change" in out.stderr
    out = any_cli("journal", "edit", entry["id"], "--mood", "9", "--text", "Third")
    assert out.exit_code == 2 and "Mood must be" in out.stderr
    assert any_cli.json("journal", "show", entry["id"])["text"] == "Second draft"
    assert count(any_cli) == 1


def test_delete_needs_yes_without_a_terminal(any_cli: Cli) -> None:
    any_cli.signup()
    keep, gone = add(any_cli, "keep me"), add(any_cli, "delete me")
    out = any_cli("journal", "delete", gone["id"])
    assert out.exit_code == 2 and "--yes" in out.stderr
    assert count(any_cli) == 2
    deleted = any_cli.json("journal", "delete", gone["id"], "--yes")
    assert deleted == {"deleted": True, "id": gone["id"]}
    assert count(any_cli) == 1
    out = any_cli("journal", "show", gone["id"])
    assert out.exit_code == 2 and f"No journal entry with ID '{gone['id']}'" in out.stderr
    out = any_cli("journal", "delete", gone["id"], "--yes")
    assert out.exit_code == 2 and count(any_cli) == 1
    assert [e["id"] for e in every_entry(any_cli)] == [keep["id"]]


def test_another_users_entry_is_not_found_and_never_shown(any_cli: Cli) -> None:
    any_cli.signup("ann")
    secret = add(any_cli, "ann's private thoughts", "--mood", "3")
    any_cli.signup("bob")  # now logged in as bob
    for args in (
        ("journal", "show", secret["id"]),
        ("journal", "edit", secret["id"], "--text", "hijacked"),
        ("journal", "delete", secret["id"], "--yes"),
    ):
        out = any_cli(*args)
        assert out.exit_code == 2, out
        assert "No journal entry with ID" in out.stderr
        assert "private" not in out.stdout + out.stderr
    assert every_entry(any_cli) == [] and count(any_cli) == 0
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert any_cli.json("journal", "show", secret["id"])["text"] == "ann's private thoughts"
    assert count(any_cli) == 1


# --- bad input: exit 2, one line, nothing written ------------------------------------------

BAD_ADDS = [
    (["x", "--mood", "0"], "Mood must be"),
    (["x", "--mood", "6"], "Mood must be"),
    (["x", "--mood", "-1"], "Mood must be"),
    (["x", "--mood", "ok"], "--mood"),
    ([""], "Journal text cannot be empty"),
    (["   \n "], "Journal text cannot be empty"),
    (["x" * 10_001], "too long"),
    (["bell\x07"], "control characters"),
    (["escape \x1b[31m red"], "control characters"),
    (["x", "--tag", "two words"], "is not valid"),
    (["x", "--tag", ""], "tag cannot be empty"),
    (["x", "--tag", "t" * 33], "is not valid"),
    (["x", "--tag", "a/b"], "is not valid"),
    (["x", "--tag", "bad\x1b"], "control characters"),
    (["x", *[a for i in range(11) for a in ("--tag", f"t{i}")]], "at most 10 tags"),
    (["x", "--at", "whenever"], "not a date I can read"),  # phrases: tests/test_natural_dates.py
    (["x", "--at", "2026-02-30"], "not a date"),
    (["x", "--at", "2999-01-01T10:00"], "in the future"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ADDS)
def test_bad_add_exits_2_and_writes_nothing(any_cli: Cli, args: list[str], message: str) -> None:
    any_cli.signup()
    out = any_cli("journal", "add", *args)
    assert out.exit_code == 2, out
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert out.stdout == ""
    assert every_entry(any_cli) == [] and count(any_cli) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-n", "0"], "between 1 and 200"),
        (["-n", "-3"], "between 1 and 200"),
        (["-n", "201"], "between 1 and 200"),
        (["--cursor", "not-a-cursor"], "cursor is not valid"),
        (["--since", "2026-13-01"], "not a date"),
        (["--until", "someday"], "not a date I can read"),
        (["--since", "2026-03-05", "--until", "2026-03-01"], "--since must be on or before"),
        (["--tag", "no spaces"], "is not valid"),
        (["--search", " "], "Search cannot be empty"),
    ],
)
def test_bad_list_arguments_exit_2(any_cli: Cli, args: list[str], message: str) -> None:
    any_cli.signup()
    add(any_cli, "one")
    out = any_cli("journal", "list", *args)
    assert out.exit_code == 2 and message in out.stderr, out


def test_unknown_id_is_exit_2(any_cli: Cli) -> None:
    any_cli.signup()
    for args in (
        ("show", "0123456789abcdef"),
        ("edit", "nope", "--mood", "3"),
        ("delete", "x\x1b[2J", "--yes"),
    ):
        out = any_cli("journal", *args)
        assert out.exit_code == 2 and "No journal entry with ID" in out.stderr, out
        assert "\x1b[2J" not in out.stderr


# --- safety ------------------------------------------------------------------------------


def test_crisis_flag_for_mood_1_with_a_risk_screen(any_cli: Cli) -> None:
    any_cli.signup()
    result = any_cli.json("journal", "add", CRISIS_TEXT, "--mood", "1")
    assert result["crisis"] is True and result["safetyTier"] == "acute"
    line = {"PSYMITRIX_CRISIS_LINE": "Samaritans 116 123"}
    out = any_cli.ok("journal", "add", CRISIS_TEXT, "--mood", "1", env=line)
    assert "Call or text 988" in out.stdout and "iasp.info" in out.stdout
    assert "Samaritans 116 123" in out.stdout
    assert count(any_cli) == 2  # the entry is saved either way


@pytest.mark.parametrize(
    ("text", "mood", "crisis"),
    [
        ("Had a lovely walk in the park", "1", False),
        ("This deadline is killing me", "1", False),
        ("I feel hopeless", "1", True),  # concern + the lowest mood
        ("I feel hopeless", "3", False),
        ("I want to kill myself", "5", True),  # acute at any mood
        ("I want to kill myself", None, True),
    ],
)
def test_crisis_decision(cli: Cli, text: str, mood: str | None, crisis: bool) -> None:
    cli.signup()
    flags = ["--mood", mood] if mood else []
    assert cli.json("journal", "add", text, *flags)["crisis"] is crisis
    out = cli.ok("journal", "add", text, *flags)
    assert ("Call or text 988" in out.stdout) is crisis


def test_editing_in_crisis_text_shows_the_panel(cli: Cli) -> None:
    cli.signup()
    entry = add(cli, "a long day", "--mood", "1")
    assert entry["crisis"] is False
    assert cli.json("journal", "edit", entry["id"], "--text", CRISIS_TEXT)["crisis"] is True


# --- terminals: none, a pty, and $EDITOR ----------------------------------------------------


def test_no_text_and_no_terminal_exits_2_without_hanging(cli: Cli) -> None:
    cli.signup()
    for extra in ([], ["--editor"]):
        proc = subprocess.run(
            [sys.executable, "-m", "psymitrix_cli", "journal", "add", "--mood", "3", *extra],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env={**os.environ, **cli.env},
            timeout=30,
        )
        assert proc.returncode == 2, proc
        assert "no terminal" in proc.stderr and "TEXT" in proc.stderr
    assert count(cli) == 0


@pytest.mark.parametrize("submit", [b"\x04", b"\x1b\r"], ids=["ctrl-d", "esc-enter"])
def test_multiline_editor_on_a_terminal(cli: Cli, submit: bytes) -> None:
    cli.signup()
    code, screen = run_in_pty(
        cli,
        ["journal", "add", "--mood", "4", "--tag", "pty"],
        [(b"/10,000", b"Dear diary,\rtoday was calm."), (b"calm.", submit)],
    )
    assert code == 0, screen
    assert "Saved journal entry" in screen
    [entry] = every_entry(cli)
    assert entry["text"] == "Dear diary,\ntoday was calm."
    assert (entry["mood"], entry["tags"]) == (4, ["pty"])


def test_editor_keeps_refused_text_for_fixing(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    code, screen = run_in_pty(
        cli,
        ["journal", "add"],
        [(b"/10,000", b"y" * 10_001 + b"\x04"), (b"too long", b"\x7f\x04")],
        timeout=60,
    )
    assert code == 0, screen[-2000:]
    assert every_entry(cli)[0]["text"] == "y" * 10_000
    script = tmp_path / "bell_editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "old = open(path, encoding='utf-8').read()\n"
        "new = old.replace('\\a', '') if '\\a' in old else 'ding\\a'\n"
        "open(path, 'w', encoding='utf-8').write(new)\n"
    )
    env = {"EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"}
    code, screen = run_in_pty(cli, ["journal", "add", "--editor"], [(b"again", b"y\r")], env=env)
    assert code == 0 and "control characters" in screen, screen
    assert every_entry(cli)[0]["text"] == "ding"
    code, screen = run_in_pty(cli, ["journal", "add", "--editor"], [(b"again", b"n\r")], env=env)
    assert code == 2 and count(cli) == 2, screen


def test_external_editor_and_confirmed_delete_on_a_terminal(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    script = tmp_path / "fake_editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "old = open(path, encoding='utf-8').read()\n"
        "open(path, 'w', encoding='utf-8').write(old + 'Written in my editor.\\n')\n"
    )
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        "EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}",
        "TMPDIR": str(temp),
    }
    code, screen = run_in_pty(cli, ["journal", "add", "--editor"], [], env=env)
    assert code == 0, screen
    [entry] = every_entry(cli)
    assert entry["text"] == "Written in my editor."
    assert list(temp.iterdir()) == []  # the temp file with the text is gone
    code, screen = run_in_pty(cli, ["journal", "edit", entry["id"], "--editor"], [], env=env)
    assert code == 0, screen
    assert every_entry(cli)[0]["text"] == "Written in my editor.\nWritten in my editor."
    code, screen = run_in_pty(cli, ["journal", "delete", entry["id"]], [(b"[y/n]", b"n\r")])
    assert code == 2 and count(cli) == 1, screen
    code, screen = run_in_pty(cli, ["journal", "delete", entry["id"]], [(b"[y/n]", b"y\r")])
    assert code == 0 and "Deleted" in screen and count(cli) == 0, screen


# --- frequency (the dashboard's counts) ------------------------------------------------------


def test_frequency_counts_the_users_last_7_and_30_days(any_cli: Cli) -> None:
    clock = "2026-03-20T03:00:00Z"  # 23:00 on Mar 19 in New York
    any_cli.at(clock).signup(timezone="America/New_York")
    for at in ("2026-03-19T22:00", "2026-03-13T00:30", "2026-03-12T23:30", "2026-02-10T12:00"):
        any_cli.json("journal", "add", "x", "--at", at, env={"PSYMITRIX_CLOCK": clock})
    with backend(any_cli, PSYMITRIX_CLOCK=clock) as psy:
        frequency = psy.journal.frequency()  # type: ignore[attr-defined]
    assert frequency == {
        "count": 4,
        "lastAt": "2026-03-20T02:00:00.000000+00:00",
        "last7": 2,  # Mar 13 to Mar 19, New York days
        "last30": 3,
    }


# --- many writers ----------------------------------------------------------------------------


@pytest.mark.slow
def test_eight_processes_add_fifty_entries_each(any_cli: Cli) -> None:
    skip_api(any_cli)  # the store is what races; over HTTP one server process serialises it
    any_cli.signup()
    # A generous MongoDB timeout: on a loaded box, 8 writers can keep the test server
    # busy past the 5 s default, and a refused connection is not what this test is about.
    token = {"PSYMITRIX_TOKEN": stored_token(any_cli), "PSYMITRIX_MONGO_TIMEOUT_MS": "30000"}

    def writer(worker: int) -> list[Any]:
        runs = [
            any_cli.subprocess("journal", "add", f"w{worker} e{i}", env=token) for i in range(50)
        ]
        return [run for run in runs if run.exit_code != 0]

    with ThreadPoolExecutor(8) as pool:
        failures = [f for failed in pool.map(writer, range(8)) for f in failed]
    assert not failures, [(f.exit_code, f.stderr) for f in failures]
    assert count(any_cli) == 400
    entries = every_entry(any_cli)
    assert len(entries) == len({e["id"] for e in entries}) == 400
    assert {e["text"] for e in entries} == {f"w{w} e{i}" for w in range(8) for i in range(50)}


def _add_in_a_subprocess(cli: Cli, text: str, **env: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "from psymitrix_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RICH' if 'rich' in sys.modules else 'NO-RICH', file=sys.stderr)\n"
    )
    full = {**os.environ, **cli.env, **cli.extra, **env}
    if "NO_COLOR" not in env:
        full.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-c", code, "journal", "add", text],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
        cwd=Path(cli.env["PSYMITRIX_HOME"]).parent,
    )


def test_a_saved_entry_is_one_line_written_without_rich(cli: Cli) -> None:
    # The one-line result is written by the terminal object itself, so `journal add`
    # never imports Rich; colour follows FORCE_COLOR / NO_COLOR as Rich's would.
    cli.signup("ann")
    plain = _add_in_a_subprocess(cli, "A walk by the canal " * 8)
    assert plain.stdout.startswith("✓ Saved journal entry "), plain
    assert plain.stdout.count("\n") == 1 and "\x1b" not in plain.stdout  # never hard-wrapped
    assert plain.stderr.strip().endswith("NO-RICH"), plain.stderr
    coloured = _add_in_a_subprocess(cli, "Another walk", FORCE_COLOR="1")
    assert coloured.stdout.startswith("\x1b[32m✓\x1b[0m Saved journal entry "), coloured
    muted = _add_in_a_subprocess(cli, "A third walk", FORCE_COLOR="1", NO_COLOR="1")
    assert muted.stdout.startswith("✓ Saved"), muted
    assert count(cli) == 3
