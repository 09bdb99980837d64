"""The dashboard (`status`) and the guided daily check-in.

Every figure comes from bounded, indexed reads: the newest entry, counts since a
date, and at most 14 days of mood and sleep. So the cost of `status` follows
what is shown, not how long someone has used PsyMitrix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from psymitrix_cli.clock import parse_iso
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.journal import frequency_of
from psymitrix_cli.services.session import Session
from psymitrix_cli.services.visits import streak_view
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
TREND_DAYS = 14
TREND_ROWS = 500  # a ceiling on mood rows read for the sparkline, however busy the fortnight


class DashboardService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    # --- status ---------------------------------------------------------------------
    def _today_has(self, user: Doc, kind: Kind, today: date) -> bool:
        query = Query(user_id=user["_id"], limit=1, since=usertime.day_start(today, user))
        return bool(self.ctx.store.list(kind, query))

    def _latest_assessment(self, user: Doc, instrument: str) -> Result | None:
        rows = self.ctx.store.list(
            ASSESSMENTS, Query(user_id=user["_id"], limit=1, where={"instrument": instrument})
        )
        if not rows:
            return None
        row = rows[0]
        return {"total": row["total"], "severity": row["severity"], "takenAt": row["takenAt"]}

    def _local_day(self, user: Doc, instant: str) -> date:
        return parse_iso(instant).astimezone(usertime.zone(user)).date()

    def _trends(self, user: Doc, today: date) -> Result:
        first = today - timedelta(days=TREND_DAYS - 1)
        days = [first + timedelta(days=i) for i in range(TREND_DAYS)]
        moods: dict[date, list[int]] = defaultdict(list)
        entries = self.ctx.store.list(
            MOOD_JOURNAL,
            Query(user_id=user["_id"], limit=TREND_ROWS, since=usertime.day_start(first, user)),
        )
        for entry in entries:
            if entry.get("mood") is not None:
                moods[self._local_day(user, entry["at"])].append(int(entry["mood"]))
        nights = self.ctx.store.list(
            SLEEP, Query(user_id=user["_id"], limit=TREND_DAYS, since=first.isoformat())
        )
        sleep = {date.fromisoformat(n["date"]): n["score"] for n in nights}
        return {
            "days": [d.isoformat() for d in days],
            "mood": [round(sum(moods[d]) / len(moods[d]), 2) if moods[d] else None for d in days],
            "sleep": [sleep.get(d) for d in days],
        }

    def status(self) -> Result:
        user = self.session.user()
        today = usertime.today(self.ctx, user)
        data = self.ctx.store.get_user_data(user["_id"]) or {}

        def window(days: int) -> str:
            return usertime.days_ago_start(self.ctx, user, days)

        def nights(days: int) -> str:
            return (today - timedelta(days=days - 1)).isoformat()

        counts = {
            "moodJournal": frequency_of(self.ctx, user, MOOD_JOURNAL, window),
            "gratitude": frequency_of(self.ctx, user, GRATITUDE, window),
            "sleep": frequency_of(self.ctx, user, SLEEP, nights),
            "breathing": frequency_of(self.ctx, user, BREATHING, window),
            "depressionTests": {"count": int(data.get("depressionTestCount", 0))},
            "anxietyTests": {"count": int(data.get("anxietyTestCount", 0))},
        }
        streak = streak_view(self.ctx, user, data)
        return {
            "date": today.isoformat(),
            "streak": {
                "current": streak["visitingStreak"],
                "longest": streak["longestStreak"],
                "lastVisit": streak["lastStreakUpdate"],
            },
            "today": {
                "mood": self._today_has(user, MOOD_JOURNAL, today),
                "sleep": bool(
                    self.ctx.store.find_one(SLEEP, user["_id"], {"date": today.isoformat()})
                ),
                "gratitude": self._today_has(user, GRATITUDE, today),
                "breathing": self._today_has(user, BREATHING, today),
            },
            "assessments": {
                "PHQ-9": self._latest_assessment(user, "PHQ-9"),
                "GAD-7": self._latest_assessment(user, "GAD-7"),
            },
            "trends": self._trends(user, today),
            "counts": counts,
        }

    # --- the daily check-in ----------------------------------------------------------
    def checkin(
        self,
        *,
        mood: int | None = None,
        note: str | None = None,
        sleep_score: int | None = None,
        sleep_hours: float | None = None,
        gratitude: Sequence[str] = (),
    ) -> Result:
        """One pass through mood, last night's sleep and gratitude.

        Each part is optional, but a check-in records something. Sleep is an upsert
        for today's date, so re-running the check-in updates rather than duplicates.
        """
        from psymitrix_cli.domain import checkin as rules
        from psymitrix_cli.services.gratitude import GratitudeService
        from psymitrix_cli.services.journal import JournalService
        from psymitrix_cli.services.sleep import SleepService

        rules.validate(mood, note, sleep_score, sleep_hours, gratitude)
        result: Result = {"date": usertime.today(self.ctx, self.session.user()).isoformat()}
        if mood is not None:
            text = rules.journal_text(mood, note)
            journal = JournalService(self.ctx, self.session)
            result["journal"] = journal.add(text=text, mood=mood, tags=[rules.TAG])
        if sleep_score is not None:
            sleep = SleepService(self.ctx, self.session)
            result["sleep"] = sleep.upsert(None, sleep_score, sleep_hours, None)
        if gratitude:
            result["gratitude"] = GratitudeService(self.ctx, self.session).add(list(gratitude))
        result["crisis"] = bool(result.get("journal", {}).get("crisis"))
        return result
