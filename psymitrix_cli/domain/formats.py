"""Every way data leaves or enters PsyMitrix, declared once: exporters and importers.

`psymitrix export --format` and `psymitrix import --from` take their choices and their
help from `EXPORTERS` and `IMPORTERS`; a new format is one entry here and its
function. An exporter names the entry kinds it carries and, for each exported kind it
does not, why (`leaves_out`): tests/test_export_import.py fails when an exported kind
is in neither, so a new tracker is never silently dropped from a format.

Pure: an exporter turns an export document (services/data.py) into a JSON value or
named files; an importer turns parsed JSON into an export document, which import then
validates whole (domain/export_format.py). Writing files is the CLI's and ui/'s.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain import fhir, jrnl, md_export

Doc = dict[str, Any]
# One JSON value, one text (Markdown), or {file name: bytes} (a dir or a zip).
Output = Literal["json", "text", "files"]

# One CSV per kind (chat messages get a file of their own, keyed by sessionId).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {spec.name: spec.csv for spec in registry.COUNTED}
EXPORTED_KINDS: tuple[str, ...] = tuple(spec.name for spec in registry.EXPORTED)


@dataclass(frozen=True)
class Exporter:
    name: str
    help: str
    output: Output
    render: Callable[[Doc], Any]
    carries: tuple[str, ...]  # the exported kinds it writes out
    leaves_out: Mapping[str, str] = field(default_factory=dict)  # kind -> why not


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


def csv_files(document: Doc) -> dict[str, bytes]:
    """`<kind>.csv` per kind: a header row, then one row per entry, UTF-8."""
    rows: dict[str, list[Doc]] = {k: list(v) for k, v in document["entries"].items()}
    rows["chat_messages"] = [
        {**message, "sessionId": chat["id"]}
        for chat in rows.get("chat_sessions", [])
        for message in chat.get("messages", [])
    ]
    files: dict[str, bytes] = {}
    for kind, columns in CSV_COLUMNS.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for entry in rows.get(kind, []):
            writer.writerow([_cell(entry.get(c)) for c in columns])
        files[f"{kind}.csv"] = buffer.getvalue().encode("utf-8")
    return files


def _document(document: Doc) -> Doc:
    return document


def _export_document(data: Any, timezone: str) -> Doc:
    return data  # already one; import validates it whole


EXPORTERS: tuple[Exporter, ...] = (
    Exporter(
        "json",
        "everything, to keep or to import elsewhere",
        "json",
        _document,
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
        fhir.bundle,
        carries=tuple(fhir.RESOURCES),
        leaves_out=fhir.LEFT_OUT,
    ),
    Exporter(
        "md",
        "the journal and gratitude as Markdown to read, by date (as jrnl writes it)",
        "text",
        md_export.render,
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
