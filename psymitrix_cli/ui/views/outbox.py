"""How a write kept in the outbox is told to the person: once, on stderr, with the
crisis resources the server would have shown (decided by the same domain rules)."""

from __future__ import annotations

from psymitrix_cli import messages
from psymitrix_cli.backends.base import Queued
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.views.crisis import PlanSource, shown_plan


def _crisis_text(local_line: str | None) -> str:
    from psymitrix_cli.domain.crisis import crisis_resources

    lines = [f"- {r.name}: {r.contact}\n  {r.detail}" for r in crisis_resources(local_line)]
    return "\n\n".join(
        [messages.QUEUED_CRISIS_OPENING, "\n".join(lines), messages.ENTRY_CRISIS_CLOSING]
    )


def queued(
    term: Terminal, outcome: Queued, crisis_line: str | None, plan: PlanSource = None
) -> None:
    """Exit 0, not 4: nothing was lost and nothing needs fixing now; the notice says what
    happened and what to run later. `--json` gets the outcome on stdout. With the server
    out of reach, the person's plan comes from the copy kept on this device."""
    term.notice(messages.QUEUED_NOTICE.format(id=outcome.outbox_id))
    if term.json_mode:
        term.json(outcome.to_json())
    elif outcome.crisis:
        own = shown_plan(plan)
        if own is not None:
            from psymitrix_cli.ui.views.safety_plan import plan_panel

            plan_panel(term, own, title="Your safety plan")
        term.line(_crisis_text(crisis_line))
