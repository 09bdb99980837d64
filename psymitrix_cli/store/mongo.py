"""The shared store: MongoDB through pymongo, holding the same documents as the SQLite store.

Documents keep the string `_id`s services generate, and times stay the fixed-width ISO
strings services write; the one exception is `auth_secrets.expiresAt`, a BSON date so a
TTL index can reap expired secrets (converted at the boundary, never returned).

Atomic steps (an entry and its counter, a user and its user_data) run in a
transaction, so counts stay exact. On MongoDB 8.0 (wire version 25) an entry and its
counter are one `bulkWrite` command inside the transaction: a round trip and the
commit, where two writes took two (`_insert_counted`). Transactions need a replica
set or a mongos, as `hello` says (`setName`, or `msg: "isdbgrid"`): a standalone
mongod is refused at open with a message saying how to make it a one-member replica
set, since without transactions a crash between two writes could leave a count off
by one. The
transaction-free path (`transactions=False`, ordered single-document writes chosen so
that a crash half-way leaves nothing that misleads a reader; each method says which
order and why) is kept for `delete_user`'s fallback when a history outgrows one
transaction, and is forced in tests so that fallback stays exact. Write and read
concerns, retries and time limits are set in mongo_client.py. pymongo is imported only
when a store is built.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from psymitrix_cli import messages
from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.config import MongoSettings
from psymitrix_cli.domain.search import SearchQuery
from psymitrix_cli.domain.search_rank import matches_text
from psymitrix_cli.errors import BackendUnavailable, Conflict, InvalidInput, PsyError
from psymitrix_cli.store import mongo_schema, mongo_search
from psymitrix_cli.store.base import COUNTERS, KINDS, Doc, Hits, Kind, Query, prefix_end
from psymitrix_cli.store.mongo_client import client_options
from psymitrix_cli.store.mongo_reads import MongoReads, totals_of, totals_pipeline
from psymitrix_cli.store.mongo_schema import (  # the URI helpers are re-exported here
    entry_filter,
    mongo_uri,
    plan_stages,
    redact_uri,
    secret_forms,
    split_uri,
)
from psymitrix_cli.store.mongo_search import TERMS, touches, with_terms, without_terms
from psymitrix_cli.store.mongo_state import MongoServerState, _mapped

__all__ = ["MongoStore", "mongo_uri", "plan_stages", "redact_uri"]

USER_FIELDS = (
    *("_id", "name", "username", "email", "phoneNumber", "passwordHash", "timezone"),
    *("tokenVersion", "createdAt", "updatedAt"),
)
USER_DATA_FIELDS = (
    "userId",
    "visitingStreak",
    "longestStreak",
    "lastStreakUpdate",
    "lastRestDay",
    *COUNTERS,
)
_DATA_DEFAULTS: Doc = {
    "visitingStreak": 0,
    "longestStreak": 0,
    "lastStreakUpdate": None,
    "lastRestDay": None,
}
_DATA_DEFAULTS.update(dict.fromkeys(COUNTERS, 0))
# Too big or too long for one transaction (50 MaxTimeMSExpired, 290 TransactionExceededLifetime
# LimitSeconds, 334/10334 too large), or aborted under it (251 NoSuchTransaction: the server
# reaped it, e.g. past transactionLifetimeLimitSeconds).
_TX_TOO_BIG = {50, 251, 290, 334, 10334}
T = TypeVar("T")


def _plain(value: Any) -> Any:
    """BSON datetimes back to the ISO strings the rest of PsyMitrix stores."""
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _entry(doc: Doc) -> Doc:
    """A stored entry as the services see it: plain values, no search terms."""
    return _plain(without_terms(doc))


def _counter(name: str | None) -> str | None:
    if name is not None and name not in COUNTERS:
        raise KeyError(name)  # as SQLite's column lookup does, before anything is written
    return name


class MongoStore(MongoServerState, MongoReads):
    def __init__(
        self,
        settings: MongoSettings,
        *,
        transactions: bool | None = None,
        listeners: Sequence[Any] = (),
        check_schema: bool = True,
    ) -> None:
        """`transactions=None` asks the server; False forces the transaction-free path.
        `listeners` are pymongo event listeners (command monitoring, for tests).
        `check_schema=False` leaves the schema check (and any migration) to the first
        operation, so a command's first read can answer it (`caller`, mongo_reads.py)."""
        import pymongo
        from pymongo.errors import ConfigurationError, InvalidName, PyMongoError

        self._settings = settings
        self._uri = mongo_uri(settings)
        self._secrets = secret_forms(settings, self._uri)
        self.host = split_uri(self._uri)[2]
        self._schema_checked = False
        ms = settings.timeout_ms
        try:
            self._client: Any = pymongo.MongoClient(
                self._uri, **client_options(self._uri, ms), event_listeners=list(listeners)
            )
        except (ConfigurationError, ValueError) as exc:  # a bad link, or an SRV lookup failed
            text = self._scrub(str(exc))
            if isinstance(exc, ConfigurationError) and re.search("DNS|resolution|nameserver", text):
                raise BackendUnavailable(
                    messages.MONGO_HOST_UNKNOWN.format(host=self.host, text=text)
                ) from None
            raise InvalidInput(messages.MONGO_BAD_SETTINGS.format(text=text)) from None
        try:
            self._db = self._client[settings.database]
            with pymongo.timeout(ms / 1000):  # the first contact fails fast, within ms
                self._client.admin.command("ping")
                hello = self._client.admin.command("hello")
            if transactions is None:
                if not (hello.get("setName") or hello.get("msg") == "isdbgrid"):
                    raise PsyError(messages.MONGO_STANDALONE.format(host=self.host))
                transactions = True
            self._transactions = transactions
            # MongoDB 8.0 (wire version 25) writes to several collections in one command.
            self._bulk_writes = int(hello.get("maxWireVersion", 0)) >= 25
            if check_schema:
                self._check_schema()
        except BaseException as exc:
            self._client.close()
            if isinstance(exc, InvalidName):
                raise InvalidInput(
                    messages.MONGO_BAD_DATABASE_NAME.format(detail=self._scrub(str(exc)))
                ) from None
            if isinstance(exc, PyMongoError):
                raise self._translate(exc, connecting=True) from None
            raise
        self._users = self._db["users"]
        self._data = self._db["user_data"]
        self._auth = self._db["auth_secrets"]

    def _check_schema(self, doc: Doc | None = None) -> None:
        """Bring the schema to LATEST, or refuse a newer one (mongo_schema.migrate); `doc`:
        the schema document a read just returned at LATEST, so no read of its own."""
        if doc is not None and int(doc.get("version", 0)) == mongo_schema.LATEST:
            mongo_schema.ensure_kinds(self._db, doc)
        else:
            wait = max(30.0, 6 * self._settings.timeout_ms / 1000)
            mongo_schema.migrate(self._db, wait_seconds=wait)
        self._schema_checked = True

    # --- errors ---------------------------------------------------------------
    def _scrub(self, text: str) -> str:
        text = re.sub(r"mongodb(?:\+srv)?://\S+", lambda m: redact_uri(m.group(0)), text)
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def _translate(self, exc: Exception, connecting: bool = False) -> PsyError:
        from pymongo import errors

        details = getattr(exc, "details", None) or {}
        if isinstance(exc, errors.BulkWriteError | errors.ClientBulkWriteException):
            details = (details.get("writeErrors") or [{}])[0]
        if isinstance(exc, errors.DuplicateKeyError) or details.get("code") == 11000:
            keys = set(details.get("keyPattern") or {})
            if "username" in keys:
                return Conflict(messages.USERNAME_TAKEN)
            if "email" in keys:
                return Conflict(messages.EMAIL_TAKEN)
            return Conflict(messages.ENTRY_EXISTS)
        text = self._scrub(str(exc))
        unreachable = connecting or isinstance(exc, errors.ServerSelectionTimeoutError)
        if getattr(exc, "timeout", False) and not unreachable:
            # An operation past its deadline (timeoutMS on the socket, maxTimeMS, wtimeout):
            # the store is too slow or a majority is missing; as good as unreachable.
            return BackendUnavailable(messages.MONGO_TIMED_OUT.format(host=self.host, text=text))
        if isinstance(exc, errors.ConnectionFailure):  # incl. selection, reconnect, timeouts
            reason = text.split(", Timeout:")[0]
            within = (
                messages.MONGO_WITHIN.format(seconds=self._settings.timeout_ms / 1000)
                if connecting
                else ""
            )
            return BackendUnavailable(
                messages.MONGO_UNREACHABLE.format(host=self.host, within=within, reason=reason)
            )
        if isinstance(exc, errors.OperationFailure) and exc.code in (13, 18):
            return PsyError(messages.MONGO_BAD_CREDENTIALS.format(host=self.host, text=text))
        return PsyError(messages.MONGO_FAILED.format(host=self.host, text=text))

    # --- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        self._client.close()

    def describe(self) -> str:
        return f"mongo:{self.host}/{self._settings.database}"

    @_mapped
    def ping(self) -> None:
        import pymongo

        # Short, as at first contact: doctor and /readyz must answer within seconds.
        with pymongo.timeout(self._settings.timeout_ms / 1000):
            self._client.admin.command("ping")

    @property
    def transactions(self) -> bool:
        return self._transactions

    def _atomic(self, write: Callable[[Any], T]) -> T:
        """`write(session)` in a transaction (retried on transient conflicts), or as is."""
        if not self._transactions:
            return write(None)
        with self._client.start_session() as session:
            return session.with_transaction(write)

    # --- users ---------------------------------------------------------------
    def _user_out(self, doc: Doc | None) -> Doc | None:
        return None if doc is None else {k: _plain(doc.get(k)) for k in USER_FIELDS}

    def _data_out(self, doc: Doc | None) -> Doc | None:
        if doc is None:
            return None
        # A counter added to the registry after this document was made reads as 0.
        return {k: _plain(doc.get(k, _DATA_DEFAULTS.get(k))) for k in USER_DATA_FIELDS}

    def _entry_out(self, doc: Doc) -> Doc:
        return _entry(doc)

    @staticmethod
    def _user_sets(fields: Doc | None) -> Doc:
        return {k: v for k, v in (fields or {}).items() if k in USER_FIELDS and k != "_id"}

    @_mapped
    def create_user(self, user: Doc, user_data: Doc) -> None:
        user_doc = {k: user.get(k, 0 if k == "tokenVersion" else None) for k in USER_FIELDS}
        uid = user_doc["_id"]
        data = {k: v for k, v in user_data.items() if k in _DATA_DEFAULTS}
        data_doc = {"_id": uid, "userId": uid, **_DATA_DEFAULTS, **data}
        if self._transactions:

            def write(session: Any) -> None:
                self._users.insert_one(user_doc, session=session)
                self._data.insert_one(data_doc, session=session)

            return self._atomic(write)
        # user_data first (an upsert that never overwrites), then the user: a crash never
        # leaves a user without user_data; a lone user_data is unreachable and harmless.
        made = self._data.update_one({"userId": uid}, {"$setOnInsert": data_doc}, upsert=True)
        try:
            self._users.insert_one(user_doc)
        except Exception:
            if made.upserted_id is not None:
                self._data.delete_one({"_id": made.upserted_id, "userId": uid})  # shard key
            raise

    @_mapped
    def get_user(self, user_id: str) -> Doc | None:
        return self._user_out(self._users.find_one({"_id": user_id}))

    @_mapped
    def find_user(self, identifier: str) -> Doc | None:
        # Two queries, each on its own index; the username one shares the index's collation.
        doc = self._users.find_one(
            {"username": identifier}, collation=mongo_schema.USERNAME_COLLATION
        )
        return self._user_out(doc or self._users.find_one({"email": identifier.lower()}))

    @_mapped
    def update_user(self, user_id: str, fields: Doc) -> None:
        if sets := self._user_sets(fields):
            self._users.update_one({"_id": user_id}, {"$set": sets})

    @_mapped
    def bump_token_version(self, user_id: str, fields: Doc | None = None) -> int:
        from pymongo import ReturnDocument

        update: Doc = {"$inc": {"tokenVersion": 1}}
        if sets := {k: v for k, v in self._user_sets(fields).items() if k != "tokenVersion"}:
            update["$set"] = sets
        doc = self._users.find_one_and_update(
            {"_id": user_id}, update, {"tokenVersion": 1}, return_document=ReturnDocument.AFTER
        )
        return int(doc["tokenVersion"]) if doc else 0

    @_mapped
    def delete_user(self, user_id: str) -> bool:
        # Entries and secrets first, the user next, user_data last. Stopped half-way, the
        # account still exists to delete again, or only an unreachable user_data is left.
        def erase(session: Any) -> bool:
            for name in KINDS:
                self._db[name].delete_many({"userId": user_id}, session=session)
            self._auth.delete_many({"userId": user_id}, session=session)
            gone = self._users.delete_one({"_id": user_id}, session=session).deleted_count == 1
            self._data.delete_many({"userId": user_id}, session=session)
            return gone

        from pymongo.errors import OperationFailure

        try:
            return self._atomic(erase)
        except OperationFailure as exc:
            if exc.code not in _TX_TOO_BIG:
                raise
            return erase(None)  # a long history outgrew one transaction; the order is safe

    # --- user_data -------------------------------------------------------------
    @_mapped
    def get_user_data(self, user_id: str) -> Doc | None:
        return self._data_out(self._data.find_one({"userId": user_id}))

    @_mapped
    def set_streak(self, user_id: str, expected_last: str | None, fields: Doc) -> bool:
        for key in fields:
            if key not in USER_DATA_FIELDS:
                raise KeyError(key)
        sets = {k: v for k, v in fields.items() if k != "userId"}
        match = {"userId": user_id, "lastStreakUpdate": expected_last}  # None matches null
        if not sets:
            return self._data.count_documents(match, limit=1) == 1
        # One document, one atomic update: only the first writer still matches the filter.
        return self._data.update_one(match, {"$set": sets}).matched_count == 1

    @_mapped
    def increment(self, user_id: str, counter: str, by: int = 1) -> None:
        self._data.update_one({"userId": user_id}, {"$inc": {_counter(counter): by}})

    def _bump(self, session: Any, user_id: str, counter: str | None, by: int) -> None:
        if counter:
            floor = {counter: {"$gt": 0}} if by < 0 else {}  # never below zero
            match = {"userId": user_id, **floor}
            self._data.update_one(match, {"$inc": {counter: by}}, session=session)

    # --- one-time secrets --------------------------------------------------------
    @_mapped
    def add_secrets(self, docs: Sequence[Doc]) -> None:
        from pymongo.errors import BulkWriteError

        rows = []
        for d in docs:
            row = {k: d[k] for k in ("_id", "userId", "purpose", "createdAt")}
            if d.get("expiresAt") is not None:
                row["expiresAt"] = parse_iso(d["expiresAt"])  # a BSON date, for the TTL index
            rows.append({**row, "usedAt": None})
        if not rows:
            return
        if self._transactions:
            self._atomic(lambda session: self._auth.insert_many(rows, session=session))
            return
        try:
            self._auth.insert_many(rows)  # ordered: stops at the first clash
        except BulkWriteError as exc:  # all or nothing, as in SQLite: take back what got in
            done = [r["_id"] for r in rows[: exc.details.get("nInserted", 0)]]
            self._auth.delete_many({"_id": {"$in": done}})
            raise

    @_mapped
    def consume_secret(self, purpose: str, secret_hash: str, now: str) -> str | None:
        # BSON dates hold milliseconds, so an expiry in the same millisecond as `now` counts
        # as expired here, where SQLite compares microseconds.
        live = [{"expiresAt": None}, {"expiresAt": {"$gt": parse_iso(now)}}]
        match = {"_id": secret_hash, "purpose": purpose, "usedAt": None, "$or": live}
        doc = self._auth.find_one_and_update(match, {"$set": {"usedAt": now}}, {"userId": 1})
        return doc["userId"] if doc else None

    @_mapped
    def find_secret(self, purpose: str, secret_hash: str, now: str) -> str | None:
        live = [{"expiresAt": None}, {"expiresAt": {"$gt": parse_iso(now)}}]
        match = {"_id": secret_hash, "purpose": purpose, "usedAt": None, "$or": live}
        doc = self._auth.find_one(match, {"userId": 1})
        return doc["userId"] if doc else None

    @_mapped
    def delete_secrets(self, user_id: str, purpose: str) -> None:
        self._auth.delete_many({"userId": user_id, "purpose": purpose})

    # --- entries -------------------------------------------------------------------
    @_mapped
    def insert(self, kind: Kind, doc: Doc, counter: str | None = None) -> None:
        row, counter = with_terms(kind, dict(doc)), _counter(counter or kind.counter)
        if counter and self._transactions and self._bulk_writes:
            self._insert_counted(kind, row, counter)
            return

        def write(session: Any) -> None:
            # Without a transaction the insert is the commit point and the counter follows:
            # a clash never counts, a retried insert is refused by its _id before it can count
            # twice, and a crash in between leaves the counter one short, never ahead, while
            # count() stays exact.
            self._db[kind.name].insert_one(row, session=session)
            self._bump(session, row["userId"], counter, +1)

        self._atomic(write)

    def _insert_counted(self, kind: Kind, row: Doc, counter: str) -> None:
        """The entry and its count in one bulkWrite command (MongoDB 8.0) inside a
        transaction: one round trip and the commit, where two writes took two. The
        transaction reads nothing, so it is sent without a read concern (SecantusDB
        refuses one on bulkWrite); the commit still carries the majority write concern."""
        from pymongo import InsertOne, UpdateOne
        from pymongo.errors import ClientBulkWriteException, PyMongoError
        from pymongo.read_concern import ReadConcern

        name = self._db.name
        ops = [
            InsertOne(row, namespace=f"{name}.{kind.name}"),
            UpdateOne(
                {"userId": row["userId"]}, {"$inc": {counter: 1}}, namespace=f"{name}.user_data"
            ),
        ]

        def write(session: Any) -> None:
            try:
                self._client.bulk_write(ops, session=session, ordered=True)
            except ClientBulkWriteException as exc:
                # A top-level failure (a write conflict) carries the labels, such as
                # TransientTransactionError, that let with_transaction retry it.
                if isinstance(exc.error, PyMongoError):
                    raise exc.error from None
                raise

        # Not causally consistent: a retry would otherwise send afterClusterTime, a read
        # concern again.
        with self._client.start_session(causal_consistency=False) as session:
            session.with_transaction(write, read_concern=ReadConcern())

    @_mapped
    def insert_many(self, kind: Kind, docs: Sequence[Doc], counter: str | None = None) -> int:
        rows, counter = [with_terms(kind, dict(d)) for d in docs], _counter(counter or kind.counter)
        if not rows:
            return 0
        user_id = rows[0]["userId"]

        def write(session: Any) -> int:
            self._db[kind.name].insert_many(rows, ordered=True, session=session)
            self._bump(session, user_id, counter, len(rows))
            return len(rows)

        return self._atomic(write)

    @_mapped
    def replace(self, kind: Kind, user_id: str, entry_id: str, doc: Doc) -> bool:
        match = {"_id": entry_id, "userId": user_id}
        row = with_terms(kind, {**doc, **match})
        return self._db[kind.name].replace_one(match, row).matched_count == 1

    @_mapped
    def update(self, kind: Kind, user_id: str, entry_id: str, fields: Doc) -> bool:
        match = {"_id": entry_id, "userId": user_id}
        if not (sets := {k: v for k, v in fields.items() if k not in ("_id", TERMS)}):
            return self._db[kind.name].count_documents(match, limit=1) == 1
        if not touches(kind, sets):
            return self._db[kind.name].update_one(match, {"$set": sets}).matched_count == 1

        def write(session: Any) -> bool:
            # The terms follow the whole entry, so read it in the same transaction.
            doc = self._db[kind.name].find_one(match, session=session)
            if doc is None:
                return False
            terms = with_terms(kind, {**doc, **sets})[TERMS]
            update = {"$set": {**sets, TERMS: terms}}
            return self._db[kind.name].update_one(match, update, session=session).matched_count == 1

        return self._atomic(write)

    @_mapped
    def get(self, kind: Kind, user_id: str, entry_id: str) -> Doc | None:
        doc = self._db[kind.name].find_one({"_id": entry_id, "userId": user_id})
        return None if doc is None else _entry(doc)

    @_mapped
    def tag_counts(self, kind: Kind, user_id: str) -> list[tuple[str, int]]:
        pipeline = [
            {"$match": {"userId": user_id}},
            {"$unwind": "$tags"},
            {"$group": {"_id": "$tags", "n": {"$sum": 1}}},
        ]
        rows = [(str(r["_id"]), int(r["n"])) for r in self._db[kind.name].aggregate(pipeline)]
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    @_mapped
    def ids_with_prefix(self, kind: Kind, user_id: str, prefix: str, limit: int = 2) -> list[str]:
        found = self._db[kind.name].find(
            {"_id": {"$gte": prefix, "$lt": prefix_end(prefix)}, "userId": user_id},
            projection={"_id": 1},
            sort=[("_id", 1)],
            limit=limit,
        )
        return [str(d["_id"]) for d in found]

    def find_one(self, kind: Kind, user_id: str, where: Doc) -> Doc | None:
        rows = self.list(kind, Query(user_id=user_id, limit=1, where=where))
        return rows[0] if rows else None

    def _cursor(self, kind: Kind, query: Query) -> Any:
        direction = 1 if query.ascending else -1
        cursor = self._db[kind.name].find(
            entry_filter(kind, query, paged=True), sort=[(kind.sort, direction), ("_id", direction)]
        )
        if query.before is None and query.match is None:  # SQLite: LIMIT -1 is none; Mongo: 0
            return cursor.skip(max(query.offset, 0)).limit(max(query.limit, 0))
        if query.limit > 0:
            cursor.batch_size(max(query.offset, 0) + query.limit + 2)
        return cursor

    @_mapped
    def list(self, kind: Kind, query: Query) -> list[Doc]:
        if query.limit == 0:
            return []
        if query.before is None and query.match is None:
            return [_entry(doc) for doc in self._cursor(kind, query)]
        # A keyset page: the server returns the index range up to and including the cursor's
        # sort value; rows tied on that value whose _id is not past the cursor's are dropped
        # here (usually only the cursor row). The same rows as `sort < v OR (sort = v AND
        # _id < id)`, without an $or that simple planners cannot turn into index bounds.
        # A search reads the index's matches for one word and checks the rest of the query
        # on each (store/mongo_search.py), so it walks the cursor the same way.
        value, last_id = query.before or (None, "")
        skip, out = max(query.offset, 0), []
        with self._cursor(kind, query) as cursor:
            for doc in cursor:
                if (
                    query.before is not None
                    and doc.get(kind.sort) == value
                    and (doc["_id"] <= last_id if query.ascending else doc["_id"] >= last_id)
                ):
                    continue
                if not self._found(kind, query, doc):
                    continue
                if skip:
                    skip -= 1
                    continue
                out.append(_entry(doc))
                if len(out) == query.limit:
                    break
        return out

    @staticmethod
    def _found(kind: Kind, query: Query, doc: Doc) -> bool:
        if query.match is None:
            return True
        assert kind.search is not None, f"{kind.name} is not searchable"
        return matches_text(query.match, kind.search.indexed(doc))

    @_mapped
    def count(self, kind: Kind, query: Query) -> int:
        if query.match is not None:
            found = self._db[kind.name].find(entry_filter(kind, query))
            return sum(1 for doc in found if self._found(kind, query, doc))
        return self._db[kind.name].count_documents(entry_filter(kind, query))

    @_mapped
    def search(
        self,
        kinds: Sequence[Kind],
        user_id: str,
        match: SearchQuery,
        since: str | None,
        until: str | None,
        limit: int,
    ) -> Hits:
        return mongo_search.search(self._db, kinds, user_id, match, (since, until), limit, _entry)

    @_mapped
    def count_groups(
        self, kind: Kind, fields: Sequence[str], widths: Sequence[int | None]
    ) -> list[tuple[tuple[Any, ...], int]]:
        key: dict[str, Any] = {}
        for i, (name, width) in enumerate(zip(fields, widths, strict=True)):
            key[f"f{i}"] = {"$substrCP": [f"${name}", 0, width]} if width else f"${name}"
        pipeline = [{"$group": {"_id": key, "n": {"$sum": 1}}}]
        out = [
            (tuple(row["_id"].get(f"f{i}") for i in range(len(fields))), int(row["n"]))
            for row in self._db[kind.name].aggregate(pipeline)
        ]
        return sorted(out, key=lambda item: tuple(str(v) for v in item[0]))

    @_mapped
    def totals_between(
        self, kind: Kind, user_id: str, field: str | None, bounds: Sequence[str]
    ) -> list[tuple[int, float]]:
        """One aggregation over the indexed range (mongo_reads.totals_pipeline)."""
        if len(bounds) < 2:
            return []
        rows = self._db[kind.name].aggregate(totals_pipeline(kind, user_id, field, bounds))
        return totals_of(list(rows), bounds)

    @_mapped
    def delete(self, kind: Kind, user_id: str, entry_id: str, counter: str | None = None) -> bool:
        counter = _counter(counter or kind.counter)

        def write(session: Any) -> bool:
            # Without a transaction: delete, then decrement only if this call removed the
            # entry, so two racing deletes of one entry decrement once.
            match = {"_id": entry_id, "userId": user_id}
            gone = self._db[kind.name].delete_one(match, session=session).deleted_count == 1
            if gone:
                self._bump(session, user_id, counter, -1)
            return gone

        return self._atomic(write)

    @_mapped
    def delete_where(self, kind: Kind, user_id: str, where: Doc) -> int:
        match = entry_filter(kind, Query(user_id=user_id), where=where)
        return self._db[kind.name].delete_many(match).deleted_count

    # --- diagnostics (psymitrix doctor, benchmarks) ----------------------------------
    @_mapped
    def schema_version(self) -> int:
        return mongo_schema.schema_version(self._db)

    def expected_indexes(self) -> dict[str, list[str]]:
        return mongo_schema.expected_indexes()

    @_mapped
    def index_report(self) -> dict[str, list[str]]:
        """Collection → the index names the server has, for every collection the schema owns."""
        return {
            name: sorted(ix["name"] for ix in self._db[name].list_indexes())
            for name in mongo_schema.expected_indexes()
        }

    @_mapped
    def explain_list(self, kind: Kind, query: Query) -> dict[str, Any]:
        """The winning plan of the query `list` runs (IXSCAN expected, never COLLSCAN)."""
        return dict(self._cursor(kind, query).explain()["queryPlanner"]["winningPlan"])

    @_mapped
    def round_trip_ms(self) -> float:
        start = time.perf_counter()
        self._client.admin.command("ping")
        return (time.perf_counter() - start) * 1000
