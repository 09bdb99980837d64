"""Keyring backends for tests, chosen by PYTHON_KEYRING_BACKEND in the test environment.

They live here, not in the package, so only a test process can load them: the user's
own keyring is never touched by a test install. Each one is viable only when
PYTHON_KEYRING_BACKEND names it, so merely importing this module (which the keyring
registry notices) never makes keyring's own probing pick one of them.

- FileKeyring: a real, working backend whose state is a JSON file in the test's
  temp dir (XDG_DATA_HOME). The default for tests.
- PlaintextKeyring: a FileKeyring under the name doctor should warn about.
- SlowKeyring: a FileKeyring that takes PSYMITRIX_TEST_KEYRING_DELAY seconds to be
  found (keyring probing it) and to answer a read, like a desktop keyring over a slow
  D-Bus; each probe is logged, so a test can count them.
- HangingKeyring / BrokenKeyring: never answers / raises on every call.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringError, PasswordDeleteError


def _chosen(cls: type) -> bool:
    return os.environ.get("PYTHON_KEYRING_BACKEND", "").rpartition(".")[2] == cls.__name__


def _data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def keyring_file() -> Path:
    """Where FileKeyring keeps its passwords for the current test."""
    return _data_dir() / "test-keyring.json"


def probe_log() -> Path:
    """One line per time SlowKeyring was probed."""
    return _data_dir() / "test-keyring-probes.log"


class _OnlyWhenChosen(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        if not _chosen(cls):
            raise RuntimeError("a test keyring, used only when PYTHON_KEYRING_BACKEND names it")
        return 10


class FileKeyring(_OnlyWhenChosen):
    """A working keyring kept in one JSON file (plain text: for tests only)."""

    def _read(self) -> dict[str, str]:
        try:
            return dict(json.loads(keyring_file().read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def _write(self, data: dict[str, str]) -> None:
        path = keyring_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._read()
        data[f"{service}\0{username}"] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}\0{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._write(data)


class PlaintextKeyring(FileKeyring):
    """The same, named as keyrings.alt names its unencrypted file keyring."""


def _delay() -> float:
    return float(os.environ.get("PSYMITRIX_TEST_KEYRING_DELAY", "0"))


class SlowKeyring(FileKeyring):
    """Slow to be found and slow to read, but it always answers in the end."""

    @properties.classproperty
    def priority(cls) -> float:
        if not _chosen(cls):
            raise RuntimeError("a test keyring, used only when PYTHON_KEYRING_BACKEND names it")
        log = probe_log()
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as f:
            f.write("probe\n")
        time.sleep(_delay())
        return 10

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(_delay())
        return super().get_password(service, username)


class HangingKeyring(_OnlyWhenChosen):
    """A keyring daemon that never answers (a locked session, a dead D-Bus)."""

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(30)

    def delete_password(self, service: str, username: str) -> None:
        time.sleep(30)


class BrokenKeyring(_OnlyWhenChosen):
    """A keyring that raises on every call."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("the keyring is locked")
