"""Rules for the mood journal, gratitude and sleep entries. Pure: no I/O, no clock.

Each function checks one input and returns it in stored form, or raises
InvalidInput with one clear line, before anything is written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeGuard

from psymitrix_cli import messages
from psymitrix_cli.domain.validation import clean_text, has_control_chars
from psymitrix_cli.errors import InvalidInput

if TYPE_CHECKING:
    from psymitrix_cli.domain.search import SearchQuery

MOOD_LABELS: dict[int, str] = {1: "awful", 2: "bad", 3: "okay", 4: "good", 5: "great"}
TEXT_MAX = 10_000
TAG_MAX_LEN = 32
TAGS_MAX = 10
# \w is Unicode-aware: letters and digits of any script, plus "_".
TAG_RE = re.compile(rf"[\w-]{{1,{TAG_MAX_LEN}}}")
SEARCH_MAX = 200
GRATITUDE_ITEMS_MAX = 3
GRATITUDE_ITEM_MAX = 500
SLEEP_SCORE_MIN, SLEEP_SCORE_MAX = 1, 10
SLEEP_HOURS_MAX = 24.0
SLEEP_NOTE_MAX = 1_000
ID_SHOWN_MAX = 40


def _whole(value: object) -> TypeGuard[int]:
    # bool is an int subclass; JSON `true` must not pass as a mood of 1.
    return isinstance(value, int) and not isinstance(value, bool)


# --- mood journal ---------------------------------------------------------------------


def entry_text(value: str | None) -> str:
    text = clean_text(value, messages.LABEL_JOURNAL_TEXT, TEXT_MAX, multiline=True) or ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def mood(value: object) -> int | None:
    """None means "no mood given"; otherwise 1 (awful) to 5 (great)."""
    if value is None:
        return None
    if not _whole(value) or value not in MOOD_LABELS:
        raise InvalidInput(messages.MOOD_RANGE.format(value=value))
    return value


def mood_label(value: int | None) -> str | None:
    return None if value is None else MOOD_LABELS[value]


def tag(value: str | None) -> str:
    """One tag in stored form: trimmed, a leading '#' dropped, lower-cased."""
    if value is None or not value.strip():
        raise InvalidInput(messages.TAG_EMPTY)
    raw = value.strip()
    if has_control_chars(raw):
        raise InvalidInput(messages.TAG_CONTROL_CHARS)
    text = unicodedata.normalize("NFC", raw.removeprefix("#")).lower()
    if not TAG_RE.fullmatch(text):
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise InvalidInput(messages.TAG_RULE.format(shown=shown, tag_max_len=TAG_MAX_LEN))
    return text


def tags(values: Sequence[str] | None) -> list[str]:
    """Tags in stored form, duplicates dropped, order kept; at most TAGS_MAX."""
    cleaned = list(dict.fromkeys(tag(v) for v in values or ()))
    if len(cleaned) > TAGS_MAX:
        raise InvalidInput(messages.TAGS_TOO_MANY.format(tags_max=TAGS_MAX, count=len(cleaned)))
    return cleaned


_INLINE_TAG = re.compile(r"(?<![\w@])@([^\W_][\w-]*)")


def inline_tags(text: str) -> list[str]:
    """jrnl's inline tags: every "@word" in the text, in stored form (an email address
    is not a tag: its "@" follows a letter)."""
    found: list[str] = []
    for match in _INLINE_TAG.finditer(text):
        try:
            found.append(tag(match.group(1)))
        except InvalidInput:
            continue  # too long or odd: left as text
    return found


def search_query(value: str | None) -> SearchQuery | None:
    """A list's `--search`: the query tree (domain/search.py), None when not given."""
    if value is None:
        return None
    from psymitrix_cli.domain.search import parse  # only a list with --search parses one

    return parse(clean_text(value, messages.LABEL_SEARCH, SEARCH_MAX) or "", "search")


def needs_crisis_help(mood_value: int | None, tier: str) -> bool:
    """Show crisis resources after an entry: an acute screen at any mood, or any
    concern at all when the person also rated their mood the lowest."""
    return tier == "acute" or (mood_value == 1 and tier != "none")


# --- gratitude -------------------------------------------------------------------------


def gratitude_items(values: Sequence[str] | None) -> list[str]:
    items = list(values or ())
    if any(not isinstance(item, str) for item in items):
        raise InvalidInput(messages.GRATITUDE_NOT_TEXT)
    if not items:
        raise InvalidInput(messages.GRATITUDE_NONE_GIVEN)
    if len(items) > GRATITUDE_ITEMS_MAX:
        raise InvalidInput(
            messages.GRATITUDE_ITEM_COUNT.format(
                gratitude_items_max=GRATITUDE_ITEMS_MAX, count=len(items)
            )
        )
    return [
        clean_text(item, messages.LABEL_GRATITUDE_ITEM.format(number=i), GRATITUDE_ITEM_MAX) or ""
        for i, item in enumerate(items, 1)
    ]


# --- sleep -------------------------------------------------------------------------------


def sleep_score(value: object) -> int:
    if not _whole(value) or not SLEEP_SCORE_MIN <= value <= SLEEP_SCORE_MAX:
        raise InvalidInput(
            messages.SLEEP_SCORE_RANGE.format(
                sleep_score_min=SLEEP_SCORE_MIN, sleep_score_max=SLEEP_SCORE_MAX, value=value
            )
        )
    return value


def sleep_hours(value: object) -> float | None:
    if value is None:
        return None
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not math.isfinite(value)
        or not 0 <= value <= SLEEP_HOURS_MAX
    ):
        raise InvalidInput(messages.SLEEP_HOURS_RANGE.format(value=value))
    return round(float(value), 2)


def sleep_note(value: str | None) -> str | None:
    return clean_text(value, messages.LABEL_SLEEP_NOTE, SLEEP_NOTE_MAX, required=False)


# --- ids -------------------------------------------------------------------------------


def shown_id(value: str) -> str:
    """An ID fit to echo in a message: quoted, control characters escaped, kept short."""
    short = value if len(value) <= ID_SHOWN_MAX else value[:ID_SHOWN_MAX] + "…"
    return repr(short)
