"""Where the login token lives: PSYMITRIX_TOKEN, else the OS keyring, else a 0600 file.

keyring is imported lazily, and every call into it runs on a daemon thread with a
timeout: a locked or broken keyring daemon must never hang the CLI. When the
keyring is missing or fails on a write, the token goes to a private file with a
one-line notice, as jrnl does.

Finding a keyring (`keyring.get_keyring()`) probes every installed backend, and on a
desktop that can mean a slow D-Bus round trip. So the backend chosen when a token is
stored is remembered in the data dir (`keyring.json`) and loaded directly by name on
later commands, without probing again. A read that gets no answer is its own error
(`KeyringUnavailable`), never "not logged in": the token may well be there.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from psymitrix_cli import messages
from psymitrix_cli.errors import KeyringUnavailable
from psymitrix_cli.fsutil import atomic_write_text

SERVICE = "psymitrix"
T = TypeVar("T")
# A write may give up quickly, since it has the file to fall back on; a read has no
# fallback (giving up would lose the login), so it waits this many times longer.
READ_PATIENCE = 5
FILE = "file"  # the remembered choice when there is no usable keyring


class _NoAnswer(Exception):
    pass


class _NoKeyring(Exception):
    """No keyring backend exists here at all: a fact, not a failure."""


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
        raise _NoAnswer(messages.KEYRING_NO_ANSWER_WITHIN.format(seconds=timeout))
    if isinstance(box.get("error"), _NoKeyring):
        raise box["error"]
    if "error" in box:
        raise _NoAnswer(f"{type(box['error']).__name__}: {box['error']}")
    return box["value"]  # type: ignore[no-any-return]


def _probe() -> Any:
    """Ask keyring for its best backend (slow: it may probe every installed one)."""
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    # Not `backend.priority <= 0`: asking a backend its priority probes it again.
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        raise _NoKeyring(messages.KEYRING_NONE)
    # The chainer wraps whatever real backends exist; with none, it holds nothing.
    if type(backend).__name__ == "ChainerBackend":
        chained = getattr(backend, "backends", None)
        if not chained:
            raise _NoKeyring(messages.KEYRING_NONE)
        if len(chained) == 1:  # remember the real one, so loading it needs no probe
            return chained[0]
    return backend


def _load(name: str) -> Any:
    """The remembered backend, by class name, without asking every backend again."""
    import importlib

    module, _, cls = name.rpartition(".")
    return getattr(importlib.import_module(module), cls)()


# Keyring backends that keep secrets unencrypted on disk; any class named "Plaintext…"
# counts too (keyrings.alt has several, and so do the test backends).
PLAINTEXT_BACKENDS = frozenset(
    {
        "keyrings.alt.file.PlaintextKeyring",
        "keyrings.alt.pyfs.PlaintextKeyring",
        "keyrings.alt.file_base.Keyring",
    }
)


def is_plaintext(name: str) -> bool:
    return name in PLAINTEXT_BACKENDS or "plaintext" in name.rpartition(".")[2].lower()


def qualified_name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


class CredentialStore:
    """Keeps one token per account slot (the backend and where its data lives)."""

    def __init__(
        self,
        slot: str,
        fallback_file: Path,
        env_token: str | None,
        timeout: float,
        notify: Callable[[str], None],
        choice_file: Path | None = None,
    ) -> None:
        self.slot = slot
        self.fallback_file = fallback_file
        self.choice_file = choice_file or fallback_file.with_name("keyring.json")
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

    # --- which keyring backend ------------------------------------------------
    def _remembered(self) -> str | None:
        """The backend chosen earlier, if it was chosen under today's PYTHON_KEYRING_BACKEND."""
        try:
            data = json.loads(self.choice_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("env") != os.environ.get(
            "PYTHON_KEYRING_BACKEND"
        ):
            return None
        name = data.get("backend")
        return name if isinstance(name, str) and name else None

    def _remember(self, name: str) -> None:
        choice = {"env": os.environ.get("PYTHON_KEYRING_BACKEND"), "backend": name}
        with contextlib.suppress(OSError):  # only a cache: the next command probes again
            atomic_write_text(self.choice_file, json.dumps(choice))

    def _backend(self, timeout: float, fresh: bool = False) -> Any | None:
        """The keyring backend to use, or None when this machine has none.

        Raises _NoAnswer when finding it takes longer than `timeout` or fails. `fresh`
        ignores the remembered choice (a login chooses again)."""
        name = None if fresh else self._remembered()
        if name == FILE:
            return None
        if name:
            try:
                return _with_timeout(lambda: _load(name), timeout)
            except _NoAnswer:
                pass  # uninstalled or renamed since: choose again
        try:
            backend = _with_timeout(_probe, timeout)
        except _NoKeyring:
            self._remember(FILE)
            return None
        self._remember(qualified_name(backend))
        return backend

    # --- the public interface ------------------------------------------------
    def location(self) -> str:
        """Where the token is kept, for `auth status` and `doctor`."""
        return self.describe()[0]

    def describe(self) -> tuple[str, str | None]:
        """Where the token is kept, and a warning when that place is not a safe one."""
        if self.env_token:
            return messages.TOKEN_IN_ENV, None
        in_file = messages.TOKEN_IN_FILE.format(path=self.fallback_file)
        if self.slot in self._read_file():
            return messages.TOKEN_FILE.format(path=self.fallback_file), in_file
        try:
            backend = self._backend(self.timeout * READ_PATIENCE)
        except _NoAnswer as exc:
            return messages.TOKEN_KEYRING_SILENT.format(reason=exc), None
        if backend is None:
            return messages.TOKEN_FILE_NO_KEYRING.format(path=self.fallback_file), in_file
        name = qualified_name(backend)
        warning = messages.KEYRING_PLAINTEXT.format(name=name) if is_plaintext(name) else None
        return messages.TOKEN_KEYRING.format(name=name), warning

    def get(self) -> str | None:
        """The stored token, or None when there is none.

        A keyring that does not answer raises KeyringUnavailable: it is not the same
        as being logged out, and a script must not read it as such."""
        if self.env_token:
            return self.env_token
        from_file = self._read_file().get(self.slot)
        if from_file:
            return from_file
        return self.keyring_get()

    def set(self, token: str) -> str:
        """Store the token; return a description of where it went."""
        try:
            backend = self._backend(self.timeout, fresh=True)
        except _NoAnswer as exc:
            self._store_in_file(token)
            self._notify(messages.KEYRING_FAILED.format(reason=exc, path=self.fallback_file))
            return f"file {self.fallback_file}"
        if backend is None:
            self._store_in_file(token)
            self._notify(messages.KEYRING_FALLBACK.format(path=self.fallback_file))
            return f"file {self.fallback_file}"
        try:
            _with_timeout(lambda: backend.set_password(SERVICE, self.slot, token), self.timeout)
        except _NoAnswer as exc:
            self._store_in_file(token)
            self._notify(messages.KEYRING_FAILED.format(reason=exc, path=self.fallback_file))
            return f"file {self.fallback_file}"
        self._forget_file_copy()
        return "system keyring"

    def delete(self) -> None:
        self._forget_file_copy()
        try:
            backend = self._backend(self.timeout)
            if backend is not None:
                _with_timeout(lambda: backend.delete_password(SERVICE, self.slot), self.timeout)
        except _NoAnswer:
            pass  # nothing stored there, or the keyring is gone: either way no token remains

    # --- a secret for the OS keyring only (the store's data key) ------------------------
    def keyring_put(self, secret: str) -> str | None:
        """Keep `secret` in the OS keyring, never in the file: the backend's name, or None
        when this machine has no usable keyring (none, not answering, or plaintext)."""
        try:
            backend = self._backend(self.timeout, fresh=True)
            if backend is None or is_plaintext(qualified_name(backend)):
                return None
            _with_timeout(lambda: backend.set_password(SERVICE, self.slot, secret), self.timeout)
        except _NoAnswer:
            return None
        return qualified_name(backend)

    def keyring_get(self) -> str | None:
        """The secret `keyring_put` kept; KeyringUnavailable when the keyring does not answer."""
        patience = self.timeout * READ_PATIENCE
        try:
            backend = self._backend(patience)
            if backend is None:
                return None
            return _with_timeout(lambda: backend.get_password(SERVICE, self.slot), patience)
        except _NoAnswer as exc:
            raise KeyringUnavailable(messages.KEYRING_NO_ANSWER.format(reason=exc)) from None

    def keyring_delete(self) -> None:
        try:
            backend = self._backend(self.timeout)
            if backend is not None:
                _with_timeout(lambda: backend.delete_password(SERVICE, self.slot), self.timeout)
        except _NoAnswer:
            pass  # nothing stored there, or the keyring is gone

    def _store_in_file(self, token: str) -> None:
        tokens = self._read_file()
        tokens[self.slot] = token
        self._write_file(tokens)

    def _forget_file_copy(self) -> None:
        tokens = self._read_file()
        if tokens.pop(self.slot, None) is not None:
            self._write_file(tokens)
