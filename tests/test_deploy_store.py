"""What a deployment on MongoDB relies on, seen from the CLI and the server: standalone
servers are refused (counts need transactions), and every entry query carries `userId`,
the shard key (issue 15, items 3 and 6)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
from pymongo import monitoring
from pymongo.monitoring import CommandListener

from tests.driver import PASSWORD, SIGNUP_ANN, Cli
from tests.fixtures.server import ApiServer, mongo_env


# --- standalone servers are refused -------------------------------------------------------------
def test_cli_on_a_standalone_mongodb_says_how_to_make_it_a_replica_set(
    env: dict[str, str], own_mongo: Callable[..., Any]
) -> None:
    standalone = own_mongo("--standalone")
    cli = Cli(env, mongo_env(standalone.uri, "psy_standalone"))
    outcome = cli(*SIGNUP_ANN, input=PASSWORD + "\n")
    assert outcome.exit_code == 1, outcome
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and "standalone" in lines[0] and "--replSet rs0" in lines[0]
    assert "Traceback" not in outcome.stderr
    from pymongo import MongoClient

    client: MongoClient[dict[str, Any]] = MongoClient(standalone.uri)
    try:  # refused before anything was written, schema included
        assert "psy_standalone" not in client.list_database_names()
    finally:
        client.close()


def test_server_on_a_standalone_mongodb_is_not_ready_and_logs_why(
    start_api_server: Callable[..., ApiServer], own_mongo: Callable[..., Any]
) -> None:
    standalone = own_mongo("--standalone")
    server = start_api_server(**mongo_env(standalone.uri, "psy_standalone"))
    with httpx.Client(base_url=server.url, timeout=10) as http:
        assert http.get("/healthz").status_code == 200
        for _ in range(3):
            answer = http.get("/readyz")
            assert answer.status_code == 503
            assert "127.0.0.1" not in answer.text  # where the store lives stays in the log
    log = server.tail(200)
    assert "not ready: MongoDB at" in log and "standalone" in log
    assert log.count("not ready:") == 1  # once per change of reason, not once per probe


# --- the shard key: every entry query carries userId ---------------------------------------------
# Hashed on userId in a sharded cluster (docs/deploy.md): every entry collection, user_data
# and idempotency. users, auth_secrets, login_failures and schema_version stay unsharded.
UNSHARDED = {"users", "auth_secrets", "login_failures", "schema_version"}
# Where each command keeps the filters (or documents) the shard key must be in.
_FILTERS = {
    "find": lambda c: [c.get("filter", {})],
    "aggregate": lambda c: [s["$match"] for s in c.get("pipeline", [])[:1] if "$match" in s],
    "count": lambda c: [c.get("query", {})],
    "distinct": lambda c: [c.get("query", {})],
    "findAndModify": lambda c: [c.get("query", {})],
    "insert": lambda c: list(c.get("documents", [])),
    "update": lambda c: [u["q"] for u in c.get("updates", [])],
    "delete": lambda c: [d["q"] for d in c.get("deletes", [])],
}


class EntryCommands(CommandListener):
    """Every command sent to a sharded collection, as (command, collection, filter)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict[str, Any]]] = []
        self.unknown: list[tuple[str, str]] = []

    def started(self, event: Any) -> None:
        name, cmd = event.command_name, event.command
        if name == "bulkWrite":  # MongoDB 8.0: several collections in one command
            self._bulk_write(cmd)
            return
        target = cmd.get(name) if isinstance(cmd.get(name), str) else None
        if name == "aggregate":  # the reads joined to it (store/mongo_reads.py)
            self._unions(cmd.get("pipeline", []))
        if target is None or target in UNSHARDED or target.startswith("system."):
            return
        if name not in _FILTERS:
            if name not in ("createIndexes", "listIndexes", "explain"):
                self.unknown.append((name, target))
            return
        for where in _FILTERS[name](cmd):
            self.seen.append((name, target, dict(where)))

    def _note(self, name: str, target: str, where: dict[str, Any]) -> None:
        if target not in UNSHARDED:
            self.seen.append((name, target, dict(where)))

    def _unions(self, pipeline: list[dict[str, Any]]) -> None:
        for stage in pipeline:
            if "$unionWith" in stage:
                union = stage["$unionWith"]
                inner = union.get("pipeline", [])
                first = inner[0].get("$match", {}) if inner else {}
                self._note("aggregate", union["coll"], first)
                self._unions(inner)

    def _bulk_write(self, cmd: dict[str, Any]) -> None:
        spaces = [info["ns"].split(".", 1)[1] for info in cmd.get("nsInfo", [])]
        for op in cmd.get("ops", []):
            kind = next(k for k in ("insert", "update", "delete") if k in op)
            where = op.get("document") if kind == "insert" else op.get("filter")
            self._note(kind, spaces[op[kind]], where or {})

    def succeeded(self, event: Any) -> None:
        pass

    def failed(self, event: Any) -> None:
        pass


def _has_user_id(where: dict[str, Any]) -> bool:
    """userId by equality at the top level (or in a top-level $and), as the router needs."""
    value = where.get("userId")
    if isinstance(value, str):
        return True
    return any(_has_user_id(part) for part in where.get("$and", []))


def test_every_entry_query_the_mongo_store_sends_carries_the_user_id(
    env: dict[str, str], mongo_settings: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    """A whole life in the CLI on MongoDB, watched by pymongo command monitoring."""
    from psymitrix_cli.store.base import KINDS
    from psymitrix_cli.store.mongo import MongoStore

    # Migrations (once per database, scanning every user's records) are not queries of
    # a person's data: the schema is made before the watching starts.
    MongoStore(mongo_settings).close()
    monkeypatch.setattr(monitoring, "_LISTENERS", monitoring._Listeners([], [], [], [], []))
    watch = EntryCommands()
    monitoring.register(watch)
    ann = Cli(env, mongo_env(mongo_settings.link, mongo_settings.database))
    ann.ok(*SIGNUP_ANN, input=PASSWORD + "\n")
    entry = ann.json("journal", "add", "a good day", "--mood", "4", "--tag", "work")
    ann.json("journal", "add", "another", "--mood", "2")
    ann.ok("journal", "list", "--tag", "work")
    ann.ok("journal", "show", entry["id"])
    ann.ok("journal", "edit", entry["id"], "--text", "a very good day")
    ann.ok("journal", "delete", entry["id"], "--yes")
    ann.ok("gratitude", "add", "Coffee", "Rain")
    ann.ok("gratitude", "reflect")
    ann.ok("sleep", "log", "--score", "7", "--date", "2026-01-05")
    ann.ok("sleep", "log", "--score", "8", "--date", "2026-01-05", "--replace")
    ann.ok("breathe", "--cycles", "1", "--plain")
    ann.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    ann.ok("test", "history")
    ann.ok("activity", "add", "a walk", "--done")
    ann.ok("chat", "send", "My week at work has been busy")
    ann.ok("chat", "send", "--continue", "and I slept badly")
    ann.ok("chat", "end")
    ann.ok("checkin", "--mood", "3")
    ann.ok("me")
    ann.ok("status")
    exported = tmp_path / "export.json"
    ann.ok("export", "--format", "json", "--output", str(exported))
    ann.ok("import", str(exported))
    ann.ok("account", "delete", "--yes", "--password-stdin", input=PASSWORD + "\n")

    assert watch.unknown == []
    missing = [(name, coll, where) for name, coll, where in watch.seen if not _has_user_id(where)]
    assert missing == []
    touched = {coll for _, coll, _ in watch.seen}
    # Not vacuous: the workload reached the user's data in every collection it can.
    expected = {*KINDS} - {"safety_events"} | {"user_data"}
    assert expected <= touched, sorted(expected - touched)
    assert {"find", "insert", "update", "delete"} <= {name for name, _, _ in watch.seen}
    assert ("aggregate", "user_data") in {(name, coll) for name, coll, _ in watch.seen}


def test_the_transaction_free_paths_carry_the_user_id_too(mongo_settings: Any) -> None:
    """The paths a CLI session rarely takes: rollbacks of a clash, delete_user's fallback."""
    import pytest

    from psymitrix_cli.errors import Conflict
    from psymitrix_cli.store.base import MOOD_JOURNAL, Query
    from psymitrix_cli.store.mongo import MongoStore
    from tests.store_helpers import add_user, journal

    watch = EntryCommands()
    MongoStore(mongo_settings).close()  # the schema first, unwatched
    store = MongoStore(mongo_settings, transactions=False, listeners=[watch])
    try:
        add_user(store)
        with pytest.raises(Conflict):  # same username: the user_data made first is taken back
            add_user(store, uid="u2", username="ann", email="other@example.com")
        store.insert_many(MOOD_JOURNAL, [journal("u1", n) for n in (1, 2)])
        with pytest.raises(Conflict):
            store.insert(MOOD_JOURNAL, journal("u1", 1))
        store.delete_where(MOOD_JOURNAL, "u1", {})
        assert store.count(MOOD_JOURNAL, Query(user_id="u1")) == 0
        assert store.delete_user("u1")
    finally:
        store.close()
    assert watch.unknown == []
    assert [seen for seen in watch.seen if not _has_user_id(seen[2])] == []
    assert ("delete", "user_data") in {(name, coll) for name, coll, _ in watch.seen}
