"""What a deployment on MongoDB relies on, seen from the CLI and the server: standalone
servers are refused (counts need transactions), and every entry query carries `userId`,
the shard key (issue 15, items 3 and 6)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

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
