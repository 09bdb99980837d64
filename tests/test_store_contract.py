"""The Store contract: one set of scenarios, run on every store (parametrized, never copied).

`spec` picks the store: SQLite, MongoDB (SecantusDB, which has transactions), and
MongoDB forced onto its transaction-free path (delete_user's fallback; standalone is refused).
The comparisons of SQLite with MongoDB are in tests/test_store_differential.py, the
MongoDB-only tests (indexes, plans, URIs, unreachable servers) in tests/test_store_mongo.py.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.domain.search import parse
from psymitrix_cli.errors import Conflict
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
from tests.store_helpers import Spec, add_user, at, data, journal, open_store


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
        "lastRestDay": None,
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
    second = {"visitingStreak": 2, "lastStreakUpdate": at(1440), "lastRestDay": "2026-01-01"}
    assert store.set_streak("u1", at(0), second)
    got = data(store)
    assert (got["visitingStreak"], got["longestStreak"], got["lastStreakUpdate"]) == (
        2,
        1,
        at(1440),
    )
    assert got["lastRestDay"] == "2026-01-01"
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


def test_list_filters_since_until_where_tag_and_search(store: Any) -> None:
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
    assert ids(match=parse("dog")) == ["01", "00"]
    assert ids(match=parse("coffee DOG")) == ["01"]
    assert ids(match=parse("coffee"), tag="home") == ["02"]
    assert ids(match=parse("a.b")) == ["03"]  # the phrase "a b": no regex or LIKE wildcards
    assert ids(match=parse("50%")) == ["05"]
    assert ids(match=parse("under_score")) == ["07"]
    count = store.count
    assert count(MOOD_JOURNAL, Query(user_id="u1", limit=1, offset=3)) == len(texts)
    assert count(MOOD_JOURNAL, Query(user_id="u1", tag="work", match=parse("done"))) == 1
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
