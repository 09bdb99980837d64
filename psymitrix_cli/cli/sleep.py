"""sleep log (history, show and delete are the tracker's: cli/entries.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.dates import DAY
from psymitrix_cli.cli.entries import Words, tracker_app
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

sleep_app = tracker_app(
    "sleep",
    help="Sleep quality: one score per night.",
    words=Words(
        empty=messages.SLEEP_EMPTY,
        deleted=messages.SLEEP_DELETED,
        confirm=messages.CONFIRM_DELETE_NIGHT,
        key_help=messages.SLEEP_KEY_HELP,
    ),
    views="sleep",
    aliases=("history",),
)


def _score(answer: str) -> int:
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.errors import InvalidInput

    try:
        value = int(answer.strip())
    except ValueError:
        raise InvalidInput(messages.SLEEP_SCORE_NOT_A_NUMBER.format(answer=answer)) from None
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
        typer.Option(
            "--date",
            click_type=DAY,
            help="The night, as YYYY-MM-DD or 'yesterday'. [default: today, your time]",
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A short note.")] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite the night if it is already logged.")
    ] = False,
    json_: Json = False,
) -> None:
    """Log last night's sleep (or another night's, with --date)."""
    from psymitrix_cli.domain.trackers import SleepPayload
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import sleep as views

    state = AppState.of(ctx, json_)
    if score is None:
        prompts.require_tty(state.term, messages.TTY_SLEEP_SCORE, "--score")
        score = prompts.ask(state.term, messages.SLEEP_ASK, "--score", _score)
    result = state.backend.sleep.add(SleepPayload(score, hours, date, note), replace=replace)
    state.emit(result, views.logged)


def register(app: typer.Typer) -> None:
    app.add_typer(sleep_app, name="sleep", rich_help_panel="Trackers")
