"""gratitude add | reflect (list, show and delete are the tracker's: cli/entries.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.entries import At, Words, tracker_app
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

gratitude_app = tracker_app(
    "gratitude",
    help="Gratitude: a few good things, and a moment to recall them.",
    words=Words(empty=messages.GRATITUDE_EMPTY, deleted=messages.GRATITUDE_DELETED),
    views="gratitude",
)


@gratitude_app.command("add")
def add(
    ctx: typer.Context,
    items: Annotated[
        list[str] | None,
        typer.Argument(help="One to three things you are grateful for.", show_default=False),
    ] = None,
    at: At = None,
    json_: Json = False,
) -> None:
    """Note one to three things you are grateful for (asks when none are given)."""
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.domain.trackers import GratitudePayload
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import gratitude as views

    state = AppState.of(ctx, json_)
    if not items:
        prompts.require_tty(state.term, messages.TTY_GRATITUDE, "ITEM")
        items = views.ask_items(state.term, rules.GRATITUDE_ITEMS_MAX, rules.gratitude_items)
    result = state.backend.gratitude.add(GratitudePayload(tuple(items), at))
    from psymitrix_cli.cli.plan_copy import crisis_plan
    from psymitrix_cli.ui.views.crisis import json_notice

    line = state.settings.crisis_line
    state.emit(result, lambda t, r: views.saved(t, r, line, crisis_plan(state)))
    json_notice(state.term, result, line)


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


def register(app: typer.Typer) -> None:
    app.add_typer(gratitude_app, name="gratitude", rich_help_panel="Trackers")
