"""MongoDB schema versions: the indexes each version creates, and the migration lock;
plus the pure helpers mongo.py uses: the filters `list` sends, which are shaped for these
indexes, and connection strings, redaction and explain() plan stages.

The version lives in `schema_version` as `{_id: "schema", version: N}`. Like
sqlite_schema.py, each migration is frozen once released: it spells out its own
collections rather than reading `store.base.KINDS`, so a later change to a spec
can never rewrite history. Add a new function to MIGRATIONS (and its indexes to
`SHIPPED_INDEXES`) for every schema change; tests/test_schema_frozen.py records the
`digest` of each shipped version's indexes, so editing a shipped one fails the suite.

Creating an index that already exists with the same spec is a no-op, so a
migration that runs twice is harmless; the lock only keeps concurrent processes
from doing the work twice, and from racing on the version number.

pymongo is only ever handed in (a Database), never imported at module level.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, quote_plus, unquote

from psymitrix_cli import messages
from psymitrix_cli.config import MongoSettings
from psymitrix_cli.errors import InvalidInput, PsyError
from psymitrix_cli.store.base import Doc, Kind, Query
from psymitrix_cli.store.mongo_lock import (
    LEASE_SECONDS,
    MigrationLease,
    Waiting,
    give_up_message,
    log,
    took_over,
)
from psymitrix_cli.store.mongo_search import TERMS, Searched, backfill, driver

SCHEMA_COLLECTION = "schema_version"
SCHEMA_ID = "schema"
USERNAME_COLLATION: dict[str, Any] = {"locale": "en", "strength": 2}  # case-insensitive
_SCHEME = re.compile(r"^mongodb(\+srv)?://", re.IGNORECASE)
_SECRET_PARAM = re.compile(
    r"([?&][^=&]*(?:pass|secret|token|mechanismproperties)[^=&]*=)[^&]*", re.IGNORECASE
)


@dataclass(frozen=True)
class IndexSpec:
    collection: str
    name: str
    keys: tuple[tuple[str, int], ...]
    options: dict[str, Any] = field(default_factory=dict)


# (collection, sort field, equality fields, unique-with-userId fields) as of version 1.
_V1_ENTRY_COLLECTIONS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("sleep", "date", (), ("date",)),
    ("mood_journal", "at", (), ()),
    ("gratitude", "at", (), ()),
    ("breathing", "startedAt", (), ()),
    ("assessments", "takenAt", ("instrument",), ()),
    ("chat_sessions", "startedAt", (), ()),
    ("chat_messages", "seq", ("sessionId",), ("sessionId", "seq")),
    ("safety_events", "at", (), ()),
)


def _v1_indexes() -> tuple[IndexSpec, ...]:
    specs = [
        IndexSpec(
            "users",
            "users_username_ci",
            (("username", 1),),
            {"unique": True, "collation": USERNAME_COLLATION},
        ),
        IndexSpec("users", "users_email", (("email", 1),), {"unique": True}),
        IndexSpec("user_data", "user_data_userId", (("userId", 1),), {"unique": True}),
        IndexSpec("auth_secrets", "auth_secrets_user_purpose", (("userId", 1), ("purpose", 1))),
        # Documents without a BSON date in expiresAt (recovery codes) never expire.
        IndexSpec(
            "auth_secrets",
            "auth_secrets_expiresAt_ttl",
            (("expiresAt", 1),),
            {"expireAfterSeconds": 0},
        ),
    ]
    for name, sort, fields, unique in _V1_ENTRY_COLLECTIONS:
        specs.extend(entry_indexes(name, sort, fields, unique))
    return tuple(specs)


def entry_indexes(
    name: str, sort: str, fields: tuple[str, ...], unique: tuple[str, ...]
) -> list[IndexSpec]:
    """An entry collection's indexes. FROZEN: version 1 and every later kind use these
    specs, so do not change them; a new shape needs a new helper and a migration."""
    specs = [IndexSpec(name, f"{name}_user_time", (("userId", 1), (sort, -1), ("_id", -1)))]
    for column in fields:
        # _id last as well, so the (sort, _id) order of `list` comes from the index.
        keys = (("userId", 1), (column, 1), (sort, -1), ("_id", -1))
        specs.append(IndexSpec(name, f"{name}_user_{column}", keys))
    if unique:
        keys = (("userId", 1), *((c, 1) for c in unique))
        specs.append(IndexSpec(name, f"{name}_unique", keys, {"unique": True}))
    return specs


# The kinds whose indexes versions 1 and 2 create; any other registry kind gets its
# indexes from `ensure_kinds`, and is then listed in the schema document's `kinds`.
_MIGRATED_KINDS = (*(c[0] for c in _V1_ENTRY_COLLECTIONS), "idempotency")


def search_index(name: str, at: str) -> IndexSpec:
    """The multikey index a search reads (store/mongo_search.py). FROZEN once version 4
    ships: a later kind gets the same shape."""
    keys = (("userId", 1), (TERMS, 1), (at, -1), ("_id", -1))
    return IndexSpec(name, f"{name}_user_terms", keys)


def _kind_indexes(kind: Kind) -> list[IndexSpec]:
    specs = entry_indexes(kind.name, kind.sort, kind.fields, kind.unique)
    return specs + ([search_index(kind.name, kind.search.at)] if kind.search else [])


def ensure_kinds(db: Any, doc: Doc | None = None) -> None:
    """Create the indexes of registry kinds this database has not seen (a no-op when it
    has seen them all). `doc`: the schema document already read, so the common case
    costs no read of its own. create_index is idempotent, so a race is harmless."""
    from psymitrix_cli.store.base import KINDS

    if doc is None:
        doc = db[SCHEMA_COLLECTION].find_one({"_id": SCHEMA_ID}, {"kinds": 1}) or {}
    have = set(doc.get("kinds") or _MIGRATED_KINDS)
    missing = [k for k in KINDS.values() if k.name not in have]
    if not missing and doc.get("kinds"):
        return
    for kind in missing:
        _create(db, tuple(_kind_indexes(kind)))
    names = sorted(have | {k.name for k in missing})
    db[SCHEMA_COLLECTION].update_one({"_id": SCHEMA_ID}, {"$set": {"kinds": names}})


# Version 2: the server's idempotency records, one per (user, Idempotency-Key).
_V2_INDEXES = (
    IndexSpec("idempotency", "idempotency_user_time", (("userId", 1), ("at", -1), ("_id", -1))),
    IndexSpec("idempotency", "idempotency_unique", (("userId", 1), ("key", 1)), {"unique": True}),
)
# Version 3: state several servers share. Login failures (counted per key in a window),
# and real expiry dates, for TTL indexes, on them and on idempotency records.
_V3_INDEXES = (
    IndexSpec("login_failures", "login_failures_key", (("key", 1), ("at", 1))),
    IndexSpec(
        "login_failures", "login_failures_ttl", (("expiresAt", 1),), {"expireAfterSeconds": 0}
    ),
    IndexSpec("idempotency", "idempotency_ttl", (("expiresAt", 1),), {"expireAfterSeconds": 0}),
)
# Version 4: the search index, a multikey index on each searchable entry's terms, and
# the terms of every entry already there (store/mongo_search.py).
_V4_SEARCHED: tuple[Searched, ...] = (
    ("mood_journal", ("text", "tags"), "at"),
    ("gratitude", ("items",), "at"),
    ("chat_sessions", ("summary",), "startedAt"),
    ("chat_messages", ("content",), "at"),
)
_V4_INDEXES = tuple(search_index(name, at) for name, _, at in _V4_SEARCHED)
# FROZEN: each version's indexes as shipped. Append a version; never edit a shipped one.
SHIPPED_INDEXES: tuple[tuple[IndexSpec, ...], ...] = (
    _v1_indexes(),
    _V2_INDEXES,
    _V3_INDEXES,
    _V4_INDEXES,
)


def digest(specs: tuple[IndexSpec, ...]) -> str:
    """A hash of a version's index specs (collection, name, keys, options), recorded once
    it ships."""
    text = json.dumps([[s.collection, s.name, s.keys, s.options] for s in specs], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _create(db: Any, specs: tuple[IndexSpec, ...]) -> None:
    for spec in specs:
        db[spec.collection].create_index(list(spec.keys), name=spec.name, **spec.options)


def _v1(db: Any) -> None:
    _create(db, SHIPPED_INDEXES[0])


def _v2(db: Any) -> None:
    _create(db, SHIPPED_INDEXES[1])


def _v3(db: Any) -> None:
    _create(db, SHIPPED_INDEXES[2])
    # Version-2 records kept their time as a string only: give each a day from its claim.
    for doc in db["idempotency"].find({"expiresAt": {"$exists": False}}, {"at": 1}):
        expires = datetime.fromisoformat(doc["at"]) + timedelta(days=1)
        db["idempotency"].update_one({"_id": doc["_id"]}, {"$set": {"expiresAt": expires}})


def _v4(db: Any) -> None:
    _create(db, SHIPPED_INDEXES[3])
    backfill(db, _V4_SEARCHED)


MIGRATIONS: tuple[Callable[[Any], None], ...] = (_v1, _v2, _v3, _v4)
LATEST = len(MIGRATIONS)


def expected_indexes() -> dict[str, list[str]]:
    """Collection → index names (with `_id_`) that the latest schema should have."""
    from psymitrix_cli.store.base import KINDS

    out: dict[str, set[str]] = {}
    for specs in SHIPPED_INDEXES:
        for spec in specs:
            out.setdefault(spec.collection, {"_id_"}).add(spec.name)
    for kind in KINDS.values():
        if kind.name not in out:
            out[kind.name] = {"_id_", *(spec.name for spec in _kind_indexes(kind))}
    return {name: sorted(names) for name, names in out.items()}


def schema_version(db: Any) -> int:
    doc = db[SCHEMA_COLLECTION].find_one({"_id": SCHEMA_ID}, {"version": 1})
    return int(doc.get("version", 0)) if doc else 0


def migrate(db: Any, wait_seconds: float = 60.0, lease_seconds: float = LEASE_SECONDS) -> None:
    """Bring the database to LATEST once, however many processes start at the same time.

    One process takes the migration lock (a lease on the schema document, renewed while
    it works: see mongo_lock.py) and migrates; the others wait until the version is
    current. A lease that is not renewed (its migrator crashed) is taken over when it
    runs out, whatever `wait_seconds` says; only a lease still being renewed after
    `wait_seconds` makes a waiter give up.
    """
    coll = db[SCHEMA_COLLECTION]
    lease = MigrationLease(coll, SCHEMA_ID, lease_seconds)
    waiting = Waiting()
    started = time.monotonic()
    while True:
        # One read answers both questions: the version, and which kinds have indexes.
        doc = coll.find_one({"_id": SCHEMA_ID}, {"version": 1, "kinds": 1}) or {}
        current = int(doc.get("version", 0))
        if current > LATEST:
            raise PsyError(messages.MONGO_SCHEMA_NEWER.format(name=db.name, current=current))
        if current == LATEST:
            ensure_kinds(db, doc)  # the common case: no more reads, no write
            return
        taken = lease.try_take()
        if taken is None:
            waiting.observe(lease.holder(), db.name)
            waited = time.monotonic() - started
            if waited > wait_seconds and waiting.renewed:
                raise PsyError(give_up_message(waiting.seen, db.name, waited))
            time.sleep(0.1)
            continue
        held, expired = taken
        if expired is not None:
            took_over(expired, db.name)
        first = int(held.get("version", 0)) + 1
        log.info(
            "migrating the MongoDB database %r from schema %d to %d", db.name, first - 1, LATEST
        )
        mine = {"_id": SCHEMA_ID, "lock.owner": lease.token}
        with lease:
            for version in range(first, LATEST + 1):
                MIGRATIONS[version - 1](db)
                coll.update_one(mine, {"$max": {"version": version}})


# --- the queries those indexes serve -------------------------------------------------------
def entry_filter(kind: Kind, query: Query, where: Doc | None = None, paged: bool = False) -> Doc:
    """userId and equalities at the top level, plus at most one upper bound on the sort
    field (`$lt` until or `$lte` cursor, the tighter); everything else under $and.

    MongoDB flattens $and, so every shape gets index bounds there. SecantusDB 0.7 only
    uses an index for equalities plus one operator with no `$` key at the top, and drops
    rows equal to a `$gte` bound on a descending compound-index field, so lower bounds
    always go under $and: a scan there, never a wrong answer."""
    match: Doc = {"userId": query.user_id}
    for name, value in (query.where if where is None else where).items():
        if name not in (*kind.fields, *kind.unique):
            raise ValueError(f"{kind.name} cannot be filtered on {name!r}")
        match[name] = value
    lows, highs = [("$gte", query.since)], [("$lt", query.until)]
    if paged and query.before is not None:  # the cursor row's value, inclusive: see list()
        bound = ("$gte" if query.ascending else "$lte", query.before[0])
        (lows if query.ascending else highs).append(bound)
    lows, highs = [b for b in lows if b[1] is not None], [b for b in highs if b[1] is not None]
    if highs and kind.sort not in match:
        try:  # the tightest upper bound implies the others; on a tie $lt is the tighter
            op, value = min(highs, key=lambda b: (b[1], b[0] == "$lte"))
            match[kind.sort], highs = {op: value}, []
        except TypeError:  # values of different types: leave the comparing to the server
            pass
    extra = [{kind.sort: {op: value}} for op, value in (*lows, *highs)]
    if query.tag is not None:
        match["tags"] = query.tag
    if query.match is not None:  # one word from the index; the rest is checked on each entry
        match[TERMS] = driver(query.match)
    if extra:
        match["$and"] = extra
    return match


# --- connection strings and plans (pure helpers, shared with doctor) ---------------------
def mongo_uri(settings: MongoSettings) -> str:
    """MONGO_LINK wins; else MONGO_HOST (a link itself, or a host list) with escaped credentials."""
    link = settings.link or (
        settings.host if settings.host and _SCHEME.match(settings.host) else None
    )
    if link:
        if not _SCHEME.match(link):
            raise InvalidInput(messages.MONGO_LINK_RULE)
        return link
    if not settings.host:
        raise InvalidInput(messages.MONGO_NOT_CONFIGURED)
    host = settings.host.strip().strip("/")
    atlas = host.lower().endswith(".mongodb.net") or ".mongodb.net:" in host.lower()
    srv = atlas and "," not in host and ":" not in host  # an Atlas cluster name: SRV lookup
    creds = ""
    if settings.user:
        creds = quote_plus(settings.user)
        if settings.password:
            creds += ":" + quote_plus(settings.password)
        creds += "@"
    if srv:
        return f"mongodb+srv://{creds}{host}/"
    return f"mongodb://{creds}{host}/" + ("?tls=true" if atlas else "")  # Atlas requires TLS


def split_uri(uri: str) -> tuple[str, str, str, str]:
    """(scheme://, userinfo, hosts, /path?query). Userinfo ends at the last '@' before
    the query (pymongo's own reading); an unescaped '?' in a password still ends up inside."""
    match = _SCHEME.match(uri)
    if not match:
        return "", "", uri, ""
    scheme, rest = match.group(0), uri[match.end() :]
    head = rest.partition("?")[0]
    at = head.rfind("@") if "@" in head else rest.rfind("@")
    userinfo, rest = (rest[:at], rest[at + 1 :]) if at >= 0 else ("", rest)
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    return scheme, userinfo, rest[:cut], rest[cut:]


def redact_uri(uri: str) -> str:
    """The URI with its password (everything after `user:` up to `@`) and secret options as ***."""
    scheme, userinfo, hosts, tail = split_uri(uri)
    if not scheme:
        return uri
    if userinfo:
        user, colon, _ = userinfo.partition(":")
        userinfo = f"{user}:***@" if colon else f"{user}@"
    tail = _SECRET_PARAM.sub(lambda m: m.group(1) + "***", tail)
    return f"{scheme}{userinfo}{hosts}{tail}"


def secret_forms(settings: MongoSettings, uri: str) -> tuple[str, ...]:
    """Every spelling of the password that could surface in a message, longest first."""
    raw = {settings.password or ""}
    userinfo = split_uri(uri)[1]
    if ":" in userinfo:
        link_password = userinfo.partition(":")[2]
        raw |= {link_password, unquote(link_password)}
    forms = {f for p in raw if p for f in (p, quote_plus(p), quote(p, safe=""))}
    return tuple(sorted(forms, key=len, reverse=True))


def plan_stages(plan: dict[str, Any]) -> list[str]:
    """The stage names of an explain() plan, outermost first (e.g. LIMIT, FETCH, IXSCAN)."""
    stages = [plan["stage"]] if "stage" in plan else []
    children = [plan[k] for k in ("inputStage", "queryPlan") if isinstance(plan.get(k), dict)]
    children += [c for c in plan.get("inputStages", []) if isinstance(c, dict)]
    for child in children:
        stages += plan_stages(child)
    return stages
