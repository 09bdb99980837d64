"""`export --format md`: the journal and gratitude as Markdown to read, by date. Pure.

Laid out as jrnl's Markdown export is: a `#` heading per year, `##` per month, then
`###` per entry with its local date and time (the person's timezone), oldest first;
journal and gratitude interleaved by time. A person's text is written with
domain/mdtext.py, so it reads as typed and never becomes markup or HTML.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from psymitrix_cli import messages
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain import mdtext
from psymitrix_cli.domain.export_stream import DocumentSource, Source, rstripped
from psymitrix_cli.domain.journal import mood_label

CARRIES = ("mood_journal", "gratitude")
Doc = Mapping[str, Any]


def _when(entry: Doc, zone: ZoneInfo) -> datetime:
    return parse_iso(entry["at"]).astimezone(zone)


def _moments(source: Source, kind: str, zone: ZoneInfo) -> Iterator[tuple[datetime, str, Doc]]:
    for entry in source.rows(kind):
        yield _when(entry, zone), kind, entry


def by_time(document: Doc) -> Doc:
    """An export document whose carried kinds are in time order, as a store reads them
    (a document from elsewhere may be in any order)."""
    zone = ZoneInfo(document["user"].get("timezone") or "UTC")
    entries = dict(document["entries"])
    for kind in CARRIES:
        entries[kind] = sorted(entries.get(kind) or [], key=lambda e: _when(e, zone))
    return {**document, "entries": entries}


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


def _lines(source: Source) -> Iterator[str]:
    zone = ZoneInfo(source.header["user"].get("timezone") or "UTC")
    # Each kind comes oldest first: merging them is the sort by (time, kind).
    merged = heapq.merge(*(_moments(source, k, zone) for k in CARRIES), key=lambda m: m[:2])
    year = month = None
    for when, kind, entry in merged:
        if when.year != year:
            year, month = when.year, None
            yield from (f"# {year}", "")
        if when.month != month:
            month = when.month
            yield from (f"## {when:%B}", "")
        body = _body(kind, entry)
        yield from (_heading(when, kind, entry), "", *body)
        if body and body[-1]:
            yield ""


def chunks(source: Source) -> Iterator[str]:
    """The Markdown text of an export, a line at a time (the `md` exporter)."""
    lines = _lines(source)
    first = next(lines, None)
    if first is None:
        yield messages.EXPORT_MD_EMPTY + "\n"
        return
    yield from rstripped(itertools.chain([first], ("\n" + line for line in lines)))
    yield "\n"


def render(document: Doc) -> str:
    """The Markdown text of an export document (services/data.py)."""
    return "".join(chunks(DocumentSource(by_time(document))))
