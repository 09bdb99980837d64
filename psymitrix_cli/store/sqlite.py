"""The embedded store: one SQLite file, WAL mode, a busy timeout, forward migrations.

Entries are kept as JSON documents beside the columns they are queried by, the
same shape MongoDB holds, so services see one data model whichever store runs.
Writes use BEGIN IMMEDIATE, so concurrent processes queue on the busy timeout
instead of failing half-way.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.errors import BackendUnavailable, Conflict, PsyError
from psymitrix_cli.fsutil import ensure_private_dir, is_disk_full, touch_private
from psymitrix_cli.store.base import COUNTERS, Doc, Kind, Query, prefix_end
from psymitrix_cli.store.sealing import (
    KeySource,
    Sealer,
    SqliteSealing,
    open_doc,
    read_meta,
)
from psymitrix_cli.store.sqlite_find import SqliteFind
from psymitrix_cli.store.sqlite_schema import (
    LATEST,
    MIGRATIONS,
    NUMBER_COLUMNS,
    ensure_kinds,
    expected_indexes,
    missing_kinds,
)
from psymitrix_cli.store.sqlite_state import SqliteServerState

BUSY_TIMEOUT_MS = 15_000
# One writer at a time per database file within a process (the server's threads): they
# queue on this lock, woken in turn, instead of each polling SQLite's busy handler,
# whose sleeps and retries cost CPU and latency under load. Other processes still
# meet on SQLite's own lock and busy timeout, as before.
_WRITERS: dict[str, threading.RLock] = {}
_WRITERS_LOCK = threading.Lock()


def _writer_lock(path: Path) -> threading.RLock:
    key = str(path)
    with _WRITERS_LOCK:
        return _WRITERS.setdefault(key, threading.RLock())


_USER_COLUMNS = {
    "_id": "id",
    "name": "name",
    "username": "username",
    "email": "email",
    "phoneNumber": "phone_number",
    "passwordHash": "password_hash",
    "timezone": "timezone",
    "tokenVersion": "token_version",
    "createdAt": "created_at",
    "updatedAt": "updated_at",
}
_USER_DATA_COLUMNS = {
    "userId": "user_id",
    "visitingStreak": "visiting_streak",
    "longestStreak": "longest_streak",
    "lastStreakUpdate": "last_streak_update",
    "lastRestDay": "last_rest_day",
}
_FROM_USER_COLUMNS = {v: k for k, v in _USER_COLUMNS.items()}
_FROM_USER_DATA_COLUMNS = {v: k for k, v in _USER_DATA_COLUMNS.items()}


# Documents are written by json.dumps, never with leading white space, so the raw
# decoder can skip json.loads' white-space scanning on every row read.
_RAW_DECODE = json.JSONDecoder().raw_decode


def _decode(text: str) -> Doc:
    return _RAW_DECODE(text)[0]  # type: ignore[no-any-return]


def _renamed(row: sqlite3.Row, names: dict[str, str]) -> Doc:
    # Iterating a Row yields values, so walk its keys explicitly.
    return {names[k]: row[k] for k in row.keys() if k in names}  # noqa: SIM118


TEST_MAX_PAGES_ENV = "PSYMITRIX_TEST_MAX_PAGES"


def _test_page_limit(db: sqlite3.Connection) -> None:
    """Tests only (PSYMITRIX_TESTING=1): cap the file at its size, so writes meet a full
    disk (SQLITE_FULL) without one. SQLite never caps below the pages already used."""
    import os

    pages = os.environ.get(TEST_MAX_PAGES_ENV)
    if pages and os.environ.get("PSYMITRIX_TESTING") == "1":
        db.execute(f"PRAGMA max_page_count = {int(pages)}")


class SqliteStore(SqliteServerState, SqliteSealing, SqliteFind):
    def __init__(self, path: Path, key_source: KeySource | None = None) -> None:
        self.path = path
        self._key_source = key_source
        self._sealer: Sealer | None = None
        try:
            ensure_private_dir(path.parent)
            touch_private(path)
        except OSError as exc:
            if is_disk_full(exc):
                raise PsyError(messages.DISK_FULL) from None
            raise
        try:
            self._db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            _test_page_limit(self._db)
            self._migrate()
            meta = read_meta(self._db)
            if meta:  # encryption on: the key is loaded on first use; deleted rows are zeroed
                self._sealer = Sealer(meta, key_source)
                self._db.execute("PRAGMA secure_delete = ON")
        except sqlite3.DatabaseError as exc:
            if is_disk_full(exc):
                raise PsyError(messages.DISK_FULL) from None
            raise PsyError(messages.SQLITE_CANNOT_OPEN.format(path=path, exc=exc)) from None

    # --- lifecycle ---------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def describe(self) -> str:
        return f"sqlite:{self.path}"

    def ping(self) -> None:
        self._db.execute("SELECT 1").fetchone()

    def schema_version(self) -> int:
        row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # --- diagnostics (psymitrix doctor) -------------------------------------------
    def expected_indexes(self) -> dict[str, list[str]]:
        return expected_indexes()

    def index_report(self) -> dict[str, list[str]]:
        report: dict[str, list[str]] = {}
        for table, name in self._db.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ):
            report.setdefault(table, []).append(name)
        return report

    def round_trip_ms(self) -> float:
        import time

        start = time.perf_counter()
        self.ping()
        return (time.perf_counter() - start) * 1000

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
        )
        if self.schema_version() == LATEST and not missing_kinds(self._db):
            return  # the common case: no write lock taken
        with self._tx():
            current = self.schema_version()  # re-read under the lock: another process may have won
            if current > LATEST:
                raise PsyError(messages.SQLITE_SCHEMA_NEWER.format(path=self.path, current=current))
            for version in range(current + 1, LATEST + 1):
                MIGRATIONS[version - 1](self._db)
                self._db.execute("INSERT INTO schema_migrations (version) VALUES (?)", (version,))
            ensure_kinds(self._db)  # a kind added to the registry gets its table

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        writers = _writer_lock(self.path)
        if not writers.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            seconds = BUSY_TIMEOUT_MS // 1000
            raise BackendUnavailable(
                messages.SQLITE_BUSY_HERE.format(path=self.path, seconds=seconds)
            )
        try:
            with self._tx_unlocked() as db:
                yield db
        finally:
            writers.release()

    @contextlib.contextmanager
    def _tx_unlocked(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise BackendUnavailable(messages.SQLITE_BUSY.format(path=self.path, exc=exc)) from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            # SQLITE_FULL may have rolled the transaction back already.
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if is_disk_full(exc):
                raise PsyError(messages.DISK_FULL) from None
            raise

    # --- users ---------------------------------------------------------------
    @staticmethod
    def _user_from_row(row: sqlite3.Row | None) -> Doc | None:
        if row is None:
            return None
        return _renamed(row, _FROM_USER_COLUMNS)

    @staticmethod
    def _conflict(exc: sqlite3.IntegrityError) -> Conflict:
        text = str(exc)
        if "username" in text:
            return Conflict(messages.USERNAME_TAKEN)
        if "email" in text:
            return Conflict(messages.EMAIL_TAKEN)
        return Conflict(messages.ENTRY_EXISTS)

    def create_user(self, user: Doc, user_data: Doc) -> None:
        cols = {_USER_COLUMNS[k]: v for k, v in user.items() if k in _USER_COLUMNS}
        cols["username_key"] = user["username"].lower()
        data = {_USER_DATA_COLUMNS[k]: v for k, v in user_data.items() if k in _USER_DATA_COLUMNS}
        counts = [(user["_id"], c, int(user_data[c])) for c in COUNTERS if user_data.get(c)]
        try:
            with self._tx() as db:
                db.execute(
                    f"INSERT INTO users ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    tuple(cols.values()),
                )
                db.execute(
                    f"INSERT INTO user_data ({', '.join(data)}) "
                    f"VALUES ({', '.join('?' * len(data))})",
                    tuple(data.values()),
                )
                db.executemany(
                    "INSERT INTO counters (user_id, name, value) VALUES (?, ?, ?)", counts
                )
        except sqlite3.IntegrityError as exc:
            raise self._conflict(exc) from None

    def get_user(self, user_id: str) -> Doc | None:
        row = self._db.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
        return self._user_from_row(row)

    def find_user(self, identifier: str) -> Doc | None:
        key = identifier.lower()
        row = self._db.execute(
            "SELECT * FROM users WHERE username_key = ? OR email = ?", (key, key)
        ).fetchone()
        return self._user_from_row(row)

    def _set_user(self, db: sqlite3.Connection, user_id: str, fields: Doc) -> None:
        cols = {_USER_COLUMNS[k]: v for k, v in fields.items() if k in _USER_COLUMNS}
        if "username" in fields:
            cols["username_key"] = fields["username"].lower()
        if cols:
            assignments = ", ".join(f"{c} = ?" for c in cols)
            db.execute(f"UPDATE users SET {assignments} WHERE id = ?", (*cols.values(), user_id))

    def update_user(self, user_id: str, fields: Doc) -> None:
        try:
            with self._tx() as db:
                self._set_user(db, user_id, fields)
        except sqlite3.IntegrityError as exc:
            raise self._conflict(exc) from None

    def bump_token_version(self, user_id: str, fields: Doc | None = None) -> int:
        with self._tx() as db:
            self._set_user(db, user_id, fields or {})
            row = db.execute(
                "UPDATE users SET token_version = token_version + 1 WHERE id = ? "
                "RETURNING token_version",
                (user_id,),
            ).fetchone()
        return int(row[0]) if row else 0

    def delete_user(self, user_id: str) -> bool:
        with self._tx() as db:
            # ON DELETE CASCADE erases user_data, secrets and every entry table.
            return db.execute("DELETE FROM users WHERE id = ?", (user_id,)).rowcount > 0

    # --- user_data -------------------------------------------------------------
    def get_user_data(self, user_id: str) -> Doc | None:
        row = self._db.execute("SELECT * FROM user_data WHERE user_id = ?", (user_id,)).fetchone()
        if row is None:
            return None
        counts = dict.fromkeys(COUNTERS, 0)
        counts.update(
            self._db.execute("SELECT name, value FROM counters WHERE user_id = ?", (user_id,))
        )
        return {**_renamed(row, _FROM_USER_DATA_COLUMNS), **counts}

    def set_streak(self, user_id: str, expected_last: str | None, fields: Doc) -> bool:
        cols = {_USER_DATA_COLUMNS[k]: v for k, v in fields.items()}
        assignments = ", ".join(f"{c} = ?" for c in cols)
        with self._tx() as db:
            cursor = db.execute(
                f"UPDATE user_data SET {assignments} WHERE user_id = ? AND last_streak_update IS ?",
                (*cols.values(), user_id, expected_last),
            )
        return cursor.rowcount == 1

    def increment(self, user_id: str, counter: str, by: int = 1) -> None:
        with self._tx() as db:
            self._bump(db, user_id, counter, by)

    # --- one-time secrets --------------------------------------------------------
    def add_secrets(self, docs: Sequence[Doc]) -> None:
        with self._tx() as db:
            db.executemany(
                "INSERT INTO auth_secrets (hash, user_id, purpose, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (d["_id"], d["userId"], d["purpose"], d["createdAt"], d.get("expiresAt"))
                    for d in docs
                ],
            )

    def consume_secret(self, purpose: str, secret_hash: str, now: str) -> str | None:
        with self._tx() as db:
            row = db.execute(
                "UPDATE auth_secrets SET used_at = ? WHERE hash = ? AND purpose = ? "
                "AND used_at IS NULL AND (expires_at IS NULL OR expires_at > ?) "
                "RETURNING user_id",
                (now, secret_hash, purpose, now),
            ).fetchone()
        return row[0] if row else None

    def find_secret(self, purpose: str, secret_hash: str, now: str) -> str | None:
        row = self._db.execute(
            "SELECT user_id FROM auth_secrets WHERE hash = ? AND purpose = ? "
            "AND used_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
            (secret_hash, purpose, now),
        ).fetchone()
        return row[0] if row else None

    def delete_secrets(self, user_id: str, purpose: str) -> None:
        with self._tx() as db:
            db.execute(
                "DELETE FROM auth_secrets WHERE user_id = ? AND purpose = ?", (user_id, purpose)
            )

    # --- entries -------------------------------------------------------------------
    @staticmethod
    def _columns(kind: Kind) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*kind.fields, *kind.unique)))

    def _bump(self, db: sqlite3.Connection, user_id: str, counter: str | None, by: int) -> None:
        """Move a counter, never below zero: one upsert on its (user, name) row."""
        if counter:
            if counter not in COUNTERS:
                raise KeyError(counter)  # as MongoStore does, before anything is written
            db.execute(
                "INSERT INTO counters (user_id, name, value) VALUES (?, ?, MAX(0, ?)) "
                "ON CONFLICT (user_id, name) DO UPDATE SET value = MAX(0, value + ?)",
                (user_id, counter, by, by),
            )

    def insert(self, kind: Kind, doc: Doc, counter: str | None = None) -> None:
        extra = self._columns(kind)
        names = ", ".join(["id", "user_id", "sort_key", *(f'"{c}"' for c in extra), "doc"])
        values = (doc["_id"], doc["userId"], doc[kind.sort], *(doc.get(c) for c in extra))
        try:
            with self._tx() as db:
                marks = ", ".join("?" * (len(values) + 1))
                db.execute(
                    f"INSERT INTO {kind.name} ({names}) VALUES ({marks})",
                    (*values, self._dump(kind, doc)),
                )
                self._bump(db, doc["userId"], counter or kind.counter, +1)
        except sqlite3.IntegrityError:
            raise Conflict(messages.ENTRY_EXISTS) from None

    def insert_many(self, kind: Kind, docs: Sequence[Doc], counter: str | None = None) -> int:
        if not docs:
            return 0
        if kind.search is not None:
            # Oldest first: the search index's rowids follow the entries' time, and FTS5
            # writes rowids in ascending order many times faster (an export lists the
            # newest first).
            at = kind.search.at
            docs = sorted(docs, key=lambda d: (str(d.get(at) or ""), d["_id"]))
        extra = self._columns(kind)
        names = ", ".join(["id", "user_id", "sort_key", *(f'"{c}"' for c in extra), "doc"])
        marks = ", ".join("?" * (len(extra) + 4))
        rows = [
            (
                d["_id"],
                d["userId"],
                d[kind.sort],
                *(d.get(c) for c in extra),
                self._dump(kind, d),
            )
            for d in docs
        ]
        try:
            with self._tx() as db:
                db.executemany(f"INSERT INTO {kind.name} ({names}) VALUES ({marks})", rows)
                self._bump(db, docs[0]["userId"], counter or kind.counter, len(rows))
        except sqlite3.IntegrityError:
            raise Conflict(messages.ENTRY_EXISTS) from None
        return len(rows)

    def replace(self, kind: Kind, user_id: str, entry_id: str, doc: Doc) -> bool:
        extra = self._columns(kind)
        sets = ", ".join(["sort_key = ?", *(f'"{c}" = ?' for c in extra), "doc = ?"])
        values = (doc[kind.sort], *(doc.get(c) for c in extra), self._dump(kind, doc))
        try:
            with self._tx() as db:
                cursor = db.execute(
                    f"UPDATE {kind.name} SET {sets} WHERE id = ? AND user_id = ?",
                    (*values, entry_id, user_id),
                )
        except sqlite3.IntegrityError:
            raise Conflict(messages.ENTRY_EXISTS) from None
        return cursor.rowcount == 1

    def update(self, kind: Kind, user_id: str, entry_id: str, fields: Doc) -> bool:
        # Read-modify-write inside one IMMEDIATE transaction, so it cannot lose a race.
        with self._tx() as db:
            row = db.execute(
                f"SELECT doc FROM {kind.name} WHERE id = ? AND user_id = ?", (entry_id, user_id)
            ).fetchone()
            if row is None:
                return False
            doc = {**self._load(kind, row[0]), **fields}
            extra = self._columns(kind)
            sets = ", ".join(["sort_key = ?", *(f'"{c}" = ?' for c in extra), "doc = ?"])
            db.execute(
                f"UPDATE {kind.name} SET {sets} WHERE id = ?",
                (doc[kind.sort], *(doc.get(c) for c in extra), self._dump(kind, doc), entry_id),
            )
        return True

    def get(self, kind: Kind, user_id: str, entry_id: str) -> Doc | None:
        row = self._db.execute(
            f"SELECT doc FROM {kind.name} WHERE id = ? AND user_id = ?", (entry_id, user_id)
        ).fetchone()
        return self._load(kind, row[0]) if row else None

    def tag_counts(self, kind: Kind, user_id: str) -> list[tuple[str, int]]:
        rows = self._db.execute(
            f"SELECT tag.value, COUNT(*) FROM {kind.name}, json_each({kind.name}.doc, '$.tags') "
            "AS tag WHERE user_id = ? GROUP BY tag.value ORDER BY COUNT(*) DESC, tag.value",
            (user_id,),
        ).fetchall()
        return [(str(tag), int(n)) for tag, n in rows]

    def ids_with_prefix(self, kind: Kind, user_id: str, prefix: str, limit: int = 2) -> list[str]:
        rows = self._db.execute(
            f"SELECT id FROM {kind.name} WHERE id >= ? AND id < ? AND user_id = ? "
            "ORDER BY id LIMIT ?",
            (prefix, prefix_end(prefix), user_id, limit),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def find_one(self, kind: Kind, user_id: str, where: Doc) -> Doc | None:
        rows = self.list(kind, Query(user_id=user_id, limit=1, where=where))
        return rows[0] if rows else None

    def _where(self, kind: Kind, query: Query, table: str = "") -> tuple[str, list[Any]]:
        """The WHERE of a list (`table`: its columns named with it, in a join)."""
        p = f"{table}." if table else ""
        clauses, params = [f"{p}user_id = ?"], [query.user_id]
        if query.since is not None:
            clauses.append(f"{p}sort_key >= ?")
            params.append(query.since)
        if query.until is not None:
            clauses.append(f"{p}sort_key < ?")
            params.append(query.until)
        allowed = self._columns(kind)
        for field_name, value in query.where.items():
            if field_name not in allowed:
                raise ValueError(f"{kind.name} cannot be filtered on {field_name!r}")
            clauses.append(f'{p}"{field_name}" = ?')
            params.append(value)
        if query.tag is not None:
            clauses.append(
                f"EXISTS (SELECT 1 FROM json_each({kind.name}.doc, '$.tags') WHERE value = ?)"
            )
            params.append(query.tag)
        if query.match is not None and not table:
            raise ValueError(f"{kind.name}: a search goes through the index (_match_list)")
        return " AND ".join(clauses), params

    def list(self, kind: Kind, query: Query) -> list[Doc]:
        if self._searched(kind, query):
            return self._search(kind, query)
        if query.match is not None:
            return self._match_list(kind, query)
        where, params = self._where(kind, query)
        order = "ASC" if query.ascending else "DESC"
        if query.before is not None:
            op = ">" if query.ascending else "<"
            where += f" AND (sort_key {op} ? OR (sort_key = ? AND id {op} ?))"
            params += [query.before[0], query.before[0], query.before[1]]
        cursor = self._db.cursor()
        cursor.row_factory = None  # plain tuples: lists are the hot path of every page
        rows = cursor.execute(
            f"SELECT doc FROM {kind.name} WHERE {where} "
            f"ORDER BY sort_key {order}, id {order} LIMIT ? OFFSET ?",
            (*params, query.limit, query.offset),
        ).fetchall()
        if self._sealer is not None and kind.sealed:
            return [open_doc(self._sealer, kind, _decode(r[0])) for r in rows]
        return [_decode(r[0]) for r in rows]

    def count(self, kind: Kind, query: Query) -> int:
        if self._searched(kind, query):
            return len(self._search(kind, replace(query, limit=2**62, offset=0)))
        if query.match is not None:
            return self._match_count(kind, query)
        where, params = self._where(kind, query)
        return int(
            self._db.execute(f"SELECT COUNT(*) FROM {kind.name} WHERE {where}", params).fetchone()[
                0
            ]
        )

    def count_groups(
        self, kind: Kind, fields: Sequence[str], widths: Sequence[int | None]
    ) -> list[tuple[tuple[Any, ...], int]]:
        columns = []
        for name, width in zip(fields, widths, strict=True):
            if not re.fullmatch(r"[A-Za-z_]\w*", name):
                raise ValueError(f"{kind.name} cannot be grouped on {name!r}")
            value = f"json_extract(doc, '$.{name}')"
            columns.append(f"substr({value}, 1, {int(width)})" if width else value)
        group = ", ".join(columns)
        rows = self._db.execute(
            f"SELECT {group}, COUNT(*) FROM {kind.name} GROUP BY {group} ORDER BY {group}"
        ).fetchall()
        return [(tuple(row[:-1]), int(row[-1])) for row in rows]

    def totals_between(
        self, kind: Kind, user_id: str, field: str | None, bounds: Sequence[str]
    ) -> list[tuple[int, float]]:
        spans = len(bounds) - 1
        if spans < 1:
            return []
        if field is not None and not re.fullmatch(r"\w+", field):
            raise ValueError(f"not a field name: {field!r}")
        # The mood has an indexed column (schema 7): its values come from the index, no
        # entry's JSON is parsed. Any other field is read from the document; None counts
        # every entry from the index alone.
        if field is None:
            value = "0"
        else:
            value = NUMBER_COLUMNS.get((kind.name, field)) or f"json_extract(doc, '$.{field}')"
        # One statement: per span, one range of the (user_id, sort_key) index aggregated
        # in place (a correlated subquery, so no sort of the rows for a GROUP BY). Only
        # JSON numbers count, as on MongoDB; TOTAL is 0.0 for none.
        values = ", ".join("(?, ?, ?)" for _ in range(spans))
        params: list[Any] = []
        for i in range(spans):
            params += [i, bounds[i], bounds[i + 1]]
        rows = self._db.execute(
            f"WITH spans (i, lo, hi) AS (VALUES {values}) "
            f"SELECT i, (SELECT json_array(COUNT(v), TOTAL(v)) FROM ("
            f"  SELECT {value} AS v FROM {kind.name} "
            f"  WHERE user_id = ? AND sort_key >= lo AND sort_key < hi"
            f") WHERE typeof(v) IN ('integer', 'real')) FROM spans",
            (*params, user_id),
        ).fetchall()
        out = [(0, 0.0)] * spans
        for i, pair in rows:
            n, total = _decode(pair)
            out[i] = (int(n), float(total))
        return out

    def delete(self, kind: Kind, user_id: str, entry_id: str, counter: str | None = None) -> bool:
        with self._tx() as db:
            cursor = db.execute(
                f"DELETE FROM {kind.name} WHERE id = ? AND user_id = ?", (entry_id, user_id)
            )
            if cursor.rowcount:
                self._bump(db, user_id, counter or kind.counter, -1)
        return cursor.rowcount == 1

    def delete_where(self, kind: Kind, user_id: str, where: Doc) -> int:
        allowed = self._columns(kind)
        clauses = ["user_id = ?"]
        params: list[Any] = [user_id]
        for field_name, value in where.items():
            if field_name not in allowed:
                raise ValueError(f"{kind.name} cannot be filtered on {field_name!r}")
            clauses.append(f'"{field_name}" = ?')
            params.append(value)
        with self._tx() as db:
            return db.execute(
                f"DELETE FROM {kind.name} WHERE {' AND '.join(clauses)}", params
            ).rowcount
