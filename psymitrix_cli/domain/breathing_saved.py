"""Saved breathing patterns: a therapist's own rhythms, by name.

They live in the config file as one line ("calm=4-7-8-0; slow=5-0-7-2") that can be
copied to another machine as it is. Pure: the CLI reads and writes the file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from psymitrix_cli import messages
from psymitrix_cli.domain.breathing import (
    _ALIASES,
    CUSTOM,
    MAX_PHASE_SECONDS,
    PATTERNS,
    Pattern,
    _key,
    _pattern,
    parse_custom,
)
from psymitrix_cli.errors import InvalidInput

SAVED_KEY = "breathing_patterns"  # the config key they are kept under
MAX_SAVED = 50
_SAVED_NAME = re.compile(r"[a-z][a-z0-9_-]{0,23}")
SAVED_PURPOSE = "Saved pattern."


def check_saved_name(name: str) -> str:
    """A saved pattern's name: lower-case letters, digits, '-' and '_', 1-24 long, starting
    with a letter, and not a built-in's name or alias (or "custom")."""
    clean = name.strip().lower()
    if not _SAVED_NAME.fullmatch(clean):
        raise InvalidInput(
            messages.BREATHING_PATTERN_NAME_RULE.format(name=name),
            field="name",
        )
    key = _key(clean)
    if key in PATTERNS or key in _ALIASES or clean.startswith(CUSTOM):
        raise InvalidInput(messages.BREATHING_PATTERN_BUILT_IN.format(name=name))
    return clean


def saved_pattern(
    name: str, inhale: float, hold: float, exhale: float, hold_after: float = 0.0
) -> Pattern:
    """A named pattern, checked like --custom: inhale and exhale above 0, holds 0 or more,
    each at most MAX_PHASE_SECONDS."""
    clean = check_saved_name(name)
    phases = (("inhale", inhale, True), ("hold", hold, False), ("exhale", exhale, True))
    for field, seconds, breath in (*phases, ("holdAfter", hold_after, False)):
        low_ok = seconds > 0 if breath else seconds >= 0
        if not (math.isfinite(seconds) and low_ok and seconds <= MAX_PHASE_SECONDS):
            low = (
                messages.BREATHING_PHASE_ABOVE_ZERO
                if breath
                else messages.BREATHING_PHASE_ZERO_OR_MORE
            )
            raise InvalidInput(
                messages.BREATHING_PHASE_RANGE.format(
                    field=field, low=low, max_phase_seconds=MAX_PHASE_SECONDS, seconds=seconds
                ),
                field=field,
            )
    timings = (float(inhale), float(hold), float(exhale), float(hold_after))
    return _pattern(clean, SAVED_PURPOSE, timings)


def parse_saved(text: str | None) -> dict[str, Pattern]:
    """The saved patterns from their config line; a bad entry names the key to fix."""
    saved: dict[str, Pattern] = {}
    for entry in (text or "").split(";"):
        if not entry.strip():
            continue
        name, _, spec = entry.partition("=")
        try:
            pattern = saved_pattern(name, *parse_custom(spec).timings)
        except InvalidInput as exc:
            raise InvalidInput(
                messages.BREATHING_SAVED_PATTERN_BAD.format(
                    name=entry.strip(), saved_key=SAVED_KEY, message=exc.message
                )
            ) from None
        saved[pattern.name] = pattern
    return saved


def format_saved(saved: Mapping[str, Pattern]) -> str:
    """The config line for `saved`, in name order."""
    return "; ".join(f"{name}={saved[name].label}" for name in sorted(saved))


def with_pattern(saved: Mapping[str, Pattern], pattern: Pattern) -> dict[str, Pattern]:
    """`saved` plus `pattern` (replacing one of the same name), within MAX_SAVED."""
    updated = {**saved, pattern.name: pattern}
    if len(updated) > MAX_SAVED:
        raise InvalidInput(messages.BREATHING_PATTERNS_FULL.format(max_saved=MAX_SAVED))
    return updated


def without_pattern(saved: Mapping[str, Pattern], name: str) -> dict[str, Pattern]:
    clean = name.strip().lower()
    if clean not in saved:
        known = ", ".join(saved) or messages.BREATHING_NONE_SAVED
        raise InvalidInput(messages.BREATHING_PATTERN_NOT_SAVED.format(name=name, known=known))
    return {k: v for k, v in saved.items() if k != clean}
