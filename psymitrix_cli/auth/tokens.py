"""JWT access tokens: HS256 pinned, exp/iat/sub/ver/jti required.

Expiry is checked against the injected clock rather than PyJWT's wall clock,
so tests can move time without patching.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from psymitrix_cli.errors import AuthError
from psymitrix_cli.messages import LOGIN_AGAIN

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "sub", "ver", "jti"]


@dataclass(frozen=True)
class Grant:
    access_token: str
    expires_at: datetime

    def expires_in(self, now: datetime) -> int:
        return max(0, int((self.expires_at - now).total_seconds()))


@dataclass(frozen=True)
class Claims:
    user_id: str
    version: int
    issued_at: datetime
    expires_at: datetime
    token_id: str


def issue(user_id: str, version: int, secret: str, now: datetime, ttl: timedelta) -> Grant:
    import jwt

    expires = now + ttl
    payload = {
        "sub": user_id,
        "ver": version,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": secrets.token_hex(12),
    }
    token = jwt.encode(payload, secret, algorithm=ALGORITHM)
    return Grant(token, datetime.fromtimestamp(payload["exp"], UTC))


def unverified_expiry(token: str) -> datetime | None:
    """The exp claim without checking the signature: for `auth status` display only."""
    import jwt

    try:
        claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
        return datetime.fromtimestamp(int(claims["exp"]), UTC)
    except Exception:
        return None


def verify(token: str, secret: str, now: datetime) -> Claims:
    import jwt

    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],  # pinned: refuses alg "none" and algorithm confusion
            options={"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
        )
        expires = datetime.fromtimestamp(int(claims["exp"]), UTC)
        version = int(claims["ver"])
        user_id = str(claims["sub"])
        issued = datetime.fromtimestamp(int(claims["iat"]), UTC)
    except (jwt.PyJWTError, KeyError, TypeError, ValueError, OverflowError):
        raise AuthError(LOGIN_AGAIN) from None
    if expires <= now:
        raise AuthError(LOGIN_AGAIN)
    return Claims(user_id, version, issued, expires, str(claims["jti"]))
