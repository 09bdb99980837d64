"""The safety screen: one entry point for every place a person's words are read.

Layers (each can only raise the tier the one before found, never lower it):
- `rules`: deterministic patterns over normalised text, microseconds;
- `learned`: a small classifier that ships inside the package (no download);
- a model-based moderation pass lives in services/, because it needs a provider.

`reply` screens the model's replies; `wording` holds the fixed text.
"""

from __future__ import annotations

from collections.abc import Sequence

from psymitrix_cli.domain.safety import learned, rules
from psymitrix_cli.domain.safety.reply import screen_reply
from psymitrix_cli.domain.safety.types import NONE, TIER_ORDER, Screen, Tier, highest
from psymitrix_cli.domain.safety.wording import AI_DISCLOSURE, CONCERN_FOOTER, SAFETY_INSTRUCTION

__all__ = [
    "AI_DISCLOSURE",
    "CONCERN_FOOTER",
    "NONE",
    "SAFETY_INSTRUCTION",
    "TIER_ORDER",
    "Screen",
    "Tier",
    "highest",
    "screen_conversation",
    "screen_message",
    "screen_reply",
]


def screen_message(text: str) -> Screen:
    """Screen one piece of a person's own writing: the rules, then the learned layer."""
    found = rules.screen_message(text)
    if found.tier == "acute":
        return found
    return learned.raise_tier(text, found)


WINDOW = 4  # recent user turns read together, so a plan split over messages is still seen


def screen_conversation(turns: Sequence[str]) -> Screen:
    """Screen the newest user turn in the light of the ones before it.

    The newest turn alone, and the recent window read as one text; the higher wins,
    so context can raise a turn's tier but never lower it.
    """
    if not turns:
        return NONE
    newest = screen_message(turns[-1])
    if newest.tier == "acute" or len(turns) == 1:
        return newest
    window = screen_message("\n".join(turns[-WINDOW:]))
    return window if TIER_ORDER[window.tier] > TIER_ORDER[newest.tier] else newest
