"""An export as a stream: the document's header, then each kind's entries a page at a time.

Pure. `Source` is what every exporter reads (services/data.py reads the store behind
it; `DocumentSource` is an export document already in memory). `json_chunks` writes a
JSON value whose lazy parts (`Many`, `Obj`) are produced while it is written, in the
very bytes `json.dumps(value, indent=2, ensure_ascii=False)` would give: each plain
part goes through json.dumps itself, re-indented, and strings hold no raw newline.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol

Doc = dict[str, Any]
INDENT = "  "


class Many:
    """A JSON array written as it is read; `items` is called once per writing."""

    def __init__(self, items: Callable[[], Iterable[Any]]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items())


class Obj(dict[str, Any]):
    """A JSON object holding lazy parts (`Many`, or another `Obj`)."""


class Source(Protocol):
    """An export: `header` is the document without `entries` (format, version,
    exportedAt, user, userData); `rows(kind)` every entry of a kind, oldest first (a
    chat session's `messages` may be a `Many`); `counts` the rows of each kind."""

    header: Mapping[str, Any]
    counts: Mapping[str, int]

    def rows(self, kind: str) -> Iterable[Doc]: ...


class DocumentSource:
    """An export document already in memory, as a Source."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.header = {k: v for k, v in document.items() if k != "entries"}
        self.counts = {k: len(v) for k, v in document["entries"].items()}

    def rows(self, kind: str) -> Iterable[Doc]:
        return self.document["entries"].get(kind) or []


def _plain(value: Any, level: int) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + INDENT * level) if level else text


def json_chunks(value: Any, level: int = 0) -> Iterator[str]:
    """`value` as indented JSON, a piece at a time (one entry's worth, at most)."""
    if isinstance(value, Many):
        items = iter(value)
        first = next(items, _END)
        if first is _END:
            yield "[]"
            return
        inner = "\n" + INDENT * (level + 1)
        yield "[" + inner
        yield from json_chunks(first, level + 1)
        for item in items:
            yield "," + inner
            yield from json_chunks(item, level + 1)
        yield "\n" + INDENT * level + "]"
    elif isinstance(value, Obj):
        if not value:
            yield "{}"
            return
        inner = "\n" + INDENT * (level + 1)
        opening = "{"
        for key, item in value.items():
            yield opening + inner + json.dumps(key, ensure_ascii=False) + ": "
            yield from json_chunks(item, level + 1)
            opening = ","
        yield "\n" + INDENT * level + "}"
    else:
        yield _plain(value, level)


_END = object()


def buffered(chunks: Iterable[str], size: int = 1 << 16) -> Iterator[bytes]:
    """Small text pieces joined into UTF-8 blocks of about `size` bytes."""
    pending: list[str] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(pending).encode("utf-8")
            pending, held = [], 0
    if pending:
        yield "".join(pending).encode("utf-8")


def rstripped(chunks: Iterable[str]) -> Iterator[str]:
    """The text `"".join(chunks).rstrip()` without joining it: trailing whitespace is
    held back until something follows it."""
    held = ""
    for chunk in chunks:
        body = chunk.rstrip()
        if not body:
            held += chunk
            continue
        yield held + body
        held = chunk[len(body) :]


def default_name(header: Mapping[str, Any]) -> str:
    """psymitrix-export-<the day of the export, in the person's timezone>."""
    from zoneinfo import ZoneInfo

    from psymitrix_cli.clock import parse_iso

    moment = parse_iso(header["exportedAt"])
    zone = (header.get("user") or {}).get("timezone")
    day = moment.astimezone(ZoneInfo(zone)).date() if zone else moment.date()
    return f"psymitrix-export-{day.isoformat()}"


class _Pipe:
    """A write-only file for zipfile, drained by the caller. With no seek and no tell,
    zipfile writes each member's sizes after its data, so nothing is held back."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def drain(self) -> Iterator[bytes]:
        if self.parts:
            yield b"".join(self.parts)
            self.parts.clear()


def zip_chunks(
    files: Iterable[tuple[str, Iterable[bytes]]], date_time: tuple[int, ...]
) -> Iterator[bytes]:
    """A zip of named files (each member dated `date_time`), produced as they are read."""
    import zipfile

    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=date_time[:6])  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16  # as ZipFile.writestr marks a member
            with archive.open(info, "w") as member:
                for block in data:
                    member.write(block)
                    yield from pipe.drain()
            yield from pipe.drain()
    yield from pipe.drain()
