"""MongoDB's half of store/server_state.py: login failures and idempotency records.

A mixin of MongoStore. Expiry times are BSON dates (`expiresAt`), so the TTL indexes
of schema version 3 reap old rows; every other time stays an ISO string, as
everywhere else in the store. Each operation is one single-document write (or one
`insert_many` of independent rows), so none needs a transaction: a claim is atomic
through its unique `_id`, and a lost failure row only ever errs towards fewer counted.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from psymitrix_cli.clock import parse_iso
from psymitrix_cli.errors import PsyError
from psymitrix_cli.store.base import Doc
from psymitrix_cli.store.server_state import REVOKED, revoked_key

T = TypeVar("T")


def _mapped(method: Callable[..., T]) -> Callable[..., T]:
    """pymongo failures as PsyMitrix errors (the password scrubbed), via the store's own
    translation; the schema is checked first where the store has not yet. MongoStore's
    methods use it too."""

    @functools.wraps(method)
    def wrapper(self: MongoServerState, *args: Any, **kwargs: Any) -> T:
        from pymongo.errors import PyMongoError

        try:
            if not self._schema_checked:
                self._check_schema()
            return method(self, *args, **kwargs)
        except PyMongoError as exc:
            raise self._translate(exc) from None

    return wrapper


def _plain_record(doc: Doc | None) -> Doc | None:
    if doc is None:
        return None
    return {k: v for k, v in doc.items() if k != "expiresAt"}


class MongoServerState:
    _db: Any
    _schema_checked: bool  # False until the schema is known current (MongoStore's)

    def _translate(self, exc: Exception, connecting: bool = False) -> PsyError:
        raise NotImplementedError  # MongoStore's

    def _check_schema(self, doc: Doc | None = None) -> None:
        raise NotImplementedError  # MongoStore's

    # --- login throttling ------------------------------------------------------------
    @_mapped
    def add_login_failure(self, keys: Sequence[str], at: str, expires_at: str) -> None:
        expires = parse_iso(expires_at)
        rows = [{"key": key, "at": at, "expiresAt": expires} for key in keys]
        if rows:
            self._db["login_failures"].insert_many(rows, ordered=False)

    @_mapped
    def login_failures(self, key: str, since: str) -> tuple[int, str | None]:
        match = {"key": key, "at": {"$gte": since}}
        coll = self._db["login_failures"]
        count = coll.count_documents(match)
        if not count:
            return 0, None
        oldest = coll.find_one(match, {"at": 1}, sort=[("key", 1), ("at", 1)])
        return count, (oldest or {}).get("at")

    @_mapped
    def clear_login_failures(self, key: str) -> None:
        self._db["login_failures"].delete_many({"key": key})

    # --- idempotency records -----------------------------------------------------------
    @_mapped
    def claim_idempotency(self, record: Doc, expires_at: str) -> bool:
        from pymongo.errors import DuplicateKeyError

        try:
            self._db["idempotency"].insert_one({**record, "expiresAt": parse_iso(expires_at)})
        except DuplicateKeyError:
            return False
        return True

    @_mapped
    def idempotency_record(self, user_id: str, record_id: str) -> Doc | None:
        found = self._db["idempotency"].find_one({"_id": record_id, "userId": user_id})
        return _plain_record(found)

    @_mapped
    def finish_idempotency(self, user_id: str, record_id: str, result: Doc) -> None:
        self._db["idempotency"].update_one(
            {"_id": record_id, "userId": user_id},
            {"$set": {"state": "done", "result": result}},
        )

    @_mapped
    def release_idempotency(self, user_id: str, record_id: str) -> None:
        self._db["idempotency"].delete_one({"_id": record_id, "userId": user_id})

    # --- revoked tokens -------------------------------------------------------------------
    @_mapped
    def revoke_token(self, user_id: str, token_id: str, expires_at: str, now: str) -> None:
        from pymongo.errors import DuplicateKeyError

        row = {
            "userId": user_id,
            "purpose": REVOKED,
            "createdAt": now,
            "expiresAt": parse_iso(expires_at),  # a BSON date: the TTL index reaps it
            "usedAt": None,
        }
        # DuplicateKeyError: a concurrent logout of the same token got there first.
        with contextlib.suppress(DuplicateKeyError):
            self._db["auth_secrets"].update_one(
                {"_id": revoked_key(token_id)}, {"$setOnInsert": row}, upsert=True
            )

    @_mapped
    def token_revoked(self, user_id: str, token_id: str) -> bool:
        match = {"_id": revoked_key(token_id), "userId": user_id, "purpose": REVOKED}
        return self._db["auth_secrets"].find_one(match, {"_id": 1}) is not None
