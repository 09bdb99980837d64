"""The doctor's table."""

from __future__ import annotations

from typing import Any

from psymitrix_cli.ui.terminal import Terminal

_MARK = {
    "ok": "[green]✓ ok[/green]",
    "warn": "[yellow]! warn[/yellow]",
    "fail": "[red]✗ fail[/red]",
}


def report(term: Terminal, result: dict[str, Any]) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(box=None, padding=(0, 2), header_style="bold")
    table.add_column("check")
    table.add_column("")
    table.add_column("detail")
    for check in result["checks"]:
        table.add_row(check["name"], _MARK[check["level"]], escape(check["detail"]))
    term.print(table)
