"""Search queries: the syntax a person types, parsed into a small tree. Pure.

    walk rain            both words (in any order)
    "walk in the rain"   the words together, in this order
    walk OR run          either (OR binds tighter than the implicit AND: `tea walk OR run`
                         is tea, and walk or run)
    -work                not this word (or -"a phrase")

Words are matched whole, after folding case and accents (`Cafe` finds `café`), the way
SQLite's FTS5 `unicode61` tokenizer reads text, so every backend agrees on what a word
is: letters and digits, with anything else a separator (`100%_off` is the phrase
"100 off"). The tree is rendered per backend: FTS5 syntax here (`fts5`), a term filter
in store/mongo_search.py, and `matches` below for what no index can answer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from psymitrix_cli import messages
from psymitrix_cli.domain.validation import clean_text
from psymitrix_cli.errors import InvalidInput

QUERY_MAX = 200  # characters
TERMS_MAX = 16  # words and phrases in one query
_WORD = re.compile(r"[^\W_]+")
_LEXEME = re.compile(r'\s*(?:(-?)"([^"]*)("?)|(\S+))')


def fold(text: str) -> str:
    """Case and accents folded (NFKD, combining marks dropped, casefold)."""
    if text.isascii():
        return text.lower()  # the common case, without a walk over every character
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms(text: str) -> list[str]:
    """The words of `text`, folded, in order."""
    return _WORD.findall(fold(text))


def spans(text: str) -> list[tuple[str, int, int]]:
    """(term, start, end) of every word of `text`, as offsets into `text` itself."""
    out = []
    for match in _WORD.finditer(text):
        for term in terms(match.group()):
            out.append((term, match.start(), match.end()))
    return out


@dataclass(frozen=True)
class Phrase:
    """Folded words that must appear together, in this order (one word: just it)."""

    words: tuple[str, ...]

    def fts5(self) -> str:
        return '"' + " ".join(self.words) + '"'  # words are letters and digits only

    def __str__(self) -> str:
        return self.words[0] if len(self.words) == 1 else self.fts5()


@dataclass(frozen=True)
class SearchQuery:
    """Every group must have one of its phrases; no phrase of `excluded` may appear."""

    groups: tuple[tuple[Phrase, ...], ...]
    excluded: tuple[Phrase, ...] = ()
    text: str = ""  # as typed

    def fts5(self) -> str:
        """The FTS5 MATCH expression (phrases quoted, so no word is read as syntax)."""
        wanted = " AND ".join("(" + " OR ".join(p.fts5() for p in g) + ")" for g in self.groups)
        for phrase in self.excluded:
            wanted = f"({wanted}) NOT {phrase.fts5()}"
        return wanted

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        return tuple(p for group in self.groups for p in group)


def _bad(message: str, field: str) -> InvalidInput:
    return InvalidInput(message, field=field)


def parse(text: str | None, field: str = "query") -> SearchQuery:
    """The query tree, or InvalidInput naming `field` (one line, said for a person)."""
    if not (text or "").strip():
        raise _bad(messages.SEARCH_EMPTY, field)
    try:  # too long, or control characters: worded as every text field words them
        raw = clean_text(text, messages.LABEL_THE_SEARCH, QUERY_MAX) or ""
    except InvalidInput as exc:
        exc.field = field
        raise
    groups: list[list[Phrase]] = []
    excluded: list[Phrase] = []
    joining = False  # the last lexeme was OR
    for match in _LEXEME.finditer(raw):
        minus, quoted, closed, bare = match.groups()
        if bare == "OR":
            if not groups or joining:
                raise _bad(messages.SEARCH_BAD_OR, field)
            joining = True
            continue
        if quoted is not None and not closed:
            raise _bad(messages.SEARCH_UNCLOSED_QUOTE, field)
        negated = bool(minus) or (bare is not None and bare.startswith("-"))
        words = tuple(terms(quoted if quoted is not None else bare.lstrip("-")))
        if not words:
            if quoted is not None or bare.strip("-") == "":
                raise _bad(messages.SEARCH_NOTHING_IN.format(part=match.group().strip()), field)
            continue  # punctuation alone ("&"): no word to look for
        phrase = Phrase(words)
        if negated:
            if joining:
                raise _bad(messages.SEARCH_BAD_OR, field)
            excluded.append(phrase)
        elif joining:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
        joining = False
    if joining:
        raise _bad(messages.SEARCH_BAD_OR, field)
    if not groups:
        raise _bad(messages.SEARCH_ONLY_EXCLUDED if excluded else messages.SEARCH_EMPTY, field)
    if sum(len(g) for g in groups) + len(excluded) > TERMS_MAX:
        raise _bad(messages.SEARCH_TOO_MANY.format(max=TERMS_MAX), field)
    return SearchQuery(tuple(tuple(dict.fromkeys(g)) for g in groups), tuple(excluded), raw)


@dataclass(frozen=True)
class SearchRequest:
    """`psymitrix search` and POST /v1/search: the query and its filters, whole."""

    query: str
    kinds: tuple[str, ...] = ()  # journal, gratitude, chat (domain/entries.SEARCH_GROUPS); all
    since: str | None = None  # from this day (YYYY-MM-DD), inclusive
    until: str | None = None  # up to this day, inclusive
    limit: int | None = None  # results shown (1-50; default 10)
