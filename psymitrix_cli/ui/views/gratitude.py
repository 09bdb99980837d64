"""How gratitude entries look to a person."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time

if TYPE_CHECKING:
    from psymitrix_cli.ui.views.crisis import PlanSource


def _items(result: dict[str, Any]) -> Any:
    from rich.text import Text

    body = Text()
    for i, item in enumerate(result["items"], 1):
        body.append(f"{i}. ", style="bold")
        body.append(item + ("\n" if i < len(result["items"]) else ""))
    return body


def saved(
    term: Terminal,
    result: dict[str, Any],
    local_line: str | None = None,
    plan: PlanSource = None,
) -> None:
    count = len(result["items"])
    term.success(messages.GRATITUDE_SAVED.format(count=count, s="s" if count > 1 else ""))
    term.line(messages.ENTRY_ID_LINE.format(id=result["id"]), style="dim")
    from psymitrix_cli.ui.views.crisis import after_entry

    after_entry(term, result, local_line, plan)


def entries(term: Terminal, result: dict[str, Any], timezone: str) -> None:
    from psymitrix_cli.ui.tables import Column, fitted, short_ids

    columns = (Column("When"), Column("Grateful for", kind="text"), Column("ID", style="dim"))
    shorts = short_ids(result["items"])
    rows = [
        (local_time(i["at"], timezone), _items(i), short)
        for i, short in zip(result["items"], shorts, strict=True)
    ]
    term.print(fitted(term, columns, rows))


def entry(term: Terminal, result: dict[str, Any], timezone: str) -> None:
    from rich.panel import Panel

    title = f"Grateful for · {local_time(result['at'], timezone)}"
    term.print(Panel(_items(result), title=title, title_align="left", expand=False))
    term.line(messages.ENTRY_ID_LINE.format(id=result["id"]), style="dim")


def reflection(term: Terminal, result: dict[str, Any] | None, timezone: str | None) -> None:
    from rich.panel import Panel

    if result is None or timezone is None:
        term.line(messages.GRATITUDE_NOTHING_TO_REFLECT)
        return
    day = local_time(result["at"], timezone)[:10]
    title = f"A moment from {day}"
    term.print(Panel(_items(result), title=title, title_align="left", border_style="green"))
    term.line(messages.GRATITUDE_REFLECT_NUDGE, style="dim")


def ask_items(term: Terminal, most: int, check: Callable[[Sequence[str]], list[str]]) -> list[str]:
    """Up to `most` items, one per prompt; an empty answer after the first one ends it."""
    from rich.prompt import Prompt

    from psymitrix_cli.errors import InvalidInput

    term.line(messages.GRATITUDE_ASK.format(most=most), style="bold")
    items: list[str] = []
    while len(items) < most:
        answer = Prompt.ask(f"{len(items) + 1}", console=term.out, default="", show_default=False)
        if not answer.strip():
            if items:
                break
            continue
        try:
            items.append(check([answer])[0])
        except InvalidInput as exc:
            term.error(exc.message)
    return items
