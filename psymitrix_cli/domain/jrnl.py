"""A jrnl JSON export (`jrnl --format json`) as PsyMitrix mood-journal entries. Pure.

jrnl keeps a local date and time with no zone, so they are read in the person's own
timezone. Tags lose jrnl's leading '@' and are lower-cased; a tag PsyMitrix cannot
store is dropped rather than failing the import. Each entry's origin is a hash of
its content, so importing the same jrnl file twice adds nothing.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from psymitrix_cli import messages
from psymitrix_cli.clock import iso
from psymitrix_cli.domain import export_format as fmt
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.errors import InvalidInput

ORIGIN_PREFIX = "jrnl"


def _field(entry: dict[str, Any], name: str, where: str, required: bool = True) -> str:
    value = entry.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(messages.JRNL_NOT_TEXT.format(where=where, name=name, value=value))
    return value


def _moment(day: str, clock: str, zone: ZoneInfo, where: str) -> str:
    try:
        local_day = date.fromisoformat(day.strip())
    except ValueError:
        raise InvalidInput(messages.JRNL_BAD_DATE.format(where=where, day=day)) from None
    try:
        local_time = time.fromisoformat(clock.strip()) if clock.strip() else time(12)
    except ValueError:
        raise InvalidInput(messages.JRNL_BAD_TIME.format(where=where, clock=clock)) from None
    return iso(datetime.combine(local_day, local_time, tzinfo=zone))


def tags(values: Any) -> list[str]:
    """jrnl tags in stored form: '@' dropped, lower-cased, invalid ones left out."""
    kept: list[str] = []
    for value in values if isinstance(values, list) else []:
        if not isinstance(value, str):
            continue
        try:
            tag = rules.tag(value.strip().lstrip("@#"))
        except InvalidInput:
            continue
        if tag not in kept and len(kept) < rules.TAGS_MAX:
            kept.append(tag)
    return kept


def to_document(data: Any, timezone: str) -> dict[str, Any]:
    """A jrnl export as a PsyMitrix export document holding only mood-journal entries."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InvalidInput(messages.JRNL_NOT_AN_EXPORT)
    zone = ZoneInfo(timezone)
    entries = []
    for i, raw in enumerate(data["entries"]):
        where = f"entries[{i}]"
        if not isinstance(raw, dict):
            raise InvalidInput(messages.JRNL_NOT_AN_OBJECT.format(where=where))
        day, clock = _field(raw, "date", where), _field(raw, "time", where, required=False)
        title, body = _field(raw, "title", where, False), _field(raw, "body", where, False)
        text = "\n\n".join(part.strip() for part in (title, body) if part.strip())
        content = f"{day}\n{clock}\n{title}\n{body}".encode()
        entries.append(
            {
                "origin": f"{ORIGIN_PREFIX}/{hashlib.sha256(content).hexdigest()[:32]}",
                "at": _moment(day, clock, zone, where),
                "text": text,
                "mood": None,
                "tags": tags(raw.get("tags")),
            }
        )
    return {
        "format": fmt.FORMAT,
        "version": fmt.VERSION,
        "entries": {"mood_journal": entries},
    }
