"""safety-plan [show] | edit | add | remove | set | delete: the person's own safety plan.

Every change reads the plan, changes the payload and replaces the plan whole (PUT),
on every backend, and refreshes the local copy help-now reads (cli/plan_copy.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.plan_copy import crisis_plan as crisis_plan  # where callers had it
from psymitrix_cli.cli.plan_copy import remember as _remember
from psymitrix_cli.cli.state import AppState

if TYPE_CHECKING:
    from psymitrix_cli.domain.safety_plan import SafetyPlanPayload

safety_plan_app = typer.Typer(
    help=(
        "Your safety plan: warning signs, what helps, people and places, who to call, "
        "making things safer, reasons for living. Shown with every crisis message and "
        "by `psymitrix help-now`."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
    rich_markup_mode=None,
)

Section = Annotated[
    str,
    typer.Argument(
        metavar="SECTION",
        help="warning-signs, coping, distractions, helpers, professionals, environment, reasons.",
    ),
]


# --- reading and writing ----------------------------------------------------------------


def _current(state: AppState) -> SafetyPlanPayload:
    from psymitrix_cli.domain import safety_plan as rules

    return rules.from_view(state.backend.safety_plan.get())


def _save(state: AppState, plan: SafetyPlanPayload) -> None:
    from psymitrix_cli.ui.views import safety_plan as views

    result = state.backend.safety_plan.put(plan)
    _remember(state, result)
    state.term.emit(result, views.saved if result["exists"] else views.cleared)


@safety_plan_app.callback()
def main(ctx: typer.Context, json_: Json = False) -> None:
    """Show your safety plan (`safety-plan edit` to write it)."""
    if ctx.invoked_subcommand is None:
        _show(ctx, json_)


def _show(ctx: typer.Context, json_: bool) -> None:
    from psymitrix_cli.ui.views import safety_plan as views

    state = AppState.of(ctx, json_)
    plan = state.backend.safety_plan.get()
    _remember(state, plan)
    state.term.emit(plan, views.show)


@safety_plan_app.command("show")
def show(ctx: typer.Context, json_: Json = False) -> None:
    """Show your safety plan."""
    _show(ctx, json_)


def _read_file(source: str) -> SafetyPlanPayload:
    """The text format, or a JSON object of sections, from a file or '-' (stdin)."""
    import sys

    from psymitrix_cli.domain import safety_plan as rules
    from psymitrix_cli.errors import InvalidInput

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            messages.SAFETY_PLAN_UNREADABLE.format(source=source, exc=exc), field="file"
        ) from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InvalidInput(
                messages.SAFETY_PLAN_BAD_JSON.format(source=source, exc=exc), field="file"
            ) from None
        if not isinstance(data, dict):
            raise InvalidInput(
                messages.SAFETY_PLAN_NOT_SECTIONS.format(source=source), field="file"
            )
        return rules.payload(data)
    return rules.from_text(text)


def _interactive(state: AppState, plan: SafetyPlanPayload) -> SafetyPlanPayload:
    """Section by section: what is there, then new lines until Enter; '-N' drops line N."""
    from psymitrix_cli.domain import safety_plan as rules
    from psymitrix_cli.ui import prompts

    term = state.term
    term.line(
        messages.SAFETY_PLAN_WALKTHROUGH,
        style="dim",
    )
    for spec in rules.SECTIONS:
        term.line(f"\n{spec.title}", style="bold")
        term.line(spec.prompt, style="dim")
        while True:
            for i, item in enumerate(plan.items(spec), 1):
                term.line(f"  {i}. {rules.item_line(item)}")
            hint = (
                messages.SAFETY_PLAN_HINT_CONTACT
                if spec.contacts
                else messages.SAFETY_PLAN_HINT_LINE
            )
            answer = prompts.ask(
                term, messages.SAFETY_PLAN_ASK_ITEM.format(hint=hint), "--file", lambda a: a.strip()
            )
            if not answer:
                break
            try:
                if answer.startswith("-") and answer[1:].strip().isdigit():
                    plan = rules.removed(plan, spec, answer[1:].strip())
                else:
                    plan = rules.added(plan, spec, [answer], None)
            except Exception as exc:
                from psymitrix_cli.errors import InvalidInput

                if not isinstance(exc, InvalidInput):
                    raise
                term.error(exc.message)
    return plan


@safety_plan_app.command("edit")
def edit(
    ctx: typer.Context,
    editor: Annotated[
        bool, typer.Option("--editor", "-e", help="Write it in $EDITOR, as plain text.")
    ] = False,
    file: Annotated[
        str | None,
        typer.Option(
            "--file",
            "-f",
            metavar="PATH",
            help="Replace the plan with this file ('-': stdin): the text format or JSON.",
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Write or change your plan: questions section by section, $EDITOR, or a file."""
    from psymitrix_cli.domain import safety_plan as rules
    from psymitrix_cli.ui import prompts

    state = AppState.of(ctx, json_)
    if file is not None:
        plan = _read_file(file)  # checked before anything is asked of the backend
        _save(state, plan)
        return
    prompts.require_tty(state.term, messages.TTY_SAFETY_PLAN, messages.TTY_SAFETY_PLAN_FLAG)
    current = _current(state)
    if editor:
        from psymitrix_cli.ui import editor as editors

        text = editors.write_in_editor(
            state.term, lambda t: rules.to_text(rules.from_text(t)), rules.to_text(current), ".txt"
        )
        plan = rules.from_text(text)
    else:
        plan = _interactive(state, current)
    _save(state, plan)


@safety_plan_app.command("add")
def add(
    ctx: typer.Context,
    section: Section,
    items: Annotated[list[str], typer.Argument(metavar="TEXT...", help="Lines to add.")],
    phone: Annotated[
        str | None, typer.Option(help="The phone of the one person or service added.")
    ] = None,
    json_: Json = False,
) -> None:
    """Add lines to one section (people and services: 'Name: phone', or --phone)."""
    from psymitrix_cli.domain import safety_plan as rules

    state = AppState.of(ctx, json_)
    spec = rules.section(section)
    rules.added(rules.SafetyPlanPayload(), spec, items, phone)  # bad input: before any read
    _save(state, rules.added(_current(state), spec, items, phone))


@safety_plan_app.command("remove")
def remove(
    ctx: typer.Context,
    section: Section,
    item: Annotated[str, typer.Argument(metavar="ITEM", help="Its number, or its text/name.")],
    json_: Json = False,
) -> None:
    """Remove one line from a section (by number as `safety-plan show` lists it, or text)."""
    from psymitrix_cli.domain import safety_plan as rules

    state = AppState.of(ctx, json_)
    spec = rules.section(section)
    _save(state, rules.removed(_current(state), spec, item))


@safety_plan_app.command("set")
def set_section(
    ctx: typer.Context,
    section: Section,
    items: Annotated[
        list[str] | None, typer.Argument(metavar="[TEXT...]", help="The section's new lines.")
    ] = None,
    json_: Json = False,
) -> None:
    """Replace one section's lines (none given: empty it)."""
    from psymitrix_cli.domain import safety_plan as rules

    state = AppState.of(ctx, json_)
    spec = rules.section(section)
    empty = rules.SafetyPlanPayload()
    rules.added(empty, spec, items or [], None)  # bad input: before any read
    _save(state, rules.added(rules.with_items(_current(state), spec, []), spec, items or [], None))


@safety_plan_app.command("delete")
def delete(ctx: typer.Context, yes: Yes = False, json_: Json = False) -> None:
    """Delete the whole plan."""
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import safety_plan as views

    state = AppState.of(ctx, json_)
    if not yes:
        if not state.term.interactive:
            from psymitrix_cli.errors import InvalidInput

            raise InvalidInput(messages.SAFETY_PLAN_DELETE_NEEDS_YES)
        if not prompts.confirm(state.term, messages.SAFETY_PLAN_CONFIRM_DELETE):
            raise typer.Exit(1)
    result = state.backend.safety_plan.delete()
    _remember(state, result)
    state.term.emit(result, views.cleared)


def register(app: typer.Typer) -> None:
    app.add_typer(safety_plan_app, name="safety-plan", rich_help_panel="Safety")
