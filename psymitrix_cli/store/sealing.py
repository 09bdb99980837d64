"""Encrypted fields at the SQLite store's boundary, and the in-place migration.

When encryption is on (a row `encryption` in `store_meta`, holding the key's
description from auth/datakey.py), every field a kind lists in `Kind.sealed` (a
journal's text, gratitude items, chat messages, session titles and summaries,
assessment answers, sleep notes, activity text) is written as a sealed value
(psymitrix_cli/cipher.py) bound to "<kind>.<field>:<entry id>", and opened again on
every read, so the services above see plaintext and work unchanged. A sealed value
is recognised by its shape, so reads never depend on the switch: a store is readable
whether a value was written before or after `enable`.

The key is loaded on first use only: a command that reads no sealed field (`streak`,
`whoami`) never asks the keyring or the passphrase, and never imports `cryptography`.

`enable` and `disable` rewrite every row with a sealed field, and the `encryption` row,
in one IMMEDIATE transaction: a failure part-way (a full disk, a kill, the fault tests
inject) rolls all of it back.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from psymitrix_cli import cipher, messages
from psymitrix_cli.errors import PsyError
from psymitrix_cli.store import sqlite_search
from psymitrix_cli.store.base import KINDS, Doc, Kind, Query
from psymitrix_cli.store.sqlite_schema import run, searched_kinds

Meta = dict[str, Any]
KeySource = Callable[[Meta], bytes]
META_ROW = "encryption"
# Tests only (with PSYMITRIX_TESTING=1): fail the migration after this many rows.
TEST_FAIL_AFTER_ENV = "PSYMITRIX_TEST_ENCRYPTION_FAIL_AFTER"
SEALED_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS.values() if k.sealed)


class InjectedFault(PsyError):
    """The failure tests inject part-way through a migration."""


def aad(kind: Kind, field: str, entry_id: str) -> str:
    return f"psymitrix:{kind.name}.{field}:{entry_id}"


class Sealer:
    """The open store's key, loaded from its description on first use."""

    def __init__(self, meta: Meta, source: KeySource | None) -> None:
        self.meta = meta
        self._source = source
        self._key: bytes | None = None

    @property
    def key(self) -> bytes:
        if self._key is None:
            if self._source is None:
                raise PsyError(messages.ENCRYPTION_NEEDS_PASSPHRASE)
            self._key = self._source(self.meta)
        return self._key

    def seal(self, kind: Kind, doc: Doc) -> Doc:
        out = dict(doc)
        for name in kind.sealed:
            value = out.get(name)
            if value is not None and not cipher.is_sealed(value):
                out[name] = cipher.seal(self.key, value, aad(kind, name, str(doc["_id"])))
        return out


def open_doc(sealer: Sealer | None, kind: Kind, doc: Doc) -> Doc:
    """`doc` with its sealed fields opened (as it is when none is sealed)."""
    if not kind.sealed:
        return doc
    for name in kind.sealed:
        value = doc.get(name)
        if cipher.is_sealed(value):
            if sealer is None:
                raise PsyError(messages.ENCRYPTION_DAMAGED)
            doc[name] = cipher.unseal(sealer.key, value, aad(kind, name, str(doc["_id"])))
    return doc


def read_meta(db: sqlite3.Connection) -> Meta | None:
    row = db.execute("SELECT value FROM store_meta WHERE name = ?", (META_ROW,)).fetchone()
    return json.loads(row[0]) if row else None


def _fault_after() -> int | None:
    raw = os.environ.get(TEST_FAIL_AFTER_ENV)
    if raw and os.environ.get("PSYMITRIX_TESTING") == "1":
        return int(raw)
    return None


def _rewrite(db: sqlite3.Connection, change: Callable[[Kind, Doc], tuple[Doc, int]]) -> int:
    """Pass every row of every sealed kind through `change` (inside the caller's
    transaction); the number of values it changed."""
    fail_after = _fault_after()
    rows = values = 0
    for kind in SEALED_KINDS:
        for entry_id, text in db.execute(f"SELECT id, doc FROM {kind.name}").fetchall():
            doc, changed = change(kind, json.loads(text))
            if not changed:
                continue
            db.execute(
                f"UPDATE {kind.name} SET doc = ? WHERE id = ?",
                (json.dumps(doc, ensure_ascii=False), entry_id),
            )
            rows += 1
            values += changed
            if fail_after is not None and rows >= fail_after:
                raise InjectedFault("injected fault (tests): the migration stops here")
    return values


def enable(db: sqlite3.Connection, meta: Meta, key: bytes) -> int:
    """Seal every value in place and record `meta` (inside the caller's transaction)."""
    sealer = Sealer(meta, lambda _: key)

    def seal(kind: Kind, doc: Doc) -> tuple[Doc, int]:
        sealed = sealer.seal(kind, doc)
        return sealed, sum(1 for n in kind.sealed if sealed.get(n) is not doc.get(n))

    count = _rewrite(db, seal)
    db.execute("INSERT INTO store_meta (name, value) VALUES (?, ?)", (META_ROW, json.dumps(meta)))
    run(db, sqlite_search.emptied_sql())  # an index of plaintext would undo all of this
    return count


def disable(db: sqlite3.Connection, sealer: Sealer) -> int:
    """Open every sealed value in place and forget the key's description."""

    def unseal(kind: Kind, doc: Doc) -> tuple[Doc, int]:
        count = sum(1 for n in kind.sealed if cipher.is_sealed(doc.get(n)))
        return (open_doc(sealer, kind, doc), count) if count else (doc, 0)

    count = _rewrite(db, unseal)
    db.execute("DELETE FROM store_meta WHERE name = ?", (META_ROW,))
    run(db, (*sqlite_search.emptied_sql(), *sqlite_search.backfill_sql(searched_kinds())))
    return count


def count_sealed(db: sqlite3.Connection) -> int:
    """How many values are encrypted, read from the JSON (no key needed)."""
    total = 0
    for kind in SEALED_KINDS:
        fields = ", ".join(f"json_extract(doc, '$.{n}.\"{cipher.MARK}\"')" for n in kind.sealed)
        for row in db.execute(f"SELECT {fields} FROM {kind.name}"):
            total += sum(1 for value in row if value is not None)
    return total


class SqliteSealing:
    """`encryption enable|disable|status` on SqliteStore (a mixin: it uses the store's
    connection, transaction and key source)."""

    path: Any
    _db: sqlite3.Connection
    _sealer: Sealer | None
    _key_source: KeySource | None

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # SqliteStore's

    def list(self, kind: Kind, query: Query) -> list[Doc]:
        raise NotImplementedError  # SqliteStore's

    # --- the boundary: every document written or read goes through these --------------
    def _dump(self, kind: Kind, doc: Doc) -> str:
        if self._sealer is not None and kind.sealed:
            doc = self._sealer.seal(kind, doc)
        return json.dumps(doc, ensure_ascii=False)

    def _load(self, kind: Kind, text: str) -> Doc:
        doc = json.loads(text)
        return doc if self._sealer is None else open_doc(self._sealer, kind, doc)

    def _searched(self, kind: Kind, query: Query) -> bool:
        """A search of an encrypted store: it has no index (store/sqlite_search.py), so
        the rows are opened and the query matched here (domain/search_rank.py)."""
        return query.match is not None and self._sealer is not None

    def _search(self, kind: Kind, query: Query) -> list[Doc]:
        assert query.match is not None and kind.search is not None
        from psymitrix_cli.domain.search_rank import matches_text  # only searches load it

        unlimited = replace(query, match=None, limit=-1, offset=0)
        found = [
            d
            for d in self.list(kind, unlimited)
            if matches_text(query.match, kind.search.indexed(d))
        ]
        return found[query.offset : query.offset + query.limit]

    # --- enable, disable, status ---------------------------------------------------------
    def encryption(self) -> Meta | None:
        """The key's description when encryption is on, else None."""
        return self._sealer.meta if self._sealer is not None else None

    def sealed_count(self) -> int:
        return count_sealed(self._db)

    def enable_encryption(self, meta: Meta, key: bytes) -> int:
        """Seal every value in one transaction; the number sealed."""
        self._db.execute("PRAGMA secure_delete = ON")  # freed pages are zeroed, not left
        with self._tx() as db:
            if read_meta(db) is not None:
                raise PsyError(messages.ENCRYPTION_ALREADY_ON.format(path=self.path))
            count = enable(db, meta, key)
        self._sealer = Sealer(meta, lambda _: key)
        self._compact()
        return count

    def _compact(self) -> None:
        """Leave no plaintext behind in free pages or the write-ahead log."""
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def disable_encryption(self) -> int:
        """Open every value in one transaction and forget the key; the number opened."""
        sealer = self._sealer
        if sealer is None:
            raise PsyError(messages.ENCRYPTION_ALREADY_OFF.format(path=self.path))
        sealer.key  # noqa: B018 (load it, and check it, before the write lock is taken)
        with self._tx() as db:
            count = disable(db, sealer)
        self._sealer = None
        return count
