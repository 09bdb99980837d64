"""Misbehaving keyring backends, loaded by PYTHON_KEYRING_BACKEND in subprocess tests."""

from __future__ import annotations

import time

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError


class HangingKeyring(KeyringBackend):
    """A keyring daemon that never answers (a locked session, a dead D-Bus)."""

    priority = 10  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(30)

    def delete_password(self, service: str, username: str) -> None:
        time.sleep(30)


class BrokenKeyring(KeyringBackend):
    """A keyring that raises on every call."""

    priority = 10  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("the keyring is locked")
