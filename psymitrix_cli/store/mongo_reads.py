"""MongoDB's `read_many` and `caller` (store/base.py): several reads as one aggregation.

Each read becomes a pipeline on its own collection (the same filter, sort and limit as
its single call, so the same index range), tagged with its place in the list; the
first runs on its collection and every other joins with `$unionWith` (MongoDB 4.4+).
The answers are sorted out here by tag. A keyset page or a search, which `list` walks
on the client (store/mongo.py), is still sent on its own.

`caller` is the read every command starts with: the schema document, the user, their
user_data and the revoked-token row, one aggregation on `schema_version`. A store
opened with `check_schema=False` (the CLI's) checks the schema here instead of in a
read of its own: the user is not trusted, and nothing is written, before the version
is known to be current.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.store import mongo_schema
from psymitrix_cli.store.base import (
    Caller,
    Doc,
    Entry,
    Kind,
    Page,
    Query,
    Read,
    Totals,
    UserData,
    one,
)
from psymitrix_cli.store.mongo_schema import entry_filter
from psymitrix_cli.store.server_state import REVOKED, revoked_key

TAG = "__read"  # which read a document answers; dropped before anyone sees it


def totals_pipeline(
    kind: Kind, user_id: str, field: str | None, bounds: Sequence[str]
) -> list[Doc]:
    """totals_between's aggregation: $match on the (userId, sort) index range, then $bucket
    by the bounds, counting and summing only numbers.

    The range's lower end is sent as `$gt` the instant before it (times are fixed-width
    ISO strings, `clock.iso`): SecantusDB drops rows equal to a `$gte` bound on a
    descending index field (see mongo_schema.entry_filter) and scans the whole
    collection for a bound under $and. A second $match keeps `$gte` exact for any
    value; MongoDB merges the two into one set of index bounds."""
    before = iso(parse_iso(bounds[0]) - timedelta(microseconds=1))
    match = {"userId": user_id, kind.sort: {"$gt": before, "$lt": bounds[-1]}}
    number = {"$isNumber": f"${field}"} if field else True  # None: every entry counts
    return [
        {"$match": match},
        {"$match": {kind.sort: {"$gte": bounds[0]}}},
        {
            "$bucket": {
                "groupBy": f"${kind.sort}",
                "boundaries": list(bounds),
                "default": "outside",
                "output": {
                    "n": {"$sum": {"$cond": [number, 1, 0]}},
                    "total": {"$sum": {"$cond": [number, f"${field}", 0]} if field else 0},
                },
            }
        },
    ]


def totals_of(rows: Sequence[Doc], bounds: Sequence[str]) -> list[tuple[int, float]]:
    out = [(0, 0.0)] * (len(bounds) - 1)
    index = {bound: i for i, bound in enumerate(bounds[:-1])}
    for row in rows:
        if row["_id"] in index:
            out[index[row["_id"]]] = (int(row["n"]), float(row["total"]))
    return out


def page_pipeline(kind: Kind, query: Query) -> list[Doc]:
    """list's find (a plain page) as pipeline stages: the same filter, order and bounds."""
    direction = 1 if query.ascending else -1
    stages: list[Doc] = [
        {"$match": entry_filter(kind, query, paged=True)},
        {"$sort": {kind.sort: direction, "_id": direction}},
    ]
    if query.offset > 0:
        stages.append({"$skip": query.offset})
    if query.limit > 0:  # as find's limit(0): no limit
        stages.append({"$limit": query.limit})
    return stages


def _batched(read: Read) -> bool:
    """What one aggregation can answer exactly as the single call does."""
    if isinstance(read, Page):
        q = read.query
        return q.before is None and q.match is None and q.limit != 0
    if isinstance(read, Totals):
        return len(read.bounds) > 1
    return True


class MongoReads:
    _db: Any
    _schema_checked: bool

    def _translate(self, exc: Exception, connecting: bool = False) -> Any:
        raise NotImplementedError  # MongoStore's

    def _check_schema(self, doc: Doc | None = None) -> None:
        raise NotImplementedError  # MongoStore's

    def _user_out(self, doc: Doc | None) -> Doc | None:
        raise NotImplementedError  # MongoStore's

    def _data_out(self, doc: Doc | None) -> Doc | None:
        raise NotImplementedError  # MongoStore's

    def _entry_out(self, doc: Doc) -> Doc:
        raise NotImplementedError  # MongoStore's

    # --- one aggregation ---------------------------------------------------------------
    def _pipeline(self, read: Read) -> tuple[str, list[Doc]]:
        if isinstance(read, UserData):
            return "user_data", [{"$match": {"userId": read.user_id}}, {"$limit": 1}]
        if isinstance(read, Page):
            return read.kind.name, page_pipeline(read.kind, read.query)
        if isinstance(read, Totals):
            return read.kind.name, totals_pipeline(read.kind, read.user_id, read.field, read.bounds)
        assert isinstance(read, Entry)
        match = {"_id": read.entry_id, "userId": read.user_id}
        return read.kind.name, [{"$match": match}, {"$limit": 1}]

    def _aggregate(self, parts: Sequence[tuple[str, list[Doc]]]) -> list[list[Doc]]:
        """Run the pipelines as one aggregation; each one's documents, in order."""
        tagged = [
            (coll, [*stages, {"$addFields": {TAG: i}}]) for i, (coll, stages) in enumerate(parts)
        ]
        first, pipeline = tagged[0]
        pipeline = [*pipeline, *({"$unionWith": {"coll": c, "pipeline": p}} for c, p in tagged[1:])]
        out: list[list[Doc]] = [[] for _ in parts]
        for doc in self._db[first].aggregate(pipeline):
            out[doc.pop(TAG)].append(doc)
        return out

    def _answer(self, read: Read, docs: list[Doc]) -> Any:
        if isinstance(read, UserData):
            return self._data_out(docs[0] if docs else None)
        if isinstance(read, Totals):
            return totals_of(docs, read.bounds)
        if isinstance(read, Entry):
            return self._entry_out(docs[0]) if docs else None
        # $unionWith does not promise its order, so the page is put back in the index's.
        kind, descending = read.kind, not read.query.ascending
        with contextlib.suppress(TypeError):  # mixed types: keep the order the server sent
            docs.sort(key=lambda d: (d.get(kind.sort), d["_id"]), reverse=descending)
        return [self._entry_out(d) for d in docs]

    def read_many(self, reads: Sequence[Read]) -> list[Any]:
        from pymongo.errors import PyMongoError

        if not self._schema_checked:
            self._check_schema()
        batched = [i for i, read in enumerate(reads) if _batched(read)]
        out: list[Any] = [None] * len(reads)
        try:
            if batched:
                found = self._aggregate([self._pipeline(reads[i]) for i in batched])
                for i, docs in zip(batched, found, strict=True):
                    out[i] = self._answer(reads[i], docs)
        except PyMongoError as exc:
            raise self._translate(exc) from None
        for i, read in enumerate(reads):
            if i not in batched:
                out[i] = one(self, read)
        return out

    def caller(self, user_id: str, token_id: str, with_data: bool = True) -> Caller:
        from pymongo.errors import PyMongoError

        revoked = {"_id": revoked_key(token_id), "userId": user_id, "purpose": REVOKED}
        parts = [
            (
                mongo_schema.SCHEMA_COLLECTION,
                [
                    {"$match": {"_id": mongo_schema.SCHEMA_ID}},
                    {"$project": {"version": 1, "kinds": 1}},
                ],
            ),
            ("users", [{"$match": {"_id": user_id}}, {"$limit": 1}]),
            ("auth_secrets", [{"$match": revoked}, {"$project": {"_id": 1}}, {"$limit": 1}]),
        ]
        if with_data:
            parts.append(("user_data", [{"$match": {"userId": user_id}}, {"$limit": 1}]))
        try:
            found = self._aggregate(parts)
        except PyMongoError as exc:
            raise self._translate(exc) from None
        if not self._schema_checked:
            schema = found[0][0] if found[0] else {}
            if int(schema.get("version", 0)) != mongo_schema.LATEST:
                self._check_schema()  # migrates, waits for another migrator, or refuses
                return self.caller(user_id, token_id, with_data)  # as the new schema has it
            self._check_schema(schema)
        user = self._user_out(found[1][0] if found[1] else None)
        if user is None:
            return Caller(None, None, False)
        data = self._data_out(found[3][0] if with_data and found[3] else None)
        return Caller(user, data, bool(found[2]))
