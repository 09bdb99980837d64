"""The visiting-streak rule, in the user's own calendar days.

- The first visit on the day after a visited day grows the streak by one.
- Another visit the same day changes nothing.
- A visit after a gap restarts it at 1.
- Read back, a streak whose last visit is older than yesterday shows 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from psymitrix_cli.clock import parse_iso


@dataclass(frozen=True)
class StreakUpdate:
    visiting: int
    longest: int


def local_day(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def stored_day(last_update: str | None, tz: str) -> date | None:
    return None if last_update is None else local_day(parse_iso(last_update), tz)


def after_visit(
    current: int, longest: int, last_day: date | None, today: date
) -> StreakUpdate | None:
    """The new streak after a visit today, or None when nothing changes."""
    if last_day is not None and last_day >= today:
        return None  # already counted today (or a clock/zone change moved today backwards)
    grown = current + 1 if last_day == today - timedelta(days=1) else 1
    return StreakUpdate(visiting=grown, longest=max(longest, grown))


def displayed(current: int, last_day: date | None, today: date) -> int:
    if last_day is None or last_day < today - timedelta(days=1):
        return 0
    return current
