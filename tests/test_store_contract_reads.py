"""The Store contract for reads asked for together (store/base.py): `read_many` answers
exactly what each single call answers, and `caller` what get_user, get_user_data and
token_revoked say one by one, on every store (SQLite, MongoDB, MongoDB without
transactions, and MongoDB opened with its schema check left to the first read).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.domain.search import parse
from psymitrix_cli.store.base import (
    ASSESSMENTS,
    CHAT_MESSAGES,
    MOOD_JOURNAL,
    SLEEP,
    Entry,
    Page,
    Query,
    Totals,
    UserData,
    one,
)
from tests.store_helpers import add_user, at, journal


@pytest.fixture(params=["sqlite", "mongo", "mongo-no-tx", "mongo-lazy"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        from psymitrix_cli.store.sqlite import SqliteStore

        opened: Any = SqliteStore(tmp_path / "x.db")
    else:
        from psymitrix_cli.store.mongo import MongoStore

        settings = request.getfixturevalue("mongo_settings")
        opened = MongoStore(
            settings,
            transactions=False if request.param == "mongo-no-tx" else None,
            check_schema=request.param != "mongo-lazy",
        )
    yield opened
    opened.close()


def _history(store: Any) -> None:
    add_user(store)
    add_user(store, "u2", "Bea")
    for n in range(1, 13):
        store.insert(MOOD_JOURNAL, journal("u1", n, minute=n * 90, tags=["a"] if n % 2 else []))
    store.insert(MOOD_JOURNAL, journal("u1", 13, minute=90))  # tied on `at` with entry 1
    store.insert(MOOD_JOURNAL, journal("u2", 1))
    for day in (1, 2, 4):
        night = {"_id": f"n{day}", "userId": "u1", "date": f"2024-03-0{day}", "score": day}
        store.insert(SLEEP, night)
    for i, instrument in enumerate(("PHQ-9", "GAD-7", "PHQ-9")):
        test = {"_id": f"a{i}", "userId": "u1", "instrument": instrument, "takenAt": at(i)}
        store.insert(ASSESSMENTS, {**test, "total": i, "severity": "minimal"})
    store.insert(
        CHAT_MESSAGES,
        {"_id": "m1", "userId": "u1", "sessionId": "s", "seq": 0, "at": at(0), "content": "hi"},
    )


def test_read_many_answers_as_each_call_would(store: Any) -> None:
    _history(store)
    spans = tuple(at(m) for m in (0, 300, 700, 2000))
    reads = [
        UserData("u1"),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=3)),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=4, offset=2, ascending=True)),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=5, since=at(90), until=at(600))),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=20, tag="a")),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=0)),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=-1)),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=2, before=(at(450), "u1-j005"))),
        Page(MOOD_JOURNAL, Query(user_id="u1", limit=5, match=parse("entry"))),
        Page(SLEEP, Query(user_id="u1", limit=14, since="2024-03-02")),
        Page(ASSESSMENTS, Query(user_id="u1", limit=1, where={"instrument": "PHQ-9"})),
        Page(CHAT_MESSAGES, Query(user_id="u1", where={"sessionId": "s"}, ascending=True)),
        Totals(MOOD_JOURNAL, "u1", "mood", spans),
        Totals(MOOD_JOURNAL, "u1", None, spans),
        Totals(MOOD_JOURNAL, "u1", None, spans[:1]),
        Entry(MOOD_JOURNAL, "u1", "u1-j003"),
        Entry(MOOD_JOURNAL, "u2", "u1-j003"),  # another's entry: none
        Entry(SLEEP, "u1", "missing"),
        UserData("nobody"),
        Page(MOOD_JOURNAL, Query(user_id="nobody")),
    ]
    batched = store.read_many(reads)
    assert batched == [one(store, read) for read in reads]
    assert [e["_id"] for e in batched[1]] == ["u1-j012", "u1-j011", "u1-j010"]
    assert batched[12] == [(4, 13.0), (4, 11.0), (5, 15.0)]
    assert batched[15] is not None and batched[16] is None
    assert store.read_many([]) == []


def test_caller_is_the_user_their_data_and_the_revocation(store: Any) -> None:
    user = add_user(store)
    store.insert(MOOD_JOURNAL, journal("u1", 1))
    found = store.caller("u1", "tok-1")
    assert (found.user, found.data, found.revoked) == (user, store.get_user_data("u1"), False)
    assert found.data["moodJournalCount"] == 1
    assert store.caller("u1", "tok-1", with_data=False).data is None
    store.revoke_token("u1", "tok-1", at(60), at(0))
    assert store.caller("u1", "tok-1").revoked is True
    assert store.caller("u1", "tok-2").revoked is False
    nobody = store.caller("nobody", "tok-1")
    assert (nobody.user, nobody.data, nobody.revoked) == (None, None, False)
