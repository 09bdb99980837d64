"""gratitude add | list | reflect | show | delete."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.journal import Cursor, EntryId, Limit
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

gratitude_app = typer.Typer(
    help="Gratitude: a few good things, and a moment to recall them.", no_args_is_help=True
)


@gratitude_app.command("add")
def add(
    ctx: typer.Context,
    items: Annotated[
        list[str] | None,
        typer.Argument(help="One to three things you are grateful for.", show_default=False),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(help="When, as an ISO date-time in your timezone. [default: now]"),
    ] = None,
    json_: Json = False,
) -> None:
    """Note one to three things you are grateful for (asks when none are given)."""
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import gratitude as views

    state = AppState.of(ctx, json_)
    if not items:
        prompts.require_tty(state.term, "What you are grateful for", "ITEM")
        items = views.ask_items(state.term, rules.GRATITUDE_ITEMS_MAX, rules.gratitude_items)
    result = state.backend.gratitude.add(items, at=at)
    state.term.emit(result, views.saved)


@gratitude_app.command("list")
def list_(
    ctx: typer.Context, limit: Limit = 20, cursor: Cursor = None, json_: Json = False
) -> None:
    """List gratitude entries, newest first, a page at a time."""
    from psymitrix_cli.ui.views import gratitude as views

    state = AppState.of(ctx, json_)
    result = state.backend.gratitude.list(limit=limit, cursor=cursor)
    state.term.emit(result, lambda t, r: views.entries(t, r, state.display_timezone()))


@gratitude_app.command("reflect")
def reflect(ctx: typer.Context, json_: Json = False) -> None:
    """Recall a past moment of gratitude, picked at random."""
    from psymitrix_cli.ui.views import gratitude as views

    state = AppState.of(ctx, json_)
    result = state.backend.gratitude.reflect()
    state.term.emit(
        result,
        lambda t, r: views.reflection(t, r, state.display_timezone() if r is not None else None),
    )


@gratitude_app.command("show")
def show(ctx: typer.Context, entry_id: EntryId, json_: Json = False) -> None:
    """Show one gratitude entry."""
    from psymitrix_cli.ui.views import gratitude as views

    state = AppState.of(ctx, json_)
    result = state.backend.gratitude.get(entry_id)
    state.term.emit(result, lambda t, r: views.entry(t, r, state.display_timezone()))


@gratitude_app.command("delete")
def delete(ctx: typer.Context, entry_id: EntryId, yes: Yes = False, json_: Json = False) -> None:
    """Delete a gratitude entry for good."""
    from psymitrix_cli import messages
    from psymitrix_cli.cli.deleting import confirm_and_delete
    from psymitrix_cli.ui.views import gratitude as views

    state = AppState.of(ctx, json_)
    gratitude = state.backend.gratitude
    confirm_and_delete(
        state,
        target=entry_id,
        get=gratitude.get,
        delete=gratitude.delete,
        yes=yes,
        question=messages.CONFIRM_DELETE_ENTRY,
        done=messages.GRATITUDE_DELETED,
        preview=lambda t, found: views.entry(t, found, state.display_timezone()),
    )


def register(app: typer.Typer) -> None:
    app.add_typer(gratitude_app, name="gratitude", rich_help_panel="Trackers")
