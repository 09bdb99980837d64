"""handout breathe | phq9 | gad7: a printable page (Markdown or HTML) to take home.

No account is needed and nothing is stored: the page goes to stdout, or to -o FILE.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

handout_app = typer.Typer(
    help="Printable handouts: a breathing pattern, or a blank PHQ-9 / GAD-7 with its scoring.",
    no_args_is_help=True,
)

Format = Annotated[str, typer.Option("--format", "-f", help="md or html.")]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="File to write. [default: stdout]", show_default=False),
]


def _write(state: AppState, page: object, fmt: str, output: Path | None) -> None:
    from psymitrix_cli import messages
    from psymitrix_cli.domain.handouts import Handout, check_format, render
    from psymitrix_cli.fsutil import write_user_file

    assert isinstance(page, Handout)
    chosen = check_format(fmt)
    text = render(page, chosen)
    if output is None:
        if state.term.json_mode:
            state.term.json({"format": chosen, "title": page.title, "content": text})
            return
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_user_file(output, text.encode("utf-8"))
    result = {"format": chosen, "title": page.title, "path": str(output)}
    state.term.emit(result, lambda t, r: t.success(messages.HANDOUT_WRITTEN.format(**r)))


@handout_app.command("breathe")
def breathe(
    ctx: typer.Context,
    pattern: Annotated[
        str, typer.Option("--pattern", "-p", help="box, 478, coherent, sigh, or one you saved.")
    ] = "box",
    format_: Format = "md",
    output: Output = None,
    json_: Json = False,
) -> None:
    """A breathing pattern: its timing, and a short how-to."""
    from psymitrix_cli.cli.breathe import is_builtin, saved_patterns
    from psymitrix_cli.domain.breathing import get_pattern
    from psymitrix_cli.domain.handouts import breathing_handout, check_format

    state = AppState.of(ctx, json_)
    check_format(format_)  # a bad flag fails before anything else is read
    saved = None if is_builtin(pattern) else saved_patterns(state)
    _write(state, breathing_handout(get_pattern(pattern, saved)), format_, output)


def _questionnaire(
    ctx: typer.Context, key: str, fmt: str, output: Path | None, json_: bool
) -> None:
    from psymitrix_cli.domain.assessments import get_instrument
    from psymitrix_cli.domain.handouts import check_format, questionnaire_handout

    state = AppState.of(ctx, json_)
    check_format(fmt)
    page = questionnaire_handout(get_instrument(key), state.settings.crisis_line)
    _write(state, page, fmt, output)


@handout_app.command("phq9")
def phq9(
    ctx: typer.Context, format_: Format = "md", output: Output = None, json_: Json = False
) -> None:
    """A blank PHQ-9, with its scoring bands."""
    _questionnaire(ctx, "phq9", format_, output, json_)


@handout_app.command("gad7")
def gad7(
    ctx: typer.Context, format_: Format = "md", output: Output = None, json_: Json = False
) -> None:
    """A blank GAD-7, with its scoring bands."""
    _questionnaire(ctx, "gad7", format_, output, json_)


def register(app: typer.Typer) -> None:
    app.add_typer(handout_app, name="handout", rich_help_panel="Practice")
