"""Checking a script token (`psm_...`): found by its hash under the user it names, not
expired, and issued under the account's current token version (a password change or
`logout --all` bumps it, which revokes script tokens as it revokes logins)."""

from __future__ import annotations

from datetime import datetime

from psymitrix_cli import messages
from psymitrix_cli.auth import script_tokens as secret
from psymitrix_cli.clock import iso
from psymitrix_cli.domain.script_tokens import LAST_USED_GRANULARITY
from psymitrix_cli.errors import AuthError
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.base import SCRIPT_TOKENS, Doc


def authenticate(ctx: ServiceContext, token: str) -> tuple[Doc, Doc]:
    """(the user, the token's row), or AuthError saying why the token is refused."""
    user_id = secret.owner(token)
    user = ctx.store.get_user(user_id) if user_id else None
    row = ctx.store.get(SCRIPT_TOKENS, user["_id"], secret.digest(token)) if user else None
    if user is None or row is None:
        raise AuthError(messages.TOKEN_REVOKED)
    if int(user.get("tokenVersion", 0)) != int(row.get("tokenVersion", 0)):
        raise AuthError(messages.TOKEN_REVOKED_EVERYWHERE.format(name=row["name"]))
    now = ctx.clock.now()
    if row["expiresAt"] <= iso(now):
        day = datetime.fromisoformat(row["expiresAt"]).date().isoformat()
        raise AuthError(messages.TOKEN_EXPIRED.format(name=row["name"], date=day))
    _note_use(ctx, row, now)
    return user, row


def _note_use(ctx: ServiceContext, row: Doc, now: datetime) -> None:
    """lastUsedAt, written at most once a minute (a busy script is not a write per call)."""
    last = row.get("lastUsedAt")
    if last and datetime.fromisoformat(last) > now - LAST_USED_GRANULARITY:
        return
    ctx.store.update(SCRIPT_TOKENS, row["userId"], row["_id"], {"lastUsedAt": iso(now)})
