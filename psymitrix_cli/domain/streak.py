"""The visiting-streak rule, in the user's own calendar days.

- The first visit on the day after a visited day grows the streak by one.
- Another visit the same day changes nothing.
- A rest day: one missed day is forgiven, at most once in any 7 days. The streak
  grows on the visit after it (it counts visited days, so the rest day adds nothing)
  and the missed day is remembered, so a second gap within the week restarts it.
- Any other gap restarts it at 1. The longest streak is the longest run so counted.
- Read back, a streak shows 0 once it can no longer grow: after two missed days,
  or after one when the week's rest day is already used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from psymitrix_cli.clock import parse_iso

REST_EVERY = timedelta(days=7)  # one rest day in any seven
DAY = timedelta(days=1)


@dataclass(frozen=True)
class StreakUpdate:
    visiting: int
    longest: int
    rest_day: date | None  # the missed day forgiven by this visit, else the earlier one


def local_day(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def stored_day(last_update: str | None, tz: str) -> date | None:
    return None if last_update is None else local_day(parse_iso(last_update), tz)


def rest_available(rest_day: date | None, missed: date) -> bool:
    """May `missed` be a rest day, given the last one taken?"""
    return rest_day is None or missed - rest_day >= REST_EVERY


def after_visit(
    current: int,
    longest: int,
    last_day: date | None,
    today: date,
    rest_day: date | None = None,
) -> StreakUpdate | None:
    """The new streak after a visit today, or None when nothing changes."""
    if last_day is not None and last_day >= today:
        return None  # already counted today (or a clock/zone change moved today backwards)
    if last_day == today - DAY:
        grown, rest = current + 1, rest_day
    elif last_day == today - 2 * DAY and current > 0 and rest_available(rest_day, today - DAY):
        grown, rest = current + 1, today - DAY
    else:
        grown, rest = 1, rest_day
    return StreakUpdate(visiting=grown, longest=max(longest, grown), rest_day=rest)


def displayed(
    current: int, last_day: date | None, today: date, rest_day: date | None = None
) -> int:
    """The streak as it stands today: kept while a visit today could still grow it."""
    if last_day is None:
        return 0
    if last_day >= today - DAY:
        return current
    if last_day == today - 2 * DAY and rest_available(rest_day, today - DAY):
        return current  # yesterday can still be a rest day
    return 0


def resting(last_day: date | None, today: date, rest_day: date | None) -> bool:
    """True when yesterday was missed and is (or will be) forgiven as a rest day."""
    if last_day is None:
        return False
    if rest_day == today - DAY:
        return True
    return last_day == today - 2 * DAY and rest_available(rest_day, today - DAY)
