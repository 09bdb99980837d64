"""Every kind of bad token is refused with exit 3 and 'please log in again'."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import jwt
import pytest

from tests.driver import SIGNUP_ANN, Cli, stored_token


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _claims(token: str) -> dict[str, object]:
    return jwt.decode(token, options={"verify_signature": False})


def _secret(cli: Cli) -> str:
    return (Path(cli.env["PSYMITRIX_HOME"]) / "jwt-secret").read_text().strip()


def _refused(cli: Cli, token: str) -> None:
    out = cli("whoami", env={"PSYMITRIX_TOKEN": token})
    assert out.exit_code == 3, out
    assert "log in again" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_valid_token_in_the_environment_works(cli: Cli, user: dict[str, object]) -> None:
    token = stored_token(cli)
    assert cli.json("whoami", env={"PSYMITRIX_TOKEN": token})["username"] == "ann"


def test_tampered_payload(cli: Cli, user: dict[str, object]) -> None:
    header, _, signature = stored_token(cli).split(".")
    forged = {**_claims(stored_token(cli)), "sub": "someone-else"}
    _refused(cli, f"{header}.{_b64(forged)}.{signature}")


def test_alg_none(cli: Cli, user: dict[str, object]) -> None:
    claims = _claims(stored_token(cli))
    _refused(cli, f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.")


def test_wrong_secret(cli: Cli, user: dict[str, object]) -> None:
    claims = _claims(stored_token(cli))
    _refused(cli, jwt.encode(claims, "x" * 48, algorithm="HS256"))


def test_other_algorithm_with_the_right_secret(cli: Cli, user: dict[str, object]) -> None:
    claims = _claims(stored_token(cli))
    _refused(cli, jwt.encode(claims, _secret(cli), algorithm="HS512"))


def test_missing_exp(cli: Cli, user: dict[str, object]) -> None:
    claims = {k: v for k, v in _claims(stored_token(cli)).items() if k != "exp"}
    _refused(cli, jwt.encode(claims, _secret(cli), algorithm="HS256"))


def test_expired_by_the_injected_clock(cli: Cli, user: dict[str, object]) -> None:
    token = stored_token(cli)
    exp = int(_claims(token)["exp"])  # type: ignore[arg-type]
    later = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(exp + 60))
    out = cli("whoami", env={"PSYMITRIX_TOKEN": token, "PSYMITRIX_CLOCK": later})
    assert out.exit_code == 3 and "log in again" in out.stderr


def test_revoked_by_logout_all(cli: Cli, user: dict[str, object]) -> None:
    token = stored_token(cli)
    cli.ok("logout", "--all")
    _refused(cli, token)


def test_token_of_a_deleted_user(cli: Cli, user: dict[str, object]) -> None:
    token = stored_token(cli)
    cli.ok("account", "delete", "--yes", "--password-stdin", input="correct-horse-9\n")
    _refused(cli, token)


@pytest.mark.parametrize("garbage", ["", "not-a-jwt", "a.b.c", "ey.ey.ey"])
def test_garbage(cli: Cli, user: dict[str, object], garbage: str) -> None:
    if garbage == "":
        cli.ok("logout")
        out = cli("whoami")
        assert out.exit_code == 3 and "not logged in" in out.stderr
    else:
        _refused(cli, garbage)


def test_secret_from_the_environment_overrides_the_local_file(cli: Cli) -> None:
    env = {"PSYMITRIX_JWT_SECRET": "s" * 40}
    cli.ok(
        *SIGNUP_ANN,
        input="correct-horse-9\n",
        env=env,
    )
    assert cli.json("whoami", env=env)["username"] == "ann"
    _refused(cli, stored_token(cli))  # signed with the env secret, not the local file's


@pytest.mark.parametrize(
    "mutate",
    [
        lambda c: {**c, "exp": str(c["exp"])},  # a string where a number belongs
        lambda c: {**c, "ver": True},
        lambda c: {**c, "sub": 42},
        lambda c: {k: v for k, v in c.items() if k != "jti"},
    ],
)
def test_claims_of_the_wrong_shape_are_refused(cli: Cli, user: dict[str, object], mutate) -> None:  # type: ignore[no-untyped-def]
    claims = mutate(_claims(stored_token(cli)))
    _refused(cli, jwt.encode(claims, _secret(cli), algorithm="HS256"))


def test_extra_header_fields_are_fine_but_padding_is_not(cli: Cli, user: dict[str, object]) -> None:
    claims = _claims(stored_token(cli))
    with_kid = jwt.encode(claims, _secret(cli), algorithm="HS256", headers={"kid": "k1"})
    assert cli.json("whoami", env={"PSYMITRIX_TOKEN": with_kid})["username"] == "ann"
    header, payload, signature = stored_token(cli).split(".")
    _refused(cli, f"{header}.{payload}.{signature}==")
