"""The "about me" memory: show, add, replace (an edit), forget one, clear. Rules are in
domain/memory.py; one row per note (kind `memory`), so no document grows, each note can
be sealed and exported like any entry, and account deletion takes them with the rest.

Notes are read oldest first, the order they were remembered; `number` in a view is a
note's place in that order (what `memory forget N` takes). Only the person writes a
note: a proposal of the companion's reaches here only through the person's own yes.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.clock import iso
from psymitrix_cli.domain import memory as rules
from psymitrix_cli.domain.entries import MEMORY
from psymitrix_cli.errors import InvalidInput, NotFound
from psymitrix_cli.services.context import ServiceContext, new_id
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import Doc, Query, kind_of

Result = dict[str, Any]
KIND = kind_of(MEMORY)
READ_MAX = 200  # more than NOTES_MAX: an import may bring more; all are shown


def notes(ctx: ServiceContext, user_id: str) -> list[Doc]:
    """Every note of this person's, oldest first (one indexed read)."""
    return ctx.store.list(KIND, Query(user_id=user_id, limit=READ_MAX, ascending=True))


def prompt_notes(ctx: ServiceContext, user_id: str) -> tuple[list[str], list[str]]:
    """(every note kept, the notes the model is given): this person's alone, oldest first,
    NOTES_MAX at most, leaving out any the safety screen reads as acute (as recall does
    with entries). A proposal is judged against every note kept, sent or not."""
    from psymitrix_cli.domain.safety import screen_message

    kept = [str(d.get("text") or "") for d in notes(ctx, user_id)]
    sent = [t for t in kept[: rules.NOTES_MAX] if t and screen_message(t).tier != "acute"]
    return kept, sent


class MemoryService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _view(self, docs: list[Doc]) -> Result:
        return {
            "items": [rules.view(d, n) for n, d in enumerate(docs, 1)],
            "count": len(docs),
            "limit": rules.NOTES_MAX,
            "noteMax": rules.NOTE_MAX,
        }

    def _insert(self, user_id: str, text: str, source: str, offset: int = 0) -> Doc:
        # Notes written together keep the order they were given: a microsecond apart.
        at = iso(self.ctx.clock.now() + timedelta(microseconds=offset))
        doc: Doc = {"_id": new_id(), "userId": user_id, "text": text, "source": source}
        doc["createdAt"] = at
        self.ctx.store.insert(KIND, doc)
        return doc

    @allows("read")
    def show(self) -> Result:
        """{"items": [{id, number, text, source, createdAt}], "count", "limit", "noteMax"}"""
        return self._view(notes(self.ctx, self.session.user_id))

    @allows()
    def add(self, text: str, source: str = "you") -> Result:
        """Keep one note; refused (nothing written) when it breaks a rule, is already
        there, or there are NOTES_MAX notes. `source`: "companion" for an accepted proposal."""
        note = rules.clean_note(text)
        if source not in rules.SOURCES:
            raise InvalidInput(messages.IMPORT_BAD_SOURCE.format(value=source), field="source")
        user_id = self.session.user_id
        docs = notes(self.ctx, user_id)
        rules.check_new(note, [str(d.get("text") or "") for d in docs])
        doc = self._insert(user_id, note, source)
        return {"note": rules.view(doc, len(docs) + 1), **self._view([*docs, doc])}

    @allows()
    def replace(self, texts: list[str]) -> Result:
        """The whole set of notes, as edited: unchanged notes are kept as they were (their
        time and source), new ones added, the rest forgotten. New rows are written before
        old ones go, so an interrupted edit never loses a note."""
        wanted = rules.check_list(texts)
        user_id = self.session.user_id
        docs = notes(self.ctx, user_id)
        kept: list[Doc] = []
        added: list[str] = []
        for text in wanted:
            match = next((d for d in docs if d not in kept and d.get("text") == text), None)
            if match is None:
                added.append(text)
            else:
                kept.append(match)
        gone = [d for d in docs if d not in kept]
        for offset, text in enumerate(added):
            kept.append(self._insert(user_id, text, "you", offset))
        for doc in gone:
            self.ctx.store.delete(KIND, user_id, doc["_id"])
        result = self._view(notes(self.ctx, user_id))
        return {**result, "added": len(added), "forgotten": len(gone)}

    @allows()
    def forget(self, key: str) -> Result:
        """Forget one note, by its number as shown or its id (a unique prefix will do)."""
        from psymitrix_cli.services import ids

        user_id = self.session.user_id
        docs = notes(self.ctx, user_id)
        number = rules.position(key, len(docs))
        if number is not None:
            doc = docs[number - 1]
        else:
            entry_id = ids.resolve(self.ctx.store, KIND, user_id, key)
            found = next((d for d in docs if d["_id"] == entry_id), None)
            if found is None:
                raise NotFound(messages.MEMORY_NOT_FOUND.format(id=key.strip()), field="id")
            doc, number = found, docs.index(found) + 1
        if not self.ctx.store.delete(KIND, user_id, doc["_id"]):
            raise NotFound(messages.MEMORY_NOT_FOUND.format(id=key.strip()), field="id")
        return {"forgotten": rules.view(doc, number)}

    @allows()
    def clear(self) -> Result:
        """Forget every note; {"deleted": how many}."""
        return {"deleted": self.ctx.store.delete_where(KIND, self.session.user_id, {})}
