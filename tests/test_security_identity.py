"""Changing the email or username needs the current password; the old address is told."""

from __future__ import annotations

import email
import email.policy

import httpx

from tests.driver import PASSWORD, Cli
from tests.fixtures.mail import Inbox
from tests.fixtures.server import ApiServer

ANN = {
    "name": "Ann",
    "username": "ann",
    "email": "ann@example.com",
    "password": PASSWORD,
    "timezone": "UTC",
}


def _bearer(client: httpx.Client) -> dict[str, str]:
    client.post("/v1/auth/signup", json=ANN).raise_for_status()
    login = client.post("/v1/auth/login", json={"identifier": "ann", "password": PASSWORD})
    return {"Authorization": f"Bearer {login.json()['accessToken']}"}


def test_a_new_email_or_username_needs_the_current_password(any_cli: Cli) -> None:
    any_cli.signup("ann")
    for flag, value in (("--email", "thief@example.com"), ("--username", "thief")):
        out = any_cli("profile", "update", flag, value)  # no terminal to ask on
        assert out.exit_code == 2 and "--password-stdin" in out.stderr, out
        out = any_cli("profile", "update", flag, value, "--password-stdin", input="guess-1234\n")
        assert out.exit_code == 3 and "password is not correct" in out.stderr, out
    me = any_cli.json("whoami")
    assert (me["username"], me["email"]) == ("ann", "ann@example.com")
    changed = any_cli.json(
        "profile", "update", "--email", "new@example.com", "--username", "anne",
        "--password-stdin", input=PASSWORD + "\n",
    )  # fmt: skip
    assert (changed["username"], changed["email"]) == ("anne", "new@example.com")
    # Other fields need no password, as before.
    assert any_cli.json("profile", "update", "--name", "Annie")["name"] == "Annie"


def test_the_api_refuses_an_email_change_with_only_a_token(api_server: ApiServer) -> None:
    with httpx.Client(base_url=api_server.url) as client:
        bearer = _bearer(client)
        stolen = client.patch("/v1/me", json={"email": "thief@example.com"}, headers=bearer)
        assert stolen.status_code == 422, stolen.text
        assert stolen.json()["error"]["field"] == "/currentPassword"
        wrong = {"email": "thief@example.com", "currentPassword": "guess-1234"}
        assert client.patch("/v1/me", json=wrong, headers=bearer).status_code == 401
        assert client.get("/v1/whoami", headers=bearer).json()["email"] == "ann@example.com"
        same = client.patch("/v1/me", json={"email": "ann@example.com"}, headers=bearer)
        assert same.status_code == 200  # not a change: nothing to prove
        right = {"email": "new@example.com", "currentPassword": PASSWORD}
        assert client.patch("/v1/me", json=right, headers=bearer).json()["email"] == (
            "new@example.com"
        )


def _parsed(raw: str) -> email.message.EmailMessage:
    return email.message_from_string(raw, policy=email.policy.default)  # type: ignore[return-value]


def test_the_old_address_is_told_of_the_change(mail_server: tuple[ApiServer, Inbox]) -> None:
    server, inbox = mail_server
    with httpx.Client(base_url=server.url) as client:
        bearer = _bearer(client)
        body = {"email": "new@example.com", "username": "anne", "currentPassword": PASSWORD}
        assert client.patch("/v1/me", json=body, headers=bearer).status_code == 200
        inbox.wait(1)
        notice = _parsed(inbox.messages[0])
        assert notice["To"] == "ann@example.com"
        text = notice.get_content()
        assert "ann@example.com -> new@example.com" in text
        assert "ann -> anne" in text
        # A name change is no identity change: no email. Mail goes out in order, one at
        # a time, so had it sent one, it would arrive before the next notice.
        assert client.patch("/v1/me", json={"name": "Annie"}, headers=bearer).status_code == 200
        back = {"username": "ann", "currentPassword": PASSWORD}
        assert client.patch("/v1/me", json=back, headers=bearer).status_code == 200
        inbox.wait(2)
        second = _parsed(inbox.messages[1])
        assert second["To"] == "new@example.com" and "anne -> ann" in second.get_content()
        assert len(inbox.messages) == 2


def test_a_reset_token_mailed_to_the_old_address_dies_with_the_change(
    mail_server: tuple[ApiServer, Inbox],
) -> None:
    from tests.fixtures.mail import token_in

    server, inbox = mail_server
    with httpx.Client(base_url=server.url) as client:
        bearer = _bearer(client)
        client.post("/v1/auth/reset/request", json={"email": "ann@example.com"})
        inbox.wait(1)
        token = token_in(inbox.messages[0])
        body = {"email": "new@example.com", "currentPassword": PASSWORD}
        assert client.patch("/v1/me", json=body, headers=bearer).status_code == 200
        confirm = {"token": token, "newPassword": "another-horse-7"}
        assert client.post("/v1/auth/reset/confirm", json=confirm).status_code == 422


def test_guessing_the_current_password_with_a_token_is_throttled(
    sqlite_api_server: ApiServer,
) -> None:
    with httpx.Client(base_url=sqlite_api_server.url) as client:
        bearer = _bearer(client)
        guess = {"email": "thief@example.com", "currentPassword": "guess-1234"}
        for _ in range(5):
            assert client.patch("/v1/me", json=guess, headers=bearer).status_code == 401
        right = {"email": "thief@example.com", "currentPassword": PASSWORD}
        throttled = client.patch("/v1/me", json=right, headers=bearer)
        assert throttled.status_code == 429 and "Retry-After" in throttled.headers
        # One bucket with the login and the other routes that take the password.
        login = client.post("/v1/auth/login", json={"identifier": "ann", "password": PASSWORD})
        assert login.status_code == 429
        change = {"currentPassword": PASSWORD, "newPassword": "another-horse-7"}
        assert client.post("/v1/auth/password", json=change, headers=bearer).status_code == 429
        # A change that needs no password is not held up.
        assert client.patch("/v1/me", json={"name": "Annie"}, headers=bearer).status_code == 200
        assert client.get("/v1/whoami", headers=bearer).json()["email"] == "ann@example.com"
