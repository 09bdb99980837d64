"""The seed's combined profile response: `{user, userData}` from the newest entries.

A summary, not a dump: each list holds the newest RECENT items, beside the exact
counts from user_data (`journal list`, `chat show` and the other list commands page
through the rest). Chats carry their newest CHAT_MESSAGES messages, and every string
inside a listed item is clipped to CLIP characters (ending in "…"). So the response
has a bounded size, about RECENT x CLIP characters per list (roughly 60 KB of text
at most), and its cost is a fixed number of indexed reads (one per list, plus one per
chat shown), whatever a person's history holds.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain.entry_kind import EntryKind
from psymitrix_cli.services.context import ServiceContext, public
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.services.visits import streak_view
from psymitrix_cli.store import base as kinds
from psymitrix_cli.store.base import COUNTERS, Query

RECENT = 5  # newest items per list
CHAT_MESSAGES = 4  # newest messages shown per chat
CLIP = 1000  # characters kept of any one string in a listed item


def clip(value: Any) -> Any:
    """A listed item with every long string cut to CLIP characters (nested too)."""
    if isinstance(value, str):
        return value if len(value) <= CLIP else value[: CLIP - 1] + "…"
    if isinstance(value, dict):
        return {k: clip(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clip(v) for v in value]
    return value


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
            return [clip({f: r.get(f) for f in spec.me_fields}) for r in rows]
        return [clip(public(d) or {}) for d in rows]

    def _scores(self, instrument: str) -> list[dict[str, Any]]:
        rows = self._rows(kinds.ASSESSMENTS, instrument=instrument)
        return [{"date": r["takenAt"], "score": r["total"]} for r in rows]

    def _chats(self) -> list[dict[str, Any]]:
        store, user_id = self.ctx.store, self.session.user_id
        chats = []
        for chat in store.list(kinds.CHAT_SESSIONS, Query(user_id=user_id, limit=RECENT)):
            # The newest messages (the chat's index, newest first), shown oldest first.
            where = {"sessionId": chat["_id"]}
            newest = store.list(
                kinds.CHAT_MESSAGES, Query(user_id=user_id, limit=CHAT_MESSAGES, where=where)
            )
            chats.append(
                clip(
                    {
                        "sessionId": chat["_id"],
                        "title": chat.get("title"),
                        "messages": [
                            {"role": m["role"], "content": m["content"]} for m in reversed(newest)
                        ],
                        "messageCount": int(chat.get("messageCount") or 0),
                        "summary": chat.get("summary"),
                        "createdAt": chat.get("startedAt"),
                    }
                )
            )
        return chats

    @allows("read")
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
