"""Two `psymitrix serve` processes on one store, as behind a load balancer (issue 15, item 8).

- login throttling counts across both (SQLite file and MongoDB);
- an idempotent POST whose server is killed after the write landed but before it
  answered, retried against the other server, gives exactly one entry (both stores);
- killing MongoDB during a burst of writes to both servers loses no acknowledged write,
  and the counts stay exact;
- `/readyz` goes 503 while MongoDB is down and back to 200 once it is up.

Everything runs on 127.0.0.1, every loop is bounded in count and time, and every process
(servers, SecantusDB) is stopped by its fixture.
"""

from __future__ import annotations

import secrets
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.driver import PASSWORD, http_signup
from tests.fixtures.mongo import fail_command
from tests.fixtures.server import ApiServer, mongo_env

Pair = tuple[ApiServer, ApiServer]


@pytest.fixture(params=["sqlite", "mongo"])
def two_servers(
    request: pytest.FixtureRequest, start_api_server: Callable[..., ApiServer]
) -> Iterator[Pair]:
    """Two servers on one store, with one signing secret (a token from either works on both)."""
    secret = {"PSYMITRIX_JWT_SECRET": secrets.token_urlsafe(48)}
    if request.param == "mongo":
        yield start_api_server("mongo", **secret), start_api_server("mongo", **secret)
        return
    home = Path(tempfile.mkdtemp(prefix="psymitrix-shared-home-"))
    try:
        yield start_api_server(home=home, **secret), start_api_server(home=home, **secret)
    finally:
        import shutil

        shutil.rmtree(home, ignore_errors=True)


def _login(server: ApiServer, password: str) -> httpx.Response:
    body = {"identifier": "ann", "password": password}
    return httpx.post(f"{server.url}/v1/auth/login", json=body, timeout=30)


# --- throttling -------------------------------------------------------------------------------
def test_login_throttling_counts_failures_on_both_servers(two_servers: Pair) -> None:
    a, b = two_servers
    with httpx.Client(base_url=a.url, timeout=30) as http:
        http_signup(http, "ann")
    # Five failures, alternating: each server saw only two or three of them.
    for server in (a, b, a, b, a):
        assert _login(server, "wrong-password-1").status_code == 401
    for server in (b, a):  # the right password is refused now, on either server
        refused = _login(server, PASSWORD)
        assert refused.status_code == 429, refused.text
        assert int(refused.headers["Retry-After"]) > 0


# --- an idempotent POST cut off after its write ------------------------------------------------
def _wire_version(link: str) -> int:
    from pymongo import MongoClient

    client: MongoClient[dict[str, Any]] = MongoClient(link, serverSelectionTimeoutMS=5000)
    try:
        return int(client.admin.command("hello").get("maxWireVersion", 0))
    finally:
        client.close()


def _held_after_the_write(server: ApiServer) -> Callable[[], Any]:
    """Make the server's next finish of an idempotency record wait (for far longer than the
    test runs), after the entry itself is committed. Returns what undoes it."""
    if server.store == "mongo":
        # Before MongoDB 8.0 the entry's transaction sends one update (its count), and the
        # next update is the idempotency record's finish; from 8.0 the count goes in the
        # entry's bulkWrite, so the first update is the finish: hold that one
        # (SecantusDB/mongod failpoint).
        block = {"blockConnection": True, "blockTimeMS": 20_000, "appName": "psymitrix"}
        counted_apart = _wire_version(server.env["MONGO_LINK"]) < 25
        held = fail_command(
            server.env["MONGO_LINK"],
            {"skip": int(counted_apart), "times": 1},
            failCommands=["update"],
            **block,
        )
        held.__enter__()
        return lambda: held.__exit__(None, None, None)
    # SQLite: a trigger on the finish that computes for minutes (until the kill).
    db = sqlite3.connect(server.home / "psymitrix.db", timeout=15)
    with db:
        db.execute("CREATE TABLE hold (x INTEGER)")
        db.executemany("INSERT INTO hold VALUES (?)", [(n,) for n in range(1500)])
        db.execute(
            "CREATE TRIGGER hold_finish BEFORE UPDATE OF doc ON idempotency "
            "BEGIN SELECT count(*) FROM hold a, hold b, hold c; END"
        )
    db.close()

    def undo() -> None:
        db = sqlite3.connect(server.home / "psymitrix.db", timeout=15)
        with db:
            db.execute("DROP TRIGGER hold_finish")
        db.close()

    return undo


def _journal_ids(server: ApiServer) -> list[str]:
    """The mood-journal entry ids stored, read from the store itself (not through a server)."""
    if server.store == "mongo":
        from pymongo import MongoClient

        client: MongoClient[dict[str, Any]] = MongoClient(server.env["MONGO_LINK"])
        try:
            db = client[server.env["MONGODB_DATABASE_PSYMITRIX"]]
            return [d["_id"] for d in db.mood_journal.find({}, {"_id": 1})]
        finally:
            client.close()
    db = sqlite3.connect(server.home / "psymitrix.db", timeout=15)
    try:
        return [row[0] for row in db.execute("SELECT id FROM mood_journal")]
    finally:
        db.close()


def test_idempotent_post_retried_on_the_other_server_after_a_kill_gives_one_entry(
    two_servers: Pair,
) -> None:
    a, b = two_servers
    with httpx.Client(base_url=a.url, timeout=30) as http:
        auth = http_signup(http, "ann")
        warm = http.post("/v1/journal", json={"text": "first visit today"}, headers=auth)
        assert warm.status_code == 201  # the day's visit is counted: the next POST only writes
    before = set(_journal_ids(a))
    request = {"json": {"text": "only once", "mood": 4}}
    headers = {**auth, "Idempotency-Key": "retry-after-a-kill-0001"}
    undo = _held_after_the_write(a)
    answers: list[Any] = []

    def post_to_a() -> None:
        try:
            answers.append(
                httpx.post(f"{a.url}/v1/journal", headers=headers, timeout=60, **request)
            )
        except httpx.HTTPError as exc:  # the kill cuts the connection: no answer
            answers.append(exc)

    poster = threading.Thread(target=post_to_a, daemon=True)
    poster.start()
    try:
        deadline = time.monotonic() + 20
        while not (landed := set(_journal_ids(a)) - before):
            assert time.monotonic() < deadline, "the write never landed"
            assert poster.is_alive(), answers
            time.sleep(0.05)
        a.kill()  # after the write, before the answer
    finally:
        undo()
    poster.join(timeout=30)
    assert len(answers) == 1 and isinstance(answers[0], httpx.HTTPError), answers
    retried = httpx.post(f"{b.url}/v1/journal", headers=headers, timeout=60, **request)
    assert retried.status_code == 201, retried.text
    assert {retried.json()["id"]} == landed  # the entry the first attempt wrote
    assert set(_journal_ids(b)) - before == landed  # one entry, not two
    with httpx.Client(base_url=b.url, timeout=30) as http:
        counts = http.get("/v1/me", headers=auth).json()["userData"]
        assert counts["moodJournalCount"] == len(before) + 1  # counted once
        again = http.post("/v1/journal", headers=headers, **request)
        assert again.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
        assert again.json()["id"] == retried.json()["id"]


# --- MongoDB killed under load -----------------------------------------------------------------
@pytest.fixture
def servers_on_own_mongo(
    own_mongo: Callable[..., Any], start_api_server: Callable[..., ApiServer]
) -> tuple[Any, Pair]:
    """A SecantusDB of the test's own (to kill) and two servers on it.

    `--sync-on-commit`: SecantusDB 0.7 fsyncs a single write sent with `j: true`, but not
    the commit of a multi-document transaction (whatever its write concern), which
    mongod does journal before acknowledging `j: true`. Without the flag, a SIGKILL
    loses transactions committed in the last moments (this test found it); with it,
    SecantusDB keeps the promise mongod makes."""
    store = own_mongo("--sync-on-commit")
    env = {
        **mongo_env(store.uri, "psy_deploy"),
        "PSYMITRIX_JWT_SECRET": secrets.token_urlsafe(48),
        "PSYMITRIX_MONGO_TIMEOUT_MS": "1000",  # /readyz answers within a second
    }
    return store, (start_api_server(**env), start_api_server(**env))


def _ready(server: ApiServer) -> int:
    return httpx.get(f"{server.url}/readyz", timeout=10).status_code


def test_readyz_goes_503_while_mongodb_is_down_and_back_when_it_returns(
    servers_on_own_mongo: tuple[Any, Pair],
) -> None:
    store, pair = servers_on_own_mongo
    assert [_ready(s) for s in pair] == [200, 200]
    store.kill()
    started = time.monotonic()
    assert [_ready(s) for s in pair] == [503, 503]
    assert time.monotonic() - started < 8  # each probe within the ping limit (1 s), not 30 s
    store.start()
    deadline = time.monotonic() + 30
    while [_ready(s) for s in pair] != [200, 200]:
        assert time.monotonic() < deadline, "not ready again within 30 s"
        time.sleep(0.2)
    for server in pair:
        log = server.tail(200)
        assert "not ready: Cannot reach MongoDB" in log and "ready again" in log


WRITERS, PER_WRITER, ACKS_BEFORE_KILL = 4, 30, 20


def test_killing_mongodb_during_a_burst_loses_no_acknowledged_write(
    servers_on_own_mongo: tuple[Any, Pair],
) -> None:
    """Four writers post to both servers; SecantusDB is killed (SIGKILL) mid-burst and
    started again on the same data. Every 201 is stored, a retry of anything that failed
    (same Idempotency-Key) gives one entry per key, and the count matches exactly."""
    store, pair = servers_on_own_mongo
    with httpx.Client(base_url=pair[0].url, timeout=30) as http:
        auth = http_signup(http, "ann")
    answers: dict[str, tuple[int, str | None]] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + 90

    def writer(n: int) -> None:
        with httpx.Client(timeout=60) as http:
            for i in range(PER_WRITER):
                if time.monotonic() > stop_at:
                    return
                key = f"burst-{n}-{i:03d}-xyz"
                url = f"{pair[(n + i) % 2].url}/v1/journal"
                headers = {**auth, "Idempotency-Key": key}
                try:
                    got = http.post(url, json={"text": key}, headers=headers)
                    answer = (got.status_code, got.json().get("id") if got.is_success else None)
                except httpx.HTTPError:
                    answer = (0, None)
                with lock:
                    answers[key] = answer

    threads = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while sum(1 for status, _ in list(answers.values()) if status == 201) < ACKS_BEFORE_KILL:
        assert time.monotonic() < deadline, answers
        time.sleep(0.02)
    store.kill()  # mid-burst: writes in flight on both servers
    time.sleep(1.0)
    store.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    acked = {key: entry for key, (status, entry) in answers.items() if status == 201}
    failed = sorted(set(answers) - set(acked))
    stored = set(_journal_ids(pair[0]))
    assert set(acked.values()) <= stored, "an acknowledged write was lost"
    assert len(answers) == WRITERS * PER_WRITER
    # Whatever failed during the outage converges on a retry, once per key.
    with httpx.Client(base_url=pair[1].url, timeout=60) as http:
        for key in failed:
            headers = {**auth, "Idempotency-Key": key}
            again = http.post("/v1/journal", json={"text": key}, headers=headers)
            assert again.status_code == 201, again.text
            acked[key] = again.json()["id"]
        stored = _journal_ids(pair[0])
        assert sorted(stored) == sorted(acked.values())  # one entry per key, none lost
        count = http.get("/v1/me", headers=auth).json()["userData"]["moodJournalCount"]
    assert count == len(stored) == WRITERS * PER_WRITER
