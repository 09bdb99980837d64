"""The user's own calendar: days, dates and instants in their timezone.

Stored instants are UTC (clock.iso); everything a person types or reads as a day
is interpreted in their IANA timezone, here and nowhere else.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from psymitrix_cli.clock import iso
from psymitrix_cli.domain import validation as v
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import Doc

FUTURE_SLACK = timedelta(minutes=5)  # clocks disagree a little; a typo a day ahead is refused


def zone(user: Doc) -> ZoneInfo:
    return ZoneInfo(user["timezone"])


def today(ctx: ServiceContext, user: Doc) -> date:
    return ctx.clock.now().astimezone(zone(user)).date()


def day_start(day: date, user: Doc) -> str:
    """The UTC instant at which `day` begins where the user lives."""
    return iso(datetime.combine(day, time.min, tzinfo=zone(user)))


def moment(ctx: ServiceContext, user: Doc, value: str | None, label: str = "--at") -> str:
    """An instant from user input: now when absent; a bare date means noon that day;
    a naive time is in the user's timezone. Never in the future."""
    now = ctx.clock.now()
    if value is None:
        return iso(now)
    text = value.strip()
    if len(text) == 10:
        parsed = datetime.combine(v.parse_date(text, label), time(12), tzinfo=zone(user))
    else:
        parsed = v.parse_datetime(text, label)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=zone(user))
    if parsed > now + FUTURE_SLACK:
        raise InvalidInput(f"{label} {value!r} is in the future.")
    return iso(parsed)


def local_date(ctx: ServiceContext, user: Doc, value: str | None, label: str = "--date") -> date:
    """A calendar date from user input (default today), never in the future."""
    day = today(ctx, user) if value is None else v.parse_date(value, label)
    if day > today(ctx, user):
        raise InvalidInput(f"{label} {value} is in the future.")
    return day


def date_range(user: Doc, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Inclusive --since/--until dates as a half-open [start, end) range of UTC instants."""
    start = day_start(v.parse_date(since, "--since"), user) if since else None
    end = day_start(v.parse_date(until, "--until") + timedelta(days=1), user) if until else None
    if start and end and start >= end:
        raise InvalidInput("--since must be on or before --until.")
    return start, end


def days_ago_start(ctx: ServiceContext, user: Doc, days: int) -> str:
    """The start of the day `days - 1` days before today: the window of the last `days` days."""
    return day_start(today(ctx, user) - timedelta(days=days - 1), user)
