"""How a kind's tag counts look: a two-column table, most used first."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal


def tag_table(term: Terminal, result: dict[str, Any]) -> None:
    from psymitrix_cli.ui.tables import Column, fitted

    counted = result["tags"]
    if not counted:
        term.line(messages.NO_TAGS_YET)
        return
    rows = [(f"#{row['tag']}", str(row["count"])) for row in counted]
    term.print(fitted(term, (Column("Tag"), Column("Entries", justify="right")), rows))
