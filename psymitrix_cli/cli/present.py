"""present: a full-screen menu for a room (breathing patterns, PHQ-9, GAD-7), and the
present-mode questionnaire behind `test phq9|gad7 --present`.

`psymitrix present` is always a demo: nothing is saved and no account is needed, since a
projector in a therapist's room is nobody's own record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from psymitrix_cli.cli.state import AppState

if TYPE_CHECKING:
    from psymitrix_cli.domain.assessments import Instrument
    from psymitrix_cli.ui.present.breathing import Look


def _look(state: AppState, *, high_contrast: bool, reduced_motion: bool, demo: bool) -> Look:
    from psymitrix_cli.ui.present.breathing import Look
    from psymitrix_cli.ui.present.theme import pick

    theme = pick(high_contrast=high_contrast, color=not state.term.no_color)
    return Look(theme, reduced_motion=reduced_motion, demo=demo)


def _need_terminal(state: AppState) -> None:
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.messages import present as words

    if not state.term.interactive:
        raise InvalidInput(words.NEEDS_TERMINAL)


def _stopped(state: AppState, line: str, code: int) -> None:
    """Leaving is not an error: a calm line on stderr, and the exit code says how."""
    state.term.err.print(line, style="cyan", markup=False, highlight=False)
    if code:
        raise typer.Exit(code)


def present_questionnaire(
    state: AppState,
    instrument: Instrument,
    answers: str | None,
    difficulty: int | None,
    demo: bool,
    high_contrast: bool,
) -> None:
    """One item at a time on the full screen, then the result and, after a positive
    item 9, the crisis panel; the usual result is printed once the screen is restored."""
    from psymitrix_cli.clock import iso
    from psymitrix_cli.domain import assessments as rules
    from psymitrix_cli.messages import present as words
    from psymitrix_cli.ui.present.questionnaire import ask, show_result
    from psymitrix_cli.ui.present.screen import Terminated, open_screen
    from psymitrix_cli.ui.views import assessments as views

    _need_terminal(state)
    given = None if answers is None else list(rules.parse_answers(instrument, answers))
    if not demo:
        state.backend.accounts.whoami()  # log in first: don't ask what can't be saved
    look = _look(state, high_contrast=high_contrast, reduced_motion=False, demo=demo)
    local_line = state.settings.crisis_line
    plan = None
    if not demo:  # the person's own safety plan leads the crisis panel
        from psymitrix_cli.cli.plan_copy import crisis_plan

        plan = crisis_plan(state)
    result: dict[str, Any] | None = None
    stop = ""
    try:
        with open_screen() as screen:
            chosen = given if given is not None else ask(screen, instrument, look)
            if isinstance(chosen, list):
                if demo:
                    taken = iso(state.clock.now())
                    result = rules.demo_result(instrument.key, chosen, difficulty, taken)
                else:
                    result = dict(
                        state.backend.assessments.take(instrument.key, chosen, difficulty)
                    )
                show_result(screen, instrument, result, look, local_line, plan)
            else:
                stop = chosen
    except Terminated:
        stop = "terminated"
    except KeyboardInterrupt:  # between the questions and the result: still a kind stop
        stop = "interrupted"
    if result is not None:
        # The usual result on the normal screen (crisis panel last), so it stays in view.
        state.term.emit(result, lambda t, r: views.result(t, r, local_line, demo, plan))
        if stop == "terminated":
            raise typer.Exit(143)
        return
    codes = {"left": 0, "interrupted": 130, "terminated": 143}
    _stopped(state, words.QUESTIONNAIRE_LEFT, codes[stop])


def register(app: typer.Typer) -> None:
    app.command("present", rich_help_panel="Practice")(present)


def present(
    ctx: typer.Context,
    high_contrast: Annotated[
        bool, typer.Option("--high-contrast", help="Bright on black, for a projector.")
    ] = False,
    reduced_motion: Annotated[
        bool, typer.Option("--reduced-motion", help="A filling bar instead of a growing shape.")
    ] = False,
    cycles: Annotated[
        int | None, typer.Option("--cycles", "-c", help="Breathing cycles per exercise.")
    ] = None,
) -> None:
    """Full screen for a room: pick a breathing pattern or a questionnaire from a menu.
    Always a demo: nothing is saved and no account is needed."""
    from psymitrix_cli.domain.breathing import PATTERNS, cycles_for
    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.messages import present as words
    from psymitrix_cli.ui.present.menu import Done, run_menu
    from psymitrix_cli.ui.present.screen import Terminated, open_screen

    state = AppState.of(ctx)
    _need_terminal(state)
    patterns = list(PATTERNS.values())
    try:
        from psymitrix_cli.cli.breathe import saved_patterns

        patterns += list(saved_patterns(state).values())
    except PsyError:  # a bad saved line: the built-ins only
        pass
    cycles_for(patterns[0], cycles, None)  # a bad --cycles fails before the screen opens
    look = _look(state, high_contrast=high_contrast, reduced_motion=reduced_motion, demo=True)
    done = Done()
    code = 0
    try:
        with open_screen() as screen:
            done = run_menu(screen, state.clock, look, patterns, cycles, state.settings.crisis_line)
    except Terminated:
        code = 143
    except KeyboardInterrupt:
        done.ending = "interrupted"
    for line in done.lines:
        state.term.line(line)
    if done.ending == "interrupted":
        code = 130
    _stopped(state, words.MENU_DONE if done.lines else words.MENU_NOTHING, code)
