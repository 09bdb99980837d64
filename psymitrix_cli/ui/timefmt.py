"""Small text helpers every view shares: stored instants in the reader's own wall-clock
time, and one-line excerpts."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def local_time(instant: str | None, timezone: str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC instant as the person reads it ("—" when there is none)."""
    if not instant:
        return "—"
    moment = datetime.fromisoformat(instant)
    if timezone:
        moment = moment.astimezone(ZoneInfo(timezone))
    return moment.strftime(fmt)


def excerpt(text: str | None, width: int) -> str:
    """The text on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
