"""Property-based API tests from the server's own /openapi.json (schemathesis).

Bounded for CI: a few examples per operation, a deadline per example, loopback only.
Every operation is called with a real token of a real user, and must never answer 5xx,
and must answer with a status, content type and body its OpenAPI document declares.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from tests.driver import PASSWORD
from tests.fixtures.server import ApiServer

MAX_EXAMPLES = 5
DEADLINE_MS = 20_000  # a guard against a hang, not a timing: CI machines are shared
COVERAGE = True  # boundary values per field: ~70 s more, and worth it


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    """One server for the whole module: one pytest item per operation shares it."""
    server = ApiServer(tmp_path_factory.mktemp("schemathesis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def api_token(served: ApiServer) -> str:
    with httpx.Client(base_url=served.url, timeout=10) as http:
        body = {
            "name": "Fuzz",
            "username": "fuzz",
            "email": "fuzz@example.com",
            "password": PASSWORD,
            "timezone": "UTC",
        }
        assert http.post("/v1/auth/signup", json=body).status_code == 201
        # Something to read, so the GETs of lists and the profile return real entries.
        token = http.post("/v1/auth/login", json={"identifier": "fuzz", "password": PASSWORD})
        auth = {"Authorization": f"Bearer {token.json()['accessToken']}"}
        assert http.post(
            "/v1/journal", json={"text": "fuzz me", "mood": 3}, headers=auth
        ).is_success
        assert http.post("/v1/sleep", json={"score": 7}, headers=auth).is_success
        return str(token.json()["accessToken"])


def _document() -> dict[str, Any]:
    """The OpenAPI document, built from the app itself (no server needed to collect tests);
    the test checks that the served /openapi.json is this same document."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.server.app import create_app

    env = {"PSYMITRIX_HOME": "/nonexistent/psymitrix-schema", "PSYMITRIX_JWT_SECRET": "s" * 48}
    return create_app(load_settings(env)).openapi()  # type: ignore[no-any-return]


DOCUMENT = _document()
# logout-all would revoke the token every other operation runs with.
# Fuzzing is capped at MAX_EXAMPLES per operation; the coverage phase runs as well.
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": COVERAGE}}})
schema = schemathesis.openapi.from_dict(DOCUMENT, config=CONFIG).exclude(path="/v1/auth/logout-all")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=DEADLINE_MS,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_never_fails_and_matches_its_schema(
    case: Any, served: ApiServer, api_token: str
) -> None:
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    assert served.url.startswith("http://127.0.0.1:")
    assert httpx.get(f"{served.url}/openapi.json").json() == DOCUMENT
    case.call_and_validate(
        base_url=served.url,
        headers={"Authorization": f"Bearer {api_token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
        timeout=10,
    )
