"""The visiting streak, in the user's calendar, with an injected clock."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from psymitrix_cli.domain import streak
from tests.driver import Cli, stored_token


def _visit(cli: Cli, at: str) -> dict[str, object]:
    data = cli.json("me", env={"PSYMITRIX_CLOCK": at})["userData"]
    return {"streak": data["visitingStreak"], "longest": data["longestStreak"]}


def test_grows_daily_holds_within_a_day_and_restarts_after_a_gap(any_cli: Cli) -> None:
    any_cli.at("2026-11-01T08:00:00Z").signup("ann", timezone="UTC")
    assert _visit(any_cli, "2026-11-01T09:00:00Z") == {"streak": 1, "longest": 1}
    assert _visit(any_cli, "2026-11-01T23:59:00Z") == {"streak": 1, "longest": 1}
    assert _visit(any_cli, "2026-11-02T00:01:00Z") == {"streak": 2, "longest": 2}
    assert _visit(any_cli, "2026-11-03T12:00:00Z") == {"streak": 3, "longest": 3}
    # Nov 4 missed: the week's rest day; the streak carries on (visited days are counted).
    assert _visit(any_cli, "2026-11-05T12:00:00Z") == {"streak": 4, "longest": 4}
    # Nov 6 missed too: a second rest day within the week restarts it.
    assert _visit(any_cli, "2026-11-07T12:00:00Z") == {"streak": 1, "longest": 4}
    assert _visit(any_cli, "2026-11-08T12:00:00Z") == {"streak": 2, "longest": 4}
    assert _visit(any_cli, "2026-11-11T12:00:00Z") == {"streak": 1, "longest": 4}  # 2 missed


def test_days_follow_the_users_timezone_not_utc(cli: Cli) -> None:
    cli.at("2026-11-24T09:00:00Z").signup("kiri", timezone="Pacific/Auckland")  # UTC+13 in November
    assert _visit(cli, "2026-11-24T10:00:00Z")["streak"] == 1  # 23:00 on the 24th in Auckland
    assert _visit(cli, "2026-11-24T12:00:00Z")["streak"] == 2  # 01:00 on the 25th
    cli.at("2026-11-24T09:00:00Z").signup("ula", timezone="UTC")
    assert _visit(cli, "2026-11-24T10:00:00Z")["streak"] == 1
    assert _visit(cli, "2026-11-24T12:00:00Z")["streak"] == 1  # same UTC day


def test_dst_spring_forward_day_of_23_hours(cli: Cli) -> None:
    cli.at("2026-03-08T04:00:00Z").signup("nia", timezone="America/New_York")
    assert _visit(cli, "2026-03-08T04:30:00Z")["streak"] == 1  # 23:30 EST on Mar 7
    assert _visit(cli, "2026-03-09T03:30:00Z")["streak"] == 2  # 23:30 EDT on Mar 8, 23 h later
    assert _visit(cli, "2026-03-09T04:10:00Z")["streak"] == 3  # 00:10 EDT on Mar 9


def test_dst_fall_back_day_of_25_hours(cli: Cli) -> None:
    cli.at("2026-10-31T04:00:00Z").signup("nia", timezone="America/New_York")
    assert _visit(cli, "2026-10-31T04:30:00Z")["streak"] == 1  # 00:30 EDT on Oct 31
    assert _visit(cli, "2026-11-02T04:30:00Z")["streak"] == 2  # 23:30 EST on Nov 1
    assert _visit(cli, "2026-11-02T05:30:00Z")["streak"] == 3  # 00:30 EST on Nov 2


D = date(2026, 1, 10)  # "today" in the rule tests below


def _day(offset: int) -> date:
    return date.fromordinal(D.toordinal() + offset)


@pytest.mark.parametrize(
    ("current", "last", "rest", "expected"),
    [
        (5, -1, None, 5),  # visited yesterday
        (5, 0, None, 5),  # visited today
        (5, -2, None, 5),  # yesterday missed: it can still be a rest day
        (5, -2, -8, 5),  # the last rest day was 7 days before yesterday: allowed again
        (5, -2, -7, 0),  # 6 days before yesterday: the week's rest day is used
        (5, -3, None, 0),  # two days missed
        (0, None, None, 0),  # never visited
    ],
)
def test_the_streak_as_it_reads_today(
    current: int, last: int | None, rest: int | None, expected: int
) -> None:
    last_day = None if last is None else _day(last)
    rest_day = None if rest is None else _day(rest)
    assert streak.displayed(current, last_day, D, rest_day) == expected


@pytest.mark.parametrize(
    ("last", "rest", "expected", "rest_after"),
    [
        (-1, None, (6, 6), None),  # the next day: grows
        (-2, None, (6, 6), -1),  # one missed day: grows, and yesterday becomes the rest day
        (-2, -8, (6, 6), -1),  # a rest day a week before: allowed again
        (-2, -7, (1, 5), -7),  # a rest day within the week: restarts, longest kept
        (-3, None, (1, 5), None),  # two missed days: restarts
    ],
)
def test_a_visit_after_a_gap(
    last: int, rest: int | None, expected: tuple[int, int], rest_after: int | None
) -> None:
    rest_day = None if rest is None else _day(rest)
    update = streak.after_visit(5, 5, _day(last), D, rest_day)
    assert update is not None
    assert (update.visiting, update.longest) == expected
    assert update.rest_day == (None if rest_after is None else _day(rest_after))


def test_a_first_visit_and_a_second_visit_the_same_day() -> None:
    first = streak.after_visit(0, 0, None, D)
    assert first is not None and (first.visiting, first.longest, first.rest_day) == (1, 1, None)
    assert streak.after_visit(1, 1, D, D) is None
    assert streak.after_visit(0, 0, _day(-2), D) == streak.StreakUpdate(1, 1, None)  # no streak


def test_status_says_plainly_that_yesterday_was_a_rest_day(cli: Cli) -> None:
    cli.at("2026-11-01T08:00:00Z").signup("ann", timezone="UTC")
    _visit(cli, "2026-11-01T09:00:00Z")
    _visit(cli, "2026-11-02T09:00:00Z")
    day4 = {"PSYMITRIX_CLOCK": "2026-11-04T09:00:00Z"}  # Nov 3 missed
    resting = cli.json("status", env=day4)["streak"]  # a visit, as every command is
    assert (resting["current"], resting["restingYesterday"]) == (3, True)
    words = " ".join(cli.ok("status", env=day4).stdout.split())
    assert "Streak 3 days" in words and "rest day" in words
    after = cli.json("status", env={"PSYMITRIX_CLOCK": "2026-11-05T09:00:00Z"})["streak"]
    assert (after["current"], after["restingYesterday"]) == (4, False)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["local", "mongo"])
def test_eight_processes_visiting_on_the_same_day_count_once(
    cli: Cli, backend: str, request: pytest.FixtureRequest
) -> None:
    if backend == "mongo":
        settings = request.getfixturevalue("mongo_settings")
        cli.extra = {
            "PSYMITRIX_BACKEND": "mongo",
            "MONGO_LINK": settings.link or "",
            "MONGODB_DATABASE_PSYMITRIX": settings.database,
        }
    cli.at("2026-11-01T08:00:00Z").signup("ann", timezone="UTC")
    assert _visit(cli, "2026-11-01T09:00:00Z")["streak"] == 1
    env = {"PSYMITRIX_TOKEN": stored_token(cli), "PSYMITRIX_CLOCK": "2026-11-02T09:00:00Z"}
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(lambda _: cli.subprocess("whoami", env=env), range(8)))
    assert all(o.exit_code == 0 for o in outcomes), outcomes
    assert _visit(cli, "2026-11-02T10:00:00Z") == {"streak": 2, "longest": 2}
