"""The deterministic layer of the safety screen. Pure, stdlib-only, microseconds.

- "acute": current intent, a plan, means at hand, preparation, method-seeking, finality,
  a recent attempt, harm to another person, abuse happening now. The caller replies with
  the fixed crisis message and keeps the chat open.
- "concern": passive ideation, hopelessness, burden, self-harm (ongoing or past), abuse,
  eating-disorder behaviour, substance misuse, severe distress, suicide mentioned in
  passing. The model gets SAFETY_INSTRUCTION and the reply gets CONCERN_FOOTER.
- "none": everything else, including idioms ("this deadline is killing me") and media.

Choices, on purpose:
- Errors lean towards showing help: "I want to die" is acute, "kms" is "kill myself".
- A negated suicide phrase ("I'm not going to kill myself") is concern: the topic is
  live. A negated general phrase ("I don't want to die") is none.
- A history marker ("when I was 15") or a third person ("my friend wrote a goodbye
  note") lowers acute to concern.
- Preparation that is ordinary alone (a will, goodbyes) is acute with a second sign.
- "Kill/hurt him" is often an idiom: concern until a time, a weapon or a plan; threats
  to a child, violent verbs (stab, shoot, strangle) and abuse happening now are acute.
- A joke marker ("lol") lowers concern about hopelessness, distress or others, never acute.

The rules live in rules_idioms (first), rules_acute and rules_phrasings (more ways to
say it, found by the fresh evaluation rounds), rules_harm, rules_concern and rules_intl;
vocab holds the shared word classes, engine the readings (negation, history, third
person, context), index which phrases a clause can match, normalise the spelling.
Editing a phrase: refresh the stored index
(python -c "from psymitrix_cli.domain.safety.index import refresh; refresh()").
"""

from __future__ import annotations

import re

from psymitrix_cli.domain.safety import rules_intl
from psymitrix_cli.domain.safety.engine import (
    AB,
    AB_NOW,
    DIS,
    HO,
    HOPE,
    SI,
    Hit,
    Rule,
    Rules,
    best,
    rule,
    screen_clause,
)
from psymitrix_cli.domain.safety.normalise import QUOTES as _QUOTES
from psymitrix_cli.domain.safety.normalise import SPACES as _SPACES
from psymitrix_cli.domain.safety.normalise import clauses, fold, looks_non_english, normalise
from psymitrix_cli.domain.safety.rules_acute import ACUTE
from psymitrix_cli.domain.safety.rules_concern import CONCERN, PREPARATION, PREPARATION_WEAK
from psymitrix_cli.domain.safety.rules_harm import HARM
from psymitrix_cli.domain.safety.rules_idioms import IDIOMS, SPECIFIC
from psymitrix_cli.domain.safety.rules_oblique import OBLIQUE, OBLIQUE_CONCERN
from psymitrix_cli.domain.safety.rules_phrasings import MORE
from psymitrix_cli.domain.safety.rules_questions import QUESTIONS
from psymitrix_cli.domain.safety.rules_rehearsal import REHEARSAL
from psymitrix_cli.domain.safety.rules_situations import SITUATIONS
from psymitrix_cli.domain.safety.types import Screen
from psymitrix_cli.domain.safety.vocab import BOOST, CONTEXT, ESCALATE, HARM_BOOST, NOW

__all__ = ["_QUOTES", "_SPACES", "looks_non_english", "screen_message"]

RULE_LIST: tuple[Rule, ...] = (
    *SPECIFIC,
    *IDIOMS,
    *ACUTE,  # type: ignore[has-type]
    *MORE,
    *SITUATIONS,
    *QUESTIONS,
    *REHEARSAL,
    *OBLIQUE,
    *HARM,
    *CONCERN,
    *OBLIQUE_CONCERN,
    PREPARATION,
    PREPARATION_WEAK,
)
_rules: list[Rules] = []


def rules_in_order() -> Rules:
    """The rules and their index, built on the first screening (not at import)."""
    if not _rules:
        _rules.append(Rules(RULE_LIST))
    return _rules[0]


_PREP = {PREPARATION.kind, PREPARATION_WEAK.kind}
# Risk to the writer's own life: with a sign of acting soon (vocab.ESCALATE), acute.
_ESCALATES = frozenset({SI, HOPE, "self_harm"})
# Read across clause breaks: a farewell spread over commas ("goodbye everyone, i love you
# all, i am sorry").
WHOLE = (
    rule(
        r"(goodbye|bye|farewell)( \w+){0,4} (i love you|love you all|love you guys|i am sorry|"
        r"sorry for everything|forgive me)",
        r"(i am sorry|sorry for everything|forgive me|i love you all)( \w+){0,4} "
        r"(goodbye|farewell)",
        r"i (jumped|did it|took them|tried|overdosed)( \w+){0,2} i (survived|woke up|am still "
        r"alive|am still here)",
        r"(goodbye|said goodbye|say goodbye|saying goodbye)( \w+){0,6} (for the last time|forever|"
        r"for good)",
        r"i am gone (which|and that|and it) (will not|is not going to) be (long|much longer)",
        # Belongings given away under a cover story: "told her it is just for a while. it
        # is not."
        r"(gave|given|giving|rehomed|left) (away )?(the|my) \w+( \w+){0,6} (told|telling) (her|"
        r"him|them|everyone|my \w+)( that)? (it is|it was|i am|i was)( \w+){0,8} it (is not|was "
        r"not)$",
        tier="acute",
        kind=SI,
    ),
)
_WHOLE_CUES = ("bye", "farewell", "survived", "woke up", "still", "last time", "i am gone", "told")
_patterns: dict[str, re.Pattern[str]] = {}


def _re(name: str, source: str) -> re.Pattern[str]:
    pattern = _patterns.get(name)
    if pattern is None:
        pattern = _patterns[name] = re.compile(source)
    return pattern


def _english(norm: str, everything: bool = False) -> Hit | None:
    if '"' in norm and _re("context", CONTEXT).search(norm):  # only quotes are struck out
        norm = _re("quoted", r'"[^"]*"').sub(" ", norm)  # a character's line, not the writer's
    hits: list[Hit] = []
    for clause in clauses(norm):
        hits.extend(screen_clause(clause, rules_in_order(), norm, everything))
        if any(h.tier == "acute" for h in hits):
            return best(hits)
    joined = " ".join(clauses(norm))
    if any(w in joined for w in _WHOLE_CUES):
        for number, r in enumerate(WHOLE):
            if _re(f"whole{number}", r"\b(?:" + "|".join(r.phrases) + r")\b").search(joined):
                return Hit(r.tier, r.kind)
    # Two signs of preparation, or one beside ideation, are acute; a strong one alone is
    # concern; a weak one alone (a will, goodbyes) is ordinary.
    if _re("light", r"\b(lol|lmao|haha\w*|jk|rofl|kidding)\b").search(norm):
        # "dead inside after this week lol": a joke lowers concern, never acute.
        hits = [h for h in hits if h.tier == "acute" or h.kind not in (HOPE, DIS, HO)]
    preparation = {(h.kind, h.text) for h in hits if h.kind in _PREP}
    others = [h for h in hits if h.kind not in _PREP]
    if len(preparation) >= 2 or (preparation and any(h.kind == SI for h in others)):
        return Hit("acute", SI)
    if any(kind == PREPARATION.kind for kind, _ in preparation):
        others.append(Hit("concern", SI))
    # A second sign raises concern to acute; it must lie outside what was already found
    # ("i am scared to go home" is one sign, not abuse plus fear).
    rest = norm
    for hit in hits:
        rest = rest.replace(hit.text, " ")
    for hit in others:
        if hit.boost and (
            _re("boost", BOOST).search(rest)
            or (hit.kind == HO and _re("harm", HARM_BOOST).search(rest))
        ):
            return Hit("acute", hit.kind)
    if any(h.kind == AB for h in others) and _re("now", NOW).search(rest):
        return Hit("acute", AB_NOW)
    own = [h for h in others if h.kind in _ESCALATES and not h.lowered]
    if own and _re("escalate", ESCALATE).search(rest):
        return Hit("acute", SI if own[0].kind == HOPE else own[0].kind)
    return best(others)


def screen_message(text: str, everything: bool = False) -> Screen:
    """Screen one message: the highest tier across its clauses and languages, with its kind.

    `everything` tries every phrase, not only those the index picks (tests compare both)."""
    folded = fold(text)
    non_english = looks_non_english(text, folded)
    found = _english(normalise(folded, folded=True), everything)
    if found is None or found.tier != "acute":
        other = rules_intl.screen(_SPACES.sub(" ", folded), everything)
        if other is not None and (found is None or other[0] == "acute"):
            return Screen(other[0], other[1], True)  # caught only in another language
    if found is None:
        return Screen("none", None, non_english)
    return Screen(found.tier, found.kind, non_english, lowered=found.lowered)
