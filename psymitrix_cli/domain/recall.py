"""What the companion recalls: a search built from the person's message, and how the
entries it finds are told to the model (dated snippets, within a small budget).

Pure functions; services/recall.py runs the search.
"""

from __future__ import annotations

from collections.abc import Sequence

from psymitrix_cli.domain.search import terms

MAX_TERMS = 6  # words of the message searched for (any of them)
MAX_RECALLED = 3  # entries given to the model
SNIPPET_CHARS = 220  # each entry's share of the context budget
# Words that say little about what a message is about.
_STOP_WORDS = (
    "about after again also been before being could does doing done even ever every feel "
    "feeling felt from going have here just know like made make more much need really "
    "right said should some still than that them then there these they thing things think "
    "this today tomorrow very want well were what when where which while will with would "
    "yeah your yesterday"
)
_STOP = frozenset(_STOP_WORDS.split())


def recall_query(message: str) -> str | None:
    """The message's telling words, as one OR query; None when it has none."""
    picked: list[str] = []
    for word in terms(message):
        if len(word) >= 4 and not word.isdigit() and word not in _STOP and word not in picked:
            picked.append(word)
    return " OR ".join(picked[:MAX_TERMS]) or None


def recalled_lines(items: Sequence[tuple[str, str, str]]) -> list[str]:
    """(day, where, snippet) as one line each: "2026-11-24, journal: ...", clipped."""
    lines = []
    for day, where, snippet in items[:MAX_RECALLED]:
        text = " ".join(snippet.split())
        if len(text) > SNIPPET_CHARS:
            text = text[: SNIPPET_CHARS - 1].rstrip() + "\u2026"
        lines.append(f"{day}, {where}: {text}")
    return lines
