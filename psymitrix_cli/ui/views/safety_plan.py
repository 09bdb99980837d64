"""How a safety plan looks: a panel of its sections, in the person's own words."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal


def _line(item: Any) -> str:
    if isinstance(item, dict):
        name, phone = item.get("name") or "", item.get("phone")
        return f"{name}: {phone}" if phone else name
    return str(item)


def plan_text(plan: dict[str, Any], *, numbered: bool = False) -> str:
    from psymitrix_cli.domain.safety_plan import SECTIONS

    blocks = []
    for s in SECTIONS:
        items = plan.get(s.key) or []
        if not items:
            continue
        lines = [
            f"  {f'{i}.' if numbered else '-'} {_line(item)}" for i, item in enumerate(items, 1)
        ]
        blocks.append(f"{s.title}\n" + "\n".join(lines))
    return "\n\n".join(blocks)


def plan_panel(term: Terminal, plan: dict[str, Any], *, title: str = "Your safety plan") -> None:
    from rich.panel import Panel
    from rich.text import Text

    # The person's words are Text, never markup.
    term.print(Panel(Text(plan_text(plan)), title=title, border_style="cyan", expand=False))


def show(term: Terminal, plan: dict[str, Any]) -> None:
    if not plan.get("exists"):
        term.line(messages.SAFETY_PLAN_NONE)
        return
    from rich.panel import Panel
    from rich.text import Text

    term.print(Panel(Text(plan_text(plan, numbered=True)), title="Your safety plan", expand=False))
    term.line(
        messages.SAFETY_PLAN_NUMBERS_HINT,
        style="dim",
    )


def saved(term: Terminal, plan: dict[str, Any]) -> None:
    term.success(messages.SAFETY_PLAN_SAVED)
    show(term, plan)


def cleared(term: Terminal, _: Any) -> None:
    term.success(messages.SAFETY_PLAN_DELETED)
