"""Lists that fit the terminal: every fixed column whole, the text column takes the rest.

Rich shrinks columns on its own when a table is too wide, and at 80 columns it gave
Mood and Tags no width and cut dates and IDs, so an ID could not be copied. Here the
widths are worked out first: dates, moods and IDs keep their full width, tags get a
bounded share, and only the free-text column is shortened (with an ellipsis).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from psymitrix_cli.ui.terminal import Terminal

SEPARATOR = 3  # " │ " between columns
MIN_TEXT = 12  # below this the text column is not worth showing whole rows for


@dataclass(frozen=True)
class Column:
    header: str
    kind: Literal["fixed", "bounded", "text"] = "fixed"
    style: str | None = None
    justify: Literal["left", "right"] = "left"
    bound: int = 16  # the widest a "bounded" column (tags) may be


def _plain_len(cell: Any) -> int:
    from rich.text import Text

    # A plain string in a rich table is markup ("[green]done[/green]"): measure what shows.
    return (cell if isinstance(cell, Text) else Text.from_markup(str(cell))).cell_len


def fitted(term: Terminal, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> Any:
    """A rich Table whose columns add up to the terminal's width (80 in a pipe)."""
    from rich.table import Table

    natural = [
        max([_plain_len(c.header), *(_plain_len(row[i]) for row in rows)])
        for i, c in enumerate(columns)
    ]
    widths = [
        min(n, c.bound) if c.kind == "bounded" else n for n, c in zip(natural, columns, strict=True)
    ]
    total = term.out.width - SEPARATOR * (len(columns) - 1)
    text_columns = [i for i, c in enumerate(columns) if c.kind == "text"]
    others = sum(w for i, w in enumerate(widths) if i not in text_columns)
    for i in text_columns:
        widths[i] = max(MIN_TEXT, min(natural[i], (total - others) // len(text_columns)))
    table = Table(show_edge=False, pad_edge=False, expand=False)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(
            column.header,
            style=column.style,
            justify=column.justify,
            no_wrap=True,
            overflow="ellipsis",
            width=width,
        )
    for row in rows:
        table.add_row(*row)
    return table


def short_ids(items: Sequence[dict[str, Any]], least: int = 8) -> list[str]:
    """Each row's ID cut to the shortest prefix (at least `least` characters) that tells
    the rows apart: short enough to fit and type, and any unique prefix is accepted."""
    ids = [str(item["id"]) for item in items]
    size = least
    while size < max((len(i) for i in ids), default=0) and len({i[:size] for i in ids}) < len(ids):
        size += 1
    return [i[:size] for i in ids]
