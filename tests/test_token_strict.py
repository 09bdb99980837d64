"""Token verification as strict as PyJWT and RFC 8725, through the CLI and the API.

Each refused token here was accepted (or crashed the verifier) before: a deeply nested
header, iat/nbf in the future, `crit`, `b64: false`, a non-string `kid`, an `aud` we do
not expect, and base64 spelt in a non-canonical way.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any

import httpx

from tests.driver import Cli, stored_token
from tests.fixtures.server import ApiServer

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def sign(header: Any, claims: Any, secret: str, *, raw_header: str | None = None) -> str:
    """A compact HS256 token built by hand, so headers PyJWT won't write can be tested."""
    head = raw_header if raw_header is not None else b64(json.dumps(header).encode())
    body = b64(json.dumps(claims).encode())
    mac = hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64(mac)}"


def claims_of(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def nested_header(depth: int = 1300) -> str:
    """Deeper than json.loads can recurse, yet short enough to pass any length limit."""
    return b64(("[" * depth + "]" * depth).encode())


def flip_padding_bits(segment: str) -> str:
    """The same bytes spelt differently: set the unused low bits of the last character."""
    unused = {2: 15, 3: 3}[len(segment) % 4]  # 4 spare bits after 1 byte, 2 after 2 bytes
    last = ALPHABET.index(segment[-1])
    return segment[:-1] + ALPHABET[last | unused]


def _secret(cli: Cli) -> str:
    return (Path(cli.env["PSYMITRIX_HOME"]) / "jwt-secret").read_text().strip()


def _refused(cli: Cli, token: str) -> None:
    out = cli("whoami", env={"PSYMITRIX_TOKEN": token})
    assert out.exit_code == 3, out
    assert "log in again" in out.stderr
    assert "Traceback" not in out.stderr


def _accepted(cli: Cli, token: str) -> None:
    assert cli.json("whoami", env={"PSYMITRIX_TOKEN": token})["username"] == "ann"


HS256 = {"alg": "HS256", "typ": "JWT"}


def test_a_deeply_nested_header_is_refused_without_a_crash(cli: Cli, user: dict[str, Any]) -> None:
    _, payload, signature = stored_token(cli).split(".")
    _refused(cli, f"{nested_header()}.{payload}.{signature}")
    out = cli.subprocess("whoami", env={"PSYMITRIX_TOKEN": f"{nested_header()}.{payload}.x"})
    assert out.exit_code == 3 and "Traceback" not in out.stderr, out
    assert cli("auth", "status", env={"PSYMITRIX_TOKEN": f"a.{nested_header()}.b"}).exit_code != 1


def test_times_in_the_future_are_refused_beyond_a_small_leeway(
    cli: Cli, user: dict[str, Any]
) -> None:
    claims, secret = claims_of(stored_token(cli)), _secret(cli)
    now = int(time.time())
    _refused(cli, sign(HS256, {**claims, "iat": now + 3600}, secret))
    _refused(cli, sign(HS256, {**claims, "nbf": now + 3600}, secret))
    _refused(cli, sign(HS256, {**claims, "nbf": "soon"}, secret))
    # A few seconds of clock skew between servers is tolerated, as PyJWT's leeway.
    _accepted(cli, sign(HS256, {**claims, "iat": now + 5, "nbf": now + 5}, secret))
    _accepted(cli, sign(HS256, {**claims, "nbf": now - 60}, secret))


def test_headers_we_do_not_understand_are_refused(cli: Cli, user: dict[str, Any]) -> None:
    claims, secret = claims_of(stored_token(cli)), _secret(cli)
    for header in (
        {**HS256, "crit": ["exp"], "exp": 1},
        {**HS256, "crit": []},
        {**HS256, "crit": "b64", "b64": True},
        {**HS256, "b64": False, "crit": ["b64"]},
        {**HS256, "kid": 7},
        {**HS256, "kid": None},
        {**HS256, "kid": ["a"]},
    ):
        _refused(cli, sign(header, claims, secret))
    _accepted(cli, sign({**HS256, "kid": "k1"}, claims, secret))


def test_an_audience_we_do_not_expect_is_refused(cli: Cli, user: dict[str, Any]) -> None:
    claims, secret = claims_of(stored_token(cli)), _secret(cli)
    _refused(cli, sign(HS256, {**claims, "aud": "another-service"}, secret))
    _refused(cli, sign(HS256, {**claims, "aud": ["psymitrix"]}, secret))


def test_non_canonical_base64_is_refused(cli: Cli, user: dict[str, Any]) -> None:
    token = stored_token(cli)
    head, payload, signature = token.split(".")
    _accepted(cli, token)
    for bad in (
        f"{token}!!",
        f"{head}.{payload}!!.{signature}",
        f"{head}.{payload}.{flip_padding_bits(signature)}",
        f"{head}.{payload}.{signature}=",
        f"{head}.{payload}.{signature} ",
        f"{head}.{payload}.{signature[:-1]}",
        f"{head}.{payload}.{signature}.",
    ):
        _refused(cli, bad)


def test_the_standard_alphabet_is_refused(cli: Cli, user: dict[str, Any]) -> None:
    claims, secret = claims_of(stored_token(cli)), _secret(cli)
    # Sign until the signature holds a '-' or '_', then spell it with '+' or '/'.
    for n in range(200):
        token = sign(HS256, {**claims, "jti": f"{claims['jti']}{n}"}, secret)
        signature = token.rsplit(".", 1)[1]
        if "-" in signature or "_" in signature:
            break
    _accepted(cli, token)
    head, payload, _ = token.split(".")
    std = signature.replace("-", "+").replace("_", "/")
    _refused(cli, f"{head}.{payload}.{std}")


def test_the_api_answers_401_not_500_for_a_nested_header(api_server: ApiServer) -> None:
    with httpx.Client(base_url=api_server.url, timeout=10) as http:
        body = {"identifier": "x", "password": "y"}
        assert http.post("/v1/auth/login", json=body).status_code in (401, 422)
        bearer = {"Authorization": f"Bearer {nested_header()}.e30.x"}
        answer = http.get("/v1/me", headers=bearer)
        assert answer.status_code == 401, answer.text
        assert answer.json()["error"]["code"] == "auth_failed"
    assert "RecursionError" not in api_server.tail(4000)
