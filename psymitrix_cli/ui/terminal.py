"""The one object that owns terminal output (as hatch's Terminal does).

Results go to stdout: Rich for people, JSON with --json. Notices and errors go
to stderr. NO_COLOR, --no-color and a non-TTY turn off colour and animation.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any, TextIO

from psymitrix_cli import messages

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console


class Terminal:
    def __init__(self, *, json_mode: bool = False, no_color: bool = False, debug: bool = False):
        self.json_mode = json_mode
        self.no_color = no_color or bool(os.environ.get("NO_COLOR"))
        self.debug = debug

    def _console(self, stderr: bool) -> Console:
        from rich.console import Console

        # stderr never hard-wraps: a notice or an error is one line, whatever the width.
        # No colour means no escape codes at all, so bold is dropped too.
        return Console(
            stderr=stderr,
            no_color=self.no_color,
            color_system=None if self.no_color else "auto",
            highlight=False,
            emoji=False,
            soft_wrap=stderr,
        )

    @cached_property
    def out(self) -> Console:
        return self._console(stderr=False)

    @cached_property
    def err(self) -> Console:
        return self._console(stderr=True)

    # --- what kind of terminal this is -----------------------------------------
    @staticmethod
    def _isatty(stream: TextIO) -> bool:
        try:
            return stream.isatty()
        except (AttributeError, ValueError):
            return False

    @property
    def interactive(self) -> bool:
        """Prompts are possible: a person at a TTY on both ends, and not --json."""
        return not self.json_mode and self._isatty(sys.stdin) and self._isatty(sys.stdout)

    @property
    def animate(self) -> bool:
        """Live animation is wanted: a real terminal, with colour allowed."""
        return not self.json_mode and not self.no_color and self._isatty(sys.stdout)

    # --- output ---------------------------------------------------------------
    def print(self, *renderables: Any, **kwargs: Any) -> None:
        self.out.print(*renderables, **kwargs)

    def line(self, text: str, style: str | None = None) -> None:
        """Plain text to stdout, never parsed as markup."""
        self.out.print(text, style=style, markup=False, highlight=False, soft_wrap=True)

    def prose(self, text: str, style: str | None = None) -> None:
        """A sentence or two, wrapped between words at the terminal's width (80 in a pipe)."""
        from rich.text import Text

        self.out.print(Text(text, style=style or ""), highlight=False)

    def json(self, data: Any) -> None:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
        sys.stdout.flush()

    def emit(self, data: Any, render: Callable[[Terminal, Any], None]) -> None:
        """A command's result: JSON with --json, otherwise the human rendering."""
        if self.json_mode:
            self.json(data)
        else:
            render(self, data)

    def success(self, text: str) -> None:
        if not self.json_mode:
            self._marked(sys.stdout, "✓", "32", text)

    def notice(self, text: str) -> None:
        self._marked(sys.stderr, "!", "33", text)

    def _marked(self, stream: TextIO, mark: str, sgr: str, text: str) -> None:
        """One line behind a coloured mark, written without Rich: `journal add` and the
        other one-line results then never import it (~20 ms of a ~150 ms command). The
        line is never hard-wrapped, as a notice never was and as a script wants."""
        if self._colour(stream):
            mark = f"\x1b[{sgr}m{mark}\x1b[0m"
        stream.write(f"{mark} {text}\n")
        stream.flush()

    def _colour(self, stream: TextIO) -> bool:
        # Rich's own "auto": FORCE_COLOR forces it, otherwise a TTY that is not dumb.
        if self.no_color:
            return False
        if os.environ.get("FORCE_COLOR"):
            return True
        return self._isatty(stream) and os.environ.get("TERM", "") not in ("dumb", "unknown")

    def error(self, text: str, code: str = "error") -> None:
        if self.json_mode:
            sys.stderr.write(json.dumps({"error": {"code": code, "message": text}}) + "\n")
        else:
            self.err.print(messages.ERROR_LINE.format(text=_escape(text)))


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
