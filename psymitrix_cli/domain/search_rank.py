"""What a search does with the entries an index found: match, rank, snippet. Pure.

Ranking is BM25 (k1 1.2, b 0.75, the usual constants) over the candidates the store
returns, the newest matches up to a window: every backend returns the same candidates,
so every backend ranks them the same, and the statistics are the person's own entries,
never anyone else's. Ties go to the newer entry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from psymitrix_cli.domain.search import Phrase, SearchQuery, spans, terms

K1, B = 1.2, 0.75
SNIPPET = 160  # characters around the first match
LEAD = 40  # of them before it


def _count(phrase: Phrase, words: Sequence[str]) -> int:
    first, size = phrase.words[0], len(phrase.words)
    if size == 1:
        return sum(1 for w in words if w == first)
    target = tuple(phrase.words)
    return sum(
        1 for i, w in enumerate(words) if w == first and tuple(words[i : i + size]) == target
    )


def matches(query: SearchQuery, words: Sequence[str]) -> bool:
    """Whether folded `words` (domain.search.terms) satisfy the query."""
    if any(_count(p, words) for p in query.excluded):
        return False
    return all(any(_count(p, words) for p in group) for group in query.groups)


def matches_text(query: SearchQuery, text: str) -> bool:
    return matches(query, terms(text))


def scores(query: SearchQuery, texts: Sequence[str]) -> list[float]:
    """BM25 of each text against the query's phrases, statistics from `texts` alone."""
    docs = [terms(t) for t in texts]
    if not docs:
        return []
    average = sum(len(d) for d in docs) / len(docs) or 1.0
    counts = {p: [_count(p, d) for d in docs] for p in query.phrases}
    out = []
    for i, words in enumerate(docs):
        norm = K1 * (1 - B + B * len(words) / average)
        total = 0.0
        for per_doc in counts.values():
            tf = per_doc[i]
            if tf:
                having = sum(1 for n in per_doc if n)
                idf = math.log(1 + (len(docs) - having + 0.5) / (having + 0.5))
                total += idf * tf * (K1 + 1) / (tf + norm)
        out.append(round(total, 6))
    return out


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...]  # [start, end) offsets into `text`


def snippet(query: SearchQuery, text: str, width: int = SNIPPET) -> Snippet:
    """Up to `width` characters of `text` around its first match, each matched word
    marked; the start of the text when only another field matched (a tag)."""
    found = spans(text)
    words = [w for w, _, _ in found]
    marked: list[tuple[int, int]] = []
    for phrase in query.phrases:
        size = len(phrase.words)
        for i in range(len(words) - size + 1):
            if tuple(words[i : i + size]) == phrase.words:
                marked += [(found[j][1], found[j][2]) for j in range(i, i + size)]
    marked = sorted(set(marked))
    flat = " ".join(text.split())
    if flat != text:  # white space folded: find the offsets again in the folded text
        return snippet(query, flat, width)
    start = 0
    if marked and marked[0][0] > LEAD and len(text) > width:
        start = text.rfind(" ", 0, marked[0][0] - LEAD) + 1
    end = len(text) if len(text) - start <= width else text.rfind(" ", start, start + width)
    end = start + width if end <= start else end
    head, tail = ("…" if start else ""), ("…" if end < len(text) else "")
    shift = len(head) - start
    shown = [(s + shift, e + shift) for s, e in marked if s >= start and e <= end]
    return Snippet(head + text[start:end] + tail, tuple(shown))
