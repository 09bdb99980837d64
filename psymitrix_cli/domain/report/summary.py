"""The arithmetic of the report for a clinician. Pure.

It takes a period's entries as stored (already read, bounded by the period) and returns
one JSON-able summary. The review's rules are reused as they are: daily mood, averages,
first-to-latest questionnaire change (Jacobson-Truax reliable change at the instrument's
threshold, clinically significant change into the mild range or below) and what was done.
What the report adds: every questionnaire result in order with its change from the one
before, the PHQ-9 item 9 history, and weekly means for the charts' text forms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain import review as rules
from psymitrix_cli.domain.assessments import CHOICES, INSTRUMENTS, PHQ9, Instrument
from psymitrix_cli.domain.review import Doc, Period

DEFAULT_DAYS = 90  # about three months: the span a clinician usually reviews
ITEM9 = 8  # PHQ-9 item 9, zero-based


def period(today: date, since: date | None = None, until: date | None = None) -> Period:
    """From `since` (default: DEFAULT_DAYS up to `until`) to `until` (default: today)."""
    end = until or today
    start = since or end - timedelta(days=DEFAULT_DAYS - 1)
    return Period(start, end)


def _instrument(name: str) -> Instrument:
    return next(i for i in INSTRUMENTS.values() if i.name == name)


def assessment_rows(results: Iterable[Doc], zone: str) -> list[dict[str, Any]]:
    """Every result, oldest first, each with its change from the result of the same
    questionnaire before it in the list and whether that change is reliable (at or above
    the instrument's threshold: 5 for PHQ-9, 4 for GAD-7)."""
    rows: list[dict[str, Any]] = []
    last: dict[str, int] = {}
    for result in sorted(results, key=lambda r: r["takenAt"]):
        instrument = _instrument(result["instrument"])
        total = int(result["total"])
        before = last.get(instrument.name)
        change = None if before is None else total - before
        answers = result.get("answers") or []
        rows.append(
            {
                "instrument": instrument.name,
                "takenAt": result["takenAt"],
                "date": rules.local_date(result["takenAt"], zone).isoformat(),
                "total": total,
                "max": instrument.max_total,
                "severity": result["severity"],
                "change": change,
                "reliable": change is not None and abs(change) >= instrument.reliable_change,
                "item9": (
                    int(answers[ITEM9]) if instrument is PHQ9 and len(answers) > ITEM9 else None
                ),
            }
        )
        last[instrument.name] = total
    return rows


def item9_history(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """PHQ-9 item 9 ("thoughts that you would be better off dead or of hurting yourself")
    at each PHQ-9, oldest first, with the answer's words."""
    return [
        {
            "date": r["date"],
            "takenAt": r["takenAt"],
            "answer": r["item9"],
            "label": CHOICES[r["item9"]],
        }
        for r in rows
        if r["instrument"] == PHQ9.name and r["item9"] is not None
    ]


def weekly(span: Period, values: Mapping[date, float]) -> list[dict[str, Any]]:
    """The mean of the values in each run of 7 days from the period's start (the last run
    may be shorter), with how many days had a value."""
    out = []
    for first in range(0, span.days, 7):
        days = [span.start + timedelta(days=first + i) for i in range(min(7, span.days - first))]
        found = [values[d] for d in days if d in values]
        out.append({"start": days[0].isoformat(), "mean": rules.mean(found), "days": len(found)})
    return out


def nights(sleep: Iterable[Doc]) -> list[dict[str, Any]]:
    return [
        {"date": n["date"], "score": int(n["score"]), "hours": n.get("hours")}
        for n in sorted(sleep, key=lambda n: n["date"])
    ]


def journal_entries(journal: Iterable[Doc], zone: str) -> list[dict[str, Any]]:
    """The journal as the report shows it when asked to: oldest first, local date and time."""
    out = []
    for entry in sorted(journal, key=lambda e: e["at"]):
        local = parse_iso(entry["at"]).astimezone(ZoneInfo(zone))
        out.append(
            {
                "date": local.date().isoformat(),
                "time": local.strftime("%H:%M"),
                "mood": entry.get("mood"),
                "tags": list(entry.get("tags") or []),
                "text": entry.get("text") or "",
            }
        )
    return out


def _with_local_dates(changes: list[dict[str, Any]], zone: str) -> list[dict[str, Any]]:
    """The review's first-to-latest changes, each end with its day in the person's zone."""
    for change in changes:
        for end in ("first", "latest"):
            change[end]["date"] = rules.local_date(change[end]["takenAt"], zone).isoformat()
    return changes


def build(
    span: Period,
    zone: str,
    entries: Mapping[str, Sequence[Doc]],
    *,
    checkin_tag: str,
    include_journal: bool = False,
) -> dict[str, Any]:
    """The summary of one period. `entries` holds the period's journal, sleep,
    gratitude, breathing and assessments, as stored."""
    journal, sleep = entries["journal"], entries["sleep"]
    days = rules.daily_mood(journal, zone)
    sleep_rows = nights(sleep)
    scores = {date.fromisoformat(n["date"]): float(n["score"]) for n in sleep_rows}
    hours = {
        date.fromisoformat(n["date"]): float(n["hours"])
        for n in sleep_rows
        if n["hours"] is not None
    }
    rows = assessment_rows(entries["assessments"], zone)
    return {
        "period": {"start": span.start.isoformat(), "end": span.end.isoformat(), "days": span.days},
        "timezone": zone,
        "mood": {
            "average": rules.mean(days.values()),
            "days": len(days),
            "daily": {d.isoformat(): m for d, m in days.items()},
            "weekly": weekly(span, days),
        },
        "sleep": {
            "averageScore": rules.mean(scores.values()),
            "averageHours": rules.mean(hours.values()),
            "nights": len(sleep_rows),
            "daily": sleep_rows,
            "weeklyScore": weekly(span, scores),
            "weeklyHours": weekly(span, hours),
        },
        "questionnaires": _with_local_dates(rules.questionnaires(entries["assessments"]), zone),
        "assessments": rows,
        "item9": item9_history(rows),
        "done": rules.done(
            span,
            zone,
            journal,
            entries["gratitude"],
            entries["breathing"],
            sleep,
            checkin_tag,
        ),
        "journal": journal_entries(journal, zone) if include_journal else None,
    }
