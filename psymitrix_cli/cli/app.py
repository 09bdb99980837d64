"""The `psymitrix` command: global options, error handling, and the command groups.

Every failure leaves through `PsyGroup.invoke`: a typed error becomes one line on
stderr and its exit code; anything unexpected becomes one line too, with the
traceback (never locals) only under --debug.
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from psymitrix_cli import __version__, messages
from psymitrix_cli.cli._click import click
from psymitrix_cli.cli.state import AppState
from psymitrix_cli.errors import PsyError


class PsyGroup(TyperGroup):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except click.ClickException as exc:
            state = AppState.of(ctx)
            where = getattr(exc, "ctx", None) or ctx
            hint = f" (see '{where.command_path} --help')"
            state.term.error(exc.format_message() + hint, code="usage")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            AppState.of(ctx).term.error(messages.INTERRUPTED, code="interrupted")
            raise typer.Exit(130) from None
        except PsyError as exc:
            state = AppState.of(ctx)
            if state.debug:
                traceback.print_exc(file=sys.stderr)
            state.term.error(exc.message, code=exc.code)
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            state = AppState.of(ctx)
            if state.debug:
                traceback.print_exc(file=sys.stderr)
            state.term.error(messages.UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}"))
            raise typer.Exit(1) from None
        finally:
            if isinstance(ctx.obj, AppState):
                ctx.obj.close()


app = typer.Typer(
    name="psymitrix",
    cls=PsyGroup,
    help="PsyMitrix: a wellness companion for your terminal.",
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    # Plain Click help: Rich-rendered help imports markdown-it and costs ~50 ms per --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psymitrix {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    backend: Annotated[
        str | None,
        typer.Option(
            "--backend",
            "-b",
            help="Where data lives: local (SQLite), mongo or api. [env: PSYMITRIX_BACKEND]",
            show_default=False,
        ),
    ] = None,
    json_mode: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Turn off colour.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """A wellness companion: journals, sleep, breathing, check-ins and an AI companion."""
    ctx.obj = AppState(backend_name=backend, json_mode=json_mode, debug=debug, no_color=no_color)
    if ctx.invoked_subcommand is None:
        from psymitrix_cli.cli.home import show_home

        show_home(ctx)


# One module per command group; each exposes register(app). Order sets --help order.
COMMAND_MODULES = (
    "accounts",
    "auth_cmd",
    "password",
    "profile",
    "status",
    "journal",
    "gratitude",
    "sleep",
    "config_cmd",
)


def _register() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"psymitrix_cli.cli.{name}").register(app)


_register()


def main() -> None:
    command = typer.main.get_command(app)
    command.main(prog_name="psymitrix")
