"""How chat sessions and their messages are kept: a session document plus ordered
message rows, never an array growing inside one document.

`seq` numbers a session's messages from 0. It is taken from the session's
messageCount and guarded by the store's unique (sessionId, seq) index: a writer
that loses a race gets Conflict, reads the real last seq and tries the next one.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain.safety import Tier, highest
from psymitrix_cli.errors import Conflict
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.store.base import CHAT_MESSAGES, CHAT_SESSIONS, SAFETY_EVENTS, Doc, Query

SEQ_ATTEMPTS = 8
PAGE = 500  # messages read per round trip when a whole session is needed
SESSION_COUNTER = "chatSessionCount"


def session_id() -> str:
    """A time-ordered id (like an ObjectId): sessions started in the same instant,
    as happens under a simulated clock, still sort in the order they were created."""
    return f"{time.time_ns() // 1000:013x}{secrets.token_hex(4)[:7]}"


def new_session(ctx: ServiceContext, user_id: str, provider: str, model: str) -> Doc:
    now = ctx.now_iso()
    doc: Doc = {
        "_id": session_id(),
        "userId": user_id,
        "startedAt": now,
        "lastActivityAt": now,
        "endedAt": None,
        "title": None,
        "summary": None,
        "provider": provider,
        "model": model,
        "messageCount": 0,
        "userMessageCount": 0,
        "maxSafetyTier": "none",
        "summarisedAt": None,
        "disclosedAt": now,  # when the person was last told the companion is an AI
    }
    ctx.store.insert(CHAT_SESSIONS, doc)
    return doc


def _last_seq(ctx: ServiceContext, user_id: str, sid: str) -> int:
    rows = ctx.store.list(CHAT_MESSAGES, Query(user_id=user_id, limit=1, where={"sessionId": sid}))
    return int(rows[0]["seq"]) if rows else -1


def append(ctx: ServiceContext, session: Doc, role: str, content: str, **extra: Any) -> Doc:
    """Store one message at the session's next seq and bring the session up to date.

    `session` is updated in place, so a caller holding it sees the new counts.
    """
    user_id, sid = session["userId"], session["_id"]
    seq = int(session.get("messageCount") or 0)
    now = ctx.now_iso()
    for _ in range(SEQ_ATTEMPTS):
        doc: Doc = {
            "_id": new_id(),
            "userId": user_id,
            "sessionId": sid,
            "seq": seq,
            "role": role,
            "content": content,
            "at": now,
            **extra,
        }
        # A user message is only ever preceded by assistant replies to earlier user
        # messages, so the first user message of a session is always seq 0. The unique
        # index lets exactly one writer have seq 0, so the count rises exactly once, in
        # the same atomic step as the insert.
        counter = SESSION_COUNTER if role == "user" and seq == 0 else None
        try:
            ctx.store.insert(CHAT_MESSAGES, doc, counter=counter)
            break
        except Conflict:
            seq = max(seq, _last_seq(ctx, user_id, sid)) + 1
    else:
        raise Conflict(messages.CHAT_BUSY)
    fields: Doc = {
        "messageCount": max(int(session.get("messageCount") or 0), seq + 1),
        "lastActivityAt": now,
        "endedAt": None,  # a new message reopens an ended session
        "summarisedAt": None,  # and makes its summary due again
    }
    if role == "user":
        fields["userMessageCount"] = int(session.get("userMessageCount") or 0) + 1
        tier: Tier = extra.get("safety", "none")
        fields["maxSafetyTier"] = highest(session.get("maxSafetyTier") or "none", tier)
    ctx.store.update(CHAT_SESSIONS, user_id, sid, fields)
    session.update(fields)
    return doc


def update_session(ctx: ServiceContext, session: Doc, fields: Doc) -> None:
    ctx.store.update(CHAT_SESSIONS, session["userId"], session["_id"], fields)
    session.update(fields)


def recent_messages(ctx: ServiceContext, user_id: str, sid: str, limit: int) -> list[Doc]:
    """The newest `limit` messages of a session, oldest first."""
    query = Query(user_id=user_id, limit=limit, where={"sessionId": sid})
    return list(reversed(ctx.store.list(CHAT_MESSAGES, query)))


def iter_messages(ctx: ServiceContext, user_id: str, sid: str) -> Iterator[Doc]:
    """Every message of a session in order, read a page at a time through the index."""
    after: tuple[Any, str] | None = None
    while True:
        query = Query(
            user_id=user_id, limit=PAGE, where={"sessionId": sid}, ascending=True, before=after
        )
        rows = ctx.store.list(CHAT_MESSAGES, query)
        yield from rows
        if len(rows) < PAGE:
            return
        after = (rows[-1]["seq"], rows[-1]["_id"])


def message_view(doc: Doc) -> dict[str, Any]:
    return public(doc) or {}


def record_safety(
    ctx: ServiceContext, user_id: str, sid: str, kind: str, tier: Tier, source: str
) -> None:
    """Kind, tier, source and time only: the content never goes into this log."""
    ctx.store.insert(
        SAFETY_EVENTS,
        {
            "_id": new_id(),
            "userId": user_id,
            "at": ctx.now_iso(),
            "kind": kind,
            "tier": tier,
            "source": source,
            "sessionId": sid,
        },
    )
