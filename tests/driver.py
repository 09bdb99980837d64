"""The test driver: what tests use to run the real `psymitrix` and look behind it.

Helpers live here, not in conftest.py (which holds fixtures only), so that tests
import them like any module and no test module imports another.
- `Cli` runs the command in-process (Typer's CliRunner) or as a subprocess, with an
  environment; `Outcome` is what it returns.
- `PASSWORD`, `SIGNUP_ANN`: the account most tests sign up.
- `base_env`, `SCRUB`: the isolated environment of one test.
- `environment`, `stored_token`, `backend`, `skip_api`: for tests that need to look
  behind the CLI (never to replace it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

if TYPE_CHECKING:
    from psymitrix_cli.backends.base import Backend

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "correct-horse-9"
# `psymitrix signup` for a user "ann", minus the password (send PASSWORD on stdin).
SIGNUP_ANN = (
    "signup", "--name", "A", "--username", "ann", "--email", "a@example.com",
    "--timezone", "UTC", "--password-stdin",
)  # fmt: skip

# Settings a developer's shell might hold that must never leak into a test.
SCRUB = (
    "PSYMITRIX_TOKEN",
    "PSYMITRIX_PASSPHRASE",
    "PSYMITRIX_BACKEND",
    "PSYMITRIX_API_URL",
    "PSYMITRIX_JWT_SECRET",
    "PSYMITRIX_AI_PROVIDER",
    "GROQ_API_KEY",
    "GEMINI_API_KEY",
    "GROQ_BASE_URL",
    "GOOGLE_GEMINI_BASE_URL",
    "MONGO_LINK",
    "MONGO_HOST",
    "MONGO_USER",
    "MONGO_USER_PASSWORD",
    "MONGODB_DATABASE_PSYMITRIX",
    "PSYMITRIX_CLOCK",
    "PSYMITRIX_CRISIS_LINE",
    "NO_COLOR",
)


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def __repr__(self) -> str:  # shown by pytest when an assertion fails
        return f"Outcome(exit={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@dataclass
class Cli:
    """Runs `psymitrix` with an environment; `extra` holds per-backend settings."""

    env: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)

    def at(self, instant: str) -> Cli:
        """The same user, with every call at `instant` unless a call says otherwise.

        Tests that move time sign up on the simulated clock too: a token is refused
        when it was issued after the clock's "now".
        """
        return Cli({**self.env, "PSYMITRIX_CLOCK": instant}, self.extra)

    def _env(self, env: Mapping[str, str] | None) -> dict[str, str]:
        return {**self.env, **self.extra, **(env or {})}

    def __call__(
        self, *args: str, input: str | None = None, env: Mapping[str, str] | None = None
    ) -> Outcome:
        from psymitrix_cli.cli.app import app

        result = CliRunner().invoke(
            app, list(args), input=input, env=self._env(env), catch_exceptions=False
        )
        return Outcome(result.exit_code, result.stdout, result.stderr)

    def ok(
        self, *args: str, input: str | None = None, env: Mapping[str, str] | None = None
    ) -> Outcome:
        outcome = self(*args, input=input, env=env)
        assert outcome.exit_code == 0, outcome
        return outcome

    def json(
        self, *args: str, input: str | None = None, env: Mapping[str, str] | None = None
    ) -> Any:
        return self.ok(*args, "--json", input=input, env=env).json()

    def subprocess(
        self,
        *args: str,
        input: str | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
    ) -> Outcome:
        full_env = {**os.environ, **self._env(env)}
        proc = subprocess.run(
            [sys.executable, "-m", "psymitrix_cli", *args],
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
            cwd=Path(self.env["PSYMITRIX_HOME"]).parent,
        )
        return Outcome(proc.returncode, proc.stdout, proc.stderr)

    def signup(
        self, username: str = "ann", password: str = PASSWORD, **flags: str
    ) -> dict[str, Any]:
        args = [
            "signup",
            "--name",
            flags.pop("name", username.title()),
            "--username",
            username,
            "--email",
            flags.pop("email", f"{username}@example.com"),
            "--timezone",
            flags.pop("timezone", "UTC"),
            "--password-stdin",
        ]
        for key, value in flags.items():
            args += [f"--{key}", value]
        return self.json(*args, input=password + "\n")


def base_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    return {
        "PSYMITRIX_HOME": str(home),
        "PSYMITRIX_TESTING": "1",
        "PSYMITRIX_BCRYPT_ROUNDS": "4",
        # A real keyring backend whose state lives in this test's temp dir; it comes
        # with the tests, so installing them leaves the user's own keyring alone.
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backends.FileKeyring",
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "COLUMNS": "200",
        "PYTHONPATH": str(REPO),
    }


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
    """os.environ with `values` set for the block, for code that reads the process
    environment itself (AppState); restored afterwards."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def stored_token(cli: Cli) -> str:
    """The token the CLI stored for this backend, read the way the CLI reads it."""
    from psymitrix_cli.cli.state import AppState

    with environment({**cli.env, **cli.extra}):
        token = AppState().credentials.get()
    assert token, "no token stored"
    return token


def skip_api(cli: Cli, why: str = "runs against the stores directly") -> None:
    """Skip an `any_cli` test on the api backend, where it has no meaning."""
    if cli.extra.get("PSYMITRIX_BACKEND") == "api":
        pytest.skip(why)


@contextmanager
def backend(cli: Cli, **env: str) -> Iterator[Backend]:
    """The backend the CLI would build, for service methods no command exposes directly
    (the dashboard's frequency(), the check-in's upsert())."""
    from psymitrix_cli.cli.state import AppState

    skip_api(cli, "a service method, called in-process (by the server itself over HTTP)")
    with environment({**cli.env, **cli.extra, **env}):
        state = AppState()
        try:
            yield state.backend
        finally:
            state.close()


def http_signup(client: Any, username: str) -> dict[str, str]:
    """Sign up and log in over HTTP (an httpx.Client on a served API); the auth header."""
    body = {
        "name": username.title(),
        "username": username,
        "email": f"{username}@example.com",
        "password": PASSWORD,
        "timezone": "UTC",
    }
    assert client.post("/v1/auth/signup", json=body).status_code == 201
    login = client.post("/v1/auth/login", json={"identifier": username, "password": PASSWORD})
    assert login.status_code == 200, login.text
    return {"Authorization": f"Bearer {login.json()['accessToken']}"}
