"""report: one document for a clinician, Markdown or self-contained HTML.

Markdown goes to stdout unless -o is given. HTML goes to stdout only when stdout is
not a terminal (a pipe or a redirect): on a terminal it is refused with a hint, since
a page of markup is nothing to read there. A file is written atomically, 0600, and an
existing one only with --force.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from psymitrix_cli.cli.dates import DAY
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState


class ReportFormat(StrEnum):
    md = "md"
    html = "html"


def report(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            click_type=DAY,
            help="From this day (YYYY-MM-DD or 'last monday'). [default: 90 days before --until]",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(click_type=DAY, help="To this day. [default: today]", show_default=False),
    ] = None,
    format_: Annotated[
        ReportFormat,
        typer.Option(
            "--format", "-f", case_sensitive=False, help="md, or html (prints on A4/Letter)."
        ),
    ] = ReportFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (0600). [default: stdout; html only into a pipe or a redirect]",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    include_journal: Annotated[
        bool,
        typer.Option("--include-journal", help="Add the journal's text (left out unless given)."),
    ] = False,
    include_safety_plan: Annotated[
        bool, typer.Option("--include-safety-plan", help="Add your safety plan.")
    ] = False,
    json_: Json = False,
) -> None:
    """A self-report summary to share with a clinician: PHQ-9/GAD-7 with reliable change,
    PHQ-9 item 9, mood and sleep charts, and what you did. Not a diagnosis."""
    from psymitrix_cli import messages
    from psymitrix_cli.domain.report import document, html, markdown
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.fsutil import write_user_file

    state = AppState.of(ctx, json_)
    # Refused before anything is read, so a wrong flag costs nothing.
    if output is not None and output.exists() and not output.is_dir() and not force:
        raise InvalidInput(messages.REPORT_EXISTS.format(path=output), field="output")
    if output is None and format_ is ReportFormat.html and not json_ and _is_tty():
        raise InvalidInput(messages.REPORT_HTML_ON_TTY, field="output")
    summary = state.backend.dashboard.report(since, until, include_journal)
    plan = state.backend.safety_plan.get() if include_safety_plan else None
    doc = document.build(summary, plan)
    text = (html if format_ is ReportFormat.html else markdown).render(doc)
    period = summary["period"]
    if output is None:
        if state.term.json_mode:
            state.term.json({"format": format_.value, "period": period, "content": text})
            return
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_user_file(output, text.encode("utf-8"))
    result = {"format": format_.value, "path": str(output), "period": period}
    state.term.emit(
        result,
        lambda t, r: t.success(
            messages.REPORT_WRITTEN.format(
                format=r["format"], path=r["path"], start=period["start"], end=period["end"]
            )
        ),
    )


def _is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Your data")(report)
