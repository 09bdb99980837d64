"""sleep log | history | show | delete."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.journal import Cursor, Limit
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

sleep_app = typer.Typer(help="Sleep quality: one score per night.", no_args_is_help=True)
Night = Annotated[str, typer.Argument(help="The night, as YYYY-MM-DD.")]


def _score(answer: str) -> int:
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.errors import InvalidInput

    try:
        value = int(answer.strip())
    except ValueError:
        raise InvalidInput(f"{answer!r} is not a whole number from 1 to 10.") from None
    return rules.sleep_score(value)


@sleep_app.command("log")
def log(
    ctx: typer.Context,
    score: Annotated[
        int | None,
        typer.Option(
            "--score", "-s", help="How well you slept, 1 (awful) to 10 (great).", show_default=False
        ),
    ] = None,
    hours: Annotated[
        float | None, typer.Option("--hours", help="Hours slept, 0–24.", show_default=False)
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="The night, as YYYY-MM-DD. [default: today, your time]"),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short note.")] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite the night if it is already logged.")
    ] = False,
    json_: Json = False,
) -> None:
    """Log last night's sleep (or another night's, with --date)."""
    from psymitrix_cli import messages
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import sleep as views

    state = AppState.of(ctx, json_)
    if score is None:
        prompts.require_tty(state.term, "The sleep score", "--score")
        score = prompts.ask(state.term, messages.SLEEP_ASK, "--score", _score)
    result = state.backend.sleep.log(
        score=score, hours=hours, date=date, note=note, replace=replace
    )
    state.term.emit(result, views.logged)


@sleep_app.command("history")
def history(
    ctx: typer.Context, limit: Limit = 14, cursor: Cursor = None, json_: Json = False
) -> None:
    """Recent nights, newest first, with your 7- and 30-day averages."""
    from psymitrix_cli.ui.views import sleep as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.sleep.history(limit=limit, cursor=cursor), views.history)


@sleep_app.command("show")
def show(ctx: typer.Context, date: Night, json_: Json = False) -> None:
    """Show one night."""
    from psymitrix_cli.ui.views import sleep as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.sleep.get(date), views.night)


@sleep_app.command("delete")
def delete(ctx: typer.Context, date: Night, yes: Yes = False, json_: Json = False) -> None:
    """Delete one night's entry for good."""
    from psymitrix_cli import messages
    from psymitrix_cli.cli.deleting import confirm_and_delete
    from psymitrix_cli.ui.views import sleep as views

    state = AppState.of(ctx, json_)
    night = date.strip()
    confirm_and_delete(
        state,
        target=night,
        get=state.backend.sleep.get,
        delete=state.backend.sleep.delete,
        yes=yes,
        question=messages.CONFIRM_DELETE_NIGHT,
        done=messages.SLEEP_DELETED.format(date=night),
        preview=views.night,
        key="date",
    )


def register(app: typer.Typer) -> None:
    app.add_typer(sleep_app, name="sleep", rich_help_panel="Trackers")
