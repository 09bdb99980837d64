"""The user's own calendar: days, dates and instants in their timezone.

Stored instants are UTC (clock.iso); everything a person types or reads as a day
is interpreted in their IANA timezone, here and nowhere else.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from psymitrix_cli import messages
from psymitrix_cli.clock import iso
from psymitrix_cli.domain import validation as v
from psymitrix_cli.errors import InvalidInput, ref
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


def date_range(user: Doc, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Inclusive --since/--until dates as a half-open [start, end) range of UTC instants."""
    start = day_start(_day(since, "since"), user) if since else None
    end = day_start(_day(until, "until") + timedelta(days=1), user) if until else None
    if start and end and start >= end:
        raise InvalidInput(
            messages.SINCE_AFTER_UNTIL.format(since=ref("since"), until=ref("until")), field="since"
        )
    return start, end


def _day(value: str, field: str) -> date:
    try:
        return v.parse_date(value, ref(field))
    except InvalidInput as exc:
        exc.field = field
        raise


def days_ago_start(ctx: ServiceContext, user: Doc, days: int) -> str:
    """The start of the day `days - 1` days before today: the window of the last `days` days."""
    return day_start(today(ctx, user) - timedelta(days=days - 1), user)
