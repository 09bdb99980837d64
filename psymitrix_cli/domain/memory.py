"""The "about me" memory: short notes, in the person's own words, that the companion is
given with every ordinary turn. Pure.

The person writes them (`memory add`, `memory edit`); the companion may only propose
one, as the last line of a reply in the fixed form `[remember: ...]`, and a note is
saved only when the person says yes. The rules here are the one definition of a note
(length, count, what counts as the same note) and of that marker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput

NOTE_MAX = 200  # characters: a note is a line, not a journal entry
NOTES_MAX = 20  # notes kept: every one of them goes into each prompt
SOURCES = ("you", "companion")  # who wrote it: the person, or a proposal they accepted
# Control characters (newlines included: a note is one line), lone surrogates, bidi overrides.
_FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The proposal: `[remember: ...]` on one line, wherever a model put it (the last one counts).
MARKER = re.compile(r"\[\s*remember\s*:([^\]\n]*)\]", re.I)
MARKER_OPEN = "[remember:"


def clean_note(text: object, where: str | None = None) -> str:
    """A note as stored: trimmed, runs of spaces made one; empty, long, multi-line or
    control text refused. `where`: the line of an edit it came from (named in the error)."""
    if not isinstance(text, str):
        raise InvalidInput(messages.MEMORY_NOT_TEXT, field="text")
    body = re.sub(r"[ \t]+", " ", text.strip())
    prefix = messages.MEMORY_LINE.format(line=where) if where else ""
    if not body:
        raise InvalidInput(prefix + messages.MEMORY_EMPTY, field="text")
    if "\n" in body or "\r" in body:
        raise InvalidInput(prefix + messages.MEMORY_ONE_LINE, field="text")
    if _FORBIDDEN.search(body):
        raise InvalidInput(prefix + messages.MEMORY_CONTROL_CHARS, field="text")
    if len(body) > NOTE_MAX:
        raise InvalidInput(
            prefix + messages.MEMORY_TOO_LONG.format(length=len(body), limit=NOTE_MAX),
            field="text",
        )
    return body


def same(a: str, b: str) -> bool:
    """Two notes say the same thing (case and spacing aside)."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def check_new(text: str, existing: Sequence[str]) -> None:
    """A note that may join `existing`: not already there, and room for it."""
    for number, kept in enumerate(existing, 1):
        if same(kept, text):
            raise InvalidInput(messages.MEMORY_ALREADY.format(number=number), field="text")
    if len(existing) >= NOTES_MAX:
        raise InvalidInput(messages.MEMORY_FULL.format(limit=NOTES_MAX), field="text")


def parse_notes(text: str) -> list[str]:
    """The notes of an edited text: one per line; blank lines and `#` comments skipped.
    Every line is checked (the first bad one is named): saved whole or not at all."""
    notes: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            notes.append(clean_note(stripped, where=str(number)))
            lines.append(number)
    return check_all(notes, lines)


def check_all(notes: Sequence[str], lines: Sequence[int] | None = None) -> list[str]:
    """A whole set of notes (an edit, a PUT, an import): each said once, NOTES_MAX at most."""
    for i, note in enumerate(notes):
        if any(same(note, kept) for kept in notes[:i]):
            line = lines[i] if lines else i + 1
            raise InvalidInput(messages.MEMORY_EDIT_TWICE.format(line=line), field="text")
    if len(notes) > NOTES_MAX:
        raise InvalidInput(
            messages.MEMORY_EDIT_TOO_MANY.format(count=len(notes), limit=NOTES_MAX), field="text"
        )
    return list(notes)


def check_list(notes: object) -> list[str]:
    """A whole list given as data (the API's PUT): the same rules as an edit."""
    if isinstance(notes, str) or not isinstance(notes, list | tuple):
        raise InvalidInput(messages.MEMORY_NOT_A_LIST, field="notes")
    return check_all([clean_note(n, where=str(i)) for i, n in enumerate(notes, 1)])


def edit_text(notes: Sequence[str]) -> str:
    """What the editor opens on: a comment saying how, then one note per line."""
    return messages.MEMORY_EDIT_HEADER.format(limit=NOTES_MAX, length=NOTE_MAX) + "".join(
        f"{n}\n" for n in notes
    )


def position(key: str, count: int) -> int | None:
    """`forget 3`: a note's number as shown (1-based), or None when `key` is an id."""
    typed = key.strip()
    if typed.isdigit() and len(typed) < 4:  # ids people type have 4 characters or more
        number = int(typed)
        if not 1 <= number <= count:
            raise InvalidInput(
                messages.MEMORY_NO_NUMBER.format(number=number, count=count), field="id"
            )
        return number
    return None


# --- the companion's proposals ---------------------------------------------------------


class ProposalFilter:
    """Takes `[remember: ...]` out of a reply as it streams: text that could still turn
    into the marker (from a `[` on the last line) is held back until it either closes as
    one (removed, its note kept) or cannot be one (released). Pure: fed chunk by chunk."""

    def __init__(self) -> None:
        self.held = ""
        self.notes: list[str] = []

    def feed(self, chunk: str) -> str:
        """Take a chunk; return the text that is certainly not part of a marker."""
        self.held += chunk
        out: list[str] = []
        while found := MARKER.search(self.held):
            out.append(self.held[: found.start()])
            self.notes.append(found.group(1).strip())
            self.held = self.held[found.end() :]
        cut = _possible_start(self.held)
        out.append(self.held[:cut])
        self.held = self.held[cut:]
        return "".join(out)

    def finish(self) -> str:
        """The stream ended: what is still held was never a whole marker; release it."""
        rest, self.held = self.held, ""
        return rest

    @property
    def proposed(self) -> str | None:
        """The note proposed (the last marker's), or None."""
        return self.notes[-1] if self.notes and self.notes[-1] else None


def _possible_start(text: str) -> int:
    """Where the last `[` that may still become a marker starts (len(text): none)."""
    at = text.rfind("[")
    while at >= 0:
        tail = text[at:]
        compact = tail.lower().replace(" ", "")
        short = len(tail) <= NOTE_MAX + 40 and "\n" not in tail and "]" not in tail
        if short and (compact.startswith(MARKER_OPEN) or MARKER_OPEN.startswith(compact)):
            return at
        at = text.rfind("[", 0, at)
    return len(text)


def split_proposal(reply: str) -> tuple[str, str | None]:
    """A whole reply without its markers, and the note proposed (None: none)."""
    gate = ProposalFilter()
    shown = gate.feed(reply) + gate.finish()
    return shown, gate.proposed


def proposal(text: str | None, existing: Sequence[str]) -> str | None:
    """A proposed note as it would be saved beside `existing`, or None when it breaks a
    note's rules (the same ones `memory add` applies: check_new)."""
    if not text:
        return None
    try:
        note = clean_note(text)
        check_new(note, existing)
    except InvalidInput:
        return None
    return note


def view(doc: dict[str, Any], number: int) -> dict[str, Any]:
    return {
        "id": doc["_id"],
        "number": number,
        "text": doc.get("text"),
        "source": doc.get("source", "you"),
        "createdAt": doc.get("createdAt"),
    }
