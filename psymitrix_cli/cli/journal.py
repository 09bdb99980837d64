"""journal add | edit (list, show and delete are the tracker's: cli/entries.py)."""

from __future__ import annotations

import contextlib
from contextlib import AbstractContextManager
from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.entries import At, EntryId, MoodOpt, Tags, Words, tracker_app
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

journal_app = tracker_app(
    "mood_journal",
    help="Your mood journal: how you feel, in your own words.",
    words=Words(
        empty=messages.JOURNAL_EMPTY,
        no_match=messages.JOURNAL_NO_MATCH,
        deleted=messages.JOURNAL_DELETED,
    ),
    views="journal",
)


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
    prompts.require_tty(state.term, messages.TTY_ENTRY_TEXT, messages.TTY_JOURNAL_FLAG)
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


def _shown(state: AppState, result: object, verb: str) -> None:
    """The entry, then what the screen calls for (the panel, a line, or on --json a notice)."""
    from psymitrix_cli.cli.plan_copy import crisis_plan
    from psymitrix_cli.ui.views import journal as views
    from psymitrix_cli.ui.views.crisis import json_notice

    line = state.settings.crisis_line
    state.emit(result, lambda t, r: views.saved(t, r, line, verb, crisis_plan(state)))
    json_notice(state.term, result, line)


def _kept(state: AppState, text: str, written: bool) -> AbstractContextManager[None]:
    """Text typed in an editor goes to a private draft file if saving it fails."""
    if not written:
        return contextlib.nullcontext()
    from psymitrix_cli.backends.outbox import token_subject
    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.ui.editor import draft_kept

    try:
        owner = token_subject(state.credentials.get() or "")
    except PsyError:  # a keyring that does not answer: the draft is kept all the same
        owner = None
    return draft_kept(state.term, text, state.settings.data_dir / "drafts", owner)


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
    at: At = None,
    editor: Annotated[bool, typer.Option("--editor", "-e", help="Write in $EDITOR.")] = False,
    json_: Json = False,
) -> None:
    """Write a journal entry, with an optional mood (1–5) and tags."""
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.domain.trackers import JournalPayload

    state = AppState.of(ctx, json_)
    if text is None or editor:
        # Refuse a bad flag before anyone writes a page of text.
        rules.mood(mood)
        rules.tags(tag)
    body = _compose(state, text, editor)
    with _kept(state, body, written=text is None or editor):
        if at is None:  # "yesterday: slept badly @sleep", as in jrnl
            from psymitrix_cli.cli.dates import date_prefix

            at = date_prefix(body, ctx)
        tags = rules.tags([*(tag or ()), *rules.inline_tags(body)])
        result = state.backend.journal.add(JournalPayload(body, mood, tuple(tags), at))
    _shown(state, result, messages.JOURNAL_VERB_SAVED)


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

    state = AppState.of(ctx, json_)
    journal = state.backend.journal
    if editor:
        text = _compose(state, text, True, initial=journal.get(entry_id)["text"])
    with _kept(state, text or "", written=editor):
        result = journal.edit(entry_id, {"text": text, "mood": mood, "tags": tag})
    _shown(state, result, messages.JOURNAL_VERB_UPDATED)


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal", rich_help_panel="Trackers")
