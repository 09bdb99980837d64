"""The screen's vocabulary: tiers, their order, and what one screening found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Tier = Literal["none", "concern", "acute"]
TIER_ORDER: dict[str, int] = {"none": 0, "concern": 1, "acute": 2}


@dataclass(frozen=True)
class Screen:
    """What one screening found.

    `kind` says what for: suicidal_ideation, self_harm, harm_to_others, abuse_now (both
    want the emergency number first), abuse, hopelessness, eating_disorder, substance,
    distress. `non_english` says the text looks mainly like another language, so the
    caller can tell the person that the screen reads English best. `lowered` says the
    rules read it lower than its words (a negation, a history, someone else's words), so
    the learned layers, which cannot tell, must not raise it back; it is a note between
    the layers, not part of what was found.
    """

    tier: Tier
    kind: str | None
    non_english: bool = False
    lowered: bool = field(default=False, compare=False, repr=False)


NONE = Screen("none", None)


def highest(a: Tier, b: Tier) -> Tier:
    return a if TIER_ORDER[a] >= TIER_ORDER[b] else b
