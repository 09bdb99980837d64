"""Script tokens: create (shown once), list, revoke. A full login only: a script token
cannot make, see or revoke tokens (services/scopes.py). The rules are in
domain/script_tokens.py; the check of a token in use is services/script_auth.py."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.auth import script_tokens as secret
from psymitrix_cli.clock import iso
from psymitrix_cli.domain import script_tokens as rules
from psymitrix_cli.errors import Conflict, NotFound
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import SCRIPT_TOKENS, Query

Result = dict[str, Any]
LIST_LIMIT = 200  # far more than anyone names; a list is one bounded read


class ScriptTokenService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    @allows()
    def create(self, name: str | None, scope: str | None = None, days: int | None = None) -> Result:
        """A new token: the answer holds it once (`token`); only its hash is kept."""
        token_name = rules.name(name)
        token_scope = rules.scope(scope)
        lifetime = rules.days(days)
        user = self.session.user()
        now = self.ctx.clock.now()
        token = secret.new(user["_id"])
        row = {
            "_id": secret.digest(token),
            "userId": user["_id"],
            "name": token_name,
            "scope": token_scope,
            "tokenVersion": int(user.get("tokenVersion", 0)),
            "createdAt": iso(now),
            "expiresAt": iso(rules.expires(now, lifetime)),
            "lastUsedAt": None,
        }
        try:
            self.ctx.store.insert(SCRIPT_TOKENS, row)
        except Conflict:
            # The name of a token that no longer works (expired, or revoked by a password
            # change) can be given again; a working one must be revoked first.
            old = self.ctx.store.find_one(SCRIPT_TOKENS, user["_id"], {"name": token_name})
            taken = Conflict(messages.TOKEN_NAME_TAKEN.format(name=token_name), field="name")
            if old is None or self._works(old, row["tokenVersion"], row["createdAt"]):
                raise taken from None
            self.ctx.store.delete(SCRIPT_TOKENS, user["_id"], old["_id"])
            self.ctx.store.insert(SCRIPT_TOKENS, row)  # a racing create: Conflict, as above
        return {**rules.view(row, self.ctx.now_iso()), "token": token}

    @staticmethod
    def _works(row: dict[str, Any], version: int, now: str) -> bool:
        return int(row.get("tokenVersion", 0)) == version and row["expiresAt"] > now

    @allows()
    def list(self) -> Result:
        """{"items": [...]} by name; never a token or its hash. A token a password
        change or `logout --all` revoked is no longer listed."""
        user = self.session.user()
        version = int(user.get("tokenVersion", 0))
        rows = self.ctx.store.list(SCRIPT_TOKENS, Query(user_id=user["_id"], limit=LIST_LIMIT))
        now = self.ctx.now_iso()
        live = [r for r in rows if int(r.get("tokenVersion", 0)) == version]
        for stale in (r for r in rows if r not in live):  # revoked by a password change
            self.ctx.store.delete(SCRIPT_TOKENS, user["_id"], stale["_id"])
        return {"items": [rules.view(r, now) for r in sorted(live, key=lambda r: r["name"])]}

    @allows()
    def revoke(self, name: str | None) -> Result:
        token_name = (name or "").strip()
        user = self.session.user()
        if not self.ctx.store.delete_where(SCRIPT_TOKENS, user["_id"], {"name": token_name}):
            raise NotFound(messages.TOKEN_NOT_FOUND.format(name=token_name))
        return {"name": token_name, "revoked": True}
