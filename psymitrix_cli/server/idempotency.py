"""Idempotency keys for creates and edits: exactly once, whatever fails in between.

A client (the CLI's outbox, or any retrying client) sends `Idempotency-Key: <key>`.
The first request with a key claims it by inserting a *pending* record whose `_id`
is derived from (user, key), so the claim is atomic on SQLite and MongoDB alike.
The claim records what makes the operation repeatable: the request's fingerprint,
the instant it was made, and a seed from which every id the operation generates is
derived (`new_id` reads it, see services/context.py).

- **Done:** the answer is stored on the record; later requests replay it
  (`Idempotent-Replayed: true`) and write nothing.
- **Unfinished** (the write landed but the answer was lost, the server was killed
  mid-request, the store failed over): a retry, on this server or any other, runs the
  operation again *the same way*: the same ids, the clock pinned at the claim's
  instant, and inserts that find their own id already stored count as done (see
  `ReplayStore`). So whatever the first attempt wrote is found, not written twice,
  and the answer names the same entry. Two attempts running at once converge the
  same way: the unique `_id` lets only one insert in.
- **Refused** (a 4xx: bad input, not found, a real uniqueness clash): nothing was
  written, so the claim is dropped and a corrected request may reuse the key.
- Reusing a key for a different request is refused.

Records expire a day after their claim (TTL index on MongoDB, swept on SQLite) and go
with the account.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.errors import Conflict, InvalidInput, PsyError
from psymitrix_cli.services.context import ServiceContext, ids_from, minted_here
from psymitrix_cli.store.base import Doc, Kind, Store
from psymitrix_cli.store.server_state import server_state

HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9._:-]{8,128}")
TTL = timedelta(days=1)
ATTEMPTS = 3

Result = dict[str, Any]

# Set while an idempotent operation runs: the instant its clock reads, and that its
# store should treat an insert of an id already stored as done (server/context.py).
PINNED_NOW: ContextVar[datetime | None] = ContextVar("psymitrix_pinned_now", default=None)
REPLAYING: ContextVar[bool] = ContextVar("psymitrix_replaying", default=False)


def record_id(user_id: str, key: str) -> str:
    return hashlib.sha256(f"{user_id}\x00{key}".encode()).hexdigest()[:32]


def fingerprint(method: str, path: str, body: Any) -> str:
    canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_key(key: str) -> str:
    if not KEY_PATTERN.fullmatch(key):
        raise InvalidInput(messages.IDEMPOTENCY_KEY_RULE.format(header=HEADER))
    return key


def run_once(
    ctx: ServiceContext,
    user_id: str,
    key: str,
    request_print: str,
    action: Callable[[], Result],
) -> tuple[Result, bool]:
    """(result, replayed): run `action` once per (user, key), or replay its result."""
    state = server_state(ctx.store)
    rid = record_id(user_id, check_key(key))
    for _ in range(ATTEMPTS):
        record = state.idempotency_record(user_id, rid)
        if record is None:
            now = ctx.clock.now()
            claim: Doc = {
                "_id": rid,
                "userId": user_id,
                "key": key,
                "at": iso(now),
                "fingerprint": request_print,
                "state": "pending",
                "seed": secrets.token_hex(16),
            }
            if not state.claim_idempotency(claim, iso(now + TTL)):
                continue  # another request claimed it first: read what it holds
            record = claim
        if record.get("fingerprint") != request_print:
            raise InvalidInput(messages.IDEMPOTENCY_KEY_REUSED.format(header=HEADER))
        if record.get("state") == "done":
            return record["result"], True
        try:
            with repeatable(record):
                result = action()
        except PsyError as exc:
            if exc.http_status < 500:  # refused before writing: a fixed request may retry
                state.release_idempotency(user_id, rid)
            raise  # otherwise the claim stays, and a retry finishes the same operation
        state.finish_idempotency(user_id, rid, result)
        return result, False
    raise Conflict(messages.IDEMPOTENCY_IN_PROGRESS.format(header=HEADER))


@contextmanager
def repeatable(record: Doc) -> Iterator[None]:
    """Run with the claim's ids and instant, tolerant of its own earlier inserts."""
    pinned = PINNED_NOW.set(parse_iso(record["at"]))
    replaying = REPLAYING.set(True)
    try:
        with ids_from(record["seed"]):
            yield
    finally:
        REPLAYING.reset(replaying)
        PINNED_NOW.reset(pinned)


class ReplayStore:
    """A store whose inserts count an entry already stored under the same id as done.

    Only used inside `repeatable`, where every id comes from the claim's seed: an id
    that is already there can only have been written by an earlier attempt of this
    same request, so it is found rather than written (or counted) twice."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def _landed(self, kind: Kind, doc: Doc) -> bool:
        if not minted_here(str(doc["_id"])):
            return False  # an id this request did not mint: a genuine clash
        return self._store.get(kind, doc["userId"], doc["_id"]) is not None

    def insert(self, kind: Kind, doc: Doc, counter: str | None = None) -> None:
        try:
            self._store.insert(kind, doc, counter)
        except Conflict:
            if not self._landed(kind, doc):
                raise  # a real clash (a night already logged), not our own write

    def insert_many(self, kind: Kind, docs: Sequence[Doc], counter: str | None = None) -> int:
        try:
            return self._store.insert_many(kind, docs, counter)
        except Conflict:
            missing = [d for d in docs if not self._landed(kind, d)]
            if len(missing) == len(docs):
                raise
            return self._store.insert_many(kind, missing, counter) + len(docs) - len(missing)
