"""How a chat turn is screened in the light of the conversation it belongs to.

- The newest message is read with the session's recent user turns
  (`safety.screen_conversation`), so a plan split over messages is still seen:
  "I've got a full bottle of paracetamol here." then "How many would I need?".
- Acute turns are left out of that window: their words are never read again, only
  the fact that they happened (the model sees a content-free marker instead).
- The turn right after an acute one is acute too ("Yes. Tonight. I have the pills
  right here."), so the crisis message is shown again and no model is asked, unless
  it plainly steps back ("ok, thank you", "I'm safe, I called 988"). Stepping back is
  "concern": the model answers with the safety instruction and the resources line.
All of it reads what is stored, so it holds across `--continue` and `--session`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from psymitrix_cli.domain import safety
from psymitrix_cli.domain.safety import Screen
from psymitrix_cli.store.base import Doc

CONTEXT_TURNS = 3  # earlier user turns read with the newest (safety's window is 4 turns)
AFTER_ACUTE = "after_acute"  # the kind recorded for a turn made acute by the one before

_STEP_BACK = re.compile(
    r"\b(thanks|thank you|thank u|thx|ty|ok|okay|alright|all right|i am safe|i'm safe|im safe|"
    r"i am ok|i'm ok|im ok|i am okay|i'm okay|im okay|i feel (a bit |a little )?(better|safer|"
    r"calmer)|i( will|'ll) (call|text|ring|talk to|reach out)|i (called|texted|rang|"
    r"talked to|spoke to|reached out)|i am with (someone|my|a friend)|i'm with (someone|my|a "
    r"friend)|someone is with me|not going to do (it|anything)|i will not do (it|anything)|"
    r"i won'?t do (it|anything)|something else|talk about something)\b"
)
# Anything here means the message may be going on with the plan, not stepping back.
_STILL_RISK = re.compile(
    r"\b(yes|yeah|yep|yup|ya|tonight|today|tomorrow|soon|ready|pills?|tablets?|meds|rope|gun|"
    r"knife|blade|bridge|roof|plan|planned|do it|doing it|going to|gonna|goodbye|bye|farewell|"
    r"last|over|end|ending|die|dying|dead|kill|enough|already|took|taken|done|decided|sorry|"
    r"but|though|still|anyway|want to|wanna|need to)\b"
)


def steps_back(text: str) -> bool:
    """True for a message that plainly steps back from an acute one just before it."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split())
    return bool(_STEP_BACK.search(lowered)) and not _STILL_RISK.search(lowered)


def screen_turn(text: str, earlier: Sequence[Doc]) -> Screen:
    """Screen a user message; `earlier` is the session's user messages, oldest first,
    each with its stored `safety` tier. Context only ever raises the tier."""
    context = [d["content"] for d in earlier if d.get("safety") != "acute"][-CONTEXT_TURNS:]
    found = safety.screen_conversation([*context, text])
    if found.tier == "acute":
        return found
    if earlier and earlier[-1].get("safety") == "acute":
        if steps_back(text):
            return Screen("concern", found.kind or AFTER_ACUTE)
        return Screen("acute", found.kind or AFTER_ACUTE)
    return found
