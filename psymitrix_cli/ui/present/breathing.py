"""Present mode for breathing: a shape that fills the window, words readable across a room.

`layout` is a pure function of the guide and the window size (so a resize re-lays out on
the next frame, and tests can look at a frame without a terminal); `play` is the loop:
keys in, the guide advanced by the clock, rows out. The rows are built from a few string
repeats per line, and the screen sends only rows that changed, so a frame costs little.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from psymitrix_cli.clock import Clock
from psymitrix_cli.domain.breathing_guide import Guide
from psymitrix_cli.messages import present as words
from psymitrix_cli.ui.present import font
from psymitrix_cli.ui.present.screen import Screen
from psymitrix_cli.ui.present.theme import Theme, visible

FPS = 10.0
Ending = Literal["completed", "left", "interrupted"]


@dataclass(frozen=True)
class Look:
    theme: Theme
    reduced_motion: bool = False
    demo: bool = False


def centre(text: str, columns: int, painted: str | None = None) -> str:
    """`painted` (or `text`) centred in `columns`; `text` is its visible form."""
    pad = max(0, (columns - len(text)) // 2)
    return " " * pad + (painted if painted is not None else text)


def header(title: str, columns: int, look: Look) -> str:
    theme = look.theme
    left = theme.paint(f" {title}", "title")
    if not look.demo:
        return theme.row(left)
    marker = f" {words.DEMO_MARKER} "
    gap = max(1, columns - len(title) - 1 - len(marker))
    return theme.row(left + " " * gap + theme.paint(marker, "demo"))


def disc(radius: int, fullness: float, role: str, theme: Theme) -> list[str]:
    """A disc 2*radius+1 rows by 4*radius+1 columns; cells are twice as tall as wide."""
    fill = 0.6 + fullness * (radius - 0.65)
    rows = []
    for y in range(-radius, radius + 1):
        inner = _half(fill, y)
        outer = max(inner, _half(radius + 0.45, y))
        edge = 2 * radius - outer
        dots = outer - inner
        blocks = "█" * (2 * inner + 1) if inner >= 0 else ""
        middle = "·" * (2 * outer + 1) if inner < 0 and outer >= 0 else ""
        if blocks:
            row = (
                " " * edge
                + theme.paint("·" * dots, "outline")
                + theme.paint(blocks, role)
                + theme.paint("·" * dots, "outline")
            )
        else:
            row = " " * max(0, edge) + theme.paint(middle, "outline")
        rows.append(row)
    return rows


def _half(radius: float, y: int) -> int:
    """Columns either side of the centre inside `radius` on row y (-1: none)."""
    if abs(y) > radius:
        return -1
    return math.floor(2 * math.sqrt(radius * radius - y * y) + 1e-9)


def bar(columns: int, fullness: float, role: str, theme: Theme) -> str:
    filled = round(columns * fullness)
    return theme.paint("█" * filled, role) + theme.paint("░" * (columns - filled), "outline")


def layout(guide: Guide, columns: int, rows: int, look: Look) -> list[str]:
    """One frame: every row of the screen, styled."""
    theme = look.theme
    at = guide.position()
    role = at.phase.kind
    pattern = guide.pattern
    title = f"{pattern.name} · {pattern.label}"
    count = str(max(1, math.ceil(at.remaining - 1e-9)))
    word = words.PAUSED if guide.paused else at.phase.name.upper()

    # The words: as large as fits in a third of the window, the countdown beside them.
    budget = max(font.ROWS, (rows - 4) // 3)
    said = f"{word} {count}" if not guide.paused else word
    size = font.fit(said, columns - 2, budget)
    small_count = False
    if size is None:
        said, small_count = word, True
        size = font.fit(said, columns - 2, budget)
    word_role = "paused" if guide.paused else role
    big_rows = (
        [
            theme.row(centre(line, columns, theme.paint(line, word_role)))
            for line in font.big(said, size)
        ]
        if size
        else [theme.row(centre(said, columns, theme.paint(said, word_role)))]
    )

    # The status: cycle, progress and pace; the countdown too when it didn't fit above.
    overall = (guide.cycles_done + guide.in_cycle / pattern.cycle_seconds) / guide.planned
    width = max(10, min(40, columns // 4))
    done = round(width * min(1.0, overall))
    status = words.STATUS.format(
        cycle=min(guide.planned, guide.cycles_done + 1),
        planned=guide.planned,
        bar="━" * done + "─" * (width - done),
        percent=f"{overall:4.0%}".strip(),
        pace=round(guide.speed * 100),
    )
    if small_count:
        status = f"{word.capitalize()} {count} · {status}"
    if guide.paused:
        status = f"{status}  ·  {words.PAUSED}"
    status_row = theme.row(centre(status, columns, theme.paint(status, "title")))
    hint_row = theme.row(
        centre(words.BREATHE_KEYS, columns, theme.paint(words.BREATHE_KEYS, "dim"))
    )

    # The shape takes what is left, between the header and the words.
    area = rows - 1 - len(big_rows) - 3  # header, a gap, status, hint
    if look.reduced_motion:
        length = max(10, min(columns - 8, 160))
        thick = max(1, min(5, area // 4))
        shape = [centre(" " * length, columns, bar(length, at.fullness, role, theme))] * thick
    else:
        radius = max(1, min((area - 1) // 2, (columns - 4) // 4))
        shape = [
            " " * ((columns - 4 * radius - 1) // 2) + r
            for r in disc(radius, at.fullness, role, theme)
        ]
    top = max(0, (area - len(shape)) // 2)
    body = [""] * top + [theme.row(r) for r in shape]
    body += [""] * (area - len(body))
    frame = [header(title, columns, look), *body[:area], "", *big_rows, status_row, hint_row]
    blank = theme.row(" " * columns) if theme.base else ""
    return [_fill(r, columns, blank) for r in frame[:rows]]


def _fill(row: str, columns: int, blank: str) -> str:
    # On a coloured background a row must be padded, or the rest of it shows through.
    if not blank:
        return row
    return row + " " * max(0, columns - visible(row)) if row else blank


def play(screen: Screen, guide: Guide, clock: Clock, look: Look, fps: float = FPS) -> Ending:
    """Run until the guide is finished, q or Esc (left), or Ctrl-C (interrupted).

    Frames land on the clock (a simulated clock plays a session instantly); a paused
    guide waits for a key in real time instead, since nothing on screen moves.
    """
    pending: list[str] = []
    try:
        last = clock.monotonic()
        while True:
            for key in pending:
                ending = _press(guide, key)
                if ending is not None:
                    return ending
            now = clock.monotonic()
            guide.advance(now - last)
            last = now
            if guide.finished:
                return "completed"
            screen.draw(layout(guide, *screen.size(), look))
            if guide.paused:
                pending = screen.keys(timeout=0.25)
                continue
            clock.sleep(1 / fps - (clock.monotonic() - now))
            pending = screen.keys()
    except KeyboardInterrupt:
        return "interrupted"


def _press(guide: Guide, key: str) -> Ending | None:
    if key in ("q", "escape"):
        return "left"
    if key == "interrupt":
        return "interrupted"
    if key == "space":
        guide.toggle_pause()
    elif key in ("left", "right"):
        guide.switch(-1 if key == "left" else 1)
    elif key in ("plus", "minus"):
        guide.pace(1 if key == "plus" else -1)
    return None
