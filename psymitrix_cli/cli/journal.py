"""journal add | list | show | edit | delete."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

journal_app = typer.Typer(
    help="Your mood journal: how you feel, in your own words.", no_args_is_help=True
)

# Shared with the gratitude and sleep commands.
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
EntryId = Annotated[str, typer.Argument(help="The entry's ID (see the list command).")]
Limit = Annotated[int, typer.Option("-n", "--limit", help="How many entries per page (1–200).")]


def _compose(state: AppState, text: str | None, editor: bool, initial: str = "") -> str:
    """The entry text: the argument, standard input ('-'), or written in an editor."""
    import sys

    from psymitrix_cli import messages
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.ui import prompts

    if text == "-":
        return sys.stdin.read()
    if text is not None and not editor:
        return text
    prompts.require_tty(state.term, "The entry text", "TEXT (or - to read standard input)")
    from psymitrix_cli.ui import editor as editors

    if editor:
        return editors.write_in_editor(state.term, rules.entry_text, initial=text or initial)
    return editors.write_multiline(
        state.term,
        messages.JOURNAL_PROMPT,
        rules.TEXT_MAX,
        rules.entry_text,
        initial,
    )


@journal_app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(
            help="What is on your mind. Leave out to write in an editor; '-' reads stdin.",
            show_default=False,
        ),
    ] = None,
    mood: MoodOpt = None,
    tag: Tags = None,
    at: Annotated[
        str | None,
        typer.Option(help="When, as an ISO date-time in your timezone. [default: now]"),
    ] = None,
    editor: Annotated[bool, typer.Option("--editor", "-e", help="Write in $EDITOR.")] = False,
    json_: Json = False,
) -> None:
    """Write a journal entry, with an optional mood (1–5) and tags."""
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.ui.views import journal as views

    state = AppState.of(ctx, json_)
    if text is None or editor:
        # Refuse a bad flag before anyone writes a page of text.
        rules.mood(mood)
        rules.tags(tag)
    body = _compose(state, text, editor)
    result = state.backend.journal.add(text=body, mood=mood, tags=tag or (), at=at)
    line = state.settings.crisis_line
    state.term.emit(result, lambda t, r: views.saved(t, r, line, "Saved"))


@journal_app.command("list")
def list_(
    ctx: typer.Context,
    limit: Limit = 20,
    since: Annotated[
        str | None, typer.Option(help="From this day (YYYY-MM-DD), inclusive.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Up to this day (YYYY-MM-DD), inclusive.")
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only entries with this tag.")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Only entries containing every word.")
    ] = None,
    cursor: Cursor = None,
    json_: Json = False,
) -> None:
    """List entries, newest first, a page at a time."""
    from psymitrix_cli import messages
    from psymitrix_cli.ui.views import journal as views

    state = AppState.of(ctx, json_)
    result = state.backend.journal.list(
        limit=limit, since=since, until=until, tag=tag, search=search, cursor=cursor
    )
    filtered = any(v is not None for v in (since, until, tag, search, cursor))
    empty = messages.JOURNAL_NO_MATCH if filtered else messages.JOURNAL_EMPTY
    state.term.emit(result, lambda t, r: views.entries(t, r, state.display_timezone(), empty))


@journal_app.command("show")
def show(ctx: typer.Context, entry_id: EntryId, json_: Json = False) -> None:
    """Show one entry in full."""
    from psymitrix_cli.ui.views import journal as views

    state = AppState.of(ctx, json_)
    result = state.backend.journal.get(entry_id)
    state.term.emit(result, lambda t, r: views.entry(t, r, state.display_timezone()))


@journal_app.command("edit")
def edit(
    ctx: typer.Context,
    entry_id: EntryId,
    text: Annotated[str | None, typer.Option("--text", help="New text.")] = None,
    mood: MoodOpt = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", "-t", help="Tags to replace the old ones; repeat for more."),
    ] = None,
    editor: Annotated[
        bool, typer.Option("--editor", "-e", help="Rewrite the text in $EDITOR.")
    ] = False,
    json_: Json = False,
) -> None:
    """Change an entry's text, mood or tags (tags given replace the old ones)."""
    from psymitrix_cli.ui.views import journal as views

    state = AppState.of(ctx, json_)
    journal = state.backend.journal
    if editor:
        text = _compose(state, text, True, initial=journal.get(entry_id)["text"])
    result = journal.edit(entry_id, text=text, mood=mood, tags=tag)
    line = state.settings.crisis_line
    state.term.emit(result, lambda t, r: views.saved(t, r, line, "Updated"))


@journal_app.command("delete")
def delete(ctx: typer.Context, entry_id: EntryId, yes: Yes = False, json_: Json = False) -> None:
    """Delete an entry for good."""
    from psymitrix_cli import messages
    from psymitrix_cli.cli.deleting import confirm_and_delete
    from psymitrix_cli.ui.views import journal as views

    state = AppState.of(ctx, json_)
    journal = state.backend.journal
    confirm_and_delete(
        state,
        target=entry_id,
        get=journal.get,
        delete=journal.delete,
        yes=yes,
        question=messages.CONFIRM_DELETE_ENTRY,
        done=messages.JOURNAL_DELETED,
        preview=lambda t, found: views.entry(t, found, state.display_timezone()),
    )


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal", rich_help_panel="Trackers")
