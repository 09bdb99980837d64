"""`export --format md`: the journal and gratitude as Markdown to read, by date. Pure.

Laid out as jrnl's Markdown export is: a `#` heading per year, `##` per month, then
`###` per entry with its local date and time (the person's timezone), oldest first;
journal and gratitude interleaved by time. A person's text is written with
domain/mdtext.py, so it reads as typed and never becomes markup or HTML.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from psymitrix_cli import messages
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain import mdtext
from psymitrix_cli.domain.journal import mood_label

CARRIES = ("mood_journal", "gratitude")
Doc = Mapping[str, Any]


def _moments(document: Doc, zone: ZoneInfo) -> Iterator[tuple[datetime, str, Doc]]:
    for kind in CARRIES:
        for entry in document["entries"].get(kind) or []:
            yield parse_iso(entry["at"]).astimezone(zone), kind, entry


def _heading(when: datetime, kind: str, entry: Doc) -> str:
    parts = [when.strftime("%Y-%m-%d %H:%M")]
    if kind == "gratitude":
        parts.append("Grateful for")
    else:
        if entry.get("mood") is not None:
            parts.append(f"mood {entry['mood']}/5 ({mood_label(int(entry['mood']))})")
        if entry.get("tags"):
            parts.append(" ".join(f"#{t}" for t in entry["tags"]))
    return "### " + mdtext.inline(" · ".join(parts))


def _body(kind: str, entry: Doc) -> list[str]:
    if kind == "gratitude":
        return [f"- {mdtext.line(item)}" for item in entry.get("items") or []]
    text = entry.get("text") or ""
    return [mdtext.paragraphs(text)] if text.strip() else []


def render(document: Doc) -> str:
    """The Markdown text of an export document (services/data.py)."""
    zone = ZoneInfo(document["user"].get("timezone") or "UTC")
    out: list[str] = []
    year = month = None
    for when, kind, entry in sorted(_moments(document, zone), key=lambda m: (m[0], m[1])):
        if when.year != year:
            year, month = when.year, None
            out += [f"# {year}", ""]
        if when.month != month:
            month = when.month
            out += [f"## {when:%B}", ""]
        out += [_heading(when, kind, entry), "", *_body(kind, entry)]
        if out[-1]:
            out.append("")
    return "\n".join(out).rstrip() + "\n" if out else messages.EXPORT_MD_EMPTY + "\n"
