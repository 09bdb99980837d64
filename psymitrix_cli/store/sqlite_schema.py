"""SQLite schema versions. Migrations only move forward and each runs once.

Each migration is frozen once released: it spells out its own tables rather
than reading `store.base.KINDS`, so a later change to a spec can never rewrite
history. Add a new function to MIGRATIONS for every schema change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# (table, extra columns, unique-with-user_id columns) as of version 1.
_V1_ENTRY_TABLES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("sleep", ("date",), ("date",)),
    ("mood_journal", (), ()),
    ("gratitude", (), ()),
    ("breathing", (), ()),
    ("assessments", ("instrument",), ()),
    ("chat_sessions", (), ()),
    ("chat_messages", ("sessionId", "seq"), ("sessionId", "seq")),
    ("safety_events", (), ()),
)


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE users (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            username TEXT NOT NULL,
            username_key TEXT NOT NULL UNIQUE,
            email TEXT NOT NULL UNIQUE,
            phone_number TEXT,
            password_hash TEXT NOT NULL,
            timezone TEXT NOT NULL,
            token_version INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE user_data (
            user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
            visiting_streak INTEGER NOT NULL DEFAULT 0,
            longest_streak INTEGER NOT NULL DEFAULT 0,
            last_streak_update TEXT,
            chat_session_count INTEGER NOT NULL DEFAULT 0,
            mood_journal_count INTEGER NOT NULL DEFAULT 0,
            gratitude_count INTEGER NOT NULL DEFAULT 0,
            breathing_count INTEGER NOT NULL DEFAULT 0,
            sleep_log_count INTEGER NOT NULL DEFAULT 0,
            anxiety_test_count INTEGER NOT NULL DEFAULT 0,
            depression_test_count INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """CREATE TABLE auth_secrets (
            hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            used_at TEXT
        )"""
    )
    db.execute("CREATE INDEX auth_secrets_user ON auth_secrets (user_id, purpose)")
    for table, extra, unique in _V1_ENTRY_TABLES:
        columns = "".join(f', "{c}"' for c in extra)
        db.execute(
            f"""CREATE TABLE {table} (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                sort_key NOT NULL{columns},
                doc TEXT NOT NULL
            )"""
        )
        db.execute(f"CREATE INDEX {table}_user_time ON {table} (user_id, sort_key DESC, id DESC)")
        for column in extra:
            index = f"{table}_user_{column}"
            db.execute(f'CREATE INDEX {index} ON {table} (user_id, "{column}", sort_key DESC)')
        if unique:
            cols = ", ".join(f'"{c}"' for c in unique)
            db.execute(f"CREATE UNIQUE INDEX {table}_unique ON {table} (user_id, {cols})")


def expected_indexes() -> dict[str, list[str]]:
    """Every index the migrations create, per table (for `psymitrix doctor`)."""
    expected: dict[str, list[str]] = {"auth_secrets": ["auth_secrets_user"]}
    for table, extra, unique in _V1_ENTRY_TABLES:
        names = [f"{table}_user_time", *(f"{table}_user_{c}" for c in extra)]
        expected[table] = names + ([f"{table}_unique"] if unique else [])
    expected["idempotency"] = ["idempotency_user_time", "idempotency_unique"]  # version 2
    return expected


def _v2(db: sqlite3.Connection) -> None:
    """The server's idempotency records: one per (user, Idempotency-Key)."""
    db.execute(
        """CREATE TABLE idempotency (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            sort_key NOT NULL,
            "key" TEXT,
            doc TEXT NOT NULL
        )"""
    )
    db.execute(
        "CREATE INDEX idempotency_user_time ON idempotency (user_id, sort_key DESC, id DESC)"
    )
    db.execute('CREATE UNIQUE INDEX idempotency_unique ON idempotency (user_id, "key")')


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2)
LATEST = len(MIGRATIONS)
