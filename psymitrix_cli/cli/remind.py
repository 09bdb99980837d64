"""remind add | list | remove | fire: reminders from the machine's own scheduler.

`add` installs a systemd user timer, a crontab line or a launchd agent (and prints the
Task Scheduler command on Windows) that runs `psymitrix remind fire KIND`; `fire` shows
a desktop notification only when the thing is still to do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.backends.reminders import Reminders
from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

if TYPE_CHECKING:
    from psymitrix_cli.domain.reminders import ReminderKind

remind_app = typer.Typer(
    help=(
        "Reminders: a daily check-in, a morning sleep log, PHQ-9/GAD-7 every 14 days. "
        "Installed into systemd, cron or launchd; `--dry-run` shows exactly what."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

Kind = Annotated[str, typer.Argument(metavar="KIND", help="checkin, sleep, phq9 or gad7.")]


def _reminders(state: AppState) -> Reminders:
    return Reminders(state.settings.data_dir)


@remind_app.command("add")
def add(
    ctx: typer.Context,
    kind: Kind,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="Time of day, e.g. 21:00 or 9pm [default: checkin 21:00, "
            "sleep 08:00, phq9/gad7 10:00].",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="systemd, cron, launchd or windows [default: this machine's]."
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be installed; change nothing.")
    ] = False,
    json_: Json = False,
) -> None:
    """Set a reminder (setting one again moves it to the new time)."""
    from psymitrix_cli.ui.views import reminders as views

    state = AppState.of(ctx, json_)
    service = _reminders(state)
    if dry_run:
        state.term.emit(service.dry_run(kind, at, scheduler), views.dry_run)
    else:
        state.term.emit(service.add(kind, at, scheduler), views.added)


@remind_app.command("list")
def list_(ctx: typer.Context, json_: Json = False) -> None:
    """The reminders set on this machine."""
    from psymitrix_cli.ui.views import reminders as views

    state = AppState.of(ctx, json_)
    state.term.emit({"reminders": _reminders(state).list()}, views.listing)


@remind_app.command("remove")
def remove(ctx: typer.Context, kind: Kind, json_: Json = False) -> None:
    """Remove a reminder from the scheduler."""
    from psymitrix_cli.ui.views import reminders as views

    state = AppState.of(ctx, json_)
    state.term.emit(_reminders(state).remove(kind), views.removed)


@remind_app.command("fire")
def fire(
    ctx: typer.Context,
    kind: Kind,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No line on stdout.")] = False,
) -> None:
    """What the scheduler runs: a notification, unless the thing is done already."""
    from psymitrix_cli.domain import reminders as rules

    state = AppState.of(ctx)
    spec = rules.kind_of(kind)
    if not _still_due(state, spec):
        if not quiet:
            state.term.line(messages.REMIND_NOT_DUE.format(kind=spec.name))
        return
    _reminders(state).notify(spec.nudge)
    if not quiet:
        state.term.line(spec.nudge)  # also the fallback where no notification can show


def _still_due(state: AppState, spec: ReminderKind) -> bool:
    """If the dashboard can't be read (logged out, offline), remind anyway: a reminder
    shown once too often is better than one that silently never shows."""
    from psymitrix_cli.domain import reminders as rules

    try:
        status = state.backend.dashboard.status()
    except Exception:
        return True
    return rules.still_due(spec, status, state.clock.now())


def register(app: typer.Typer) -> None:
    app.add_typer(remind_app, name="remind")
