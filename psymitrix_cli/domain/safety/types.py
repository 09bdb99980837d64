"""The screen's vocabulary: tiers, their order, and what one screening found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tier = Literal["none", "concern", "acute"]
TIER_ORDER: dict[str, int] = {"none": 0, "concern": 1, "acute": 2}


@dataclass(frozen=True)
class Screen:
    tier: Tier
    kind: str | None


NONE = Screen("none", None)


def highest(a: Tier, b: Tier) -> Tier:
    return a if TIER_ORDER[a] >= TIER_ORDER[b] else b
