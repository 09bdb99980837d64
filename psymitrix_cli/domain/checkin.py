"""The daily check-in, planned once: what goes with what, and the entries it writes.

`plan` checks every part before anything is written (a bad part must not leave half
a check-in) and returns the parts as payloads of registry kinds. The check-in
service writes them through each kind's service; the api backend, when the server
is out of reach, queues the whole check-in in the outbox. Neither words or checks a
part on its own.

One check-in a day: each part of a day's check-in has an id derived from the person,
the day and the part (`entry_id`), so running it again, a cron job retried, or the
outbox replaying it, updates that day's entries instead of adding more. `new` asks for
fresh entries on purpose; `at` (a date, or a date and time) backfills a missed day.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.domain.activity import ActivityPayload
from psymitrix_cli.domain.entries import ACTIVITY, GRATITUDE, MOOD_JOURNAL, SLEEP
from psymitrix_cli.domain.entry_kind import EntryKind, When
from psymitrix_cli.domain.trackers import GratitudePayload, JournalPayload, SleepPayload
from psymitrix_cli.errors import InvalidInput, ref

TAG = "checkin"
# The parts written under the day's fixed ids (sleep is one a night already).
FIXED_PARTS: dict[str, EntryKind] = {
    "journal": MOOD_JOURNAL,
    "gratitude": GRATITUDE,
    "activity": ACTIVITY,
}


@dataclass(frozen=True)
class CheckinAnswers:
    """What a person answers in a check-in; every part is optional."""

    mood: int | None = None
    note: str | None = None
    sleepScore: int | None = None  # camelCase: the JSON name
    sleepHours: float | None = None
    gratitude: tuple[str, ...] = ()
    activity: str | None = None  # one thing done today
    at: str | None = None  # the day (or moment) checked in for: a missed day, backfilled
    new: bool = False  # add fresh entries even if the day has a check-in already


@dataclass(frozen=True)
class Part:
    name: str  # its key in the check-in's result
    kind: EntryKind
    payload: Any
    replace: bool = False  # sleep: re-running a check-in updates the night


def day_of(answers: CheckinAnswers, when: When) -> date:
    """The person's calendar day the check-in is for (today, or the day `at` names)."""
    if answers.at is None:
        return when.today()
    from psymitrix_cli.clock import parse_iso

    return parse_iso(when.instant(answers.at, "at")).astimezone(when.zone).date()


def entry_id(user_id: str, day: date, part: str) -> str:
    """The id of one part of one day's check-in: the same every time it is written, so
    a second check-in that day (or a replay) meets the first and replaces it."""
    digest = hashlib.sha256(f"checkin|{user_id}|{day.isoformat()}|{part}".encode()).hexdigest()
    return digest[:16]


def journal_text(mood: int, note: str | None) -> str:
    """The mood entry a check-in writes: the note, or a line naming the mood."""
    if note and note.strip():
        return note
    return messages.CHECKIN_JOURNAL_TEXT.format(mood=rules.mood_label(mood))


def plan(answers: CheckinAnswers, when: When) -> list[Part]:
    """The entries a check-in writes, each already checked by its kind's normaliser."""
    a = answers
    if a.mood is None and a.note and a.note.strip():
        raise InvalidInput(messages.CHECKIN_NOTE_NEEDS_MOOD.format(mood=ref("mood")), field="note")
    if a.sleepScore is None and a.sleepHours is not None:
        raise InvalidInput(
            messages.CHECKIN_HOURS_NEED_SCORE.format(
                sleep_hours=ref("sleepHours"), sleep_score=ref("sleepScore")
            ),
            field="sleepHours",
        )
    if a.mood is None and a.sleepScore is None and not a.gratitude and a.activity is None:
        raise InvalidInput(
            messages.CHECKIN_NOTHING.format(
                mood=ref("mood"),
                sleep_score=ref("sleepScore"),
                gratitude=ref("gratitude"),
                activity=ref("activity"),
            )
        )
    parts: list[Part] = []
    at = a.at
    night = None if at is None else day_of(a, when).isoformat()
    if a.mood is not None:
        rules.mood(a.mood)
        text = journal_text(a.mood, a.note)
        payload = JournalPayload(text, a.mood, (TAG,), at=at)
        parts.append(Part("journal", MOOD_JOURNAL, payload))
    if a.sleepScore is not None:
        payload = SleepPayload(score=a.sleepScore, hours=a.sleepHours, date=night)
        parts.append(Part("sleep", SLEEP, payload, replace=True))
    if a.gratitude:
        parts.append(Part("gratitude", GRATITUDE, GratitudePayload(tuple(a.gratitude), at=at)))
    if a.activity is not None:
        payload = ActivityPayload(
            text=a.activity, done=True, moodAfter=a.mood, tags=(TAG,), at=at, doneAt=at
        )
        parts.append(Part("activity", ACTIVITY, payload))
    for part in parts:  # every part checked before any is written
        part.kind.stored(part.payload, when)
    return parts
