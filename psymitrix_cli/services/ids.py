"""IDs people can type: the whole id, any unique prefix of at least four characters
(as git takes a commit), or `last` for the newest entry of the kind."""

from __future__ import annotations

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.store.base import Kind, Query, Store

LAST = "last"
SHORTEST = 4
FULL = 24  # the longest id new_id makes (entries 16 hex characters, chat sessions 20)


def resolve(store: Store, kind: Kind, user_id: str, key: str) -> str:
    """The full id `key` names for this user (unknown ones come back as they are, for
    the caller's own "not found")."""
    typed = key.strip()
    if typed.lower() == LAST:
        newest = store.list(kind, Query(user_id=user_id, limit=1))
        if not newest:
            raise InvalidInput(messages.ID_NO_LAST, field="id")
        return str(newest[0]["_id"])
    if len(typed) >= FULL:
        return typed
    if len(typed) < SHORTEST:
        raise InvalidInput(messages.ID_TOO_SHORT.format(id=typed, least=SHORTEST), field="id")
    found = store.ids_with_prefix(kind, user_id, typed.lower())
    if len(found) > 1:
        raise InvalidInput(messages.ID_AMBIGUOUS.format(id=typed), field="id")
    return found[0] if found else typed
