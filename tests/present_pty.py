"""Present mode on a real pseudo-terminal, with just enough of a terminal emulator to
know what is on screen: the full screen sends only the cells that change, so a word on
screen need not appear whole in the bytes sent."""

from __future__ import annotations

import codecs
import os
import re
import select
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.driver import Cli

Action = bytes | int | tuple[int, int]  # keys, a signal, or a new (columns, rows)


class Emulator:
    """Cursor moves, erase to end of line, clear, CR/LF, wrapping; colours are skipped."""

    TOKEN = re.compile(
        r"\x1b\[(\d+);(\d+)H|\x1b\[K|\x1b\[2J|\x1b\[[0-9;?]*[A-Za-z]|\x1b[^\[]|(\r)|(\n)|(.)",
        re.S,
    )
    PARTIAL = re.compile(r"\x1b(\[[0-9;?]*)?$")

    def __init__(self, columns: int, rows: int) -> None:
        self.resize(columns, rows)
        self._carry = ""

    def resize(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.grid = [[" "] * columns for _ in range(rows)]
        self.y = self.x = 0

    def _newline(self) -> None:
        self.y += 1
        if self.y >= self.rows:
            self.grid = [*self.grid[1:], [" "] * self.columns]
            self.y = self.rows - 1

    def feed(self, data: str) -> None:
        data = self._carry + data
        partial = self.PARTIAL.search(data)
        self._carry = data[partial.start() :] if partial else ""
        if partial:
            data = data[: partial.start()]
        for match in self.TOKEN.finditer(data):
            token = match.group(0)
            if match.group(1):
                self.y = min(self.rows, int(match.group(1))) - 1
                self.x = min(self.columns, int(match.group(2))) - 1
            elif token == "\x1b[K":
                self.grid[self.y][self.x :] = [" "] * (self.columns - self.x)
            elif token == "\x1b[2J":
                self.grid = [[" "] * self.columns for _ in range(self.rows)]
            elif match.group(3):
                self.x = 0
            elif match.group(4):
                self._newline()
            elif match.group(5):
                if self.x >= self.columns:
                    self.x = 0
                    self._newline()
                self.grid[self.y][self.x] = token
                self.x += 1

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.grid]

    def text(self) -> str:
        return "\n".join(self.lines())


@dataclass
class Run:
    code: int
    output: str  # every byte the child sent, decoded
    screens: list[str] = field(default_factory=list)  # the screen when each marker showed


def on_pty(
    cli: Cli,
    args: Sequence[str],
    size: tuple[int, int],
    steps: Sequence[tuple[str, Action]] = (),
    timeout: float = 40,
) -> Run:
    """Run psymitrix with a pty of `size` (columns, rows) as its controlling terminal.

    For each (marker, action) step: wait until `marker` is on screen (or, for an escape
    sequence, among the bytes sent since the previous step), then type the bytes, send
    the signal (a number) or resize the window (columns, rows)."""
    import fcntl
    import pty
    import struct
    import termios

    env = {**os.environ, **cli.env, **cli.extra, "TERM": "xterm-256color"}
    for name in ("COLUMNS", "LINES"):
        env.pop(name, None)
    pid, master = pty.fork()
    if pid == 0:
        os.chdir(Path(cli.env["PSYMITRIX_HOME"]).parent)
        os.execve(sys.executable, [sys.executable, "-m", "psymitrix_cli", *args], env)
    columns, rows = size
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    screen = Emulator(columns, rows)
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    shown: list[str] = []
    run = Run(0, "")
    deadline = time.monotonic() + timeout

    def seen(marker: str, start: int) -> bool:
        if marker.startswith("\x1b"):
            return marker in "".join(shown[start:])
        return marker in screen.text()

    def read(wait: float) -> bool | None:
        """One chunk into the screen; None when nothing came, False once the child is gone."""
        ready, _, _ = select.select([master], [], [], wait)
        if not ready:
            return None
        try:
            chunk = os.read(master, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            return False
        text = decoder.decode(chunk)
        shown.append(text)
        screen.feed(text)
        return True

    def pump(until: str | None, start: int) -> None:
        while until is None or not seen(until, start):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {until!r}:\n{screen.text()}")
            got = read(0.05)
            if got is False:
                assert until is None, f"exited before {until!r}:\n{screen.text()}"
                return
        # A frame can arrive in several reads: let it finish (a pause, or at most 0.3 s).
        settle = time.monotonic() + 0.3
        while time.monotonic() < settle and read(0.03):
            pass

    try:
        for marker, action in steps:
            start = len(shown)
            pump(marker, start)
            run.screens.append(screen.text())
            if isinstance(action, tuple):  # the kernel tells the child with SIGWINCH
                wide, high = action
                fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", high, wide, 0, 0))
                screen.resize(wide, high)
            elif isinstance(action, int):
                os.kill(pid, action)
            else:
                os.write(master, action)
        pump(None, len(shown))
        _, status = os.waitpid(pid, 0)
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(master)
    run.code = os.waitstatus_to_exitcode(status)
    run.output = "".join(shown)
    return run
