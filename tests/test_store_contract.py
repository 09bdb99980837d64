"""The Store contract: one set of scenarios, run on every store (parametrized, never copied).

`spec` picks the store: SQLite, MongoDB (SecantusDB, which has transactions), and
MongoDB forced onto its transaction-free path (what a standalone mongod gets).
The MongoDB-only tests at the end cover indexes, plans, URIs and unreachable servers.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.clock import iso
from psymitrix_cli.config import MongoSettings
from psymitrix_cli.errors import BackendUnavailable, Conflict, InvalidInput
from psymitrix_cli.store.base import (
    ASSESSMENTS,
    CHAT_MESSAGES,
    CHAT_SESSIONS,
    COUNTERS,
    GRATITUDE,
    KINDS,
    MOOD_JOURNAL,
    SLEEP,
    Query,
)
from psymitrix_cli.store.sqlite import SqliteStore

T0 = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
Spec = tuple[str, Any, Any]


def at(minutes: float) -> str:
    return iso(T0 + timedelta(minutes=minutes))


def open_store(spec: Spec) -> Any:
    backend, where, transactions = spec
    if backend == "sqlite":
        return SqliteStore(where)
    from psymitrix_cli.store.mongo import MongoStore

    return MongoStore(where, transactions=transactions)


@pytest.fixture(params=["sqlite", "mongo", "mongo-no-tx"])
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> Spec:
    if request.param == "sqlite":
        return ("sqlite", tmp_path / "x.db", None)
    settings = request.getfixturevalue("mongo_settings")
    return ("mongo", settings, None if request.param == "mongo" else False)


@pytest.fixture
def store(spec: Spec) -> Iterator[Any]:
    opened = open_store(spec)
    yield opened
    opened.close()


def user_doc(uid: str = "u1", username: str = "Ann", email: str = "ann@example.com") -> dict:
    return {
        "_id": uid,
        "name": username.title(),
        "username": username,
        "email": email,
        "phoneNumber": None,
        "passwordHash": "$2b$04$hash",
        "timezone": "Europe/Dublin",
        "tokenVersion": 0,
        "createdAt": at(0),
        "updatedAt": at(0),
    }


def add_user(store: Any, uid: str = "u1", username: str = "Ann", email: str | None = None) -> dict:
    user = user_doc(uid, username, email or f"{username.lower()}@example.com")
    store.create_user(user, {"userId": uid})
    return user


def journal(uid: str, n: int, minute: float | None = None, text: str = "", tags=()) -> dict:
    return {
        "_id": f"{uid}-j{n:03d}",
        "userId": uid,
        "at": at(n if minute is None else minute),
        "text": text or f"entry {n}",
        "tags": list(tags),
        "mood": n % 5 + 1,
    }


def data(store: Any, uid: str = "u1") -> dict:
    return store.get_user_data(uid)


# --- users -----------------------------------------------------------------------------
def test_create_and_find_user(store: Any) -> None:
    user = add_user(store)
    assert store.get_user("u1") == user
    assert store.find_user("ANN") == user
    assert store.find_user("aNn") == user
    assert store.find_user("Ann@Example.COM") == user
    assert store.find_user("nobody") is None
    assert store.get_user("nope") is None
    assert data(store) == {
        "userId": "u1",
        "visitingStreak": 0,
        "longestStreak": 0,
        "lastStreakUpdate": None,
        **dict.fromkeys(COUNTERS, 0),
    }


def test_duplicate_username_in_another_case_is_a_conflict(store: Any) -> None:
    add_user(store, "u1", "Ann")
    with pytest.raises(Conflict, match=r"^That username is taken\.$"):
        add_user(store, "u2", "aNN", "other@example.com")
    assert store.get_user("u2") is None
    assert store.get_user_data("u2") is None  # no half-made account


def test_duplicate_email_is_a_conflict(store: Any) -> None:
    add_user(store, "u1", "Ann", "ann@example.com")
    with pytest.raises(Conflict, match=r"^An account with that email already exists\.$"):
        add_user(store, "u2", "Bea", "ann@example.com")
    assert store.get_user("u2") is None
    assert store.get_user_data("u2") is None


def test_update_user_and_its_conflicts(store: Any) -> None:
    add_user(store, "u1", "Ann")
    add_user(store, "u2", "Bea")
    store.update_user("u2", {"name": "Beatrice", "phoneNumber": "+353 1 555", "ignored": 1})
    assert store.get_user("u2")["name"] == "Beatrice"
    assert store.get_user("u2")["phoneNumber"] == "+353 1 555"
    assert "ignored" not in store.get_user("u2")
    with pytest.raises(Conflict, match="username is taken"):
        store.update_user("u2", {"username": "ANN"})
    with pytest.raises(Conflict, match="email already exists"):
        store.update_user("u2", {"email": "ann@example.com"})
    assert store.get_user("u2")["username"] == "Bea"
    store.update_user("u2", {"username": "bea"})  # a new case of one's own name is fine
    assert store.find_user("BEA")["_id"] == "u2"


def test_bump_token_version(store: Any) -> None:
    add_user(store)
    assert store.bump_token_version("u1") == 1
    assert store.bump_token_version("u1", {"passwordHash": "new", "updatedAt": at(9)}) == 2
    user = store.get_user("u1")
    assert (user["tokenVersion"], user["passwordHash"], user["updatedAt"]) == (2, "new", at(9))
    assert store.bump_token_version("nobody") == 0


def test_streak_is_compare_and_set(store: Any) -> None:
    add_user(store)
    first = {"visitingStreak": 1, "longestStreak": 1, "lastStreakUpdate": at(0)}
    assert store.set_streak("u1", None, first) is True
    assert store.set_streak("u1", None, {"visitingStreak": 9, "lastStreakUpdate": at(1)}) is False
    assert store.set_streak("u1", at(0), {"visitingStreak": 2, "lastStreakUpdate": at(1440)})
    got = data(store)
    assert (got["visitingStreak"], got["longestStreak"], got["lastStreakUpdate"]) == (
        2,
        1,
        at(1440),
    )
    assert store.set_streak("nobody", None, first) is False


def test_increment(store: Any) -> None:
    add_user(store)
    store.increment("u1", "gratitudeCount")
    store.increment("u1", "gratitudeCount", 2)
    assert data(store)["gratitudeCount"] == 3


# --- secrets -----------------------------------------------------------------------------
def test_secrets_consume_once_expire_and_delete(store: Any) -> None:
    add_user(store)
    add_user(store, "u2", "Bea")
    store.add_secrets(
        [
            {"_id": "rc1", "userId": "u1", "purpose": "recovery", "createdAt": at(0)},
            {"_id": "rc2", "userId": "u1", "purpose": "recovery", "createdAt": at(0)},
            {
                "_id": "rs1",
                "userId": "u1",
                "purpose": "reset",
                "createdAt": at(0),
                "expiresAt": at(30),
            },
            {
                "_id": "rs2",
                "userId": "u2",
                "purpose": "reset",
                "createdAt": at(0),
                "expiresAt": at(30),
            },
        ]
    )
    assert store.consume_secret("recovery", "rc1", at(5)) == "u1"
    assert store.consume_secret("recovery", "rc1", at(6)) is None  # once only
    assert store.consume_secret("reset", "rc2", at(5)) is None  # wrong purpose
    assert store.consume_secret("recovery", "unknown", at(5)) is None
    assert store.consume_secret("reset", "rs1", at(31)) is None  # expired
    assert store.consume_secret("reset", "rs1", at(29)) == "u1"
    store.delete_secrets("u1", "recovery")
    assert store.consume_secret("recovery", "rc2", at(5)) is None
    assert store.consume_secret("reset", "rs2", at(1)) == "u2"  # another user's: untouched
    store.add_secrets([])  # nothing to add is fine


# --- entries -------------------------------------------------------------------------------
def test_insert_bumps_the_counter(store: Any) -> None:
    add_user(store)
    for n in range(3):
        store.insert(MOOD_JOURNAL, journal("u1", n))
    store.insert(GRATITUDE, {"_id": "g1", "userId": "u1", "at": at(1), "items": ["tea"]})
    test = {"_id": "a1", "userId": "u1", "takenAt": at(2), "instrument": "gad7", "score": 4}
    store.insert(ASSESSMENTS, test, counter="anxietyTestCount")
    store.insert(CHAT_SESSIONS, {"_id": "s1", "userId": "u1", "startedAt": at(3)})  # no counter
    got = data(store)
    assert (got["moodJournalCount"], got["gratitudeCount"], got["anxietyTestCount"]) == (3, 1, 1)
    assert got["chatSessionCount"] == 0
    assert store.get(ASSESSMENTS, "u1", "a1") == test
    assert store.count(MOOD_JOURNAL, Query(user_id="u1")) == 3


def test_duplicate_sleep_date_is_a_conflict_and_does_not_count(store: Any) -> None:
    add_user(store)
    night = {"_id": "s1", "userId": "u1", "date": "2024-03-01", "hours": 7.5, "quality": 4}
    store.insert(SLEEP, night)
    with pytest.raises(Conflict, match=r"^That entry already exists\.$"):
        store.insert(SLEEP, {**night, "_id": "s2", "hours": 3})
    with pytest.raises(Conflict, match=r"^That entry already exists\.$"):
        store.insert(SLEEP, {**night, "date": "2024-03-02"})  # the same _id
    assert data(store)["sleepLogCount"] == 1
    assert store.find_one(SLEEP, "u1", {"date": "2024-03-01"}) == night
    assert store.find_one(SLEEP, "u1", {"date": "2024-03-02"}) is None
    assert store.count(SLEEP, Query(user_id="u1")) == 1
    add_user(store, "u2", "Bea")
    store.insert(SLEEP, {**night, "_id": "s3", "userId": "u2"})  # another user's same night


def _expected_order(docs: list[dict], ascending: bool = False) -> list[str]:
    ordered = sorted(docs, key=lambda d: (d["at"], d["_id"]), reverse=not ascending)
    return [d["_id"] for d in ordered]


@pytest.mark.parametrize("ascending", [False, True])
def test_list_orders_and_pages_with_a_keyset_cursor(store: Any, ascending: bool) -> None:
    add_user(store)
    add_user(store, "u2", "Bea")
    # Groups of three entries share one instant, so the cursor's _id tie-break matters.
    docs = [journal("u1", n, minute=n // 3) for n in range(23)]
    for doc in reversed(docs):
        store.insert(MOOD_JOURNAL, doc)
    store.insert(MOOD_JOURNAL, journal("u2", 0))
    everything = store.list(MOOD_JOURNAL, Query(user_id="u1", limit=100, ascending=ascending))
    assert [d["_id"] for d in everything] == _expected_order(docs, ascending)
    assert everything[0] == next(d for d in docs if d["_id"] == everything[0]["_id"])

    pages, before = [], None
    while True:
        page = store.list(
            MOOD_JOURNAL, Query(user_id="u1", limit=4, before=before, ascending=ascending)
        )
        if not page:
            break
        pages.append([d["_id"] for d in page])
        before = (page[-1]["at"], page[-1]["_id"])
    assert [i for p in pages for i in p] == _expected_order(docs, ascending)
    assert [len(p) for p in pages] == [4, 4, 4, 4, 4, 3]

    middle = everything[10]
    after_middle = store.list(
        MOOD_JOURNAL,
        Query(
            user_id="u1",
            limit=3,
            offset=2,
            before=(middle["at"], middle["_id"]),
            ascending=ascending,
        ),
    )
    assert [d["_id"] for d in after_middle] == [d["_id"] for d in everything[13:16]]
    offset_page = store.list(
        MOOD_JOURNAL, Query(user_id="u1", limit=5, offset=5, ascending=ascending)
    )
    assert offset_page == everything[5:10]
    assert store.list(MOOD_JOURNAL, Query(user_id="u1", limit=0)) == []


def test_list_filters_since_until_where_tag_and_words(store: Any) -> None:
    add_user(store)
    texts = [
        "Walked the dog at dawn",
        "Dog park, then coffee",
        "COFFEE with Sam",
        "a.b test",
        "axb test",
        "50% done",
        "500 done",
        "under_score",
        "underXscore",
    ]
    for n, text in enumerate(texts):
        tags = ["work"] if n % 2 else ["home", "calm"]
        store.insert(MOOD_JOURNAL, journal("u1", n, text=text, tags=tags))

    def ids(**kw: Any) -> list[str]:
        return [d["_id"][-2:] for d in store.list(MOOD_JOURNAL, Query(user_id="u1", **kw))]

    assert ids(since=at(2), until=at(5)) == ["04", "03", "02"]
    assert ids(since=at(7)) == ["08", "07"]
    assert ids(until=at(1)) == ["00"]
    assert ids(tag="work") == ["07", "05", "03", "01"]
    assert ids(tag="calm", since=at(4)) == ["08", "06", "04"]
    assert ids(tag="nope") == []
    assert ids(words=("dog",)) == ["01", "00"]
    assert ids(words=("coffee", "DOG")) == ["01"]
    assert ids(words=("coffee",), tag="home") == ["02"]
    assert ids(words=("a.b",)) == ["03"]  # no regex or LIKE wildcards
    assert ids(words=("50%",)) == ["05"]
    assert ids(words=("under_score",)) == ["07"]
    count = store.count
    assert count(MOOD_JOURNAL, Query(user_id="u1", limit=1, offset=3)) == len(texts)
    assert count(MOOD_JOURNAL, Query(user_id="u1", tag="work", words=("done",))) == 1
    assert count(MOOD_JOURNAL, Query(user_id="u1", since=at(3), until=at(6))) == 3
    assert count(MOOD_JOURNAL, Query(user_id="u2")) == 0

    for n, instrument in enumerate(["phq9", "gad7", "phq9", "phq9"]):
        doc = {"_id": f"a{n}", "userId": "u1", "takenAt": at(n), "instrument": instrument}
        store.insert(ASSESSMENTS, doc)
    phq = store.list(ASSESSMENTS, Query(user_id="u1", where={"instrument": "phq9"}))
    assert [d["_id"] for d in phq] == ["a3", "a2", "a0"]
    assert store.count(ASSESSMENTS, Query(user_id="u1", where={"instrument": "gad7"})) == 1
    with pytest.raises(ValueError):
        store.list(ASSESSMENTS, Query(user_id="u1", where={"score": 3}))
    with pytest.raises(ValueError):
        store.delete_where(MOOD_JOURNAL, "u1", {"text": "x"})


def test_chat_messages_by_session_and_seq(store: Any) -> None:
    add_user(store)
    for session in ("s1", "s2"):
        for seq in range(4):
            store.insert(
                CHAT_MESSAGES,
                {
                    "_id": f"{session}-{seq}",
                    "userId": "u1",
                    "sessionId": session,
                    "seq": seq,
                    "role": "user" if seq % 2 == 0 else "assistant",
                    "content": f"m{seq}",
                },
            )
    with pytest.raises(Conflict):
        store.insert(CHAT_MESSAGES, {"_id": "dup", "userId": "u1", "sessionId": "s1", "seq": 2})
    thread = store.list(
        CHAT_MESSAGES, Query(user_id="u1", where={"sessionId": "s2"}, ascending=True)
    )
    assert [d["_id"] for d in thread] == ["s2-0", "s2-1", "s2-2", "s2-3"]
    page = store.list(
        CHAT_MESSAGES, Query(user_id="u1", where={"sessionId": "s1"}, limit=2, before=(3, "s1-3"))
    )
    assert [d["_id"] for d in page] == ["s1-2", "s1-1"]
    assert store.find_one(CHAT_MESSAGES, "u1", {"sessionId": "s1", "seq": 1})["content"] == "m1"
    assert store.delete_where(CHAT_MESSAGES, "u1", {"sessionId": "s1"}) == 4
    assert store.count(CHAT_MESSAGES, Query(user_id="u1")) == 4
    assert store.delete_where(CHAT_MESSAGES, "u1", {"sessionId": "s1"}) == 0


def test_update_and_replace(store: Any) -> None:
    add_user(store)
    add_user(store, "u2", "Bea")
    doc = journal("u1", 1, text="first draft")
    store.insert(MOOD_JOURNAL, doc)
    assert store.update(MOOD_JOURNAL, "u1", doc["_id"], {"text": "edited", "editedAt": at(9)})
    assert store.get(MOOD_JOURNAL, "u1", doc["_id"]) == {**doc, "text": "edited", "editedAt": at(9)}
    assert store.update(MOOD_JOURNAL, "u2", doc["_id"], {"text": "hijack"}) is False
    assert store.update(MOOD_JOURNAL, "u1", "missing", {"text": "x"}) is False
    replacement = {**doc, "text": "rewritten", "tags": ["new"], "at": at(50)}
    assert store.replace(MOOD_JOURNAL, "u1", doc["_id"], replacement)
    assert store.get(MOOD_JOURNAL, "u1", doc["_id"]) == replacement
    assert store.list(MOOD_JOURNAL, Query(user_id="u1", since=at(40)))[0] == replacement
    assert store.replace(MOOD_JOURNAL, "u2", doc["_id"], replacement) is False
    assert store.get(MOOD_JOURNAL, "u2", doc["_id"]) is None

    store.insert(SLEEP, {"_id": "n1", "userId": "u1", "date": "2024-03-01", "hours": 7})
    store.insert(SLEEP, {"_id": "n2", "userId": "u1", "date": "2024-03-02", "hours": 6})
    with pytest.raises(Conflict):
        store.replace(SLEEP, "u1", "n2", {"_id": "n2", "userId": "u1", "date": "2024-03-01"})


def test_delete_decrements_the_counter(store: Any) -> None:
    add_user(store)
    add_user(store, "u2", "Bea")
    for n in range(3):
        store.insert(MOOD_JOURNAL, journal("u1", n))
    assert store.delete(MOOD_JOURNAL, "u2", "u1-j001") is False  # another user's id
    assert data(store)["moodJournalCount"] == 3
    assert store.delete(MOOD_JOURNAL, "u1", "u1-j001") is True
    assert store.delete(MOOD_JOURNAL, "u1", "u1-j001") is False  # already gone
    assert data(store)["moodJournalCount"] == 2
    assert store.count(MOOD_JOURNAL, Query(user_id="u1")) == 2
    store.increment("u1", "moodJournalCount", -2)
    assert store.delete(MOOD_JOURNAL, "u1", "u1-j000") is True
    assert data(store)["moodJournalCount"] == 0  # never below zero
    test = {"_id": "a1", "userId": "u1", "takenAt": at(1), "instrument": "phq9"}
    store.insert(ASSESSMENTS, test, counter="depressionTestCount")
    assert store.delete(ASSESSMENTS, "u1", "a1", counter="depressionTestCount")
    assert data(store)["depressionTestCount"] == 0


def test_delete_user_erases_everything(store: Any) -> None:
    add_user(store)
    add_user(store, "u2", "Bea")
    for uid in ("u1", "u2"):
        store.insert(MOOD_JOURNAL, journal(uid, 1))
        store.insert(SLEEP, {"_id": f"{uid}-n", "userId": uid, "date": "2024-03-01"})
        store.insert(CHAT_SESSIONS, {"_id": f"{uid}-s", "userId": uid, "startedAt": at(0)})
        store.insert(
            CHAT_MESSAGES, {"_id": f"{uid}-m", "userId": uid, "sessionId": f"{uid}-s", "seq": 0}
        )
        store.insert(KINDS["safety_events"], {"_id": f"{uid}-e", "userId": uid, "at": at(0)})
        store.add_secrets(
            [{"_id": f"{uid}-rc", "userId": uid, "purpose": "recovery", "createdAt": at(0)}]
        )
    assert store.delete_user("u1") is True
    assert store.get_user("u1") is None
    assert store.find_user("ann") is None
    assert store.get_user_data("u1") is None
    assert store.consume_secret("recovery", "u1-rc", at(1)) is None
    for kind in KINDS.values():
        assert store.count(kind, Query(user_id="u1")) == 0, kind.name
    assert store.delete_user("u1") is False
    # The other user is untouched, and the name is free again.
    assert store.count(MOOD_JOURNAL, Query(user_id="u2")) == 1
    assert store.consume_secret("recovery", "u2-rc", at(1)) == "u2"
    assert data(store, "u2")["moodJournalCount"] == 1
    add_user(store, "u3", "ANN", "ann@example.com")


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


# --- many processes at once ------------------------------------------------------------------
WORKERS = 8


def _insert_worker(args: tuple[Spec, str, int, int, float]) -> None:
    spec, uid, worker, n, start_at = args
    opened = open_store(spec)
    try:
        time.sleep(max(0.0, start_at - time.time()))
        for i in range(n):
            doc = {"_id": f"w{worker}-{i:03d}", "userId": uid, "at": at(i), "text": "x"}
            opened.insert(MOOD_JOURNAL, doc)
    finally:
        opened.close()


def _streak_worker(args: tuple[Spec, str, int, str, float]) -> bool:
    spec, uid, worker, expected, start_at = args
    opened = open_store(spec)
    try:
        time.sleep(max(0.0, start_at - time.time()))
        fields = {"visitingStreak": 2, "lastStreakUpdate": f"{expected}+{worker}"}
        return bool(opened.set_streak(uid, expected, fields))
    finally:
        opened.close()


@pytest.fixture(scope="module")
def pool() -> Iterator[Any]:
    with multiprocessing.get_context("spawn").Pool(WORKERS) as workers:
        yield workers


@pytest.mark.slow
def test_concurrent_inserts_count_exactly(spec: Spec, store: Any, pool: Any) -> None:
    add_user(store)
    per_worker = 100
    start_at = time.time() + 0.5
    jobs = [(spec, "u1", w, per_worker, start_at) for w in range(WORKERS)]
    pool.map(_insert_worker, jobs)
    assert data(store)["moodJournalCount"] == WORKERS * per_worker
    assert store.count(MOOD_JOURNAL, Query(user_id="u1")) == WORKERS * per_worker


@pytest.mark.slow
def test_concurrent_streak_updates_let_exactly_one_win(spec: Spec, store: Any, pool: Any) -> None:
    add_user(store)
    assert store.set_streak("u1", None, {"visitingStreak": 1, "lastStreakUpdate": at(0)})
    start_at = time.time() + 0.5
    results = pool.map(_streak_worker, [(spec, "u1", w, at(0), start_at) for w in range(WORKERS)])
    assert sorted(results) == [False] * (WORKERS - 1) + [True]
    assert data(store)["lastStreakUpdate"] == f"{at(0)}+{results.index(True)}"


# --- MongoDB only ----------------------------------------------------------------------------
@pytest.fixture
def mongo_store(mongo_settings: MongoSettings) -> Iterator[Any]:
    from psymitrix_cli.store.mongo import MongoStore

    opened = MongoStore(mongo_settings)
    yield opened
    opened.close()


def test_mongo_indexes_after_start_up(mongo_store: Any, mongo_settings: MongoSettings) -> None:
    from psymitrix_cli.store import mongo_schema
    from psymitrix_cli.store.mongo import MongoStore

    assert mongo_store.index_report() == mongo_store.expected_indexes()
    assert mongo_store.schema_version() == mongo_schema.LATEST
    assert mongo_store.expected_indexes()["mood_journal"] == ["_id_", "mood_journal_user_time"]
    assert mongo_store.expected_indexes()["sleep"] == ["_id_", "sleep_unique", "sleep_user_time"]
    assert "users_username_ci" in mongo_store.expected_indexes()["users"]
    MongoStore(mongo_settings).close()  # a second start finds the schema current
    assert mongo_store.schema_version() == mongo_schema.LATEST
    if "PSYMITRIX_TEST_MONGO_URI" not in os.environ:
        assert mongo_store.transactions is True  # SecantusDB presents a replica set


def test_mongo_concurrent_first_start_migrates_once(mongo_settings: MongoSettings) -> None:
    from psymitrix_cli.store import mongo_schema
    from psymitrix_cli.store.mongo import MongoStore

    errors: list[BaseException] = []

    def start() -> None:
        try:
            MongoStore(mongo_settings).close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    store = MongoStore(mongo_settings)
    try:
        assert store.index_report() == store.expected_indexes()
        assert store.schema_version() == mongo_schema.LATEST
    finally:
        store.close()


def test_mongo_migrations_move_forward_once(mongo_settings: MongoSettings) -> None:
    from pymongo import MongoClient

    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.store import mongo_schema
    from psymitrix_cli.store.mongo import MongoStore

    client: MongoClient = MongoClient(mongo_settings.link)
    db = client[mongo_settings.database]
    try:
        mongo_schema.MIGRATIONS[0](db)  # a database left at version 1 by an older release
        db.schema_version.insert_one({"_id": "schema", "version": 1})
        store = MongoStore(mongo_settings)
        assert store.schema_version() == mongo_schema.LATEST
        assert store.index_report() == store.expected_indexes()
        assert db.schema_version.find_one()["version"] == mongo_schema.LATEST
        assert "lock" not in db.schema_version.find_one()
        store.close()
        db.schema_version.update_one({"_id": "schema"}, {"$set": {"version": 99}})
        with pytest.raises(PsyError, match="newer PsyMitrix"):
            MongoStore(mongo_settings)
    finally:
        client.close()


def test_mongo_lists_use_an_index(mongo_store: Any) -> None:
    from psymitrix_cli.store.mongo import plan_stages

    add_user(mongo_store)
    for n in range(5):
        mongo_store.insert(MOOD_JOURNAL, journal("u1", n))
        mongo_store.insert(SLEEP, {"_id": f"n{n}", "userId": "u1", "date": f"2024-03-0{n + 1}"})
    queries = [
        (MOOD_JOURNAL, Query(user_id="u1")),
        (MOOD_JOURNAL, Query(user_id="u1", until=at(4))),
        (MOOD_JOURNAL, Query(user_id="u1", limit=2, before=(at(3), "u1-j003"))),
        (MOOD_JOURNAL, Query(user_id="u1", limit=2, before=(at(3), "u1-j003"), until=at(2))),
        (SLEEP, Query(user_id="u1", limit=7)),
        (SLEEP, Query(user_id="u1", where={"date": "2024-03-02"}, limit=1)),
        (ASSESSMENTS, Query(user_id="u1", where={"instrument": "phq9"})),
        (CHAT_MESSAGES, Query(user_id="u1", where={"sessionId": "s"}, ascending=True)),
    ]
    for kind, query in queries:
        plan = mongo_store.explain_list(kind, query)
        stages = plan_stages(plan)
        assert "IXSCAN" in stages and "COLLSCAN" not in stages, (kind.name, query, plan)
    index = mongo_store.explain_list(MOOD_JOURNAL, Query(user_id="u1"))
    while "inputStage" in index:
        index = index["inputStage"]
    assert index["indexName"] == "mood_journal_user_time"
    # find_user's username lookup carries the index's collation, so it can use the index.
    from psymitrix_cli.store.mongo_schema import USERNAME_COLLATION

    users = mongo_store._users.find({"username": "aNN"}).collation(USERNAME_COLLATION)
    plan = users.explain()["queryPlanner"]["winningPlan"]
    assert "IXSCAN" in plan_stages(plan) and "users_username_ci" in str(plan)


def test_mongo_entry_and_counter_commit_together(mongo_store: Any, monkeypatch) -> None:
    """With transactions, a failure after the insert takes the insert back too."""
    if not mongo_store.transactions:
        pytest.skip("a standalone server: no transactions")
    add_user(mongo_store)

    def fail(*args: Any) -> None:
        raise RuntimeError("crash between the two writes")

    monkeypatch.setattr(mongo_store, "_bump", fail)
    with pytest.raises(RuntimeError):
        mongo_store.insert(MOOD_JOURNAL, journal("u1", 1))
    assert mongo_store.get(MOOD_JOURNAL, "u1", "u1-j001") is None
    with pytest.raises(KeyError):  # an unknown counter is refused before anything is written
        mongo_store.insert(MOOD_JOURNAL, journal("u1", 2), counter="noSuchCount")
    assert mongo_store.count(MOOD_JOURNAL, Query(user_id="u1")) == 0


def test_mongo_unreachable_server_fails_fast_without_the_password() -> None:
    from psymitrix_cli.store.mongo import MongoStore
    from tests.fixtures.mongo import free_port

    port = free_port()  # nothing listens there once the probe socket is closed
    settings = MongoSettings(
        host=f"127.0.0.1:{port}", user="psy", password="s3cr3t-P@ss", timeout_ms=500
    )
    started = time.monotonic()
    with pytest.raises(BackendUnavailable) as caught:
        MongoStore(settings)
    elapsed = time.monotonic() - started
    assert elapsed < 2.0
    message = str(caught.value)
    assert f"127.0.0.1:{port}" in message
    assert "within 0.5s" in message
    for leak in ("s3cr3t", "P@ss", "P%40ss"):
        assert leak not in message
    assert caught.value.exit_code == 4
    assert caught.value.__suppress_context__  # pymongo's own text is never chained into output


def test_mongo_bad_link_is_invalid_input_without_the_password() -> None:
    from psymitrix_cli.store.mongo import MongoStore

    with pytest.raises(InvalidInput) as caught:
        MongoStore(MongoSettings(link="mongodb://psy:s3cr3t-P%40ss@127.0.0.1:notaport/"))
    assert "s3cr3t" not in str(caught.value)
    with pytest.raises(InvalidInput, match="MONGO_LINK"):
        MongoStore(MongoSettings())


def test_redact_uri() -> None:
    from psymitrix_cli.store.mongo import redact_uri

    assert redact_uri("mongodb://psy:s3cr3t-P%40ss@db.example:27017/app?authSource=admin") == (
        "mongodb://psy:***@db.example:27017/app?authSource=admin"
    )
    assert redact_uri("mongodb+srv://u:p@ss:w/rd@cluster0.ab1.mongodb.net/?appName=a@b") == (
        "mongodb+srv://u:***@cluster0.ab1.mongodb.net/?appName=a@b"
    )
    assert redact_uri("mongodb://u:p?x@h/") == "mongodb://u:***@h/"
    assert redact_uri("mongodb://h1:1,h2:2/?replicaSet=rs") == "mongodb://h1:1,h2:2/?replicaSet=rs"
    assert redact_uri("mongodb://onlyuser@h/") == "mongodb://onlyuser@h/"
    assert redact_uri("mongodb://h/?tlsCertificateKeyFilePassword=pw&w=1") == (
        "mongodb://h/?tlsCertificateKeyFilePassword=***&w=1"
    )
    aws = "mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:t"
    assert redact_uri(aws).endswith("authMechanismProperties=***")


def test_mongo_uri_building() -> None:
    from psymitrix_cli.store.mongo import mongo_uri

    link = "mongodb+srv://a:b@c.mongodb.net/?retryWrites=true"
    assert mongo_uri(MongoSettings(link=link, host="ignored", user="x", password="y")) == link
    assert mongo_uri(MongoSettings(host="mongodb://h:1/")) == "mongodb://h:1/"
    assert mongo_uri(
        MongoSettings(host="db.internal:27017", user="psy", password="s3cr3t-P@ss")
    ) == ("mongodb://psy:s3cr3t-P%40ss@db.internal:27017/")
    assert mongo_uri(
        MongoSettings(host="cluster0.ab1.mongodb.net", user="a b", password="p/:@%")
    ) == ("mongodb+srv://a+b:p%2F%3A%40%25@cluster0.ab1.mongodb.net/")
    assert mongo_uri(MongoSettings(host="h1:1,h2:2")) == "mongodb://h1:1,h2:2/"
    shards = "c-00.ab1.mongodb.net:27017,c-01.ab1.mongodb.net:27017"
    assert mongo_uri(MongoSettings(host=shards)) == f"mongodb://{shards}/?tls=true"
    assert mongo_uri(MongoSettings(host="h", user="only")) == "mongodb://only@h/"
    with pytest.raises(InvalidInput, match=r"MONGO_LINK, or MONGO_HOST"):
        mongo_uri(MongoSettings())
    with pytest.raises(InvalidInput):
        mongo_uri(MongoSettings(link="http://nope"))
