"""Exports as files (a JSON value, or a format's files in a directory or a zip), the
export progress bar, and how an import's counts look to a person. What each format
writes is domain/formats.py's."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.errors import InvalidInput, PsyError
from psymitrix_cli.fsutil import write_user_file
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
    from zoneinfo import ZoneInfo

    from psymitrix_cli.clock import parse_iso

    moment = parse_iso(document["exportedAt"])
    zone = document.get("user", {}).get("timezone")
    day = moment.astimezone(ZoneInfo(zone)).date() if zone else moment.date()
    return f"psymitrix-export-{day.isoformat()}"


def write_csv_dir(directory: Path, files: dict[str, bytes]) -> None:
    if directory.exists() and not directory.is_dir():
        raise InvalidInput(messages.EXPORT_NOT_A_DIR.format(path=directory))
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise PsyError(
            messages.EXPORT_CANNOT_CREATE.format(directory=directory, strerror=exc.strerror)
        ) from None
    for name, data in files.items():
        write_user_file(directory / name, data)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


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


def entry_count(document: Result) -> int:
    entries = document["entries"]
    return sum(len(v) for v in entries.values())


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
