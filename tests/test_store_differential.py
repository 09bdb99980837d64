"""SQLite against MongoDB: the same writes and queries must read back identically."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from psymitrix_cli.config import MongoSettings
from psymitrix_cli.domain.search import parse
from psymitrix_cli.store.base import (
    CHAT_MESSAGES,
    KINDS,
    MOOD_JOURNAL,
    SLEEP,
    Kind,
    Query,
)
from psymitrix_cli.store.sqlite import SqliteStore
from tests.store_helpers import add_user, at, journal


def _scenario(store: Any) -> dict[str, Any]:
    """Every read of a fixed set of writes, for comparing stores byte for byte."""
    add_user(store)
    store.add_secrets(
        [{"_id": "h", "userId": "u1", "purpose": "reset", "createdAt": at(0), "expiresAt": at(60)}]
    )
    entry = {
        "_id": "e1",
        "userId": "u1",
        "at": at(1),
        "text": "Ünïcode ✓ text",
        "tags": ["a"],
        "mood": 4,
        "score": 2.5,
        "flag": True,
        "none": None,
        "nested": {"x": [1, {"y": 2}]},
    }
    store.insert(MOOD_JOURNAL, entry)
    store.insert(SLEEP, {"_id": "n1", "userId": "u1", "date": "2024-03-01", "hours": 7.25})
    store.update(MOOD_JOURNAL, "u1", "e1", {"text": "edited", "added": [at(2)]})
    store.set_streak(
        "u1", None, {"visitingStreak": 1, "longestStreak": 1, "lastStreakUpdate": at(1)}
    )
    store.bump_token_version("u1", {"updatedAt": at(3)})
    return {
        "user": store.get_user("u1"),
        "found": store.find_user("ann@example.com"),
        "data": store.get_user_data("u1"),
        "journal": store.list(MOOD_JOURNAL, Query(user_id="u1")),
        "entry": store.get(MOOD_JOURNAL, "u1", "e1"),
        "sleep": store.find_one(SLEEP, "u1", {"date": "2024-03-01"}),
        "secret": store.consume_secret("reset", "h", at(5)),
        "counts": {name: store.count(kind, Query(user_id="u1")) for name, kind in KINDS.items()},
    }


def test_documents_are_identical_across_stores(
    tmp_path: Path, mongo_settings: MongoSettings
) -> None:
    from psymitrix_cli.store.mongo import MongoStore

    lite, mongo = SqliteStore(tmp_path / "x.db"), MongoStore(mongo_settings)
    try:
        expected, got = _scenario(lite), _scenario(mongo)
    finally:
        lite.close()
        mongo.close()
    assert got == expected
    assert json.dumps(got) == json.dumps(expected)  # the same keys in the same order, too


def _fill(store: Any) -> None:
    words = ["dog", "coffee", "rain", "Sam", "work", "calm"]
    for uid in ("u1", "u2"):
        add_user(store, uid, "Ann" if uid == "u1" else "Bea")
        # Both users' entries span the queries' windows; two independent words per text.
        for n in range(40 if uid == "u1" else 20):
            doc = journal(
                uid,
                n,
                minute=n // 4 if uid == "u1" else n // 2,
                text=f"{words[n % 6]} and {words[n // 6 % 6]}",
                tags=[words[n % 4]],
            )
            store.insert(MOOD_JOURNAL, doc)
        for n in range(6):
            store.insert(
                SLEEP, {"_id": f"{uid}-n{n}", "userId": uid, "date": f"2024-03-{n + 1:02d}"}
            )
        for n in range(18):
            store.insert(
                CHAT_MESSAGES,
                {"_id": f"{uid}-m{n:02d}", "userId": uid, "sessionId": f"s{n % 3}", "seq": n // 3},
            )


def _window(rng: random.Random, values: list[Any]) -> tuple[Any, Any]:
    """(since, until): mostly a window that can hold rows, now and then any pair (inverted,
    empty, past the data) so the edges are compared too."""
    if rng.random() < 0.15:
        return rng.choice(values), rng.choice(values)
    points = [v for v in values if v is not None]
    since = rng.choice([None, *points[:-1]])
    return since, rng.choice([None, *(p for p in points if since is None or p > since)])


def _queries(
    rng: random.Random, lite: SqliteStore, kind: Kind, values: list[Any], n: int
) -> Iterator[Query]:
    """Random queries on `kind`. A cursor is mostly the row a previous page ended on (one that
    rows follow), sometimes any row of u1's or one that does not exist."""
    rows = lite.list(kind, Query(user_id="u1", limit=1000))
    cursors = [(r[kind.sort], r["_id"]) for r in rng.sample(rows, 6)]
    cursors.append((values[2], "zzz"))  # a cursor row that does not exist
    for _ in range(n):
        since, until = _window(rng, values)
        query = Query(
            user_id=rng.choice(["u1", "u1", "u2"]),
            limit=rng.choice([1, 3, 7, 100, -1]),
            offset=rng.choice([0, 0, 2]),
            since=since,
            until=until,
            ascending=rng.random() < 0.5,
            where={"sessionId": "s1"} if kind is CHAT_MESSAGES and rng.random() < 0.5 else {},
            tag=rng.choice([None, None, "dog", "rain"]) if kind is MOOD_JOURNAL else None,
            match=rng.choice(
                [None, None, parse("DOG"), parse("and coffee"), parse('"the dog" OR rain -coffee')]
            )
            if kind is MOOD_JOURNAL
            else None,
        )
        roll = rng.random()
        if roll < 0.4:
            page = lite.list(kind, replace(query, limit=1000, offset=0))
            if len(page) > 1:
                row = rng.choice(page[:-1])
                query = replace(query, before=(row[kind.sort], row["_id"]))
        elif roll < 0.55:
            query = replace(query, before=rng.choice(cursors))
        yield query


def test_random_queries_agree_across_stores(tmp_path: Path, mongo_settings: MongoSettings) -> None:
    """A differential check: the same queries, row for row, on SQLite and on MongoDB."""
    from psymitrix_cli.store.mongo import MongoStore

    lite, mongo = SqliteStore(tmp_path / "x.db"), MongoStore(mongo_settings)
    rng = random.Random(20240301)
    try:
        _fill(lite)
        _fill(mongo)
        cases = {
            MOOD_JOURNAL: [None, at(0), at(3), at(4.5), at(9), at(20)],
            SLEEP: [None, "2024-03-01", "2024-03-03", "2024-03-06", "2024-04-01"],
            CHAT_MESSAGES: [None, 0, 2, 5, 9],
        }
        for kind, values in cases.items():
            checked = with_rows = 0
            for query in _queries(rng, lite, kind, values, 70):
                rows = lite.list(kind, query)
                assert mongo.list(kind, query) == rows, query
                assert mongo.count(kind, query) == lite.count(kind, query), query
                checked += 1
                with_rows += bool(rows)
            # Agreeing on nothing proves nothing: most queries must find rows, and some
            # must find none (the inverted windows and dead cursors are compared too).
            assert checked == 70
            assert 0.5 * checked <= with_rows < checked, (kind.name, with_rows)
    finally:
        lite.close()
        mongo.close()
