"""Exports as files (a JSON value, or a format's files in a directory or a zip), the
export progress bar, and how an import's counts look to a person. What each format
writes is domain/formats.py's."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.errors import InvalidInput, PsyError
from psymitrix_cli.fsutil import write_user_chunks
from psymitrix_cli.ui.terminal import Terminal

Result = dict[str, Any]
LARGE_EXPORT = 1000  # rows; smaller exports finish before a bar would be worth drawing

# What an import counts, from the registry of entry kinds.
LABELS = {spec.name: spec.label for spec in registry.COUNTED}


# --- files -------------------------------------------------------------------------------


def to_json(document: Result) -> str:
    import json

    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def default_csv_dir(document: Result) -> str:
    """psymitrix-export-<the day of the export, in the person's timezone>."""
    from psymitrix_cli.domain.export_stream import default_name

    return default_name(document)


def to_stdout(chunks: Iterable[bytes]) -> None:
    """An export's bytes to standard output as they come."""
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    for chunk in chunks:
        if out is None:
            sys.stdout.write(chunk.decode("utf-8"))
        else:
            out.write(chunk)
    (out or sys.stdout).flush()


def write_csv_dir(directory: Path, files: Iterable[tuple[str, Iterable[bytes]]]) -> None:
    """Each file whole or not at all (temp file + rename), written as it is produced."""
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(messages.EXPORT_NOT_A_DIR.format(path=directory))
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise PsyError(
            messages.EXPORT_CANNOT_CREATE.format(directory=directory, strerror=exc.strerror)
        ) from None
    for name, data in files:
        write_user_chunks(directory / name, data)


def zip_chunks(files: Iterable[tuple[str, Iterable[bytes]]]) -> Iterator[bytes]:
    import time

    from psymitrix_cli.domain.export_stream import zip_chunks as zipped

    return zipped(files, time.localtime()[:6])


# --- progress ----------------------------------------------------------------------------


@contextlib.contextmanager
def progress(term: Terminal) -> Iterator[Callable[[int, int], None] | None]:
    """A transient bar on stderr while a large export is read; nothing when not a TTY."""
    if term.json_mode or not term.err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=term.err,
        transient=True,
    )
    task: list[Any] = []

    def report(done: int, total: int) -> None:
        if not task:
            if total < LARGE_EXPORT:
                return
            bar.start()
            task.append(bar.add_task(messages.EXPORT_PROGRESS, total=total))
        bar.update(task[0], completed=done, total=total)

    try:
        yield report
    finally:
        if task:
            bar.stop()


# --- results -----------------------------------------------------------------------------


def exported(term: Terminal, result: Result) -> None:
    term.success(messages.EXPORT_WROTE.format(entries=result["entries"], path=result["path"]))


def imported(term: Terminal, result: Result) -> None:
    from rich.table import Table

    done, skipped = sum(result["imported"].values()), sum(result["skipped"].values())
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Kind")
    table.add_column("Would import" if result["dryRun"] else "Imported", justify="right")
    table.add_column("Already there", justify="right")
    for kind, label in LABELS.items():
        new, old = result["imported"].get(kind, 0), result["skipped"].get(kind, 0)
        if new or old:
            table.add_row(label, str(new), str(old))
    if done or skipped:
        term.print(table)
    if result["dryRun"]:
        term.line(messages.IMPORT_DRY_RUN.format(imported=done, skipped=skipped))
    elif done == 0 and skipped:
        term.success(messages.IMPORT_NOTHING_NEW)
    else:
        term.success(messages.IMPORT_DONE.format(imported=done, skipped=skipped))
