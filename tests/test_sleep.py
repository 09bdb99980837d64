"""Sleep through the CLI, on every backend: one night per date in the user's calendar,
--replace, averages, show/delete, bad input, and racing writers."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from psymitrix_cli.domain.trackers import SleepPayload
from tests.driver import PASSWORD, Cli, backend, skip_api, stored_token
from tests.terminal import run_in_pty

# 03:30 UTC on Mar 8 is 22:30 on Mar 7 in New York (EST, the night before DST begins).
CLOCK = "2026-03-08T03:30:00Z"


def at(cli: Cli, instant: str = CLOCK) -> Cli:
    """The same CLI with a simulated clock standing at `instant`."""
    return cli.at(instant)


@pytest.fixture
def cli(cli: Cli) -> Cli:
    """Every command of these tests, signup included, runs at CLOCK unless told otherwise."""
    return at(cli)


@pytest.fixture
def any_cli(any_cli: Cli) -> Cli:
    return at(any_cli)


def count(cli: Cli) -> int:
    return int(cli.json("me")["userData"]["sleepLogCount"])


def history(cli: Cli, *flags: str) -> dict[str, Any]:
    return dict(cli.json("sleep", "history", *flags))


def test_default_date_is_today_in_the_users_timezone(any_cli: Cli) -> None:
    any_cli.signup("nia", timezone="America/New_York")
    night = at(any_cli).json("sleep", "log", "--score", "7", "--hours", "7.5", "--note", " ok ")
    assert night["date"] == "2026-03-07"
    assert (night["score"], night["hours"], night["note"]) == (7, 7.5, "ok")
    assert set(night) == {
        "id",
        "date",
        "score",
        "hours",
        "note",
        "createdAt",
        "updatedAt",
        "replaced",
    }
    assert night["replaced"] is False
    any_cli.signup("ula", timezone="UTC")
    assert at(any_cli).json("sleep", "log", "--score", "5")["date"] == "2026-03-08"
    any_cli.signup("kiri", timezone="Pacific/Auckland")  # 16:30 on Mar 8 there
    assert at(any_cli).json("sleep", "log", "--score", "5")["date"] == "2026-03-08"
    assert count(any_cli) == 1


def test_same_night_again_needs_replace_and_keeps_one_entry(any_cli: Cli) -> None:
    any_cli.signup(timezone="America/New_York")
    clocked = at(any_cli)
    first = clocked.json("sleep", "log", "--score", "4", "--hours", "5", "--note", "restless")
    out = clocked("sleep", "log", "--score", "8")
    assert out.exit_code == 2 and "already logged" in out.stderr and "--replace" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert clocked.json("sleep", "show", "2026-03-07")["score"] == 4
    assert count(any_cli) == 1
    again = clocked.json("sleep", "log", "--score", "8", "--date", "2026-03-07", "--replace")
    assert again["replaced"] is True and again["id"] == first["id"]
    assert (again["score"], again["hours"], again["note"]) == (8, None, None)
    assert again["createdAt"] == first["createdAt"]
    assert count(any_cli) == 1
    assert [n["score"] for n in history(clocked)["items"]] == [8]
    assert (
        "Replaced sleep for 2026-03-07"
        in clocked.ok("sleep", "log", "--score", "6", "--replace").stdout
    )


def test_replace_on_a_new_night_just_logs_it(cli: Cli) -> None:
    cli.signup()
    result = at(cli).json("sleep", "log", "--score", "6", "--replace")
    assert result["replaced"] is False and count(cli) == 1


BAD_LOGS = [
    (["--score", "0"], "Sleep score must be"),
    (["--score", "11"], "Sleep score must be"),
    (["--score", "7.5"], "--score"),
    (["--score", "5", "--hours", "-1"], "between 0 and 24"),
    (["--score", "5", "--hours", "24.5"], "between 0 and 24"),
    (["--score", "5", "--hours", "nan"], "between 0 and 24"),
    (["--score", "5", "--hours", "inf"], "between 0 and 24"),
    (["--score", "5", "--date", "2026-03-08"], "in the future"),  # tomorrow in New York
    (["--score", "5", "--date", "2027-01-01"], "in the future"),
    (["--score", "5", "--date", "07/03/2026"], "YYYY-MM-DD"),  # ambiguous: refused
    (["--score", "5", "--date", "2026-02-30"], "not a date"),
    (["--score", "5", "--note", "n" * 1001], "too long"),
    (["--score", "5", "--note", "bell\x07"], "control characters"),
    ([], "no terminal"),
]


@pytest.mark.parametrize(("args", "message"), BAD_LOGS)
def test_bad_log_exits_2_and_writes_nothing(any_cli: Cli, args: list[str], message: str) -> None:
    any_cli.signup(timezone="America/New_York")
    out = at(any_cli)("sleep", "log", *args)
    assert out.exit_code == 2, out
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert count(any_cli) == 0 and history(at(any_cli))["items"] == []


def test_limits_are_inclusive(cli: Cli) -> None:
    cli.signup()
    low = at(cli).json("sleep", "log", "--score", "1", "--hours", "0", "--date", "2026-03-01")
    high = at(cli).json("sleep", "log", "--score", "10", "--hours", "24", "--date", "2026-03-02")
    assert (low["score"], low["hours"], high["score"], high["hours"]) == (1, 0.0, 10, 24.0)
    assert at(cli).json("sleep", "log", "--score", "5", "--note", "n" * 1000)["note"] == "n" * 1000


def test_history_averages_over_the_users_last_7_and_30_days(any_cli: Cli) -> None:
    any_cli.signup(timezone="America/New_York")
    clocked = at(any_cli)  # today is 2026-03-07 in New York
    assert history(clocked) == {
        "items": [],
        "nextCursor": None,
        "average7": None,
        "average30": None,
    }
    for date, score, hours in (
        ("2026-03-07", 8, "7"),
        ("2026-03-01", 6, None),  # the 7th day back: inside the week
        ("2026-02-28", 3, "4"),  # 8 days back: the month only
        ("2026-02-06", 4, "5"),  # 30th day back: inside the month
        ("2026-02-05", 1, "2"),  # 31 days back: outside both
    ):
        flags = ["--hours", hours] if hours else []
        clocked.json("sleep", "log", "--score", str(score), "--date", date, *flags)
    result = history(clocked)
    assert [n["date"] for n in result["items"]] == [
        "2026-03-07",
        "2026-03-01",
        "2026-02-28",
        "2026-02-06",
        "2026-02-05",
    ]
    assert result["average7"] == {"score": 7.0, "hours": 7.0, "nights": 2}
    assert result["average30"] == {"score": 5.25, "hours": 5.33, "nights": 4}
    human = clocked.ok("sleep", "history")
    assert "Last 7 days: 7/10 · 7 h (2 nights)" in human.stdout
    assert "2026-02-28" in human.stdout and "8/10" in human.stdout


def test_history_pages_with_a_cursor(any_cli: Cli) -> None:
    any_cli.signup()
    clocked = at(any_cli)
    for day in range(1, 8):
        clocked.json("sleep", "log", "--score", "5", "--date", f"2026-03-0{day}")
    seen: list[str] = []
    cursor: list[str] = []
    while True:
        page = history(clocked, "-n", "3", *cursor)
        seen += [n["date"] for n in page["items"]]
        if page["nextCursor"] is None:
            break
        cursor = ["--cursor", page["nextCursor"]]
    assert seen == [f"2026-03-0{d}" for d in range(7, 0, -1)]
    for limit in ("0", "-2"):
        out = clocked("sleep", "history", "-n", limit)
        assert out.exit_code == 2 and "between 1 and 200" in out.stderr


def test_show_and_delete_by_date(any_cli: Cli) -> None:
    any_cli.signup("ann")
    clocked = at(any_cli)
    clocked.json("sleep", "log", "--score", "9", "--date", "2026-03-05", "--note", "ann slept")
    shown = clocked.json("sleep", "show", "2026-03-05")
    assert shown["score"] == 9 and "userId" not in shown
    assert "9/10" in clocked.ok("sleep", "show", "2026-03-05").stdout
    out = clocked("sleep", "show", "2026-03-04")
    assert out.exit_code == 2 and "No sleep entry for 2026-03-04" in out.stderr
    assert clocked("sleep", "show", "March 5").exit_code == 2
    out = clocked("sleep", "delete", "2026-03-05")
    assert out.exit_code == 2 and "--yes" in out.stderr and count(any_cli) == 1

    any_cli.signup("bob")
    for args in (("show", "2026-03-05"), ("delete", "2026-03-05", "--yes")):
        out = clocked("sleep", *args)
        assert out.exit_code == 2 and "No sleep entry" in out.stderr
        assert "ann slept" not in out.stdout + out.stderr
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert clocked.json("sleep", "delete", "2026-03-05", "--yes") == {
        "deleted": True,
        "date": "2026-03-05",
    }
    assert count(any_cli) == 0
    assert clocked("sleep", "delete", "2026-03-05", "--yes").exit_code == 2
    # Deleted, the night can be logged again without --replace.
    clocked.json("sleep", "log", "--score", "3", "--date", "2026-03-05")
    assert count(any_cli) == 1


def test_upsert_and_frequency_for_the_dashboard(any_cli: Cli) -> None:
    any_cli.signup(timezone="America/New_York")
    clocked = at(any_cli)
    for date in ("2026-03-07", "2026-03-01", "2026-02-28", "2026-01-01"):
        clocked.json("sleep", "log", "--score", "5", "--date", date)
    with backend(any_cli, PSYMITRIX_CLOCK=CLOCK) as psy:
        sleep: Any = psy.sleep
        expected = {"count": 4, "lastAt": "2026-03-07", "last7": 2, "last30": 3}
        assert sleep.frequency() == expected
        first = sleep.add(SleepPayload(9, 8.0, None, "check-in"), replace=True)
        assert (first["date"], first["replaced"], first["score"]) == ("2026-03-07", True, 9)
        second = sleep.add(SleepPayload(7, None, "2026-03-07"), replace=True)
        assert (second["id"], second["score"]) == (first["id"], 7)
        assert sleep.add(SleepPayload(6, date="2026-03-06"), replace=True)["replaced"] is False
        assert sleep.frequency()["count"] == 5
    assert count(any_cli) == 5


def test_score_is_asked_for_on_a_terminal(cli: Cli) -> None:
    cli.signup()
    steps = [(b"1\xe2\x80\x9310?", b"eleven\r"), (b"1\xe2\x80\x9310?", b"7\r")]
    code, screen = run_in_pty(at(cli), ["sleep", "log", "--hours", "6.5"], steps)
    assert code == 0 and "not a whole number" in screen, screen
    assert [(n["score"], n["hours"]) for n in history(at(cli))["items"]] == [(7, 6.5)]


@pytest.mark.slow
def test_racing_writers_of_one_night_count_it_once(any_cli: Cli) -> None:
    skip_api(any_cli)
    any_cli.signup()
    token = {
        "PSYMITRIX_TOKEN": stored_token(any_cli),
        "PSYMITRIX_CLOCK": CLOCK,
        "PSYMITRIX_MONGO_TIMEOUT_MS": "30000",
    }  # see the journal's concurrency test

    def log(i: int, *flags: str) -> Any:
        return any_cli.subprocess("sleep", "log", "--score", str(1 + i), *flags, env=token)

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(log, range(8)))
    assert sum(o.exit_code == 0 for o in outcomes) == 1, outcomes
    assert all(o.exit_code == 2 and "--replace" in o.stderr for o in outcomes if o.exit_code)
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda i: log(i, "--replace"), range(8)))
    assert all(o.exit_code == 0 for o in outcomes), outcomes
    assert count(any_cli) == 1
    assert len(history(at(any_cli))["items"]) == 1
