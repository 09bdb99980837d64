"""Guided breathing: the log of sessions done.

Playing a session happens in the caller (it owns the terminal and the clock);
what a valid session is lives in domain/breathing.py; this module is the only
place that writes one.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain.breathing import session_record
from psymitrix_cli.errors import InvalidInput, NotFound
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import BREATHING, Doc, Query

Result = dict[str, Any]
FUTURE_SLACK = timedelta(minutes=5)  # clocks disagree a little between machines
ID_SHOWN_MAX = 40


def _shown(entry_id: str) -> str:
    short = entry_id if len(entry_id) <= ID_SHOWN_MAX else entry_id[:ID_SHOWN_MAX] + "…"
    return repr(short)


class BreathingService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def log(
        self,
        *,
        pattern: str,
        label: str,
        cycles: int,
        started_at: str,
        ended_at: str,
        duration_seconds: float,
        completed: bool,
        planned_cycles: int | None = None,
    ) -> Result:
        record = session_record(
            pattern=pattern,
            label=label,
            cycles=cycles,
            started_at=started_at,
            ended_at=ended_at,
            duration_seconds=duration_seconds,
            completed=completed,
            planned_cycles=planned_cycles,
        )
        if parse_iso(record["endedAt"]) > self.ctx.clock.now() + FUTURE_SLACK:
            raise InvalidInput("A session cannot end in the future.")
        doc: Doc = {"_id": new_id(), "userId": self.session.user_id, **record}
        self.ctx.store.insert(BREATHING, doc)
        return public(doc) or {}

    def list(self, *, limit: int = 20, cursor: str | None = None) -> Result:
        size = page_size(limit)
        query = Query(user_id=self.session.user_id, limit=size + 1, before=decode_cursor(cursor))
        rows = self.ctx.store.list(BREATHING, query)
        return page(BREATHING, rows, size, [public(r) or {} for r in rows])

    def get(self, entry_id: str) -> Result:
        doc = self.ctx.store.get(BREATHING, self.session.user_id, entry_id)
        if doc is None:
            raise NotFound(messages.BREATHING_NOT_FOUND.format(id=_shown(entry_id)))
        return public(doc) or {}

    def delete(self, entry_id: str) -> None:
        if not self.ctx.store.delete(BREATHING, self.session.user_id, entry_id):
            raise NotFound(messages.BREATHING_NOT_FOUND.format(id=_shown(entry_id)))
