"""The safety screen: one entry point for every place a person's words are read.

Layers (each can only raise the tier the one before found, never lower it):
- `rules`: deterministic patterns over normalised text, microseconds;
- `learned`: a hashed n-gram classifier that ships inside the package (no download);
- `semantic`: a small network over static word-piece embeddings, also shipped, which
  reads meaning a little where no rule or n-gram has seen the words;
- a model-based moderation pass lives in services/, because it needs a provider.

`reply` screens the model's replies; `wording` holds the fixed text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from psymitrix_cli.domain.safety import conversation, learned, rules
from psymitrix_cli.domain.safety.rules import looks_non_english
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
    "looks_non_english",
    "screen_conversation",
    "screen_message",
    "screen_reply",
]

MODEL_ACUTE_WORDS = 3  # the fewest words the learned layers may call acute on their own

if TYPE_CHECKING:
    from psymitrix_cli.domain.safety.reply import screen_reply


def __getattr__(name: str) -> Any:
    # The reply screen compiles its catch-all on import (~30 ms); only chat needs it, so
    # `journal add` and the other writers that screen a person's words don't pay for it.
    if name == "screen_reply":
        from psymitrix_cli.domain.safety.reply import screen_reply

        return screen_reply
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def screen_message(text: str) -> Screen:
    """Screen one piece of a person's own writing: the rules, then the learned layers."""
    found = rules.screen_message(text)
    if found.tier == "acute" or found.lowered:
        return found  # "I'm not going to kill myself": the models read only the words
    raised = learned.raise_tier(text, found)
    if raised.tier == "concern":  # the semantic layer reads only concern; most text never loads it
        from psymitrix_cli.domain.safety import semantic

        tier = semantic.message_tier(text, raised.tier)
        if tier is not None:
            raised = replace(raised, tier=tier, kind=learned.kind_for(text, raised, tier))
    if raised.tier == "acute" and len(text.split()) < MODEL_ACUTE_WORDS:
        # One or two words are too little for a model to call acute on ("note", "tonight"
        # alone); the rules still do where the words say it, and this stays concern.
        raised = replace(raised, tier="concern", kind=learned.kind_for(text, raised, "concern"))
    if found.non_english and not raised.non_english:
        raised = replace(raised, non_english=True)  # the learned layer speaks to the tier only
    return raised


def screen_conversation(turns: Sequence[str]) -> Screen:
    """Screen the newest user turn in the light of the recent ones before it.

    Context can raise a turn's tier, never lower it: a follow-up to an acute turn
    ("Yes. Tonight.") stays acute, means named earlier plus a question about amount or
    finality now is acute, and the recent window is read as one text.
    """
    if not turns:
        return NONE
    return conversation.screen_turns(turns, screen_message)
