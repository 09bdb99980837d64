"""JWT access tokens: HS256 pinned, exp/iat/sub/ver/jti required.

Expiry is checked against the injected clock rather than PyJWT's wall clock,
so tests can move time without patching.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
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
    try:
        claims: dict[str, Any] = json.loads(_b64decode(token.split(".")[1]))
        return datetime.fromtimestamp(int(claims["exp"]), UTC)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, OSError):
        return None


def _b64decode(segment: str) -> bytes:
    if not segment or "=" in segment:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def verify(token: str, secret: str, now: datetime) -> Claims:
    """Check an HS256 token: structure, header, signature (constant time), then claims.

    Tokens are issued with PyJWT; verification is this standard-library HMAC check,
    because importing PyJWT pulls in `cryptography` (~50 ms) on every command, and
    HS256 with a pinned header needs nothing more. Any other header is refused.
    """
    try:
        header_b64, payload_b64, signature_b64 = token.split(".")
        header = json.loads(_b64decode(header_b64))
        if not isinstance(header, dict) or header.get("alg") != ALGORITHM:
            raise ValueError("algorithm not allowed")
        expected = hmac.new(
            secret.encode("utf-8"), f"{header_b64}.{payload_b64}".encode("ascii"), hashlib.sha256
        ).digest()
        if not hmac.compare_digest(expected, _b64decode(signature_b64)):
            raise ValueError("bad signature")
        claims = json.loads(_b64decode(payload_b64))
        if not isinstance(claims, dict) or any(c not in claims for c in REQUIRED_CLAIMS):
            raise ValueError("missing claims")
        if not all(
            isinstance(claims[c], int) and not isinstance(claims[c], bool)
            for c in ("exp", "iat", "ver")
        ):
            raise ValueError("bad claim types")
        if not isinstance(claims["sub"], str) or not isinstance(claims["jti"], str):
            raise ValueError("bad claim types")
        expires = datetime.fromtimestamp(claims["exp"], UTC)
        issued = datetime.fromtimestamp(claims["iat"], UTC)
    except (ValueError, TypeError, UnicodeError, OverflowError, OSError):
        raise AuthError(LOGIN_AGAIN) from None
    if expires <= now:
        raise AuthError(LOGIN_AGAIN)
    return Claims(claims["sub"], claims["ver"], issued, expires, claims["jti"])
