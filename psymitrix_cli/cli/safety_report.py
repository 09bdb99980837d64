"""safety report: how often the safety screen fired, counted; never what was written."""

from __future__ import annotations

from typing import Any

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

safety_app = typer.Typer(
    help="Safety: counts of the times crisis resources were due (no content is kept).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _table(term: Any, report: dict[str, Any]) -> None:
    from rich.table import Table

    if not report["total"]:
        term.line(messages.SAFETY_REPORT_NONE)
        return
    table = Table(show_edge=False, pad_edge=False)
    for name in ("Month", "Source", "Tier"):
        table.add_column(name, no_wrap=True)
    table.add_column("Count", justify="right")
    for row in report["rows"]:
        table.add_row(row["month"], row["source"], row["tier"], str(row["count"]))
    term.print(table)
    by_source = ", ".join(f"{k} {v}" for k, v in report["bySource"].items())
    by_tier = ", ".join(f"{k} {v}" for k, v in report["byTier"].items())
    term.line(
        messages.SAFETY_REPORT_TOTALS.format(
            total=report["total"], by_source=by_source, by_tier=by_tier
        )
    )
    term.line(messages.SAFETY_REPORT_CONTENT_FREE, style="dim")


@safety_app.command("report")
def report(
    ctx: typer.Context,
    json_: Json = False,
    everyone: bool = typer.Option(
        False,
        "--all",
        help="Every account in the store (the operator's report; reads the local or "
        "MongoDB store directly, needs no login).",
    ),
) -> None:
    """Safety events by month, source (chat, journal, check-in, gratitude, PHQ-9) and tier."""
    state = AppState.of(ctx, json_)
    result = state.backend.safety.report(everyone=everyone)
    if everyone and not json_:
        state.term.line(messages.SAFETY_REPORT_SCOPE_ALL.format(store=state.backend.describe()))
    state.term.emit(result, _table)


def register(app: typer.Typer) -> None:
    app.add_typer(safety_app, name="safety", rich_help_panel="Safety")
