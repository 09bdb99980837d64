"""The hosted API, over real HTTP to a real `psymitrix serve` on loopback: isolation
between users, token checks, throttling, body limits, probes, the OpenAPI document,
password reset by email (against an aiosmtpd server), and the serve command itself."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from psymitrix_cli.auth import tokens
from tests.driver import PASSWORD, Cli, http_signup
from tests.fixtures.mail import Inbox, token_in
from tests.fixtures.server import ApiServer, free_port


def _assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert "Traceback" not in response.text


@pytest.fixture
def client(api_server: ApiServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_server.url, timeout=10) as http:
        yield http


# --- isolation: another user's id is a 404, never their data ----------------------------------


def _create_everything(client: httpx.Client, auth: dict[str, str]) -> dict[str, str]:
    from psymitrix_cli.domain.breathing import get_pattern

    def made(path: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = client.post(path, json=body, headers=auth)
        assert answer.status_code == 201, answer.text
        return answer.json()  # type: ignore[no-any-return]

    now = datetime.now(UTC)
    breathing = {
        "pattern": "box",
        "label": get_pattern("box").label,
        "cycles": 1,
        "startedAt": (now - timedelta(minutes=1)).isoformat(),
        "endedAt": now.isoformat(),
        "durationSeconds": 16,
        "completed": True,
    }
    return {
        "journal": made("/v1/journal", {"text": "private words", "mood": 2})["id"],
        "gratitude": made("/v1/gratitude", {"items": ["tea"]})["id"],
        "breathing": made("/v1/breathing", breathing)["id"],
        "assessments": made("/v1/assessments", {"instrument": "PHQ-9", "answers": [1] * 9})["id"],
        "sleep": made("/v1/sleep", {"score": 6, "date": "2026-01-05"})["date"],
        "chat/sessions": made("/v1/chat/sessions", {})["id"],
    }


def test_no_user_can_read_change_or_delete_another_users_entries(client: httpx.Client) -> None:
    ann, bob = http_signup(client, "ann"), http_signup(client, "bob")
    owned = _create_everything(client, ann)
    for kind, entry_id in owned.items():
        path = f"/v1/{kind}/{entry_id}"
        _assert_error(client.get(path, headers=bob), 404, "not_found")
        _assert_error(client.delete(path, headers=bob), 404, "not_found")
        assert client.get(path, headers=ann).status_code == 200, path
    _assert_error(
        client.patch(f"/v1/journal/{owned['journal']}", json={"text": "mine now"}, headers=bob),
        404,
        "not_found",
    )
    _assert_error(
        client.post(f"/v1/chat/sessions/{owned['chat/sessions']}/end", headers=bob),
        404,
        "not_found",
    )
    _assert_error(
        client.post(
            f"/v1/chat/sessions/{owned['chat/sessions']}/messages",
            json={"message": "hi"},
            headers=bob,
        ),
        404,
        "not_found",
    )
    # Bob's own lists and profile show none of it; Ann's entries are untouched.
    for kind in ("journal", "gratitude", "breathing", "assessments", "sleep", "chat/sessions"):
        assert client.get(f"/v1/{kind}", headers=bob).json()["items"] == [], kind
        assert len(client.get(f"/v1/{kind}", headers=ann).json()["items"]) == 1, kind
    assert "private words" not in client.get("/v1/me", headers=bob).text
    assert (
        client.get(f"/v1/journal/{owned['journal']}", headers=ann).json()["text"] == "private words"
    )


def test_a_night_put_by_one_user_never_touches_anothers(client: httpx.Client) -> None:
    ann, bob = http_signup(client, "ann"), http_signup(client, "bob")
    assert client.put("/v1/sleep/2026-01-05", json={"score": 9}, headers=ann).status_code == 200
    assert client.put("/v1/sleep/2026-01-05", json={"score": 1}, headers=bob).status_code == 200
    assert client.get("/v1/sleep/2026-01-05", headers=ann).json()["score"] == 9
    assert client.get("/v1/sleep/2026-01-05", headers=bob).json()["score"] == 1


# --- tokens ---------------------------------------------------------------------------------


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def test_refused_tokens_are_401_with_the_json_error_body(
    client: httpx.Client, api_server: ApiServer
) -> None:
    auth = http_signup(client, "ann")
    token = auth["Authorization"].split()[1]
    user_id = client.get("/v1/whoami", headers=auth).json()["userId"]
    now = datetime.now(UTC)
    head, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    expired = tokens.issue(
        user_id, 0, api_server.secret, now - timedelta(days=30), timedelta(days=1)
    ).access_token
    forged = tokens.issue(
        user_id, 0, "another-secret-of-at-least-32-bytes!!", now, timedelta(days=1)
    ).access_token
    refused = {
        "missing": None,
        "garbage": "not-a-jwt",
        "tampered payload": f"{head}.{_b64({**claims, 'sub': 'someone-else'})}.{signature}",
        "tampered signature": f"{head}.{payload}.{signature[:-2]}xx",
        "alg none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.",
        "expired": expired,
        "wrong secret": forged,
    }
    for name, bad in refused.items():
        headers = {"Authorization": f"Bearer {bad}"} if bad else {}
        answer = client.get("/v1/me", headers=headers)
        _assert_error(answer, 401, "auth_failed")
        assert answer.headers["WWW-Authenticate"] == "Bearer", name
    # Revoked: logout-all bumps the token version, so the old token stops working.
    assert client.post("/v1/auth/logout-all", headers=auth).status_code == 204
    _assert_error(client.get("/v1/me", headers=auth), 401, "auth_failed")
    # 401 comes first, whatever else is wrong with the request.
    _assert_error(client.post("/v1/journal", json={"mood": "x"}), 401, "auth_failed")
    _assert_error(client.get("/v1/journal", params={"limit": "x"}), 401, "auth_failed")


# --- throttling -----------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "mongo"])
def own_client(
    request: pytest.FixtureRequest, start_api_server: Callable[..., ApiServer]
) -> Iterator[httpx.Client]:
    """A client of a server of this test's own (its limits are not shared with others)."""
    server = start_api_server(store=request.param)
    with httpx.Client(base_url=server.url, timeout=10) as http:
        yield http


def test_repeated_bad_logins_are_throttled_with_retry_after(own_client: httpx.Client) -> None:
    client = own_client
    http_signup(client, "ann")
    wrong = {"identifier": "ann", "password": "wrong-password-1"}
    right = {"identifier": "ann", "password": PASSWORD}
    for _ in range(4):
        _assert_error(client.post("/v1/auth/login", json=wrong), 401, "auth_failed")
    assert client.post("/v1/auth/login", json=right).status_code == 200  # resets the count
    for _ in range(5):
        _assert_error(client.post("/v1/auth/login", json=wrong), 401, "auth_failed")
    throttled = client.post("/v1/auth/login", json=right)  # refused before the password
    _assert_error(throttled, 429, "rate_limited")
    assert 1 <= int(throttled.headers["Retry-After"]) <= 15 * 60
    # Another account from the same address is not locked (its IP budget is larger).
    http_signup(client, "bob")


def test_a_username_and_its_email_share_one_throttle_bucket(own_client: httpx.Client) -> None:
    client = own_client
    http_signup(client, "dave")
    for identifier in ("dave", "DAVE", "dave@example.com", "Dave@Example.com", "dave"):
        wrong = {"identifier": identifier, "password": "wrong-password-1"}
        _assert_error(client.post("/v1/auth/login", json=wrong), 401, "auth_failed")
    right = {"identifier": "dave@example.com", "password": PASSWORD}
    _assert_error(client.post("/v1/auth/login", json=right), 429, "rate_limited")
    # An unknown name is throttled the same way, so the answers say nothing about existence.
    for _ in range(5):
        ghost = {"identifier": "nobody-here", "password": "wrong-password-1"}
        _assert_error(client.post("/v1/auth/login", json=ghost), 401, "auth_failed")
    _assert_error(client.post("/v1/auth/login", json=ghost), 429, "rate_limited")


# --- body limit -----------------------------------------------------------------------------


def test_bodies_over_64_kib_are_refused_with_413(client: httpx.Client) -> None:
    auth = http_signup(client, "ann")
    big = json.dumps({"text": "x" * 70_000}).encode()
    declared = client.post(
        "/v1/journal", content=big, headers={**auth, "Content-Type": "application/json"}
    )
    _assert_error(declared, 413, "too_large")

    def chunks() -> Iterator[bytes]:
        for i in range(0, len(big), 8192):
            yield big[i : i + 8192]

    streamed = client.post(
        "/v1/journal", content=chunks(), headers={**auth, "Content-Type": "application/json"}
    )
    _assert_error(streamed, 413, "too_large")
    assert client.get("/v1/journal", headers=auth).json()["items"] == []


# --- probes and documents -------------------------------------------------------------------


def test_health_ready_openapi_and_docs(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    document = client.get("/openapi.json").json()
    for path in (
        "/v1/auth/login",
        "/v1/me",
        "/v1/journal",
        "/v1/journal/{id}",
        "/v1/sleep/{date}",
        "/v1/chat/sessions/{session_id}/messages",
    ):
        assert path in document["paths"], path
    login = document["paths"]["/v1/auth/login"]["post"]
    assert "requestBody" in login and "429" in login["responses"]
    assert "HTTPBearer" in document["components"]["securitySchemes"]
    assert "/bench/bare" not in document["paths"]
    assert client.get("/bench/bare").status_code == 404  # only with PSYMITRIX_BENCH_ENDPOINT=1
    assert "swagger" in client.get("/docs").text.lower()
    _assert_error(client.get("/v1/nowhere"), 404, "not_found")


def test_readyz_is_503_when_the_store_is_unreachable(
    start_api_server: Callable[..., ApiServer],
) -> None:
    server = start_api_server(
        PSYMITRIX_BACKEND="mongo",
        MONGO_LINK=f"mongodb://127.0.0.1:{free_port()}/?directConnection=true",
        PSYMITRIX_MONGO_TIMEOUT_MS="300",
    )
    with httpx.Client(base_url=server.url, timeout=10) as http:
        assert http.get("/healthz").status_code == 200
        _assert_error(http.get("/readyz"), 503, "backend_unavailable")
        user = {"name": "A", "username": "ann", "email": "a@example.com", "password": PASSWORD}
        signup = http.post("/v1/auth/signup", json={**user, "timezone": "UTC"})
        _assert_error(signup, 503, "backend_unavailable")
        assert "127.0.0.1" not in signup.text  # no host or path leaks to the client


def test_the_server_starts_and_serves_on_mongodb(
    start_api_server: Callable[..., ApiServer], mongo_settings: Any
) -> None:
    # It used to hang at "Waiting for application startup": the store pool took its own
    # (non-reentrant) lock twice while opening the shared MongoDB client.
    server = start_api_server(
        PSYMITRIX_BACKEND="mongo",
        MONGO_LINK=mongo_settings.link,
        MONGODB_DATABASE_PSYMITRIX=mongo_settings.database,
    )
    with httpx.Client(base_url=server.url, timeout=10) as http:
        assert http.get("/readyz").json() == {"status": "ready"}
        auth = http_signup(http, "ann")
        made = http.post("/v1/journal", json={"text": "on mongo"}, headers=auth)
        assert made.status_code == 201, made.text
        listed = http.get("/v1/journal", headers=auth).json()["items"]
        assert [e["id"] for e in listed] == [made.json()["id"]]


# --- password reset by email ----------------------------------------------------------------


def test_password_reset_by_email_works_once(mail_server: tuple[ApiServer, Inbox]) -> None:
    server, inbox = mail_server
    with httpx.Client(base_url=server.url, timeout=10) as http:
        old = http_signup(http, "ann")
        asked = http.post("/v1/auth/reset/request", json={"email": "ANN@example.com"})
        assert asked.status_code == 202
        inbox.wait(1)
        assert "To: ann@example.com" in inbox.messages[0]
        token = token_in(inbox.messages[0])
        new = {"token": token, "newPassword": "brand-new-pass-1"}
        assert http.post("/v1/auth/reset/confirm", json=new).status_code == 204
        _assert_error(http.post("/v1/auth/reset/confirm", json=new), 422, "invalid_input")
        _assert_error(http.get("/v1/me", headers=old), 401, "auth_failed")  # sessions revoked
        login = {"identifier": "ann", "password": "brand-new-pass-1"}
        assert http.post("/v1/auth/login", json=login).status_code == 200
        # The same reply for an address with no account, and no email goes out.
        unknown = http.post("/v1/auth/reset/request", json={"email": "nobody@example.com"})
        assert (unknown.status_code, unknown.json()) == (asked.status_code, asked.json())
        time.sleep(0.5)
        assert len(inbox.messages) == 1
    assert token not in server.tail(400)  # never logged


def test_a_reset_token_expires_after_30_minutes(mail_server: tuple[ApiServer, Inbox]) -> None:
    server, inbox = mail_server
    with httpx.Client(base_url=server.url, timeout=10) as http:
        http_signup(http, "ann")
        assert (
            http.post("/v1/auth/reset/request", json={"email": "ann@example.com"}).status_code
            == 202
        )
        inbox.wait(1)
        new = {"token": token_in(inbox.messages[0]), "newPassword": "brand-new-pass-1"}
        later = (datetime.now(UTC) + timedelta(minutes=31)).isoformat()
        expired = http.post(
            "/v1/auth/reset/confirm", json=new, headers={"X-PsyMitrix-Clock": later}
        )
        _assert_error(expired, 422, "invalid_input")
        assert "expired" in expired.json()["error"]["message"]
        # The refusal was the clock's doing: within the 30 minutes it still works.
        assert http.post("/v1/auth/reset/confirm", json=new).status_code == 204


def test_a_refused_reset_confirm_keeps_the_tokens_expiry(
    mail_server: tuple[ApiServer, Inbox],
) -> None:
    """A password refused only once the account is known ("equals the email") must not
    hand the token back with a fresh 30 minutes: it would never expire."""
    server, inbox = mail_server
    with httpx.Client(base_url=server.url, timeout=10) as http:
        http_signup(http, "ann")
        http.post("/v1/auth/reset/request", json={"email": "ann@example.com"})
        inbox.wait(1)
        token = token_in(inbox.messages[0])
        start = datetime.now(UTC)

        def confirm(password: str, minutes: int) -> httpx.Response:
            at = {"X-PsyMitrix-Clock": (start + timedelta(minutes=minutes)).isoformat()}
            return http.post(
                "/v1/auth/reset/confirm", json={"token": token, "newPassword": password}, headers=at
            )

        for minutes in (10, 20, 29):
            _assert_error(confirm("ann@example.com", minutes), 422, "invalid_input")
        _assert_error(confirm("brand-new-pass-1", 31), 422, "invalid_input")  # still expired
        assert confirm("brand-new-pass-1", 29).status_code == 204  # and not spent by refusals


# --- idempotency ----------------------------------------------------------------------------


def test_an_idempotency_key_creates_once_and_replays_the_answer(client: httpx.Client) -> None:
    auth = http_signup(client, "ann")
    keyed = {**auth, "Idempotency-Key": "retry-me-123"}
    first = client.post("/v1/journal", json={"text": "once"}, headers=keyed)
    again = client.post("/v1/journal", json={"text": "once"}, headers=keyed)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again.headers["Idempotent-Replayed"] == "true"
    assert len(client.get("/v1/journal", headers=auth).json()["items"]) == 1
    reused = client.post("/v1/journal", json={"text": "other"}, headers=keyed)
    _assert_error(reused, 422, "invalid_input")
    # Keys are per user: Bob's identical key is his own.
    bob = {**http_signup(client, "bob"), "Idempotency-Key": "retry-me-123"}
    assert (
        client.post("/v1/journal", json={"text": "once"}, headers=bob).json()["id"]
        != first.json()["id"]
    )


# --- the serve command ----------------------------------------------------------------------


@pytest.mark.parametrize(("secret", "message"), [(None, "not set"), ("short-secret", "too short")])
def test_serve_refuses_a_missing_or_short_secret(
    cli: Cli, secret: str | None, message: str
) -> None:
    env = {**cli.env, "PATH": "/usr/bin:/bin"}
    if secret:
        env["PSYMITRIX_JWT_SECRET"] = secret
    command = [sys.executable, "-m", "psymitrix_cli", "serve", "--port", str(free_port())]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2, proc
    assert "PSYMITRIX_JWT_SECRET" in proc.stderr and message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_serve_without_the_server_extra_says_how_to_install_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if it were not installed
    out = cli("serve", env={"PSYMITRIX_JWT_SECRET": "s" * 48})
    # The exact command for this interpreter and this install (a path for a source checkout).
    assert out.exit_code == 1 and "-m pip install" in out.stderr, out
    assert "[server]" in out.stderr and out.stderr.count("\n") == 1, out
