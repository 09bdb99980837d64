"""How sleep entries and their averages look to a person."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain.journal import SLEEP_SCORE_MAX
from psymitrix_cli.ui.terminal import Terminal


def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:g} h"


def _bar(score: int) -> str:
    return "█" * score + "·" * (SLEEP_SCORE_MAX - score)


def logged(term: Terminal, result: dict[str, Any]) -> None:
    verb = messages.SLEEP_REPLACED if result.get("replaced") else messages.SLEEP_LOGGED
    hours = f", {_hours(result['hours'])}" if result.get("hours") is not None else ""
    term.success(
        messages.SLEEP_SAVED.format(
            verb=verb,
            date=result["date"],
            score=result["score"],
            sleep_score_max=SLEEP_SCORE_MAX,
            hours=hours,
        )
    )


def _average_line(label: str, average: dict[str, Any] | None) -> str:
    if average is None:
        return messages.SLEEP_AVERAGE_NONE.format(label=label)
    nights = average["nights"]
    hours = f" · {_hours(average['hours'])}" if average.get("hours") is not None else ""
    return messages.SLEEP_AVERAGE.format(
        label=label,
        score=average["score"],
        most=SLEEP_SCORE_MAX,
        hours=hours,
        nights=nights,
        s="s" if nights != 1 else "",
    )


def entries(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    """A page of nights, then the 7- and 30-night averages."""
    from rich.text import Text

    from psymitrix_cli.ui.tables import Column, fitted

    columns = (
        Column("Night of"),
        Column("Score"),
        Column("", style="blue"),
        Column("Hours", justify="right"),
        Column("Note", kind="text"),
    )
    rows = [
        (
            item["date"],
            f"{item['score']}/{SLEEP_SCORE_MAX}",
            _bar(item["score"]),
            _hours(item.get("hours")),
            Text(item.get("note") or ""),
        )
        for item in result["items"]
    ]
    term.print(fitted(term, columns, rows))
    term.line(_average_line(messages.SLEEP_LAST_7, result.get("average7")))
    term.line(_average_line(messages.SLEEP_LAST_30, result.get("average30")))


def entry(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("Night of", result["date"])
    table.add_row("Score", f"{result['score']}/{SLEEP_SCORE_MAX}  {_bar(result['score'])}")
    table.add_row("Hours", _hours(result.get("hours")))
    table.add_row("Note", Text(result.get("note") or "—"))
    term.print(table)
