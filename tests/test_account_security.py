"""Account security through the CLI and the real API: no account oracle in recovery,
usernames stored in the NFKC form they were checked in."""

from __future__ import annotations

from typing import Any

import httpx

from tests.driver import PASSWORD, Cli
from tests.fixtures.server import ApiServer


def _signup_http(http: httpx.Client, username: str) -> dict[str, Any]:
    body = {
        "name": username.title(),
        "username": username,
        "email": f"{username}@example.com",
        "password": PASSWORD,
        "timezone": "UTC",
    }
    made = http.post("/v1/auth/signup", json=body)
    assert made.status_code == 201, made.text
    return dict(made.json())


# --- item 8: /v1/auth/recover says nothing about whether an account exists -------------------


def test_recover_answers_the_same_for_a_real_and_an_unknown_account(
    api_server: ApiServer,
) -> None:
    with httpx.Client(base_url=api_server.url, timeout=10) as http:
        codes = _signup_http(http, "ann")["recoveryCodes"]

        def recover(who: str, code: str, password: str) -> tuple[int, Any]:
            body = {"identifier": who, "code": code, "newPassword": password}
            answer = http.post("/v1/auth/recover", json=body)
            return answer.status_code, answer.json() if answer.content else None

        # The password rules that need no account come first, for everyone.
        assert recover("ann", "aaaaa-bbbbb", "short") == recover("nobody", "aaaaa-bbbbb", "short")
        assert recover("ann", "aaaaa-bbbbb", "short")[0] == 422
        # A password that would be refused for ann (it is her email) with a wrong code:
        # the same "code not valid" as for an account that does not exist.
        real = recover("ann@example.com", "aaaaa-bbbbb", "ann@example.com")
        assert real == recover("nobody@example.com", "aaaaa-bbbbb", "nobody@example.com")
        assert "recovery code" in real[1]["error"]["message"]
        # With a good code, ann is told about her own rule, and the code is not spent on it.
        refused = recover("ann", codes[0], "ann@example.com")
        assert refused[0] == 422 and "username or email" in refused[1]["error"]["message"]
        assert recover("ann", codes[0], "brand-new-pass-1") == (204, None)
        login = {"identifier": "ann", "password": "brand-new-pass-1"}
        assert http.post("/v1/auth/login", json=login).status_code == 200


# --- item 10: usernames are NFKC-normalised before they are checked and stored ---------------


def test_a_kelvin_sign_username_is_stored_as_the_letter_k(cli: Cli) -> None:
    made = cli.signup("\u212aate", email="kate@example.com")
    assert made["username"] == "Kate"
    assert cli.json("whoami")["username"] == "Kate"
    taken = cli("signup", "--name", "K", "--username", "kate", "--email", "k2@example.com",
                "--timezone", "UTC", "--password-stdin", input=PASSWORD + "\n")  # fmt: skip
    assert taken.exit_code == 2 and "taken" in taken.stderr.lower(), taken
    cli.ok("logout")
    cli.ok("login", "KATE", "--password-stdin", input=PASSWORD + "\n")
    assert cli.json("whoami")["username"] == "Kate"


def test_a_username_that_is_not_ascii_after_normalising_is_refused(cli: Cli) -> None:
    for name in ("ann\u00e9", "\u0430nn", "ann\u200b"):  # é, Cyrillic а, zero-width space
        out = cli("signup", "--name", "A", "--username", name, "--email", "x@example.com",
                  "--timezone", "UTC", "--password-stdin", input=PASSWORD + "\n")  # fmt: skip
        assert out.exit_code == 2, (name, out)
    assert cli("whoami").exit_code == 3  # nothing was created


def test_a_refused_recovery_password_leaves_the_code_usable(any_cli: Cli) -> None:
    """The code is looked at, not spent, until the new password is accepted (every store)."""
    code = any_cli.signup("ann")["recoveryCodes"][0]

    def recover(password: str) -> int:
        return any_cli("password", "recover", "ann", "--code", code, "--password-stdin",
                       input=password + "\n").exit_code  # fmt: skip

    assert recover("ann@example.com") == 2
    assert recover("brand-new-pass-1") == 0
    assert recover("brand-new-pass-2") == 2  # now it is spent
