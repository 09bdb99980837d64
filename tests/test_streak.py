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
    assert _visit(any_cli, "2026-11-05T12:00:00Z") == {"streak": 1, "longest": 3}
    assert _visit(any_cli, "2026-11-06T12:00:00Z") == {"streak": 2, "longest": 3}


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


@pytest.mark.parametrize(
    ("current", "last", "today", "expected"),
    [
        (5, date(2026, 1, 9), date(2026, 1, 10), 5),
        (5, date(2026, 1, 10), date(2026, 1, 10), 5),
        (5, date(2026, 1, 8), date(2026, 1, 10), 0),
        (0, None, date(2026, 1, 10), 0),
    ],
)
def test_a_stale_streak_reads_as_zero(
    current: int, last: date | None, today: date, expected: int
) -> None:
    assert streak.displayed(current, last, today) == expected


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
