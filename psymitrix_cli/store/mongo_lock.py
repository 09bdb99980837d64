"""The MongoDB migration lock: one migrator at a time, and a crashed one blocks no one for long.

The lock is a lease kept on the schema document, `lock: {owner, host, pid, since, until}`:

- **Taken** with one conditional upsert that matches only when no lease is held or the
  one held has run out, so exactly one process wins it.
- **Renewed** every third of `LEASE_SECONDS` by a thread of the migrator while the
  migrations run, so a slow index build keeps it, and a migrator that crashed (or lost
  its connection) stops renewing: its lease runs out at most `LEASE_SECONDS` later.
- **Waiters agree with the lease.** A waiter never gives up on a lease that is not being
  renewed: it waits for it to run out, takes it over and logs whose it was. It gives up
  (after its own wait) only on a lease it has seen renewed, a live migration elsewhere,
  and names its holder. So the waiters' give-up and a crashed migrator's expiry cannot
  disagree, whatever the two numbers are.

Leases compare wall-clock times written by different machines: keep their clocks in
step (NTP); a skew of seconds only shortens or lengthens a crashed lease by that much.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from psymitrix_cli import messages

LEASE_SECONDS = 30.0
log = logging.getLogger("psymitrix.store.migrate")


def _who(lock: dict[str, Any]) -> str:
    return f"{lock.get('host', '?')} (pid {lock.get('pid', '?')})"


def _when(value: Any) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else str(value)


class MigrationLease:
    """One process's hold on the migration lock of a schema collection."""

    def __init__(self, coll: Any, doc_id: str, lease_seconds: float = LEASE_SECONDS) -> None:
        self.coll = coll
        self.doc_id = doc_id
        self.lease = timedelta(seconds=lease_seconds)
        self.token = uuid.uuid4().hex
        self.me = {"host": socket.gethostname(), "pid": os.getpid()}
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self.lost = False

    def try_take(self) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """(the schema document, the expired lease taken over or None), or None if held."""
        from pymongo import ReturnDocument
        from pymongo.errors import DuplicateKeyError

        now = datetime.now(UTC)
        before = self.coll.find_one({"_id": self.doc_id}, {"lock": 1}) or {}
        lock = {"owner": self.token, **self.me, "since": now, "until": now + self.lease}
        try:
            held = self.coll.find_one_and_update(
                {"_id": self.doc_id, "$or": [{"lock": None}, {"lock.until": {"$lt": now}}]},
                {"$set": {"lock": lock}, "$setOnInsert": {"version": 0}},
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
        except DuplicateKeyError:
            return None  # the document exists and a live lease is held
        if held is None:
            return None
        expired = before.get("lock")
        return held, expired if expired and expired.get("owner") != self.token else None

    def holder(self) -> dict[str, Any] | None:
        doc = self.coll.find_one({"_id": self.doc_id}, {"lock": 1}) or {}
        lock = doc.get("lock")
        return lock if isinstance(lock, dict) else None

    # --- while migrating ------------------------------------------------------------------
    def __enter__(self) -> MigrationLease:
        self._renewer = threading.Thread(target=self._renew, name="psymitrix-migrate-lease")
        self._renewer.daemon = True  # never keeps a process alive on its own
        self._renewer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=self.lease.total_seconds())
        self.coll.update_one(
            {"_id": self.doc_id, "lock.owner": self.token}, {"$unset": {"lock": ""}}
        )

    def _renew(self) -> None:
        interval = self.lease.total_seconds() / 3
        while not self._stop.wait(interval):
            try:
                until = datetime.now(UTC) + self.lease
                mine = {"_id": self.doc_id, "lock.owner": self.token}
                if self.coll.update_one(mine, {"$set": {"lock.until": until}}).matched_count:
                    continue
                self.lost = True
                log.error(
                    "lost the migration lock to another process (this one stalled past its "
                    "lease of %gs); migrations are idempotent, so the work is only repeated",
                    self.lease.total_seconds(),
                )
                return
            except Exception as exc:  # a failover: try again next round, the lease has slack
                log.warning("could not renew the migration lease: %s", type(exc).__name__)


class Waiting:
    """A waiter's view of the lease it waits on: is it being renewed (a live migrator)?"""

    def __init__(self) -> None:
        self.seen: dict[str, Any] | None = None
        self.renewed = False

    def observe(self, lock: dict[str, Any] | None, database: str) -> None:
        if lock is None:
            return
        if self.seen is None or self.seen.get("owner") != lock.get("owner"):
            log.info(
                "waiting for %s to finish migrating the MongoDB database %r (lease until %s)",
                _who(lock),
                database,
                _when(lock.get("until")),
            )
            self.seen, self.renewed = lock, False
        elif lock.get("until") != self.seen.get("until"):
            self.renewed = True  # its holder is alive and working
            self.seen = lock


def took_over(expired: dict[str, Any], database: str) -> None:
    log.warning(
        "took over the migration lock of the MongoDB database %r from %s, whose lease ran "
        "out at %s without being renewed (that migrator stopped)",
        database,
        _who(expired),
        _when(expired.get("until")),
    )


def give_up_message(lock: dict[str, Any] | None, database: str, waited: float) -> str:
    holder = (
        messages.MONGO_MIGRATION_HOLDER.format(who=_who(lock), since=_when(lock.get("since")))
        if lock
        else messages.MONGO_MIGRATION_ANOTHER
    )
    text = messages.MONGO_MIGRATION_GAVE_UP.format(waited=waited, holder=holder, database=database)
    log.warning(text)
    return text
