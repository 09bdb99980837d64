"""export and import: own your data, and move it between backends."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from psymitrix_cli.cli.options import Json, PassphraseStdin
from psymitrix_cli.cli.state import AppState
from psymitrix_cli.domain import formats

if TYPE_CHECKING:
    from psymitrix_cli.backends.base import Exported

# The choices and their help come from the one registry of formats (domain/formats.py).
ExportFormat = StrEnum("ExportFormat", {e.name: e.name for e in formats.EXPORTERS})
ImportSource = StrEnum("ImportSource", {i.name: i.name for i in formats.IMPORTERS})


def export(
    ctx: typer.Context,
    format_: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help=formats.choices_help(formats.EXPORTERS)
        ),
    ] = ExportFormat(formats.DEFAULT_EXPORT),
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
    encrypt: Annotated[
        bool,
        typer.Option(
            "--encrypt",
            help="Protect the file with a passphrase (Scrypt + AES-256-GCM); import reads it.",
        ),
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
    json_: Json = False,
) -> None:
    """Export your data, in one of the formats --format lists."""
    from psymitrix_cli.ui.views import data as views

    state = AppState.of(ctx, json_)
    exporter = formats.EXPORTER[format_.value]
    passphrase = None
    if encrypt:
        from psymitrix_cli import messages
        from psymitrix_cli.auth.datakey import check_passphrase
        from psymitrix_cli.errors import InvalidInput

        if exporter.output == "files" or output is None:
            raise InvalidInput(messages.EXPORT_ENCRYPT_FORMAT)
        state.passphrase_stdin = passphrase_stdin
        passphrase = check_passphrase(_file_passphrase(state, new=True))
    service = state.backend.data
    with views.progress(state.term) as report:
        if report is not None and hasattr(service, "progress"):
            service.progress = report  # the local backend reads page by page and can report
        with service.export_stream(exporter.name) as exported:
            target = _write(exported, output, passphrase)
    if target is None:
        return
    result = {"format": format_.value, "path": str(target), "entries": exported.entries}
    state.term.emit(result, views.exported)


def _write(exported: Exported, output: Path | None, passphrase: str | None) -> Path | None:
    """Write the export as it is produced: stdout, one file, a directory or a zip; every
    file atomic, so a failure on the way leaves none. None when it went to stdout."""
    from psymitrix_cli.fsutil import write_user_chunks
    from psymitrix_cli.ui.views import data as views

    if exported.output == "files":
        target = output or Path(exported.name)
        if target.suffix.lower() == ".zip":
            write_user_chunks(target, views.zip_chunks(exported.files()))
        else:
            views.write_csv_dir(target, exported.files())
        return target
    if output is None:
        views.to_stdout(exported.chunks())
        return None
    chunks = exported.chunks()
    if passphrase is not None:  # one sealed envelope: the whole text, in memory
        from psymitrix_cli import cipher

        chunks = iter([cipher.seal_file(passphrase, b"".join(chunks))])
    write_user_chunks(output, chunks)
    return output


def _file_passphrase(state: AppState, new: bool) -> str:
    """An export's passphrase: --passphrase-stdin, else PSYMITRIX_PASSPHRASE, else asked."""
    if not state.passphrase_stdin and state.settings.passphrase:
        return state.settings.passphrase
    return state.passphrase(new)


def _read(path: str) -> bytes:
    """The file's bytes, refusing early: by size before reading, by its first bytes
    before reading the rest, so a large junk file is never loaded whole."""
    from psymitrix_cli import messages
    from psymitrix_cli.cipher import is_envelope
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
            if is_envelope(head):  # base64 is a third larger than what it holds
                return head + handle.read(limit * 4 // 3 + 4096 - len(head))
            fmt.sniff(head)
            return head + handle.read(limit + 1 - len(head))
    except OSError as exc:
        raise InvalidInput(f"{exc.strerror or exc}.") from None


def _document(state: AppState, path: str, source: ImportSource) -> Any:
    from psymitrix_cli import cipher, messages
    from psymitrix_cli.domain import export_format as fmt
    from psymitrix_cli.errors import InvalidInput

    importer = formats.IMPORTER[source.value]
    try:
        raw = _read(path)
        if cipher.is_envelope(raw[:64]):  # export --encrypt; a wrong passphrase is exit 2
            raw = cipher.open_file(_file_passphrase(state, new=False), raw)
        parsed = fmt.parse(raw)
        timezone = state.backend.accounts.whoami()["timezone"] if importer.needs_timezone else ""
        return importer.read(parsed, timezone)
    except InvalidInput as exc:  # one line naming the file, whatever was wrong with it
        raise InvalidInput(
            messages.IMPORT_UNREADABLE.format(path=path, problem=exc.message)
        ) from None


def import_(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The file to import ('-' reads standard input).")],
    source: Annotated[
        ImportSource,
        typer.Option("--from", case_sensitive=False, help=formats.choices_help(formats.IMPORTERS)),
    ] = ImportSource(formats.DEFAULT_IMPORT),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and count; write nothing.")
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
    json_: Json = False,
) -> None:
    """Import into this account (--from lists the formats). Safe to repeat: what is
    already here is skipped. A file written by `export --encrypt` asks for its passphrase."""
    from psymitrix_cli.ui.views import data as views

    state = AppState.of(ctx, json_)
    state.passphrase_stdin = passphrase_stdin
    document = _document(state, path, source)
    state.term.emit(state.backend.data.import_(document, dry_run=dry_run), views.imported)


def register(app: typer.Typer) -> None:
    app.command("export", rich_help_panel="Your data")(export)
    app.command("import", rich_help_panel="Your data")(import_)
