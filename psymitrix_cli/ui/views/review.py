"""How a review reads: short sentences with their numbers, and charts with a scale."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal

_BLOCKS = " ▁▂▃▄▅▆▇█"
_PIXELS = {1: "[red]█[/red]", 2: "[yellow]█[/yellow]", 3: "[white]█[/white]"}
_PIXELS |= {4: "[green]█[/green]", 5: "[bright_green]█[/bright_green]"}


def _n(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:.1f}{unit}"


def _change(value: float | None) -> str:
    if value is None:
        return ""
    return f" ({'+' if value > 0 else ''}{value:.1f} on the period before)"


def review(term: Terminal, r: dict[str, Any]) -> None:
    period, mood, sleep = r["period"], r["mood"], r["sleep"]
    term.print(f"[bold]Review[/bold] {period['start']} to {period['end']}")
    if mood["days"]:
        term.prose(
            f"Mood averaged {_n(mood['average'])} of 5 over {mood['days']} day(s)"
            + _change(mood["change"])
        )
        best, hardest = mood["best"], mood["hardest"]
        if best["date"] != hardest["date"]:
            term.prose(
                f"Best day {best['date']} ({best['mood']:.1f}); hardest {hardest['date']} "
                f"({hardest['mood']:.1f})."
            )
        _mood_chart(term, r)
    else:
        term.prose(messages.REVIEW_NO_MOOD)
    if sleep["nights"]:
        term.prose(
            f"Sleep scored {_n(sleep['averageScore'])} of 10 over {sleep['nights']} night(s)"
            + (f", {_n(sleep['averageHours'], ' h')} a night" if sleep["averageHours"] else "")
            + _change(sleep["change"])
        )
    _sleep_and_mood(term, r["sleepAndNextDayMood"])
    _groups(term, "By tag", [(g["tag"], g) for g in r["moodByTag"][:6]])
    _groups(term, "By weekday", [(g["weekday"][:3], g) for g in r["moodByWeekday"]])
    for q in r["questionnaires"]:
        term.prose(_questionnaire(q))
    _done(term, r["done"])


def _mood_chart(term: Terminal, r: dict[str, Any]) -> None:
    """A bar a day, on a 1-5 scale; a calendar of coloured squares for a month or more."""
    start = date.fromisoformat(r["period"]["start"])
    end = date.fromisoformat(r["period"]["end"])
    daily = r["mood"]["daily"]
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    if len(days) <= 14:
        bars = "".join(
            "·" if d.isoformat() not in daily else _BLOCKS[round(daily[d.isoformat()] / 5 * 8)]
            for d in days
        )
        term.print(f"  5 ┤ [cyan]{bars}[/cyan]  mood a day, 1 (awful) to 5 (great); · none")
        term.print(f"    └ {days[0]:%a %d} … {days[-1]:%a %d}", highlight=False)
        return
    term.prose("  Mon-Sun, one square a day (red awful … bright green great; · none):")
    first = start - timedelta(days=start.weekday())
    week = first
    while week <= end:
        cells = []
        for i in range(7):
            d = week + timedelta(days=i)
            value = daily.get(d.isoformat())
            if d < start or d > end:
                cells.append(" ")
            elif value is None:
                cells.append("[dim]·[/dim]")
            else:
                cells.append(_PIXELS[max(1, min(5, round(value)))])
        term.print(f"  {week:%d %b} " + " ".join(cells), highlight=False)
        week += timedelta(days=7)


def _sleep_and_mood(term: Terminal, relation: dict[str, Any]) -> None:
    split = relation["byHours"] if relation["byHours"]["enough"] else relation["byScore"]
    if not split["enough"]:
        term.prose(messages.REVIEW_SLEEP_TOO_FEW.format(pairs=relation["pairs"]))
        return
    good, other = split["good"], split["other"]
    term.prose(
        f"On nights you slept {good['label']}, your next-day mood averaged {good['mood']:.1f} "
        f"({good['nights']} nights), against {other['mood']:.1f} on the other {other['nights']}."
    )


def _groups(term: Terminal, title: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
    shown = [f"{name} {g['mood']:.1f} ({g['count']})" for name, g in rows if g["mood"] is not None]
    if shown:
        term.prose(f"{title}: " + ", ".join(shown))


def _questionnaire(q: dict[str, Any]) -> str:
    first, latest = q["first"], q["latest"]
    if q["results"] == 1:
        return f"{q['instrument']}: {latest['total']} ({latest['severity']}), one result."
    line = (
        f"{q['instrument']}: {first['total']} ({first['severity']}) to {latest['total']} "
        f"({latest['severity']}) over {q['results']} results"
    )
    if q["clinicallySignificant"]:
        return line + f": a reliable improvement, now in the {latest['severity']} range."
    if q["reliable"]:
        return line + f": a reliable change for the {q['direction']} (±{q['threshold']} or more)."
    return line + f": within ±{q['threshold'] - 1}, which can be day-to-day variation."


def _done(term: Terminal, d: dict[str, Any]) -> None:
    term.prose(
        f"You checked in {d['checkins']} time(s), wrote {d['journalEntries']} journal "
        f"entr{'y' if d['journalEntries'] == 1 else 'ies'}, noted {d['gratitude']} gratitude "
        f"and breathed for {d['breathingMinutes']:g} min; something on {d['activeDays']} of "
        f"{d['days']} days."
    )
    if d["longestGap"] >= 3:
        term.prose(messages.REVIEW_GAP.format(days=d["longestGap"]), style="dim")
