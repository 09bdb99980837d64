"""Shipped migrations are frozen: their text is recorded here, and it is what the store runs.

A database made by an older release has run the old text, so a shipped migration edited
in place would give new and old databases different schemas without anyone noticing.
A schema change appends a version; once it ships, record its digest below.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from psymitrix_cli.store import mongo_schema, sqlite_schema
from psymitrix_cli.store.base import KINDS
from psymitrix_cli.store.sqlite import SqliteStore
from psymitrix_cli.store.sqlite_search import FTS

FTS5_SHADOWS = {"data", "idx", "content", "docsize", "config"}

# version -> digest of its statements, as shipped. Never edit a line: append one.
SQLITE_SHIPPED = {
    1: "eb49ca9c9d1ff604562d42245f36f46351f8de30e917f9757a349deb01f4dc30",
    2: "d393c244147eb336bb0b728fbf1a6a85a490580af8b8ad5044c4be2d5a25eb16",
    3: "000d2d7a5a4a16926ab7d08e34a5650526d253fa36acce8cb54e9ad5f50902eb",
    4: "a1e6351a7af66259152277a670427c9bc6f786abdf8d009eaacee12a8296d136",
    5: "9eac3f995b18d75487fef373af0524eab8af43dfceaa162de90b4d954e7ad75a",
    6: "50aac26fbbb11f68485917e61eb3da3a4c3f67b3e67ab03d9fba879aeac880c3",
    7: "fa81011109e685c530e61162e1b08cf09cfe520c56de060b72adb7e043d53d99",
    8: "8ed516d0b6e6a8a8e7025eb53178a752e32e1778ccd845d9b823de5ca69d0adf",
    9: "b48e2a653f5b7b624f0440a7886d2361fec18ab30a9b4907423bb73c207181da",
}
# version -> digest of the indexes it creates, as shipped.
MONGO_SHIPPED = {
    1: "9535f49a61e842f200ca8a1f491e1927f324804d27525e8bd0c6769d92acf4d1",
    2: "a38bce8fc757c3e380a1636da61c620721e342c672e815a54fab83585d29be71",
    3: "45d6f13ce8c634b577a0c1515a9c265210122c022a660f1680eded5737bf4e83",
    4: "aa63159d918f753525ed6552d2d5e07b38e70b34270cd357e5dda0e5be4a0af2",
}
CHANGED = "a shipped migration changed: put the change in a new version instead"


def test_shipped_sqlite_migrations_are_unchanged() -> None:
    versions = [version for version, _ in sqlite_schema.SHIPPED]
    assert versions == list(range(1, sqlite_schema.LATEST + 1))
    assert len(sqlite_schema.MIGRATIONS) == sqlite_schema.LATEST
    got = {version: sqlite_schema.digest(sql) for version, sql in sqlite_schema.SHIPPED}
    assert got.keys() == SQLITE_SHIPPED.keys(), "record the new version's digest here"
    assert got == SQLITE_SHIPPED, CHANGED


def test_shipped_mongo_indexes_are_unchanged() -> None:
    assert len(mongo_schema.SHIPPED_INDEXES) == mongo_schema.LATEST
    got = {n: mongo_schema.digest(s) for n, s in enumerate(mongo_schema.SHIPPED_INDEXES, 1)}
    assert got.keys() == MONGO_SHIPPED.keys(), "record the new version's digest here"
    assert got == MONGO_SHIPPED, CHANGED


def test_the_digest_sees_any_edit() -> None:
    version_1 = sqlite_schema.SHIPPED[0][1]
    assert sqlite_schema.digest(version_1[:-1]) != SQLITE_SHIPPED[1]
    assert sqlite_schema.digest((version_1[0] + " ", *version_1[1:])) != SQLITE_SHIPPED[1]
    # The frozen entry-table helper is part of version 1's text, so editing it shows too.
    assert set(sqlite_schema.entry_table_sql("sleep", ("date",), ("date",))) <= set(version_1)


def _named(statements: list[str]) -> dict[str, str]:
    """Name -> statement, for the CREATE TABLE, INDEX and TRIGGER statements."""
    out = {}
    pattern = r"CREATE (?:UNIQUE |VIRTUAL )?(?:TABLE|INDEX|TRIGGER) (\w+)"
    for statement in statements:
        if match := re.match(pattern, statement):
            out[match[1]] = statement
    return out


def test_a_new_database_has_exactly_the_shipped_schema(tmp_path: Path) -> None:
    """The recorded text is what runs: every shipped CREATE is in a new file verbatim
    (SQLite keeps the statement as written), and the only other tables and indexes are
    those of kinds newer than the migrations, made by the frozen helper."""
    SqliteStore(tmp_path / "x.db").close()
    db = sqlite3.connect(tmp_path / "x.db")
    query = "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
    made = dict(db.execute(query).fetchall())
    db.close()
    # FTS5 makes the shadow tables of its virtual table itself (version 9's search index).
    shadows = {n for n in made if n.startswith(f"{FTS}_") and n[len(FTS) + 1 :] in FTS5_SHADOWS}
    assert len(shadows) == len(FTS5_SHADOWS), "the search index has its FTS5 tables"
    made = {n: sql for n, sql in made.items() if n not in shadows}
    statements = [s for _, sql in sqlite_schema.SHIPPED for s in sql if isinstance(s, str)]
    shipped = _named(statements)
    new_kinds = [kind for kind in KINDS.values() if kind.name not in shipped]
    newer = _named([s for kind in new_kinds for s in sqlite_schema.kind_table_sql(kind)])
    assert newer, "the registry has kinds newer than the migrations (the activity log)"
    every = [*statements, *(s for kind in new_kinds for s in sqlite_schema.kind_table_sql(kind))]
    dropped = {m[1] for s in every if (m := re.match(r"DROP INDEX (\w+)", s))}
    assert dropped, "version 6 replaced the field indexes"
    assert set(made) == (set(shipped) | set(newer) | {"schema_migrations"}) - dropped
    altered = {m[1] for s in statements if (m := re.match(r"ALTER TABLE (\w+)", s))}
    # ALTER TABLE rewrites the stored CREATE TABLE
    assert altered == {"idempotency", "user_data", "mood_journal"}
    for name, statement in {**shipped, **newer}.items():
        if name not in altered | dropped:
            assert made[name] == statement, name
