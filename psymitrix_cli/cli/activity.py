"""activity add | done (list, show and delete are the tracker's: cli/entries.py).

The activity log of behavioural activation: plan small things, do them, and notice
how they felt (mood before and after, mastery and pleasure, 0-10)."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.dates import DAY
from psymitrix_cli.cli.entries import At, EntryId, Tags, tracker_app
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

activity_app = tracker_app(
    "activity",
    help="Activities planned and done, and how they felt (behavioural activation).",
    views="activity",
)
Mood = Annotated[int | None, typer.Option(help="Mood 1-5: awful, bad, okay, good, great.")]
Rating = Annotated[int | None, typer.Option(help="0 (none) to 10 (a lot).", show_default=False)]


@activity_app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="What you plan to do, or did.")],
    planned: Annotated[
        str | None,
        typer.Option(click_type=DAY, help="The day it is planned for (YYYY-MM-DD or 'friday')."),
    ] = None,
    done: Annotated[bool, typer.Option("--done", help="It is done already.")] = False,
    mood_before: Mood = None,
    mood_after: Mood = None,
    mastery: Rating = None,
    pleasure: Rating = None,
    tag: Tags = None,
    at: At = None,
    json_: Json = False,
) -> None:
    """Plan an activity (--planned DATE) or log one you did (--done)."""
    from psymitrix_cli.domain.activity import ActivityPayload
    from psymitrix_cli.ui.views import activity as views

    state = AppState.of(ctx, json_)
    tags = tuple(tag or ())
    done_at = at if done else None  # logged as done at --at: it was done then
    payload = ActivityPayload(
        text, planned, done, mood_before, mood_after, mastery, pleasure, tags, at, done_at
    )
    result = state.backend.entries("activity").add(payload)
    state.emit(result, lambda t, r: views.saved(t, r, state.settings.crisis_line))


@activity_app.command("done")
def mark_done(
    ctx: typer.Context,
    entry_id: EntryId,
    mood_after: Mood = None,
    mastery: Rating = None,
    pleasure: Rating = None,
    json_: Json = False,
) -> None:
    """Mark a planned activity done, with how it felt."""
    from psymitrix_cli.ui.views import activity as views

    state = AppState.of(ctx, json_)
    changes = {"done": True, "moodAfter": mood_after, "mastery": mastery, "pleasure": pleasure}
    result = state.backend.entries("activity").edit(entry_id, changes)
    state.emit(result, lambda t, r: views.saved(t, r, state.settings.crisis_line))


def register(app: typer.Typer) -> None:
    app.add_typer(activity_app, name="activity", rich_help_panel="Trackers")
