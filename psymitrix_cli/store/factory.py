"""Open the configured store. Each store module is imported only when chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from psymitrix_cli import messages
from psymitrix_cli.config import Settings
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.store.base import Store

if TYPE_CHECKING:
    from psymitrix_cli.store.sealing import KeySource


def open_store(
    settings: Settings,
    kind: str | None = None,
    key_source: KeySource | None = None,
    check_schema: bool = True,
) -> Store:
    """`key_source` loads the data key of an encrypted SQLite store (auth/datakey.py),
    only when a sealed field is first read or written. `check_schema=False`: MongoDB
    checks its schema with the first operation instead of a read of its own (the CLI,
    whose first read is the caller's: store/mongo_reads.py); SQLite's is a local file."""
    chosen = kind or ("mongo" if settings.backend == "mongo" else "local")
    if chosen == "local":
        from psymitrix_cli.store.sqlite import SqliteStore

        return SqliteStore(settings.db_path, key_source)
    if chosen == "mongo":
        from psymitrix_cli.store.mongo import MongoStore

        return MongoStore(settings.mongo, check_schema=check_schema)
    raise InvalidInput(messages.STORE_UNKNOWN.format(chosen=chosen))


def store_location(settings: Settings) -> str:
    """Where the store lives, without opening it (for credential slots and messages)."""
    if settings.backend == "mongo":
        from psymitrix_cli.store.mongo import mongo_uri, redact_uri

        return f"mongo:{redact_uri(mongo_uri(settings.mongo))}/{settings.mongo.database}"
    return f"sqlite:{settings.db_path}"
