"""The Store protocol: the persistence operations services need, nothing more.

Both stores hold the same logical documents with camelCase fields. Users and
their `user_data` row have dedicated operations (uniqueness, compare-and-set);
every kind of entry goes through one small generic API driven by a `Kind`,
derived from the registry in domain/entries.py, so a new tracker needs a registry
entry, not new store code (its table or indexes are made from the registry).
Times are ISO-8601 UTC strings of fixed width (`clock.iso`), so they sort and
compare as text in both stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain.entry_kind import EntryKind, SearchSpec

if TYPE_CHECKING:
    from psymitrix_cli.domain.search import SearchQuery  # a query tree, parsed by the caller

Doc = dict[str, Any]


@dataclass(frozen=True)
class Kind:
    """One collection (MongoDB) or table (SQLite) of user-owned entries: the store's
    view of a domain.entries kind (derived from the registry, never written by hand)."""

    name: str
    sort: str  # the field lists are ordered by, newest first
    counter: str | None = None  # the user_data count kept exactly with the entries
    fields: tuple[str, ...] = ()  # extra fields queried by equality (indexed)
    unique: tuple[str, ...] = ()  # unique together with userId
    sealed: tuple[str, ...] = ()  # encrypted when the store's encryption is on (SQLite)
    search: SearchSpec | None = None  # what the search index holds of it (None: nothing)

    @classmethod
    def of(cls, spec: EntryKind) -> Kind:
        return cls(
            spec.name, spec.sort, spec.counter, spec.fields, spec.unique, spec.sealed, spec.search
        )


KINDS: dict[str, Kind] = {spec.name: Kind.of(spec) for spec in registry.REGISTRY}
SLEEP = KINDS["sleep"]
MOOD_JOURNAL = KINDS["mood_journal"]
GRATITUDE = KINDS["gratitude"]
BREATHING = KINDS["breathing"]
ASSESSMENTS = KINDS["assessments"]
CHAT_SESSIONS = KINDS["chat_sessions"]
CHAT_MESSAGES = KINDS["chat_messages"]
SAFETY_EVENTS = KINDS["safety_events"]
IDEMPOTENCY = KINDS["idempotency"]
SCRIPT_TOKENS = KINDS["script_tokens"]
COUNTERS: tuple[str, ...] = registry.COUNTERS


def kind_of(spec: EntryKind) -> Kind:
    return KINDS[spec.name]


@dataclass(frozen=True)
class Query:
    """A page of one user's entries, newest first unless `ascending`."""

    user_id: str
    limit: int = 20
    offset: int = 0
    before: tuple[Any, str] | None = None  # keyset cursor: (sort value, id) of the last row seen
    since: Any = None  # sort value >= since
    until: Any = None  # sort value < until
    where: dict[str, Any] = field(default_factory=dict)  # equality on Kind.fields
    tag: str | None = None  # the `tags` list contains this
    match: SearchQuery | None = None  # through the search index (kinds with `search` only)
    ascending: bool = False


@dataclass(frozen=True)
class Hits:
    """`Store.search`'s answer: (kind, entry) pairs, newest first by each kind's
    `search.at`. `partial`: no index could answer (an encrypted SQLite store), so only
    the newest `scanned` entries of each kind were read."""

    found: list[tuple[Kind, Doc]]
    partial: bool = False
    scanned: int = 0  # that bound, per kind, when partial


def prefix_end(prefix: str) -> str:
    """The least string above every string that starts with `prefix` (ids are ASCII)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


# --- reads asked for together: `Store.read_many` and `Store.caller` ------------------------
# What one command shows, asked for at once. `read_many(reads)` answers a list of these in
# order: SQLite runs each as the call it names (an embedded database has no round trip to
# save); MongoDB sends them as one aggregation (store/mongo_reads.py), so `status` or `me`
# costs one round trip after the caller's own read instead of one per figure. Each read is
# bounded by an index range, as the single calls are. `caller(user_id, token_id)` is the
# read every command starts with: the user, their user_data, and whether the token was
# revoked by a logout. Plain classes, not dataclasses: each @dataclass execs generated
# code on import (about half a millisecond apiece), and every command imports this module.
class Caller:
    """Who a login token names, as the store holds them now (None: no such user)."""

    __slots__ = ("data", "revoked", "user")

    def __init__(self, user: Doc | None, data: Doc | None, revoked: bool) -> None:
        self.user, self.data, self.revoked = user, data, revoked


class UserData:
    """`get_user_data(user_id)`."""

    __slots__ = ("user_id",)

    def __init__(self, user_id: str) -> None:
        self.user_id = user_id


class Page:
    """`list(kind, query)`: a plain page (no cursor, no search)."""

    __slots__ = ("kind", "query")

    def __init__(self, kind: Kind, query: Query) -> None:
        self.kind, self.query = kind, query


class Totals:
    """`totals_between(kind, user_id, field, bounds)`."""

    __slots__ = ("bounds", "field", "kind", "user_id")

    def __init__(self, kind: Kind, user_id: str, field: str | None, bounds: Sequence[str]) -> None:
        self.kind, self.user_id, self.field, self.bounds = kind, user_id, field, tuple(bounds)


class Entry:
    """`get(kind, user_id, entry_id)`."""

    __slots__ = ("entry_id", "kind", "user_id")

    def __init__(self, kind: Kind, user_id: str, entry_id: str) -> None:
        self.kind, self.user_id, self.entry_id = kind, user_id, entry_id


Read = UserData | Page | Totals | Entry


def one_by_one(store: Store, reads: Sequence[Read]) -> list[Any]:
    """Each read as its own store call, in order (SQLite's read_many, and MongoDB's for
    what one aggregation cannot say: a keyset page, a search)."""
    return [one(store, read) for read in reads]


def one(store: Store, read: Read) -> Any:
    if isinstance(read, UserData):
        return store.get_user_data(read.user_id)
    if isinstance(read, Page):
        return store.list(read.kind, read.query)
    if isinstance(read, Totals):
        return store.totals_between(read.kind, read.user_id, read.field, read.bounds)
    return store.get(read.kind, read.user_id, read.entry_id)


class Store(Protocol):
    """Implemented by store.sqlite.SqliteStore and store.mongo.MongoStore."""

    # --- lifecycle -------------------------------------------------------
    def close(self) -> None: ...

    def describe(self) -> str:
        """Where the data lives, safe to print (passwords redacted)."""
        ...

    def ping(self) -> None:
        """Raise BackendUnavailable if the store cannot be reached."""
        ...

    # --- diagnostics, for `psymitrix doctor` --------------------------------
    def schema_version(self) -> int: ...

    def expected_indexes(self) -> dict[str, list[str]]: ...

    def index_report(self) -> dict[str, list[str]]:
        """Index names present, per collection/table."""
        ...

    def round_trip_ms(self) -> float: ...

    # --- users ------------------------------------------------------------
    def create_user(self, user: Doc, user_data: Doc) -> None:
        """Insert both atomically. Raise Conflict naming `username` or `email` if taken."""
        ...

    def get_user(self, user_id: str) -> Doc | None: ...

    def caller(self, user_id: str, token_id: str, with_data: bool = True) -> Caller:
        """The user a login token names, their user_data (`with_data`), and whether the
        token id was revoked: one round trip on MongoDB, with the schema check."""
        ...

    def find_user(self, identifier: str) -> Doc | None:
        """By username (any case) or by email (lower-cased)."""
        ...

    def update_user(self, user_id: str, fields: Doc) -> None:
        """Set fields; Raise Conflict on a taken username/email."""
        ...

    def bump_token_version(self, user_id: str, fields: Doc | None = None) -> int:
        """Atomically increment tokenVersion (and set `fields`); return the new version."""
        ...

    def delete_user(self, user_id: str) -> bool:
        """Erase the user and every row of theirs."""
        ...

    # --- user_data ----------------------------------------------------------
    def get_user_data(self, user_id: str) -> Doc | None: ...

    def set_streak(self, user_id: str, expected_last: str | None, fields: Doc) -> bool:
        """Compare-and-set on lastStreakUpdate: write only if it still equals `expected_last`."""
        ...

    def increment(self, user_id: str, counter: str, by: int = 1) -> None: ...

    # --- one-time secrets (recovery codes, reset tokens), stored hashed ---
    def add_secrets(self, docs: Sequence[Doc]) -> None: ...

    def consume_secret(self, purpose: str, secret_hash: str, now: str) -> str | None:
        """Mark an unused, unexpired secret used; return its userId, or None."""
        ...

    def find_secret(self, purpose: str, secret_hash: str, now: str) -> str | None:
        """The userId of an unused, unexpired secret, leaving it as it is; or None."""
        ...

    def delete_secrets(self, user_id: str, purpose: str) -> None: ...

    # --- entries ------------------------------------------------------------
    def insert(self, kind: Kind, doc: Doc, counter: str | None = None) -> None:
        """Insert and bump the counter (`counter`, else kind.counter) in one atomic step.

        Raise Conflict on a unique clash (a night already logged)."""
        ...

    def insert_many(self, kind: Kind, docs: Sequence[Doc], counter: str | None = None) -> int:
        """Insert one user's entries and bump the counter by their number, all or nothing."""
        ...

    def replace(self, kind: Kind, user_id: str, entry_id: str, doc: Doc) -> bool: ...

    def update(self, kind: Kind, user_id: str, entry_id: str, fields: Doc) -> bool: ...

    def get(self, kind: Kind, user_id: str, entry_id: str) -> Doc | None: ...

    def tag_counts(self, kind: Kind, user_id: str) -> list[tuple[str, int]]:
        """Each tag the user's entries of `kind` carry, with how many carry it (one
        grouped read in the store), most used first."""
        ...

    def ids_with_prefix(self, kind: Kind, user_id: str, prefix: str, limit: int = 2) -> list[str]:
        """Up to `limit` of the user's entry ids that start with `prefix` (a range read on
        the id, so it costs the same however many entries there are)."""
        ...

    def find_one(self, kind: Kind, user_id: str, where: Doc) -> Doc | None:
        """An entry by equality on kind.unique or kind.fields (e.g. sleep by date)."""
        ...

    def list(self, kind: Kind, query: Query) -> list[Doc]: ...

    def count(self, kind: Kind, query: Query) -> int:
        """How many entries match (limit and offset ignored)."""
        ...

    def count_groups(
        self, kind: Kind, fields: Sequence[str], widths: Sequence[int | None]
    ) -> list[tuple[tuple[Any, ...], int]]:
        """Across every user: how many entries share each combination of `fields`, each
        value cut to its width when one is given ("at" at 7 is the UTC month). For
        operator-wide, content-free counts; one grouped read, never the documents."""
        ...

    def totals_between(
        self, kind: Kind, user_id: str, field: str | None, bounds: Sequence[str]
    ) -> list[tuple[int, float]]:
        """Per span [bounds[i], bounds[i + 1]) of the sort field: how many entries have a
        number in `field`, and their sum (field None: every entry, sum 0). One grouped
        query over the indexed range, so a trend is right however many entries the spans
        hold (len(bounds) - 1 pairs)."""
        ...

    def search(
        self,
        kinds: Sequence[Kind],
        user_id: str,
        match: SearchQuery,
        since: str | None,
        until: str | None,
        limit: int,
    ) -> Hits:
        """The user's newest `limit` entries of `kinds` that match, with `search.at` in
        [since, until): an index read that stops at `limit`, however long the history."""
        ...

    def delete(self, kind: Kind, user_id: str, entry_id: str, counter: str | None = None) -> bool:
        """Delete and decrement the counter atomically; False if there was no such entry."""
        ...

    def delete_where(self, kind: Kind, user_id: str, where: Doc) -> int: ...

    def read_many(self, reads: Sequence[Read]) -> list[Any]:
        """Each read's answer, in order, as its own call would give it (see `Read`): one
        round trip on MongoDB."""
        ...
