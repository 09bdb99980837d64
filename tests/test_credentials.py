"""Where the token lives: the keyring, the 0600 fallback file, or PSYMITRIX_TOKEN."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path

import pytest

from tests.driver import PASSWORD, REPO, SIGNUP_ANN, Cli, stored_token


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_token_goes_to_the_real_keyring_backend_not_a_file(cli: Cli) -> None:
    cli.signup("ann")
    home = Path(cli.env["PSYMITRIX_HOME"])
    assert not (home / "credentials.json").exists()
    from tests.keyring_backends import keyring_file

    assert "psymitrix" in keyring_file().read_text()
    status = cli.json("auth", "status")
    assert status["loggedIn"] is True and "keyring" in status["storage"]
    assert status["expiresAt"] and status["storageWarning"] is None


def test_a_plaintext_keyring_is_warned_about_like_the_fallback_file(cli: Cli) -> None:
    """keyrings.alt's PlaintextKeyring (and the like) is a keyring only in name."""
    env = {"PYTHON_KEYRING_BACKEND": "tests.keyring_backends.PlaintextKeyring"}
    cli.subprocess(*SIGNUP_ANN, input=PASSWORD + "\n", env=env)
    status = cli.subprocess("auth", "status", env=env)
    assert status.exit_code == 0 and "unencrypted" in status.stderr, status
    status_json = json.loads(cli.subprocess("auth", "status", "--json", env=env).stdout)
    assert "PlaintextKeyring" in status_json["storageWarning"]
    doctor = json.loads(cli.subprocess("doctor", "--json", env=env).stdout)
    keyring = next(c for c in doctor["checks"] if c["name"] == "keyring")
    assert keyring["level"] == "warn" and "unencrypted" in keyring["detail"]
    # The test suite's own keyring is not reported as plain text.
    assert cli.json("auth", "status")["storageWarning"] is None


def test_the_test_keyring_backends_exist_only_for_the_tests() -> None:
    """The wheel packages psymitrix_cli alone; the backends tests use live in tests/."""
    import tomllib

    build = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    assert build["targets"]["wheel"]["packages"] == ["psymitrix_cli"]
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert not any("keyrings" in d for d in extras["optional-dependencies"]["test"])


def test_no_keyring_backend_falls_back_to_a_private_file_with_a_notice(cli: Cli) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    out = cli.subprocess(
        *SIGNUP_ANN,
        input=PASSWORD + "\n",
        env=env,
    )
    assert out.exit_code == 0, out
    notices = [line for line in out.stderr.splitlines() if "keyring" in line]
    assert len(notices) == 1, out.stderr
    credentials = Path(cli.env["PSYMITRIX_HOME"]) / "credentials.json"
    assert _mode(credentials) == 0o600
    assert cli.subprocess("whoami", env=env).exit_code == 0
    assert cli.subprocess("logout", env=env).exit_code == 0
    assert "ann" not in credentials.read_text() and len(credentials.read_text()) < 10


@pytest.mark.parametrize("backend", ["HangingKeyring", "BrokenKeyring"])
def test_a_hanging_or_broken_keyring_does_not_hang_the_cli(cli: Cli, backend: str) -> None:
    env = {
        "PYTHON_KEYRING_BACKEND": f"tests.keyring_backends.{backend}",
        "PSYMITRIX_KEYRING_TIMEOUT": "0.5",
    }
    start = time.monotonic()
    out = cli.subprocess(
        *SIGNUP_ANN,
        input=PASSWORD + "\n",
        env=env,
        timeout=30,
    )
    assert out.exit_code == 0, out
    assert "keyring" in out.stderr
    assert cli.subprocess("whoami", env=env, timeout=30).exit_code == 0
    assert time.monotonic() - start < 20


def _slow(delay: float, timeout: float = 0.5) -> dict[str, str]:
    return {
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backends.SlowKeyring",
        "PSYMITRIX_TEST_KEYRING_DELAY": str(delay),
        "PSYMITRIX_KEYRING_TIMEOUT": str(timeout),
    }


def test_a_slow_keyring_still_reads_the_login_and_is_not_probed_again(cli: Cli) -> None:
    """Issue 11: a keyring slower than PSYMITRIX_KEYRING_TIMEOUT read as "not logged in"."""
    from tests.keyring_backends import keyring_file, probe_log

    signup = cli.subprocess(*SIGNUP_ANN, input=PASSWORD + "\n", env=_slow(0.1))
    assert signup.exit_code == 0 and "keyring" not in signup.stderr, signup
    assert "psymitrix" in keyring_file().read_text()
    assert not (Path(cli.env["PSYMITRIX_HOME"]) / "credentials.json").exists()
    for _ in range(2):  # twice the timeout to be found and to answer: still logged in
        out = cli.subprocess("whoami", "--json", env=_slow(1.0))
        assert out.exit_code == 0 and out.json()["username"] == "ann", out
    # Found once, at signup; later commands load the remembered backend by name.
    assert probe_log().read_text().count("probe") == 1


def test_a_keyring_that_never_answers_a_read_is_its_own_error_not_logged_out(cli: Cli) -> None:
    cli.subprocess(*SIGNUP_ANN, input=PASSWORD + "\n", env=_slow(0))
    start = time.monotonic()
    out = cli.subprocess("whoami", "--json", env=_slow(30, timeout=0.2), timeout=30)
    waited = time.monotonic() - start
    assert out.exit_code == 1, out
    error = json.loads(out.stderr)["error"]
    assert error["code"] == "keyring_unavailable" and "PSYMITRIX_TOKEN" in error["message"]
    assert 1.0 <= waited < 15  # reads wait several times the timeout, then give up
    assert cli.subprocess("whoami", env=_slow(0)).exit_code == 0  # the login was there


def test_psymitrix_token_overrides_the_keyring(cli: Cli) -> None:
    cli.signup("ann")
    token = stored_token(cli)
    cli.signup("bob")
    assert cli.json("whoami")["username"] == "bob"
    assert cli.json("whoami", env={"PSYMITRIX_TOKEN": token})["username"] == "ann"
    status = cli.json("auth", "status", env={"PSYMITRIX_TOKEN": token})
    assert "PSYMITRIX_TOKEN" in status["storage"]


def test_auth_status_when_logged_out_exits_3(cli: Cli) -> None:
    out = cli("auth", "status", "--json")
    assert out.exit_code == 3 and out.json()["loggedIn"] is False


def test_data_dir_is_0700_and_files_are_0600(cli: Cli) -> None:
    cli.signup("ann")
    cli.ok("config", "set", "ai_provider", "offline")
    home = Path(cli.env["PSYMITRIX_HOME"])
    assert _mode(home) == 0o700
    files = [p for p in home.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"psymitrix.db", "jwt-secret", "config.toml"}
    for path in files:
        assert _mode(path) == 0o600, path


def test_secrets_are_never_printed(cli: Cli) -> None:
    result = cli.signup("ann")
    token = stored_token(cli)
    secret = (Path(cli.env["PSYMITRIX_HOME"]) / "jwt-secret").read_text().strip()
    outputs = [
        cli("login", "ann", "--password-stdin", input=PASSWORD + "\n"),
        cli("auth", "status"),
        cli("config", "show", "--json"),
        cli("me", "--json"),
    ]
    for out in outputs:
        for needle in (token, secret, PASSWORD):
            assert needle not in out.stdout + out.stderr
    assert result["recoveryCodes"]
