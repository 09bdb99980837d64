"""The script token itself: `psm_<user id>_<43 random characters>`.

256 random bits, so a fast hash is enough to store it: only the SHA-256 of the whole
token is kept (as reset tokens are), and a stolen table reveals no usable token. The
user id in clear lets the store find the row under its owner, as a JWT's `sub` does.
"""

from __future__ import annotations

import re

PREFIX = "psm_"
_SHAPE = re.compile(r"^psm_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$")


def new(user_id: str) -> str:
    import secrets  # with hashlib below, ~3 ms that only minting or checking a token needs

    return f"{PREFIX}{user_id}_{secrets.token_urlsafe(32)}"


def looks_like(token: str) -> bool:
    """A script token rather than a JWT (a JWT never starts with the prefix)."""
    return token.startswith(PREFIX)


def owner(token: str) -> str | None:
    """The user id a well-formed script token names (unverified), else None."""
    found = _SHAPE.match(token.strip())
    return found.group(1) if found else None


def digest(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.strip().encode("ascii", "replace")).hexdigest()
