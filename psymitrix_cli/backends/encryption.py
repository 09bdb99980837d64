"""`encryption enable|disable|status`: the embedded store's encryption at rest.

A maintenance operation on the store file itself (every account in it), like
`doctor`, so it opens the store directly rather than through a Session. The key is
made and kept by auth/datakey.py; the rows are rewritten by store/sealing.py in one
transaction; the outbox beside the store is sealed item by item after it
(backends/outbox.py).
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli import cipher, messages
from psymitrix_cli.auth import datakey
from psymitrix_cli.config import Settings
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.store.factory import open_store

Result = dict[str, Any]


def _store(settings: Settings, keys: datakey.DataKeys) -> Any:
    if settings.backend != "local":
        raise InvalidInput(messages.ENCRYPTION_LOCAL_ONLY.format(backend=settings.backend))
    return open_store(settings, key_source=keys.load)


def status(settings: Settings) -> Result:
    keys = datakey.for_settings(settings)
    store = _store(settings, keys)
    try:
        meta = store.encryption()
        return {
            "enabled": meta is not None,
            "path": str(settings.db_path),
            "key": datakey.where(meta) if meta else None,
            "encryptedValues": store.sealed_count(),
        }
    finally:
        store.close()


def enable(settings: Settings, ask: datakey.Passphrase, use_keyring: bool = True) -> Result:
    from psymitrix_cli.backends.outbox import Outbox

    keys = datakey.for_settings(settings, ask)
    store = _store(settings, keys)
    try:
        if store.encryption() is not None:
            raise InvalidInput(messages.ENCRYPTION_ALREADY_ON.format(path=settings.db_path))
        key = cipher.new_key()
        meta = keys.create(key, datakey.new_key_id(), use_keyring=use_keyring)
        try:
            count = store.enable_encryption(meta, key)
        except BaseException:
            keys.forget(meta)  # the store is as it was: no key is left behind for it
            raise
    finally:
        store.close()
    count += Outbox(settings.data_dir, keys).seal_all(meta)
    return {
        "enabled": True,
        "path": str(settings.db_path),
        "key": datakey.where(meta),
        "keyring": meta["where"] == datakey.KEYRING,
        "encryptedValues": count,
    }


def disable(settings: Settings, ask: datakey.Passphrase) -> Result:
    from psymitrix_cli.backends.outbox import Outbox

    keys = datakey.for_settings(settings, ask)
    store = _store(settings, keys)
    try:
        meta = store.encryption()
        if meta is None:
            raise InvalidInput(messages.ENCRYPTION_ALREADY_OFF.format(path=settings.db_path))
        # The outbox first: its items are opened with the key the store still records.
        count = Outbox(settings.data_dir, keys).open_all()
        count += store.disable_encryption()
    finally:
        store.close()
    keys.forget(meta)
    return {"enabled": False, "path": str(settings.db_path), "decryptedValues": count}
