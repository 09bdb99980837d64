"""How a rule reads a clause: negation, history, who it is about, and the context of the message.

A rule is a set of phrases with a tier and a kind. Rules are evaluated in order within
each clause; an idiom rule (tier none, consume) blanks its span so later rules cannot
see "this deadline is killing me". Patterns are compiled on first use, not at import,
so commands that never screen text pay nothing.

Readings, on purpose:
- a negation just before the phrase ("i am not going to kill myself") lowers it to the
  rule's `negated` tier; a new subject or conjunction in between stops the negation;
- a history marker ("when i was 15", "years ago") lowers acute to concern;
- a third person as the subject ("my friend wrote a goodbye note") lowers acute to concern;
- a rule's `unless` context makes it none: a bare mention of a topic ("suicide",
  "he shoots himself") in a message about a film, a game, a class or someone's work;
- `boost` concern becomes acute when the same message holds a plan, means at hand or
  a time ("i have picked the date", "the pills are right here");
- concern about abuse becomes acute when it is happening now ("he is home now").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from psymitrix_cli.domain.safety.index import Index
from psymitrix_cli.domain.safety.normalise import words
from psymitrix_cli.domain.safety.types import TIER_ORDER, Tier

SI, SH, HO = "suicidal_ideation", "self_harm", "harm_to_others"
HOPE, AB, AB_NOW = "hopelessness", "abuse", "abuse_now"
ED, SUB, DIS = "eating_disorder", "substance", "distress"


class Rule:
    """Phrases with a tier and a kind, and how context reads them (a plain class: a
    dataclass costs milliseconds to create at import, and this module is on start-up)."""

    __slots__ = (
        "_needs",
        "_unless",
        "boost",
        "consume",
        "history",
        "kind",
        "needs",
        "negated",
        "person",
        "phrases",
        "tier",
        "unless",
    )

    def __init__(
        self,
        phrases: tuple[str, ...],
        tier: Tier,
        kind: str | None = None,
        *,
        negated: Tier | None = None,  # the tier when a negation governs the phrase
        history: bool = False,  # a history marker lowers acute to concern
        consume: bool = False,  # blank the span so later rules cannot see it
        person: bool = True,  # the writer's own; a third-person subject lowers acute
        boost: bool = False,  # concern raised to acute by a plan, means or time
        unless: str | None = None,  # a pattern over the message that makes this rule none
        needs: str | None = None,  # a pattern the message must hold for this rule to count
    ) -> None:
        self.phrases, self.tier, self.kind = phrases, tier, kind
        self.negated, self.history, self.consume = negated, history, consume
        self.person, self.boost, self.unless, self.needs = person, boost, unless, needs
        self._unless: re.Pattern[str] | None = None
        self._needs: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the phrases as one pattern (what the index must agree with)."""
        return re.compile(r"\b(?:" + "|".join(self.phrases) + r")\b")

    def waived(self, message: str) -> bool:
        """Does the message's context make this rule's hits none (a film, a trip)?"""
        if self.unless is not None:
            if self._unless is None:
                self._unless = re.compile(self.unless)
            if self._unless.search(message):
                return True
        if self.needs is not None:
            if self._needs is None:
                self._needs = re.compile(self.needs)
            return self._needs.search(message) is None
        return False


class Rules:
    """Rules in order, each phrase compiled the first time a clause could match it."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.items = [(r, phrase) for r in rules for phrase in r.phrases]
        self.index = Index([phrase for _, phrase in self.items], "rules")
        self.compiled: list[re.Pattern[str] | None] = [None] * len(self.items)

    def pattern(self, pid: int) -> re.Pattern[str]:
        found = self.compiled[pid]
        if found is None:
            found = self.compiled[pid] = re.compile(r"\b(?:" + self.items[pid][1] + r")\b")
        return found


def rule(*phrases: str, tier: Tier, kind: str | None = None, **flags: object) -> Rule:
    return Rule(tuple(phrases), tier, kind, **flags)  # type: ignore[arg-type]


class Hit(NamedTuple):
    tier: Tier
    kind: str | None
    boost: bool = False
    text: str = ""
    lowered: bool = False  # a negation, a history marker or someone else's words lowered it


_NEGATIONS = frozenset({"not", "never", "no", "refuse", "nobody", "nothing"})
# A negation only reaches the phrase if no new subject or conjunction intervenes:
# "i am not okay i want to die" must stay acute.
_SCOPE_BREAKS = frozenset({"i", "and", "so", "because", "if", "then", "when", "just", "or"})
_FIRST = frozenset({"i", "me", "myself"})
_THIRD = words(
    "he she they friend friends brother sister mum mom dad father mother son "
    "daughter cousin roommate flatmate girlfriend boyfriend wife husband partner someone "
    "somebody people student patient client colleague coworker kid child teenager mate pal "
    "bestie bf gf niece nephew uncle aunt grandma grandad neighbour"
)
_HISTORY_SOURCE = (
    r"\b(used to|years ago|a year ago|months ago|(?<!since )last (year|month|summer|winter|"
    r"spring|autumn|fall)|when i was|in the past|as a (kid|child|teen|teenager)|in (high school|"
    r"college"
    r"|school|uni)|back (then|in)|in (19|20)\d\d|a long time ago|(\w+ )?years? (clean|free))\b"
    r"|\bbefore$"
)
_history: list[re.Pattern[str]] = []


def _history_in(clause: str) -> bool:
    if not _history:
        _history.append(re.compile(_HISTORY_SOURCE))
    return _history[0].search(clause) is not None


def negated(clause: str, start: int) -> bool:
    for token in reversed(clause[:start].split()[-5:]):
        if token in _NEGATIONS:
            return True
        if token in _SCOPE_BREAKS:
            return False
    return False


def third_party(clause: str, start: int) -> bool:
    """Is the subject before the phrase someone else ("my friend wrote a note")?"""
    for token in reversed(clause[:start].split()[-8:]):
        if token in _FIRST:
            return False
        if token in _THIRD:
            return True
    return False


def screen_clause(clause: str, rules: Rules, message: str, everything: bool = False) -> list[Hit]:
    """Every hit in one clause of `message` (the whole normalised text, for context).

    `everything` tries every phrase instead of the ones the index picks (for tests)."""
    hits: list[Hit] = []
    words = clause.split()
    pids = range(len(rules.items)) if everything else rules.index.candidates(words)
    for pid in pids:
        r = rules.items[pid][0]
        pattern = rules.pattern(pid)
        spans = []
        for match in pattern.finditer(clause):
            spans.append(match.span())
            if r.tier == "none" or r.waived(message):
                continue
            tier: Tier = r.tier
            core = match.start("core") if "core" in pattern.groupindex else -1
            core = core if core >= 0 else match.start()
            lowered = True
            if r.negated is not None and negated(clause, core):
                tier = r.negated
            elif (r.history and _history_in(clause)) or (
                r.person and third_party(clause, match.start())
            ):
                tier = "concern" if tier == "acute" else tier  # history, or someone else's
            else:
                lowered = False
            if tier != "none":
                boost = r.boost and tier == "concern"
                hits.append(Hit(tier, r.kind, boost, match.group(), lowered))
        if r.consume:
            for begin, end in spans:
                clause = clause[:begin] + " " * (end - begin) + clause[end:]
        if hits and any(h.tier == "acute" for h in hits):
            break
    return hits


def best(hits: Iterable[Hit]) -> Hit | None:
    top: Hit | None = None
    for hit in hits:
        if top is None or TIER_ORDER[hit.tier] > TIER_ORDER[top.tier]:
            top = hit
    return top
