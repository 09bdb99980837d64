"""The CLI's api backend: how HTTP failures become the CLI's errors and exit codes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from psymitrix_cli.backends.http import Http, _sse_events, typed_error
from psymitrix_cli.errors import (
    AuthError,
    BackendUnavailable,
    Conflict,
    InvalidInput,
    NotFound,
    PsyError,
    RateLimited,
)
from tests.driver import Cli
from tests.fixtures.server import ApiServer, free_port


def _api(cli: Cli, url: str) -> Cli:
    return Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": url})


def test_a_refused_token_is_exit_3_with_the_servers_message(
    cli: Cli, api_server: ApiServer
) -> None:
    api = _api(cli, api_server.url)
    api.signup("ann")
    out = api("whoami", env={"PSYMITRIX_TOKEN": "not-a-token"})
    assert out.exit_code == 3 and "log in again" in out.stderr, out
    out = api("me", "--json", env={"PSYMITRIX_TOKEN": "not-a-token"})
    assert out.exit_code == 3 and '"auth_failed"' in out.stderr


def test_server_errors_map_to_the_local_exit_codes(cli: Cli, api_server: ApiServer) -> None:
    api = _api(cli, api_server.url)
    api.signup("ann")
    missing = api("journal", "show", "no-such-id/../x?y")
    assert missing.exit_code == 2 and "No journal entry" in missing.stderr, missing
    missing = api("journal", "show", "....")
    assert missing.exit_code == 2 and "No journal entry" in missing.stderr
    short = api("journal", "show", "..")
    assert short.exit_code == 2 and "too short" in short.stderr
    api.ok("sleep", "log", "--score", "5", "--date", "2026-01-05")
    clash = api("sleep", "log", "--score", "5", "--date", "2026-01-05")
    assert clash.exit_code == 2 and "already logged" in clash.stderr


def test_an_unreachable_api_is_exit_4_naming_the_url_quickly(cli: Cli) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    api = _api(cli, url)
    start = time.monotonic()
    out = api("whoami", env={"PSYMITRIX_TOKEN": "some-token"})
    assert out.exit_code == 4, out
    assert url in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert time.monotonic() - start < 5


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (401, "auth_failed", AuthError),
        (404, "not_found", NotFound),
        (409, "conflict", Conflict),
        (422, "invalid_input", InvalidInput),
        (400, None, InvalidInput),
        (413, "too_large", InvalidInput),
        (503, "backend_unavailable", BackendUnavailable),
        (500, "internal_error", PsyError),
    ],
)
def test_error_bodies_become_the_same_typed_errors(
    status: int, code: str | None, expected: type[PsyError]
) -> None:
    error = typed_error(status, code, "the server's words", None)
    assert type(error) is expected and error.message == "the server's words"


def test_429_keeps_retry_after() -> None:
    error = typed_error(429, "rate_limited", "slow down", "42")
    assert isinstance(error, RateLimited) and error.retry_after == 42


def test_sse_parsing() -> None:
    lines = [
        "event: session",
        'data: {"type": "session", "sessionId": "s1"}',
        "",
        ": keep-alive",
        "event: delta",
        'data: {"type": "delta",',
        'data: "text": "hi"}',
        "",
    ]
    assert list(_sse_events(iter(lines))) == [
        ("session", {"type": "session", "sessionId": "s1"}),
        ("delta", {"type": "delta", "text": "hi"}),
    ]


# --- retries, against a flaky loopback stub ---------------------------------------------------


class _Flaky(BaseHTTPRequestHandler):
    failures = 2
    seen: list[str] = []  # noqa: RUF012

    def _answer(self) -> None:
        type(self).seen.append(self.command)
        if len(type(self).seen) <= type(self).failures:
            self.send_response(503)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>proxy says no</html>")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    do_GET = do_POST = _answer

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[str]:
    _Flaky.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_idempotent_requests_are_retried_on_503(flaky: str) -> None:
    http = Http(flaky, lambda: None, sleep=lambda s: None)
    assert http.request("GET", "/x") == {"ok": True}
    assert _Flaky.seen == ["GET"] * 3
    _Flaky.seen = []
    keyed = http.request("POST", "/x", json_body={}, idempotency_key="k-12345678")
    assert keyed == {"ok": True} and len(_Flaky.seen) == 3


def test_a_post_without_a_key_is_not_repeated(flaky: str) -> None:
    http = Http(flaky, lambda: None, sleep=lambda s: None)
    with pytest.raises(BackendUnavailable, match=flaky):
        http.request("POST", "/x", json_body={})
    assert _Flaky.seen == ["POST"]
