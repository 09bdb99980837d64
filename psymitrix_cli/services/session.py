"""The caller behind a request: a verified token, resolved to a user on first use.

Both the CLI's local backend and the server build one per invocation/request, so
token verification (pinned algorithm, exp, ver, user still exists, not revoked by a
logout), the scope of a script token (services/scopes.py) and the visit that feeds
the streak happen in exactly one place.

Two steps: `verify()` says who is calling (a refused token is AuthError, exit 3 /
HTTP 401); `user()` also says they may run the operation in progress (a script
token outside its scope is Forbidden, exit 3 / HTTP 403). Services call `user()`.
"""

from __future__ import annotations

from collections.abc import Callable

from psymitrix_cli import messages
from psymitrix_cli.auth import script_tokens, tokens
from psymitrix_cli.domain.script_tokens import FULL, READ, WRITE, Scope
from psymitrix_cli.errors import AuthError, Forbidden
from psymitrix_cli.services import scopes
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.visits import record_visit
from psymitrix_cli.store.base import Doc

_REFUSED = {WRITE: messages.TOKEN_WRITE_ONLY, READ: messages.TOKEN_READ_ONLY}


class Session:
    def __init__(
        self,
        ctx: ServiceContext,
        token_source: Callable[[], str | None],
        record_visits: bool = True,
    ) -> None:
        self.ctx = ctx
        self._token_source = token_source
        self._record_visits = record_visits
        self._user: Doc | None = None
        self.claims: tokens.Claims | None = None  # a login's JWT claims
        self.script_token: Doc | None = None  # a script token's row (never the token)
        # The user_data verify() read, for the visit only. Never kept for later: a backend
        # kept across calls (the REPL, the tests' in-process one) writes in between.
        self._read_data: Doc | None = None

    def token(self) -> str | None:
        return self._token_source()

    @property
    def scope(self) -> Scope:
        """full for a login; write or read for a script token (after verify())."""
        return self.script_token["scope"] if self.script_token else FULL  # type: ignore[no-any-return]

    def verify(self) -> Doc:
        """Who is calling: the user of a valid token, or AuthError. No scope check."""
        if self._user is None:
            token = self._token_source()
            if not token:
                raise AuthError(messages.NOT_LOGGED_IN)
            self.claims, self.script_token = None, None
            if script_tokens.looks_like(token):
                from psymitrix_cli.services.script_auth import authenticate

                user, self.script_token = authenticate(self.ctx, token)
            else:
                user = self._verify_login(token)
            # A read-only script (a status bar, a backup) is not a visit; a login, or a
            # script that writes an entry for the person, is.
            if self._record_visits and self.scope != READ:
                record_visit(self.ctx, user, self._read_data)
            self._read_data = None
            self._user = user
        return self._user

    def _verify_login(self, token: str) -> Doc:
        claims = tokens.verify(token, self.ctx.jwt_secret, self.ctx.clock.now())
        # One read: the user, whether this token was logged out, and the user_data the
        # visit starts from (on MongoDB with the schema check: one round trip).
        found = self.ctx.store.caller(claims.user_id, claims.token_id, self._record_visits)
        user = found.user
        if user is None or int(user.get("tokenVersion", 0)) != claims.version:
            raise AuthError(messages.LOGIN_AGAIN)
        if found.revoked:
            raise AuthError(messages.LOGIN_AGAIN)  # logged out: a copy of it is no good
        self.claims = claims
        self._read_data = found.data
        return user

    def user(self) -> Doc:
        """The caller, allowed to run the operation in progress (services/scopes.py)."""
        user = self.verify()
        if self.script_token is not None and self.scope not in scopes.allowed_now():
            raise Forbidden(_REFUSED[self.scope].format(name=self.script_token["name"]))
        return user

    @property
    def user_id(self) -> str:
        return str(self.user()["_id"])

    @property
    def caller_id(self) -> str:
        """Whose request this is, for bookkeeping around an operation (idempotency
        records), without the operation's scope check."""
        return str(self.verify()["_id"])

    def forget(self) -> None:
        """Drop the cached user (after a change that bumps the token version)."""
        self._user = None
