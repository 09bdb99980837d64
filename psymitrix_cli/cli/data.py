"""export and import: own your data, and move it between backends."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    fhir = "fhir"


class ImportSource(StrEnum):
    psymitrix = "psymitrix"
    jrnl = "jrnl"


def export(
    ctx: typer.Context,
    format_: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="json (everything), csv, or fhir (R4)."
        ),
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (0600); for csv a directory or a .zip. "
            "[default: stdout; csv: psymitrix-export-DATE/]",
            show_default=False,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Export everything of yours: json to keep or move, csv for spreadsheets, fhir (R4)."""
    from psymitrix_cli.fsutil import write_user_file
    from psymitrix_cli.ui.views import data as views

    state = AppState.of(ctx, json_)
    service = state.backend.data
    with views.progress(state.term) as report:
        if report is not None and hasattr(service, "progress"):
            service.progress = report  # the local backend reads page by page and can report
        document = service.export()
    if format_ is ExportFormat.csv:
        files = views.csv_files(document)
        target = output or Path(views.default_csv_dir(document))
        if target.suffix.lower() == ".zip":
            write_user_file(target, views.zip_bytes(files))
        else:
            views.write_csv_dir(target, files)
    else:
        payload = document
        if format_ is ExportFormat.fhir:
            from psymitrix_cli.domain.fhir import bundle

            payload = bundle(document)
        text = views.to_json(payload)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        target = output
        write_user_file(target, text.encode("utf-8"))
    result = {"format": format_.value, "path": str(target), "entries": views.entry_count(document)}
    state.term.emit(result, views.exported)


def _read(path: str) -> bytes:
    """The file's bytes, refusing early: by size before reading, by its first bytes
    before reading the rest, so a large junk file is never loaded whole."""
    from psymitrix_cli import messages
    from psymitrix_cli.domain import export_format as fmt
    from psymitrix_cli.errors import InvalidInput

    limit = fmt.MAX_BYTES
    try:
        if path == "-":
            return sys.stdin.buffer.read(limit + 1)
        size = Path(path).stat().st_size
        if size > limit:
            mb = 1024 * 1024
            problem = messages.IMPORT_TOO_LARGE.format(size=f"{size / mb:.1f}", limit=limit // mb)
            raise InvalidInput(problem)
        with open(path, "rb") as handle:
            head = handle.read(64)
            fmt.sniff(head)
            return head + handle.read(limit + 1 - len(head))
    except OSError as exc:
        raise InvalidInput(f"{exc.strerror or exc}.") from None


def _document(state: AppState, path: str, source: ImportSource) -> Any:
    from psymitrix_cli import messages
    from psymitrix_cli.domain import export_format as fmt
    from psymitrix_cli.errors import InvalidInput

    try:
        parsed = fmt.parse(_read(path))
        if source is ImportSource.jrnl:
            from psymitrix_cli.domain import jrnl

            timezone = state.backend.accounts.whoami()["timezone"]
            return jrnl.to_document(parsed, timezone)
        return parsed
    except InvalidInput as exc:  # one line naming the file, whatever was wrong with it
        raise InvalidInput(
            messages.IMPORT_UNREADABLE.format(path=path, problem=exc.message)
        ) from None


def import_(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(help="A PsyMitrix JSON export ('-' reads standard input).")
    ],
    source: Annotated[
        ImportSource,
        typer.Option(
            "--from", case_sensitive=False, help="psymitrix, or jrnl (jrnl --format json)."
        ),
    ] = ImportSource.psymitrix,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and count; write nothing.")
    ] = False,
    json_: Json = False,
) -> None:
    """Import an export into this account. Safe to repeat: what is already here is skipped."""
    from psymitrix_cli.ui.views import data as views

    state = AppState.of(ctx, json_)
    document = _document(state, path, source)
    state.term.emit(state.backend.data.import_(document, dry_run=dry_run), views.imported)


def register(app: typer.Typer) -> None:
    app.command("export", rich_help_panel="Your data")(export)
    app.command("import", rich_help_panel="Your data")(import_)
