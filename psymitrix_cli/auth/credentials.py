"""Where the login token lives: PSYMITRIX_TOKEN, else the OS keyring, else a 0600 file.

keyring is imported lazily, and every call into it runs on a daemon thread with a
timeout: a locked or broken keyring daemon must never hang the CLI. When the
keyring is missing or fails, the token goes to a private file with a one-line
notice, as jrnl does.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from psymitrix_cli import messages
from psymitrix_cli.fsutil import atomic_write_text

SERVICE = "psymitrix"
T = TypeVar("T")


class _KeyringUnavailable(Exception):
    pass


def _with_timeout(func: Callable[[], T], timeout: float) -> T:
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = func()
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True, name="keyring")
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise _KeyringUnavailable(f"no answer within {timeout:g}s")
    if "error" in box:
        raise _KeyringUnavailable(f"{type(box['error']).__name__}: {box['error']}")
    return box["value"]  # type: ignore[no-any-return]


def _usable_keyring() -> Any:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    # The chainer wraps whatever real backends exist; with none, it holds nothing.
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise _KeyringUnavailable("no keyring backend")
    if type(backend).__name__ == "ChainerBackend" and not getattr(backend, "backends", None):
        raise _KeyringUnavailable("no keyring backend")
    return backend


class CredentialStore:
    """Keeps one token per account slot (the backend and where its data lives)."""

    def __init__(
        self,
        slot: str,
        fallback_file: Path,
        env_token: str | None,
        timeout: float,
        notify: Callable[[str], None],
    ) -> None:
        self.slot = slot
        self.fallback_file = fallback_file
        self.env_token = env_token
        self.timeout = timeout
        self._notify = notify

    # --- the fallback file -------------------------------------------------
    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.fallback_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
            return {}
        return (
            {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
        )

    def _write_file(self, tokens: dict[str, str]) -> None:
        atomic_write_text(self.fallback_file, json.dumps(tokens, indent=2))

    # --- the public interface ------------------------------------------------
    def location(self) -> str:
        if self.env_token:
            return "the PSYMITRIX_TOKEN environment variable"
        if self.slot in self._read_file():
            return f"file {self.fallback_file}"
        try:
            backend = _with_timeout(_usable_keyring, self.timeout)
        except _KeyringUnavailable:
            return f"file {self.fallback_file} (no usable keyring)"
        return f"system keyring ({type(backend).__module__}.{type(backend).__name__})"

    def get(self) -> str | None:
        if self.env_token:
            return self.env_token
        from_file = self._read_file().get(self.slot)
        if from_file:
            return from_file
        try:
            backend = _with_timeout(_usable_keyring, self.timeout)
            return _with_timeout(lambda: backend.get_password(SERVICE, self.slot), self.timeout)
        except _KeyringUnavailable:
            return None

    def set(self, token: str) -> str:
        """Store the token; return a description of where it went."""
        try:
            backend = _with_timeout(_usable_keyring, self.timeout)
        except _KeyringUnavailable:
            self._store_in_file(token)
            self._notify(messages.KEYRING_FALLBACK.format(path=self.fallback_file))
            return f"file {self.fallback_file}"
        try:
            _with_timeout(lambda: backend.set_password(SERVICE, self.slot, token), self.timeout)
        except _KeyringUnavailable as exc:
            self._store_in_file(token)
            self._notify(messages.KEYRING_FAILED.format(reason=exc, path=self.fallback_file))
            return f"file {self.fallback_file}"
        self._forget_file_copy()
        return "system keyring"

    def delete(self) -> None:
        self._forget_file_copy()
        try:
            backend = _with_timeout(_usable_keyring, self.timeout)
            _with_timeout(lambda: backend.delete_password(SERVICE, self.slot), self.timeout)
        except _KeyringUnavailable:
            pass  # nothing stored there, or the keyring is gone: either way no token remains

    def _store_in_file(self, token: str) -> None:
        tokens = self._read_file()
        tokens[self.slot] = token
        self._write_file(tokens)

    def _forget_file_copy(self) -> None:
        tokens = self._read_file()
        if tokens.pop(self.slot, None) is not None:
            self._write_file(tokens)
