"""What `psymitrix serve` writes to its log, and the privacy headers of /v1 answers.

Each test starts a real server (tests/fixtures/server.py) and reads its log file.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.driver import Cli
from tests.fixtures.server import ApiServer

SEARCH = "suicide plan tonight"


@pytest.fixture
def own_server() -> Iterator[Callable[..., ApiServer]]:
    """A server started with exactly the `serve` arguments and environment given."""
    started: list[ApiServer] = []

    def start(*serve_args: str, **env: str) -> ApiServer:
        server = ApiServer(Path(tempfile.mkdtemp(prefix="psymitrix-logs-")), env)
        server.serve_args = list(serve_args)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


def _search_over_the_api(cli: Cli, server: ApiServer) -> None:
    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})
    api.signup("ann")
    api.ok("journal", "add", "I have a suicide plan tonight", "--mood", "2")
    found = api.json("journal", "list", "--search", SEARCH)
    assert len(found["items"]) == 1  # the search really ran on the server
    assert len(api.json("search", SEARCH)["items"]) == 1  # POST /v1/search: the body


def _log(server: ApiServer) -> str:
    server.stop()  # flushes everything the server wrote
    return server.log.read_text(errors="replace")


def test_the_access_log_is_off_by_default(cli: Cli, own_server: Callable[..., ApiServer]) -> None:
    server = own_server()
    _search_over_the_api(cli, server)
    log = _log(server)
    assert "/v1/journal" not in log and "suicide" not in log, log


@pytest.mark.parametrize("enable", [("--access-log",), ()], ids=["flag", "setting"])
def test_an_access_log_never_holds_the_query(
    cli: Cli, own_server: Callable[..., ApiServer], enable: tuple[str, ...]
) -> None:
    env = {} if enable else {"PSYMITRIX_ACCESS_LOG": "1"}
    server = own_server(*enable, **env)
    _search_over_the_api(cli, server)
    log = _log(server)
    assert '"GET /v1/journal HTTP/1.1" 200' in log, log  # it is on, and logs the path
    assert "suicide" not in log and "search=" not in log, log


def test_answers_under_v1_are_private(api_server: ApiServer) -> None:
    with httpx.Client(base_url=api_server.url) as client:
        answers = [
            client.get("/v1/whoami"),  # 401
            client.post("/v1/auth/login", json={"identifier": "x", "password": "y" * 9}),
            client.get("/v1/nowhere"),  # 404
            client.post("/v1/journal", content=b"{", headers={"Content-Type": "application/json"}),
        ]
        for answer in answers:
            assert answer.headers["cache-control"] == "no-store", answer
            assert answer.headers["x-content-type-options"] == "nosniff", answer
            assert answer.headers["referrer-policy"] == "no-referrer", answer
        assert "cache-control" not in client.get("/healthz").headers
