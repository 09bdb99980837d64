"""The activity log (behavioural activation): things planned and done, and how they felt.

Behavioural activation asks a person to plan small activities, do them, and notice
their mood before and after, and the sense of achievement (mastery) and enjoyment
(pleasure) each gave. Pure: the payload and its one normaliser.

`at` is when the activity is for: the planned day (noon, in the person's calendar)
or, when none is planned, when it was logged. `doneAt` is when it was done; once a
planned activity is done, `at` is that moment too, so one done ahead of its day counts
on the day it was done (the dashboard's windows end with today).
"""

from __future__ import annotations

from dataclasses import dataclass

from psymitrix_cli import messages
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.domain.entry_kind import FUTURE_SLACK, PLAN_AHEAD, Doc, When, check
from psymitrix_cli.domain.validation import clean_text
from psymitrix_cli.errors import InvalidInput, ref

TEXT_MAX = 500
RATING_MIN, RATING_MAX = 0, 10


@dataclass(frozen=True)
class ActivityPayload:
    text: str | None = None
    planned: str | None = None  # the day it is planned for (YYYY-MM-DD)
    done: bool = False
    moodBefore: int | None = None  # camelCase: the stored and JSON name
    moodAfter: int | None = None
    mastery: int | None = None
    pleasure: int | None = None
    tags: tuple[str, ...] = ()
    at: str | None = None
    doneAt: str | None = None


def rating(value: object, field: str) -> int | None:
    """Mastery and pleasure: None, or a whole number from 0 to 10."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(
            messages.ACTIVITY_RATING_NOT_AN_INT.format(field=ref(field), value=value)
        )
    if not RATING_MIN <= value <= RATING_MAX:
        raise InvalidInput(messages.ACTIVITY_RATING_RANGE.format(field=ref(field), value=value))
    return value


def mood(value: object, field: str) -> int | None:
    """Mood before or after, 1-5 as the journal's, named by which of the two it is."""
    try:
        return rules.mood(value)
    except InvalidInput:
        raise InvalidInput(
            messages.ACTIVITY_MOOD_RANGE.format(field=ref(field), value=value),
            field=field,
        ) from None


def normalise(p: ActivityPayload, when: When) -> Doc:
    if not isinstance(p.done, bool):
        raise InvalidInput(messages.ACTIVITY_DONE_NOT_BOOL.format(done=ref("done")), field="done")
    planned = None
    if p.planned is not None:
        planned = when.date(p.planned, "planned", ahead=PLAN_AHEAD).isoformat()
    if p.at is not None:
        at = when.instant(p.at, "at", ahead=PLAN_AHEAD if planned else FUTURE_SLACK)
    elif planned is not None:
        at = when.instant(planned, "planned", ahead=PLAN_AHEAD)
    else:
        at = when.instant(None, "at")
    done_at = None
    if p.done:
        done_at = when.instant(p.doneAt, "doneAt")
        if planned is not None:
            at = done_at
    if p.moodAfter is not None and not p.done:
        raise InvalidInput(
            messages.ACTIVITY_MOOD_AFTER_NEEDS_DONE.format(
                mood_after=ref("moodAfter"), done=ref("done")
            ),
            field="moodAfter",
        )
    return {
        "at": at,
        "text": check("text", lambda: clean_text(p.text, messages.LABEL_ACTIVITY, TEXT_MAX) or ""),
        "planned": planned,
        "done": p.done,
        "doneAt": done_at,
        "moodBefore": mood(p.moodBefore, "moodBefore"),
        "moodAfter": mood(p.moodAfter, "moodAfter"),
        "mastery": check("mastery", lambda: rating(p.mastery, "mastery")),
        "pleasure": check("pleasure", lambda: rating(p.pleasure, "pleasure")),
        "tags": check("tags", lambda: rules.tags(p.tags)),
    }
