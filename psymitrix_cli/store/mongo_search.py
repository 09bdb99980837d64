"""The MongoDB search index: each searchable entry carries `searchTerms`, the folded words
of its searched fields (domain/search.terms, deduplicated), under a multikey index on
(userId, searchTerms, time, _id) (mongo_schema version 4).

Why not a `$text` index: SecantusDB (the test server) has none, and a text index stems
words and ranks by its own score, so MongoDB would answer differently from SQLite. A
term array gives the same words as FTS5's tokenizer on both stores: one of the query's
words is looked up in the index (`driver`: equality, or `$in` for an OR), the entries
come newest first from the index's time order, and the rest of the query (the other
words, phrases, -words) is checked here on each one read (domain/search_rank.matches),
until the page is full. The terms are written by the store on every insert, replace and
update, so no code path above it can forget them; reads never return them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from psymitrix_cli.domain.entry_kind import SearchSpec
from psymitrix_cli.domain.search import SearchQuery, terms
from psymitrix_cli.domain.search_rank import matches_text
from psymitrix_cli.store.base import Doc, Hits, Kind

TERMS = "searchTerms"
# (collection, searched fields, time field) as of version 4.
Searched = tuple[str, tuple[str, ...], str]


def terms_of(spec: SearchSpec, doc: Doc) -> list[str]:
    return sorted(set(terms(spec.indexed(doc))))


def with_terms(kind: Kind, doc: Doc) -> Doc:
    """`doc` as stored: with its search terms when its kind is searched."""
    if kind.search is None:
        return doc
    return {**doc, TERMS: terms_of(kind.search, doc)}


def touches(kind: Kind, fields: Doc) -> bool:
    """Whether an update of `fields` changes what the index holds."""
    spec = kind.search
    return spec is not None and any(f in fields for f in spec.fields)


def without_terms(doc: Doc) -> Doc:
    doc.pop(TERMS, None)
    return doc


def driver(match: SearchQuery) -> Any:
    """The index lookup for a query: one group's words (a phrase by its longest word,
    the likeliest rare), equality for a single one, `$in` for an OR. A group with fewer
    alternatives is preferred: it narrows the most."""
    group = min(match.groups, key=lambda g: (len(g), -max(len(w) for p in g for w in p.words)))
    words = sorted({max(p.words, key=len) for p in group})
    return words[0] if len(words) == 1 else {"$in": words}


def backfill(db: Any, searched: tuple[Searched, ...], batch: int = 500) -> None:
    """Give every entry of these collections its terms (a migration; idempotent)."""
    from pymongo import UpdateOne

    for name, fields, at in searched:
        spec = SearchSpec(name, fields, at)
        ops = []
        projection = dict.fromkeys((*fields, "userId"), 1)
        for doc in db[name].find({TERMS: {"$exists": False}}, projection):
            match = {"_id": doc["_id"], "userId": doc.get("userId")}  # the shard key too
            ops.append(UpdateOne(match, {"$set": {TERMS: terms_of(spec, doc)}}))
            if len(ops) >= batch:
                db[name].bulk_write(ops, ordered=False)
                ops = []
        if ops:
            db[name].bulk_write(ops, ordered=False)


def search_filter(
    kind: Kind, user_id: str, match: SearchQuery, until: str | None
) -> tuple[Doc, list[tuple[str, int]]]:
    """The filter and sort `search` sends for one kind: only keys of the search index at
    the top level, so SecantusDB reads it too; the lower time bound ends the walk instead
    (the index gives newest first)."""
    assert kind.search is not None
    where: Doc = {"userId": user_id, TERMS: driver(match)}
    if until is not None:
        where[kind.search.at] = {"$lt": until}
    return where, [(kind.search.at, -1), ("_id", -1)]


def search(
    db: Any,
    kinds: Sequence[Kind],
    user_id: str,
    match: SearchQuery,
    span: tuple[str | None, str | None],
    limit: int,
    out: Callable[[Doc], Doc],
) -> Hits:
    """MongoStore.search: per kind, the index's entries for the driver word, newest
    first, each checked against the whole query, until `limit` match; then merged."""
    since, until = span
    found: list[tuple[Kind, Doc]] = []
    for kind in kinds:
        spec = kind.search
        if spec is None or limit <= 0:
            continue
        where, order = search_filter(kind, user_id, match, until)
        kept = 0
        with db[kind.name].find(where, sort=order, batch_size=limit + 2) as cursor:
            for doc in cursor:
                if since is not None and str(doc.get(spec.at)) < since:
                    break
                if matches_text(match, spec.indexed(doc)):
                    found.append((kind, out(doc)))
                    kept += 1
                    if kept == limit:
                        break
    found.sort(key=lambda pair: (_at(pair[0], pair[1]), pair[1]["_id"]), reverse=True)
    return Hits(found[:limit])


def _at(kind: Kind, doc: Doc) -> str:
    return str(doc.get(kind.search.at if kind.search else "", ""))
