"""How the MongoDB store talks to a deployment: durability, retries and time limits.

- **Durability.** Every write waits for a majority of the replica set, journaled
  (`w: "majority", j: true`), and every read uses read concern `majority`, so what a
  person was told is saved survives a failover, and a read never shows a write that a
  failover could still roll back. These are passed as client options, which win over
  the connection string: a link cannot weaken them. Transactions inherit them.
- **Retries.** Retryable writes and reads are on: a write cut off by an election or a
  dropped connection is sent once more to the new primary, and the server applies it
  at most once.
- **Time limits.** Server selection waits `SELECTION_TIMEOUT_MS` (30 s) by default,
  longer than an election takes (about 10-12 s with default settings), so a failover
  is a pause, not a burst of 503s. Every operation has a deadline, `OPERATION_TIMEOUT_MS`
  (30 s; pymongo's client-side `timeoutMS`, which also sends `maxTimeMS`), so a
  runaway query cannot run forever. Both can be set in the connection string
  (`serverSelectionTimeoutMS=`, `timeoutMS=`). The first contact and `ping` (doctor,
  `/readyz`) keep the short `PSYMITRIX_MONGO_TIMEOUT_MS`, so an unreachable server is
  reported in seconds.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from psymitrix_cli.store.mongo_schema import split_uri

SELECTION_TIMEOUT_MS = 30_000
OPERATION_TIMEOUT_MS = 30_000
# Fixed: a connection string cannot weaken them.
DURABILITY: dict[str, Any] = {
    "w": "majority",
    "journal": True,
    "readConcernLevel": "majority",
    "retryWrites": True,
    "retryReads": True,
}


def uri_options(uri: str) -> dict[str, str]:
    """The connection string's options, keys lower-cased (MongoDB's are case-insensitive)."""
    query = split_uri(uri)[3].partition("?")[2]
    return {k.lower(): v for k, v in parse_qsl(query, keep_blank_values=True)}


def client_options(uri: str, connect_ms: int) -> dict[str, Any]:
    """The keyword arguments of the store's MongoClient for this connection string."""
    given = uri_options(uri)
    options: dict[str, Any] = {
        **DURABILITY,
        "connectTimeoutMS": connect_ms,
        "appname": "psymitrix",
        "tz_aware": True,
    }
    if "serverselectiontimeoutms" not in given:
        options["serverSelectionTimeoutMS"] = max(SELECTION_TIMEOUT_MS, connect_ms)
    if "timeoutms" not in given:
        options["timeoutMS"] = OPERATION_TIMEOUT_MS
    return options
