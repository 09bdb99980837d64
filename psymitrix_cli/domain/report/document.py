"""The report as a document: the summary (summary.py) in blocks, in reading order. Pure.

Blocks are plain values (a heading, a sentence, a table with its marked rows, a chart's
series), so the Markdown and the HTML writers lay out the same content and say the same
things. Every string a person wrote (their name, tags, journal text, safety plan) stays
raw here; the writers escape it for their format.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from psymitrix_cli import messages
from psymitrix_cli.domain.assessments import GAD7, PHQ9
from psymitrix_cli.domain.safety_plan import SECTIONS

Kind = Literal["h2", "h3", "p", "note", "table", "chart", "ul", "text"]


@dataclass(frozen=True)
class Chart:
    """One series over evenly spaced points (days, or results in order)."""

    title: str
    labels: tuple[str, ...]  # one per point: an ISO date
    values: tuple[float | None, ...]
    low: float
    high: float
    ticks: tuple[float, ...]
    style: Literal["line", "bars"] = "line"
    guides: tuple[tuple[float, str], ...] = ()  # a dashed line at a value, labelled
    scale: str = ""  # the scale in words: "1 (awful) to 5 (great)"
    point: str = "day"  # what one point is: a day, a night, a result


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # a table: the first row is the header
    marked: frozenset[int] = frozenset()  # body rows (0-based) to draw attention to
    chart: Chart | None = None


@dataclass
class Document:
    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: Kind, text: str = "", **more: Any) -> None:
        self.blocks.append(Block(kind, text, **more))


def _n(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _signed(value: int | None) -> str:
    return "—" if value is None else f"{value:+d}" if value else "0"


def change_sentence(q: Mapping[str, Any]) -> str:
    """The first-to-latest change of one questionnaire, in words."""
    first, latest = q["first"], q["latest"]
    if q["results"] == 1:
        return f"{q['instrument']}: one result, {latest['total']} ({latest['severity']})."
    line = (
        f"{q['instrument']}: {first['total']} ({first['severity']}) on {first['date']} "
        f"to {latest['total']} ({latest['severity']}) on {latest['date']}, "
        f"{q['results']} results, a change of {_signed(q['change'])}"
    )
    if q["clinicallySignificant"]:
        return line + ": reliable and clinically significant improvement."
    if q["reliable"]:
        word = "improvement" if q["direction"] == "better" else "worsening"
        return line + f": reliable {word} (±{q['threshold']} or more)."
    return line + f": not a reliable change (under ±{q['threshold']})."


def _questionnaires(doc: Document, s: Mapping[str, Any]) -> None:
    doc.add("h2", "PHQ-9 and GAD-7")
    if not s["assessments"]:
        doc.add("p", messages.REPORT_NO_QUESTIONNAIRES)
        return
    for q in s["questionnaires"]:
        doc.add("p", change_sentence(q))
    rows = s["assessments"]
    header = ("Date", "Questionnaire", "Total", "Severity", "Change", "Reliable change")
    body = tuple(
        (
            r["date"],
            r["instrument"],
            f"{r['total']} / {r['max']}",
            r["severity"],
            _signed(r["change"]),
            "yes" if r["reliable"] else "—" if r["change"] is None else "no",
        )
        for r in rows
    )
    marked = frozenset(i for i, r in enumerate(rows) if r["reliable"])
    doc.add("table", rows=(header, *body), marked=marked)
    for instrument in (PHQ9, GAD7):
        mine = [r for r in rows if r["instrument"] == instrument.name]
        if len(mine) < 2:
            continue
        guides = tuple((float(low), label) for low, _, label in instrument.bands[1:])
        step = 5 if instrument.max_total > 21 else 3
        doc.add(
            "chart",
            chart=Chart(
                title=f"{instrument.name} total, each result",
                labels=tuple(r["date"] for r in mine),
                values=tuple(float(r["total"]) for r in mine),
                low=0,
                high=float(instrument.max_total),
                ticks=tuple(float(t) for t in range(0, instrument.max_total + 1, step)),
                guides=guides,
                scale=f"0 to {instrument.max_total}",
                point="result",
            ),
        )
    doc.add(
        "note",
        messages.REPORT_RELIABLE_NOTE.format(phq=PHQ9.reliable_change, gad=GAD7.reliable_change),
    )


def _item9(doc: Document, s: Mapping[str, Any]) -> None:
    doc.add("h2", "PHQ-9 item 9")
    history = s["item9"]
    if not history:
        doc.add("p", messages.REPORT_NO_PHQ9)
        return
    raised = [h for h in history if h["answer"] > 0]
    doc.add("p", messages.REPORT_ITEM9_RAISED.format(count=len(raised), total=len(history)))
    body = tuple((h["date"], f"{h['answer']}: {h['label']}") for h in history)
    marked = frozenset(i for i, h in enumerate(history) if h["answer"] > 0)
    doc.add("table", rows=(("Date", "Answer"), *body), marked=marked)
    doc.add("note", messages.REPORT_ITEM9_NOTE.format(item=PHQ9.items[8]))


def _daily(
    s: Mapping[str, Any], values: Mapping[str, float]
) -> tuple[tuple[str, ...], tuple[float | None, ...]]:
    start = date.fromisoformat(s["period"]["start"])
    days = [(start + timedelta(days=i)).isoformat() for i in range(s["period"]["days"])]
    return tuple(days), tuple(values.get(d) for d in days)


def _mood_and_sleep(doc: Document, s: Mapping[str, Any]) -> None:
    mood, sleep = s["mood"], s["sleep"]
    doc.add("h2", "Mood and sleep")
    if mood["days"]:
        doc.add(
            "p",
            f"Mood (1 awful to 5 great) averaged {_n(mood['average'])} over {mood['days']} "
            f"day(s) with a rating.",
        )
        labels, values = _daily(s, mood["daily"])
        doc.add(
            "chart",
            chart=Chart("Mood, daily average", labels, values, 1, 5, (1, 2, 3, 4, 5),
                        scale="1 (awful) to 5 (great)"),
        )  # fmt: skip
    else:
        doc.add("p", messages.REPORT_NO_MOOD)
    if sleep["nights"]:
        hours = f", {_n(sleep['averageHours'])} h a night" if sleep["averageHours"] else ""
        doc.add(
            "p",
            f"Sleep quality (1 to 10) averaged {_n(sleep['averageScore'])} over "
            f"{sleep['nights']} night(s){hours}.",
        )
        scores = {n["date"]: float(n["score"]) for n in sleep["daily"]}
        labels, values = _daily(s, scores)
        doc.add(
            "chart",
            chart=Chart("Sleep quality, each night", labels, values, 0, 10, (0, 2, 4, 6, 8, 10),
                        style="bars", scale="score 1 to 10", point="night"),
        )  # fmt: skip
    else:
        doc.add("p", messages.REPORT_NO_SLEEP)
    if mood["days"] or sleep["nights"]:
        header = ("Week from", "Mood (days)", "Sleep score (nights)", "Hours")
        body = tuple(
            (
                m["start"],
                f"{_n(m['mean'])} ({m['days']})",
                f"{_n(q['mean'])} ({q['days']})",
                _n(h["mean"]),
            )
            for m, q, h in zip(
                mood["weekly"], sleep["weeklyScore"], sleep["weeklyHours"], strict=True
            )
            if m["days"] or q["days"]  # a week with nothing is a gap the charts show
        )
        doc.add("table", rows=(header, *body))


def _done(doc: Document, d: Mapping[str, Any]) -> None:
    doc.add("h2", "What was done")
    rows = (
        ("Check-ins", str(d["checkins"])),
        ("Journal entries", str(d["journalEntries"])),
        ("Gratitude notes", str(d["gratitude"])),
        ("Breathing", f"{d['breathingSessions']} session(s), {d['breathingMinutes']:g} min"),
        ("Nights of sleep logged", str(d["sleepNights"])),
        ("Days with any entry", f"{d['activeDays']} of {d['days']}"),
        ("Longest run of days with nothing logged", str(d["longestGap"])),
    )
    doc.add("table", rows=(("", "In this period"), *rows))


def _safety_plan(doc: Document, plan: Mapping[str, Any]) -> None:
    doc.add("h2", "Safety plan")
    if not plan.get("exists"):
        doc.add("p", messages.REPORT_NO_SAFETY_PLAN)
        return
    for section in SECTIONS:
        items = plan.get(section.key) or []
        if not items:
            continue
        lines = tuple(
            (f"{i['name']}: {i['phone']}" if i.get("phone") else i["name"])
            if isinstance(i, Mapping)
            else str(i)
            for i in items
        )
        doc.add("h3", section.title)
        doc.add("ul", items=lines)


def _journal(doc: Document, entries: Sequence[Mapping[str, Any]] | None) -> None:
    doc.add("h2", "Journal")
    if entries is None:
        doc.add("p", messages.REPORT_JOURNAL_LEFT_OUT)
        return
    if not entries:
        doc.add("p", messages.REPORT_NO_JOURNAL)
        return
    for e in entries:
        mood = f", mood {e['mood']}/5" if e.get("mood") is not None else ""
        tags = f", tags: {', '.join(e['tags'])}" if e.get("tags") else ""
        doc.add("h3", f"{e['date']} {e['time']}{mood}{tags}")
        if e["text"]:
            doc.add("text", e["text"])


def build(summary: Mapping[str, Any], safety_plan: Mapping[str, Any] | None = None) -> Document:
    """The whole report, in order; the safety plan only when one is given."""
    period = summary["period"]
    doc = Document(
        messages.REPORT_TITLE,
        f"{summary['name']} · {period['start']} to {period['end']} · "
        f"made {summary['generatedAt'][:10]} · times in {summary['timezone']}",
    )
    doc.add(
        "note",
        messages.REPORT_NOT_A_DIAGNOSIS.format(
            name=summary["name"], start=period["start"], end=period["end"]
        ),
    )
    _questionnaires(doc, summary)
    _item9(doc, summary)
    _mood_and_sleep(doc, summary)
    _done(doc, summary["done"])
    if safety_plan is not None:
        _safety_plan(doc, safety_plan)
    _journal(doc, summary.get("journal"))
    doc.add("note", messages.REPORT_MACHINE_READABLE)
    return doc
