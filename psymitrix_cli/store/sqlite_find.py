"""Reading the SQLite search index (store/sqlite_search.py): `search`, and a list's
`--search` (Query.match), as a mixin of SqliteStore.

Both read FTS5 newest first by rowid (the entry's time) and stop at the page, so the
cost follows the page, not the history. An encrypted store has no index (an index of
plaintext would undo the encryption): `search` then decrypts the newest `SCAN_LIMIT`
entries of each kind and matches them here (`Hits.partial` says so), and a list's
`--search` reads the whole list, as it did before the index (store/sealing.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from psymitrix_cli.store.base import Doc, Hits, Kind, Query, Read, one_by_one
from psymitrix_cli.store.sealing import Sealer, open_doc
from psymitrix_cli.store.sqlite_search import ENTRIES, FTS, since_rowid, until_rowid

if TYPE_CHECKING:
    from psymitrix_cli.domain.search import SearchQuery

SCAN_LIMIT = 5000  # entries of each kind an encrypted store decrypts for one search
# CROSS JOIN fixes the order: the FTS index drives (newest first, stopping at the page),
# each match is looked up by primary key, never a scan of the user's rows to sort.
_JOIN = f"FROM {FTS} CROSS JOIN {ENTRIES} e ON e.id = {FTS}.rowid"


def _spec(kind: Kind) -> Any:
    assert kind.search is not None, f"{kind.name} is not searchable"
    return kind.search


class SqliteFind:
    _db: sqlite3.Connection
    _sealer: Sealer | None

    def _where(self, kind: Kind, query: Query, table: str = "") -> tuple[str, list[Any]]:
        raise NotImplementedError  # SqliteStore's

    def list(self, kind: Kind, query: Query) -> list[Doc]:
        raise NotImplementedError  # SqliteStore's

    def read_many(self, reads: Sequence[Read]) -> list[Any]:
        """Each read as its own query: an embedded database has no round trip to save."""
        return one_by_one(self, reads)

    def _opened(self, kind: Kind, texts: list[str]) -> list[Doc]:
        docs = [json.loads(t) for t in texts]
        if self._sealer is not None and kind.sealed:
            return [open_doc(self._sealer, kind, d) for d in docs]
        return docs

    # --- a list's --search ------------------------------------------------------------
    def _indexed_where(self, kind: Kind, query: Query) -> tuple[str, list[Any]]:
        """The join's WHERE: the match, this kind and user, and the list's own filters."""
        assert query.match is not None
        where, params = self._where(kind, replace(query, match=None), table=kind.name)
        clauses = [f"{FTS} MATCH ?", "e.kind = ?", "e.user_id = ?", where]
        values: list[Any] = [query.match.fts5(), kind.name, query.user_id, *params]
        if _spec(kind).at == kind.sort:  # the time bounds as rowid ranges of the FTS index
            if isinstance(query.since, str):
                clauses.append(f"{FTS}.rowid >= ?")
                values.append(since_rowid(query.since))
            if isinstance(query.until, str):
                clauses.append(f"{FTS}.rowid < ?")
                values.append(until_rowid(query.until))
        return " AND ".join(clauses), values

    def _match_list(self, kind: Kind, query: Query) -> list[Doc]:
        where, params = self._indexed_where(kind, query)
        order = "ASC" if query.ascending else "DESC"
        if query.before is not None:
            # The page after the cursor's entry in the index's order; an entry deleted
            # since is placed by its time.
            op = ">" if query.ascending else "<"
            value = query.before[0]
            fallback = since_rowid(value) if isinstance(value, str) else 0
            where += (
                f" AND {FTS}.rowid {op} COALESCE("
                f"(SELECT id FROM {ENTRIES} WHERE kind = ? AND entry_id = ?), ?)"
            )
            params += [kind.name, query.before[1], fallback]
        rows = self._db.execute(
            f"SELECT {kind.name}.doc {_JOIN} CROSS JOIN {kind.name} ON {kind.name}.id = e.entry_id "
            f"WHERE {where} ORDER BY {FTS}.rowid {order} LIMIT ? OFFSET ?",
            (*params, query.limit, query.offset),
        ).fetchall()
        return self._opened(kind, [r[0] for r in rows])

    def _match_count(self, kind: Kind, query: Query) -> int:
        where, params = self._indexed_where(kind, query)
        row = self._db.execute(
            f"SELECT COUNT(*) {_JOIN} CROSS JOIN {kind.name} ON {kind.name}.id = e.entry_id "
            f"WHERE {where}",
            params,
        ).fetchone()
        return int(row[0])

    # --- psymitrix search -------------------------------------------------------------
    def search(
        self,
        kinds: Any,
        user_id: str,
        match: SearchQuery,
        since: str | None,
        until: str | None,
        limit: int,
    ) -> Hits:
        kinds = [k for k in kinds if k.search]
        if not kinds or limit <= 0:
            return Hits([])
        if self._sealer is not None:
            return self._scan(kinds, user_id, match, since, until, limit)
        clauses = [f"{FTS} MATCH ?", "e.user_id = ?"]
        params: list[Any] = [match.fts5(), user_id]
        clauses.append(f"e.kind IN ({', '.join('?' * len(kinds))})")
        params += [k.name for k in kinds]
        if since is not None:
            clauses.append(f"{FTS}.rowid >= ?")
            params.append(since_rowid(since))
        if until is not None:
            clauses.append(f"{FTS}.rowid < ?")
            params.append(until_rowid(until))
        rows = self._db.execute(
            f"SELECT e.kind, e.entry_id {_JOIN} WHERE {' AND '.join(clauses)} "
            f"ORDER BY {FTS}.rowid DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        by_name = {k.name: k for k in kinds}
        docs: dict[tuple[str, str], Doc] = {}
        for name in {r[0] for r in rows}:
            ids = [r[1] for r in rows if r[0] == name]
            marks = ", ".join("?" * len(ids))
            # `+user_id`: checked on each row, never an index to read (the ids are the
            # primary key's; the user's index would read every entry of theirs).
            texts = self._db.execute(
                f"SELECT doc FROM {name} WHERE id IN ({marks}) AND +user_id = ?", (*ids, user_id)
            ).fetchall()
            for doc in self._opened(by_name[name], [t[0] for t in texts]):
                docs[(name, doc["_id"])] = doc
        found = [(by_name[n], docs[(n, i)]) for n, i in rows if (n, i) in docs]
        return Hits(found)

    def _scan(
        self,
        kinds: list[Kind],
        user_id: str,
        match: SearchQuery,
        since: str | None,
        until: str | None,
        limit: int,
    ) -> Hits:
        """An encrypted store: the newest SCAN_LIMIT entries of each kind, decrypted and
        matched here."""
        from psymitrix_cli.domain.search_rank import matches_text  # only searches load it

        found: list[tuple[Kind, Doc]] = []
        for kind in kinds:
            spec = _spec(kind)
            rows = self._newest(kind, user_id, since, until)
            found += [(kind, d) for d in rows if matches_text(match, spec.indexed(d))]
        found.sort(key=lambda pair: (str(pair[1].get(_spec(pair[0]).at)), pair[1]["_id"]))
        found.reverse()
        return Hits(found[:limit], partial=True, scanned=SCAN_LIMIT)

    def _newest(self, kind: Kind, user_id: str, since: str | None, until: str | None) -> list[Doc]:
        at = _spec(kind).at
        if at == kind.sort:
            return self.list(
                kind, Query(user_id=user_id, limit=SCAN_LIMIT, since=since, until=until)
            )
        # A time that is not the sort column (a chat message's): read from the JSON.
        value = f"json_extract(doc, '$.{at}')"
        clauses, params = ["user_id = ?"], [user_id]
        if since is not None:
            clauses.append(f"{value} >= ?")
            params.append(since)
        if until is not None:
            clauses.append(f"{value} < ?")
            params.append(until)
        rows = self._db.execute(
            f"SELECT doc FROM {kind.name} WHERE {' AND '.join(clauses)} "
            f"ORDER BY {value} DESC, id DESC LIMIT ?",
            (*params, SCAN_LIMIT),
        ).fetchall()
        return self._opened(kind, [r[0] for r in rows])
