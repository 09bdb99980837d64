"""SQLite's half of store/server_state.py: login failures and idempotency records.

A mixin of SqliteStore (it uses the store's connection and its BEGIN IMMEDIATE
transactions). Expired rows are deleted by the writes that add new ones, so the
tables stay as small as the traffic of the last window.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence

from psymitrix_cli.store.base import IDEMPOTENCY, Caller, Doc, Kind
from psymitrix_cli.store.server_state import REVOKED, revoked_key


class SqliteServerState:
    _db: sqlite3.Connection

    def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # SqliteStore's

    def get_user(self, user_id: str) -> Doc | None:
        raise NotImplementedError  # SqliteStore's

    def get_user_data(self, user_id: str) -> Doc | None:
        raise NotImplementedError  # SqliteStore's

    # A record's `result` is the answer replayed (a journal entry, its text too): sealed
    # like an entry's fields when encryption is on (SqliteSealing in store/sealing.py).
    _dump: Callable[[Kind, Doc], str]
    _load: Callable[[Kind, str], Doc]

    # --- login throttling ------------------------------------------------------------
    def add_login_failure(self, keys: Sequence[str], at: str, expires_at: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM login_failures WHERE expires_at <= ?", (at,))
            db.executemany(
                "INSERT INTO login_failures (key, at, expires_at) VALUES (?, ?, ?)",
                [(key, at, expires_at) for key in keys],
            )

    def login_failures(self, key: str, since: str) -> tuple[int, str | None]:
        row = self._db.execute(
            "SELECT COUNT(*), MIN(at) FROM login_failures WHERE key = ? AND at >= ?",
            (key, since),
        ).fetchone()
        return int(row[0]), row[1]

    def clear_login_failures(self, key: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM login_failures WHERE key = ?", (key,))

    # --- idempotency records -----------------------------------------------------------
    def claim_idempotency(self, record: Doc, expires_at: str) -> bool:
        doc = {**record, "expiresAt": expires_at}
        try:
            with self._tx() as db:
                db.execute("DELETE FROM idempotency WHERE expires_at <= ?", (record["at"],))
                db.execute(
                    'INSERT INTO idempotency (id, user_id, sort_key, "key", expires_at, doc) '
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        doc["_id"],
                        doc["userId"],
                        doc["at"],
                        doc["key"],
                        expires_at,
                        self._dump(IDEMPOTENCY, doc),
                    ),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    def idempotency_record(self, user_id: str, record_id: str) -> Doc | None:
        row = self._db.execute(
            "SELECT doc FROM idempotency WHERE id = ? AND user_id = ?", (record_id, user_id)
        ).fetchone()
        return self._load(IDEMPOTENCY, row[0]) if row else None

    def finish_idempotency(self, user_id: str, record_id: str, result: Doc) -> None:
        with self._tx() as db:
            row = db.execute(
                "SELECT doc FROM idempotency WHERE id = ? AND user_id = ?", (record_id, user_id)
            ).fetchone()
            if row is None:
                return
            doc = {**self._load(IDEMPOTENCY, row[0]), "state": "done", "result": result}
            db.execute(
                "UPDATE idempotency SET doc = ? WHERE id = ?",
                (self._dump(IDEMPOTENCY, doc), record_id),
            )

    def release_idempotency(self, user_id: str, record_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM idempotency WHERE id = ? AND user_id = ?", (record_id, user_id))

    # --- revoked tokens -------------------------------------------------------------------
    def revoke_token(self, user_id: str, token_id: str, expires_at: str, now: str) -> None:
        with self._tx() as db:
            db.execute(
                "DELETE FROM auth_secrets WHERE user_id = ? AND purpose = ? AND expires_at <= ?",
                (user_id, REVOKED, now),
            )
            db.execute(
                "INSERT OR IGNORE INTO auth_secrets (hash, user_id, purpose, created_at, "
                "expires_at) VALUES (?, ?, ?, ?, ?)",
                (revoked_key(token_id), user_id, REVOKED, now, expires_at),
            )

    def token_revoked(self, user_id: str, token_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM auth_secrets WHERE hash = ? AND user_id = ? AND purpose = ?",
            (revoked_key(token_id), user_id, REVOKED),
        ).fetchone()
        return row is not None

    def caller(self, user_id: str, token_id: str, with_data: bool = True) -> Caller:
        """The same queries the checks made one by one (no round trip to save here)."""
        user = self.get_user(user_id)
        if user is None:
            return Caller(None, None, False)
        data = self.get_user_data(user_id) if with_data else None
        return Caller(user, data, self.token_revoked(user_id, token_id))
