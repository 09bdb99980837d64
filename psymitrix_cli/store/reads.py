"""Reads that go to the store together: what one command shows, asked for at once.

`Store.read_many(reads)` answers a list of these in order. SQLite runs each as the
call it names (an embedded database has no round trip to save); MongoDB sends them all
as one aggregation (store/mongo_reads.py), so `status` or `me` costs one round trip
after the caller's own read instead of one per figure. Each read is bounded by an
index range, as the single calls are, so the batch costs what its parts cost.

`Store.caller(user_id, token_id)` is the read every command starts with: the user,
their user_data, and whether the token presented was revoked by a logout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from psymitrix_cli.store.base import Doc, Kind, Query


@dataclass(frozen=True)
class Caller:
    """Who a login token names, as the store holds them now (None: no such user)."""

    user: Doc | None
    data: Doc | None
    revoked: bool


@dataclass(frozen=True)
class UserData:
    """`get_user_data(user_id)`."""

    user_id: str


@dataclass(frozen=True)
class Page:
    """`list(kind, query)`: a plain page (no cursor, no search)."""

    kind: Kind
    query: Query


@dataclass(frozen=True)
class Totals:
    """`totals_between(kind, user_id, field, bounds)`."""

    kind: Kind
    user_id: str
    field: str | None
    bounds: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """`get(kind, user_id, entry_id)`."""

    kind: Kind
    user_id: str
    entry_id: str


Read = UserData | Page | Totals | Entry


def one_by_one(store: Any, reads: Sequence[Read]) -> list[Any]:
    """Each read as its own store call, in order (SQLite's read_many, and MongoDB's for
    what one aggregation cannot say: a keyset page, a search)."""
    return [one(store, read) for read in reads]


def one(store: Any, read: Read) -> Any:
    if isinstance(read, UserData):
        return store.get_user_data(read.user_id)
    if isinstance(read, Page):
        return store.list(read.kind, read.query)
    if isinstance(read, Totals):
        return store.totals_between(read.kind, read.user_id, read.field, read.bounds)
    return store.get(read.kind, read.user_id, read.entry_id)
