"""Send only the cells that changed: a styled row is split into its visible text and one
style mark per cell, compared with what is on screen in chunks of a few cells (slice
comparisons, so the work stays in C), and only the changed chunks are painted.

A disc that grows by one cell changes two short spans of a row, not the whole row, which
is what keeps a 200x60 window as cheap to animate as an 80x24 one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SGR = re.compile(r"(\x1b\[[0-9;]*m)")
RESET = "\x1b[0m"
CHUNK = 4  # cells compared at a time; a changed chunk is sent whole


@dataclass(frozen=True)
class Cells:
    text: str  # what shows, one character per cell
    marks: str  # one character per cell naming its style
    runs: tuple[tuple[int, int, str], ...]  # (start, end, SGR codes in force)


class Styles:
    """Gives each distinct SGR state a one-character mark, per screen."""

    def __init__(self) -> None:
        self._marks: dict[str, str] = {}

    def mark(self, state: str) -> str:
        found = self._marks.get(state)
        if found is None:
            found = self._marks[state] = chr(0x100 + len(self._marks))
        return found

    def cells(self, row: str) -> Cells:
        texts: list[str] = []
        marks: list[str] = []
        runs: list[tuple[int, int, str]] = []
        state, at = "", 0
        for piece in _SGR.split(row):
            if not piece:
                continue
            if piece.startswith("\x1b["):
                state = "" if piece == RESET else state + piece
                continue
            texts.append(piece)
            marks.append(self.mark(state) * len(piece))
            runs.append((at, at + len(piece), state))
            at += len(piece)
        return Cells("".join(texts), "".join(marks), tuple(runs))


def spans(old: Cells, new: Cells, chunk: int = CHUNK) -> list[tuple[int, int]]:
    """The [start, end) spans of `new` that differ from `old`, merged when adjacent."""
    found: list[tuple[int, int]] = []
    length = len(new.text)
    for start in range(0, length, chunk):
        end = min(length, start + chunk)
        if (
            old.text[start:end] == new.text[start:end]
            and old.marks[start:end] == new.marks[start:end]
        ):
            continue
        if found and found[-1][1] == start:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found


def paint(cells: Cells, start: int, end: int) -> str:
    """The cells [start, end) with their styles, ending with the style reset."""
    out: list[str] = []
    for run_start, run_end, state in cells.runs:
        if run_end <= start or run_start >= end:
            continue
        out.append(RESET + state)
        out.append(cells.text[max(start, run_start) : min(end, run_end)])
    out.append(RESET)
    return "".join(out)


def update(number: int, old: Cells | None, new: Cells) -> str:
    """What to send to turn screen row `number` (0-based) from `old` into `new`."""
    row = number + 1
    if old is None:
        return f"\x1b[{row};1H{paint(new, 0, len(new.text))}\x1b[K"
    parts = [f"\x1b[{row};{start + 1}H{paint(new, start, end)}" for start, end in spans(old, new)]
    if len(new.text) < len(old.text):
        parts.append(f"\x1b[{row};{len(new.text) + 1}H\x1b[K")
    return "".join(parts)
