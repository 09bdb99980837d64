"""The seed's combined profile response: `{user, userData}` from the newest entries.

A summary, not a dump: each list holds the newest RECENT items, beside the exact
counts from user_data (`journal list`, `chat show` and the other list commands page
through the rest). Chats carry their newest CHAT_MESSAGES messages, and every string
inside a listed item is clipped to CLIP characters (ending in "…"). So the response
has a bounded size, about RECENT x CLIP characters per list (roughly 60 KB of text
at most), and its cost is a fixed number of indexed reads (one per list, plus one per
chat shown), whatever a person's history holds; on MongoDB they go as two aggregations
(store/base.py).
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
from psymitrix_cli.store.base import COUNTERS, Page, Query, Read, UserData

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

    def _page(self, kind: kinds.Kind, limit: int = RECENT, **where: Any) -> Page:
        return Page(kind, Query(user_id=self.session.user_id, limit=limit, where=where))

    @staticmethod
    def _recent(spec: EntryKind, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if spec.me_fields:  # the seed's shape for that list, e.g. sleepQuality [{date, score}]
            return [clip({f: r.get(f) for f in spec.me_fields}) for r in rows]
        return [clip(public(d) or {}) for d in rows]

    @staticmethod
    def _scores(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"date": r["takenAt"], "score": r["total"]} for r in rows]

    def _chats(self, sessions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        # The newest messages of each chat (the chat's index, newest first), all in one
        # read_many, shown oldest first.
        reads = [
            self._page(kinds.CHAT_MESSAGES, CHAT_MESSAGES, sessionId=chat["_id"])
            for chat in sessions
        ]
        messages = self.ctx.store.read_many(reads) if reads else []
        return [
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
            for chat, newest in zip(sessions, messages, strict=True)
        ]

    @allows("read")
    def me(self) -> dict[str, Any]:
        """Two read_many (one round trip each on MongoDB): user_data and every list, then
        the newest messages of the chats listed. user_data is read now, not taken from
        the session's visit: a backend kept across calls has written since."""
        user = self.session.user()
        listed = [spec for spec in registry.REGISTRY if spec.me]
        reads: list[Read] = [
            UserData(user["_id"]),
            *(self._page(kinds.kind_of(spec)) for spec in listed),
            self._page(kinds.CHAT_SESSIONS),
            self._page(kinds.ASSESSMENTS, instrument="GAD-7"),
            self._page(kinds.ASSESSMENTS, instrument="PHQ-9"),
        ]
        found = self.ctx.store.read_many(reads)
        data: dict[str, Any] = found[0] or {}
        lists = dict(zip(listed, found[1 : 1 + len(listed)], strict=True))
        sessions, anxiety, depression = found[1 + len(listed) :]
        user_data: dict[str, Any] = {
            **streak_view(self.ctx, user, data),
            **{spec.me: self._recent(spec, rows) for spec, rows in lists.items()},
            "chats": self._chats(sessions),
            "anxietyTests": self._scores(anxiety),
            "depressionTests": self._scores(depression),
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
