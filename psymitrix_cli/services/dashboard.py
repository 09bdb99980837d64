"""The dashboard (`status`) and the guided daily check-in.

Every figure comes from bounded, indexed reads: the newest entry, counts since a
date, 14 days of mood summed per day in the store, and at most 14 nights of sleep.
So the cost of `status` follows what is shown, not how long someone has used PsyMitrix.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.entries import tracker_reads, tracker_view
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.services.visits import streak_view
from psymitrix_cli.store.base import (
    ASSESSMENTS,
    MOOD_JOURNAL,
    SLEEP,
    Doc,
    Entry,
    Page,
    Query,
    Read,
    Totals,
    UserData,
    kind_of,
)

if TYPE_CHECKING:
    from psymitrix_cli.domain.checkin import CheckinAnswers

Result = dict[str, Any]
TREND_DAYS = 14


class DashboardService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    # --- status ---------------------------------------------------------------------
    def _trend_reads(self, user: Doc, today: date) -> list[Read]:
        first = today - timedelta(days=TREND_DAYS - 1)
        days = [first + timedelta(days=i) for i in range(TREND_DAYS)]
        # One grouped read in the store: each local day's mood count and sum, however
        # many entries the fortnight holds (day bounds follow the user's zone and DST).
        bounds = [usertime.day_start(d, user) for d in (*days, today + timedelta(days=1))]
        return [
            Totals(MOOD_JOURNAL, user["_id"], "mood", tuple(bounds)),
            Page(SLEEP, Query(user_id=user["_id"], limit=TREND_DAYS, since=first.isoformat())),
        ]

    @staticmethod
    def _trends(today: date, moods: list[tuple[int, float]], nights: list[Doc]) -> Result:
        first = today - timedelta(days=TREND_DAYS - 1)
        days = [first + timedelta(days=i) for i in range(TREND_DAYS)]
        sleep = {date.fromisoformat(n["date"]): n["score"] for n in nights}
        return {
            "days": [d.isoformat() for d in days],
            "mood": [round(total / n, 2) if n else None for n, total in moods],
            "sleep": [sleep.get(d) for d in days],
        }

    @staticmethod
    def _latest(rows: list[Doc]) -> Result | None:
        if not rows:
            return None
        row = rows[0]
        return {"total": row["total"], "severity": row["severity"], "takenAt": row["takenAt"]}

    @allows("read")
    def status(self) -> Result:
        """Every figure from one `read_many` (one round trip on MongoDB): user_data, each
        tracker's newest entry and spans, the day's check-in ids, the newest PHQ-9 and
        GAD-7, and the fortnight's trends. Read now, never from a snapshot kept since
        the session began: a backend kept across calls has written since."""
        from psymitrix_cli.domain import checkin as rules

        user = self.session.user()
        uid = user["_id"]
        today = usertime.today(self.ctx, user)
        reads: list[Read] = [UserData(uid)]
        for spec in registry.DASHBOARD:
            reads += tracker_reads(self.ctx, user, spec)
        parts = rules.FIXED_PARTS.items()
        reads += [Entry(kind_of(s), uid, rules.entry_id(uid, today, n)) for n, s in parts]
        reads += [
            Page(ASSESSMENTS, Query(user_id=uid, limit=1, where={"instrument": name}))
            for name in ("PHQ-9", "GAD-7")
        ]
        reads += self._trend_reads(user, today)
        answers = iter(self.ctx.store.read_many(reads))
        data: Doc = next(answers) or {}
        seen = {
            spec: tracker_view(spec, data, next(answers), next(answers))
            for spec in registry.DASHBOARD
        }
        checked_in = any([next(answers) is not None for _ in rules.FIXED_PARTS])
        phq, gad = self._latest(next(answers)), self._latest(next(answers))
        trends = self._trends(today, next(answers), next(answers))

        counts: Result = {spec.tracker: view for spec, (view, _) in seen.items()}
        counts["depressionTests"] = {"count": int(data.get("depressionTestCount", 0))}
        counts["anxietyTests"] = {"count": int(data.get("anxietyTestCount", 0))}
        streak = streak_view(self.ctx, user, data)
        return {
            "date": today.isoformat(),
            "streak": {
                "current": streak["visitingStreak"],
                "longest": streak["longestStreak"],
                "lastVisit": streak["lastStreakUpdate"],
                "restingYesterday": streak["restingYesterday"],
            },
            "today": {
                **{spec.today: seen[spec][1] > 0 for spec in seen if spec.today},
                "checkin": checked_in,
            },
            "assessments": {"PHQ-9": phq, "GAD-7": gad},
            "trends": trends,
            "counts": counts,
        }

    # --- the daily check-in ----------------------------------------------------------
    @allows("read")
    def review(self, span: str = "week", since: str | None = None) -> Result:
        from psymitrix_cli.domain.review import SPAN_DAYS
        from psymitrix_cli.services.review import ReviewService

        if span not in SPAN_DAYS:
            raise InvalidInput(messages.REVIEW_UNKNOWN_SPAN.format(span=span), field="span")
        return ReviewService(self.ctx, self.session).review(span, since)  # type: ignore[arg-type]

    @allows("read")
    def report(
        self, since: str | None = None, until: str | None = None, journal: bool = False
    ) -> Result:
        from psymitrix_cli.services.report import ReportService

        return ReportService(self.ctx, self.session).report(since, until, journal)

    @allows("write")
    def checkin(self, answers: CheckinAnswers) -> Result:
        """One pass through mood, last night's sleep, gratitude and one thing done.

        Each part is optional, but a check-in records something. One check-in a day:
        each part has that day's fixed id (sleep its night), so running it again updates
        the day's entries rather than adding to them, unless `answers.new`."""
        from psymitrix_cli.domain import checkin as rules
        from psymitrix_cli.services.entries import service_for, when_for

        user = self.session.user()
        when = when_for(self.ctx, user)
        day = rules.day_of(answers, when)
        result: Result = {"date": day.isoformat()}
        for part in rules.plan(answers, when):
            service = service_for(self.ctx, self.session, part.kind.name)
            fixed = (
                None if answers.new or part.replace else rules.entry_id(user["_id"], day, part.name)
            )
            result[part.name] = service.add(
                part.payload, replace=part.replace, source="checkin", entry_id=fixed
            )
        parts = [r for r in result.values() if isinstance(r, dict)]
        result["crisis"] = any(bool(r.get("crisis")) for r in parts)
        result["updated"] = any(bool(r.get("replaced")) for r in parts)
        return result

    @allows("read")
    def checked_in(self, user: Doc, day: date) -> bool:
        """Whether the day has a check-in (any part written under the day's ids)."""
        from psymitrix_cli.domain import checkin as rules

        for name, spec in rules.FIXED_PARTS.items():
            if self.ctx.store.get(
                kind_of(spec), user["_id"], rules.entry_id(user["_id"], day, name)
            ):
                return True
        return False
