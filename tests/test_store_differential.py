"""SQLite against MongoDB: the same writes and queries must read back identically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from psymitrix_cli.config import MongoSettings
from psymitrix_cli.store.base import (
    CHAT_MESSAGES,
    KINDS,
    MOOD_JOURNAL,
    SLEEP,
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
        for n in range(40 if uid == "u1" else 5):
            doc = journal(
                uid,
                n,
                minute=n // 4,
                text=f"{words[n % 6]} and {words[n * 7 % 6]}",
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


def test_random_queries_agree_across_stores(tmp_path: Path, mongo_settings: MongoSettings) -> None:
    """A differential check: the same queries, row for row, on SQLite and on MongoDB."""
    import random

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
        checked = 0
        for kind, values in cases.items():
            rows = lite.list(kind, Query(user_id="u1", limit=1000))
            cursors = [None, *[(r[kind.sort], r["_id"]) for r in rng.sample(rows, 6)]]
            cursors.append((values[2], "zzz"))  # a cursor row that does not exist
            for _ in range(70):
                query = Query(
                    user_id=rng.choice(["u1", "u1", "u2"]),
                    limit=rng.choice([1, 3, 7, 100, -1]),
                    offset=rng.choice([0, 0, 2]),
                    before=rng.choice(cursors),
                    since=rng.choice(values),
                    until=rng.choice(values),
                    ascending=rng.random() < 0.5,
                    where={"sessionId": "s1"}
                    if kind is CHAT_MESSAGES and rng.random() < 0.5
                    else {},
                    tag=rng.choice([None, None, "dog", "rain"]) if kind is MOOD_JOURNAL else None,
                    words=rng.choice([(), (), ("DOG",), ("and", "coffee")])
                    if kind is MOOD_JOURNAL
                    else (),
                )
                assert mongo.list(kind, query) == lite.list(kind, query), query
                assert mongo.count(kind, query) == lite.count(kind, query), query
                checked += 1
        assert checked == 210
    finally:
        lite.close()
        mongo.close()
