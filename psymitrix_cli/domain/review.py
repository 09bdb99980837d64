"""The weekly or monthly review: what the history says, in plain arithmetic. Pure.

Everything here takes entries already read for a period (dicts as stored) and the
person's timezone, and returns numbers with their sample sizes. Nothing is claimed
from too few data: a relation needs `MIN_PAIRS` nights with a next day and at least
`MIN_GROUP` on each side of the split, or it is reported as "not enough yet".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from psymitrix_cli import messages
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain.assessments import INSTRUMENTS, Instrument, severity

Doc = Mapping[str, Any]
Span = Literal["week", "month", "year"]
SPAN_DAYS: dict[str, int] = dict(zip(get_args(Span), (7, 30, 365), strict=True))
MIN_PAIRS = 6  # nights with a mood the next day, before sleep and mood are compared
MIN_GROUP = 3  # on each side of the split
GOOD_SLEEP_HOURS = 7.0
GOOD_SLEEP_SCORE = 7
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MILD_OR_BELOW = ("minimal", "mild")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def before(self) -> Period:
        """The period of the same length just before this one."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]


def period(today: date, span: Span = "week", since: date | None = None) -> Period:
    """The last 7, 30 or 365 days up to today, or from `since` to today."""
    if since is not None:
        return Period(min(since, today), today)
    return Period(today - timedelta(days=SPAN_DAYS[span] - 1), today)


def local_date(instant: str, zone: str) -> date:
    return parse_iso(instant).astimezone(ZoneInfo(zone)).date()


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return round(sum(items) / len(items), 2) if items else None


def change(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 2)


# --- mood ----------------------------------------------------------------------------------


def daily_mood(journal: Iterable[Doc], zone: str) -> dict[date, float]:
    """The average mood of each day that has a rated entry."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for entry in journal:
        if entry.get("mood") is not None:
            by_day[local_date(entry["at"], zone)].append(int(entry["mood"]))
    return {day: round(sum(m) / len(m), 2) for day, m in sorted(by_day.items())}


def best_and_hardest(days: Mapping[date, float]) -> dict[str, Any]:
    """The best and the hardest day (the earliest on a tie), or None for each."""
    if not days:
        return {"best": None, "hardest": None}
    best = max(days, key=lambda d: (days[d], -d.toordinal()))
    hardest = min(days, key=lambda d: (days[d], d.toordinal()))
    return {
        "best": {"date": best.isoformat(), "mood": days[best]},
        "hardest": {"date": hardest.isoformat(), "mood": days[hardest]},
    }


def by_tag(journal: Iterable[Doc]) -> list[dict[str, Any]]:
    """Mean mood of the entries with each tag, most used first."""
    moods: dict[str, list[int]] = defaultdict(list)
    for entry in journal:
        if entry.get("mood") is None:
            continue
        for tag in entry.get("tags") or ():
            moods[tag].append(int(entry["mood"]))
    rows = [{"tag": t, "mood": mean(m), "count": len(m)} for t, m in moods.items()]
    return sorted(rows, key=lambda r: (-r["count"], r["tag"]))


def by_weekday(days: Mapping[date, float]) -> list[dict[str, Any]]:
    """Mean of the daily moods falling on each weekday (only weekdays with data)."""
    moods: dict[int, list[float]] = defaultdict(list)
    for day, value in days.items():
        moods[day.weekday()].append(value)
    return [
        {"weekday": WEEKDAYS[w], "mood": mean(moods[w]), "count": len(moods[w])}
        for w in sorted(moods)
    ]


# --- sleep and next-day mood ---------------------------------------------------------------


def sleep_and_next_day_mood(sleep: Iterable[Doc], days: Mapping[date, float]) -> dict[str, Any]:
    """A within-person, lagged comparison: each night of D (as sleep is logged) against the
    mood of day D+1, split at 7 hours (when hours were logged) and at a score of 7.

    Each split reports both sides' mean next-day mood and counts, or `enough: False`."""
    pairs = []
    for night in sleep:
        next_day = date.fromisoformat(night["date"]) + timedelta(days=1)
        if next_day in days:
            pairs.append((night, days[next_day]))
    hours = [(n["hours"] >= GOOD_SLEEP_HOURS, m) for n, m in pairs if n.get("hours") is not None]
    score = [(int(n["score"]) >= GOOD_SLEEP_SCORE, m) for n, m in pairs]
    return {
        "pairs": len(pairs),
        "byHours": _split(
            hours,
            messages.REVIEW_HOURS_OR_MORE.format(hours=GOOD_SLEEP_HOURS),
            messages.REVIEW_LESS,
        ),
        "byScore": _split(
            score,
            messages.REVIEW_SCORE_OR_MORE.format(score=GOOD_SLEEP_SCORE),
            messages.REVIEW_LOWER,
        ),
    }


def _split(pairs: Sequence[tuple[bool, float]], good: str, other: str) -> dict[str, Any]:
    high = [m for ok, m in pairs if ok]
    low = [m for ok, m in pairs if not ok]
    enough = len(pairs) >= MIN_PAIRS and len(high) >= MIN_GROUP and len(low) >= MIN_GROUP
    return {
        "enough": enough,
        "good": {"label": good, "mood": mean(high), "nights": len(high)},
        "other": {"label": other, "mood": mean(low), "nights": len(low)},
    }


# --- questionnaires ------------------------------------------------------------------------


def questionnaire_change(results: Sequence[Doc], instrument: Instrument) -> dict[str, Any] | None:
    """From the first to the latest result of one instrument (oldest first given in any
    order): the change, whether it is reliable (Jacobson-Truax, the instrument's
    threshold) and clinically significant (a reliable fall into the mild range or below)."""
    mine = sorted(
        (r for r in results if r.get("instrument") == instrument.name), key=lambda r: r["takenAt"]
    )
    if not mine:
        return None
    first, last = mine[0], mine[-1]
    delta = int(last["total"]) - int(first["total"])
    reliable = len(mine) > 1 and abs(delta) >= instrument.reliable_change
    direction = "better" if delta < 0 else "worse" if delta > 0 else "same"
    band_then, band_now = severity(instrument, first["total"]), severity(instrument, last["total"])
    significant = (
        reliable and delta < 0 and band_then not in MILD_OR_BELOW and band_now in MILD_OR_BELOW
    )
    return {
        "instrument": instrument.name,
        "results": len(mine),
        "first": {"total": first["total"], "severity": band_then, "takenAt": first["takenAt"]},
        "latest": {"total": last["total"], "severity": band_now, "takenAt": last["takenAt"]},
        "change": delta,
        "direction": direction,
        "reliable": reliable,
        "clinicallySignificant": significant,
        "threshold": instrument.reliable_change,
    }


def questionnaires(results: Sequence[Doc]) -> list[dict[str, Any]]:
    found = (questionnaire_change(results, i) for i in INSTRUMENTS.values())
    return [c for c in found if c is not None]


# --- what was done -------------------------------------------------------------------------


def done(
    span: Period,
    zone: str,
    journal: Sequence[Doc],
    gratitude: Sequence[Doc],
    breathing: Sequence[Doc],
    sleep: Sequence[Doc],
    checkin_tag: str,
) -> dict[str, Any]:
    """Counts of what was done, the days with anything at all, and the longest gap."""
    active = {local_date(e["at"], zone) for e in (*journal, *gratitude)}
    active |= {local_date(b["startedAt"], zone) for b in breathing}
    active |= {date.fromisoformat(s["date"]) for s in sleep}
    longest = run = 0
    for day in span.dates():
        run = 0 if day in active else run + 1
        longest = max(longest, run)
    return {
        "checkins": sum(1 for e in journal if checkin_tag in (e.get("tags") or ())),
        "journalEntries": len(journal),
        "gratitude": len(gratitude),
        "breathingMinutes": round(sum(b.get("durationSeconds", 0) for b in breathing) / 60, 1),
        "breathingSessions": len(breathing),
        "sleepNights": len(sleep),
        "activeDays": len(active & set(span.dates())),
        "days": span.days,
        "longestGap": longest,
    }
