"""How PHQ-9 and GAD-7 results look: the score in its band's colour, the change,
the screening note, a next step, crisis resources when item 9 is endorsed, and
a bar chart of totals over time."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import assessments as rules
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time
from psymitrix_cli.ui.views.crisis import PlanSource, crisis_panel

BAND_STYLES = {
    "minimal": "green",
    "mild": "yellow",
    "moderate": "dark_orange",
    "moderately severe": "red",
    "severe": "bold red",
}
BAR_WIDTH = 18


def band_style(severity: str) -> str:
    return BAND_STYLES.get(severity, "")


def bar(total: int, max_total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * total / max_total) if max_total else 0
    return "█" * filled + "·" * (width - filled)


def change_text(change: dict[str, Any] | None) -> str | None:
    if change is None:
        return None
    delta = change["delta"]
    if delta == 0:
        moved = messages.ASSESSMENT_NO_CHANGE
    else:
        way = messages.ASSESSMENT_UP if delta > 0 else messages.ASSESSMENT_DOWN
        moved = way.format(delta=abs(delta))
    verdict = messages.ASSESSMENT_RELIABLE if change["reliable"] else messages.ASSESSMENT_UNRELIABLE
    return messages.ASSESSMENT_CHANGE.format(
        previous=change["previous"], moved=moved, verdict=verdict
    )


def result(
    term: Terminal,
    data: dict[str, Any],
    local_line: str | None,
    demo: bool = False,
    plan: PlanSource = None,
) -> None:
    from rich.text import Text

    instrument = rules.get_instrument(data["instrument"])
    style = band_style(data["severity"])
    headline = Text.assemble(
        (f"{instrument.name}  ", "bold"),
        (f"{data['total']}/{instrument.max_total}", f"bold {style}"),
        "  ",
        (data["severity"], style),
    )
    term.print(headline)
    term.print(Text(bar(data["total"], instrument.max_total), style=style))
    moved = change_text(data.get("change"))
    if moved:
        term.line(moved)
    if data.get("difficulty") is not None:
        term.line(
            messages.ASSESSMENT_DIFFICULTY_LINE.format(
                value=instrument.difficulty_choices[data["difficulty"]]
            )
        )
    term.line(rules.SCREENING_NOTE, style="italic")
    if data.get("nextStep"):
        term.line(data["nextStep"])
    if data.get("retakeNote"):
        term.line(data["retakeNote"], style="dim")
    if demo:
        term.line(messages.ASSESSMENT_DEMO_NOTE, style="dim")
    elif data.get("id"):
        term.line(messages.ASSESSMENT_SAVED_AS.format(id=data["id"]), style="dim")
    # Last, so it is what stays on screen, and whatever the total.
    if data.get("crisis"):
        crisis_panel(term, local_line, setting="questionnaire", plan=plan)


def crisis_stderr_line(local_line: str | None) -> str:
    """One line for --json callers: the JSON says crisis, a person still needs the numbers."""
    from psymitrix_cli.domain.crisis import IASP_DIRECTORY

    local = (local_line or "").strip()
    return messages.ASSESSMENT_CRISIS_LINE.format(
        iasp=IASP_DIRECTORY, local=f", or call {local}." if local else "."
    )


def history(term: Terminal, page: dict[str, Any], timezone: str | None) -> None:
    """Oldest at the top, so the bars read as a trend; each bar is scaled to its test's max."""
    from rich.table import Table
    from rich.text import Text

    items = page["items"]
    if not items:
        term.line(messages.ASSESSMENT_EMPTY)
        return
    # No box: the chart fits 80 columns even with "moderately severe" and a 16-char ID.
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False, header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Test", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Band", no_wrap=True)
    table.add_column("ID", style="dim", no_wrap=True)
    from psymitrix_cli.ui.tables import short_ids

    shorts = dict(zip((i["id"] for i in items), short_ids(items), strict=True))
    for item in reversed(items):
        instrument = rules.get_instrument(item["instrument"])
        style = band_style(item["severity"])
        table.add_row(
            local_time(item["takenAt"], timezone, "%Y-%m-%d"),
            instrument.name,
            Text(bar(item["total"], instrument.max_total), style=style),
            f"{item['total']}/{instrument.max_total}",
            Text(item["severity"], style=style),
            shorts[item["id"]],
        )
    term.print(table)
    if page.get("nextCursor"):
        term.line(
            messages.MORE_ENTRIES.format(
                command=messages.ASSESSMENT_MORE_HINT, cursor=page["nextCursor"]
            ),
            style="dim",
        )
