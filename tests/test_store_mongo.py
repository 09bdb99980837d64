"""The MongoDB store on its own: indexes, migrations, query plans, URIs, unreachable servers."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pymongo.monitoring import CommandListener

from psymitrix_cli.config import MongoSettings
from psymitrix_cli.errors import BackendUnavailable, InvalidInput
from psymitrix_cli.store.base import (
    ASSESSMENTS,
    CHAT_MESSAGES,
    MOOD_JOURNAL,
    SLEEP,
    Query,
)
from tests.store_helpers import add_user, at, journal


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
    assert mongo_store.expected_indexes()["mood_journal"] == [
        "_id_",
        "mood_journal_user_terms",  # version 4: the search index
        "mood_journal_user_time",
    ]
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


def test_mongo_schema_check_left_to_the_callers_read(mongo_settings: MongoSettings) -> None:
    """Opened with check_schema=False (the CLI), the store sends nothing until the first
    operation; the caller's read answers the schema check in the same aggregation, a
    database left at an older version is migrated before the user is returned, and a
    newer one is refused before anything is read or written."""
    from pymongo import MongoClient

    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.store import mongo_schema
    from psymitrix_cli.store.mongo import MongoStore

    client: MongoClient = MongoClient(mongo_settings.link)
    db = client[mongo_settings.database]
    try:
        mongo_schema.MIGRATIONS[0](db)
        db.schema_version.insert_one({"_id": "schema", "version": 1})
        old = MongoStore(mongo_settings, check_schema=False)
        assert db.schema_version.find_one()["version"] == 1  # nothing yet
        assert old.caller("u1", "t").user is None
        assert db.schema_version.find_one()["version"] == mongo_schema.LATEST
        add_user(old)
        old.close()

        commands = Commands()
        current = MongoStore(mongo_settings, check_schema=False, listeners=[commands])
        commands.sent.clear()
        found = current.caller("u1", "t")
        assert found.user is not None and found.data is not None
        assert [name for name, _ in commands.sent] == ["aggregate"]
        current.close()

        db.schema_version.update_one({"_id": "schema"}, {"$set": {"version": 99}})
        for first in ("caller", "get_user", "read_many"):
            newer = MongoStore(mongo_settings, check_schema=False)
            try:
                with pytest.raises(PsyError, match="newer PsyMitrix"):
                    if first == "caller":
                        newer.caller("u1", "t")
                    elif first == "get_user":
                        newer.get_user("u1")
                    else:
                        newer.read_many([])
            finally:
                newer.close()
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
    """With transactions, a failure after the insert takes the insert back too (the
    path of servers before MongoDB 8.0: two writes in the transaction)."""
    if not mongo_store.transactions:
        pytest.skip("a standalone server: no transactions")
    add_user(mongo_store)
    monkeypatch.setattr(mongo_store, "_bulk_writes", False)

    def fail(*args: Any) -> None:
        raise RuntimeError("crash between the two writes")

    monkeypatch.setattr(mongo_store, "_bump", fail)
    with pytest.raises(RuntimeError):
        mongo_store.insert(MOOD_JOURNAL, journal("u1", 1))
    assert mongo_store.get(MOOD_JOURNAL, "u1", "u1-j001") is None
    with pytest.raises(KeyError):  # an unknown counter is refused before anything is written
        mongo_store.insert(MOOD_JOURNAL, journal("u1", 2), counter="noSuchCount")
    assert mongo_store.count(MOOD_JOURNAL, Query(user_id="u1")) == 0


def test_mongo_entry_and_counter_in_one_bulk_write_commit_together(
    mongo_store: Any, raw_db: Any
) -> None:
    """MongoDB 8.0's path: the entry and its count are one bulkWrite in a transaction. A
    count the server cannot increment fails the write after the insert, and the
    transaction takes the insert back."""
    from psymitrix_cli.errors import PsyError

    if not (mongo_store.transactions and mongo_store._bulk_writes):
        pytest.skip("no transactions, or a server before MongoDB 8.0 (no bulkWrite)")
    add_user(mongo_store)
    mongo_store.insert(MOOD_JOURNAL, journal("u1", 1))
    assert mongo_store.get_user_data("u1")["moodJournalCount"] == 1
    raw_db.user_data.update_one({"userId": "u1"}, {"$set": {"moodJournalCount": "one"}})
    with pytest.raises(PsyError):
        mongo_store.insert(MOOD_JOURNAL, journal("u1", 2))
    assert mongo_store.get(MOOD_JOURNAL, "u1", "u1-j002") is None
    assert mongo_store.count(MOOD_JOURNAL, Query(user_id="u1")) == 1


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


# --- durability, retries, time limits (issue 15, item 4) ---------------------------------------
class Commands(CommandListener):
    """A pymongo command listener keeping every command the store sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def started(self, event: Any) -> None:
        self.sent.append((event.command_name, dict(event.command)))

    def succeeded(self, event: Any) -> None:
        pass

    def failed(self, event: Any) -> None:
        pass

    def named(self, name: str) -> list[dict[str, Any]]:
        return [cmd for sent, cmd in self.sent if sent == name]


def test_mongo_client_waits_out_an_election_and_bounds_each_operation(
    mongo_store: Any, mongo_settings: MongoSettings
) -> None:
    from psymitrix_cli.store.mongo import MongoStore

    options = mongo_store._client.options
    assert options.write_concern.document == {"w": "majority", "j": True}
    assert options.read_concern.level == "majority"
    assert options.retry_writes is True and options.retry_reads is True
    assert options.server_selection_timeout == 30  # an election takes ~10-12 s
    assert options.timeout == 30  # every operation has a deadline
    # The link may tune the time limits, never weaken durability.
    link = f"{mongo_settings.link}&w=1&readConcernLevel=local&retryWrites=false"
    tuned = MongoStore(
        MongoSettings(
            link=f"{link}&serverSelectionTimeoutMS=45000&timeoutMS=12000",
            database=mongo_settings.database,
        )
    )
    try:
        options = tuned._client.options
        assert options.write_concern.document == {"w": "majority", "j": True}
        assert options.read_concern.level == "majority" and options.retry_writes is True
        assert (options.server_selection_timeout, options.timeout) == (45, 12)
    finally:
        tuned.close()


@pytest.mark.parametrize("transactions", [True, False])
def test_mongo_writes_are_majority_journaled_and_reads_majority(
    mongo_settings: MongoSettings, transactions: bool
) -> None:
    """What goes over the wire: the concerns on the commands a person's entry sends."""
    from psymitrix_cli.store.mongo import MongoStore

    commands = Commands()
    store = MongoStore(mongo_settings, transactions=transactions, listeners=[commands])
    try:
        if transactions and not store.transactions:
            pytest.skip("a standalone server: no transactions")
        add_user(store)
        commands.sent.clear()
        store.insert(MOOD_JOURNAL, journal("u1", 1))
        assert store.get(MOOD_JOURNAL, "u1", "u1-j001") is not None
        assert store.list(MOOD_JOURNAL, Query(user_id="u1"))
    finally:
        store.close()
    majority = {"w": "majority", "j": True}
    # In a transaction the commit carries the write concern; each write on its own otherwise.
    writes = commands.named("commitTransaction") if transactions else commands.named("insert")
    writes += [] if transactions else commands.named("update")
    assert writes and all(cmd["writeConcern"] == majority for cmd in writes)
    reads = commands.named("find")
    assert len(reads) >= 2 and all(cmd["readConcern"] == {"level": "majority"} for cmd in reads)
    assert all("maxTimeMS" in cmd for cmd in reads)  # each read has a server-side deadline


def test_mongo_write_cut_off_is_retried_once_and_applied_once(
    mongo_uri: str, mongo_settings: MongoSettings
) -> None:
    """A connection dropped under a write (as in a failover) costs a retry, not an error."""
    from psymitrix_cli.store.mongo import MongoStore
    from tests.fixtures.mongo import fail_command

    store = MongoStore(mongo_settings, transactions=False)  # retryable writes on their own
    try:
        add_user(store)
        cut = {"failCommands": ["insert"], "closeConnection": True, "appName": "psymitrix"}
        with fail_command(mongo_uri, {"times": 1}, **cut):
            store.insert(MOOD_JOURNAL, journal("u1", 1))
        assert store.count(MOOD_JOURNAL, Query(user_id="u1")) == 1
        assert store.get_user_data("u1")["moodJournalCount"] == 1
    finally:
        store.close()


def test_mongo_delete_user_falls_back_when_the_server_drops_the_transaction(
    mongo_uri: str, mongo_store: Any
) -> None:
    """NoSuchTransaction (the server reaped a long transaction) takes the ordered path."""
    from tests.fixtures.mongo import fail_command

    if not mongo_store.transactions:
        pytest.skip("a standalone server: no transactions")
    add_user(mongo_store)
    mongo_store.insert_many(MOOD_JOURNAL, [journal("u1", n) for n in range(1, 6)])
    reaped = {"failCommands": ["delete"], "errorCode": 251, "errorLabels": []}
    with fail_command(mongo_uri, {"times": 1}, appName="psymitrix", **reaped):
        assert mongo_store.delete_user("u1") is True
    assert mongo_store.get_user("u1") is None
    assert mongo_store.get_user_data("u1") is None
    assert mongo_store.count(MOOD_JOURNAL, Query(user_id="u1")) == 0


def test_mongo_operation_past_its_deadline_is_a_503_not_a_hang(
    mongo_uri: str, mongo_settings: MongoSettings
) -> None:
    """A query that runs away (here: held 3 s by a failpoint) ends at the operation's
    deadline (timeoutMS=500 in the link) as BackendUnavailable, so the server answers 503."""
    from psymitrix_cli.store.mongo import MongoStore
    from tests.fixtures.mongo import fail_command

    link = f"{mongo_settings.link}&timeoutMS=500"
    store = MongoStore(MongoSettings(link=link, database=mongo_settings.database))
    try:
        add_user(store)
        held = {"blockConnection": True, "blockTimeMS": 3000, "appName": "psymitrix"}
        with fail_command(mongo_uri, {"times": 1}, failCommands=["find"], **held):
            started = time.monotonic()
            with pytest.raises(BackendUnavailable, match="did not answer in time") as caught:
                store.list(MOOD_JOURNAL, Query(user_id="u1"))
            assert time.monotonic() - started < 2.5
        assert caught.value.exit_code == 4 and caught.value.http_status == 503
    finally:
        store.close()


# --- the migration lock (issue 15, item 5) ------------------------------------------------------
@pytest.fixture
def raw_db(mongo_settings: MongoSettings) -> Iterator[Any]:
    from pymongo import MongoClient

    client: MongoClient = MongoClient(mongo_settings.link, tz_aware=True)
    yield client[mongo_settings.database]
    client.close()


def _crashed_lock(db: Any, seconds_left: float) -> None:
    """A schema document left by a migrator that died holding a fresh lease."""
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    lock = {"owner": "dead", "host": "old-box", "pid": 4242, "since": now}
    lock["until"] = now + timedelta(seconds=seconds_left)
    db.schema_version.insert_one({"_id": "schema", "version": 0, "lock": lock})


def test_mongo_crashed_migrators_lock_is_taken_over_when_its_lease_runs_out(
    raw_db: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """The waiter's own wait (0.2 s) is shorter than the lease left (1.5 s): it still waits
    the lease out, since nobody renews it, and takes over instead of giving up."""
    from psymitrix_cli.store import mongo_schema

    _crashed_lock(raw_db, 1.5)
    caplog.set_level("INFO", logger="psymitrix.store.migrate")
    started = time.monotonic()
    mongo_schema.migrate(raw_db, wait_seconds=0.2, lease_seconds=5)
    elapsed = time.monotonic() - started
    assert 1.0 < elapsed < 10
    assert mongo_schema.schema_version(raw_db) == mongo_schema.LATEST
    assert "lock" not in raw_db.schema_version.find_one()
    text = caplog.text
    assert "waiting for old-box (pid 4242)" in text
    assert "took over the migration lock" in text and "old-box (pid 4242)" in text
    assert [r.levelname for r in caplog.records if "took over" in r.message] == ["WARNING"]


def test_mongo_waiter_gives_up_only_on_a_lease_being_renewed(
    raw_db: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A live migrator (it renews its lease) elsewhere: the waiter gives up after its wait
    and names it; it never takes over a renewed lease."""
    from datetime import UTC, datetime, timedelta

    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.store import mongo_schema

    _crashed_lock(raw_db, 1.0)
    stop = threading.Event()

    def renew() -> None:  # what the live migrator's lease thread does
        while not stop.wait(0.2):
            until = datetime.now(UTC) + timedelta(seconds=1)
            raw_db.schema_version.update_one(
                {"lock.owner": "dead"}, {"$set": {"lock.until": until}}
            )

    renewer = threading.Thread(target=renew)
    renewer.start()
    try:
        started = time.monotonic()
        with pytest.raises(PsyError, match=r"Gave up after \d+s .*old-box \(pid 4242\)"):
            mongo_schema.migrate(raw_db, wait_seconds=1.5, lease_seconds=5)
        assert 1.5 <= time.monotonic() - started < 10
    finally:
        stop.set()
        renewer.join()
    assert raw_db.schema_version.find_one()["lock"]["owner"] == "dead"  # never taken over
    assert "Gave up after" in caplog.text


def test_mongo_migrator_renews_its_lease_through_a_slow_migration(
    raw_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration longer than the lease keeps the lock: a second process waits for it
    instead of taking over, and every migration runs exactly once."""
    from psymitrix_cli.store import mongo_schema

    runs: list[int] = []
    shipped = mongo_schema.MIGRATIONS

    def slow(version: int) -> Any:
        def run(db: Any) -> None:
            runs.append(version)
            shipped[version - 1](db)
            if version == 1:
                time.sleep(2.5)  # five times the lease below

        return run

    every = list(range(1, mongo_schema.LATEST + 1))
    monkeypatch.setattr(mongo_schema, "MIGRATIONS", tuple(slow(v) for v in every))
    errors: list[BaseException] = []

    def start(delay: float) -> None:
        time.sleep(delay)
        try:
            mongo_schema.migrate(raw_db, wait_seconds=30, lease_seconds=0.5)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(d,), daemon=True) for d in (0, 0.3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert runs == every
    assert mongo_schema.schema_version(raw_db) == mongo_schema.LATEST


# --- standalone servers (issue 15, item 3) -----------------------------------------------------
def test_mongo_standalone_server_is_refused_with_how_to_fix_it(own_mongo: Any) -> None:
    """Without transactions an entry and its count could part in a crash: refused, not
    silently approximate."""
    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.store.mongo import MongoStore

    standalone = own_mongo("--standalone")
    with pytest.raises(PsyError) as caught:
        MongoStore(MongoSettings(link=standalone.uri, database="psy_standalone"))
    message = str(caught.value)
    assert "standalone" in message and f"127.0.0.1:{standalone.port}" in message
    assert "--replSet" in message and "rs.initiate()" in message
    assert caught.value.exit_code == 1
