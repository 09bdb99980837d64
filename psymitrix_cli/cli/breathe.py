"""breathe (a guided session), breathe patterns, breathe list (history) / show / delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.entries import Words, add_commands
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

if TYPE_CHECKING:
    from psymitrix_cli.domain.breathing import Pattern, SessionPlan

breathe_app = typer.Typer(
    help="Guided breathing: follow a shape that grows as you breathe in and shrinks as you "
    "breathe out. Ctrl-C stops early (the partial session is saved).",
    invoke_without_command=True,
)


@breathe_app.callback()
def breathe(
    ctx: typer.Context,
    pattern: Annotated[
        str | None,
        typer.Option(
            "--pattern", "-p", help="box, 478, coherent, sigh, or one you saved. [default: box]"
        ),
    ] = None,
    custom: Annotated[
        str | None,
        typer.Option(help="Your own IN-HOLD-OUT-HOLD seconds, e.g. 4-2-6-0."),
    ] = None,
    cycles: Annotated[int | None, typer.Option("--cycles", "-c", help="How many cycles.")] = None,
    minutes: Annotated[
        float | None, typer.Option("--minutes", "-m", help="About how long, in minutes.")
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="One line per phase instead of the animation.")
    ] = False,
    bell: Annotated[
        bool, typer.Option("--bell", help="Ring the terminal bell at each phase change.")
    ] = False,
    demo: Annotated[
        bool, typer.Option("--demo", help="Show the exercise without an account; nothing is saved.")
    ] = False,
    present: Annotated[
        bool,
        typer.Option(
            "--present",
            help="Full screen for a room: space pause, arrows change pattern, + - pace, q leave.",
        ),
    ] = False,
    reduced_motion: Annotated[
        bool,
        typer.Option("--reduced-motion", help="With --present: a filling bar, not a shape."),
    ] = False,
    high_contrast: Annotated[
        bool, typer.Option("--high-contrast", help="With --present: bright on black.")
    ] = False,
    json_: Json = False,
) -> None:
    """Start a guided breathing session (about a minute of box breathing by default)."""
    if ctx.invoked_subcommand is not None:
        return
    state = AppState.of(ctx, json_)
    guided_session(
        state,
        pattern=pattern,
        custom=custom,
        cycles=cycles,
        minutes=minutes,
        plain=plain,
        bell=bell,
        demo=demo,
        present=Presenting(reduced_motion, high_contrast) if present else None,
    )


@dataclass(frozen=True)
class Presenting:
    reduced_motion: bool = False
    high_contrast: bool = False


def guided_session(
    state: AppState,
    *,
    pattern: str | None = None,
    custom: str | None = None,
    cycles: int | None = None,
    minutes: float | None = None,
    plain: bool = False,
    bell: bool = False,
    demo: bool = False,
    present: Presenting | None = None,
) -> None:
    """Play a session and log it (also offered at the end of `checkin`)."""
    from psymitrix_cli.clock import iso
    from psymitrix_cli.domain.breathing import plan_session, run, stored_name
    from psymitrix_cli.ui.views import breathing as views

    term = state.term
    builtin = pattern is None or is_builtin(pattern)
    plan = plan_session(
        pattern, custom, cycles, minutes, None if builtin else saved_patterns(state)
    )
    if present is not None and not term.interactive:
        from psymitrix_cli.errors import InvalidInput
        from psymitrix_cli.messages import present as words

        raise InvalidInput(words.NEEDS_TERMINAL)
    if not demo:
        state.backend.accounts.whoami()  # not logged in: say so now, not after five minutes
    clock = state.clock
    started = iso(clock.now())
    if present is not None:
        _present_session(state, plan, present, demo, started)
        return
    with views.player(term, plan.pattern, plan.steps, plain=plain, bell=bell) as shown:
        outcome = run(plan.steps, clock, shown.on_frame, shown.on_phase, shown.fps)
    session = {
        "pattern": stored_name(plan.pattern),
        "label": plan.pattern.label,
        "cycles": outcome.cycles_completed,
        "started_at": started,
        "ended_at": iso(clock.now()),
        "duration_seconds": outcome.elapsed,
        "completed": outcome.completed,
        "planned_cycles": plan.cycles,
    }
    result = _keep(state, session, demo)
    if result is None:
        return
    if not outcome.completed:
        stopped_kindly(state, result, demo)
    term.emit(result, lambda t, r: views.finished(t, r, demo))


def _present_session(
    state: AppState, plan: SessionPlan, present: Presenting, demo: bool, started: str
) -> None:
    """Full screen until done, q, Ctrl-C or SIGTERM; the screen is restored before a word
    is printed, then the summary, then the session is kept as any other."""
    from psymitrix_cli.clock import iso
    from psymitrix_cli.domain.breathing import PATTERNS, stored_name
    from psymitrix_cli.domain.breathing_guide import Guide
    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.messages import present as words
    from psymitrix_cli.ui.present.breathing import Look, play
    from psymitrix_cli.ui.present.screen import Terminated, open_screen
    from psymitrix_cli.ui.present.theme import pick
    from psymitrix_cli.ui.views import breathing as views

    term = state.term
    try:
        mine = list(saved_patterns(state).values())
    except PsyError:  # a bad saved line: the arrows offer the built-ins only
        mine = []
    others = [p for p in [*PATTERNS.values(), *mine] if p.name != plan.pattern.name]
    guide = Guide([plan.pattern, *others], plan.cycles)
    look = Look(
        pick(high_contrast=present.high_contrast, color=not term.no_color),
        reduced_motion=present.reduced_motion,
        demo=demo,
    )
    ending: str = "terminated"
    try:
        with open_screen() as screen:
            ending = play(screen, guide, state.clock, look)
    except Terminated:
        pass
    except KeyboardInterrupt:  # landed outside the loop (entering or leaving the screen)
        ending = "interrupted"
    clock = state.clock
    session = {
        "pattern": stored_name(guide.pattern),
        "label": guide.pattern.label,
        "cycles": guide.cycles_done,
        "started_at": started,
        "ended_at": iso(clock.now()),
        "duration_seconds": guide.breathing_seconds + guide.paused_seconds,
        "completed": ending == "completed",
        "planned_cycles": plan.cycles,
    }
    result = _keep(state, session, demo)
    if result is None:
        return
    term.emit(result, lambda t, r: views.present_summary(t, guide))
    if ending == "terminated":
        term.err.print(words.TERMINATED, markup=False, highlight=False)
        raise typer.Exit(143)
    if ending == "interrupted":
        stopped_kindly(state, result, demo)
    if ending == "left":
        stopped = messages.BREATHING_STOPPED_DEMO if demo else messages.BREATHING_STOPPED_SAVED
        term.line(stopped.format(cycles=result["cycles"], planned=result["plannedCycles"]))
        return
    term.emit(result, lambda t, r: views.finished(t, r, demo))


def is_builtin(name: str) -> bool:
    from psymitrix_cli.domain.breathing import get_pattern
    from psymitrix_cli.errors import InvalidInput

    try:
        get_pattern(name)
    except InvalidInput:
        return False
    return True


def _keep(state: AppState, session: dict[str, Any], demo: bool) -> dict[str, Any] | None:
    """The session as stored (or, in a demo, as it would be); None when it waits in the
    outbox (already said so)."""
    from psymitrix_cli.domain.breathing import session_record

    if demo:
        result = {"id": None, **session_record(**session)}
    else:
        from psymitrix_cli.backends.base import Queued
        from psymitrix_cli.domain.trackers import BreathingPayload

        written = state.backend.breathing.add(
            BreathingPayload(
                pattern=session["pattern"],
                label=session["label"],
                cycles=session["cycles"],
                startedAt=session["started_at"],
                endedAt=session["ended_at"],
                durationSeconds=session["duration_seconds"],
                completed=session["completed"],
                plannedCycles=session["planned_cycles"],
            )
        )
        if isinstance(written, Queued):  # the api is out of reach: kept in the outbox
            state.emit(written, lambda t, r: None)
            return None
        result = written
    return dict(result)


def stopped_kindly(state: AppState, result: dict[str, Any], demo: bool) -> NoReturn:
    """Stopping on purpose is not an error: a calm line, the partial session kept, exit 130.

    With --json the result still goes to stdout and the usual interrupted error to
    stderr, so a script sees the same shape as before.
    """
    from psymitrix_cli import messages
    from psymitrix_cli.errors import Interrupted

    term = state.term
    stopped = messages.BREATHING_STOPPED_DEMO if demo else messages.BREATHING_STOPPED_SAVED
    line = stopped.format(cycles=result["cycles"], planned=result["plannedCycles"])
    if term.json_mode:
        term.json(result)
        term.err.print(line, markup=False, highlight=False)
        raise Interrupted(messages.INTERRUPTED)
    term.err.print(line, style="cyan", markup=False, highlight=False)
    raise typer.Exit(130)


patterns_app = typer.Typer(
    help="The breathing patterns, and your own saved ones (add, remove).",
    invoke_without_command=True,
)
breathe_app.add_typer(patterns_app, name="patterns")


@patterns_app.callback()
def patterns(ctx: typer.Context, json_: Json = False) -> None:
    """List the breathing patterns and what each is for, your saved ones last."""
    if ctx.invoked_subcommand is not None:
        return
    from psymitrix_cli.domain.breathing import pattern_catalog
    from psymitrix_cli.ui.views import breathing as views

    state = AppState.of(ctx, json_)
    state.term.emit({"items": pattern_catalog(saved_patterns(state))}, views.patterns)


@patterns_app.command("add")
def add_pattern(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A short name: letters, digits, - or _.")],
    inhale: Annotated[float, typer.Option(help="Seconds breathing in.")],
    exhale: Annotated[float, typer.Option(help="Seconds breathing out.")],
    hold: Annotated[float, typer.Option(help="Seconds holding, after breathing in.")] = 0.0,
    hold_after: Annotated[
        float, typer.Option("--hold-after", help="Seconds holding, after breathing out.")
    ] = 0.0,
    json_: Json = False,
) -> None:
    """Save a pattern of your own, to use with --pattern NAME (kept in the config file)."""
    from psymitrix_cli.domain.breathing_saved import saved_pattern, with_pattern

    state = AppState.of(ctx, json_)
    pattern = saved_pattern(name, inhale, hold, exhale, hold_after)
    _store_saved(state, with_pattern(saved_patterns(state), pattern))
    state.term.emit(
        {"name": pattern.name, "label": pattern.label, "cycleSeconds": pattern.cycle_seconds},
        lambda t, r: t.success(messages.BREATHING_PATTERN_SAVED.format(**r)),
    )


@patterns_app.command("remove")
def remove_pattern(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The saved pattern's name.")],
    json_: Json = False,
) -> None:
    """Forget one of your saved patterns."""
    from psymitrix_cli.domain.breathing_saved import without_pattern

    state = AppState.of(ctx, json_)
    remaining = without_pattern(saved_patterns(state), name)
    _store_saved(state, remaining)
    state.term.emit(
        {"name": name.strip().lower(), "removed": True},
        lambda t, r: t.success(messages.BREATHING_PATTERN_REMOVED.format(**r)),
    )


def saved_patterns(state: AppState) -> dict[str, Pattern]:
    """The person's saved patterns (from the config file, or its environment variable)."""
    from psymitrix_cli.domain.breathing_saved import parse_saved

    return parse_saved(state.settings.breathing_patterns)


def _store_saved(state: AppState, saved: dict[str, Pattern]) -> None:
    """Write the saved patterns' line into the config file, leaving every other key."""
    from psymitrix_cli.config import config_path, read_config_file, write_config_file
    from psymitrix_cli.domain.breathing_saved import SAVED_KEY, format_saved

    path = config_path()
    values = read_config_file(path)
    if saved:
        values[SAVED_KEY] = format_saved(saved)
    else:
        values.pop(SAVED_KEY, None)
    write_config_file(path, values)


add_commands(
    breathe_app,
    "breathing",
    views="breathing",
    words=Words(
        empty=messages.BREATHING_EMPTY,
        deleted=messages.BREATHING_DELETED,
        confirm=messages.BREATHING_CONFIRM_DELETE,
        key_help=messages.BREATHING_KEY_HELP,
    ),
    aliases=("history",),
)


def register(app: typer.Typer) -> None:
    app.add_typer(breathe_app, name="breathe", rich_help_panel="Practice")
