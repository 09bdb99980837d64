"""Recording a visit: the streak rule from domain/streak.py, applied with compare-and-set."""

from __future__ import annotations

from datetime import date

from psymitrix_cli.domain import streak
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import Doc

MAX_ATTEMPTS = 5


def _rest_day(data: Doc) -> date | None:
    value = data.get("lastRestDay")
    return date.fromisoformat(value) if value else None


def record_visit(ctx: ServiceContext, user: Doc, read: Doc | None = None) -> Doc | None:
    """Count today's visit; return the user_data as it now stands (saves callers a read).
    `read`: the user_data the caller's own read just returned, so the first attempt
    needs no read of its own (a lost compare-and-set reads again)."""
    now = ctx.clock.now()
    today = streak.local_day(now, user["timezone"])
    for _ in range(MAX_ATTEMPTS):
        data, read = read or ctx.store.get_user_data(user["_id"]), None
        if data is None:
            return None
        last = data.get("lastStreakUpdate")
        update = streak.after_visit(
            data.get("visitingStreak", 0),
            data.get("longestStreak", 0),
            streak.stored_day(last, user["timezone"]),
            today,
            _rest_day(data),
        )
        if update is None:
            return data
        fields = {
            "visitingStreak": update.visiting,
            "longestStreak": update.longest,
            "lastStreakUpdate": ctx.now_iso(),
            "lastRestDay": update.rest_day.isoformat() if update.rest_day else None,
        }
        # Another process may have counted today first; then the re-read sees today and stops.
        if ctx.store.set_streak(user["_id"], last, fields):
            return {**data, **fields}
    return None


def streak_view(ctx: ServiceContext, user: Doc, data: Doc) -> dict[str, object]:
    today = streak.local_day(ctx.clock.now(), user["timezone"])
    last_day = streak.stored_day(data.get("lastStreakUpdate"), user["timezone"])
    rest = _rest_day(data)
    return {
        "visitingStreak": streak.displayed(data.get("visitingStreak", 0), last_day, today, rest),
        "longestStreak": data.get("longestStreak", 0),
        "lastStreakUpdate": data.get("lastStreakUpdate"),
        "lastRestDay": data.get("lastRestDay"),
        "restingYesterday": streak.resting(last_day, today, rest),
    }
