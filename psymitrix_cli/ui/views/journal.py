"""How journal entries look to a person (and the crisis panel when an entry calls for it).

Whatever a person wrote is rendered as rich.text.Text, never parsed as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.ui import timefmt
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time

if TYPE_CHECKING:
    from rich.text import Text

    from psymitrix_cli.ui.views.crisis import PlanSource

EXCERPT = 80


def excerpt(text: str, width: int = EXCERPT) -> str:
    return timefmt.excerpt(text, width)


def mood(entry: dict[str, Any]) -> str:
    return f"{entry['mood']} {entry['moodLabel']}" if entry.get("mood") else "—"


def _plain(text: str, style: str | None = None) -> Text:
    from rich.text import Text

    return Text(text, style=style or "")


def more_hint(term: Terminal, command: str, cursor: str | None) -> None:
    if cursor:
        term.line(messages.MORE_ENTRIES.format(command=command, cursor=cursor), style="dim")


def saved(
    term: Terminal,
    result: dict[str, Any],
    local_line: str | None,
    verb: str,
    plan: PlanSource = None,
) -> None:
    tags = f" #{' #'.join(result['tags'])}" if result.get("tags") else ""
    term.success(
        messages.JOURNAL_SAVED.format(verb=verb, id=result["id"], mood=mood(result), tags=tags)
    )
    from psymitrix_cli.ui.views.crisis import after_entry

    after_entry(term, result, local_line, plan)


def entries(term: Terminal, result: dict[str, Any], timezone: str) -> None:
    from psymitrix_cli.ui.tables import Column, fitted, short_ids

    columns = (
        Column("When"),
        Column("Mood"),
        Column("Tags", kind="bounded"),
        Column("Entry", kind="text"),
        Column("ID", style="dim"),
    )
    rows = [
        (
            local_time(item["at"], timezone),
            mood(item),
            _plain(" ".join(f"#{t}" for t in item.get("tags") or ()), "cyan"),
            _plain(excerpt(item["text"])),
            short,
        )
        for item, short in zip(result["items"], short_ids(result["items"]), strict=True)
    ]
    term.print(fitted(term, columns, rows))


def entry(term: Terminal, result: dict[str, Any], timezone: str) -> None:
    from rich.panel import Panel

    header = f"{local_time(result['at'], timezone)} · mood {mood(result)}"
    if result.get("tags"):
        header += " · " + " ".join(f"#{t}" for t in result["tags"])
    term.print(Panel(_plain(result["text"]), title=_plain(header), title_align="left"))
    term.line(messages.ENTRY_ID_LINE.format(id=result["id"]), style="dim")
