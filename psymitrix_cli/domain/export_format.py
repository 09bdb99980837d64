"""The PsyMitrix export document (version 1): its shape, and checking one before import.

Pure: no I/O and no clock (callers pass `now`). `validate` checks a whole document
and turns it into a `Plan` of entries in stored form, so an import either has
nothing wrong with it or writes nothing. Derived values (mood labels, totals,
severities, crisis flags, chat counts) are recomputed, never trusted.

Identity: an entry's *origin* is "<creator's user id>/<id there>". It travels
with the entry through every export and import, and the id an entry gets in an
account is a hash of (that account, kind, origin), or the original id back in the
account that created it. So re-importing adds nothing, importing into another
account never clashes with the source's rows, and a round trip A → B → A is a no-op.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.domain import assessments as instruments
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain.entry_kind import EntryKind, When
from psymitrix_cli.domain.safety import TIER_ORDER
from psymitrix_cli.errors import InvalidInput

FORMAT = "psymitrix-export"
VERSION = 1
SUPPORTED_VERSIONS = (1,)
MAX_BYTES = 64 * 1024 * 1024
ENTRY_KINDS = tuple(k.name for k in registry.EXPORTED)
COUNTED_KINDS = tuple(k.name for k in registry.COUNTED)  # what an import reports counts for
FUTURE_SLACK = timedelta(days=1)  # machines' clocks and calendars disagree; year 3024 does not
ID_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
ORIGIN_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}/[A-Za-z0-9_.:-]{1,64}")
NO_USER = "anonymous"  # origin prefix for a document that names no user
CHAT_TEXT_MAX = 100_000  # a restore bound: replies may be longer than what a person may type
SHORT_TEXT_MAX = 200
# C0/C1 controls other than tab and newlines, and lone surrogates (which no store can encode).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")

Doc = dict[str, Any]


@dataclass
class Item:
    key: str  # the origin: "<user id>/<entry id>"
    doc: Doc  # stored fields, without _id / userId
    messages: list[Item] = field(default_factory=list)  # chat sessions only


@dataclass
class Plan:
    entries: dict[str, list[Item]]
    longest_streak: int | None


# --- reading bytes ------------------------------------------------------------------


def sniff(head: bytes) -> None:
    """Refuse at the first bytes what cannot be a JSON object (a binary, a CSV, a zip)."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if text and not text.startswith(b"{"):
        raise InvalidInput(messages.IMPORT_NOT_AN_OBJECT)


def _no_constants(name: str) -> None:
    raise ValueError(name)


def parse(data: bytes) -> Any:
    """Bytes to a JSON value, refusing early and with one line what is not an export."""
    if len(data) > MAX_BYTES:
        raise InvalidInput(messages.IMPORT_LARGER_THAN.format(value=MAX_BYTES // (1024 * 1024)))
    sniff(data[:64])
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(messages.IMPORT_NOT_UTF8) from None
    if not text.strip():
        raise InvalidInput(messages.IMPORT_EMPTY)
    try:
        return json.loads(text, parse_constant=_no_constants)  # NaN and Infinity are not JSON
    except json.JSONDecodeError as exc:
        # An unterminated string always runs into the end of the file.
        ended = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = messages.IMPORT_TRUNCATED if ended else messages.IMPORT_NOT_JSON
        where = messages.IMPORT_WHERE.format(line=exc.lineno, column=exc.colno)
        raise InvalidInput(
            messages.IMPORT_JSON_ERROR.format(what=what, msg=exc.msg, where=where)
        ) from None
    except ValueError as exc:
        raise InvalidInput(messages.IMPORT_BAD_NUMBER.format(exc=exc)) from None
    except RecursionError:
        raise InvalidInput(messages.IMPORT_TOO_DEEP) from None


# --- small typed readers: each names where the problem is ------------------------------


def _fail(where: str, problem: str) -> InvalidInput:
    return InvalidInput(f"{where}: {problem}")


def _obj(value: Any, where: str) -> Doc:
    if not isinstance(value, dict):
        raise _fail(where, messages.IMPORT_EXPECTED_OBJECT.format(type=_type(value)))
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, messages.IMPORT_EXPECTED_LIST.format(type=_type(value)))
    return value


def _str(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _fail(where, messages.IMPORT_EXPECTED_TEXT.format(type=_type(value)))
    if _SURROGATE.search(value):
        raise _fail(where, messages.IMPORT_INVALID_CHARS)
    return value


def _text(value: Any, where: str, limit: int, *, optional: bool = False) -> str | None:
    """Text kept exactly as exported (no trimming), within a bound and free of controls."""
    text = _str(value, where, optional=optional)
    if text is None:
        return None
    if not text.strip() and not optional:
        raise _fail(where, messages.IMPORT_TEXT_EMPTY)
    if len(text) > limit:
        raise _fail(where, messages.IMPORT_TEXT_TOO_LONG.format(length=len(text), limit=limit))
    if _FORBIDDEN.search(text):
        raise _fail(where, messages.IMPORT_CONTROL_CHARS)
    return text


def _int(value: Any, where: str, low: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise _fail(where, messages.IMPORT_EXPECTED_COUNT.format(low=low, value=value))
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _fail(where, messages.IMPORT_EXPECTED_BOOL.format(value=value))
    return value


def _id(value: Any, where: str) -> str:
    text = _str(value, where) or ""
    if not ID_RE.fullmatch(text):
        raise _fail(where, messages.IMPORT_BAD_ID)
    return text


def _instant(value: Any, where: str, now: datetime, optional: bool = False) -> str | None:
    """An ISO 8601 instant, in the one stored form (UTC, fixed width: it sorts as text)."""
    text = _str(value, where, optional=optional)
    if text is None:
        return None
    try:
        moment = parse_iso(text)
    except ValueError:
        raise _fail(where, messages.ENTRY_NOT_AN_INSTANT.format(value=text[:40])) from None
    if moment > now + FUTURE_SLACK:
        raise _fail(where, messages.IMPORT_IN_FUTURE.format(text=text))
    return iso(moment)


def _type(value: Any) -> str:
    names = messages.IMPORT_TYPES
    if value is None:
        return names["null"]
    if isinstance(value, bool | dict | list | str):
        return names[type(value).__name__]
    return names["number"] if isinstance(value, int | float) else type(value).__name__


def _rule(where: str, check: Callable[[], Any]) -> Any:
    """Run a domain rule, prefixing its one-line message with where it failed."""
    try:
        return check()
    except InvalidInput as exc:
        raise _fail(where, exc.message) from None


# --- identity ----------------------------------------------------------------------------


def origin_of(entry: Doc, where: str, source_user: str) -> str:
    given = entry.get("origin")
    if given is not None:
        text = _str(given, f"{where}.origin") or ""
        if not ORIGIN_RE.fullmatch(text):
            raise _fail(f"{where}.origin", messages.IMPORT_BAD_ORIGIN)
        return text
    return f"{source_user}/{_id(entry.get('id'), f'{where}.id')}"


def stored_id(target_user: str, kind: str, origin: str) -> str:
    """The id an entry has in `target_user`'s account: deterministic, so imports are idempotent."""
    owner, _, original = origin.partition("/")
    if owner == target_user:
        return original  # back in the account that created it: the very same row
    digest = hashlib.sha256(f"{target_user}\x00{kind}\x00{origin}".encode()).hexdigest()
    return digest[:16]


# --- one normaliser per kind: an exported entry in, stored fields out -------------------


def _tracker(kind: EntryKind, e: Doc, w: str, now: datetime) -> Doc:
    """A tracker's entry through the kind's own normaliser (the one new entries use),
    with its recorded times kept: an import restores history, it does not rewrite it."""
    if e.get(kind.sort) is None:
        raise _fail(f"{w}.{kind.sort}", messages.IMPORT_NULL)
    try:
        # A day of slack: machines' clocks and calendars disagree; year 3024 does not.
        doc = kind.stored(kind.new_payload(e), When(now + FUTURE_SLACK, UTC))
    except InvalidInput as exc:
        raise _fail(f"{w}.{exc.field}" if exc.field else w, exc.message) from None
    fallback = doc[kind.sort] if kind.window == "instant" else iso(now)
    created = _instant(e.get("createdAt"), f"{w}.createdAt", now, optional=True) or fallback
    if "createdAt" in kind.timestamps:
        doc["createdAt"] = created
    if "updatedAt" in kind.timestamps:
        updated = _instant(e.get("updatedAt"), f"{w}.updatedAt", now, optional=True)
        doc["updatedAt"] = updated or created
    return doc


def _assessment(e: Doc, w: str, now: datetime) -> Doc:
    name = _str(e.get("instrument"), f"{w}.instrument") or ""
    spec = _rule(f"{w}.instrument", lambda: instruments.get_instrument(name))
    answers = _rule(f"{w}.answers", lambda: instruments.validate_answers(spec, e.get("answers")))
    level = _rule(f"{w}.difficulty", lambda: instruments.validate_difficulty(e.get("difficulty")))
    total = sum(answers)
    if "total" in e and e["total"] != total:
        raise _fail(
            f"{w}.total", messages.IMPORT_TOTAL_MISMATCH.format(total=e["total"], answers=total)
        )
    return {
        "instrument": spec.name,
        "answers": list(answers),
        "total": total,
        "severity": instruments.severity(spec, total),
        "difficulty": level,
        "crisis": instruments.needs_crisis_resources(spec, answers),
        "takenAt": _instant(e.get("takenAt"), f"{w}.takenAt", now),
    }


def _safety_plan(e: Doc, w: str, now: datetime) -> Doc:
    from psymitrix_cli.domain import safety_plan

    sections = {k: e.get(k) for k in safety_plan.BY_KEY}
    doc = _rule(w, lambda: safety_plan.stored(safety_plan.payload(sections)))
    updated = _instant(e.get("updatedAt"), f"{w}.updatedAt", now)
    doc["createdAt"] = _instant(e.get("createdAt"), f"{w}.createdAt", now, optional=True) or updated
    doc["updatedAt"] = updated
    return doc


def _memory(e: Doc, w: str, now: datetime) -> Doc:
    from psymitrix_cli.domain import memory

    source = e.get("source", "you")
    if source not in memory.SOURCES:
        raise _fail(f"{w}.source", messages.IMPORT_BAD_SOURCE.format(value=source))
    return {
        "text": _rule(f"{w}.text", lambda: memory.clean_note(e.get("text"))),
        "source": source,
        "createdAt": _instant(e.get("createdAt"), f"{w}.createdAt", now, optional=True) or iso(now),
    }


def _message(e: Doc, w: str, now: datetime) -> Doc:
    role = e.get("role")
    if role not in ("user", "assistant"):
        raise _fail(f"{w}.role", messages.IMPORT_BAD_ROLE.format(role=role))
    doc: Doc = {
        "seq": _int(e.get("seq"), f"{w}.seq"),
        "role": role,
        "content": _text(e.get("content"), f"{w}.content", CHAT_TEXT_MAX),
        "at": _instant(e.get("at"), f"{w}.at", now),
    }
    if role == "user":
        tier = e.get("safety", "none")
        if tier not in TIER_ORDER:
            raise _fail(f"{w}.safety", messages.IMPORT_BAD_TIER.format(tier=tier))
        doc["safety"] = tier
    else:
        doc["interrupted"] = _bool(e.get("interrupted", False), f"{w}.interrupted")
    return doc


def _chat_session(e: Doc, w: str, now: datetime) -> Doc:
    started = _instant(e.get("startedAt"), f"{w}.startedAt", now)
    return {
        "startedAt": started,
        "lastActivityAt": _instant(
            e.get("lastActivityAt"), f"{w}.lastActivityAt", now, optional=True
        )
        or started,
        "endedAt": _instant(e.get("endedAt"), f"{w}.endedAt", now, optional=True),
        "title": _text(e.get("title"), f"{w}.title", SHORT_TEXT_MAX, optional=True),
        "summary": _text(e.get("summary"), f"{w}.summary", CHAT_TEXT_MAX, optional=True),
        "provider": _text(e.get("provider", "offline"), f"{w}.provider", SHORT_TEXT_MAX),
        "model": _text(e.get("model", "unknown"), f"{w}.model", SHORT_TEXT_MAX),
        "summarisedAt": _instant(e.get("summarisedAt"), f"{w}.summarisedAt", now, optional=True),
        # When the person was last told the companion is an AI (its reminders count from it).
        "disclosedAt": _instant(e.get("disclosedAt"), f"{w}.disclosedAt", now, optional=True),
    }


def _messages(e: Doc, w: str, now: datetime, source_user: str) -> list[Item]:
    found: list[Item] = []
    seqs: set[int] = set()
    for i, raw in enumerate(_list(e.get("messages", []), f"{w}.messages")):
        where = f"{w}.messages[{i}]"
        message = _obj(raw, where)
        doc = _message(message, where, now)
        if doc["seq"] in seqs:
            raise _fail(f"{where}.seq", messages.IMPORT_SEQ_TWICE.format(seq=doc["seq"]))
        seqs.add(doc["seq"])
        found.append(Item(origin_of(message, where, source_user), doc))
    return sorted(found, key=lambda m: m.doc["seq"])


# --- the whole document -------------------------------------------------------------------


def check_header(document: Any) -> Doc:
    doc = _obj(document, messages.IMPORT_THE_DOCUMENT)
    if doc.get("format") != FORMAT:
        raise _fail(
            "format", messages.IMPORT_FORMAT_MISMATCH.format(format=FORMAT, found=doc.get("format"))
        )
    version = doc.get("version")
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        supported = ", ".join(str(s) for s in SUPPORTED_VERSIONS)
        raise _fail(
            "version", messages.IMPORT_VERSION_UNKNOWN.format(version=version, supported=supported)
        )
    return doc


def validate(document: Any, *, now: datetime) -> Plan:
    """Check every field of a document; raise InvalidInput naming the first problem.

    Each tracker's entries go through that kind's own normaliser (domain/entries.py),
    so an entry is decided in one place. Unknown fields are ignored; unknown kinds
    are refused.
    """
    doc = check_header(document)
    user = _obj(doc.get("user") or {}, "user")
    source = _id(user["id"], "user.id") if user.get("id") is not None else NO_USER
    user_data = _obj(doc.get("userData") or {}, "userData")
    longest = user_data.get("longestStreak")
    entries = _obj(doc.get("entries"), "entries")
    unknown = sorted(set(entries) - set(ENTRY_KINDS))
    if unknown:
        raise _fail("entries", messages.IMPORT_UNKNOWN_KIND.format(value=unknown[0]))
    normalisers: dict[str, Callable[[Doc, str, datetime], Doc]] = {
        "assessments": _assessment,
        "chat_sessions": _chat_session,
        "safety_plan": _safety_plan,
        "memory": _memory,
    }
    for spec in registry.TRACKERS:
        normalisers[spec.name] = lambda e, w, now, spec=spec: _tracker(spec, e, w, now)
    plan: dict[str, list[Item]] = {}
    for kind in ENTRY_KINDS:
        items: list[Item] = []
        for i, raw in enumerate(_list(entries.get(kind, []), f"entries.{kind}")):
            where = f"entries.{kind}[{i}]"
            entry = _obj(raw, where)
            item = Item(origin_of(entry, where, source), normalisers[kind](entry, where, now))
            if kind == "chat_sessions":
                item.messages = _messages(entry, where, now, source)
            items.append(item)
        plan[kind] = items
    _check_memory(plan.get("memory", []))
    return Plan(plan, None if longest is None else _int(longest, "userData.longestStreak"))


def _check_memory(items: list[Item]) -> None:
    """At most NOTES_MAX notes, each said once: what `memory edit` would accept."""
    from psymitrix_cli.domain import memory

    _rule("entries.memory", lambda: memory.check_all([i.doc["text"] for i in items]))


def counts() -> dict[str, int]:
    return dict.fromkeys(COUNTED_KINDS, 0)
