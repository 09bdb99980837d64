"""How a breathing session looks: a Rich Live shape that grows and shrinks with the
breath, or one plain line per phase; plus the pattern list and the session history.

Timing is not decided here: `domain.breathing.run` calls these renderers at the
right moments, so a slow terminal can make a frame late but never a phase long.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.domain.breathing import Frame, Pattern, Step
from psymitrix_cli.domain.breathing_guide import Guide
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time

if TYPE_CHECKING:
    from rich.console import RenderableType

FPS = 10.0
RADIUS = 5  # rows above and below the centre; the shape is 4 * RADIUS + 1 columns wide
BAR_WIDTH = 32
PHASE_STYLES = {"inhale": "cyan", "hold": "yellow", "exhale": "green"}


@dataclass
class Player:
    """The callbacks `domain.breathing.run` drives; fps=0 means one call per phase only."""

    on_frame: Callable[[Frame], None]
    on_phase: Callable[[Step], None]
    fps: float


def phase_line(step: Step, planned: int) -> str:
    return messages.BREATHING_PHASE_LINE.format(
        cycle=step.cycle,
        planned=planned,
        phase=step.phase.name.capitalize(),
        seconds=step.phase.seconds,
    )


def _ring(term: Terminal) -> None:
    # Straight to the stream: Rich drops control codes when it is not a terminal,
    # and someone who asked for --bell wants the \a wherever the output goes.
    stream = (term.err if term.json_mode else term.out).file
    stream.write("\a")
    stream.flush()


def _levels(steps: list[Step]) -> dict[Step, tuple[float, float]]:
    """Fullness (0 empty lungs, 1 full) at the start and end of every step.

    Consecutive inhales share the climb in proportion to their length (the sigh's
    "inhale again" tops up the first), and consecutive exhales share the descent.
    """
    levels: dict[Step, tuple[float, float]] = {}
    level, i = 0.0, 0
    while i < len(steps):
        kind = steps[i].phase.kind
        if kind == "hold":
            levels[steps[i]] = (level, level)
            i += 1
            continue
        j = i
        while j < len(steps) and steps[j].phase.kind == kind and steps[j].cycle == steps[i].cycle:
            j += 1
        span = sum(s.phase.seconds for s in steps[i:j])
        target = 1.0 if kind == "inhale" else 0.0
        start, done = level, 0.0
        for step in steps[i:j]:
            begin = start + (target - start) * done / span
            done += step.phase.seconds
            levels[step] = (begin, start + (target - start) * done / span)
        level, i = target, j
    return levels


def shape(fullness: float, style: str) -> RenderableType:
    """A disc of block characters; cells are about twice as tall as wide, so x counts double."""
    from rich.text import Text

    radius = 0.6 + fullness * (RADIUS - 0.1)
    cells = {"█": style, "·": "dim", " ": ""}
    text = Text(justify="left", no_wrap=True)  # the block is centred whole, rows unstripped
    for y in range(-RADIUS, RADIUS + 1):
        row = ""
        for column in range(4 * RADIUS + 1):
            distance = math.hypot((column - 2 * RADIUS) / 2, y)
            row += "█" if distance <= radius else "·" if distance <= RADIUS + 0.5 else " "
        # One span per run of equal cells keeps each frame's escape codes few.
        for run in re.finditer(r"(.)\1*", row):
            text.append(run.group(), style=cells[run.group(1)])
        if y < RADIUS:
            text.append("\n")
    return text


def _frame_view(
    frame: Frame, pattern: Pattern, planned: int, level: tuple[float, float]
) -> RenderableType:
    from rich.align import Align
    from rich.console import Group
    from rich.panel import Panel
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    step = frame.step
    style = PHASE_STYLES[step.phase.kind]
    eased = (1 - math.cos(math.pi * frame.phase_progress)) / 2  # slow at the turns, like a breath
    fullness = level[0] + (level[1] - level[0]) * eased
    phase = Text.assemble(
        (step.phase.name.capitalize(), f"bold {style}"),
        ("  ", ""),
        (f"{math.ceil(frame.remaining)}", "bold"),
    )
    progress = Table.grid(padding=(0, 1))
    progress.add_row(
        Text(f"Cycle {step.cycle}/{planned}"),
        ProgressBar(total=1.0, completed=frame.overall_progress, width=BAR_WIDTH),
        Text(f"{frame.overall_progress:4.0%}"),
    )
    body = Group(
        Align.center(shape(fullness, style)),
        Text(""),
        Align.center(phase),
        Align.center(progress),
        Align.center(Text(messages.BREATHING_HINT, style="dim")),
    )
    # A custom pattern's name already carries its timings.
    title = (
        pattern.name
        if pattern.name.endswith(pattern.label)
        else f"{pattern.name} · {pattern.label}"
    )
    return Panel(body, title=title, border_style=style, expand=False)


@contextmanager
def player(
    term: Terminal, pattern: Pattern, steps: list[Step], *, plain: bool, bell: bool
) -> Iterator[Player]:
    """The animated player on a colour TTY (unless --plain), otherwise plain lines.

    With --json the plain lines go to stderr, so stdout stays one JSON document.
    """
    planned = steps[-1].cycle

    def plain_phase(step: Step) -> None:
        if bell:
            _ring(term)
        line = phase_line(step, planned)
        if term.json_mode:
            term.err.print(line, markup=False, highlight=False)
        else:
            term.line(line)

    if plain or not term.animate:
        yield Player(on_frame=lambda frame: None, on_phase=plain_phase, fps=0.0)
        return

    from rich.live import Live

    levels = _levels(steps)
    live = Live(
        console=term.out,
        auto_refresh=False,  # run() paces the frames on its clock; no thread of our own
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )

    def on_frame(frame: Frame) -> None:
        live.update(_frame_view(frame, pattern, planned, levels[frame.step]), refresh=True)

    def on_phase(step: Step) -> None:
        if bell:
            _ring(term)

    with live:
        yield Player(on_frame=on_frame, on_phase=on_phase, fps=FPS)


# --- results ---------------------------------------------------------------------------


def duration(seconds: float) -> str:
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    return f"{minutes}m {rest:02d}s" if minutes else f"{rest}s"


def finished(term: Terminal, result: dict[str, Any], demo: bool) -> None:
    term.success(
        messages.BREATHING_DONE.format(
            cycles=result["cycles"],
            planned=result["plannedCycles"],
            pattern=result["pattern"],
            label=result["label"],
            duration=duration(result["durationSeconds"]),
        )
    )
    if demo:
        term.line(messages.BREATHING_DEMO_NOTE, style="dim")


def present_summary(term: Terminal, guide: Guide) -> None:
    """What a present-mode session was, once the full screen has gone."""
    from psymitrix_cli.messages import present as words

    term.line(
        words.SUMMARY.format(
            cycles=guide.cycles_done,
            planned=guide.planned,
            breathing=duration(guide.breathing_seconds),
            paused=duration(guide.paused_seconds),
            patterns=", ".join(guide.used),
            pace=round(guide.speed * 100),
        )
    )


def patterns(term: Terminal, result: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Pattern", style="bold", no_wrap=True)
    table.add_column("Seconds", no_wrap=True)
    table.add_column("Cycle", justify="right", no_wrap=True)
    table.add_column("What it is for", ratio=1)
    for item in result["items"]:
        table.add_row(item["name"], item["label"], f"{item['cycleSeconds']:g}s", item["purpose"])
    term.print(table)
    term.line(messages.BREATHING_CUSTOM_HINT)
    term.line(
        messages.BREATHING_SAVE_HINT,
        style="dim",
    )


def entries(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    """A page of sessions (cli/entries.py says when it is empty and how to go on)."""
    from psymitrix_cli.ui.tables import Column, fitted, short_ids

    items = result["items"]
    columns = [Column(name) for name in ("When", "Pattern", "Cycles", "Time", "", "ID")]
    rows = []
    for item, short in zip(items, short_ids(items), strict=True):
        planned = item.get("plannedCycles")
        rows.append(
            (
                local_time(item["startedAt"], timezone),
                f"{item['pattern']} {item['label']}",
                f"{item['cycles']}/{planned}" if planned else str(item["cycles"]),
                duration(item["durationSeconds"]),
                "[green]done[/green]" if item["completed"] else "[yellow]stopped early[/yellow]",
                short,
            )
        )
    term.print(fitted(term, columns, rows))


def entry(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    entries(term, {"items": [result]}, timezone)
