"""review: a week or a month of entries, summed up."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.dates import DAY
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState


def review(
    ctx: typer.Context,
    month: Annotated[bool, typer.Option("--month", help="The last 30 days.")] = False,
    week: Annotated[bool, typer.Option("--week", help="The last 7 days (the default).")] = False,
    year: Annotated[
        bool, typer.Option("--year", help="The last 365 days, with a mood square a day.")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            click_type=DAY,
            help="From this day (YYYY-MM-DD or 'last monday') to today.",
            show_default=False,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Mood and sleep against the period before, how sleep goes with the next day's mood,
    mood by tag and weekday, PHQ-9/GAD-7 change, and what you did."""
    from psymitrix_cli import messages
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui.views import review as views

    if sum((month, week, year, since is not None)) > 1:
        raise InvalidInput(messages.REVIEW_ONE_PERIOD)
    state = AppState.of(ctx, json_)
    span = "year" if year else "month" if month else "week"
    result = state.backend.dashboard.review(span, since)
    state.term.emit(result, views.review)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Daily")(review)
