"""The report as Markdown: tables, and each chart as a text sparkline with its scale. Pure.

A chart of more than `DAILY_MAX` points is drawn one character a week (the mean of each
run of 7 points), so a three-month report's line stays short enough to read.
"""

from __future__ import annotations

from collections.abc import Sequence

from psymitrix_cli.domain import mdtext
from psymitrix_cli.domain.report.document import Block, Chart, Document

BLOCKS = "▁▂▃▄▅▆▇█"
NONE = "·"
DAILY_MAX = 31
WEEK = 7


def spark(value: float | None, low: float, high: float) -> str:
    """One character for `value` on low..high: the lowest block at low, the full one at high."""
    if value is None:
        return NONE
    share = (min(max(value, low), high) - low) / (high - low)
    return BLOCKS[int(share * (len(BLOCKS) - 1) + 0.5)]


def chunk_means(values: Sequence[float | None], size: int) -> list[float | None]:
    """The mean of each run of `size` values (None where a run has none)."""
    out: list[float | None] = []
    for start in range(0, len(values), size):
        found = [v for v in values[start : start + size] if v is not None]
        out.append(sum(found) / len(found) if found else None)
    return out


def sparkline(chart: Chart) -> str:
    values: Sequence[float | None] = chart.values
    per = f"a {chart.point}"
    if len(values) > DAILY_MAX:
        values, per = chunk_means(values, WEEK), f"a week (the mean of its {chart.point}s)"
    line = "".join(spark(v, chart.low, chart.high) for v in values)
    span = f"{chart.labels[0]} to {chart.labels[-1]}" if chart.labels else ""
    return (
        f"**{mdtext.inline(chart.title)}** ({span}): `{line}`  \n"
        f"*One character {per}, {chart.scale}; {NONE} none.*"
    )


def _table(block: Block) -> list[str]:
    head, *body = block.rows
    out = ["| " + " | ".join(mdtext.cell(c) for c in head) + " |"]
    out.append("|" + "|".join("---" for _ in head) + "|")
    for i, row in enumerate(body):
        cells = [mdtext.cell(c) for c in row]
        if i in block.marked:
            cells = [f"**{c}**" if c else c for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    return out


def render(doc: Document) -> str:
    out = [f"# {mdtext.inline(doc.title)}", "", mdtext.inline(doc.subtitle), ""]
    for block in doc.blocks:
        if block.kind == "h2":
            out += [f"## {mdtext.inline(block.text)}", ""]
        elif block.kind == "h3":
            out += [f"### {mdtext.inline(block.text)}", ""]
        elif block.kind == "p":
            out += [mdtext.inline(block.text), ""]
        elif block.kind == "note":
            out += [f"> {mdtext.inline(block.text)}", ""]
        elif block.kind == "text":
            out += [mdtext.paragraphs(block.text), ""]
        elif block.kind == "ul":
            out += [f"- {mdtext.line(item)}" for item in block.items] + [""]
        elif block.kind == "table":
            out += [*_table(block), ""]
        elif block.kind == "chart" and block.chart is not None:
            out += [sparkline(block.chart), ""]
    return "\n".join(out).rstrip() + "\n"
