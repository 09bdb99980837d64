"""The status dashboard and the check-in summary."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal

_BARS = "▁▂▃▄▅▆▇█"
_BAND_STYLE = {
    "minimal": "green",
    "mild": "yellow",
    "moderate": "dark_orange",
    "moderately severe": "red",
    "severe": "bold red",
}


def sparkline(values: list[float | None], low: float, high: float) -> str:
    """One character per day; a gap (·) where nothing was logged."""
    span = high - low
    out = []
    for value in values:
        if value is None:
            out.append("·")
        else:
            index = round((min(max(value, low), high) - low) / span * (len(_BARS) - 1))
            out.append(_BARS[index])
    return "".join(out)


def _check(done: bool) -> str:
    return "[green]✓[/green]" if done else "[dim]·[/dim]"


def status(term: Terminal, data: dict[str, Any]) -> None:
    from rich.table import Table

    streak = data["streak"]
    rest = f"  [dim]{messages.STREAK_REST_DAY}[/dim]" if streak.get("restingYesterday") else ""
    term.print(
        messages.DASHBOARD_STREAK.format(
            days=streak["current"],
            s="s" if streak["current"] != 1 else "",
            longest=streak["longest"],
            rest=rest,
        )
    )
    today = data["today"]
    checks = "  ".join(f"{_check(done)} {name}" for name, done in today.items())
    term.print(messages.DASHBOARD_TODAY.format(date=data["date"], checks=checks))
    for name, result in data["assessments"].items():
        if result is None:
            term.print(messages.DASHBOARD_NOT_TAKEN.format(name=name))
        else:
            style = _BAND_STYLE.get(result["severity"], "")
            term.print(
                f"[bold]{name}[/bold] {result['total']} [{style}]{result['severity']}[/{style}]"
                f"  [dim]{result['takenAt'][:10]}[/dim]"
            )
    trends = data["trends"]
    term.print(messages.DASHBOARD_MOOD.format(sparkline=sparkline(trends["mood"], 1, 5)))
    term.print(messages.DASHBOARD_SLEEP.format(sparkline=sparkline(trends["sleep"], 1, 10)))
    table = Table(box=None, padding=(0, 2), header_style="bold")
    for column in ("", "total", "7 days", "30 days", "last"):
        table.add_column(
            column, justify="right" if column in ("total", "7 days", "30 days") else "left"
        )
    from psymitrix_cli.domain.entries import DASHBOARD

    for spec in DASHBOARD:
        label, row = spec.title, data["counts"].get(spec.tracker, {})
        if not row:
            continue
        last = (row["lastAt"] or "—")[:10]
        table.add_row(label, str(row["count"]), str(row["last7"]), str(row["last30"]), last)
    term.print(table)


def checkin(term: Terminal, data: dict[str, Any]) -> None:
    parts = []
    if "journal" in data:
        parts.append(f"mood {data['journal'].get('moodLabel') or data['journal'].get('mood')}")
    if "sleep" in data:
        parts.append(f"sleep {data['sleep']['score']}/10")
    if "gratitude" in data:
        parts.append(f"{len(data['gratitude']['items'])} gratitude item(s)")
    known = {"date", "crisis", "updated", "journal", "sleep", "gratitude"}
    parts += [name for name, part in data.items() if name not in known and isinstance(part, dict)]
    if data.get("updated"):
        term.success(messages.CHECKIN_UPDATED.format(day=data["date"], parts=", ".join(parts)))
    else:
        term.success(messages.CHECKIN_DONE.format(parts=", ".join(parts)))
