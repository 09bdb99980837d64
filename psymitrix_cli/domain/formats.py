"""Every way data leaves or enters PsyMitrix, declared once: exporters and importers.

`psymitrix export --format` and `psymitrix import --from` take their choices and their
help from `EXPORTERS` and `IMPORTERS`; a new format is one entry here and its
function. An exporter names the entry kinds it carries and, for each exported kind it
does not, why (`leaves_out`): tests/test_export_import.py fails when an exported kind
is in neither, so a new tracker is never silently dropped from a format.

Pure: an exporter reads an export as a stream (domain/export_stream.Source: the
header, then each kind's entries a page at a time) and writes text pieces or named
files of byte blocks, so memory stays flat whatever the history; `render` gives the
whole output of an export document already in memory. An importer turns parsed JSON
into an export document, which import then validates whole (domain/export_format.py).
Writing files is the CLI's and ui/'s.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain import fhir, jrnl, md_export
from psymitrix_cli.domain.export_stream import (
    DocumentSource,
    Many,
    Obj,
    Source,
    buffered,
    json_chunks,
)

Doc = dict[str, Any]
# One JSON value, one text (Markdown), or named files (a dir or a zip).
Output = Literal["json", "text", "files"]
Files = Iterator[tuple[str, Iterator[bytes]]]  # (file name, its bytes a block at a time)

# One CSV per kind (chat messages get a file of their own, keyed by sessionId).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {spec.name: spec.csv for spec in registry.COUNTED}
EXPORTED_KINDS: tuple[str, ...] = tuple(spec.name for spec in registry.EXPORTED)


@dataclass(frozen=True)
class Exporter:
    name: str
    help: str
    output: Output
    # json and text: the output's text, a piece at a time; files: named files.
    write: Callable[[Source], Iterator[str]] | Callable[[Source], Files]
    carries: tuple[str, ...]  # the exported kinds it writes out
    leaves_out: Mapping[str, str] = field(default_factory=dict)  # kind -> why not

    def chunks(self, source: Source) -> Iterator[bytes]:
        """A json or text output as UTF-8 blocks."""
        assert self.output != "files", self.name
        return buffered(self.write(source))  # type: ignore[arg-type]

    def files(self, source: Source) -> Files:
        assert self.output == "files", self.name
        return self.write(source)  # type: ignore[return-value]

    def render(self, document: Doc) -> str | dict[str, bytes]:
        """The whole output for an export document in memory: text, or {name: bytes}."""
        source = self.prepare(document)
        if self.output == "files":
            return {name: b"".join(blocks) for name, blocks in self.files(source)}
        return "".join(self.write(source))  # type: ignore[arg-type]

    def prepare(self, document: Doc) -> Source:
        return DocumentSource(md_export.by_time(document) if self.name == "md" else document)


@dataclass(frozen=True)
class Importer:
    name: str
    help: str
    read: Callable[[Any, str], Doc]  # (parsed JSON, the person's timezone) -> export document
    needs_timezone: bool = False  # so the CLI asks the account only when it must


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):  # a safety plan's contact: "Name: phone"
        return ": ".join(str(v) for v in value.values() if v)
    return str(value)


def _chat_messages(source: Source) -> Iterator[Doc]:
    """Every message, keyed by its session, in the sessions' order (a file of their own)."""
    for chat in source.rows("chat_sessions"):
        for message in chat.get("messages") or ():
            yield {**message, "sessionId": chat["id"]}


def _csv_rows(columns: tuple[str, ...], entries: Iterable[Doc]) -> Iterator[str]:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for entry in entries:
        writer.writerow([_cell(entry.get(c)) for c in columns])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def csv_files(source: Source) -> Files:
    """`<kind>.csv` per kind: a header row, then one row per entry, UTF-8."""
    for kind, columns in CSV_COLUMNS.items():
        entries = _chat_messages(source) if kind == "chat_messages" else source.rows(kind)
        yield f"{kind}.csv", buffered(_csv_rows(columns, entries))


def json_document(source: Source) -> Iterator[str]:
    """The export document itself, as `json.dumps(document, indent=2)` writes it."""
    entries = Obj({name: Many(partial(source.rows, name)) for name in source.counts})
    yield from json_chunks(Obj({**source.header, "entries": entries}))
    yield "\n"


def _export_document(data: Any, timezone: str) -> Doc:
    return data  # already one; import validates it whole


EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        "json",
        "everything, to keep or to import elsewhere",
        "json",
        json_document,
        carries=EXPORTED_KINDS,
    ),
    Exporter(
        "csv",
        "a file per kind, for spreadsheets (a directory or a .zip)",
        "files",
        csv_files,
        carries=tuple(k for k in EXPORTED_KINDS if CSV_COLUMNS.get(k)),
    ),
    Exporter(
        "fhir",
        "PHQ-9, GAD-7 and activities as a FHIR R4 Bundle",
        "json",
        fhir.bundle_text,
        carries=tuple(fhir.RESOURCES),
        leaves_out=fhir.LEFT_OUT,
    ),
    Exporter(
        "md",
        "the journal and gratitude as Markdown to read, by date (as jrnl writes it)",
        "text",
        md_export.chunks,
        carries=md_export.CARRIES,
        leaves_out={
            k: messages.EXPORT_MD_LEAVES_OUT.format(kind=k)
            for k in EXPORTED_KINDS
            if k not in md_export.CARRIES
        },
    ),
)
IMPORTERS: tuple[Importer, ...] = (
    Importer("psymitrix", "a PsyMitrix JSON export", _export_document),
    Importer("jrnl", "a jrnl journal (jrnl --format json)", jrnl.to_document, True),
)
EXPORTER: dict[str, Exporter] = {e.name: e for e in EXPORTERS}
IMPORTER: dict[str, Importer] = {i.name: i for i in IMPORTERS}
DEFAULT_EXPORT = "json"
DEFAULT_IMPORT = "psymitrix"


def choices_help(formats: tuple[Exporter, ...] | tuple[Importer, ...]) -> str:
    """The --format / --from help: every format with what it is, in the registry's order."""
    return "; ".join(f"{f.name}: {f.help}" for f in formats) + "."
