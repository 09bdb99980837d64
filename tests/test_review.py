"""`psymitrix review` through the CLI, on every backend: the same figures everywhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.driver import Cli

NOW = "2026-10-20T21:00:00Z"
EARLIER = "2026-10-08T09:00:00Z"  # a first PHQ-9, twelve days before


def _history(cli: Cli) -> None:
    """Twenty days: long good nights before good days, short ones before hard days."""
    for i in range(20):
        day = date(2026, 10, 1) + timedelta(days=i)
        long_night = i % 2 == 1
        cli.json(
            "sleep", "log", "--score", "8" if long_night else "4",
            "--hours", "8" if long_night else "5.5", "--date", day.isoformat(),
        )  # fmt: skip
        cli.json(
            "journal", "add", f"day {i}", "--mood", "2" if long_night else "4",
            "--tag", "work" if i % 3 else "rest", "--at", f"{day}T12:00",
        )  # fmt: skip
    cli.json("test", "phq9", "--answers", "1,1,1,1,1,0,1,0,0")
    cli.json("breathe", "--cycles", "1", "--plain")


@pytest.fixture
def reviewed(any_cli: Cli) -> Cli:
    earlier = any_cli.at(EARLIER)
    earlier.signup("ann")
    earlier.json("test", "phq9", "--answers", "2,2,2,2,2,2,1,1,0")
    cli = any_cli.at(NOW)
    _history(cli)
    return cli


def test_a_week_against_the_week_before(reviewed: Cli) -> None:
    r = reviewed.json("review")
    assert r["period"] == {"start": "2026-10-14", "end": "2026-10-20"}
    # Oct 14..20 are days 13..19: moods 2,4,2,4,2,4,2 -> 20/7 = 2.86; the week before
    # (days 6..12: 4,2,4,2,4,2,4) -> 22/7 = 3.14.
    assert (r["mood"]["average"], r["mood"]["previous"], r["mood"]["change"]) == (2.86, 3.14, -0.28)
    # Each morning of the week with the night before: nights of Oct 13..19. The night of
    # day i is long when i is odd, and the next day (i + 1, even) had mood 4.
    hours = r["sleepAndNextDayMood"]["byHours"]
    assert hours["enough"] is True
    assert hours["good"] == {"label": "7 h or more", "mood": 4.0, "nights": 3}
    assert hours["other"] == {"label": "less", "mood": 2.0, "nights": 4}
    assert r["done"]["breathingSessions"] == 1 and r["done"]["journalEntries"] == 7


def test_a_month_shows_questionnaire_change_and_a_calendar(reviewed: Cli) -> None:
    r = reviewed.json("review", "--month")
    (phq9,) = r["questionnaires"]
    assert (phq9["first"]["total"], phq9["latest"]["total"], phq9["change"]) == (14, 6, -8)
    assert phq9["reliable"] is True and phq9["clinicallySignificant"] is True
    out = reviewed.ok("review", "--month", env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    words = " ".join(out.split())
    assert "a reliable improvement, now in the mild range" in words
    assert "next-day mood averaged 4.0" in words and "Mon-Sun" in words
    assert all(len(line) <= 80 for line in out.splitlines()), out


def test_a_year_is_a_month_a_row_of_mood_squares(reviewed: Cli) -> None:
    r = reviewed.json("review", "--year")
    # 365 days up to Oct 20, 2026: from Oct 21, 2025.
    assert r["period"] == {"start": "2025-10-21", "end": "2026-10-20"}
    assert r["done"]["journalEntries"] == 20
    out = reviewed.ok("review", "--year", env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    rows = [line for line in out.splitlines() if line[2:9] in ("Oct 25 ", "Sep 26 ", "Oct 26 ")]
    assert [row[2:8] for row in rows] == ["Oct 25", "Sep 26", "Oct 26"]
    oct25, sep26, oct26 = (row[9::2] for row in rows)  # a cell, then a space
    assert oct25 == " " * 20 + "·" * 11  # before the period: blank; then no entries
    assert sep26 == "·" * 30  # a month of nothing written
    assert " " not in oct26[:20] and "·" not in oct26[:20]  # a square each of Oct 1-20
    assert oct26[20:].strip() == ""  # after today: blank
    assert all(len(line) <= 80 for line in out.splitlines()), out
    assert "A month a row" in out


def test_too_little_data_makes_no_claim(any_cli: Cli) -> None:
    cli = any_cli.at(NOW)
    cli.signup("bob")
    cli.json("journal", "add", "one day", "--mood", "3")
    r = cli.json("review")
    assert r["sleepAndNextDayMood"]["byHours"]["enough"] is False
    assert "not enough yet" in cli.ok("review").stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [(["--week", "--month"], "--week"), (["--year", "--since", "2026-01-01"], "--year"),
     (["--since", "2026-13-01"], "--since"),
     (["--since", "2027-01-01"], "--since")],
)  # fmt: skip
def test_bad_periods_are_one_line_and_exit_2(any_cli: Cli, args: list[str], field: str) -> None:
    cli = any_cli.at(NOW)
    cli.signup("cat")
    out = cli("review", *args)
    assert out.exit_code == 2 and field in out.stderr and out.stderr.count("\n") == 1, out


def test_the_period_before_counts_days_in_the_persons_zone(any_cli: Cli) -> None:
    """The period before is summed per local day in the store: an entry at 23:30 in New
    York belongs to that day, though it is the next day in UTC."""
    cli = any_cli.at(NOW)  # Oct 20, 17:00 in New York: the week is Oct 14-20, before Oct 7-13
    cli.signup("eve", timezone="America/New_York")
    for text, mood, at in (
        ("late", "1", "2026-10-13T23:30"),  # Oct 14 03:30 UTC, yet Oct 13 here
        ("morning", "5", "2026-10-13T08:00"),  # Oct 13: (1 + 5) / 2 = 3
        ("early", "4", "2026-10-07T00:30"),  # Oct 7: 4
        ("before", "2", "2026-10-06T23:30"),  # Oct 6 here: outside both periods
    ):
        cli.json("journal", "add", text, "--mood", mood, "--at", at)
    r = cli.json("review")
    assert (r["mood"]["previous"], r["mood"]["days"], r["mood"]["average"]) == (3.5, 0, None)
