"""The plan for crisis panels, and the local copy of it that `help-now` reads.

Kept apart from cli/safety_plan.py (the commands) so the journal, gratitude, check-in
and questionnaire commands import only this: the plan is fetched only when a panel
is shown. The copy lives in the data dir (0600, atomic), with the account it belongs
to, so help-now can show it offline on any backend; logout and account deletion
remove it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psymitrix_cli.cli.state import AppState

CACHE_FILE = "safety-plan.json"


def cache_path(state: AppState) -> Path:
    return state.settings.data_dir / CACHE_FILE


def remember(state: AppState, plan: dict[str, Any]) -> None:
    """Keep the plan for help-now, with whose it is; a failure here never fails the command."""
    try:
        from psymitrix_cli.backends.outbox import token_subject

        token = state.credentials.get()
        owner = token_subject(token) if token else None
        path = cache_path(state)
        if owner is None or not plan.get("exists"):
            path.unlink(missing_ok=True)
            return
        from psymitrix_cli.fsutil import atomic_write_text

        atomic_write_text(path, json.dumps({"owner": owner, "plan": plan}, ensure_ascii=False))
    except Exception:  # a cache: the plan itself is saved already
        return


def forget_local_copy(state: AppState) -> None:
    """Logging out or deleting the account leaves no copy of the plan on this machine."""
    try:
        cache_path(state).unlink(missing_ok=True)
    except OSError:
        return


def remembered(state: AppState, token: str) -> dict[str, Any] | None:
    """The copy kept for this token's account, or None."""
    from psymitrix_cli.backends.outbox import token_subject

    try:
        data = json.loads(cache_path(state).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("owner") != token_subject(token):
        return None
    plan = data.get("plan")
    return plan if isinstance(plan, dict) and plan.get("exists") else None


def crisis_plan(state: AppState) -> Callable[[], dict[str, Any] | None]:
    """For crisis panels: the plan, fetched only when a panel is shown; the local copy
    when the backend can't answer (the panel never waits on, or fails for, the plan)."""

    def load() -> dict[str, Any] | None:
        try:
            plan = state.backend.safety_plan.get()
        except Exception:
            try:
                token = state.credentials.get()
            except Exception:  # no token, no plan
                return None
            return remembered(state, token) if token else None
        remember(state, plan)
        return plan

    return load
