"""The full screen: the alternate buffer, raw keys, and drawing only the rows that change.

`Screen` owns the terminal while present mode runs. Entering switches to the alternate
buffer, hides the cursor and puts the keyboard in cbreak mode (keys arrive one by one,
unechoed; Ctrl-C still interrupts). Leaving undoes all of it, whatever ends the session:
q, Ctrl-C, an exception, or SIGTERM (turned into `Terminated` so the same `finally`
runs). `draw` compares each row with what is already on screen and writes only the rows
that differ, and of those only the cells that changed (`diff`), which is most of what
keeps the animation cheap.
"""

from __future__ import annotations

import os
import select
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, BinaryIO

from psymitrix_cli.ui.present.diff import Cells, Styles, update

ENTER = "\x1b[?1049h\x1b[?25l\x1b[2J"
LEAVE = "\x1b[0m\x1b[2J\x1b[?25h\x1b[?1049l"
RESET = "\x1b[0m"

# Keys by the bytes a terminal sends for them.
_SEQUENCES = {
    "\x1b[C": "right",
    "\x1b[D": "left",
    "\x1b[A": "up",
    "\x1b[B": "down",
    "\x1bOC": "right",
    "\x1bOD": "left",
    "\x1bOA": "up",
    "\x1bOB": "down",
}
_SINGLE = {
    " ": "space",
    "\r": "enter",
    "\n": "enter",
    "\x7f": "backspace",
    "\x08": "backspace",
    "\x03": "interrupt",
    "\x1b": "escape",
    "+": "plus",
    "=": "plus",
    "-": "minus",
    "_": "minus",
}


class Terminated(BaseException):
    """SIGTERM arrived: leave the screen as it was found, then exit 143."""


def parse_keys(data: str) -> list[str]:
    """Bytes from the keyboard as key names: "left", "space", "q", "escape"..."""
    keys: list[str] = []
    i = 0
    while i < len(data):
        if data[i] == "\x1b" and i + 1 < len(data):
            three = data[i : i + 3]
            if three in _SEQUENCES:
                keys.append(_SEQUENCES[three])
                i += 3
                continue
            if data[i + 1] in "[O":  # some other sequence (F-keys...): skip it whole
                j = i + 2
                while j < len(data) and not data[j].isalpha() and data[j] != "~":
                    j += 1
                i = j + 1
                continue
        char = data[i]
        keys.append(_SINGLE.get(char, char.lower()))
        i += 1
    return keys


class Screen:
    """Rows drawn on a terminal; `out` is written in bytes and counted for the bench."""

    def __init__(
        self,
        out: BinaryIO,
        in_fd: int | None,
        size: Callable[[], tuple[int, int]] | None = None,
    ) -> None:
        self.out = out
        self.in_fd = in_fd
        self._size = size or self._terminal_size
        self._shown: list[str] = []
        self._cells: list[Cells] = []
        self._styles = Styles()
        self._shown_size: tuple[int, int] | None = None
        self._saved_tty: Any = None
        self._saved_term: Any = None
        self.bytes_written = 0

    # --- the terminal ---------------------------------------------------------------
    def _terminal_size(self) -> tuple[int, int]:
        try:
            size = os.get_terminal_size(self.out.fileno())
        except (OSError, ValueError, AttributeError):
            return (80, 24)
        return (size.columns, size.lines)

    def size(self) -> tuple[int, int]:
        columns, rows = self._size()
        return (max(20, columns), max(8, rows))

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.bytes_written += len(data)
        self.out.write(data)
        self.out.flush()

    def __enter__(self) -> Screen:
        if self.in_fd is not None:
            import termios
            import tty

            try:
                self._saved_tty = termios.tcgetattr(self.in_fd)
                tty.setcbreak(self.in_fd)
            except termios.error:
                self._saved_tty = None
        self._saved_term = signal.signal(signal.SIGTERM, _terminated)
        self.write(ENTER)
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()

    def restore(self) -> None:
        """Put the terminal back: normal buffer, cursor, echo, the old SIGTERM handler."""
        try:
            self.write(LEAVE)
        finally:
            if self._saved_tty is not None and self.in_fd is not None:
                import termios

                termios.tcsetattr(self.in_fd, termios.TCSADRAIN, self._saved_tty)
                self._saved_tty = None
            if self._saved_term is not None:
                signal.signal(signal.SIGTERM, self._saved_term)
                self._saved_term = None

    # --- keys -----------------------------------------------------------------------
    def keys(self, timeout: float = 0.0) -> list[str]:
        """Keys typed so far, waiting up to `timeout` real seconds for the first."""
        if self.in_fd is None:
            return []
        ready, _, _ = select.select([self.in_fd], [], [], max(0.0, timeout))
        if not ready:
            return []
        try:
            data = os.read(self.in_fd, 1024)
        except OSError:
            return ["escape"]  # the terminal went away: leave
        if not data:
            return ["escape"]
        return parse_keys(data.decode("utf-8", "replace"))

    # --- drawing --------------------------------------------------------------------
    def draw(self, rows: list[str]) -> None:
        """Show `rows` (already styled); only rows that differ from the screen are sent."""
        size = self.size()
        parts: list[str] = []
        if size != self._shown_size:
            parts.append("\x1b[2J")
            self._shown, self._cells = [], []
            self._shown_size = size
        cells: list[Cells] = []
        for number, row in enumerate(rows):
            if number < len(self._shown) and self._shown[number] == row:
                cells.append(self._cells[number])
                continue
            now = self._styles.cells(row)
            before = self._cells[number] if number < len(self._cells) else None
            parts.append(update(number, before, now))
            cells.append(now)
        for number in range(len(rows), len(self._shown)):
            parts.append(f"\x1b[{number + 1};1H\x1b[K")
        self._shown, self._cells = list(rows), cells
        if parts:
            self.write("".join(parts))


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def open_screen() -> Screen:
    """The screen on this process's terminal (stdout for drawing, stdin for keys)."""
    return Screen(sys.stdout.buffer, sys.stdin.fileno())
