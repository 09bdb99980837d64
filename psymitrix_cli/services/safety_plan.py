"""The person's safety plan: read, replace whole, delete. One per person.

The store's unique index on (userId, slot) is the only arbiter of "already there",
so two writers can never make two plans; the second replaces the first in place
(same id, createdAt kept). Rules live in domain/safety_plan.py.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import safety_plan as rules
from psymitrix_cli.domain.entries import SAFETY_PLAN
from psymitrix_cli.errors import Conflict
from psymitrix_cli.services.context import ServiceContext, new_id
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import Doc, kind_of

Result = dict[str, Any]
KIND = kind_of(SAFETY_PLAN)
WRITE_ATTEMPTS = 3  # a plan deleted between the clash and the replace: insert again


class SafetyPlanService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _doc(self, user_id: str) -> Doc | None:
        return self.ctx.store.find_one(KIND, user_id, {"slot": rules.SLOT})

    @allows("read")
    def get(self) -> Result:
        """Every section (empty when there is no plan), its times, and `exists`."""
        return rules.view(self._doc(self.session.user_id))

    @allows()
    def put(self, plan: rules.SafetyPlanPayload | dict[str, Any]) -> Result:
        """Replace the whole plan (an empty one deletes it: nothing to show in a crisis)."""
        payload = rules.payload(plan) if isinstance(plan, dict) else rules.check(plan)
        user_id = self.session.user_id
        if payload.is_empty():
            self.delete()
            return rules.view(None)
        now = self.ctx.now_iso()
        fields = rules.stored(payload)
        doc: Doc = {"_id": new_id(), "userId": user_id, **fields, "createdAt": now}
        doc["updatedAt"] = now
        for _ in range(WRITE_ATTEMPTS):
            try:
                self.ctx.store.insert(KIND, doc)
                return rules.view(doc)
            except Conflict:
                pass
            existing = self._doc(user_id)
            if existing is None:
                continue  # deleted since the clash: the next insert may win
            kept = {**doc, "_id": existing["_id"], "createdAt": existing.get("createdAt", now)}
            if "origin" in existing:
                kept["origin"] = existing["origin"]
            if self.ctx.store.replace(KIND, user_id, existing["_id"], kept):
                return rules.view(kept)
        raise Conflict(messages.SAFETY_PLAN_BUSY)

    @allows()
    def delete(self) -> Result:
        self.ctx.store.delete_where(KIND, self.session.user_id, {"slot": rules.SLOT})
        return rules.view(None)
