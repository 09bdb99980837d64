"""Bare `psymitrix`: the dashboard when logged in, help otherwise."""

from __future__ import annotations

import typer

from psymitrix_cli.cli.state import AppState


def show_home(ctx: typer.Context) -> None:
    state = AppState.of(ctx)
    if state.credentials.get() is None:
        typer.echo(ctx.get_help())
        return
    from psymitrix_cli.ui.views import dashboard

    state.term.emit(state.backend.dashboard.status(), dashboard.status)
