"""`review`: read a period's entries (and the period before it) and let domain/review.py
do the arithmetic. Reads are bounded by the period, in pages, on indexed sort fields; of
the period before, only the mood a day (summed in the store) and the nights are read."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import review as rules
from psymitrix_cli.domain.checkin import TAG as CHECKIN_TAG
from psymitrix_cli.domain.entry_kind import When
from psymitrix_cli.errors import InvalidInput, ref
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import (
    ASSESSMENTS,
    BREATHING,
    GRATITUDE,
    MOOD_JOURNAL,
    SLEEP,
    Doc,
    Kind,
    Query,
)

Result = dict[str, Any]
PAGE = 1000
MAX_ROWS = 50_000  # a ceiling per kind and period, far above a year of daily use
DATE_SORTED = {SLEEP.name}  # sorted by a calendar date, not an instant


class ReviewService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    @allows("read")
    def review(self, span: rules.Span = "week", since: str | None = None) -> Result:
        user = self.session.user()
        today = usertime.today(self.ctx, user)
        start = parse_day(self.ctx, user, since, "since") if since else None
        current = rules.period(today, span, start)
        previous = current.before()
        zone = user["timezone"]
        now = self._read(user, current)
        days = rules.daily_mood(now["journal"], zone)
        # Of the period before, only its mood a day and its nights are compared: the mood
        # is summed per day in the store (one grouped read, no entry decoded).
        days_before = self._daily_mood(user, previous)
        sleep_now, sleep_before = now["sleep"], in_period(self.ctx, SLEEP, user, previous)
        mood, mood_before = rules.mean(days.values()), rules.mean(days_before.values())
        score = rules.mean(n["score"] for n in sleep_now)
        score_before = rules.mean(n["score"] for n in sleep_before)
        hours = rules.mean(n["hours"] for n in sleep_now if n.get("hours") is not None)
        return {
            "period": {"start": current.start.isoformat(), "end": current.end.isoformat()},
            "previous": {"start": previous.start.isoformat(), "end": previous.end.isoformat()},
            "mood": {
                "average": mood,
                "previous": mood_before,
                "change": rules.change(mood, mood_before),
                "days": len(days),
                **rules.best_and_hardest(days),
                "daily": {d.isoformat(): m for d, m in days.items()},
            },
            "sleep": {
                "averageScore": score,
                "previousScore": score_before,
                "change": rules.change(score, score_before),
                "averageHours": hours,
                "nights": len(sleep_now),
            },
            # Each morning of the period with the night before it (the first one's night
            # belongs to the period before).
            "sleepAndNextDayMood": rules.sleep_and_next_day_mood(
                [*sleep_before[:1], *sleep_now], days
            ),
            "moodByTag": rules.by_tag(now["journal"]),
            "moodByWeekday": rules.by_weekday(days),
            "questionnaires": rules.questionnaires(self._assessments(user, current)),
            "done": rules.done(
                current,
                zone,
                now["journal"],
                now["gratitude"],
                now["breathing"],
                sleep_now,
                CHECKIN_TAG,
            ),
        }

    def _read(self, user: Doc, span: rules.Period) -> dict[str, list[Doc]]:
        return read_period(self.ctx, user, span, READ)

    def _daily_mood(self, user: Doc, span: rules.Period) -> dict[date, float]:
        """As rules.daily_mood, from the store's per-day count and sum of the mood."""
        days = span.dates()
        bounds = [usertime.day_start(d, user) for d in (*days, span.end + timedelta(days=1))]
        totals = self.ctx.store.totals_between(MOOD_JOURNAL, user["_id"], "mood", bounds)
        return {d: round(total / n, 2) for d, (n, total) in zip(days, totals, strict=True) if n}

    def _assessments(self, user: Doc, span: rules.Period) -> list[Doc]:
        return in_period(self.ctx, ASSESSMENTS, user, span)


def parse_day(ctx: ServiceContext, user: Doc, value: str, field: str) -> date:
    """A day the person typed (YYYY-MM-DD or 'last monday'), at most ten years ago."""
    when = When(ctx.clock.now(), usertime.zone(user))
    day = when.date(value, field)
    if day < when.today() - timedelta(days=3660):
        raise InvalidInput(
            messages.REVIEW_TOO_LONG_AGO.format(field=ref(field), value=value), field=field
        )
    return day


READ = {"journal": MOOD_JOURNAL, "sleep": SLEEP, "gratitude": GRATITUDE, "breathing": BREATHING}


def read_period(
    ctx: ServiceContext, user: Doc, span: rules.Period, kinds: dict[str, Kind]
) -> dict[str, list[Doc]]:
    return {name: in_period(ctx, kind, user, span) for name, kind in kinds.items()}


def in_period(ctx: ServiceContext, kind: Kind, user: Doc, span: rules.Period) -> list[Doc]:
    """Every entry of `kind` in the period, newest first, read a page at a time."""
    end = span.end + timedelta(days=1)
    if kind.name in DATE_SORTED:
        since, until = span.start.isoformat(), end.isoformat()
    else:
        since, until = usertime.day_start(span.start, user), usertime.day_start(end, user)
    rows: list[Doc] = []
    while len(rows) < MAX_ROWS:
        page = ctx.store.list(
            kind,
            Query(user_id=user["_id"], limit=PAGE, offset=len(rows), since=since, until=until),
        )
        rows.extend(page)
        if len(page) < PAGE:
            break
    return rows
