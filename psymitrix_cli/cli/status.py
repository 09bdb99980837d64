"""status, checkin."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.dates import DAY
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

if TYPE_CHECKING:
    from psymitrix_cli.domain.checkin import CheckinAnswers


def status(ctx: typer.Context, json_: Json = False) -> None:
    """Your streak, today's checklist, latest PHQ-9/GAD-7, 14-day trends and counts."""
    from psymitrix_cli.ui.views import dashboard

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.dashboard.status(), dashboard.status)


def _interactive_checkin(state: AppState) -> CheckinAnswers:
    from psymitrix_cli.domain import journal as rules
    from psymitrix_cli.domain.checkin import CheckinAnswers
    from psymitrix_cli.ui import prompts

    term = state.term

    def optional(check):  # type: ignore[no-untyped-def]
        return lambda answer: None if not answer.strip() else check(answer.strip())

    mood = prompts.ask(
        term,
        messages.CHECKIN_ASK_MOOD,
        "--mood",
        optional(lambda a: rules.mood(int(a)) if a.isdigit() else rules.mood(a)),
    )
    note = None
    if mood is not None:
        note = prompts.ask(term, messages.CHECKIN_ASK_NOTE, "--note", lambda a: a or None)
    sleep = prompts.ask(
        term,
        messages.CHECKIN_ASK_SLEEP,
        "--sleep",
        optional(lambda a: rules.sleep_score(int(a)) if a.isdigit() else rules.sleep_score(a)),
    )
    hours = None
    if sleep is not None:
        hours = prompts.ask(
            term,
            messages.CHECKIN_ASK_HOURS,
            "--hours",
            optional(lambda a: rules.sleep_hours(float(a))),
        )
    items = []
    for i in range(1, 4):
        item = prompts.ask(
            term,
            messages.CHECKIN_ASK_GRATITUDE.format(number=i),
            "--gratitude",
            lambda a: a.strip() or None,
        )
        if not item:
            break
        items.append(item)
    did = prompts.ask(
        term, messages.CHECKIN_ASK_ACTIVITY, "--activity", lambda a: a.strip() or None
    )
    return CheckinAnswers(mood, note, sleep, hours, tuple(items), did)


def checkin(
    ctx: typer.Context,
    mood: Annotated[
        int | None, typer.Option(help="Mood 1-5: awful, bad, okay, good, great.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note to go with the mood.")] = None,
    sleep: Annotated[int | None, typer.Option(help="Last night's sleep quality, 1-10.")] = None,
    hours: Annotated[float | None, typer.Option(help="Hours slept last night.")] = None,
    gratitude: Annotated[
        list[str] | None, typer.Option(help="Something you're grateful for (up to 3).")
    ] = None,
    activity: Annotated[
        str | None, typer.Option(help="One thing you did today (logged as done).")
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date",
            click_type=DAY,
            help="Check in for a missed day (YYYY-MM-DD or 'yesterday').",
        ),
    ] = None,
    new: Annotated[
        bool,
        typer.Option(
            "--new", help="Add another check-in for the day instead of updating the day's one."
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print nothing on success (crisis resources are still shown)."
        ),
    ] = False,
    json_: Json = False,
) -> None:
    """The daily check-in: mood and a note, last night's sleep, gratitude, one thing you
    did, then an offer of a breathing exercise. With flags it runs without questions
    (for scripts and cron). Running it again the same day updates that day's check-in."""
    from psymitrix_cli.cli.plan_copy import crisis_plan
    from psymitrix_cli.domain.checkin import CheckinAnswers
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import dashboard
    from psymitrix_cli.ui.views.crisis import after_entry, json_notice

    state = AppState.of(ctx, json_)
    term = state.term
    given = (mood, note, sleep, hours, activity)
    flags_given = any(v is not None for v in given) or bool(gratitude)
    if flags_given:
        answers = CheckinAnswers(mood, note, sleep, hours, tuple(gratitude or ()), activity)
    else:
        prompts.require_tty(term, messages.TTY_CHECKIN, "--mood/--sleep/--gratitude")
        state.backend.accounts.whoami()  # log in first: don't ask questions we can't save
        answers = _interactive_checkin(state)
    answers = replace(answers, at=day, new=new)
    result = state.backend.dashboard.checkin(answers)
    line = state.settings.crisis_line
    render = (lambda _t, _r: None) if quiet else dashboard.checkin
    if state.emit(result, render) and not term.json_mode:
        after_entry(term, result, line, crisis_plan(state))
    json_notice(term, result, line)
    if quiet or flags_given:
        return
    if prompts.confirm(term, messages.CHECKIN_OFFER_BREATHING):
        from psymitrix_cli.cli.breathe import guided_session

        guided_session(state, pattern="box", cycles=4)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Daily")(status)
    app.command(rich_help_panel="Daily")(checkin)
