"""The commands every tracker has, made once: list, show and delete (and the options
they share). A tracker module (journal.py, sleep.py, activity.py, ...) supplies its
`add` command and its views; `tracker_app` gives it the rest, driven by the kind's
registry entry (its page size, its list filters, how an entry is addressed).

A view module for a tracker has `entries(term, result, timezone)` (a non-empty
page) and `entry(term, result, timezone)` (one entry).
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from psymitrix_cli.cli.dates import DAY, INSTANT
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

Cursor = Annotated[
    str | None, typer.Option("--cursor", help="Continue from this page cursor.", show_default=False)
]
Tags = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", help="A tag (letters, digits, - or _); repeat for more."),
]
MoodOpt = Annotated[
    int | None,
    typer.Option(
        "--mood", "-m", help="1 awful, 2 bad, 3 okay, 4 good, 5 great.", show_default=False
    ),
]
At = Annotated[
    str | None,
    typer.Option(
        click_type=INSTANT,
        help="When: an ISO date-time in your timezone, or 'yesterday 9pm', '3 days ago'. "
        "[default: now]",
    ),
]
EntryId = Annotated[str, typer.Argument(help="The entry's ID (see the list command).")]
Limit = Annotated[int, typer.Option("-n", "--limit", help="How many entries per page (1–200).")]
FILTERS: dict[str, Any] = {
    "since": Annotated[
        str | None,
        typer.Option(
            click_type=DAY, help="From this day (YYYY-MM-DD or 'last monday'), inclusive."
        ),
    ],
    "until": Annotated[
        str | None,
        typer.Option(click_type=DAY, help="Up to this day (YYYY-MM-DD or 'yesterday'), inclusive."),
    ],
    "tag": Annotated[str | None, typer.Option("--tag", "-t", help="Only entries with this tag.")],
    "search": Annotated[
        str | None,
        typer.Option(
            "--search", "-s", help='Only entries that match: words, "a phrase", a OR b, -word.'
        ),
    ],
}


@dataclass(frozen=True)
class Words:
    """What a tracker's shared commands say (constants in psymitrix_cli/messages/)."""

    empty: str  # an empty first page
    deleted: str  # after a delete ({date} is the key, for kinds addressed by date)
    no_match: str = ""  # an empty page of a filtered list
    confirm: str = ""  # the delete question
    key_help: str = "The entry's ID (see the list command)."


def views_of(name: str) -> Any:
    return importlib.import_module(f"psymitrix_cli.ui.views.{name}")


def _signature(fn: Any, params: list[inspect.Parameter]) -> None:
    """Give a command the options its kind has (Typer reads the signature)."""
    fn.__signature__ = inspect.Signature(params, return_annotation=None)
    fn.__annotations__ = {p.name: p.annotation for p in params}


def tracker_app(kind: str, *, help: str, **shared: Any) -> typer.Typer:
    """A Typer group with the shared commands of one registry kind (see add_commands)."""
    app = typer.Typer(help=help, no_args_is_help=True)
    add_commands(app, kind, **shared)
    return app


def add_commands(
    app: typer.Typer,
    kind: str,
    *,
    views: str,
    words: Words | None = None,
    aliases: tuple[str, ...] = (),
) -> None:
    """Add `list` (also under its older names, `aliases`, kept hidden), `show` and
    `delete` for one registry kind;
    `words` default to the generic ones, worded with the kind's registry entry."""
    from psymitrix_cli import messages
    from psymitrix_cli.domain.entries import BY_NAME

    spec = BY_NAME[kind]
    if words is None:
        label = spec.label.lower()
        words = Words(
            empty=messages.ENTRIES_EMPTY.format(label=label, command=spec.group),
            no_match=messages.ENTRIES_NO_MATCH.format(label=label),
            deleted=messages.ENTRY_DELETED.format(noun=spec.noun),
        )
    key = Annotated[str, typer.Argument(help=words.key_help)]
    done = words.deleted
    command = messages.ENTRIES_LIST_COMMAND.format(command=spec.group)

    def list_(ctx: typer.Context, json_: bool = False, **options: Any) -> None:
        from psymitrix_cli.domain.entry_kind import PageQuery

        state = AppState.of(ctx, json_)
        query = PageQuery(**options)
        result = state.backend.entries(kind).list(query)
        filtered = any(options.get(f) is not None for f in (*spec.filters, "cursor"))
        empty = words.no_match if filtered and words.no_match else words.empty
        tz = state.display_timezone()

        def show(term: Any, page: Any) -> None:
            if not page["items"]:
                term.line(empty)
                return
            views_of(views).entries(term, page, tz)
            if page.get("nextCursor"):
                term.line(
                    messages.MORE_ENTRIES.format(command=command, cursor=page["nextCursor"]),
                    style="dim",
                )

        state.term.emit(result, show)

    keyword = inspect.Parameter.KEYWORD_ONLY
    _signature(
        list_,
        [
            inspect.Parameter("ctx", keyword, annotation=typer.Context),
            inspect.Parameter("limit", keyword, annotation=Limit, default=spec.page_size),
            *(
                inspect.Parameter(f, keyword, annotation=FILTERS[f], default=None)
                for f in spec.filters
            ),
            inspect.Parameter("cursor", keyword, annotation=Cursor, default=None),
            inspect.Parameter("json_", keyword, annotation=Json, default=False),
        ],
    )
    list_.__doc__ = f"List {spec.label.lower() or 'entries'}, newest first, a page at a time."
    app.command("list")(list_)
    for alias in aliases:
        app.command(alias, hidden=True)(list_)

    def show(ctx: typer.Context, entry: str, json_: bool = False) -> None:
        state = AppState.of(ctx, json_)
        result = state.backend.entries(kind).get(entry)
        state.term.emit(result, lambda t, r: views_of(views).entry(t, r, state.display_timezone()))

    def delete(ctx: typer.Context, entry: str, yes: bool = False, json_: bool = False) -> None:
        from psymitrix_cli.cli.deleting import confirm_and_delete

        state = AppState.of(ctx, json_)
        tracker = state.backend.entries(kind)
        target = entry.strip() if spec.key != "id" else entry
        confirm_and_delete(
            state,
            target=target,
            get=tracker.get,
            delete=tracker.delete,
            yes=yes,
            question=words.confirm or messages.CONFIRM_DELETE_ENTRY,
            done=done.format(**{spec.key: target}) if spec.key != "id" else done,
            preview=lambda t, found: views_of(views).entry(t, found, state.display_timezone()),
            key=spec.key,
        )

    base = [inspect.Parameter("ctx", keyword, annotation=typer.Context)]
    entry = inspect.Parameter("entry", keyword, annotation=key)
    json_opt = inspect.Parameter("json_", keyword, annotation=Json, default=False)
    _signature(show, [*base, entry, json_opt])
    _signature(
        delete,
        [*base, entry, inspect.Parameter("yes", keyword, annotation=Yes, default=False), json_opt],
    )
    show.__doc__ = "Show one entry in full."
    delete.__doc__ = "Delete one entry for good."
    app.command("show")(show)
    app.command("delete")(delete)
    if "tag" in spec.filters:

        def tags(ctx: typer.Context, json_: Json = False) -> None:
            state = AppState.of(ctx, json_)
            result = state.backend.entries(kind).tags()
            from psymitrix_cli.ui.views.tags import tag_table

            state.term.emit(result, tag_table)

        tags.__doc__ = f"Your tags, with how many {spec.label.lower()} carry each, most used first."
        app.command("tags")(tags)
