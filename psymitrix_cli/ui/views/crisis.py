"""The crisis-resources panel, and what follows an entry the screen is worried about.

One rendering for PHQ-9 item 9, journal, gratitude and check-in entries, and chat.
The person's own safety plan, when they have one, leads the panel: it is what they
wrote for this moment. `plan` is a callable so the plan is only fetched when a panel
is actually shown (and a failure to fetch it never hides the numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from psymitrix_cli.ui.terminal import Terminal

Plan = dict[str, Any]
PlanSource = Callable[[], Plan | None] | None
_TIERS = {"none": 0, "concern": 1, "acute": 2}


def shown_plan(source: PlanSource) -> Plan | None:
    """The plan to lead a crisis panel with, or None (none written, or unreadable)."""
    if source is None:
        return None
    try:
        plan = source()
    except Exception:  # never let a plan that can't be read hide the crisis lines
        return None
    return plan if plan and plan.get("exists") else None


def crisis_panel(
    term: Terminal,
    local_line: str | None,
    in_chat: bool = False,
    *,
    setting: str | None = None,
    kind: str | None = None,
    plan: PlanSource = None,
) -> None:
    """Show the person's safety plan (if any), then the fixed, human-written crisis
    message with its resources.

    It goes to stdout like any result. JSON results carry `"crisis": true` so scripts
    can act on it, and `--json` runs get a one-line notice on stderr (`json_notice`).
    """
    from rich.panel import Panel
    from rich.text import Text

    from psymitrix_cli.domain.crisis import crisis_notice

    shown = shown_plan(plan)
    if shown is not None:
        from psymitrix_cli.ui.views.safety_plan import plan_panel

        plan_panel(term, shown, title="Your safety plan")
    where = setting or ("chat" if in_chat else "entry")
    body = Text(crisis_notice(local_line, setting=where, kind=kind))  # type: ignore[arg-type]
    term.print(Panel(body, title="You don't have to go through this alone", border_style="red"))


# --- after an entry -----------------------------------------------------------------------


def _parts(result: Any) -> Iterable[dict[str, Any]]:
    """The screened parts of a write: the entry itself, or each part of a check-in."""
    if not isinstance(result, dict):
        return ()
    if "safetyTier" in result:
        return (result,)
    return [p for p in result.values() if isinstance(p, dict) and "safetyTier" in p]


def worst(result: Any) -> tuple[str, str | None]:
    """The highest tier among a write's parts, and the kind that raised it."""
    tier, kind = "none", None
    for part in _parts(result):
        found = str(part.get("safetyTier") or "none")
        if _TIERS.get(found, 0) > _TIERS[tier] or (found == tier and kind is None):
            tier, kind = found, part.get("safetyKind") or kind
    return tier, kind


def after_entry(
    term: Terminal, result: Any, local_line: str | None, plan: PlanSource = None
) -> None:
    """The crisis panel when the entry calls for it; at concern, at any mood, one line
    with the numbers (human output; `json_notice` covers --json)."""
    tier, kind = worst(result)
    if isinstance(result, dict) and result.get("crisis"):
        crisis_panel(term, local_line, kind=kind, plan=plan)
    elif tier != "none":
        from psymitrix_cli.domain.crisis import resources_line

        term.line(resources_line(local_line, kind=kind), style="bold")
    if any(part.get("screenedAsEnglish") is False for part in _parts(result)):
        from psymitrix_cli.domain.safety.wording import ENGLISH_FIRST

        term.line(ENGLISH_FIRST, style="dim")


def json_notice(term: Terminal, result: Any, local_line: str | None) -> None:
    """A `--json` run: one human line on stderr when what was written is at concern or
    acute (stdout stays machine-readable). A write kept in the outbox says `crisis`."""
    if not term.json_mode:
        return
    from psymitrix_cli.domain.crisis import stderr_notice

    tier, kind = worst(result)
    queued = bool(getattr(result, "crisis", False))
    if tier != "none" or queued:
        term.notice(stderr_notice(local_line, kind=kind))
