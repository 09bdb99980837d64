"""What several `psymitrix serve` processes must share, kept in the store they share.

Login throttling and idempotency records must hold across every server behind a load
balancer (and every uvicorn worker), so they live in the store, not in a process:

- **login failures:** one row per failed attempt per throttle key (an account or an
  IP, already hashed by server/throttle.py), counted inside a sliding window. Each row
  carries its expiry; SQLite deletes expired rows as it writes new ones, MongoDB's TTL
  index on the `expiresAt` date reaps them.
- **idempotency records:** one per (user, Idempotency-Key), in the `idempotency` table
  or collection (the IDEMPOTENCY kind, so an account deletion erases them). A claim
  records the request's fingerprint, the time it was made and the ids its action will
  use; a finished one holds the answer. They expire after a day (server/idempotency.py):
  SQLite sweeps expired ones when a new claim is made, MongoDB's TTL index on the
  `expiresAt` date does it there.
- **revoked tokens:** the token id (`jti`) of each token a logout revoked, kept until the
  token would have expired anyway. They are rows of `auth_secrets` (purpose `revoked`),
  so deleting the account erases them and MongoDB's TTL index on `expiresAt` reaps them;
  SQLite deletes a user's expired ones when it adds another.

Times are the fixed-width ISO strings of `clock.iso`; the MongoDB store turns expiry
times into BSON dates at the boundary (a TTL index ignores strings).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, cast

from psymitrix_cli.store.base import Doc


class ServerState(Protocol):
    """Implemented by SqliteStore and MongoStore beside the Store protocol."""

    # --- login throttling ------------------------------------------------------------
    def add_login_failure(self, keys: Sequence[str], at: str, expires_at: str) -> None:
        """Record one failed attempt against each key."""
        ...

    def login_failures(self, key: str, since: str) -> tuple[int, str | None]:
        """(failures at or after `since`, the oldest of them) for one key."""
        ...

    def clear_login_failures(self, key: str) -> None: ...

    # --- idempotency records -----------------------------------------------------------
    def claim_idempotency(self, record: Doc, expires_at: str) -> bool:
        """Insert a claim (`_id`, `userId`, `key`, `at`, ...); False if one exists already."""
        ...

    def idempotency_record(self, user_id: str, record_id: str) -> Doc | None: ...

    def finish_idempotency(self, user_id: str, record_id: str, result: Doc) -> None:
        """Store the answer on the claim: from now on retries replay it."""
        ...

    def release_idempotency(self, user_id: str, record_id: str) -> None:
        """Drop a claim whose request was refused before it wrote anything."""
        ...

    # --- revoked tokens -------------------------------------------------------------------
    def revoke_token(self, user_id: str, token_id: str, expires_at: str, now: str) -> None:
        """Refuse the token `token_id` from now until `expires_at` (revoking twice is fine)."""
        ...

    def token_revoked(self, user_id: str, token_id: str) -> bool: ...


REVOKED = "revoked"  # the auth_secrets purpose of a revoked token id


def revoked_key(token_id: str) -> str:
    """The auth_secrets key of a revoked token id (prefixed: never a code's hash)."""
    return f"jti:{token_id}"


def server_state(store: Any) -> ServerState:
    """The store seen through its server-state operations (both stores have them)."""
    return cast(ServerState, store)
