"""Printable handouts a client can take home: a breathing pattern with its timing and a
short how-to, or a blank PHQ-9 / GAD-7 with its scoring bands.

A handout is a list of blocks (heading, paragraph, list, table) built from the same
definitions the app uses (`PATTERNS`, the instruments, the crisis resources), then
written as Markdown or as one self-contained HTML page with print styles. Pure.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Literal

from psymitrix_cli import messages
from psymitrix_cli.domain.assessments import SCREENING_NOTE, Instrument
from psymitrix_cli.domain.breathing import Pattern
from psymitrix_cli.domain.crisis import crisis_resources
from psymitrix_cli.errors import InvalidInput

FORMATS = ("md", "html")
Kind = Literal["h2", "p", "small", "ol", "ul", "table", "lines"]
BOX = "☐"
ITEM9_NOTE = (
    'If question 9 is answered above 0 ("Several days" or more), please talk to someone '
    "today: your clinician, your doctor, or one of these:"
)
ATTRIBUTION = (
    "The PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, "
    "Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. "
    "No permission is required to reproduce, translate, display or distribute them."
)
BREATHING_STEPS = {
    "inhale": "Breathe in gently through your nose for {s}.",
    "inhale again": "Without breathing out, take a second, smaller breath in for {s}.",
    "hold": "Hold your breath, softly, without straining, for {s}.",
    "exhale": "Breathe out slowly through your mouth for {s}.",
}


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # for a table: the first row is the header


@dataclass
class Handout:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: Kind, text: str = "", **more: tuple) -> None:  # type: ignore[type-arg]
        self.blocks.append(Block(kind, text, **more))


def _seconds(value: float) -> str:
    return f"{value:g} second" + ("" if value == 1 else "s")


def breathing_handout(pattern: Pattern) -> Handout:
    cycle = pattern.cycle_seconds
    phases = pattern.phases
    page = Handout(f"Breathing: {pattern.name} ({pattern.label})")
    page.add("p", pattern.purpose)
    page.add(
        "table",
        rows=(("Step", "Seconds"), *((p.name.capitalize(), f"{p.seconds:g}") for p in phases)),
    )
    per_minute = 60 / cycle
    page.add(
        "p",
        f"One cycle takes {_seconds(cycle)}: about {per_minute:.1f} breaths a minute. "
        "Four cycles, or a minute or two, is a good start.",
    )
    page.add("h2", "How to")
    steps = ["Sit or lie comfortably. Let your shoulders drop, and rest one hand on your belly."]
    steps += [BREATHING_STEPS[p.name].format(s=_seconds(p.seconds)) for p in phases]
    steps.append("Repeat. If you lose count, just start again from the first step.")
    page.add("ol", items=tuple(steps))
    page.add("h2", "Good to know")
    page.add(
        "ul",
        items=(
            "Breathe gently: it should feel comfortable, never forced.",
            "If you feel dizzy or light-headed, stop and breathe normally for a while.",
            "Shorten the holds, or leave them out, if they feel like too much.",
            "Practising when you are calm makes it easier to use when you are not.",
        ),
    )
    page.add("small", f"From PsyMitrix: `psymitrix breathe --pattern {pattern.name}` guides you.")
    return page


def questionnaire_handout(instrument: Instrument, local_line: str | None = None) -> Handout:
    page = Handout(instrument.title)
    page.add("lines", items=("Name:", "Date:"))
    page.add("p", instrument.framing)
    header = ("", "Question", *(f"{c} ({v})" for v, c in enumerate(instrument.choices)))
    rows = [
        (f"{n}.", item, *([BOX] * len(instrument.choices)))
        for n, item in enumerate(instrument.items, start=1)
    ]
    page.add("table", rows=(header, *rows))
    page.add(
        "lines",
        items=(f"Total (add up the numbers of the boxes ticked): ____ / {instrument.max_total}",),
    )
    page.add("p", instrument.difficulty_question)
    page.add("ul", items=tuple(f"{BOX} {c}" for c in instrument.difficulty_choices))
    page.add("h2", "Scoring")
    page.add(
        "table",
        rows=(
            ("Total", "Band"),
            *((f"{low}-{high}", band) for low, high, band in instrument.bands),
        ),
    )
    page.add("p", f"{SCREENING_NOTE} Talk the result over with your clinician.")
    if instrument.key == "phq9":
        page.add("p", ITEM9_NOTE)
        page.add("ul", items=tuple(f"{r.name}: {r.contact}" for r in crisis_resources(local_line)))
    page.add("small", ATTRIBUTION)
    return page


# --- writing --------------------------------------------------------------------------------


def check_format(name: str) -> str:
    clean = name.strip().lower()
    if clean not in FORMATS:
        raise InvalidInput(
            messages.HANDOUT_UNKNOWN_FORMAT.format(name=name, choices=", ".join(FORMATS))
        )
    return clean


def render(page: Handout, fmt: str) -> str:
    return to_html(page) if check_format(fmt) == "html" else to_markdown(page)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(page: Handout) -> str:
    out = [f"# {page.title}", ""]
    for block in page.blocks:
        if block.kind == "h2":
            out += [f"## {block.text}", ""]
        elif block.kind in ("p", "small"):
            out += [f"*{block.text}*" if block.kind == "small" else block.text, ""]
        elif block.kind == "ol":
            out += [f"{n}. {item}" for n, item in enumerate(block.items, start=1)] + [""]
        elif block.kind == "ul":
            out += [f"- {item}" for item in block.items] + [""]
        elif block.kind == "lines":
            out += [f"{item} ______________________________" if item.endswith(":") else item
                    for item in block.items]  # fmt: skip
            out.append("")
        elif block.kind == "table":
            head, *body = block.rows
            out.append("| " + " | ".join(_cell(c) for c in head) + " |")
            out.append("|" + "|".join("---" for _ in head) + "|")
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; color: #000; line-height: 1.45; font-size: 12pt; }
h1 { font-size: 20pt; margin-bottom: .5rem; } h2 { font-size: 14pt; margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; }
th, td { border: 1px solid #444; padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.box { text-align: center; font-size: 14pt; }
.line { border-bottom: 1px solid #000; display: inline-block; min-width: 16rem; }
small { color: #333; display: block; margin-top: 1.5rem; }
@media print { body { margin: 0; max-width: none; } a { color: #000; } }
"""


def to_html(page: Handout) -> str:
    e = html.escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(page.title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(page.title)}</h1>",
    ]
    for block in page.blocks:
        if block.kind == "h2":
            out.append(f"<h2>{e(block.text)}</h2>")
        elif block.kind == "p":
            out.append(f"<p>{e(block.text)}</p>")
        elif block.kind == "small":
            out.append(f"<small>{e(block.text)}</small>")
        elif block.kind in ("ol", "ul"):
            items = "".join(f"<li>{e(item)}</li>" for item in block.items)
            out.append(f"<{block.kind}>{items}</{block.kind}>")
        elif block.kind == "lines":
            for item in block.items:
                blank = ' <span class="line">&nbsp;</span>' if item.endswith(":") else ""
                out.append(f"<p>{e(item)}{blank}</p>")
        elif block.kind == "table":
            head, *body = block.rows
            cells = "".join(f"<th>{e(c)}</th>" for c in head)
            rows = [f"<tr>{cells}</tr>"]
            for row in body:
                tds = "".join(
                    f'<td class="box">{e(c)}</td>' if c == BOX else f"<td>{e(c)}</td>" for c in row
                )
                rows.append(f"<tr>{tds}</tr>")
            out.append("<table>" + "".join(rows) + "</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
