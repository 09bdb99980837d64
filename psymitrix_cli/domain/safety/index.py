"""Which phrases can possibly match a clause, from the words it holds.

Each rule phrase is a regex; most start with a word or a choice of words ("how (do|can)",
"(stockpil\\w*|hoard\\w*)"). The words a phrase can start with are read from its source
once, and a clause is only tried against the phrases whose first word it contains. So a
clause is matched against a handful of small patterns instead of every rule, and a
pattern is compiled the first time a clause could need it: ordinary text compiles little.

A phrase whose start cannot be read (a class, a digit, an optional run) is always tried;
the index can only skip work, never a match (tests check it against trying everything).
"""

from __future__ import annotations

_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")


def _close(src: str, start: int) -> int:
    """Index of the parenthesis closing the one at `start`."""
    depth = 0
    i = start
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = src.index("]", i + 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced: {src}")


def _split_top(src: str) -> list[str]:
    """The alternatives of `src` at its top level."""
    parts, depth, last, i = [], 0, 0, 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = src.index("]", i + 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(src[last:i])
            last = i + 1
        i += 1
    parts.append(src[last:])
    return parts


def _optional(src: str, end: int) -> bool:
    return src[end + 1 : end + 2] in ("?", "*") or src[end + 1 : end + 4] == "{0,"


def starts(src: str) -> tuple[set[str], set[str]] | None:
    """(whole first words, first-word stems) a match of `src` can begin with; None if unknown."""
    words: set[str] = set()
    stems: set[str] = set()
    for alt in _split_top(src):
        found = _starts_one(alt)
        if found is None:
            return None
        words |= found[0]
        stems |= found[1]
    return words, stems


def _starts_one(src: str) -> tuple[set[str], set[str]] | None:
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
        if src[end + 1 : end + 2] not in ("", " ", "$"):
            # The group runs on into the same word ("(stockpil|hoard)\\w*"): its words are stems.
            return set(), found[0] | found[1]
        return found
    i = 0
    while i < len(src) and src[i] in _LETTERS:
        i += 1
    if i == 0:
        return None
    word, nxt = src[:i], src[i : i + 1]
    if nxt in ("?", "*") or src[i : i + 3] == "{0,":
        word = word[:-1]  # "kills?" -> stem "kill"
        return (set(), {word}) if word else None
    if nxt in ("", " ", "$") or src[i : i + 2] == "\\b":
        return {word}, set()
    return set(), {word}


class Index:
    """Phrase ids by the first word (or stem) they can start with, in evaluation order."""

    def __init__(self, phrases: list[str]) -> None:
        self.exact: dict[str, list[int]] = {}
        self.stems: dict[str, list[tuple[str, int]]] = {}
        self.always: list[int] = []
        for pid, phrase in enumerate(phrases):
            found = starts(phrase)
            if found is None:
                self.always.append(pid)
                continue
            for word in found[0]:
                self.exact.setdefault(word, []).append(pid)
            for stem in found[1]:
                self.stems.setdefault(stem[:3], []).append((stem, pid))

    def candidates(self, words: list[str]) -> list[int]:
        """The phrases that can match a clause holding `words`, in order."""
        out = set(self.always)
        exact, stems = self.exact, self.stems
        for word in words:
            ids = exact.get(word)
            if ids:
                out.update(ids)
            for key in (word[:1], word[:2], word[:3]):
                for stem, pid in stems.get(key, ()):
                    if word.startswith(stem):
                        out.add(pid)
        return sorted(out)
