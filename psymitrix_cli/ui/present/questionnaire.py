"""Read-aloud questionnaires: one PHQ-9 / GAD-7 item at a time in large type, then the
result with every item's score beside the total and band.

Scoring, bands and the item-9 rule are `domain.assessments`'; the crisis panel is
`ui.views.crisis`' own, drawn into the full screen (and printed again once it is gone,
so the resources stay in the scrollback).
"""

from __future__ import annotations

import io
import textwrap
from typing import Any, Literal

from psymitrix_cli.domain.assessments import SCREENING_NOTE, Instrument
from psymitrix_cli.messages import present as words
from psymitrix_cli.ui.present import font
from psymitrix_cli.ui.present.breathing import Look, centre, header
from psymitrix_cli.ui.present.screen import Screen
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.views.crisis import PlanSource

Stop = Literal["left", "interrupted"]


def _wrapped(text: str, columns: int, role: str, look: Look) -> list[str]:
    theme = look.theme
    return [
        theme.row(centre(line, columns, theme.paint(line, role)))
        for line in textwrap.wrap(text, max(20, min(columns - 4, 100)))
    ]


def _big_lines(lines: list[str], size: tuple[int, int], columns: int, role: str, look: Look):
    theme = look.theme
    rows: list[str] = []
    for number, line in enumerate(lines):
        if number:
            rows.append("")
        rows += [
            theme.row(centre(row, columns, theme.paint(row, role))) for row in font.big(line, size)
        ]
    return rows


def item_layout(
    instrument: Instrument, index: int, chosen: int, columns: int, rows: int, look: Look
) -> list[str]:
    """The screen for item `index` (0-based) with answer `chosen` highlighted."""
    theme = look.theme
    title = words.ITEM_TITLE.format(
        name=instrument.name, number=index + 1, count=len(instrument.items)
    )
    keys = words.ITEM_KEYS
    top = [header(title, columns, look), "", *_wrapped(instrument.framing, columns, "dim", look)]
    bottom = [theme.row(centre(keys, columns, theme.paint(keys, "dim")))]

    # The answers as one left-aligned block, the chosen one marked (visible without colour).
    texts = [f"{value}  {choice}" for value, choice in enumerate(instrument.choices)]
    block = max(len(t) for t in texts) + 4
    indent = " " * max(0, (columns - block) // 2)
    listed = []
    for value, text in enumerate(texts):
        mark, role = ("›", "chosen") if value == chosen else (" ", "title")
        cell = f"{mark} {text}".ljust(block)
        listed += [theme.row(indent + theme.paint(cell, role)), ""]
    room = rows - len(top) - len(listed) - len(bottom) - 2
    question = instrument.items[index]
    fitted = font.wrap(question, columns - 4, room)
    if fitted is not None:
        asked = _big_lines(fitted[0], fitted[1], columns, "inhale", look)
    else:
        asked = _wrapped(question, columns, "inhale", look)
    body = [*top, "", *asked, "", *listed]
    body += [""] * max(0, rows - len(body) - len(bottom))
    return [*body[: rows - len(bottom)], *bottom]


def ask(screen: Screen, instrument: Instrument, look: Look) -> list[int] | Stop:
    """Every item in turn: 0-3 answers at once, arrows and Enter choose, ← or Backspace
    go back one item; q or Esc leave, Ctrl-C interrupts."""
    answers: list[int] = []
    chosen = 0
    try:
        while len(answers) < len(instrument.items):
            screen.draw(item_layout(instrument, len(answers), chosen, *screen.size(), look))
            for key in screen.keys(timeout=0.5):
                if key in ("q", "escape"):
                    return "left"
                if key == "interrupt":
                    return "interrupted"
                if key in ("up", "down"):
                    chosen = (chosen + (1 if key == "down" else -1)) % len(instrument.choices)
                elif key in ("left", "backspace") and answers:
                    chosen = answers.pop()
                elif key == "enter" or (key.isdigit() and int(key) < len(instrument.choices)):
                    answers.append(chosen if key == "enter" else int(key))
                    chosen = 0
                    if len(answers) == len(instrument.items):
                        break
    except KeyboardInterrupt:  # wherever Ctrl-C lands: drawing, waiting or choosing
        return "interrupted"
    return answers


class _Captured(Terminal):
    """A Terminal whose stdout is a string: to draw an existing view into the full screen."""

    def __init__(self, columns: int, color: bool) -> None:
        super().__init__(no_color=not color)
        from rich.console import Console

        self._console_out = Console(
            file=io.StringIO(),
            width=columns,
            force_terminal=color,
            color_system="standard" if color else None,
            no_color=not color,
            highlight=False,
            emoji=False,
        )

    @property  # type: ignore[override]
    def out(self) -> Any:
        return self._console_out

    def rows(self) -> list[str]:
        return self._console_out.file.getvalue().splitlines()


def crisis_rows(
    columns: int, local_line: str | None, color: bool, plan: PlanSource = None
) -> list[str]:
    """The crisis panel, as `ui.views.crisis` draws it, as rows of this width."""
    from psymitrix_cli.ui.views.crisis import crisis_panel

    captured = _Captured(columns, color)
    crisis_panel(captured, local_line, setting="questionnaire", plan=plan)
    return captured.rows()


def result_layout(
    instrument: Instrument, result: dict[str, Any], columns: int, rows: int, look: Look
) -> list[str]:
    """The total and band in large type, and beside them every item with its score."""
    theme = look.theme
    total = f"{result['total']}/{instrument.max_total}"
    band = str(result["severity"])
    left_width = max(columns // 3, font.width(total, (1, 1)) + 2)
    size = font.fit(total, left_width - 2, max(font.ROWS, rows // 3)) or (1, 1)
    left = [theme.paint(r, "band") for r in font.big(total, size)]
    band_size = font.fit(band, left_width - 2, font.height(size))
    shown = font.big(band, band_size) if band_size else [band.upper()]
    left += ["", *[theme.paint(r, "band") for r in shown]]
    right_width = min(columns - left_width - 2, 96)
    right: list[str] = [theme.paint(words.BREAKDOWN, "title")]
    for number, (item, score) in enumerate(zip(instrument.items, result["answers"], strict=True)):
        label = f"{number + 1}. "
        room = max(8, right_width - len(label) - 4)
        text = item if len(item) <= room else item[: room - 1] + "…"
        line = f"{label}{text:<{room}}  {score}"
        alert = result.get("crisis") and number == len(instrument.items) - 1 and score > 0
        right.append(theme.paint(line, "alert" if alert else "title" if score else "dim"))
    lines = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        pad = left_width - _visible(a)
        lines.append(theme.row(" " + a + " " * max(1, pad) + b))
    title = words.RESULT_TITLE.format(name=instrument.name)
    frame = [header(title, columns, look), "", *lines, ""]
    frame += _wrapped(SCREENING_NOTE, columns, "dim", look)
    if result.get("nextStep"):
        frame += _wrapped(str(result["nextStep"]), columns, "title", look)
    if result.get("crisis"):
        frame += ["", *_wrapped(words.ITEM9_NEXT, columns, "alert", look)]
    keys = words.RESULT_KEYS_CRISIS if result.get("crisis") else words.RESULT_KEYS
    frame += [""] * max(0, rows - len(frame) - 1)
    return [*frame[: rows - 1], theme.row(centre(keys, columns, theme.paint(keys, "dim")))]


def crisis_layout(
    columns: int, rows: int, look: Look, panel: list[str], offset: int = 0
) -> tuple[list[str], int]:
    """The crisis panel (rows drawn at `crisis_width(columns)`), scrolled by `offset` rows
    when the window is too short for all of it; returns the frame and the offset used."""
    theme = look.theme
    indent = " " * max(0, (columns - crisis_width(columns)) // 2)
    room = rows - 3  # header, a gap, the keys
    offset = max(0, min(offset, len(panel) - room))
    shown = panel[offset : offset + room]
    frame = [header(words.CRISIS_TITLE, columns, look), ""]
    frame += [indent + row for row in shown]
    frame += [""] * max(0, rows - len(frame) - 1)
    keys = words.CRISIS_KEYS if len(panel) <= room else words.CRISIS_KEYS_SCROLL
    return [*frame[: rows - 1], theme.row(centre(keys, columns, theme.paint(keys, "dim")))], offset


def crisis_width(columns: int) -> int:
    return min(columns - 2, 100)


def show_result(
    screen: Screen,
    instrument: Instrument,
    result: dict[str, Any],
    look: Look,
    local_line: str | None,
    plan: PlanSource = None,
) -> None:
    """The result until q, Esc or Enter; after a positive item 9, the crisis panel next,
    which cannot be skipped on the way out (↑ ↓ scroll it in a short window)."""
    panels: dict[int, list[str]] = {}  # by width: the plan is fetched once, not per frame

    def crisis(columns: int) -> list[str]:
        width = crisis_width(columns)
        if width not in panels:
            panels[width] = crisis_rows(width, local_line, bool(look.theme.codes), plan)
        return panels[width]

    pages = 2 if result.get("crisis") else 1
    page, offset = 0, 0
    while True:
        try:
            columns, rows = screen.size()
            if page == 0:
                screen.draw(result_layout(instrument, result, columns, rows, look))
            else:
                frame, offset = crisis_layout(columns, rows, look, crisis(columns), offset)
                screen.draw(frame)
            keys = screen.keys(timeout=0.5)
        except KeyboardInterrupt:
            keys = ["interrupt"]
        for key in keys:
            if key in ("q", "escape", "enter", "interrupt", "space", "right"):
                if page + 1 < pages:
                    page += 1
                    break
                return
            if key in ("left", "backspace") and page:
                page -= 1
            elif key in ("up", "down"):
                offset += 1 if key == "down" else -1


def _visible(text: str) -> int:
    from psymitrix_cli.ui.present.theme import visible

    return visible(text)
