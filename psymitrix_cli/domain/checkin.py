"""The daily check-in's own rules: what goes with what, and the entry it writes.

Shared by the check-in service and by the api backend when it has to queue a
check-in part by part in the outbox, so both check and word it the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from psymitrix_cli.domain import journal as rules
from psymitrix_cli.errors import InvalidInput

TAG = "checkin"


def validate(
    mood: int | None,
    note: str | None,
    sleep_score: int | None,
    sleep_hours: float | None,
    gratitude: Sequence[str],
) -> None:
    """Check every part before anything is written: a bad part must not leave half a check-in."""
    if mood is None and note and note.strip():
        raise InvalidInput("A check-in note goes with a mood; add --mood 1-5.")
    if sleep_score is None and sleep_hours is not None:
        raise InvalidInput("--hours goes with --sleep (last night's score, 1-10).")
    if mood is None and sleep_score is None and not gratitude:
        raise InvalidInput("Nothing to check in; give --mood, --sleep or --gratitude.")
    if mood is not None:
        rules.mood(mood)
    if sleep_score is not None:
        rules.sleep_score(sleep_score)
        rules.sleep_hours(sleep_hours)
    if gratitude:
        rules.gratitude_items(gratitude)


def journal_text(mood: int, note: str | None) -> str:
    """The mood entry a check-in writes: the note, or a line naming the mood."""
    if note and note.strip():
        return note
    return f"Daily check-in: feeling {rules.mood_label(mood)}."
