"""Which phrases can possibly match a clause, from the words it holds.

Each rule phrase is a regex; most start with a word or a choice of words ("how (do|can)",
"(stockpil\\w*|hoard\\w*)"). The words a phrase can start with are read from its source
once, and a clause is only tried against the phrases whose first word it contains. So a
clause is matched against a handful of small patterns instead of every rule, and a
pattern is compiled the first time a clause could need it: ordinary text compiles little.

Where a phrase starts with a common word ("i", "going to"), it is indexed by a rarer word
or stem it must hold further on, looking inside groups ("(die|be dead)" -> die, dead);
everyday words ("take", "walk") are used only when nothing rarer is required.

A phrase whose start cannot be read (a class, a digit, an optional run) is always tried,
except one made only of non-Latin letters, which is tried only on text that has some;
the index can only skip work, never a match (tests check it against trying everything).
"""

from __future__ import annotations

import os
import re
import zlib
from functools import cache

from psymitrix_cli.domain.safety.normalise import words

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")


_SPECIAL = re.compile(r"\\.|\[[^\]]*\]|[()|]")


@cache
def _pairs(src: str) -> dict[int, int]:
    """Each opening parenthesis of `src` and the one that closes it, in one pass."""
    pairs, stack = {}, []
    for match in _SPECIAL.finditer(src):
        ch = match.group()
        if ch == "(":
            stack.append(match.start())
        elif ch == ")":
            pairs[stack.pop()] = match.start()
    return pairs


def _close(src: str, start: int) -> int:
    """Index of the parenthesis closing the one at `start`."""
    return _pairs(src)[start]


@cache
def _split_top(src: str) -> list[str]:
    """The alternatives of `src` at its top level."""
    if "|" not in src:
        return [src]
    parts, depth, last = [], 0, 0
    for match in _SPECIAL.finditer(src):
        ch = match.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(src[last : match.start()])
            last = match.end()
    parts.append(src[last:])
    return parts


def _runs_on(src: str, at: int) -> bool:
    """Does the word go on at `at` ("(stockpil|hoard)\\w*"), rather than end there?"""
    return (
        src[at : at + 1] in _LETTERS
        or src[at : at + 1] == "["
        or src[at : at + 2]
        in (
            "\\w",
            "\\d",
        )
    )


def _optional(src: str, end: int) -> bool:
    return src[end + 1 : end + 2] in ("?", "*") or src[end + 1 : end + 4] == "{0,"


@cache
def starts(src: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(whole first words, first-word stems) a match of `src` can begin with; None if unknown."""
    words: set[str] = set()
    stems: set[str] = set()
    for alt in _split_top(src):
        found = _starts_one(alt)
        if found is None:
            return None
        words |= found[0]
        stems |= found[1]
    return frozenset(words), frozenset(stems)


@cache
def _starts_one(src: str) -> tuple[frozenset[str], frozenset[str]] | None:
    if not src:
        return None
    if src.startswith("(?<") or src.startswith("(?=") or src.startswith("(?!"):
        return _starts_one(src[_close(src, 0) + 1 :])  # zero-width: what follows starts it
    if src.startswith("\\b"):
        return _starts_one(src[2:])
    if src[0] == "(":
        end = _close(src, 0)
        inner = src[1:end]
        if inner.startswith("?:"):
            inner = inner[2:]
        elif inner.startswith("?P<"):
            inner = inner[inner.index(">") + 1 :]
        elif inner.startswith("?"):
            return None
        found = starts(inner)
        if found is None:
            return None
        if _optional(src, end):
            rest = _starts_one(
                src[end + 2 :] if src[end + 1] != "{" else src[src.index("}", end) + 1 :]
            )
            if rest is None:
                return None
            return found[0] | rest[0], found[1] | rest[1]
        if _runs_on(src, end + 1):
            # The group runs on into the same word ("(stockpil|hoard)\\w*"): its words are stems.
            return frozenset(), found[0] | found[1]
        return found
    i = 0
    while i < len(src) and src[i] in _LETTERS:
        i += 1
    if i == 0:
        return None
    word, nxt = src[:i], src[i : i + 1]
    if nxt in ("?", "*") or src[i : i + 3] == "{0,":
        word = word[:-1]  # "kills?" -> stem "kill"
        return (frozenset(), frozenset({word})) if word else None
    if nxt in ("", " ", "$") or src[i : i + 2] == "\\b":
        return frozenset({word}), frozenset()
    return frozenset(), frozenset({word})


# Words too common to pick phrases by: a phrase is indexed by a rarer word it must hold.
_COMMON = words(
    "i a an the to and my me is am are was were be been of in on at it that this you for with "
    "so do did not no just really have has had will would can could should going want "
    "he she they we his her their them him what how when where who if or but all about "
    "get got up out one some any every like feel"
)


def _elements(src: str) -> list[tuple[str, str]]:
    """Top-level pieces of one alternative that a match must hold and that start a word:
    (source, "word" | "stem" | "group"). A stem is the letters a word must begin with
    ("finds?" -> "find", "purg(e|ed)" -> "purg"). Optional pieces, classes and zero-width
    assertions are left out."""
    out: list[tuple[str, str]] = []
    i, boundary = 0, True
    while i < len(src):
        ch = src[i]
        if ch == " ":
            boundary, i = True, i + 1
            continue
        if ch == "(":
            end = _close(src, i)
            inner = src[i + 1 : end]
            optional = _optional(src, end)
            after = end + 1
            if src[after : after + 1] in ("?", "*", "+"):
                after += 1
            elif src[after : after + 1] == "{":
                after = src.index("}", after) + 1
            runs_on = _runs_on(src, after)
            if inner.startswith(("?<", "?=", "?!")):
                i = after  # zero-width: the boundary is unchanged
                continue
            if not optional and boundary and not runs_on:
                out.append((src[i : end + 1], "group"))
            # After "(just )?" the next word starts a word either way.
            spaced = all(alt.endswith(" ") for alt in _split_top(inner))
            boundary, i = spaced and (boundary or not optional), after
            continue
        if ch in _LETTERS:
            j = i
            while j < len(src) and src[j] in _LETTERS:
                j += 1
            nxt = src[j : j + 1]
            if boundary and (nxt in ("", " ", "$") or src[j : j + 2] == "\\b"):
                out.append((src[i:j], "word"))
            elif boundary:
                # The word runs on, or its last letter is optional: what it must begin with.
                optional_last = nxt in ("?", "*") or src[j : j + 3] == "{0,"
                out.append((src[i : j - 1] if optional_last else src[i:j], "stem"))
            boundary, i = False, j
            continue
        boundary = False
        i += 2 if ch == "\\" else 1
    return out


# Everyday words a phrase is better not picked by when it must hold a rarer one too.
_FREQUENT = words(
    "take took put set run go went come back off away end walk make made time day night "
    "know think say said see look need still then now there here more much very too over "
    "after before into from by as than your our us who which well good new work home life "
    "people way thing things tell told give gave keep kept let leave left last first next "
    "long little right down again even never also only other these those because why "
    "please love mum dad family friend friends school house start stop try tried"
)


def _frequent(found: tuple[frozenset[str], frozenset[str]]) -> bool:
    words, stems = found
    return bool(words & _FREQUENT) or bool(stems & _FREQUENT)


def _common(found: tuple[frozenset[str], frozenset[str]]) -> bool:
    words, stems = found
    return bool(words & _COMMON) or any(len(stem) < 3 for stem in stems)


def anchors(src: str) -> tuple[set[str], set[str]] | None:
    """Like `starts`, but by the rarest word a match must hold, where one can be read."""
    words: set[str] = set()
    stems: set[str] = set()
    for alt in _split_top(src):
        first = _starts_one(alt)
        best = first
        if first is None or _common(first) or _frequent(first):
            fallback = None if first is None or _common(first) else first
            for piece, sort in _elements(alt):
                if sort == "group":
                    # The rarest word each of its own alternatives must hold ("(die|be dead)"
                    # -> die, dead), not only the words they start with.
                    inner = piece[1:-1].removeprefix("?:")
                    if inner.startswith("?P<"):
                        inner = inner[inner.index(">") + 1 :]
                    deeper = None if inner.startswith("?") else anchors(inner)
                    found = None if deeper is None else (frozenset(deeper[0]), frozenset(deeper[1]))
                elif sort == "word":
                    found = (frozenset({piece}), frozenset())
                else:
                    found = (frozenset(), frozenset({piece}))
                if found is None or _common(found):
                    continue
                if not _frequent(found):
                    best = found
                    break
                fallback = fallback or found
            else:
                best = fallback or first
        if best is None:
            return None
        words |= best[0]
        stems |= best[1]
    return words, stems


# What may stand in a phrase that can only match a non-ASCII letter: the letters
# themselves, spaces, grouping, alternation, optional marks and word boundaries.
_SYNTAX_ONLY = re.compile(r"\\b|[()|?* ]")


def _letters_beyond_ascii_only(src: str) -> bool:
    """True when every literal in `src` is a non-ASCII letter, so ASCII text cannot match."""
    rest = _SYNTAX_ONLY.sub("", src)
    return bool(rest) and all(not ch.isascii() for ch in rest)


_HERE = os.path.dirname(os.path.abspath(__file__))


def fingerprint(phrases: list[str]) -> int:
    return zlib.crc32("\n".join(phrases).encode())


def stored(name: str) -> str:
    return os.path.join(_HERE, f"index_{name}.json")


def computed(phrases: list[str]) -> list[list[list[str]] | None]:
    out: list[list[list[str]] | None] = []
    for phrase in phrases:
        found = anchors(phrase)
        out.append(None if found is None else [sorted(found[0]), sorted(found[1])])
    return out


def _load(name: str, phrases: list[str]) -> list[list[list[str]] | None]:
    """The anchors written by `write` when the phrases are unchanged, else read afresh."""
    import json  # not at import: most commands never screen text

    try:
        with open(stored(name), encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, ValueError):
        data = {}
    if data.get("fingerprint") == fingerprint(phrases):
        return data["anchors"]  # type: ignore[no-any-return]
    return computed(phrases)


def write(name: str, phrases: list[str]) -> None:
    import json

    data = {"fingerprint": fingerprint(phrases), "anchors": computed(phrases)}
    with open(stored(name), "w", encoding="utf-8") as file:
        file.write(json.dumps(data, separators=(",", ":")) + "\n")


class Index:
    """Phrase ids by a word (or stem) they must hold, in evaluation order.

    `name` reads the anchors from index_<name>.json next to this file when it matches the
    phrases (reading them from the regex sources costs more than screening a message)."""

    def __init__(self, phrases: list[str], name: str | None = None) -> None:
        self.exact: dict[str, list[int]] = {}
        self.stems: dict[str, list[tuple[str, int]]] = {}
        self.always: list[int] = []
        self.scripts: list[int] = []  # phrases of non-Latin letters only: need such text
        found_all = _load(name, phrases) if name else computed(phrases)
        for pid, found in enumerate(found_all):
            if found is None:
                (self.scripts if _letters_beyond_ascii_only(phrases[pid]) else self.always).append(
                    pid
                )
                continue
            for word in found[0]:
                self.exact.setdefault(word, []).append(pid)
            for stem in found[1]:
                self.stems.setdefault(stem[:3], []).append((stem, pid))

    def candidates(self, words: list[str]) -> list[int]:
        """The phrases that can match a clause holding `words`, in order."""
        out = set(self.always)
        if self.scripts and not all(word.isascii() for word in words):
            out.update(self.scripts)
        exact, stems = self.exact, self.stems
        if any("'" in word for word in words):
            # A regex's \b sees "here'" as "here" and "o'clock" as "o", "clock".
            words = [part for word in words for part in word.split("'") if part]
        for word in words:
            ids = exact.get(word)
            if ids:
                out.update(ids)
            for key in (word[:1], word[:2], word[:3]):
                for stem, pid in stems.get(key, ()):
                    if word.startswith(stem):
                        out.add(pid)
        return sorted(out)


def refresh() -> None:
    """Rewrite the stored anchors after editing rules:
    python -c "from psymitrix_cli.domain.safety.index import refresh; refresh()"."""
    from psymitrix_cli.domain.safety import rules, rules_intl

    write("rules", [phrase for _, phrase in rules.rules_in_order().items])
    write("intl", [phrase for phrase, _, _ in rules_intl.phrases()])
