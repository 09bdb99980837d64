"""Gratitude: one to three things a person is grateful for, and a random one recalled."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.errors import NotFound
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.journal import frequency_of
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import GRATITUDE, Doc, Query

Result = dict[str, Any]
REFLECT_ATTEMPTS = 3  # an entry deleted between count and fetch: draw again


class GratitudeService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def add(self, items: Sequence[str], at: str | None = None) -> Result:
        cleaned = rules.gratitude_items(items)
        user = self.session.user()
        when = usertime.moment(self.ctx, user, at)
        doc: Doc = {
            "_id": new_id(),
            "userId": user["_id"],
            "at": when,
            "items": cleaned,
            "createdAt": self.ctx.now_iso(),
        }
        self.ctx.store.insert(GRATITUDE, doc)
        return public(doc) or {}

    def list(self, *, limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
        size = page_size(limit)
        before = decode_cursor(cursor)
        query = Query(user_id=self.session.user_id, limit=size + 1, before=before)
        rows = self.ctx.store.list(GRATITUDE, query)
        return page(GRATITUDE, rows, size, [public(r) or {} for r in rows])

    def get(self, entry_id: str) -> Result:
        doc = self.ctx.store.get(GRATITUDE, self.session.user_id, entry_id)
        if doc is None:
            raise NotFound(messages.GRATITUDE_NOT_FOUND.format(id=rules.shown_id(entry_id)))
        return public(doc) or {}

    def reflect(self) -> Result | None:
        """A past entry drawn uniformly: count, then one row at a random offset,
        so the cost does not depend on how long the history is."""
        user_id = self.session.user_id
        for _ in range(REFLECT_ATTEMPTS):
            total = self.ctx.store.count(GRATITUDE, Query(user_id=user_id))
            if total == 0:
                return None
            query = Query(user_id=user_id, limit=1, offset=secrets.randbelow(total))
            rows = self.ctx.store.list(GRATITUDE, query)
            if rows:
                return public(rows[0])
        return None

    def delete(self, entry_id: str) -> None:
        if not self.ctx.store.delete(GRATITUDE, self.session.user_id, entry_id):
            raise NotFound(messages.GRATITUDE_NOT_FOUND.format(id=rules.shown_id(entry_id)))

    def frequency(self) -> Result:
        user = self.session.user()
        return frequency_of(
            self.ctx, user, GRATITUDE, lambda days: usertime.days_ago_start(self.ctx, user, days)
        )
