"""Small helpers for tests that need to look behind the CLI (never to replace it)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from tests.conftest import Cli


@contextmanager
def environment(values: Mapping[str, str]) -> Iterator[None]:
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
