"""Own your data: everything of a person's as one export document, and importing one.

Export is read from the store while it is written (services/export.py), so memory
stays flat whatever the history. Import validates the whole document
first (domain/export_format), so a bad file writes nothing; then it inserts entry by
entry with ids derived from each entry's origin, and a clash on an id (or on a
night's date, or a message's seq) means "already there": skipped, never doubled.
Counters stay exact because every insert carries its own counter, atomically.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import assessments as instruments
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain import export_format as fmt
from psymitrix_cli.domain import formats
from psymitrix_cli.domain.safety import highest
from psymitrix_cli.errors import Conflict, InvalidInput
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.export import LocalExport, Progress, StoreSource
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.services.visits import streak_view
from psymitrix_cli.store import base as kinds
from psymitrix_cli.store.base import COUNTERS, Doc, Kind, kind_of

Result = dict[str, Any]
SESSION_COUNTER = "chatSessionCount"  # as services/chat_store.py counts a session
STREAK_ATTEMPTS = 5
USER_FIELDS = ("name", "username", "email", "phoneNumber", "timezone", "createdAt", "updatedAt")
# Every kind the registry exports (safety events are not: they hold no content, only
# that a screen fired, and replaying them elsewhere would invent history).
EXPORTED: dict[str, Kind] = {spec.name: kind_of(spec) for spec in registry.EXPORTED}


class DataService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session
        # Optional, set by the CLI for a progress bar; not part of the DataAPI protocol
        # (the remote backend's export is one request).
        self.progress: Progress | None = None

    # --- export ------------------------------------------------------------------------
    def _source(self) -> StoreSource:
        user = self.session.user()
        user_id = user["_id"]
        data = self.ctx.store.get_user_data(user_id) or {}
        header = {
            "format": fmt.FORMAT,
            "version": fmt.VERSION,
            "exportedAt": self.ctx.now_iso(),
            "user": {"id": user_id, **{k: user.get(k) for k in USER_FIELDS}},
            "userData": {
                **streak_view(self.ctx, user, data),
                **{c: int(data.get(c, 0)) for c in COUNTERS},
            },
        }
        return StoreSource(self.ctx, user_id, header, EXPORTED, self.progress)

    @allows("read")
    def export_stream(self, format_name: str) -> LocalExport:
        """One format of the export (domain/formats.py), read from the store while it is
        written: a page at a time, whatever the history."""
        return LocalExport(formats.EXPORTER[format_name], self._source())

    @allows("read")
    def export(self) -> Result:
        """The whole export document in memory (for callers that want the value)."""
        source = self._source()
        entries: dict[str, list[Result]] = {}
        for name in EXPORTED:
            entries[name] = [
                {**e, "messages": list(e["messages"])} if "messages" in e else e
                for e in source.rows(name)
            ]
        source.finished()
        return {**source.header, "entries": entries}

    # --- import ------------------------------------------------------------------------
    @allows()
    def import_(self, document: Result, *, dry_run: bool = False) -> Result:
        user_id = self.session.user_id
        try:
            plan = fmt.validate(document, now=self.ctx.clock.now())
        except InvalidInput as exc:
            raise InvalidInput(messages.IMPORT_INVALID.format(problem=exc.message)) from None
        run = _DryRun(self.ctx, user_id) if dry_run else _Writer(self.ctx, user_id)
        for name in fmt.ENTRY_KINDS:
            for item in plan.entries[name]:
                if name == "chat_sessions":
                    run.chat_session(item)
                else:
                    run.entry(name, item)
        if not dry_run and plan.longest_streak is not None:
            self._keep_longest_streak(user_id, plan.longest_streak)
        return {"imported": run.imported, "skipped": run.skipped, "dryRun": dry_run}

    def _keep_longest_streak(self, user_id: str, longest: int) -> None:
        """The best streak is the person's, whichever backend it was made on: keep the max.
        The current streak is not carried: it counts visits to this account."""
        for _ in range(STREAK_ATTEMPTS):
            data = self.ctx.store.get_user_data(user_id) or {}
            if int(data.get("longestStreak") or 0) >= longest:
                return
            fields = {"longestStreak": longest}
            if self.ctx.store.set_streak(user_id, data.get("lastStreakUpdate"), fields):
                return


class _Writer:
    """Inserts entries; a clash means the entry is already there."""

    def __init__(self, ctx: ServiceContext, user_id: str) -> None:
        self.store = ctx.store
        self.user_id = user_id
        self.imported = fmt.counts()
        self.skipped = fmt.counts()

    def _doc(self, kind: str, item: fmt.Item, **extra: Any) -> Doc:
        entry_id = fmt.stored_id(self.user_id, kind, item.key)
        doc: Doc = {"_id": entry_id, "userId": self.user_id, **item.doc, **extra}
        if not item.key.startswith(f"{self.user_id}/"):
            doc["origin"] = item.key  # carried on, so the next import knows this entry
        return doc

    def _insert(self, name: str, kind: Kind, doc: Doc, counter: str | None = None) -> bool:
        try:
            self.store.insert(kind, doc, counter=counter)
        except Conflict:
            self.skipped[name] += 1
            return False
        self.imported[name] += 1
        return True

    def entry(self, name: str, item: fmt.Item) -> None:
        counter = None
        if name == "assessments":  # no fixed counter on this kind: the instrument decides
            counter = instruments.get_instrument(item.doc["instrument"]).counter
        self._insert(name, EXPORTED[name], self._doc(name, item), counter)

    def chat_session(self, item: fmt.Item) -> None:
        # Inserted with zero counts, then brought up to date after its messages, as
        # chat_store.append does, so a session never claims messages it does not have.
        session = self._doc("chat_sessions", item, messageCount=0, userMessageCount=0)
        session["maxSafetyTier"] = "none"
        existed = not self._insert("chat_sessions", kinds.CHAT_SESSIONS, session)
        if existed:
            found = self.store.get(kinds.CHAT_SESSIONS, self.user_id, session["_id"])
            if found is None:  # an id clash with a row that is not this person's
                self.skipped["chat_messages"] += len(item.messages)
                return
            session = found
        users = [m for m in item.messages if m.doc["role"] == "user"]
        first_user = users[0] if users else None
        added: list[Doc] = []
        for message in item.messages:
            doc = self._doc("chat_messages", message, sessionId=session["_id"])
            # The session is counted with its first user message, in the same atomic step.
            counter = SESSION_COUNTER if message is first_user else None
            if self._insert("chat_messages", kinds.CHAT_MESSAGES, doc, counter):
                added.append(doc)
        if added:
            self._catch_up(session, added, existed)

    def _catch_up(self, session: Doc, added: list[Doc], existed: bool) -> None:
        said = [m for m in added if m["role"] == "user"]
        tier = session.get("maxSafetyTier") or "none"
        for message in said:
            tier = highest(tier, message.get("safety") or "none")
        fields: Doc = {
            "messageCount": max(int(session.get("messageCount") or 0), added[-1]["seq"] + 1),
            "userMessageCount": int(session.get("userMessageCount") or 0) + len(said),
            "maxSafetyTier": tier,
        }
        if existed:  # new messages in a session already here: its summary is due again
            fields["summarisedAt"] = None
            fields["lastActivityAt"] = max(session["lastActivityAt"], added[-1]["at"])
        self.store.update(kinds.CHAT_SESSIONS, self.user_id, session["_id"], fields)


class _DryRun(_Writer):
    """The same walk, reading instead of writing: what an import would add and skip."""

    def __init__(self, ctx: ServiceContext, user_id: str) -> None:
        super().__init__(ctx, user_id)
        self.seen: set[tuple[str, Any]] = set()

    def _exists(self, kind: Kind, doc: Doc) -> bool:
        keys = [(kind.name, doc["_id"])]
        unique = {f: doc.get(f) for f in kind.unique}
        if unique:
            keys.append((kind.name, tuple(unique.items())))
        if any(k in self.seen for k in keys):
            return True
        self.seen.update(keys)
        found = self.store.get(kind, self.user_id, doc["_id"]) is not None
        return found or bool(unique and self.store.find_one(kind, self.user_id, unique))

    def _insert(self, name: str, kind: Kind, doc: Doc, counter: str | None = None) -> bool:
        if self._exists(kind, doc):
            self.skipped[name] += 1
            return False
        self.imported[name] += 1
        return True

    def chat_session(self, item: fmt.Item) -> None:
        session = self._doc("chat_sessions", item)
        self._insert("chat_sessions", kinds.CHAT_SESSIONS, session)
        for message in item.messages:
            doc = self._doc("chat_messages", message, sessionId=session["_id"])
            self._insert("chat_messages", kinds.CHAT_MESSAGES, doc)
