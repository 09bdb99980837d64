"""help-now: crisis lines, grounding steps and the person's safety plan, at once.

Needs no login and no network, and never fails for want of them: the lines and
steps are printed first, from fixed text, before anything is read. Only then, if a
token is readable, the plan: from the embedded SQLite store on the local backend,
else from the copy `safety-plan` keeps in the data dir (never over the network).
"""

from __future__ import annotations

import os
from typing import Any

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState


def _local_line(state: AppState) -> str | None:
    try:
        return state.settings.crisis_line
    except Exception:  # a broken config file must not hide the numbers
        return os.environ.get("PSYMITRIX_CRISIS_LINE") or None


def _plan(state: AppState) -> dict[str, Any] | None:
    """The plan if it can be read here and now; None otherwise, whatever went wrong."""
    try:
        token = state.credentials.get()
    except Exception:
        return None
    if not token:
        return None
    try:
        if _local_store_exists(state):
            plan = state.backend.safety_plan.get()
            return plan if plan.get("exists") else None
    except Exception:  # an expired token, a locked file: the local copy may still do
        return _remembered(state, token)
    return _remembered(state, token)


def _local_store_exists(state: AppState) -> bool:
    """The local backend's SQLite file is there (help-now never creates a store)."""
    settings = state.settings
    if settings.backend != "local":
        return False
    from psymitrix_cli.store.factory import store_location

    return os.path.exists(store_location(settings))


def _remembered(state: AppState, token: str) -> dict[str, Any] | None:
    from psymitrix_cli.cli.plan_copy import remembered

    try:
        return remembered(state, token)
    except Exception:
        return None


def help_now(ctx: typer.Context, json_: Json = False) -> None:
    """Crisis lines, grounding steps and your safety plan. No login or network needed."""
    from psymitrix_cli.domain import crisis

    state = AppState.of(ctx, json_)
    term = state.term
    line = _local_line(state)
    if term.json_mode:
        resources = crisis.crisis_resources(line)
        term.json(
            {
                "resources": [r.__dict__ for r in resources],
                "grounding": list(crisis.GROUNDING),
                "plan": _plan(state),
            }
        )
        return
    from rich.panel import Panel
    from rich.text import Text

    body = f"{crisis.HELP_NOW_OPENING}\n\n{crisis.resource_lines(line)}"
    term.print(Panel(Text(body), title="Help, now", border_style="red"))
    steps = "\n".join(f"{i}. {step}" for i, step in enumerate(crisis.GROUNDING, 1))
    term.print(Panel(Text(steps), title="A few steps to get through the next minutes"))
    term.out.file.flush()
    plan = _plan(state)
    if plan is None:
        term.line(crisis.HELP_NOW_NO_PLAN, style="dim")
        return
    from psymitrix_cli.ui.views.safety_plan import plan_panel

    plan_panel(term, plan, title="Your safety plan")


def register(app: typer.Typer) -> None:
    app.command("help-now", rich_help_panel="Safety")(help_now)
