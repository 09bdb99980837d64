"""`logout` revokes the token it logs out, on every backend: a copy stops working."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.driver import PASSWORD, Cli, stored_token
from tests.fixtures.server import ApiServer


def _refused(cli: Cli, token: str) -> None:
    out = cli("whoami", env={"PSYMITRIX_TOKEN": token})
    assert out.exit_code == 3, out
    assert "log in again" in out.stderr


def test_a_copied_token_stops_working_at_logout(any_cli: Cli) -> None:
    any_cli.signup()
    copied = stored_token(any_cli)
    any_cli.ok("whoami", env={"PSYMITRIX_TOKEN": copied})
    assert any_cli.json("logout")["revoked"] is True
    _refused(any_cli, copied)
    _refused(any_cli.at("2030-01-01T00:00:00+00:00"), copied)  # not even on a later day
    # Logging in again gives a new token that works; the revoked one stays refused.
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert stored_token(any_cli) != copied
    any_cli.ok("whoami")
    _refused(any_cli, copied)


def test_logging_out_with_the_token_in_the_environment_revokes_that_token(any_cli: Cli) -> None:
    any_cli.signup()
    script_token = stored_token(any_cli)
    any_cli.ok("logout", env={"PSYMITRIX_TOKEN": script_token})
    _refused(any_cli, script_token)


def test_logout_revokes_only_its_own_token(any_cli: Cli) -> None:
    any_cli.signup()
    first = stored_token(any_cli)
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    second = stored_token(any_cli)
    any_cli.ok("logout")  # the stored (second) token
    _refused(any_cli, second)
    any_cli.ok("whoami", env={"PSYMITRIX_TOKEN": first})


def test_logout_of_a_token_already_refused_still_forgets_it(cli: Cli) -> None:
    cli.signup()
    copied = stored_token(cli)
    cli.ok("logout")
    out = cli.json("logout", env={"PSYMITRIX_TOKEN": copied})
    assert out == {"loggedOut": True, "revoked": False, "everywhere": False}


def test_the_api_refuses_a_bearer_token_after_its_logout(api_server: ApiServer) -> None:
    with httpx.Client(base_url=api_server.url) as client:
        client.post(
            "/v1/auth/signup",
            json={
                "name": "Ann",
                "username": "ann",
                "email": "ann@example.com",
                "password": PASSWORD,
                "timezone": "UTC",
            },
        ).raise_for_status()
        login = client.post("/v1/auth/login", json={"identifier": "ann", "password": PASSWORD})
        bearer = {"Authorization": f"Bearer {login.json()['accessToken']}"}
        assert client.get("/v1/whoami", headers=bearer).status_code == 200
        assert client.post("/v1/auth/logout", headers=bearer).status_code == 204
        assert client.get("/v1/whoami", headers=bearer).status_code == 401
        assert client.post("/v1/auth/logout", headers=bearer).status_code == 401


def test_revoked_token_ids_are_kept_only_until_the_tokens_expire(cli: Cli) -> None:
    start = cli.at("2026-03-01T09:00:00+00:00")
    start.signup()
    start.ok("logout")
    later = cli.at("2026-06-01T09:00:00+00:00")  # long after the first token expired
    later.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    later.ok("logout")
    db = sqlite3.connect(Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db")
    try:
        rows = db.execute(
            "SELECT expires_at FROM auth_secrets WHERE purpose = 'revoked'"
        ).fetchall()
    finally:
        db.close()
    assert len(rows) == 1 and rows[0][0] > "2026-06-01"


def test_logout_while_the_api_is_down_forgets_the_token_and_says_it_stays_valid(
    cli: Cli, start_api_server: Callable[..., ApiServer]
) -> None:
    server = start_api_server()
    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})
    api.signup()
    copied = stored_token(api)
    server.stop()
    out = api("logout")
    assert out.exit_code == 0, out
    assert "could not be reached" in out.stderr and "stays valid" in out.stderr
    assert api("auth", "status").exit_code == 3  # forgotten here (no network needed)
    server.start()
    api.ok("whoami", env={"PSYMITRIX_TOKEN": copied})  # but not revoked: the CLI said so
