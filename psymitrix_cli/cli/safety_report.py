"""safety report: how often the safety screen fired, counted; never what was written."""

from __future__ import annotations

from typing import Any

import typer

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
        term.line("No safety events recorded: the screen has not found concern or acute.")
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
    term.line(f"Total {report['total']} · by source: {by_source} · by tier: {by_tier}")
    term.line(
        "Only the source, tier, kind and time of each event are kept, never content.", style="dim"
    )


@safety_app.command("report")
def report(ctx: typer.Context, json_: Json = False) -> None:
    """Safety events by month, source (chat, journal, check-in, gratitude, PHQ-9) and tier."""
    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.safety.report(), _table)


def register(app: typer.Typer) -> None:
    app.add_typer(safety_app, name="safety", rich_help_panel="Safety")
