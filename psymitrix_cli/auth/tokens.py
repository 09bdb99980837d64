"""JWT access tokens: HS256 pinned, exp/iat/sub/ver/jti required.

Expiry is checked against the injected clock rather than PyJWT's wall clock,
so tests can move time without patching.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
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
        "jti": os.urandom(12).hex(),  # what secrets.token_hex reads, without its imports
    }
    token = jwt.encode(payload, secret, algorithm=ALGORITHM)
    return Grant(token, datetime.fromtimestamp(payload["exp"], UTC))


def unverified_expiry(token: str) -> datetime | None:
    """The exp claim without checking the signature: for `auth status` display only."""
    try:
        claims: dict[str, Any] = json.loads(_b64decode(token.split(".")[1]))
        return datetime.fromtimestamp(int(claims["exp"]), UTC)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, OSError, RecursionError):
        return None


_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
# Our tokens are about 200 characters; anything much longer is refused before any parsing.
MAX_TOKEN_LENGTH = 4096
# Clock skew allowed on exp, iat and nbf, as PyJWT's `leeway` (RFC 7519 §4.1.4 "small leeway").
LEEWAY = timedelta(seconds=30)
# Header parameters whose meaning we understand; `crit` may name only these (RFC 7515 §4.1.11).
_SUPPORTED_CRIT = frozenset({"b64"})


def _b64decode(segment: str) -> bytes:
    """Strict base64url (RFC 7515 §2): no padding, only the URL-safe alphabet, and canonical.

    Canonical means re-encoding gives back the same text, so the unused low bits of the
    last character must be zero: otherwise one token would have several spellings.
    """
    raw = segment.encode("ascii")  # UnicodeEncodeError (a ValueError) for anything else
    if not raw or len(raw) % 4 == 1 or not _ALPHABET.issuperset(raw):
        raise ValueError("not base64url")
    decoded = base64.urlsafe_b64decode(raw + b"=" * (-len(raw) % 4))
    if base64.urlsafe_b64encode(decoded).rstrip(b"=") != raw:
        raise ValueError("not canonical base64url")
    return decoded


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_header(header: object) -> None:
    """alg pinned; kid a string; crit only for extensions we know; no unencoded payload."""
    if not isinstance(header, dict) or header.get("alg") != ALGORITHM:
        raise ValueError("algorithm not allowed")
    if "kid" in header and not isinstance(header["kid"], str):
        raise ValueError("kid must be a string")
    if "crit" in header:
        crit = header["crit"]
        if not isinstance(crit, list) or not crit:
            raise ValueError("crit must be a non-empty list")
        for name in crit:
            if not isinstance(name, str) or name not in _SUPPORTED_CRIT or name not in header:
                raise ValueError("unsupported critical extension")
    if header.get("b64", True) is False:
        raise ValueError("unencoded payloads (RFC 7797) are not accepted")


def _check_claims(claims: object, now: datetime) -> Claims:
    if not isinstance(claims, dict) or any(claims.get(c) is None for c in REQUIRED_CLAIMS):
        raise ValueError("missing claims")
    if not all(_is_int(claims[c]) for c in ("exp", "iat", "ver")):
        raise ValueError("bad claim types")
    if not isinstance(claims["sub"], str) or not isinstance(claims["jti"], str):
        raise ValueError("bad claim types")
    if "nbf" in claims and not _is_int(claims["nbf"]):
        raise ValueError("bad claim types")
    if claims.get("aud"):
        raise ValueError("an audience we do not expect")  # RFC 7519 §4.1.3, RFC 8725 §3.9
    expires = datetime.fromtimestamp(claims["exp"], UTC)
    issued = datetime.fromtimestamp(claims["iat"], UTC)
    if expires <= now - LEEWAY:
        raise ValueError("expired")
    if issued > now + LEEWAY:
        raise ValueError("issued in the future")
    if "nbf" in claims and datetime.fromtimestamp(claims["nbf"], UTC) > now + LEEWAY:
        raise ValueError("not valid yet")
    return Claims(claims["sub"], claims["ver"], issued, expires, claims["jti"])


def verify(token: str, secret: str, now: datetime) -> Claims:
    """Check an HS256 token: structure, header, signature (constant time), then claims.

    Tokens are issued with PyJWT; verification is this standard-library HMAC check,
    because importing PyJWT pulls in `cryptography` (~50 ms) on every command. It makes
    the same decisions as `jwt.decode(..., algorithms=["HS256"], leeway=LEEWAY)` with our
    required claims (tests/test_token_differential.py runs both over mutated tokens), and
    is stricter in two ways: no `=` padding at all, and exp/iat/ver/nbf must be JSON
    integers (PyJWT takes "123" or 1.5 for a time). Expiry is checked against the
    injected clock, so tests can move time without patching.
    """
    try:
        if len(token) > MAX_TOKEN_LENGTH:
            raise ValueError("token too long")
        header_b64, payload_b64, signature_b64 = token.split(".")
        _check_header(json.loads(_b64decode(header_b64)))
        expected = hmac.new(
            secret.encode("utf-8"), f"{header_b64}.{payload_b64}".encode("ascii"), hashlib.sha256
        ).digest()
        if not hmac.compare_digest(expected, _b64decode(signature_b64)):
            raise ValueError("bad signature")
        return _check_claims(json.loads(_b64decode(payload_b64)), now)
    except (ValueError, TypeError, OverflowError, OSError, RecursionError):
        # RecursionError: json.loads on a deeply nested header, which needs no secret.
        raise AuthError(LOGIN_AGAIN) from None
