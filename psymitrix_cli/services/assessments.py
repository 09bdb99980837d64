"""PHQ-9 and GAD-7: the history of results.

Scoring a set of answers into a result is `domain.assessments.build_result`,
the one place a result is assembled (the CLI's --demo uses it without an
account, this service and the server with one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import assessments as rules
from psymitrix_cli.domain.assessments import build_result, interpretation
from psymitrix_cli.errors import NotFound
from psymitrix_cli.services import ids
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import ASSESSMENTS, Doc, Query

Result = dict[str, Any]
ID_SHOWN_MAX = 40


def _shown(entry_id: str) -> str:
    short = entry_id if len(entry_id) <= ID_SHOWN_MAX else entry_id[:ID_SHOWN_MAX] + "…"
    return repr(short)


class AssessmentService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _not_found(self, entry_id: str) -> NotFound:
        return NotFound(messages.ASSESSMENT_NOT_FOUND.format(id=_shown(entry_id)))

    def _previous(self, user_id: str, name: str, before: Doc | None = None) -> Doc | None:
        """The newest result of one instrument, or the newest older than `before`."""
        cursor = None if before is None else (before["takenAt"], before["_id"])
        query = Query(user_id=user_id, limit=1, where={"instrument": name}, before=cursor)
        rows = self.ctx.store.list(ASSESSMENTS, query)
        return rows[0] if rows else None

    @allows("write")
    def take(
        self, instrument: str, answers: Sequence[int], difficulty: int | None = None
    ) -> Result:
        spec = rules.get_instrument(instrument)
        checked = rules.validate_answers(spec, answers)
        level = rules.validate_difficulty(difficulty)
        user_id = self.session.user_id
        previous = self._previous(user_id, spec.name)
        result = build_result(spec, checked, level, self.ctx.now_iso(), previous, new_id())
        doc: Doc = {
            "_id": result["id"],
            "userId": user_id,
            **{k: result[k] for k in ("instrument", "answers", "total", "severity")},
            **{k: result[k] for k in ("difficulty", "crisis", "takenAt")},
        }
        self.ctx.store.insert(ASSESSMENTS, doc, counter=spec.counter)
        if result["crisis"]:  # PHQ-9 item 9: counted, content-free (services/safety_events)
            from psymitrix_cli.services.safety_events import phq9_tier, record

            record(self.ctx, user_id, "phq9", phq9_tier(checked), "phq9_item9", result["takenAt"])
        return result

    @allows("read")
    def list(
        self, *, instrument: str | None = None, limit: int = 20, cursor: str | None = None
    ) -> Result:
        size = page_size(limit)
        where = {} if instrument is None else {"instrument": rules.get_instrument(instrument).name}
        query = Query(
            user_id=self.session.user_id, limit=size + 1, before=decode_cursor(cursor), where=where
        )
        rows = self.ctx.store.list(ASSESSMENTS, query)
        return page(ASSESSMENTS, rows, size, [public(r) or {} for r in rows])

    @allows("read")
    def get(self, entry_id: str) -> Result:
        """A stored result with its change against the result of the same test before it."""
        user_id = self.session.user_id
        entry_id = ids.resolve(self.ctx.store, ASSESSMENTS, user_id, entry_id)
        doc = self.ctx.store.get(ASSESSMENTS, user_id, entry_id)
        if doc is None:
            raise self._not_found(entry_id)
        spec = rules.get_instrument(doc["instrument"])
        previous = self._previous(user_id, spec.name, before=doc)
        extra = interpretation(
            spec,
            int(doc["total"]),
            doc["severity"],
            doc["takenAt"],
            previous,
            crisis=bool(doc.get("crisis")),
        )
        return {**(public(doc) or {}), **extra}

    @allows()
    def delete(self, entry_id: str) -> None:
        user_id = self.session.user_id
        entry_id = ids.resolve(self.ctx.store, ASSESSMENTS, user_id, entry_id)
        doc = self.ctx.store.get(ASSESSMENTS, user_id, entry_id)
        if doc is None:
            raise self._not_found(entry_id)
        # No fixed counter on this kind: the instrument decides which count goes down.
        counter = rules.get_instrument(doc["instrument"]).counter
        if not self.ctx.store.delete(ASSESSMENTS, user_id, entry_id, counter=counter):
            raise self._not_found(entry_id)
