"""Where the local store's data key lives: the OS keyring, else wrapped by a passphrase.

The data key is 32 random bytes. With a usable keyring (not a plaintext one), it is
kept there under service `psymitrix`, slot `data-key:<keyId>`, chosen by the same
backend selection as the login token (auth/credentials.py). Without one, it is
wrapped (AES-GCM) under a key derived from a passphrase with Scrypt, and the wrapped
key is kept in the store itself, beside the data; the passphrase is asked for on
every command that reads or writes an encrypted field.

The description returned by `create` (the store keeps it, see store/sealing.py) says
which: {"v", "keyId", "where": "keyring", "backend", "check"} or {"v", "keyId", "where":
"passphrase", "kdf", "wrapped"}. `check` is a sealed constant, so a key the keyring gives
back that is not this store's is a clear error, not garbage.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from pathlib import Path
from typing import Any

from psymitrix_cli import cipher, messages
from psymitrix_cli.auth.credentials import CredentialStore
from psymitrix_cli.config import Settings
from psymitrix_cli.errors import InvalidInput, PsyError

Meta = dict[str, Any]
# Asks for the passphrase; `True` when it is a new one (to be typed twice).
Passphrase = Callable[[bool], str]
KEYRING = "keyring"
PASSPHRASE = "passphrase"
MIN_PASSPHRASE = 8
_CHECK = "psymitrix data key"


def _aad(key_id: str) -> str:
    return f"psymitrix:data-key:{key_id}"


def check_passphrase(text: str) -> str:
    if not text:
        raise InvalidInput(messages.PASSPHRASE_EMPTY)
    if len(text) < MIN_PASSPHRASE:
        raise InvalidInput(messages.PASSPHRASE_SHORT.format(min=MIN_PASSPHRASE))
    return text


class DataKeys:
    def __init__(self, data_dir: Path, timeout: float, passphrase: Passphrase | None) -> None:
        self.data_dir = data_dir
        self.timeout = timeout
        self._passphrase = passphrase
        self._loaded: dict[str, bytes] = {}  # keyId -> key: asked for once per command

    def _slot(self, key_id: str) -> CredentialStore:
        return CredentialStore(
            slot=f"data-key:{key_id}",
            fallback_file=self.data_dir / "credentials.json",  # never written: keyring only
            env_token=None,
            timeout=self.timeout,
            notify=lambda _: None,
        )

    def _ask(self, new: bool) -> str:
        if self._passphrase is None:
            raise InvalidInput(messages.ENCRYPTION_NEEDS_PASSPHRASE)
        return check_passphrase(self._passphrase(new)) if new else self._passphrase(new)

    def create(self, key: bytes, key_id: str, use_keyring: bool = True) -> Meta:
        """Keep a new data key; the description the store records."""
        self._loaded[key_id] = key
        check = cipher.seal(key, _CHECK, _aad(key_id))
        backend = self._slot(key_id).keyring_put(key.hex()) if use_keyring else None
        if backend is not None:
            return {"v": 1, "keyId": key_id, "where": KEYRING, "backend": backend, "check": check}
        kdf = cipher.new_kdf()
        kek = cipher.kdf_key(self._ask(True), kdf)
        wrapped = cipher.wrap(kek, key, _aad(key_id))
        return {"v": 1, "keyId": key_id, "where": PASSPHRASE, "kdf": kdf, "wrapped": wrapped}

    def load(self, meta: Meta) -> bytes:
        """The data key `meta` describes (asking for the passphrase if it is wrapped)."""
        key_id = str(meta.get("keyId"))
        if key_id not in self._loaded:
            self._loaded[key_id] = self._load(key_id, meta)
        return self._loaded[key_id]

    def _load(self, key_id: str, meta: Meta) -> bytes:
        if meta.get("where") == PASSPHRASE:
            kek = cipher.kdf_key(self._ask(False), meta.get("kdf") or {})
            wrapped = str(meta.get("wrapped"))
            return cipher.unwrap(kek, wrapped, _aad(key_id), messages.WRONG_PASSPHRASE)
        stored = self._slot(key_id).keyring_get()
        try:
            key = bytes.fromhex(stored or "")
        except (ValueError, binascii.Error):
            key = b""
        if len(key) != cipher.KEY_BYTES:
            reason = messages.ENCRYPTION_KEY_SLOT.format(key_id=key_id)
            raise PsyError(messages.ENCRYPTION_KEY_MISSING.format(reason=reason))
        try:
            if cipher.unseal(key, meta.get("check") or {}, _aad(key_id)) == _CHECK:
                return key
        except cipher.WrongKey:
            pass
        raise PsyError(messages.ENCRYPTION_WRONG_KEY)

    def forget(self, meta: Meta) -> None:
        if meta.get("where") == KEYRING:
            self._slot(str(meta.get("keyId"))).keyring_delete()


def where(meta: Meta) -> str:
    """Where the key of `meta` lives, for `encryption status`."""
    if meta.get("where") == KEYRING:
        return messages.ENCRYPTION_WHERE_KEYRING.format(backend=meta.get("backend"))
    return messages.ENCRYPTION_WHERE_PASSPHRASE


def new_key_id() -> str:
    import os

    return base64.b32encode(os.urandom(10)).decode("ascii").lower()


def for_settings(settings: Settings, ask: Passphrase | None = None) -> DataKeys:
    """The data keys of this data dir: PSYMITRIX_PASSPHRASE first, else `ask` (the CLI's
    prompt or --passphrase-stdin); with neither, a wrapped key is a clear error."""
    env = settings.passphrase

    def passphrase(new: bool) -> str:
        if env is not None:
            return env
        if ask is None:
            raise InvalidInput(messages.ENCRYPTION_NEEDS_PASSPHRASE)
        return ask(new)

    return DataKeys(settings.data_dir, settings.keyring_timeout, passphrase)
