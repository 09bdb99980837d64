"""Session summaries (the companion's memory) and what a model is allowed to see.

A summary is made when a session ends, and lazily for sessions left idle: every
ChatService call first looks at the user's newest sessions and summarises the
idle ones, a few at a time, so no call's cost grows with a person's history.

Acute turns never reach a model, not even later: a content-free note stands in
for them in the conversation sent with a reply and in what is sent for a summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta

from psymitrix_cli import messages
from psymitrix_cli.ai.base import Message, Provider
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain.safety import TIER_ORDER, Tier
from psymitrix_cli.domain.safety.wording import ACUTE_MARKER
from psymitrix_cli.errors import ProviderError
from psymitrix_cli.messages import CHAT_SUMMARY_SKIPPED  # `messages` is a parameter below
from psymitrix_cli.services import chat_store
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import CHAT_SESSIONS, Doc, Query

IDLE_AFTER = timedelta(minutes=30)
SCAN = 20  # newest sessions looked at for idle ones and for memory
MAX_PER_CALL = 3  # idle sessions summarised by one call, at most
MEMORY_SESSIONS = 3

ProviderFactory = Callable[[], Provider]
_MARKER: Message = {"role": "system", "content": ACUTE_MARKER}


def model_view(docs: Sequence[Doc]) -> list[Message]:
    """A session's messages as a model may see them.

    An acute turn (the person's message and the fixed crisis reply after it) never
    reaches a model: one content-free note (role "system") says that it happened, so
    the model reads what follows in that light. Empty replies are dropped too.
    """
    out: list[Message] = []
    skip_reply = False
    for doc in docs:
        if doc["role"] == "user":
            skip_reply = doc.get("safety") == "acute"
            if not skip_reply:
                out.append({"role": "user", "content": doc["content"]})
            elif not out or out[-1] != _MARKER:  # consecutive acute turns: one note
                out.append(dict(_MARKER))
        elif skip_reply:
            skip_reply = False
        elif doc["content"]:
            out.append({"role": "assistant", "content": doc["content"]})
    return out


def needs_summary(session: Doc) -> bool:
    """Never summarised, or something was said since (a new message clears summarisedAt)."""
    return session.get("summarisedAt") is None


def is_idle(ctx: ServiceContext, session: Doc) -> bool:
    return parse_iso(session["lastActivityAt"]) <= ctx.clock.now() - IDLE_AFTER


def summarise_session(
    ctx: ServiceContext, session: Doc, provider: ProviderFactory, idle: bool = False
) -> Doc:
    """Write the title, summary and highest safety tier onto the session; end it
    (an idle session ended when it was last used).

    Never fails because of the provider: any failure falls back to the extractive
    summary, which needs no network.
    """
    from psymitrix_cli.ai.summarise import Summary, extractive_summary, summarise

    docs = list(chat_store.iter_messages(ctx, session["userId"], session["_id"]))
    now = ctx.now_iso()
    ended = session.get("endedAt") or (session["lastActivityAt"] if idle else now)
    fields: Doc = {"summarisedAt": now, "endedAt": ended}
    said = [d for d in docs if d["role"] == "user"]
    if said:
        top: Tier = max((d.get("safety") or "none" for d in said), key=TIER_ORDER.__getitem__)
        visible = model_view(docs)
        summary: Summary
        if not any(m["role"] == "user" for m in visible):
            summary = Summary(messages.CHAT_CRISIS_SUMMARY_TITLE, messages.CHAT_CRISIS_SUMMARY)
        else:
            try:
                summary = summarise(provider(), visible)
            except Exception:  # ending must never fail because of a provider
                summary = extractive_summary(visible)
            if top == "acute":  # said, though the model never saw it
                summary = Summary(summary.title, _with_crisis_note(summary.text))
        fields.update(title=summary.title, summary=summary.text, maxSafetyTier=top)
    chat_store.update_session(ctx, session, fields)
    return session


def _with_crisis_note(text: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join([*sentences[:3], messages.CHAT_CRISIS_SUMMARY_NOTE])


def newest_sessions(ctx: ServiceContext, user_id: str) -> list[Doc]:
    return ctx.store.list(CHAT_SESSIONS, Query(user_id=user_id, limit=SCAN))


def summarise_idle(
    ctx: ServiceContext, sessions: list[Doc], provider: ProviderFactory, skip: str | None = None
) -> None:
    """Summarise (and so end) up to MAX_PER_CALL idle sessions among `sessions`, in place."""
    due = [s for s in sessions if s["_id"] != skip and needs_summary(s) and is_idle(ctx, s)]
    if not due:
        return
    guarded = _FailOnce(provider)
    for session in due[:MAX_PER_CALL]:
        summarise_session(ctx, session, lambda: guarded, idle=True)


class _FailOnce:
    """A provider that stops asking after its first failure, so an outage costs one
    timeout for a batch of idle summaries, not one each (the rest are extractive)."""

    def __init__(self, factory: ProviderFactory) -> None:
        self._factory = factory
        self._provider: Provider | None = None
        self._failed = False

    @property
    def name(self) -> str:
        return self._get().name

    @property
    def model(self) -> str:
        return self._get().model

    def _get(self) -> Provider:
        if self._provider is None:
            self._provider = self._factory()
        return self._provider

    def stream(self, system: str, messages: Sequence[Message]) -> Iterator[str]:
        yield self.complete(system, messages)

    def complete(self, system: str, messages: Sequence[Message]) -> str:
        if self._failed:
            raise ProviderError(CHAT_SUMMARY_SKIPPED)
        try:
            return self._get().complete(system, messages)
        except Exception:
            self._failed = True
            raise


def memory(sessions: Sequence[Doc], exclude: str | None) -> list[str]:
    """Summaries of the newest MEMORY_SESSIONS summarised sessions, oldest first."""
    found = [s["summary"] for s in sessions if s.get("summary") and s["_id"] != exclude]
    return list(reversed(found[:MEMORY_SESSIONS]))
