"""The reply screen: does a model reply carry harm that must never reach the screen?"""

from __future__ import annotations

import re

from psymitrix_cli.domain.safety.rules import _QUOTES, _SPACES

_REPLY_HARM = re.compile(
    r"\b(lethal|fatal|deadly|toxic) (dose|doses|amount|amounts|quantity|level)\b"
    r"|\b(most )?(painless|effective|reliable|quick|quickest|lethal|certain) (way|ways|method|"
    r"methods) (to|of) (die|dying|kill|end|suicide|commit)"
    r"|\bthe most painless way\b"
    r"|\b(suicide|self[- ]?harm|overdose) (methods|techniques|options)\b"
    r"|\b(methods|ways|way) (of|to|for) (suicide|kill(ing)? yourself|end(ing)? your life|"
    r"self[- ]?harm|hurt(ing)? yourself|die|dying|overdose)\b"
    r"|\b(cut|cutting|slit|slitting|slash|slashing) (your|the|along the|across the) (wrists?|"
    r"veins?|arter(y|ies)|throat)\b|\b(how|where) (deep )?to cut\b|\bcut (deeper|vertically|"
    r"lengthwise)\b"
    r"|\b(tie|tying|make|making) (a |the )?(noose|hangman'?s knot)\b|\bhang(ing)? yourself\b"
    r"|\b(exit bag|inert gas|helium hood|carbon monoxide poisoning|charcoal burning)\b"
    r"|\b(take|swallow|crush) (all of |all |a handful of |the whole bottle of |\d{2,} )"
    r"(your |the |of )?(pills|tablets|capsules)\b"
    r"|\bhow to hide (your |the )?(cuts|scars|self[- ]?harm|wounds)\b"
    r"|\bhide (your |the )?(cuts|wounds|scars) (by|with|under)\b"
    r"|\b(to make sure|to ensure|so that) (it is|it's|you are|you're|the) (fatal|lethal|dead|"
    r"death)\b"
)
_REPLY_DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|milligrams|g|grams|mcg|tablets|pills|capsules)\b")
_REPLY_DEATH = re.compile(r"\b(lethal|fatal|overdose|die|dying|death|kill|toxic)\b")
_SENTENCES = re.compile(r"(?<!\d)[.!?;\n]+|[.!?;\n]+(?!\d)")


def screen_reply(text: str) -> bool:
    """True when a model reply carries self-harm methods or instructions.

    Deliberately strict: refusals that name a method are replaced too, which costs
    nothing because the replacement is the safe message.
    """
    norm = _SPACES.sub(" ", text.lower().translate(_QUOTES))
    if _REPLY_HARM.search(norm):
        return True
    # An amount is only a method when the same sentence ties it to dying.
    return any(
        _REPLY_DOSE.search(sentence) and _REPLY_DEATH.search(sentence)
        for sentence in _SENTENCES.split(norm)
    )
