"""Idempotency keys for creates and edits: the same key from the same user gets the
original answer, and nothing new is written.

A client (the CLI's outbox, or any retrying client) sends `Idempotency-Key: <key>`.
The first request with a key claims it by inserting a *pending* record whose `_id`
is derived from (user, key): the store's unique `_id` makes the claim atomic on
SQLite and MongoDB alike, so two racing duplicates can never both run. The winner
runs the operation and stores its result on the record; later requests with the key
replay that result (marked `Idempotent-Replayed: true`). A request that fails drops
its claim, so a retry after fixing the cause runs for real. Reusing a key for a
different request is refused. Records live with the user's data (the IDEMPOTENCY
kind) and go when the account is deleted.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from psymitrix_cli.clock import parse_iso
from psymitrix_cli.errors import Conflict, InvalidInput
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import IDEMPOTENCY, Doc

HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9._:-]{8,128}")
# A claim older than this is from a request that died mid-way; it may be taken over.
STALE_CLAIM = timedelta(minutes=2)
ATTEMPTS = 3

Result = dict[str, Any]


def record_id(user_id: str, key: str) -> str:
    return hashlib.sha256(f"{user_id}\x00{key}".encode()).hexdigest()[:32]


def fingerprint(method: str, path: str, body: Any) -> str:
    canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_key(key: str) -> str:
    if not KEY_PATTERN.fullmatch(key):
        raise InvalidInput(
            f"{HEADER} must be 8-128 characters of letters, digits, '.', '_', ':' or '-'."
        )
    return key


def run_once(
    ctx: ServiceContext,
    user_id: str,
    key: str,
    request_print: str,
    action: Callable[[], Result],
) -> tuple[Result, bool]:
    """(result, replayed): run `action` once per (user, key), or replay its result."""
    store, rid = ctx.store, record_id(user_id, check_key(key))
    for _ in range(ATTEMPTS):
        existing = store.get(IDEMPOTENCY, user_id, rid)
        if existing is not None:
            if existing.get("fingerprint") != request_print:
                raise InvalidInput(f"This {HEADER} was already used for a different request.")
            if existing.get("state") == "done":
                return existing["result"], True
            if parse_iso(existing["at"]) > ctx.clock.now() - STALE_CLAIM:
                raise Conflict(f"A request with this {HEADER} is still being processed.")
            store.delete(IDEMPOTENCY, user_id, rid)  # a dead claim: take it over
            continue
        claim: Doc = {
            "_id": rid,
            "userId": user_id,
            "key": key,
            "at": ctx.now_iso(),
            "fingerprint": request_print,
            "state": "pending",
        }
        try:
            store.insert(IDEMPOTENCY, claim)
        except Conflict:
            continue  # another request claimed it first: read what it holds
        try:
            result = action()
        except BaseException:
            store.delete(IDEMPOTENCY, user_id, rid)
            raise
        store.update(IDEMPOTENCY, user_id, rid, {"state": "done", "result": result})
        return result, False
    raise Conflict(f"A request with this {HEADER} is still being processed.")
