"""The `psymitrix` command: global options, error handling, and the command groups.

Every failure leaves through `PsyGroup.invoke`: a typed error becomes one line on
stderr and its exit code; anything unexpected becomes one line too, with the
traceback (never locals) only under --debug.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from psymitrix_cli import __version__, messages
from psymitrix_cli.cli._click import click
from psymitrix_cli.cli.state import AppState
from psymitrix_cli.errors import PsyError


class PsyGroup(TyperGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # From the table, so listing the commands imports none of their modules.
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and (command := load_command(cmd_name)) is not None:
            self.add_command(command, cmd_name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except click.ClickException as exc:
            state = AppState.of(ctx)
            where = getattr(exc, "ctx", None) or ctx
            hint = messages.SEE_HELP.format(command=where.command_path)
            state.term.error(exc.format_message() + hint, code="usage")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            AppState.of(ctx).term.error(messages.INTERRUPTED, code="interrupted")
            raise typer.Exit(130) from None
        except PsyError as exc:
            state = AppState.of(ctx)
            if state.debug:
                _print_traceback()
            from psymitrix_cli.errors import flag

            state.term.error(exc.worded(flag), code=exc.code)  # fields as this door's flags
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            state = AppState.of(ctx)
            if state.debug:
                _print_traceback()
            if isinstance(exc, ModuleNotFoundError):
                from psymitrix_cli.installhint import missing_module_message

                hint = missing_module_message(exc.name)
                if hint:
                    state.term.error(hint, code="missing_dependency")
                    raise typer.Exit(1) from None
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
        typer.echo(messages.VERSION.format(version=__version__))
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


# Every top-level command: the module that registers it, and its line in --help.
# A module is imported only when its command runs, so `psymitrix whoami` never pays
# for building chat, the server or export, and --help imports none of them.
COMMANDS: dict[str, tuple[str, str]] = {
    "signup": ("accounts", "Create an account (and log in)."),
    "login": ("accounts", "Log in; the token goes to the system keyring."),
    "logout": ("accounts", "Forget this terminal's token (--all: revoke every token)."),
    "whoami": ("accounts", "Show who is logged in."),
    "me": ("accounts", "Your profile, streak, counts and recent entries."),
    "status": ("status", "The dashboard: streak, today's checklist, trends, counts."),
    "checkin": ("status", "The daily check-in: mood, sleep, gratitude, breathing."),
    "search": ("search", "Search your journal, gratitude and chats."),
    "review": ("review", "A week or a month summed up: mood, sleep, scores, what you did."),
    "journal": ("journal", "Your mood journal."),
    "gratitude": ("gratitude", "A few good things, and a moment to recall them."),
    "sleep": ("sleep", "Sleep quality: one score per night."),
    "activity": ("activity", "Activities planned and done, and how they felt."),
    "breathe": ("breathe", "Guided breathing exercises."),
    "test": ("assess", "PHQ-9 and GAD-7 questionnaires (screenings, not diagnoses)."),
    "present": ("present", "Full screen for a room: breathing and questionnaires, no account."),
    "handout": ("handout", "Printable handouts: a breathing pattern, a blank PHQ-9 or GAD-7."),
    "remind": ("remind", "Reminders from this machine's scheduler: check-in, sleep, PHQ-9."),
    "chat": ("chat", "Talk with the AI companion."),
    "memory": ("memory", "What the companion keeps in mind about you: show, add, edit, forget."),
    "help-now": ("help_now", "Crisis lines, grounding steps and your safety plan, now."),
    "safety-plan": ("safety_plan", "Your safety plan: see it, write it, change it."),
    "safety": ("safety_report", "Safety-event counts (safety report); never any content."),
    "report": ("report", "A self-report summary for a clinician (md or html), not a diagnosis."),
    "export": ("data", "Export your data: json, csv, fhir or md."),
    "import": ("data", "Import a PsyMitrix export (or a jrnl journal)."),
    "encryption": ("encryption", "Encrypt the local store at rest: enable, disable, status."),
    "auth": ("auth_cmd", "Inspect the stored login."),
    "token": ("tokens", "Tokens for scripts: create, list, revoke (PSYMITRIX_TOKEN)."),
    "password": ("password", "Change or recover your password."),
    "profile": ("profile", "Change your profile."),
    "account": ("profile", "Delete your account."),
    "outbox": ("outbox", "Entries waiting for an unreachable API server."),
    "config": ("config_cmd", "Show or change settings."),
    "doctor": ("doctor", "Check the backend, the keyring and the AI provider."),
    "serve": ("serve", "Run the PsyMitrix API server."),
}


def load_command(name: str) -> click.Command | None:
    """Build the Click command `name` from the module that registers it."""
    import importlib

    if name not in COMMANDS:
        return None
    module, summary = COMMANDS[name]
    holder = typer.Typer(rich_markup_mode=None)
    importlib.import_module(f"psymitrix_cli.cli.{module}").register(holder)
    command = typer.main.get_group(holder).commands.get(name)
    if command is not None:
        command.short_help = summary
    return command


def main() -> None:
    command = typer.main.get_command(app)
    command.main(prog_name="psymitrix")


def _print_traceback() -> None:
    import traceback  # only under --debug: every other run is spared its import

    traceback.print_exc(file=sys.stderr)
