"""The AI companion chat: screening, storing and answering messages, sessions, summaries.

One turn, in order: validate; screen the message (domain/safety) before any model
sees it; store it, so it is never lost; then either the fixed crisis message
(acute, no model call) or the provider's streamed reply, itself screened. What a
turn yields is documented on `ChatEvent` in backends/base.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ai.base import Provider
from psymitrix_cli.ai.prompts import about_block, build_system_prompt, fit_to_budget
from psymitrix_cli.ai.select import select_provider
from psymitrix_cli.domain import memory as notes
from psymitrix_cli.domain import safety
from psymitrix_cli.domain.chat import ChatTurn, check_target, clean_message
from psymitrix_cli.domain.safety import wording
from psymitrix_cli.errors import InvalidInput, NotFound, ProviderError
from psymitrix_cli.services import chat_reminders as reminders
from psymitrix_cli.services import chat_store, moderation, recall
from psymitrix_cli.services import chat_summary as summaries
from psymitrix_cli.services import memory as about_me
from psymitrix_cli.services.chat_holdback import HeldReply
from psymitrix_cli.services.chat_safety import screen_turn
from psymitrix_cli.services.context import ServiceContext, public
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import CHAT_MESSAGES, CHAT_SESSIONS, Doc, Query

ChatEvent = dict[str, Any]

HISTORY_MESSAGES = 40  # newest messages of the session read for context, then fitted
CONTEXT_CHARS = 12000
FIXED_REPLY = ("psymitrix", "crisis-message")  # provider/model reported for an acute turn


def session_view(doc: Doc) -> dict[str, Any]:
    return public(doc) or {}


class ChatService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    # --- helpers -----------------------------------------------------------------
    def _default_provider(self) -> Provider:
        """For summaries outside a turn: the usual choice, or offline if it cannot be made."""
        try:
            return select_provider(None, self.ctx.settings.ai)
        except InvalidInput:
            from psymitrix_cli.ai.offline import OfflineProvider

            return OfflineProvider()

    def _get(self, user_id: str, session_id: str) -> Doc:
        from psymitrix_cli.services import ids

        session_id = ids.resolve(self.ctx.store, CHAT_SESSIONS, user_id, session_id)
        doc = self.ctx.store.get(CHAT_SESSIONS, user_id, session_id)
        if doc is None:
            raise NotFound(messages.CHAT_NOT_FOUND.format(id=session_id))
        return doc

    def _housekeep(self, skip: str | None = None) -> list[Doc]:
        """Summarise idle sessions first (bounded); return the newest sessions scanned."""
        newest = summaries.newest_sessions(self.ctx, self.session.user_id)
        summaries.summarise_idle(self.ctx, newest, self._default_provider, skip)
        return newest

    # --- one turn ----------------------------------------------------------------
    @allows()
    def send(self, turn: ChatTurn) -> Iterator[ChatEvent]:
        # Everything that can refuse the request runs now, before anything is stored,
        # so a server can answer with a status code instead of a broken stream.
        text = clean_message(turn.message)
        check_target(turn.sessionId, turn.continueLast)
        user_id = self.session.user_id
        chosen = select_provider(turn.provider, self.ctx.settings.ai)
        newest = summaries.newest_sessions(self.ctx, user_id)
        target: Doc | None = None
        if turn.sessionId:
            target = self._get(user_id, turn.sessionId)
        elif turn.continueLast and newest:
            target = newest[0]
        return self._turn(text, chosen, target, newest, turn.memory)

    def _turn(
        self, text: str, provider: Provider, target: Doc | None, newest: list[Doc], memory: bool
    ) -> Iterator[ChatEvent]:
        ctx, user_id = self.ctx, self.session.user_id
        summaries.summarise_idle(ctx, newest, lambda: provider, target and target["_id"])
        chat = target or chat_store.new_session(ctx, user_id, provider.name, provider.model)
        earlier_tier = chat.get("maxSafetyTier") or "none"
        history = (
            chat_store.recent_messages(ctx, user_id, chat["_id"], HISTORY_MESSAGES)
            if target is not None
            else []
        )
        screen = screen_turn(text, [d for d in history if d["role"] == "user"])
        if screen.tier != "acute":
            screen = moderation.raise_tier(screen, text, provider.name, ctx.settings.ai)
        reminder = None if target is None else reminders.due(ctx, chat)
        said = chat_store.append(ctx, chat, "user", text, safety=screen.tier)
        if screen.tier != "none":
            kind = screen.kind or "unspecified"
            chat_store.record_safety(ctx, user_id, chat["_id"], kind, screen.tier, "user")
        if reminder is not None:
            chat_store.update_session(ctx, chat, {"disclosedAt": ctx.now_iso()})
        yield {
            "type": "session",
            "sessionId": chat["_id"],
            "created": target is None,
            "disclosure": safety.AI_DISCLOSURE if target is None else reminder,
            "ageNotice": wording.AGE_NOTICE if target is None else None,
            "languageNote": wording.ENGLISH_FIRST if screen.non_english else None,
        }
        if screen.tier == "acute":
            # The fixed, human-written message; no model is asked anything this turn.
            from psymitrix_cli.domain.crisis import crisis_message

            reply = crisis_message(ctx.settings.crisis_line)
            chat_store.append(ctx, chat, "assistant", reply, interrupted=False)
            yield _done(chat, reply, *FIXED_REPLY, "acute", interrupted=False)
            return
        # Once a session has shown risk, every later turn keeps the safety instruction
        # and every later reply the resources line.
        careful = screen.tier == "concern" or earlier_tier != "none"
        # The person's own notes about themselves (never another account's: read by this
        # session's user id), and the rule for proposing one more while there is room.
        kept, about = about_me.prompt_notes(ctx, user_id) if memory else ([], [])
        system = build_system_prompt(
            summaries.memory(newest, chat["_id"]) if memory else [],
            safety.SAFETY_INSTRUCTION if careful else None,
            recall.related(ctx, self.session, text) if memory else (),
            about=about,
            propose=memory and len(kept) < notes.NOTES_MAX,
        )
        # The notes come out of the conversation's share of the budget, not on top of it.
        budget = CONTEXT_CHARS - len(about_block(about))
        conversation = fit_to_budget(summaries.model_view([*history, said]), budget)
        turn = _Reply(screen.tier, careful, text, kept if memory else None)
        yield from self._reply(chat, provider, system, conversation, turn)

    def _reply(
        self,
        chat: Doc,
        provider: Provider,
        system: str,
        conversation: list[dict[str, str]],
        turn: _Reply,
    ) -> Iterator[ChatEvent]:
        # Nothing reaches the person before the sentence holding it has been screened.
        # Once the session has shown risk, and the provider can moderate, the whole reply
        # is also read by the provider's moderation before any of it is shown. A proposed
        # note (`[remember: ...]`) is taken out before the gate: it is never shown as text.
        tier, careful, asked = turn.tier, turn.careful, turn.asked
        proposals = notes.ProposalFilter()
        gate = HeldReply(careful=careful)
        whole = careful and moderation.reads_replies(provider.name, self.ctx.settings.ai)
        parts: list[str] = []
        so_far = ""
        failure: ProviderError | None = None
        stream = provider.stream(system, conversation)
        try:
            for raw in stream:
                chunk = proposals.feed(raw)
                so_far += chunk
                ready = gate.feed(chunk)
                if gate.unsafe:
                    break  # stop here: the offending text is never shown
                if ready:
                    parts.append(ready)
                    if not whole:
                        yield {"type": "delta", "text": ready}
        except ProviderError as exc:
            failure = exc
        except (KeyboardInterrupt, GeneratorExit):
            # Ctrl-C, or the consumer went away (a closed stream, a dropped HTTP client):
            # what was shown is kept; what was still held back was never screened.
            shown = "" if whole else "".join(parts)
            self._store_reply(chat, provider, shown, careful, interrupted=True)
            raise
        finally:
            with contextlib.suppress(Exception):
                stream.close()  # type: ignore[attr-defined]
        held = "" if gate.unsafe else proposals.finish()
        so_far += held
        rest = gate.feed(held) if held else ""
        rest = "" if gate.unsafe else rest + gate.finish(complete=failure is None)
        if rest:
            parts.append(rest)
            if not whole:
                yield {"type": "delta", "text": rest}
        unsafe = gate.unsafe
        if whole and parts and not unsafe:
            unsafe = moderation.reply_flagged(
                asked, "".join(parts), provider.name, self.ctx.settings.ai
            )
            if not unsafe:
                yield {"type": "delta", "text": "".join(parts)}
        reply = so_far if unsafe else "".join(parts)
        if not reply:  # nothing to keep but the user's message
            raise failure or ProviderError(messages.CHAT_EMPTY_REPLY)
        interrupted = failure is not None
        stored, replaced = self._store_reply(chat, provider, reply, careful, interrupted, unsafe)
        if replaced:
            yield {"type": "replace", "text": stored}
        elif stored != reply:
            yield {"type": "delta", "text": stored[len(reply) :]}  # the concern footer
        done = _done(chat, stored, provider.name, provider.model, tier, interrupted)
        if not (unsafe or replaced or interrupted):  # a reply withheld or cut proposes nothing
            done["memoryProposal"] = _proposal(proposals.proposed, turn.notes, careful)
        yield done
        if failure is not None:
            raise failure

    def _store_reply(
        self,
        chat: Doc,
        provider: Provider,
        reply: str,
        careful: bool,
        interrupted: bool,
        unsafe: bool = False,
    ) -> tuple[str, bool]:
        """Screen and store a (possibly partial) reply; return (stored text, replaced).

        careful: the session has shown risk (the stricter reply screen, the footer)."""
        if not reply:
            return "", False
        replaced = unsafe or safety.screen_reply(reply, careful=careful)
        if replaced:
            stored = messages.CHAT_SAFE_REPLY
            chat_store.record_safety(
                self.ctx, chat["userId"], chat["_id"], "unsafe_reply", "acute", "model"
            )
        elif careful:  # the session has shown risk: the resources line, every reply
            stored = f"{reply}\n\n{safety.CONCERN_FOOTER}"
        else:
            stored = reply
        chat_store.append(self.ctx, chat, "assistant", stored, interrupted=interrupted)
        if (chat.get("provider"), chat.get("model")) != (provider.name, provider.model):
            chat_store.update_session(
                self.ctx, chat, {"provider": provider.name, "model": provider.model}
            )
        return stored, replaced

    # --- sessions ----------------------------------------------------------------
    @allows()
    def start(self, *, provider: str | None = None) -> dict[str, Any]:
        user_id = self.session.user_id
        chosen = select_provider(provider, self.ctx.settings.ai)
        self._housekeep()
        doc = chat_store.new_session(self.ctx, user_id, chosen.name, chosen.model)
        return {
            "id": doc["_id"],
            "startedAt": doc["startedAt"],
            "provider": doc["provider"],
            "model": doc["model"],
            "disclosure": safety.AI_DISCLOSURE,
            "ageNotice": wording.AGE_NOTICE,
        }

    @allows("read")
    def sessions(self, *, limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
        size = page_size(limit)
        before = decode_cursor(cursor)
        user_id = self.session.user_id
        self._housekeep()
        query = Query(user_id=user_id, limit=size + 1, before=before)
        rows = self.ctx.store.list(CHAT_SESSIONS, query)
        return page(CHAT_SESSIONS, rows, size, [session_view(r) for r in rows])

    @allows("read")
    def get(self, session_id: str) -> dict[str, Any]:
        user_id = self.session.user_id
        self._housekeep()
        doc = self._get(user_id, session_id)
        found = chat_store.iter_messages(self.ctx, user_id, doc["_id"])
        return {**session_view(doc), "messages": [chat_store.message_view(m) for m in found]}

    @allows()
    def end(self, session_id: str | None = None) -> dict[str, Any]:
        user_id = self.session.user_id
        newest = summaries.newest_sessions(self.ctx, user_id)
        # The target is chosen before idle sessions are tidied, or an idle latest
        # session would be ended by the tidying and "nothing open" reported.
        doc = self._get(user_id, session_id) if session_id else _latest_open(newest)
        summaries.summarise_idle(self.ctx, newest, self._default_provider, doc["_id"])
        if summaries.needs_summary(doc) or not doc.get("endedAt"):
            summaries.summarise_session(self.ctx, doc, self._default_provider)
        return session_view(doc)

    @allows()
    def delete(self, session_id: str) -> None:
        user_id = self.session.user_id
        doc = self._get(user_id, session_id)
        session_id = doc["_id"]
        self._housekeep(skip=session_id)
        # Messages first: stopped half-way, the session is still there to delete again.
        self.ctx.store.delete_where(CHAT_MESSAGES, user_id, {"sessionId": session_id})
        counted = int(doc.get("userMessageCount") or 0) > 0
        counter = chat_store.SESSION_COUNTER if counted else None
        if not self.ctx.store.delete(CHAT_SESSIONS, user_id, session_id, counter=counter):
            raise NotFound(messages.CHAT_NOT_FOUND.format(id=session_id))


@dataclass(frozen=True)
class _Reply:
    """What a turn's reply is screened and judged by."""

    tier: safety.Tier
    careful: bool
    asked: str  # the person's message (the provider's moderation reads it with the reply)
    notes: list[str] | None  # every note kept; None: --no-memory (no proposal kept)


def _proposal(text: str | None, kept: list[str] | None, careful: bool) -> str | None:
    """The note the model proposed, if the person may be asked about it: a valid note,
    passed by the same screen every reply passes, not one the message screen reads as
    acute, not already kept, and room for it. Never saved here: the person decides."""
    note = None if kept is None else notes.proposal(text, kept)
    if note is None or safety.screen_reply(note, careful=careful):
        return None
    return None if safety.screen_message(note).tier == "acute" else note


def _done(
    chat: Doc, reply: str, provider: str, model: str, tier: str, interrupted: bool
) -> ChatEvent:
    return {
        "type": "done",
        "sessionId": chat["_id"],
        "reply": reply,
        "provider": provider,
        "model": model,
        "safety": tier,
        "interrupted": interrupted,
        "memoryProposal": None,
    }


def _latest_open(newest: list[Doc]) -> Doc:
    for doc in newest:
        if not doc.get("endedAt"):
            return doc
    raise NotFound(messages.CHAT_NOTHING_TO_END)
