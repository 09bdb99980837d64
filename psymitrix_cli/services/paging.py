"""Keyset pagination shared by every list: an opaque cursor naming the last row seen.

Keyset (sort value, id) rather than OFFSET, so page N costs the same as page 1.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.store.base import Doc, Kind

MAX_PAGE = 200


def encode_cursor(kind: Kind, doc: Doc) -> str:
    raw = json.dumps([doc[kind.sort], doc["_id"]], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[Any, str] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, entry_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(entry_id, str):
            raise ValueError
        return value, entry_id
    except (ValueError, TypeError, json.JSONDecodeError):
        raise InvalidInput(messages.PAGE_CURSOR_INVALID) from None


def page_size(limit: int | None, default: int = 20) -> int:
    size = default if limit is None else limit
    if not 1 <= size <= MAX_PAGE:
        raise InvalidInput(messages.PAGE_SIZE_RANGE.format(max_page=MAX_PAGE, size=size))
    return size


def page(kind: Kind, rows: list[Doc], limit: int, items: list[dict[str, Any]]) -> dict[str, Any]:
    """`rows` were fetched with limit + 1, so one extra row means there is a next page."""
    more = len(rows) > limit
    return {
        "items": items[:limit],
        "nextCursor": encode_cursor(kind, rows[limit - 1]) if more else None,
    }
