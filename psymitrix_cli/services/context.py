"""What every service needs: settings, a clock, and the store (opened on first use)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from typing import Any

from psymitrix_cli.clock import Clock, iso
from psymitrix_cli.config import Settings
from psymitrix_cli.store.base import Doc, Store

# Set by `ids_from` while a repeatable operation runs (the server's idempotency keys).
_ID_SOURCE: ContextVar[Callable[[int], str] | None] = ContextVar("psymitrix_ids", default=None)
_MINTED: ContextVar[set[str] | None] = ContextVar("psymitrix_minted", default=None)


def new_id(nbytes: int = 8) -> str:
    """A random hex id: 16 characters for entries, 24 for users (like an ObjectId)."""
    source = _ID_SOURCE.get()
    # os.urandom is what secrets.token_hex reads; importing secrets (and hashlib, hmac,
    # base64 behind it) cost every command ~3 ms.
    return source(nbytes) if source is not None else os.urandom(nbytes).hex()


@contextmanager
def ids_from(seed: str) -> Iterator[None]:
    """Within this block `new_id` returns the same sequence for the same seed, so an
    operation run again after a failure names the same entries (still unguessable:
    the seed is random, and stays on the server)."""
    import hashlib  # only the server's repeatable operations derive ids

    counter = itertools.count()
    minted: set[str] = set()

    def derived(nbytes: int) -> str:
        step = f"{seed}:{next(counter)}".encode()
        entry_id = hashlib.sha256(step).hexdigest()[: 2 * nbytes]
        minted.add(entry_id)
        return entry_id

    token = _ID_SOURCE.set(derived)
    minted_token = _MINTED.set(minted)
    try:
        yield
    finally:
        _MINTED.reset(minted_token)
        _ID_SOURCE.reset(token)


def minted_here(entry_id: str) -> bool:
    """True when `ids_from`'s seed named this id in the running operation, so a row
    already stored under it can only be an earlier attempt's (an import's ids, derived
    from the entries themselves, are not: a clash there means "already imported")."""
    minted = _MINTED.get()
    return minted is not None and entry_id in minted


def public(doc: Doc | None) -> dict[str, Any] | None:
    """A stored document as callers see it: `id` instead of `_id`, no owner field."""
    if doc is None:
        return None
    out = {k: v for k, v in doc.items() if k not in ("_id", "userId")}
    return {"id": doc["_id"], **out}


class ServiceContext:
    def __init__(self, settings: Settings, clock: Clock, open_store: Callable[[], Store]) -> None:
        self.settings = settings
        self.clock = clock
        self._open_store = open_store

    @cached_property
    def store(self) -> Store:
        return self._open_store()

    @cached_property
    def jwt_secret(self) -> str:
        from psymitrix_cli.auth.secret import local_secret

        return local_secret(self.settings.data_dir, self.settings.jwt_secret)

    def now_iso(self) -> str:
        return iso(self.clock.now())

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
