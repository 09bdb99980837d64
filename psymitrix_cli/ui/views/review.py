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
    return messages.REVIEW_CHANGE.format(sign="+" if value > 0 else "", value=value)


def review(term: Terminal, r: dict[str, Any]) -> None:
    period, mood, sleep = r["period"], r["mood"], r["sleep"]
    term.print(messages.REVIEW_TITLE.format(start=period["start"], end=period["end"]))
    if mood["days"]:
        term.prose(
            messages.REVIEW_MOOD.format(
                average=_n(mood["average"]), days=mood["days"], change=_change(mood["change"])
            )
        )
        best, hardest = mood["best"], mood["hardest"]
        if best["date"] != hardest["date"]:
            term.prose(
                messages.REVIEW_BEST_WORST.format(
                    best=best["date"],
                    best_mood=best["mood"],
                    hardest=hardest["date"],
                    hardest_mood=hardest["mood"],
                )
            )
        _mood_chart(term, r)
    else:
        term.prose(messages.REVIEW_NO_MOOD)
    if sleep["nights"]:
        term.prose(
            messages.REVIEW_SLEEP.format(
                average=_n(sleep["averageScore"]),
                nights=sleep["nights"],
                hours=messages.REVIEW_SLEEP_HOURS.format(hours=_n(sleep["averageHours"], " h"))
                if sleep["averageHours"]
                else "",
                change=_change(sleep["change"]),
            )
        )
    _sleep_and_mood(term, r["sleepAndNextDayMood"])
    _groups(term, messages.REVIEW_BY_TAG, [(g["tag"], g) for g in r["moodByTag"][:6]])
    _groups(term, messages.REVIEW_BY_WEEKDAY, [(g["weekday"][:3], g) for g in r["moodByWeekday"]])
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
        term.print(messages.REVIEW_MOOD_CHART.format(bars=bars))
        term.print(f"    └ {days[0]:%a %d} … {days[-1]:%a %d}", highlight=False)
        return
    if len(days) > 62:
        _year_in_pixels(term, start, end, daily)
        return
    term.prose(messages.REVIEW_CALENDAR_LEGEND)
    first = start - timedelta(days=start.weekday())
    week = first
    while week <= end:
        cells = []
        for i in range(7):
            d = week + timedelta(days=i)
            inside = start <= d <= end
            cells.append(_pixel(daily.get(d.isoformat())) if inside else " ")
        term.print(f"  {week:%d %b} " + " ".join(cells), highlight=False)
        week += timedelta(days=7)


def _pixel(value: float | None) -> str:
    return "[dim]·[/dim]" if value is None else _PIXELS[max(1, min(5, round(value)))]


def _year_in_pixels(term: Terminal, start: date, end: date, daily: dict[str, float]) -> None:
    """A month a row, a square a day (5 + 31 x 2 columns: fits 80)."""
    term.prose(messages.REVIEW_YEAR_LEGEND)
    month = start.replace(day=1)
    while month <= end:
        cells = []
        for day in range(1, 32):
            try:
                d = month.replace(day=day)
            except ValueError:
                break
            inside = start <= d <= end
            cells.append(_pixel(daily.get(d.isoformat())) if inside else " ")
        term.print(f"  {month:%b %y} " + " ".join(cells), highlight=False)
        month = (month + timedelta(days=32)).replace(day=1)


def _sleep_and_mood(term: Terminal, relation: dict[str, Any]) -> None:
    split = relation["byHours"] if relation["byHours"]["enough"] else relation["byScore"]
    if not split["enough"]:
        term.prose(messages.REVIEW_SLEEP_TOO_FEW.format(pairs=relation["pairs"]))
        return
    good, other = split["good"], split["other"]
    term.prose(
        messages.REVIEW_SLEEP_MOOD.format(
            label=good["label"],
            mood=good["mood"],
            nights=good["nights"],
            other_mood=other["mood"],
            other_nights=other["nights"],
        )
    )


def _groups(term: Terminal, title: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
    shown = [f"{name} {g['mood']:.1f} ({g['count']})" for name, g in rows if g["mood"] is not None]
    if shown:
        term.prose(f"{title}: " + ", ".join(shown))


def _questionnaire(q: dict[str, Any]) -> str:
    first, latest = q["first"], q["latest"]
    if q["results"] == 1:
        return messages.REVIEW_TEST_ONCE.format(
            instrument=q["instrument"], total=latest["total"], severity=latest["severity"]
        )
    line = messages.REVIEW_TEST_TREND.format(
        instrument=q["instrument"],
        first=first["total"],
        first_severity=first["severity"],
        latest=latest["total"],
        severity=latest["severity"],
        results=q["results"],
    )
    if q["clinicallySignificant"]:
        return line + messages.REVIEW_TEST_IMPROVED.format(severity=latest["severity"])
    if q["reliable"]:
        return line + messages.REVIEW_TEST_CHANGED.format(
            direction=q["direction"], threshold=q["threshold"]
        )
    return line + messages.REVIEW_TEST_WITHIN.format(threshold=q["threshold"] - 1)


def _done(term: Terminal, d: dict[str, Any]) -> None:
    term.prose(
        messages.REVIEW_ACTIVITY.format(
            checkins=d["checkins"],
            journal_entries=d["journalEntries"],
            ending=messages.REVIEW_ENTRY if d["journalEntries"] == 1 else messages.REVIEW_ENTRIES,
            gratitude=d["gratitude"],
            breathing_minutes=d["breathingMinutes"],
            active_days=d["activeDays"],
            days=d["days"],
        )
    )
    if d["longestGap"] >= 3:
        term.prose(messages.REVIEW_GAP.format(days=d["longestGap"]), style="dim")
