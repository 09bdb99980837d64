"""The server's ServiceContext: one per process, with a store per worker thread.

Sync routes run in Starlette's threadpool. A `sqlite3.Connection` opened with
`check_same_thread=False` may be *passed* between threads, but not used by two at
once, so on SQLite every worker thread gets its own connection (WAL mode lets
them read concurrently; writers queue on BEGIN IMMEDIATE and the busy timeout,
exactly as separate CLI processes do). `store` is resolved on every access, never
cached, so a chat stream resumed on another thread uses that thread's connection.
MongoDB's client is thread-safe and pools its own sockets: one store is shared.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from datetime import datetime

from psymitrix_cli.clock import Clock
from psymitrix_cli.config import Settings
from psymitrix_cli.server.idempotency import PINNED_NOW, REPLAYING, ReplayStore
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import Store


class StorePool:
    def __init__(self, open_store: Callable[[], Store], per_thread: bool) -> None:
        self._open = open_store
        self._per_thread = per_thread
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []
        self._shared: Store | None = None

    @property
    def per_thread(self) -> bool:
        """True on SQLite (a connection per thread), False on MongoDB (one shared client)."""
        return self._per_thread

    def get(self) -> Store:
        if not self._per_thread:
            shared = self._shared
            if shared is None:
                # Open under the lock (so two first requests open one client), and
                # record it here: `_track` takes the same non-reentrant lock.
                with self._lock:
                    shared = self._shared
                    if shared is None:
                        shared = self._open()
                        self._all.append(shared)
                        self._shared = shared
            return shared
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._track(self._open())
            self._local.store = store
        return store

    def _track(self, store: Store) -> Store:
        with self._lock:
            self._all.append(store)
        return store

    def release_thread(self) -> None:
        """Close this thread's store: for short-lived threads outside the threadpool."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            return
        del self._local.store
        with self._lock:
            if store in self._all:
                self._all.remove(store)
        store.close()

    def close(self) -> None:
        with self._lock:
            stores, self._all, self._shared = self._all, [], None
        self._local = threading.local()
        for store in stores:
            store.close()


class PinnableClock:
    """The server's clock, which reads as the claim's instant while an idempotent
    operation runs (so running it again writes the same times; see idempotency.py)."""

    def __init__(self, base: Clock) -> None:
        self.base = base

    def now(self) -> datetime:
        return PINNED_NOW.get() or self.base.now()

    def monotonic(self) -> float:
        return self.base.monotonic()

    def sleep(self, seconds: float) -> None:
        self.base.sleep(seconds)


class ServerContext(ServiceContext):
    def __init__(self, settings: Settings, clock: Clock, pool: StorePool) -> None:
        super().__init__(settings, PinnableClock(clock), pool.get)
        self.pool = pool

    @property  # type: ignore[override]  # resolved per thread, never cached
    def store(self) -> Store:
        store = self.pool.get()
        return ReplayStore(store) if REPLAYING.get() else store  # type: ignore[return-value]

    def with_clock(self, clock: Clock) -> ServerContext:
        """The same process context seen through another clock (test runs only)."""
        clone = copy.copy(self)
        clone.clock = PinnableClock(clock)
        return clone

    def close(self) -> None:
        self.pool.close()


def open_pool(settings: Settings) -> StorePool:
    from psymitrix_cli.auth.datakey import for_settings
    from psymitrix_cli.store.factory import open_store

    keys = for_settings(settings)  # an encrypted store: the keyring, or PSYMITRIX_PASSPHRASE
    return StorePool(
        lambda: open_store(settings, key_source=keys.load), per_thread=settings.backend != "mongo"
    )
