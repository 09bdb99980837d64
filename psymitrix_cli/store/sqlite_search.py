"""The SQLite search index: one FTS5 table for every searchable kind, kept by triggers.

- `search_fts(body)`: FTS5 (`unicode61`, accents folded) over each entry's searched
  fields (`SearchSpec.fields`, joined by spaces), one row per entry.
- `search_entries(id, user_id, kind, entry_id)`: which entry each FTS row is. Its `id`
  is the FTS rowid, made from the entry's time (`SearchSpec.at`): milliseconds since
  1970 times 2^20, plus a counter for entries in the same millisecond. So the FTS
  index's own rowid order is newest first: a search reads matches newest first and stops
  at the page (`ORDER BY rowid DESC LIMIT n`), and --since/--until are rowid ranges.
- Triggers on every searchable table (`AFTER INSERT/UPDATE/DELETE`) write both, so an
  add, edit, delete, import, a chat's messages and summary, and an account's deletion
  (its rows go by ON DELETE CASCADE, which fires the triggers) all keep the index in step,
  in the writing transaction, whichever code path writes.
- Encryption (store/sealing.py): while `store_meta` has an `encryption` row the triggers
  index nothing, `enable` empties the index (a new FTS table, then VACUUM), and `disable`
  rebuilds it. An index of plaintext would undo the encryption; an encrypted store is
  searched by decrypting its newest entries instead (SqliteStore.search).

The SQL here is FROZEN once version 9 ships (sqlite_schema.py): a change is a new helper
and a new version, never an edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from psymitrix_cli.clock import parse_iso

FTS = "search_fts"
ENTRIES = "search_entries"
TOKENIZER = "unicode61 remove_diacritics 2"
SLOT = 1 << 20  # rowids per millisecond
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ENCRYPTED = "EXISTS (SELECT 1 FROM store_meta WHERE name = 'encryption')"
# (table, searched fields, time field) as of version 9.
Searched = tuple[str, tuple[str, ...], str]


def fts_sql() -> str:
    """FROZEN."""
    return (
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def tables_sql() -> tuple[str, ...]:
    """The index's tables and the trigger that drops an FTS row with its entry. FROZEN."""
    return (
        fts_sql(),
        f"""CREATE TABLE {ENTRIES} (
            id INTEGER PRIMARY KEY,
            user_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            entry_id TEXT NOT NULL
        )""",
        f"CREATE UNIQUE INDEX {ENTRIES}_entry ON {ENTRIES} (kind, entry_id)",
        f"CREATE TRIGGER {ENTRIES}_delete AFTER DELETE ON {ENTRIES} "
        f"BEGIN DELETE FROM {FTS} WHERE rowid = old.id; END",
    )


def _base(at: str) -> str:
    """The first rowid of the millisecond of ISO time `at` (NULL when it is not one)."""
    return (
        f"((CAST(strftime('%s', {at}) AS INTEGER) * 1000 "
        f"+ CAST(substr({at}, 21, 3) AS INTEGER)) * {SLOT})"
    )


def _field(doc: str, name: str) -> str:
    """A field's text: a string as it is, a list's strings joined; '' for anything else
    (absent, or sealed: an encrypted value is an object)."""
    path = f"'$.{name}'"
    return (
        f"COALESCE(CASE json_type({doc}, {path}) WHEN 'text' THEN json_extract({doc}, {path}) "
        f"WHEN 'array' THEN (SELECT group_concat(value, ' ') FROM json_each({doc}, {path}) "
        "WHERE type = 'text') END, '')"
    )


def body_sql(doc: str, fields: tuple[str, ...]) -> str:
    return " || ' ' || ".join(_field(doc, name) for name in fields)


def _index_new(table: str, fields: tuple[str, ...], at: str) -> str:
    """Index the row `new` (nothing while the store is encrypted)."""
    when = f"json_extract(new.doc, '$.{at}')"
    return (
        f"INSERT INTO {ENTRIES} (id, user_id, kind, entry_id) "
        f"SELECT COALESCE((SELECT MAX(id) + 1 FROM {ENTRIES} "
        f"WHERE id >= b AND id < b + {SLOT}), b), "
        f"new.user_id, '{table}', new.id FROM (SELECT {_base(when)} AS b) WHERE NOT {ENCRYPTED}; "
        f"INSERT INTO {FTS} (rowid, body) SELECT id, {body_sql('new.doc', fields)} "
        f"FROM {ENTRIES} WHERE kind = '{table}' AND entry_id = new.id;"
    )


def triggers_sql(table: str, fields: tuple[str, ...], at: str) -> tuple[str, ...]:
    """The three triggers that keep one table's rows in the index. FROZEN."""
    unindex = f"DELETE FROM {ENTRIES} WHERE kind = '{table}' AND entry_id = old.id;"
    changed = (
        f"{body_sql('old.doc', fields)} IS NOT {body_sql('new.doc', fields)} "
        f"OR json_extract(old.doc, '$.{at}') IS NOT json_extract(new.doc, '$.{at}') "
        f"OR NOT EXISTS (SELECT 1 FROM {ENTRIES} WHERE kind = '{table}' AND entry_id = new.id)"
    )
    return (
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} "
        f"BEGIN {_index_new(table, fields, at)} END",
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF doc ON {table} WHEN {changed} "
        f"BEGIN {unindex} {_index_new(table, fields, at)} END",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {unindex} END",
    )


def backfill_sql(searched: Iterable[Searched]) -> tuple[str, ...]:
    """Index every existing row of these tables into an empty index (a migration, or
    `disable` rebuilding it): rowids numbered within each millisecond. FROZEN."""
    searched = tuple(searched)
    rows = " UNION ALL ".join(
        f"SELECT {_base(f'json_extract(doc, {chr(39)}$.{at}{chr(39)})')} AS b, user_id, "
        f"'{table}' AS kind, id AS entry_id FROM {table}"
        for table, _, at in searched
    )
    numbered = (
        f"INSERT INTO {ENTRIES} (id, user_id, kind, entry_id) "
        "SELECT b + ROW_NUMBER() OVER (PARTITION BY b ORDER BY kind, entry_id) - 1, "
        f"user_id, kind, entry_id FROM ({rows}) WHERE NOT {ENCRYPTED}"
    )
    bodies = tuple(
        f"INSERT INTO {FTS} (rowid, body) SELECT e.id, {body_sql('t.doc', fields)} "
        f"FROM {ENTRIES} e JOIN {table} t ON t.id = e.entry_id WHERE e.kind = '{table}'"
        for table, fields, _ in searched
    )
    return (numbered, *bodies)


def emptied_sql() -> tuple[str, ...]:
    """An empty index, with no word of the old one left in its pages (`encryption
    enable`; VACUUM follows)."""
    return (f"DROP TABLE {FTS}", fts_sql(), f"DELETE FROM {ENTRIES}")


# --- reading it ---------------------------------------------------------------------------
def _millis(value: str) -> tuple[int, bool]:
    """Milliseconds since 1970 of ISO time `value` (floored), and whether it is exact."""
    since_epoch = parse_iso(value) - EPOCH
    return since_epoch // timedelta(milliseconds=1), since_epoch % timedelta(milliseconds=1) == 0


def since_rowid(value: str) -> int:
    """Rowids at or above this are at or after `value` (day bounds are exact)."""
    return _millis(value)[0] * SLOT


def until_rowid(value: str) -> int:
    """Rowids below this are before `value` (or in its millisecond, when it is not whole)."""
    millis, exact = _millis(value)
    return (millis if exact else millis + 1) * SLOT
