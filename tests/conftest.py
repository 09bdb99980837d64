"""Fixtures only (helpers live in tests/driver.py): an isolated PsyMitrix home per
test, a real keyring backend kept in a temp dir, and the `cli` / `any_cli` drivers
that run the real command against each backend.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.driver import SCRUB, Cli, base_env

_PLUGINS = (
    "tests.fixtures.mongo",
    "tests.stubs.fixtures",
    "tests.fixtures.server",
    "tests.fixtures.mail",
)
pytest_plugins = [p for p in _PLUGINS if importlib.util.find_spec(p)]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for name in SCRUB:
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


@pytest.fixture(params=["local", "mongo", "api", "api-mongo"])
def any_cli(request: pytest.FixtureRequest, env: dict[str, str]) -> Iterator[Cli]:
    """The same CLI scenario on every backend: parametrized, never copied. `api` runs
    against a server on SQLite, `api-mongo` against one on MongoDB."""
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
        store = "mongo" if backend == "api-mongo" else "sqlite"
        server = request.getfixturevalue(f"{store}_api_server")
        yield Cli(env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})


@pytest.fixture
def user(cli: Cli) -> dict[str, Any]:
    return cli.signup()
