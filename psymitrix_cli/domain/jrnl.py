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
        raise InvalidInput(f"{where}.{name}: expected text, got {value!r}.")
    return value


def _moment(day: str, clock: str, zone: ZoneInfo, where: str) -> str:
    try:
        local_day = date.fromisoformat(day.strip())
    except ValueError:
        raise InvalidInput(f"{where}.date: {day!r} is not a date in the form YYYY-MM-DD.") from None
    try:
        local_time = time.fromisoformat(clock.strip()) if clock.strip() else time(12)
    except ValueError:
        raise InvalidInput(f"{where}.time: {clock!r} is not a time like 09:30.") from None
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
        raise InvalidInput("this is not a jrnl JSON export (no 'entries' list).")
    zone = ZoneInfo(timezone)
    entries = []
    for i, raw in enumerate(data["entries"]):
        where = f"entries[{i}]"
        if not isinstance(raw, dict):
            raise InvalidInput(f"{where}: expected an object.")
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
