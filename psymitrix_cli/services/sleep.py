"""Sleep quality: the generic tracker (one entry per night, keyed by its date in the
person's calendar), whose pages also carry the 7- and 30-night averages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from psymitrix_cli.domain.entries import SLEEP
from psymitrix_cli.domain.entry_kind import PageQuery
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.entries import EntryService
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import Doc, Query

Result = dict[str, Any]
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


class SleepService(EntryService):
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        super().__init__(ctx, session, SLEEP)

    @allows("read")
    def list(self, query: PageQuery | None = None) -> Result:
        """{"items", "nextCursor", "average7", "average30"}"""
        result = super().list(query)
        return {**result, **self._averages(self.session.user())}

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
        nights = self.ctx.store.list(self.kind, query)
        return {
            f"average{d}": _average([n for n in nights if n["date"] >= starts[d]]) for d in WINDOWS
        }
