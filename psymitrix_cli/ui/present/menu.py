"""The `psymitrix present` menu: pick an exercise, do it, come back, until q.

Everything in it is a demo: sessions and results are shown, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from psymitrix_cli.clock import Clock
from psymitrix_cli.domain.assessments import INSTRUMENTS, Instrument
from psymitrix_cli.domain.breathing import Pattern, cycles_for
from psymitrix_cli.domain.breathing_guide import Guide
from psymitrix_cli.messages import present as words
from psymitrix_cli.ui.present import font
from psymitrix_cli.ui.present.breathing import Look, centre, header, play
from psymitrix_cli.ui.present.questionnaire import ask, show_result
from psymitrix_cli.ui.present.screen import Screen


@dataclass(frozen=True)
class Choice:
    label: str
    pattern: Pattern | None = None
    instrument: Instrument | None = None


@dataclass
class Done:
    """What happened on the screen, for the summary printed once it is gone."""

    lines: list[str] = field(default_factory=list)
    ending: Literal["left", "interrupted"] = "left"


def choices(patterns: list[Pattern]) -> list[Choice]:
    listed = [Choice(f"Breathe: {p.name} ({p.label})", pattern=p) for p in patterns]
    listed += [Choice(f"{i.name} questionnaire", instrument=i) for i in INSTRUMENTS.values()]
    return listed


def menu_layout(
    items: list[Choice], chosen: int, columns: int, rows: int, look: Look, last: str | None = None
) -> list[str]:
    """The menu; `last` says what the previous exercise came to."""
    theme = look.theme
    frame = [header(words.MENU_TITLE, columns, look), ""]
    size = font.fit("PSYMITRIX", columns - 4, max(font.ROWS, rows // 4))
    if size is not None and rows >= len(items) + 2 * font.height(size) + 6:
        frame += [
            theme.row(centre(r, columns, theme.paint(r, "inhale")))
            for r in font.big("PSYMITRIX", size)
        ]
        frame.append("")
    width = max(len(c.label) for c in items) + 6
    for number, item in enumerate(items):
        text = f" {number + 1}  {item.label}".ljust(width)
        role = "chosen" if number == chosen else "title"
        frame.append(theme.row(centre(text, columns, theme.paint(text, role))))
    if last:
        frame += ["", theme.row(centre(last, columns, theme.paint(last, "dim")))]
    frame += [""] * max(0, rows - len(frame) - 1)
    keys = words.MENU_KEYS
    return [*frame[: rows - 1], theme.row(centre(keys, columns, theme.paint(keys, "dim")))]


def run_menu(
    screen: Screen,
    clock: Clock,
    look: Look,
    patterns: list[Pattern],
    cycles: int | None,
    local_line: str | None,
) -> Done:
    done = Done()
    try:
        _menu(screen, clock, look, patterns, cycles, local_line, done)
    except KeyboardInterrupt:  # wherever Ctrl-C lands
        done.ending = "interrupted"
    return done


def _menu(
    screen: Screen,
    clock: Clock,
    look: Look,
    patterns: list[Pattern],
    cycles: int | None,
    local_line: str | None,
    done: Done,
) -> Done:
    items = choices(patterns)
    chosen = 0
    while True:
        last = done.lines[-1] if done.lines else None
        screen.draw(menu_layout(items, chosen, *screen.size(), look, last))
        for key in screen.keys(timeout=0.5):
            if key in ("q", "escape"):
                return done
            if key == "interrupt":
                done.ending = "interrupted"
                return done
            if key in ("up", "down"):
                chosen = (chosen + (1 if key == "down" else -1)) % len(items)
            elif key == "enter" or (key.isdigit() and 1 <= int(key) <= len(items)):
                chosen = chosen if key == "enter" else int(key) - 1
                if not _exercise(
                    screen, clock, look, patterns, cycles, local_line, items[chosen], done
                ):
                    return done
                break  # keys typed during the exercise were the exercise's


def _exercise(
    screen: Screen,
    clock: Clock,
    look: Look,
    patterns: list[Pattern],
    cycles: int | None,
    local_line: str | None,
    item: Choice,
    done: Done,
) -> bool:
    """Run one exercise; False when Ctrl-C ended it (and with it, the menu)."""
    if item.pattern is not None:
        others = [p for p in patterns if p is not item.pattern]
        guide = Guide([item.pattern, *others], cycles_for(item.pattern, cycles, None))
        ending = play(screen, guide, clock, look)
        done.lines.append(
            words.MENU_BREATHED.format(
                cycles=guide.cycles_done, planned=guide.planned, patterns=", ".join(guide.used)
            )
        )
        if ending == "interrupted":
            done.ending = "interrupted"
            return False
    elif item.instrument is not None:
        from psymitrix_cli.clock import iso
        from psymitrix_cli.domain.assessments import demo_result

        answers = ask(screen, item.instrument, look)
        if answers == "interrupted":
            done.ending = "interrupted"
            return False
        if isinstance(answers, list):
            result = demo_result(item.instrument.key, answers, None, iso(clock.now()))
            show_result(screen, item.instrument, result, look, local_line)
            done.lines.append(
                words.MENU_ANSWERED.format(
                    name=item.instrument.name,
                    total=result["total"],
                    max=item.instrument.max_total,
                    band=result["severity"],
                )
            )
    return True
