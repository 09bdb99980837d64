"""Gratitude: the generic tracker, plus a random past entry recalled."""

from __future__ import annotations

import secrets
from typing import Any

from psymitrix_cli.domain.entries import GRATITUDE
from psymitrix_cli.services.context import ServiceContext, public
from psymitrix_cli.services.entries import EntryService
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import Query

Result = dict[str, Any]
REFLECT_ATTEMPTS = 3  # an entry deleted between count and fetch: draw again


class GratitudeService(EntryService):
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        super().__init__(ctx, session, GRATITUDE)

    @allows("read")
    def reflect(self) -> Result | None:
        """A past entry drawn uniformly: count, then one row at a random offset,
        so the cost does not depend on how long the history is."""
        user_id = self.session.user_id
        for _ in range(REFLECT_ATTEMPTS):
            total = self.ctx.store.count(self.kind, Query(user_id=user_id))
            if total == 0:
                return None
            query = Query(user_id=user_id, limit=1, offset=secrets.randbelow(total))
            rows = self.ctx.store.list(self.kind, query)
            if rows:
                return public(rows[0])
        return None
