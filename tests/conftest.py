"""Shared fixtures: an isolated PsyMitrix home per test, a real keyring backend kept
in a temp dir, and a `cli` driver that runs the real command in-process (Typer's
CliRunner) or as a subprocess, against each backend.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

_PLUGINS = (
    "tests.fixtures.mongo",
    "tests.stubs.fixtures",
    "tests.fixtures.server",
    "tests.fixtures.mail",
)
pytest_plugins = [p for p in _PLUGINS if importlib.util.find_spec(p)]

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "correct-horse-9"
# `psymitrix signup` for a user "ann", minus the password (send PASSWORD on stdin).
SIGNUP_ANN = (
    "signup", "--name", "A", "--username", "ann", "--email", "a@example.com",
    "--timezone", "UTC", "--password-stdin",
)  # fmt: skip

# Settings a developer's shell might hold that must never leak into a test.
_SCRUB = (
    "PSYMITRIX_TOKEN",
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


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name in _SCRUB:
        monkeypatch.delenv(name, raising=False)
    values = base_env(tmp_path)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # so no developer .env in the repo is read
    import keyring.core

    keyring.core.init_backend()  # pick the backend named by this test's environment
    return values


@pytest.fixture
def cli(env: dict[str, str]) -> Cli:
    """The CLI on the embedded SQLite store."""
    return Cli(env)


@pytest.fixture(params=["local", "mongo", "api"])
def any_cli(request: pytest.FixtureRequest, env: dict[str, str]) -> Iterator[Cli]:
    """The same CLI scenario on every backend: parametrized, never copied."""
    backend = request.param
    if backend == "local":
        yield Cli(env)
    elif backend == "mongo":
        settings = request.getfixturevalue("mongo_settings")
        yield Cli(
            env,
            {
                "PSYMITRIX_BACKEND": "mongo",
                "MONGO_LINK": settings.link or "",
                "MONGODB_DATABASE_PSYMITRIX": settings.database,
            },
        )
    else:
        server = request.getfixturevalue("api_server")
        yield Cli(env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})


@pytest.fixture
def user(cli: Cli) -> dict[str, Any]:
    return cli.signup()
