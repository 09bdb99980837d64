"""SQLite schema versions. Migrations only move forward and each runs once.

Each migration is frozen data once released: `SHIPPED` holds every version's SQL, spelled
out rather than read from `store.base.KINDS`, so a later change to a spec can never rewrite
history; tests/test_schema_frozen.py records the `digest` of each shipped version, so an
edit to one fails the suite. A schema change appends a version to SHIPPED.

A new kind of entry needs no migration: `ensure_kinds` gives every registry kind
without a table one, made by the frozen `entry_table_sql` helper (the DDL every entry
table has had since version 1). Counters live in a `counters` table of
(user, name, value) rows since version 3, so a new counter needs no ALTER TABLE.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from functools import partial
from itertools import chain
from typing import Any

from psymitrix_cli.store import sqlite_search
from psymitrix_cli.store.base import KINDS, Kind

# One statement: SQL, or SQL and its parameters.
Statement = str | tuple[str, tuple[Any, ...]]

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


def entry_table_sql(table: str, extra: tuple[str, ...], unique: tuple[str, ...]) -> tuple[str, ...]:
    """An entry table and its indexes. FROZEN: version 1 and every later kind use this
    DDL, so do not change it; a new shape needs a new helper and a migration."""
    columns = "".join(f', "{c}"' for c in extra)
    create = f"""CREATE TABLE {table} (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            sort_key NOT NULL{columns},
            doc TEXT NOT NULL
        )"""
    indexes = entry_indexes(table, extra, unique)
    return (
        create,
        *(f"CREATE {sql.replace('INDEX', f'INDEX {name}', 1)}" for name, sql in indexes.items()),
    )


def entry_indexes(table: str, extra: tuple[str, ...], unique: tuple[str, ...]) -> dict[str, str]:
    """Index name -> its DDL (without the name), for `entry_table_sql`. FROZEN, as it is."""
    out = {f"{table}_user_time": f"INDEX ON {table} (user_id, sort_key DESC, id DESC)"}
    for column in extra:
        out[f"{table}_user_{column}"] = f'INDEX ON {table} (user_id, "{column}", sort_key DESC)'
    if unique:
        cols = ", ".join(f'"{c}"' for c in unique)
        out[f"{table}_unique"] = f"UNIQUE INDEX ON {table} (user_id, {cols})"
    return out


def entry_table(
    db: sqlite3.Connection, table: str, extra: tuple[str, ...], unique: tuple[str, ...]
) -> None:
    """Make an entry table and its indexes (inside the caller's transaction)."""
    run(db, entry_table_sql(table, extra, unique))


_V1: tuple[Statement, ...] = (
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
        )""",
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
        )""",
    """CREATE TABLE auth_secrets (
            hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            used_at TEXT
        )""",
    "CREATE INDEX auth_secrets_user ON auth_secrets (user_id, purpose)",
    *chain.from_iterable(entry_table_sql(*table) for table in _V1_ENTRY_TABLES),
)

# The server's idempotency records: one per (user, Idempotency-Key).
_V2: tuple[Statement, ...] = (
    """CREATE TABLE idempotency (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            sort_key NOT NULL,
            "key" TEXT,
            doc TEXT NOT NULL
        )""",
    "CREATE INDEX idempotency_user_time ON idempotency (user_id, sort_key DESC, id DESC)",
    'CREATE UNIQUE INDEX idempotency_unique ON idempotency (user_id, "key")',
)

# The counters user_data had as columns in versions 1 and 2 (column, counter name).
_V1_COUNTER_COLUMNS = (
    ("chat_session_count", "chatSessionCount"),
    ("mood_journal_count", "moodJournalCount"),
    ("gratitude_count", "gratitudeCount"),
    ("breathing_count", "breathingCount"),
    ("sleep_log_count", "sleepLogCount"),
    ("anxiety_test_count", "anxietyTestCount"),
    ("depression_test_count", "depressionTestCount"),
)

# Counters as rows, so a new kind's counter needs no ALTER TABLE. The old columns stay
# (unread) so an older PsyMitrix reading this file fails on the version, not on a
# missing column.
_V3: tuple[Statement, ...] = (
    """CREATE TABLE counters (
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (user_id, name)
        ) WITHOUT ROWID""",
    *(
        (
            f"INSERT INTO counters (user_id, name, value) "
            f"SELECT user_id, ?, {column} FROM user_data WHERE {column} != 0",
            (name,),
        )
        for column, name in _V1_COUNTER_COLUMNS
    ),
)

# State several servers share: login failures, and expiring idempotency records.
_V4: tuple[Statement, ...] = (
    """CREATE TABLE login_failures (
            id INTEGER PRIMARY KEY,
            "key" TEXT NOT NULL,
            at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )""",
    'CREATE INDEX login_failures_key ON login_failures ("key", at)',
    "CREATE INDEX login_failures_expiry ON login_failures (expires_at)",
    # Records from versions 2 and 3 have no expiry yet: they get a day from their claim time.
    "ALTER TABLE idempotency ADD COLUMN expires_at TEXT",
    "UPDATE idempotency SET expires_at = "
    "strftime('%Y-%m-%dT%H:%M:%S', sort_key, '+1 day') || substr(sort_key, 20)",
    "CREATE INDEX idempotency_expiry ON idempotency (expires_at)",
)

# The streak's rest day (one missed day a week is forgiven): the last day forgiven.
_V5: tuple[Statement, ...] = ("ALTER TABLE user_data ADD COLUMN last_rest_day TEXT",)


def field_time_indexes(table: str, fields: tuple[str, ...]) -> dict[str, str]:
    """Index name -> DDL (without the name) for a page filtered by equality on a field:
    (user, field, sort_key, id), the whole ORDER BY of `SqliteStore.list`, so SQLite
    never prefers the user_time index and filters every row the user has (a chat page
    read all the user's messages). FROZEN once version 6 ships."""
    return {
        f"{table}_user_{column}_time": (
            f'INDEX ON {table} (user_id, "{column}", sort_key DESC, id DESC)'
        )
        for column in fields
    }


def field_time_sql(table: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """Version 6's change for one table: the field+time indexes replace the field ones."""
    creates = tuple(
        f"CREATE {sql.replace('INDEX', f'INDEX {name}', 1)}"
        for name, sql in field_time_indexes(table, fields).items()
    )
    return (*creates, *(f"DROP INDEX {table}_user_{column}" for column in fields))


# Pages filtered on a field (a chat's messages, one instrument's results) get an index
# that also orders them, replacing the (user, field, sort_key) one.
_V6: tuple[Statement, ...] = (
    *field_time_sql("assessments", ("instrument",)),
    *field_time_sql("chat_messages", ("sessionId",)),
)
_V6_FIELDS = {"assessments": ("instrument",), "chat_messages": ("sessionId",)}

# The mood trend sums a day's moods from an index, not from each entry's JSON: a virtual
# column (computed, never stored in the row) and an index that stores it. See
# SqliteStore.totals_between and NUMBER_COLUMNS.
_V7: tuple[Statement, ...] = (
    "ALTER TABLE mood_journal ADD COLUMN mood_n GENERATED ALWAYS AS "
    "(json_extract(doc, '$.mood')) VIRTUAL",
    "CREATE INDEX mood_journal_user_time_mood ON mood_journal (user_id, sort_key, mood_n)",
)
# (table, field) -> the version 7 column holding that field, for SqliteStore.totals_between.
NUMBER_COLUMNS = {("mood_journal", "mood"): "mood_n"}

# Facts about the store itself: `encryption` (store/sealing.py) holds how its data key is kept.
_V8: tuple[Statement, ...] = (
    "CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

# The search index (store/sqlite_search.py): an FTS5 table, which entry each of its rows
# is, the triggers that keep both in step with every write, and every existing entry
# indexed (unless the store is encrypted).
_V9_SEARCHED: tuple[sqlite_search.Searched, ...] = (
    ("mood_journal", ("text", "tags"), "at"),
    ("gratitude", ("items",), "at"),
    ("chat_sessions", ("summary",), "startedAt"),
    ("chat_messages", ("content",), "at"),
)
_V9: tuple[Statement, ...] = (
    *sqlite_search.tables_sql(),
    *chain.from_iterable(sqlite_search.triggers_sql(*searched) for searched in _V9_SEARCHED),
    *sqlite_search.backfill_sql(_V9_SEARCHED),
)

# FROZEN: (version, statements) as shipped. Append a version; never edit a shipped one.
SHIPPED: tuple[tuple[int, tuple[Statement, ...]], ...] = (
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
    (5, _V5),
    (6, _V6),
    (7, _V7),
    (8, _V8),
    (9, _V9),
)


def run(db: sqlite3.Connection, statements: tuple[Statement, ...]) -> None:
    """Execute a migration's statements in order (inside the caller's transaction)."""
    for statement in statements:
        if isinstance(statement, str):
            db.execute(statement)
        else:
            db.execute(*statement)


def digest(statements: tuple[Statement, ...]) -> str:
    """A hash of a migration's exact text and parameters, recorded once it ships."""
    return hashlib.sha256(json.dumps(statements).encode()).hexdigest()


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = tuple(
    partial(run, statements=statements) for _, statements in SHIPPED
)
LATEST = len(MIGRATIONS)


def _kind_columns(kind: Kind) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(dict.fromkeys((*kind.fields, *kind.unique))), kind.unique


def missing_kinds(db: sqlite3.Connection) -> list[Kind]:
    """Registry kinds that have no table yet (one read of the schema)."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [k for k in KINDS.values() if k.name not in tables]


def kind_table_sql(kind: Kind) -> tuple[str, ...]:
    """The table and indexes `ensure_kinds` makes for a kind: the frozen helper, then
    version 6's field+time indexes for its equality fields."""
    search = kind.search
    return (
        *entry_table_sql(kind.name, *_kind_columns(kind)),
        *field_time_sql(kind.name, kind.fields),
        *(sqlite_search.triggers_sql(kind.name, search.fields, search.at) if search else ()),
    )


def searched_kinds() -> tuple[sqlite_search.Searched, ...]:
    """Every kind the index holds now, for rebuilding it (`encryption disable`)."""
    return tuple((k.name, k.search.fields, k.search.at) for k in KINDS.values() if k.search)


def ensure_kinds(db: sqlite3.Connection) -> None:
    """Give every registry kind without a table one (inside the caller's transaction)."""
    for kind in missing_kinds(db):
        run(db, kind_table_sql(kind))


def _after_v6(table: str, indexes: dict[str, str], fields: dict[str, tuple[str, ...]]) -> list[str]:
    """Index names once version 6 replaced the field indexes by field+time ones."""
    columns = fields.get(table, ())
    dropped = {f"{table}_user_{c}" for c in columns}
    return [n for n in indexes if n not in dropped] + list(field_time_indexes(table, columns))


def expected_indexes() -> dict[str, list[str]]:
    """Every index the migrations and `ensure_kinds` create, per table (for doctor)."""
    expected: dict[str, list[str]] = {"auth_secrets": ["auth_secrets_user"]}
    for table, extra, unique in _V1_ENTRY_TABLES:
        expected[table] = _after_v6(table, entry_indexes(table, extra, unique), _V6_FIELDS)
    expected["idempotency"] = ["idempotency_user_time", "idempotency_unique"]  # version 2
    for kind in KINDS.values():
        if kind.name not in expected:
            indexes = entry_indexes(kind.name, *_kind_columns(kind))
            expected[kind.name] = _after_v6(kind.name, indexes, {kind.name: kind.fields})
    expected["idempotency"].append("idempotency_expiry")  # version 4
    expected["mood_journal"].append("mood_journal_user_time_mood")  # version 7
    expected["login_failures"] = ["login_failures_key", "login_failures_expiry"]
    expected[sqlite_search.ENTRIES] = [f"{sqlite_search.ENTRIES}_entry"]  # version 9
    return expected
