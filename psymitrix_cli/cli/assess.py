"""test phq9 / gad7 (take a questionnaire), test list (history) / show / delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

test_app = typer.Typer(
    help="PHQ-9 (depression) and GAD-7 (anxiety) questionnaires: screenings, not diagnoses.",
    no_args_is_help=True,
)

Answers = Annotated[
    str | None,
    typer.Option(help="All answers at once, comma-separated 0-3 (for scripts), e.g. 0,1,2,..."),
]
Difficulty = Annotated[
    int | None,
    typer.Option(help="How difficult the problems made things: 0 (not at all) to 3 (extremely)."),
]
Demo = Annotated[
    bool,
    typer.Option("--demo", help="Score and show a result without an account; nothing is saved."),
]
Present = Annotated[
    bool,
    typer.Option(
        "--present",
        help="Full screen, one question at a time in large type, for reading aloud in a room.",
    ),
]
HighContrast = Annotated[
    bool, typer.Option("--high-contrast", help="With --present: bright on black.")
]


def _take(
    ctx: typer.Context,
    key: str,
    answers: str | None,
    difficulty: int | None,
    demo: bool,
    json_: bool,
    present: bool = False,
    high_contrast: bool = False,
) -> None:
    from psymitrix_cli.clock import iso
    from psymitrix_cli.domain import assessments as rules
    from psymitrix_cli.errors import Interrupted, InvalidInput
    from psymitrix_cli.ui.views import assessments as views

    state = AppState.of(ctx, json_)
    term = state.term
    instrument = rules.get_instrument(key)
    level = rules.validate_difficulty(difficulty)
    if present:
        from psymitrix_cli.cli.present import present_questionnaire

        present_questionnaire(state, instrument, answers, level, demo, high_contrast)
        return
    if answers is not None:
        chosen = list(rules.parse_answers(instrument, answers))
    else:
        if not term.interactive:
            count = len(instrument.items)
            example = ",".join(["0"] * count)
            raise InvalidInput(
                messages.ASSESSMENT_NEED_ANSWERS.format(count=count, example=example)
            )
        if not demo:
            state.backend.accounts.whoami()  # log in first: don't ask what can't be saved
        from psymitrix_cli.ui.picker import pick_answers

        picked = pick_answers(instrument, ask_difficulty=level is None)
        if picked is None:
            raise Interrupted(messages.ASSESSMENT_CANCELLED)
        chosen, asked = picked
        level = level if level is not None else asked
    if demo:
        from psymitrix_cli.domain.assessments import demo_result

        result = demo_result(instrument.key, chosen, level, iso(state.clock.now()))
    else:
        result = state.backend.assessments.take(instrument.key, chosen, level)
    local_line = state.settings.crisis_line
    from psymitrix_cli.cli.plan_copy import crisis_plan

    plan = None if demo else crisis_plan(state)
    term.emit(result, lambda t, r: views.result(t, r, local_line, demo, plan))
    if term.json_mode and result["crisis"]:
        term.notice(views.crisis_stderr_line(local_line))


def _take_command(key: str) -> Callable[..., None]:
    def take(
        ctx: typer.Context,
        answers: Answers = None,
        difficulty: Difficulty = None,
        demo: Demo = False,
        present: Present = False,
        high_contrast: HighContrast = False,
        json_: Json = False,
    ) -> None:
        _take(ctx, key, answers, difficulty, demo, json_, present, high_contrast)

    take.__doc__ = messages.ASSESSMENT_TAKE_HELP[key]
    return take


for _key in messages.ASSESSMENT_TAKE_HELP:  # `test phq9`, `test gad7`
    test_app.command(_key)(_take_command(_key))


@test_app.command("list")
@test_app.command("history", hidden=True)
def history(
    ctx: typer.Context,
    instrument: Annotated[
        str | None, typer.Argument(metavar="[phq9|gad7]", help="Only this questionnaire.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many results.")] = 20,
    cursor: Annotated[str | None, typer.Option(help="Continue from a previous page.")] = None,
    json_: Json = False,
) -> None:
    """Your results over time, as a chart (newest page; oldest at the top)."""
    from psymitrix_cli.ui.views import assessments as views

    state = AppState.of(ctx, json_)
    result = state.backend.assessments.list(instrument=instrument, limit=limit, cursor=cursor)
    timezone = state.display_timezone()
    state.term.emit(result, lambda t, r: views.history(t, r, timezone))


@test_app.command("show")
def show(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The result's ID.")],
    json_: Json = False,
) -> None:
    """One result, with its change from the result before it."""
    from psymitrix_cli.ui.views import assessments as views

    state = AppState.of(ctx, json_)
    result = state.backend.assessments.get(entry_id)
    local_line = state.settings.crisis_line
    from psymitrix_cli.cli.plan_copy import crisis_plan

    plan = crisis_plan(state)
    state.term.emit(result, lambda t, r: views.result(t, r, local_line, plan=plan))


@test_app.command("delete")
def delete(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="The result's ID.")],
    yes: Yes = False,
    json_: Json = False,
) -> None:
    """Delete one result."""
    from psymitrix_cli.cli.deleting import confirm_and_delete

    state = AppState.of(ctx, json_)
    tests = state.backend.assessments
    name = tests.get(entry_id)["instrument"]  # also: an unknown ID fails before anything else
    confirm_and_delete(
        state,
        target=entry_id,
        get=tests.get,
        delete=tests.delete,
        yes=yes,
        question=messages.ASSESSMENT_CONFIRM_DELETE.format(instrument=name),
        done=messages.ASSESSMENT_DELETED.format(instrument=name),
    )


def register(app: typer.Typer) -> None:
    app.add_typer(test_app, name="test", rich_help_panel="Practice")
