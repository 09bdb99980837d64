"""The trackers' payloads (what a person writes) and the one normaliser of each. Pure.

A payload is the definition of a kind's fields: the CLI builds one from its flags,
the server from a JSON body, the outbox from what it queues, an import from an
exported entry. Each goes through the same `normalise(payload, when)`, which checks
every field (an error names the field) and returns the stored fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from psymitrix_cli import messages
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.domain.entry_kind import Doc, When, check
from psymitrix_cli.errors import InvalidInput

BREATHING_FUTURE_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class JournalPayload:
    text: str | None = None
    mood: int | None = None
    tags: tuple[str, ...] = ()
    at: str | None = None  # when it happened: an ISO date-time in the person's timezone


def journal(p: JournalPayload, when: When) -> Doc:
    mood = check("mood", lambda: rules.mood(p.mood))
    return {
        "at": when.instant(p.at, "at"),
        "text": check("text", lambda: rules.entry_text(p.text)),
        "mood": mood,
        "moodLabel": rules.mood_label(mood),
        "tags": check("tags", lambda: rules.tags(p.tags)),
    }


@dataclass(frozen=True)
class GratitudePayload:
    items: tuple[str, ...] = ()
    at: str | None = None


def gratitude(p: GratitudePayload, when: When) -> Doc:
    return {
        "at": when.instant(p.at, "at"),
        "items": check("items", lambda: rules.gratitude_items(p.items)),
    }


@dataclass(frozen=True)
class SleepPayload:
    score: int
    hours: float | None = None
    date: str | None = None  # the night, in the person's calendar (default: today)
    note: str | None = None


def sleep(p: SleepPayload, when: When) -> Doc:
    return {
        "date": when.date(p.date, "date").isoformat(),
        "score": check("score", lambda: rules.sleep_score(p.score)),
        "hours": check("hours", lambda: rules.sleep_hours(p.hours)),
        "note": check("note", lambda: rules.sleep_note(p.note)),
    }


@dataclass(frozen=True)
class BreathingPayload:
    pattern: str
    label: str
    cycles: int
    startedAt: str  # camelCase: the stored and JSON name (see entry_kind.py)
    endedAt: str
    durationSeconds: float
    completed: bool
    plannedCycles: int | None = None


def breathing(p: BreathingPayload, when: When) -> Doc:
    from psymitrix_cli.domain.breathing import session_record

    record = session_record(
        pattern=p.pattern,
        label=p.label,
        cycles=p.cycles,
        started_at=p.startedAt,
        ended_at=p.endedAt,
        duration_seconds=p.durationSeconds,
        completed=p.completed,
        planned_cycles=p.plannedCycles,
    )
    if parse_iso(record["endedAt"]) > when.now + BREATHING_FUTURE_SLACK:
        raise InvalidInput(messages.SESSION_ENDS_IN_FUTURE, field="endedAt")
    return record
