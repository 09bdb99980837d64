"""doctor."""

from __future__ import annotations

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState


def doctor(ctx: typer.Context, json_: Json = False) -> None:
    """Check the backend (reachable, round trip, schema, indexes), the keyring and the AI
    provider. Exits 0 when all is well, 4 when the backend can't be reached, 1 otherwise."""
    from psymitrix_cli.backends.doctor import run_checks
    from psymitrix_cli.ui.views.doctor import report

    state = AppState.of(ctx, json_)
    result = run_checks(state.settings, *state.credentials.describe())
    state.term.emit(result, report)
    if not result["reachable"]:
        raise typer.Exit(4)
    if not result["ok"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Settings")(doctor)
