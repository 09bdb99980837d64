"""Login throttling, kept in the store so every server and worker shares one count.

Failures are counted in a sliding window per account and per client IP. Once a key
has `limit` failures inside the window, further attempts are refused with 429 and
`Retry-After` (when the oldest failure leaves the window) before any password is
checked, so a guesser also stops costing bcrypt work. A successful login clears the
account's count (not the IP's: one good password must not reset a spray across many
accounts).

- **Per account, not per string typed.** The identifier is resolved to the account it
  names, so `dave` and `dave@example.com` are one bucket. An identifier that names no
  account is keyed by its normalised text, and throttled exactly like a real one: the
  answers never say whether an account exists. (What one bucket for a username and an
  email does reveal is that the two belong together, to someone who already guessed
  both; that is the price of counting per account.)
- **Keys are hashed** (HMAC with the server's signing secret) before they reach the
  store: it never holds IP addresses or typed identifiers, which are sometimes a
  password typed into the wrong field.
- **Shared:** rows live in `login_failures` (store/server_state.py) and expire with
  their window. Two servers checking at the same instant can each let one more attempt
  through; the count itself is never lost.
- **Behind a proxy** the client IP is the proxy's unless `PSYMITRIX_TRUSTED_PROXIES`
  names it (docs/deploy.md): uvicorn then takes the address from X-Forwarded-For.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from psymitrix_cli import messages
from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.errors import RateLimited
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.store.server_state import server_state

ACCOUNT_LIMIT = 5
IP_LIMIT = 20
WINDOW_SECONDS = 15 * 60


@dataclass(frozen=True)
class Window:
    limit: int
    seconds: float


class Throttle:
    """The limits; `bound(ctx)` applies them through one request's context."""

    def __init__(self, account: Window | None = None, ip: Window | None = None) -> None:
        self.windows = {
            "account": account or Window(ACCOUNT_LIMIT, WINDOW_SECONDS),
            "ip": ip or Window(IP_LIMIT, WINDOW_SECONDS),
        }

    def bound(self, ctx: ServiceContext) -> BoundThrottle:
        return BoundThrottle(self, ctx)


class BoundThrottle:
    def __init__(self, throttle: Throttle, ctx: ServiceContext) -> None:
        self.windows = throttle.windows
        self.ctx = ctx

    def check(self, account: str | None, ip: str | None) -> None:
        """Raise RateLimited if either key is over its limit."""
        now = self.ctx.clock.now()
        state = server_state(self.ctx.store)
        for kind, key in self._keys(account, ip):
            window = self.windows[kind]
            since = iso(now - timedelta(seconds=window.seconds))
            count, oldest = state.login_failures(key, since)
            if count >= window.limit and oldest is not None:
                left = parse_iso(oldest) + timedelta(seconds=window.seconds) - now
                wait = max(1, math.ceil(left.total_seconds()))
                raise RateLimited(messages.TOO_MANY_ATTEMPTS.format(seconds=wait), retry_after=wait)

    def failed(self, account: str | None, ip: str | None) -> None:
        keys = self._keys(account, ip)
        if not keys:
            return
        now = self.ctx.clock.now()
        longest = max(self.windows[kind].seconds for kind, _ in keys)
        expires = iso(now + timedelta(seconds=longest))
        server_state(self.ctx.store).add_login_failure([k for _, k in keys], iso(now), expires)

    def succeeded(self, account: str | None) -> None:
        for _, key in self._keys(account, None):
            server_state(self.ctx.store).clear_login_failures(key)

    def _keys(self, account: str | None, ip: str | None) -> list[tuple[str, str]]:
        keys = []
        if account and account.strip():
            keys.append(("account", self._hashed(self._account(account))))
        if ip:
            keys.append(("ip", self._hashed(f"ip:{ip}")))
        return keys

    def _account(self, identifier: str) -> str:
        typed = unicodedata.normalize("NFKC", identifier.strip()).lower()
        user = self.ctx.store.find_user(typed)
        return f"account:{user['_id']}" if user else f"typed:{typed}"

    def _hashed(self, key: str) -> str:
        secret = (self.ctx.settings.jwt_secret or "").encode()
        return hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()[:40]
