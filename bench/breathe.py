#!/usr/bin/env python3
"""What the breathing animation costs: CPU (% of one core) and bytes sent to the terminal
for a 16 s box-breathing session at the default frame rate, old renderer beside new.

- old: the Rich Live player (`ui.views.breathing.player`, a panel re-rendered every frame)
- new: present mode (`ui.present.breathing.play`: rows built from string repeats, and only
  the rows that changed are sent), at 80x24 and at 200x60, normal and --reduced-motion.

By default the session runs on a simulated clock, so the CPU counted is the rendering
alone (sleeping costs none) and 16 s take a fraction of a second; --real plays it on the
system clock, which also counts the frame loop's own wake-ups. Output goes to a counting
sink, never to this terminal. Target: new < 2 % of a core.
Run: python bench/breathe.py [--runs 5] [--real]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from psymitrix_cli.clock import Clock, SimulatedClock, SystemClock
from psymitrix_cli.domain.breathing import get_pattern, plan_session, run
from psymitrix_cli.domain.breathing_guide import Guide
from psymitrix_cli.ui.present.breathing import Look, play
from psymitrix_cli.ui.present.screen import Screen
from psymitrix_cli.ui.present.theme import DEFAULT
from psymitrix_cli.ui.terminal import Terminal

SESSION = 16.0  # one cycle of box breathing


class Sink:
    """A terminal that only counts what it is sent."""

    def __init__(self) -> None:
        self.bytes = 0

    def write(self, data: Any) -> int:
        size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
        self.bytes += size
        return len(data)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("no descriptor: a sink")


class SinkTerminal(Terminal):
    """The app's Terminal, drawing to a sink as a colour TTY of a fixed size."""

    def __init__(self, sink: Sink, columns: int, rows: int) -> None:
        super().__init__()
        from rich.console import Console

        self._sink_console = Console(
            file=sink,  # type: ignore[arg-type]
            force_terminal=True,
            color_system="truecolor",
            width=columns,
            height=rows,
            highlight=False,
            emoji=False,
        )

    @property  # type: ignore[override]
    def out(self) -> Any:
        return self._sink_console

    @property
    def animate(self) -> bool:
        return True


def old_renderer(clock: Clock, sink: Sink) -> None:
    from psymitrix_cli.ui.views import breathing as views

    plan = plan_session("box", None, 1, None)
    term = SinkTerminal(sink, 80, 24)
    with views.player(term, plan.pattern, plan.steps, plain=False, bell=False) as shown:
        run(plan.steps, clock, shown.on_frame, shown.on_phase, shown.fps)


def new_renderer(columns: int, rows: int, reduced: bool) -> Callable[[Clock, Sink], None]:
    def go(clock: Clock, sink: Sink) -> None:
        screen = Screen(sink, None, size=lambda: (columns, rows))  # type: ignore[arg-type]
        guide = Guide([get_pattern("box")], planned=1)
        ending = play(screen, guide, clock, Look(DEFAULT, reduced_motion=reduced))
        assert ending == "completed", ending

    return go


def measure(render: Callable[[Clock, Sink], None], real: bool) -> tuple[float, int, float]:
    """(CPU seconds, bytes written, wall seconds of session time)."""
    sink = Sink()
    clock: Clock = SystemClock() if real else SimulatedClock(datetime(2026, 1, 1, tzinfo=UTC))
    start_cpu, start_clock = time.process_time(), clock.monotonic()
    render(clock, sink)
    return time.process_time() - start_cpu, sink.bytes, clock.monotonic() - start_clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--real", action="store_true", help="Play on the system clock.")
    args = parser.parse_args()
    cases: list[tuple[str, Callable[[Clock, Sink], None]]] = [
        ("old: Rich Live panel (80x24)", old_renderer),
        ("new: present, 80x24", new_renderer(80, 24, False)),
        ("new: present, 200x60", new_renderer(200, 60, False)),
        ("new: present, 200x60, reduced motion", new_renderer(200, 60, True)),
    ]
    runs = 1 if args.real else args.runs
    print(f"{SESSION:g} s of box breathing at 10 frames/s, median of {runs} run(s)")
    print(f"{'renderer':<40} {'CPU % of a core':>16} {'KB written':>11}")
    for name, render in cases:
        results = [measure(render, args.real) for _ in range(runs)]
        cpu = statistics.median(r[0] for r in results)
        written = statistics.median(r[1] for r in results)
        session = statistics.median(r[2] for r in results)
        print(f"{name:<40} {100 * cpu / session:>15.2f}% {written / 1024:>10.1f}")


if __name__ == "__main__":
    main()
