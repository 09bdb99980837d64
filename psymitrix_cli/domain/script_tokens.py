"""Script tokens: named, long-lived, revocable tokens with a scope, for cron jobs and
other scripts (`psymitrix token create`). Pure rules; the service keeps them.

- **write** may add entries (journal, check-in, sleep, gratitude, breathing, the
  questionnaires, activities) and nothing else: no lists, no history, no profile,
  password or token changes, no deletion.
- **read** may read (lists, show, status, me, review, export) and write nothing.
- A login (a JWT) is **full**: everything, including managing script tokens.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, Literal

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput

Scope = Literal["full", "write", "read"]
FULL: Scope = "full"
WRITE: Scope = "write"
READ: Scope = "read"
SCOPES: tuple[Scope, ...] = (WRITE, READ)  # what a script token may be given

DEFAULT_DAYS = 365
MAX_DAYS = 3650
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
# How stale lastUsedAt may be before a use writes it again (one write a minute at most).
LAST_USED_GRANULARITY = timedelta(minutes=1)


def name(value: str | None) -> str:
    text = (value or "").strip()
    if not NAME_RE.match(text):
        raise InvalidInput(messages.TOKEN_NAME_RULE, field="name")
    return text


def scope(value: str | None) -> Scope:
    text = (value or WRITE).strip().lower()
    for known in SCOPES:
        if text == known:
            return known
    raise InvalidInput(messages.TOKEN_SCOPE_RULE.format(scope=value), field="scope")


def days(value: int | None) -> int:
    if value is None:
        return DEFAULT_DAYS
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise InvalidInput(messages.TOKEN_DAYS_RULE.format(max=MAX_DAYS), field="days")
    return value


def expires(now: datetime, lifetime: int) -> datetime:
    return now + timedelta(days=lifetime)


def view(doc: dict[str, Any], now_iso: str) -> dict[str, Any]:
    """A token as `token list` shows it: never the secret, nor its hash."""
    return {
        "name": doc["name"],
        "scope": doc["scope"],
        "createdAt": doc["createdAt"],
        "expiresAt": doc["expiresAt"],
        "lastUsedAt": doc.get("lastUsedAt"),
        "expired": doc["expiresAt"] <= now_iso,
    }
