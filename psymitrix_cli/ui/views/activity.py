"""How activities look to a person: planned or done, and how they felt."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time


def _state(item: dict[str, Any]) -> str:
    if item.get("done"):
        return "[green]done[/green]"
    return f"[yellow]planned {item['planned']}[/yellow]" if item.get("planned") else "planned"


def _felt(item: dict[str, Any]) -> str:
    parts = []
    if item.get("moodBefore") is not None or item.get("moodAfter") is not None:
        before, after = item.get("moodBefore"), item.get("moodAfter")
        parts.append(f"mood {before if before is not None else '?'}→{after or '?'}")
    for name in ("mastery", "pleasure"):
        if item.get(name) is not None:
            parts.append(f"{name} {item[name]}/10")
    return ", ".join(parts)


def saved(term: Terminal, result: dict[str, Any], local_line: str | None) -> None:
    verb = messages.ACTIVITY_DONE if result.get("done") else messages.ACTIVITY_PLANNED
    term.success(messages.ACTIVITY_SAVED.format(verb=verb, text=result["text"], id=result["id"]))
    from psymitrix_cli.ui.views.crisis import after_entry

    after_entry(term, result, local_line)


def entries(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    from rich.text import Text

    from psymitrix_cli.ui.tables import Column, fitted, short_ids

    columns = (
        Column("When"),
        Column(""),
        Column("Activity", kind="text"),
        Column("How it felt", kind="bounded", bound=24),
        Column("ID", style="dim"),
    )
    shorts = short_ids(result["items"])
    rows = [
        (local_time(i["at"], timezone), _state(i), Text(i["text"]), _felt(i), short)
        for i, short in zip(result["items"], shorts, strict=True)
    ]
    term.print(fitted(term, columns, rows))


def entry(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("Activity", Text(result["text"]))
    table.add_row("When", local_time(result["at"], timezone))
    table.add_row("State", _state(result))
    if result.get("done") and result.get("planned"):
        table.add_row("Planned for", result["planned"])
    if result.get("doneAt"):
        table.add_row("Done at", local_time(result["doneAt"], timezone))
    table.add_row("How it felt", _felt(result) or "—")
    if result.get("tags"):
        table.add_row("Tags", Text(" ".join(f"#{t}" for t in result["tags"]), style="cyan"))
    table.add_row("ID", Text(result["id"], style="dim"))
    term.print(table)
