"""The reply screen: does a model reply carry harm that must never reach the screen?

`screen_reply(text)` is True when the reply must be withheld; `reply_harm(text)`
names the family that matched (see reply_rules). The chat service screens each
sentence of a streamed reply, with what came before it, before showing it, and
the whole reply at the end.
"""

from __future__ import annotations

import re
from functools import lru_cache

from psymitrix_cli.domain.safety import reply_learned
from psymitrix_cli.domain.safety.reply_cues import names_harm
from psymitrix_cli.domain.safety.reply_rules import CUES, PAIRS, PHRASES

_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
     "\u2013": "-", "\u2014": " - ", "\u00a0": " "}
)  # fmt: skip
_CONTRACTIONS = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\bcan'?t\b", "cannot"),
        (r"\bwon'?t\b", "will not"),
        (r"\b(\w+)n't\b", r"\1 not"),
        (r"\b(do|does|did|is|are|was|were|would|could|should|has|have|had)nt\b", r"\1 not"),
        (r"\b(you|we|they)'re\b", r"\1 are"),
        (r"\b(you|we|they)'ve\b", r"\1 have"),
        (r"\b(you|we|they|i|it|he|she)'ll\b", r"\1 will"),
        (r"\b(you|we|they|i|it|he|she)'d\b", r"\1 would"),
        (r"\b(it|that|there|what|here|he|she)'s\b", r"\1 is"),
        (r"\bi'm\b", "i am"),
        (r"\bur\b", "your"),
        (r"\bu\b", "you"),
    )
)

_SMALL = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "couple": 2, "few": 3,
    "several": 5, "half-dozen": 6,
}  # fmt: skip
# "one" alone is left as a word: "no one would miss you" must keep its meaning.
_WORD = r"(?:" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r"|hundred|thousand|dozens?)"
_RUN = re.compile(
    rf"\b(?:(?:a|an|one|half a)[ -])?{_WORD}(?:(?:[ -]|[ -]and[ -]|[ -]a[ -])(?:{_WORD}|one))*\b"
)
_PHONE = re.compile(
    r"\b(988|911|999|112|111|000|116 ?123|116 ?111|741 ?741|85258|24/7|24 hours a day|"
    r"1-?800-?\d{3}-?\d{4}|0800 ?\d{3,4} ?\d{3,4}|\+?\d[\d -]{8,}\d)\b"
)
_AGO = re.compile(
    r"\b\d+ (years?|months?|weeks?) (ago|old|later|since)\b|\bin (19|20)\d\d\b|"
    r"\b\d+ (weeks?|days?|months?) to (work|kick in|help|settle)\b"
)
_GROUPED = re.compile(r"(?<=\d),(?=\d{3}\b)")
_SPACES = re.compile(r"\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[:;])\s+(?=[a-z0-9])")


def _to_number(match: re.Match[str]) -> str:
    words = re.split(r"[ -]+", match.group(0))
    total = current = 0
    for word in words:
        if word in ("a", "an", "and"):
            continue
        if word == "half":
            current += 0
        elif word == "one":
            current += 1
        elif word in _SMALL:
            current += _SMALL[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word.startswith("dozen"):
            current = max(current, 2 if word == "dozens" else 1) * 12
    if words[:2] == ["half", "a"]:
        current //= 2
    return str(total + current)


# Idioms that use a means' word for something else: blanked before any rule reads them.
_IDIOMS = re.compile(r"\b(bite|bit|biting) the bullet\b|\bdodged? (a|that) bullet\b")


def normalise(text: str) -> str:
    """Lower case, straight quotes, contractions spelled out, numbers as digits."""
    norm = _SPACES.sub(" ", text.lower().translate(_QUOTES)).strip()
    for pattern, replacement in _CONTRACTIONS:
        norm = pattern.sub(replacement, norm)
    norm = _IDIOMS.sub(" ", _GROUPED.sub("", norm))
    return _RUN.sub(_to_number, norm)


def sentences(text: str) -> list[str]:
    """A normalised text cut into sentences (list items and lines count as sentences)."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


@lru_cache(maxsize=1)
def _compiled() -> tuple[
    list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str], re.Pattern[str]]]
]:
    phrases = [(kind, re.compile(p)) for kind, group in PHRASES.items() for p in group]
    pairs = [
        (kind, re.compile(a), re.compile(b)) for kind, group in PAIRS.items() for a, b in group
    ]
    return phrases, pairs


def reply_harm(text: str, careful: bool = False) -> str | None:
    """The kind of harm a model reply carries (a reply_rules family), or None.

    careful: the conversation has shown risk, so the wider vocabulary is read too.
    """
    lines = text.split("\n")
    norm = "\n".join(normalise(line) for line in lines)
    phrases, pairs = _compiled()
    flat = norm.replace("\n", " ")
    for kind, pattern in phrases:
        if pattern.search(flat):
            return kind
    parts = [_AGO.sub(" ", _PHONE.sub(" ", s)) for s in sentences(norm)]
    # Two sentences at a time: "Paracetamol is the one. Forty of those would do it."
    windows = [" ".join(parts[i : i + 2]) for i in range(max(len(parts) - 1, 1))]
    for window in windows:
        for kind, first, second in pairs:
            if first.search(window) and second.search(window):
                return kind
    # The catch-all: a harm topic named outside a safe form of support.
    if any(names_harm(part, careful) for part in parts):
        return "topic"
    # What no rule names: the learned layer, trained on replies no rule was written from.
    return "learned" if reply_learned.flags(text, careful) else None


def screen_reply(text: str, careful: bool = False) -> bool:
    """True when a model reply must be withheld: methods, doses, means, encouragement,
    pro-eating-disorder content, concealment, or harm to others.

    Deliberately strict: refusals that name a method are replaced too, which costs
    nothing because the replacement is the safe message.
    """
    return bool(text.strip()) and reply_harm(text, careful) is not None


_STUBS = (
    "tablets", "pills", "capsules", "paracetamol", "acetaminophen", "ibuprofen", "milligrams",
    "overdose", "lethal", "fatal", "doses", "bridge", "jump", "knife", "gun", "rope", "noose",
    "hang", "cut", "die", "kill", "suicide", "poison", "cyanide", "carbon", "bleed", "razor",
    "blade", "starve", "purge", "laxatives", "calories", "insulin", "benzos", "antifreeze",
)  # fmt: skip


def risky_fragment(text: str) -> bool:
    """For a reply cut off mid-sentence: True unless the fragment is plainly harmless.

    The words that would have completed it are unknown, so a fragment naming a drug,
    a means or a method, or ending in what may be the start of one ("You could take
    40 tab"), is not shown.
    """
    norm = normalise(text)
    if screen_reply(text) or CUES.search(norm):
        return True
    last = re.search(r"([a-z]{2,})$", norm)
    return last is not None and any(stub.startswith(last.group(1)) for stub in _STUBS)
