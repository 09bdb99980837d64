"""Every query shape the stores issue is served by an index: a plan that scans can't return.

SQLite: every statement SqliteStore sends (captured with the connection's trace
callback, so it is the real SQL, not a copy) is run through EXPLAIN QUERY PLAN. An entry
table must never be SCANned, a page must never be sorted in a temporary B-tree (that
sorts all of a user's rows), and an equality filter on a field (a chat's messages, one
instrument) must be a constraint of the index, not a filter over everything the user has
(the chat page once read every message the user ever sent).

MongoDB: the same shapes through the server's `explain` (find and count): IXSCAN, never
COLLSCAN, except the shapes SecantusDB (the test server) cannot index at all, which
`secantus_cannot_index` names; against a real mongod (PSYMITRIX_TEST_MONGO_URI) every
shape must use an index.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.domain.search import parse
from psymitrix_cli.store.base import KINDS, Kind, Query
from psymitrix_cli.store.sqlite import SqliteStore
from psymitrix_cli.store.sqlite_search import FTS
from tests.store_helpers import add_user, at

ENTRY_TABLES = set(KINDS)


def shapes(kind: Kind) -> Iterator[Query]:
    """The query shapes services build (services/*.py), for one kind."""
    yield Query(user_id="u1")
    yield Query(user_id="u1", limit=1, offset=3)  # gratitude's random pick
    yield Query(user_id="u1", since=at(0))
    yield Query(user_id="u1", until=at(9))
    yield Query(user_id="u1", since=at(0), until=at(9))
    yield Query(user_id="u1", before=(at(5), "x"))
    yield Query(user_id="u1", before=(at(5), "x"), ascending=True)
    yield Query(user_id="u1", tag="calm")
    if kind.search:  # a list's --search, through the search index
        yield Query(user_id="u1", match=parse("rain tea"))
        yield Query(user_id="u1", match=parse('"rain tea" OR walk -work'), before=(at(5), "x"))
        yield Query(user_id="u1", tag="calm", match=parse("rain"), since=at(0), until=at(9))
    for field in kind.fields:
        yield Query(user_id="u1", where={field: "v"})
        yield Query(user_id="u1", where={field: "v"}, ascending=True)  # the chat page
        yield Query(user_id="u1", where={field: "v"}, before=(at(5), "x"))
        yield Query(user_id="u1", where={field: "v"}, before=(at(5), "x"), ascending=True)
        yield Query(user_id="u1", where={field: "v"}, since=at(0), until=at(9))
    if kind.unique:  # find_one: a night by date, a chat's message by (session, seq)
        yield Query(user_id="u1", where=dict.fromkeys(kind.unique, "v"), limit=1)


@pytest.fixture
def traced(tmp_path: Path) -> Iterator[tuple[SqliteStore, list[str]]]:
    store = SqliteStore(tmp_path / "plans.db")
    add_user(store)
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    yield store, statements
    store._db.set_trace_callback(None)
    store.close()


def plan(store: SqliteStore, sql: str) -> list[str]:
    return [row[3] for row in store._db.execute(f"EXPLAIN QUERY PLAN {sql}")]


def equality_fields(sql: str, kind: Kind) -> list[str]:
    return [f for f in (*kind.fields, *kind.unique) if f'"{f}" = ' in sql]


def fts_problems(lines: list[str]) -> list[str]:
    """What is wrong with a statement that reads the search index: the FTS5 table must be
    read through a MATCH (`M` in its plan), newest first from its own rowid order (no
    sort), and every other table looked up by key (no SCAN)."""
    found = []
    fts = [line for line in lines if line.startswith(f"SCAN {FTS} VIRTUAL TABLE")]
    if not fts or any(":M" not in line.split("INDEX", 1)[1].replace(":=M", ":M") for line in fts):
        found.append(f"the index is not read through a MATCH: {lines}")
    for line in lines:
        scanned = re.match(r"SCAN (\w+)", line)
        if scanned and scanned[1] not in (FTS, "json_each"):
            found.append(f"scans: {line}")
        if "TEMP B-TREE" in line:
            found.append(f"sorts in a temporary B-tree: {line}")
    return found


def problems(store: SqliteStore, sql: str, kind: Kind | None = None) -> list[str]:
    """What is wrong with one statement's plan (nothing, for a good one)."""
    lines = plan(store, sql)
    if FTS in sql:
        return [f"{sql}\n    {p}" for p in fts_problems(lines)]
    found = []
    for line in lines:
        scanned = re.match(r"SCAN (\w+)", line)
        if scanned and scanned[1] in ENTRY_TABLES and "INDEX" not in line:
            found.append(f"full scan: {line}")
        if "TEMP B-TREE" in line:
            found.append(f"sorts in a temporary B-tree: {line}")
    if kind is not None:
        searched = [line for line in lines if line.startswith(f"SEARCH {kind.name} ")]
        if not searched:
            found.append(f"no index search on {kind.name}: {lines}")
        for line in searched:
            for column in ("user_id", *equality_fields(sql, kind)):
                if f"{column}=?" not in line:
                    found.append(f"{column} filtered, not searched: {line}")
    return [f"{sql}\n    {p}" for p in found]


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_list_and_count_shape_searches_an_index(
    traced: tuple[SqliteStore, list[str]], name: str
) -> None:
    store, statements = traced
    kind = KINDS[name]
    for query in shapes(kind):
        if query.where and set(query.where) <= set(kind.unique) and query.limit == 1:
            store.find_one(kind, "u1", query.where)
        else:
            store.list(kind, query)
        store.count(kind, query)
    assert statements, "the trace saw the store's statements"
    sent = [sql for sql in statements if not sql.startswith("--")]  # not a trigger's
    assert [p for sql in sent for p in problems(store, sql, kind)] == []


def test_the_chat_page_uses_the_sessions_index(traced: tuple[SqliteStore, list[str]]) -> None:
    store, statements = traced
    query = Query(user_id="u1", limit=50, where={"sessionId": "s1"}, ascending=True)
    store.list(KINDS["chat_messages"], query)
    (line,) = plan(store, statements[-1])
    assert "chat_messages_user_sessionId_time (user_id=? AND sessionId=?)" in line


def test_the_check_sees_a_scanning_and_a_filtering_plan(
    traced: tuple[SqliteStore, list[str]],
) -> None:
    """The check fails the plans it exists to stop (so the tests above can fail)."""
    store, _ = traced
    chat = KINDS["chat_messages"]
    scan = "SELECT doc FROM mood_journal WHERE json_extract(doc, '$.mood') = 3"
    assert any("full scan" in p for p in problems(store, scan))
    # The old chat page: the user_time index, filtering on sessionId.
    old = (
        "SELECT doc FROM chat_messages INDEXED BY chat_messages_user_time "
        'WHERE user_id = ? AND "sessionId" = ? ORDER BY sort_key ASC, id ASC LIMIT 50'
    )
    assert any("sessionId filtered" in p for p in problems(store, old.replace("?", "'x'"), chat))
    unsorted = "SELECT doc FROM mood_journal WHERE user_id = 'u1' ORDER BY json_extract(doc, '$.x')"
    assert any("temporary B-tree" in p for p in problems(store, unsorted))


def test_a_search_reads_the_fts_index_newest_first_and_stops(
    traced: tuple[SqliteStore, list[str]],
) -> None:
    """`psymitrix search`: MATCH on the FTS5 table in its own rowid (time) order with
    LIMIT, each match looked up by key; then its entries by primary key."""
    store, statements = traced
    journal, chat = KINDS["mood_journal"], KINDS["chat_messages"]
    for n in range(3):
        store.insert(journal, {"_id": f"j{n}", "userId": "u1", "at": at(n), "text": "rain tea"})
    kinds = [k for k in KINDS.values() if k.search]
    for since, until in ((None, None), (at(0), at(9))):
        hits = store.search(kinds, "u1", parse('rain OR "tea cup" -work'), since, until, 201)
        assert [doc["_id"] for _, doc in hits.found] == ["j2", "j1", "j0"]
    store.search([chat], "u1", parse("rain"), None, None, 5)
    read = [s for s in statements if s.lstrip().startswith("SELECT")]
    assert any(FTS in s for s in read) and any(FTS not in s for s in read)
    assert [p for sql in read for p in problems(store, sql)] == []


def test_the_fts_check_sees_a_scan_and_a_sort(traced: tuple[SqliteStore, list[str]]) -> None:
    """The FTS check fails the plans it exists to stop (so the tests above can fail)."""
    store, _ = traced
    every_row = f"SELECT rowid FROM {FTS} ORDER BY rowid DESC LIMIT 5"
    assert any("MATCH" in p for p in problems(store, every_row))
    ranked = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH 'rain' ORDER BY bm25({FTS}) LIMIT 5"
    assert any("temporary B-tree" in p for p in problems(store, ranked))
    joined = (
        f"SELECT e.id FROM {FTS} JOIN search_entries e ON e.id = {FTS}.rowid "
        f"WHERE {FTS} MATCH 'rain' AND e.user_id = 'u1' ORDER BY e.user_id LIMIT 5"
    )
    assert problems(store, joined)


def test_other_store_statements_search_an_index(traced: tuple[SqliteStore, list[str]]) -> None:
    """Users, user_data, counters, secrets and entries by id: none scans an entry table."""
    store, statements = traced
    journal = KINDS["mood_journal"]
    doc: dict[str, Any] = {"_id": "j1", "userId": "u1", "at": at(1), "text": "x", "mood": 3}
    store.insert(journal, doc)
    store.get(journal, "u1", "j1")
    store.update(journal, "u1", "j1", {"mood": 4})
    store.replace(journal, "u1", "j1", doc)
    store.delete(journal, "u1", "j1")
    store.delete_where(KINDS["chat_messages"], "u1", {"sessionId": "s1"})
    store.get_user("u1")
    store.find_user("ann")
    store.get_user_data("u1")
    checked = [s for s in statements if re.match(r"\s*(SELECT|UPDATE|DELETE|INSERT)", s)]
    assert checked
    assert [p for sql in checked for p in problems(store, sql)] == []


def test_a_database_from_before_version_6_gets_the_new_indexes_and_column(tmp_path: Path) -> None:
    """An older file is migrated: the chat page's index replaces the old one."""
    path = tmp_path / "old.db"
    SqliteStore(path).close()
    db = sqlite3.connect(path)
    for table, column in (("chat_messages", "sessionId"), ("assessments", "instrument")):
        db.execute(f"DROP INDEX {table}_user_{column}_time")
        db.execute(
            f'CREATE INDEX {table}_user_{column} ON {table} (user_id, "{column}", sort_key DESC)'
        )
    db.execute("DROP INDEX mood_journal_user_time_mood")  # and undo version 7
    db.execute("ALTER TABLE mood_journal DROP COLUMN mood_n")
    db.execute("DROP TABLE store_meta")  # and version 8
    for (trigger,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    ).fetchall():
        db.execute(f"DROP TRIGGER {trigger}")  # and version 9
    db.execute("DROP TABLE search_fts")
    db.execute("DROP TABLE search_entries")
    db.execute("DELETE FROM schema_migrations WHERE version >= 6")
    db.commit()
    db.close()
    store = SqliteStore(path)
    names = store.index_report()
    store.close()
    assert "chat_messages_user_sessionId_time" in names["chat_messages"]
    assert "chat_messages_user_sessionId" not in names["chat_messages"]
    assert "mood_journal_user_time_mood" in names["mood_journal"]


# --- MongoDB: the same shapes, through the server's explain ---------------------------------
@pytest.fixture
def mongo_store(mongo_settings: Any) -> Iterator[Any]:
    from psymitrix_cli.store.mongo import MongoStore

    opened = MongoStore(mongo_settings)
    add_user(opened)
    yield opened
    opened.close()


def secantus_cannot_index(kind: Kind, query: Query) -> bool:
    """SecantusDB (the test server) uses an index only when every top-level key of the
    filter is in it: a lower bound (kept under $and, see mongo_schema.entry_filter) or a
    tag is a COLLSCAN there. MongoDB itself gives those shapes index bounds."""
    from psymitrix_cli.store.mongo_schema import entry_filter
    from psymitrix_cli.store.mongo_search import TERMS

    indexed = {"userId", kind.sort, *kind.fields, *kind.unique, TERMS}
    sent = entry_filter(kind, query, paged=True)
    # Nor one with two operators (a search's `$in` for an OR and a page's time bound).
    operators = [value for value in sent.values() if isinstance(value, dict)]
    return bool(set(sent) - indexed) or len(operators) > 1


def on_secantus() -> bool:
    import os

    return not os.environ.get("PSYMITRIX_TEST_MONGO_URI")  # tests/fixtures/mongo.py


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_mongo_list_and_count_shape_uses_an_index(mongo_store: Any, name: str) -> None:
    from psymitrix_cli.store.mongo import plan_stages
    from psymitrix_cli.store.mongo_schema import entry_filter

    kind = KINDS[name]
    bad = []
    for query in shapes(kind):
        counted = mongo_store._db.command(
            "explain", {"count": kind.name, "query": entry_filter(kind, query)}
        )["queryPlanner"]["winningPlan"]
        for plan in (mongo_store.explain_list(kind, query), counted):
            stages = plan_stages(plan)
            scans = "IXSCAN" not in stages or "COLLSCAN" in stages
            if scans and not (on_secantus() and secantus_cannot_index(kind, query)):
                bad.append((query, stages))
    assert bad == []


@pytest.mark.parametrize("name", sorted(n for n, k in KINDS.items() if k.search))
def test_a_mongo_search_reads_the_terms_index(mongo_store: Any, name: str) -> None:
    """`psymitrix search` on MongoDB: the (userId, searchTerms, time) index, for a word
    and for an OR, with and without an upper time bound: never a COLLSCAN."""
    from psymitrix_cli.store.mongo import plan_stages
    from psymitrix_cli.store.mongo_search import search_filter

    kind = KINDS[name]
    cases = ((parse("rain"), None), (parse('"rain tea" -work'), at(9)), (parse("a OR b"), None))
    for query, until in cases:
        where, order = search_filter(kind, "u1", query, until)
        explained = mongo_store._db[kind.name].find(where, sort=order).explain()
        stages = plan_stages(explained["queryPlanner"]["winningPlan"])
        assert "IXSCAN" in stages and "COLLSCAN" not in stages, (query, stages)
    if not on_secantus():  # `$in` and a time bound: two operators, beyond SecantusDB
        where, order = search_filter(kind, "u1", parse("rain OR tea"), at(9))
        explained = mongo_store._db[kind.name].find(where, sort=order).explain()
        assert "COLLSCAN" not in plan_stages(explained["queryPlanner"]["winningPlan"])


def test_the_trend_sums_each_day_from_the_index(traced: tuple[SqliteStore, list[str]]) -> None:
    """status's 14-day trend: one statement, a range of the mood index (schema 7) per day."""
    store, statements = traced
    journal = KINDS["mood_journal"]
    store.totals_between(journal, "u1", "mood", [at(60 * 24 * d) for d in range(15)])
    (sql,) = statements
    lines = plan(store, sql)
    ranged = "mood_journal_user_time_mood (user_id=? AND sort_key>? AND sort_key<?)"
    assert any(line.startswith("SEARCH mood_journal") and ranged in line for line in lines), lines
    assert problems(store, sql) == []


def test_the_mongo_trend_is_one_aggregation_on_the_index(
    mongo_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pymongo import monitoring

    from psymitrix_cli.store.mongo import MongoStore, plan_stages

    sent: list[dict[str, Any]] = []

    class Watch(monitoring.CommandListener):
        def started(self, event: Any) -> None:
            if event.command_name == "aggregate":
                sent.append(dict(event.command))

        def succeeded(self, event: Any) -> None:
            pass

        def failed(self, event: Any) -> None:
            pass

    monkeypatch.setattr(monitoring, "_LISTENERS", monitoring._Listeners([], [], [], [], []))
    monitoring.register(Watch())
    store = MongoStore(mongo_settings)
    try:
        add_user(store)
        journal = KINDS["mood_journal"]
        store.totals_between(journal, "u1", "mood", [at(60 * 24 * d) for d in range(15)])
        (command,) = sent
        explained = store._db.command(
            "explain", {"aggregate": journal.name, "pipeline": command["pipeline"], "cursor": {}}
        )
    finally:
        store.close()
    assert [stage for stage in command["pipeline"] if "$group" in stage or "$bucket" in stage]
    # SecantusDB answers with queryPlanner at the top; mongod under the first stage's $cursor.
    planner = explained.get("queryPlanner") or explained["stages"][0]["$cursor"]["queryPlanner"]
    stages = plan_stages(planner["winningPlan"])
    assert "IXSCAN" in stages and "COLLSCAN" not in stages
