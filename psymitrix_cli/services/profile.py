"""The seed's combined profile response: `{user, userData}` from the newest entries.

Every list is a bounded page read through the (userId, time) index, so the cost
of `me` does not grow with a person's history.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain.entry_kind import EntryKind
from psymitrix_cli.services.context import ServiceContext, public
from psymitrix_cli.services.session import Session
from psymitrix_cli.services.visits import streak_view
from psymitrix_cli.store import base as kinds
from psymitrix_cli.store.base import COUNTERS, Query

RECENT = 10


class ProfileService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _rows(self, kind: kinds.Kind, **where: Any) -> list[dict[str, Any]]:
        query = Query(user_id=self.session.user_id, limit=RECENT, where=where)
        return self.ctx.store.list(kind, query)

    def _recent(self, spec: EntryKind) -> list[dict[str, Any]]:
        rows = self._rows(kinds.kind_of(spec))
        if spec.me_fields:  # the seed's shape for that list, e.g. sleepQuality [{date, score}]
            return [{f: r.get(f) for f in spec.me_fields} for r in rows]
        return [public(d) or {} for d in rows]

    def _scores(self, instrument: str) -> list[dict[str, Any]]:
        rows = self._rows(kinds.ASSESSMENTS, instrument=instrument)
        return [{"date": r["takenAt"], "score": r["total"]} for r in rows]

    def _chats(self) -> list[dict[str, Any]]:
        store, user_id = self.ctx.store, self.session.user_id
        chats = []
        for chat in store.list(kinds.CHAT_SESSIONS, Query(user_id=user_id, limit=5)):
            messages = store.list(
                kinds.CHAT_MESSAGES,
                Query(user_id=user_id, limit=50, where={"sessionId": chat["_id"]}, ascending=True),
            )
            chats.append(
                {
                    "sessionId": chat["_id"],
                    "title": chat.get("title"),
                    "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
                    "summary": chat.get("summary"),
                    "createdAt": chat.get("startedAt"),
                }
            )
        return chats

    def me(self) -> dict[str, Any]:
        user = self.session.user()
        # The visit that opened this session just read user_data; me() writes nothing first.
        data = self.session.user_data or self.ctx.store.get_user_data(user["_id"]) or {}
        user_data: dict[str, Any] = {
            **streak_view(self.ctx, user, data),
            **{spec.me: self._recent(spec) for spec in registry.REGISTRY if spec.me},
            "chats": self._chats(),
            "anxietyTests": self._scores("GAD-7"),
            "depressionTests": self._scores("PHQ-9"),
            **{c: int(data.get(c, 0)) for c in COUNTERS},
        }
        return {
            "user": {
                "name": user["name"],
                "username": user["username"],
                "email": user["email"],
                "phoneNumber": user.get("phoneNumber"),
            },
            "userData": user_data,
        }
