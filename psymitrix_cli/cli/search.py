"""search: one query over the journal, gratitude and chat, best matches first."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.dates import DAY
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState


def search(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(
            help='Words to find (all of them), "a phrase", a OR b, -word to leave out.',
            show_default=False,
        ),
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only journal, gratitude or chat; repeat for more.",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            click_type=DAY, help="From this day (YYYY-MM-DD or 'last monday'), inclusive."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(click_type=DAY, help="Up to this day (YYYY-MM-DD or 'yesterday')."),
    ] = None,
    limit: Annotated[int, typer.Option("-n", "--limit", help="How many results (1–50).")] = 10,
    json_: Json = False,
) -> None:
    """Search your journal, gratitude and chats: best matches first, newest on a tie.

    Quote the query to leave words out (`search 'rain -work'`), or put `--` before it
    (`search -- rain -work`): a word starting with - is otherwise read as an option."""
    from psymitrix_cli.domain.search import SearchRequest
    from psymitrix_cli.ui.views import search as views

    state = AppState.of(ctx, json_)
    request = SearchRequest(" ".join(query), tuple(kind or ()), since, until, limit)
    result = state.backend.search.search(request)
    if result.get("notice"):
        state.term.notice(result["notice"])
    state.term.emit(result, lambda t, r: views.results(t, r, state.display_timezone()))


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Daily")(search)
