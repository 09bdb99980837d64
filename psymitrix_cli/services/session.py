"""The caller behind a request: a verified token, resolved to a user on first use.

Both the CLI's local backend and the server build one per invocation/request, so
token verification (pinned algorithm, exp, ver, user still exists, not revoked by a
logout) and the visit
that feeds the streak happen in exactly one place.
"""

from __future__ import annotations

from collections.abc import Callable

from psymitrix_cli import messages
from psymitrix_cli.auth import tokens
from psymitrix_cli.errors import AuthError
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.visits import record_visit
from psymitrix_cli.store.base import Doc
from psymitrix_cli.store.server_state import server_state


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
        self.claims: tokens.Claims | None = None
        # user_data as the visit left it; valid until something else writes it.
        self.user_data: Doc | None = None

    def token(self) -> str | None:
        return self._token_source()

    def user(self) -> Doc:
        if self._user is None:
            token = self._token_source()
            if not token:
                raise AuthError(messages.NOT_LOGGED_IN)
            claims = tokens.verify(token, self.ctx.jwt_secret, self.ctx.clock.now())
            user = self.ctx.store.get_user(claims.user_id)
            if user is None or int(user.get("tokenVersion", 0)) != claims.version:
                raise AuthError(messages.LOGIN_AGAIN)
            if server_state(self.ctx.store).token_revoked(user["_id"], claims.token_id):
                raise AuthError(messages.LOGIN_AGAIN)  # logged out: a copy of it is no good
            if self._record_visits:
                self.user_data = record_visit(self.ctx, user)
            self.claims = claims
            self._user = user
        return self._user

    @property
    def user_id(self) -> str:
        return str(self.user()["_id"])

    def forget(self) -> None:
        """Drop the cached user (after a change that bumps the token version)."""
        self._user = None
        self.user_data = None
