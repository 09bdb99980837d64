"""memory [show] | add | edit | forget | clear: the short "about me" notes the companion
keeps in mind. The person writes them; the companion may only propose one, which is kept
on the person's yes (ui/views/memory.offer). Rules: domain/memory.py."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

memory_app = typer.Typer(
    help=(
        "What the AI companion keeps in mind about you: a few short notes in your own "
        "words (what helps, what you'd rather it didn't suggest, who matters to you), at "
        "most 20 of 200 characters. They go to the AI with each message, except with "
        "`chat --no-memory` and with a message the safety screen reads as a crisis. The "
        "companion may suggest one; it is saved only if you say yes."
    ),
    invoke_without_command=True,
    rich_markup_mode=None,
)


@memory_app.callback()
def memory(ctx: typer.Context, json_: Json = False) -> None:
    """Show your notes (when no command is given)."""
    if ctx.invoked_subcommand is None:
        _show(ctx, json_)


def _show(ctx: typer.Context, json_: bool) -> None:
    from psymitrix_cli.ui.views import memory as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.memory.show(), views.listing)


@memory_app.command("show")
def show(ctx: typer.Context, json_: Json = False) -> None:
    """List your notes, numbered, oldest first."""
    _show(ctx, json_)


@memory_app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT",
            help="One short note, one line, at most 200 characters; '-' reads stdin.",
        ),
    ],
    json_: Json = False,
) -> None:
    """Keep one note about you for the companion."""
    from psymitrix_cli.ui.views import memory as views

    state = AppState.of(ctx, json_)
    if text == "-":
        import sys

        text = sys.stdin.read()
    state.term.emit(state.backend.memory.add(text), views.added)


@memory_app.command("edit")
def edit(
    ctx: typer.Context,
    text: Annotated[
        list[str] | None,
        typer.Option(
            "--text",
            metavar="NOTE",
            help="The notes to keep, one per --text (for scripts); '--text -' reads them "
            "from stdin, one per line. Without it, opens $VISUAL or $EDITOR.",
            show_default=False,
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Change your notes all at once: one per line; delete a line to forget it."""
    from psymitrix_cli.domain import memory as rules
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import memory as views

    state = AppState.of(ctx, json_)
    api = state.backend.memory
    if text == ["-"]:
        import sys

        notes = rules.parse_notes(sys.stdin.read())
    elif text:
        notes = text  # checked where every edit is: MemoryService.replace
    else:
        if not state.term.interactive:
            raise InvalidInput(messages.MEMORY_EDIT_NEEDS_INPUT)
        from psymitrix_cli.ui.editor import write_in_editor

        current = [n["text"] for n in api.show()["items"]]

        def check(edited: str) -> str:
            rules.parse_notes(edited)
            return edited

        written = write_in_editor(state.term, check, rules.edit_text(current), suffix=".txt")
        notes = rules.parse_notes(written)
        if current and not notes:
            question = messages.MEMORY_CONFIRM_CLEAR.format(count=len(current))
            if not prompts.confirm(state.term, question):
                raise InvalidInput(messages.MEMORY_NOT_CLEARED)
    state.term.emit(api.replace(notes), views.replaced)


@memory_app.command("forget")
def forget(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="N|ID", help="The note's number in `memory show`, or its ID (4+ characters)."
        ),
    ],
    json_: Json = False,
) -> None:
    """Forget one note."""
    from psymitrix_cli.ui.views import memory as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.memory.forget(key), views.forgot)


@memory_app.command("clear")
def clear(ctx: typer.Context, yes: Yes = False, json_: Json = False) -> None:
    """Forget every note about you (asks first unless --yes)."""
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import memory as views

    state = AppState.of(ctx, json_)
    api = state.backend.memory
    if not yes:
        prompts.require_tty(state.term, messages.TTY_MEMORY_CLEAR, "--yes")
        count = api.show()["count"]
        if count and not prompts.confirm(
            state.term, messages.MEMORY_CONFIRM_CLEAR.format(count=count)
        ):
            raise InvalidInput(messages.MEMORY_NOT_CLEARED)
    state.term.emit(api.clear(), views.cleared)


def register(app: typer.Typer) -> None:
    app.add_typer(memory_app, name="memory", rich_help_panel="Companion")
