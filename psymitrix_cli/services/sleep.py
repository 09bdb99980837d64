"""Sleep quality: one entry per night, keyed by the date in the user's own calendar.

The store's unique (userId, date) index is the only arbiter of "already logged":
insert first and treat Conflict as the answer, so two processes logging the same
night can never both count it.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.domain import validation as v
from psymitrix_cli.errors import Conflict, NotFound
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.journal import frequency_of
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import SLEEP, Doc, Query

Result = dict[str, Any]
WRITE_ATTEMPTS = 3  # a night deleted between the clash and the replace: insert again
WINDOWS = (7, 30)


def _average(nights: list[Doc]) -> Result | None:
    if not nights:
        return None
    hours = [n["hours"] for n in nights if n.get("hours") is not None]
    return {
        "score": round(sum(n["score"] for n in nights) / len(nights), 2),
        "hours": round(sum(hours) / len(hours), 2) if hours else None,
        "nights": len(nights),
    }


class SleepService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def log(
        self,
        *,
        score: int,
        hours: float | None = None,
        date: str | None = None,
        note: str | None = None,
        replace: bool = False,
    ) -> Result:
        score_value = rules.sleep_score(score)
        hours_value = rules.sleep_hours(hours)
        note_value = rules.sleep_note(note)
        user = self.session.user()
        night = usertime.local_date(self.ctx, user, date).isoformat()
        now = self.ctx.now_iso()
        doc: Doc = {
            "_id": new_id(),
            "userId": user["_id"],
            "date": night,
            "score": score_value,
            "hours": hours_value,
            "note": note_value,
            "createdAt": now,
            "updatedAt": now,
        }
        for _ in range(WRITE_ATTEMPTS):
            try:
                self.ctx.store.insert(SLEEP, doc)
                return {**(public(doc) or {}), "replaced": False}
            except Conflict:
                if not replace:
                    raise Conflict(messages.SLEEP_ALREADY_LOGGED.format(date=night)) from None
            existing = self.ctx.store.find_one(SLEEP, user["_id"], {"date": night})
            if existing is None:
                continue  # deleted since the clash: the next insert may win
            kept = {**doc, "_id": existing["_id"], "createdAt": existing.get("createdAt", now)}
            # Replaced in place: same row, same id, so the counter is untouched.
            if self.ctx.store.replace(SLEEP, user["_id"], existing["_id"], kept):
                return {**(public(kept) or {}), "replaced": True}
        raise Conflict(messages.SLEEP_ALREADY_LOGGED.format(date=night))

    def upsert(
        self, date: str | None, score: int, hours: float | None = None, note: str | None = None
    ) -> Result:
        """Log a night, replacing what is there (the daily check-in's way)."""
        return self.log(score=score, hours=hours, date=date, note=note, replace=True)

    def history(self, *, limit: int = 14, cursor: str | None = None) -> Result:
        size = page_size(limit, default=14)
        before = decode_cursor(cursor)
        user = self.session.user()
        rows = self.ctx.store.list(SLEEP, Query(user_id=user["_id"], limit=size + 1, before=before))
        result = page(SLEEP, rows, size, [public(r) or {} for r in rows])
        return {**result, **self._averages(user)}

    def _averages(self, user: Doc) -> Result:
        """One bounded read: the nights of the last 30 days (one row per date at most)."""
        today = usertime.today(self.ctx, user)
        starts = {d: (today - timedelta(days=d - 1)).isoformat() for d in WINDOWS}
        query = Query(
            user_id=user["_id"],
            limit=max(WINDOWS) + 1,
            since=starts[max(WINDOWS)],
            until=(today + timedelta(days=1)).isoformat(),
        )
        nights = self.ctx.store.list(SLEEP, query)
        return {
            f"average{d}": _average([n for n in nights if n["date"] >= starts[d]]) for d in WINDOWS
        }

    def _night(self, date: str) -> tuple[str, Doc]:
        night = v.parse_date(date, "Date").isoformat()
        doc = self.ctx.store.find_one(SLEEP, self.session.user_id, {"date": night})
        if doc is None:
            raise NotFound(messages.SLEEP_NOT_FOUND.format(date=night))
        return night, doc

    def get(self, date: str) -> Result:
        return public(self._night(date)[1]) or {}

    def delete(self, date: str) -> None:
        night, doc = self._night(date)
        # By id, so the store keeps the counter exact; a racing delete finds nothing.
        if not self.ctx.store.delete(SLEEP, self.session.user_id, doc["_id"]):
            raise NotFound(messages.SLEEP_NOT_FOUND.format(date=night))

    def frequency(self) -> Result:
        user = self.session.user()
        today: Date = usertime.today(self.ctx, user)
        return frequency_of(
            self.ctx, user, SLEEP, lambda days: (today - timedelta(days=days - 1)).isoformat()
        )
