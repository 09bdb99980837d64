"""What the code knows about one kind of entry, in one frozen value. Pure.

`EntryKind` is the single description the layers are driven by: the store's `Kind`
(name, sort, counter, indexed and unique fields), the payload dataclass that *is*
the definition of the fields a person writes, the one `normalise(payload, when)`
that new entries, imports and the outbox all call, and the words and columns the
views, CSV export and dashboard use. The registry of every kind is domain/entries.py.

Payload field names are the stored and JSON names (camelCase, as in the data
model), so a payload travels whole from a CLI flag to a document without being
renamed in every layer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Literal, TypeVar

from psymitrix_cli import messages
from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.domain import validation as v
from psymitrix_cli.errors import InvalidInput, ref

Doc = dict[str, Any]
T = TypeVar("T")
FUTURE_SLACK = timedelta(minutes=5)  # clocks disagree a little; a typo a day ahead is refused
PLAN_AHEAD = timedelta(days=366)  # how far ahead something may be planned
EARLIEST = date(1900, 1, 1)  # no entry is older; 1800-01-01 is a typo, like a future date


@dataclass(frozen=True)
class When:
    """Now, and the calendar a person's days are counted in (their timezone on a
    server or the local backend; this machine's for an entry queued in the outbox)."""

    now: datetime
    zone: tzinfo

    def today(self) -> date:
        return self.now.astimezone(self.zone).date()

    def day_start(self, day: date) -> str:
        return iso(datetime.combine(day, time.min, tzinfo=self.zone))

    def instant(self, value: str | None, field: str, *, ahead: timedelta = FUTURE_SLACK) -> str:
        """An instant a person typed: now when absent; a bare date means noon that day;
        a naive time is in their timezone. Never later than `ahead` from now."""
        if value is None:
            return iso(self.now)
        text = check(field, lambda: _text(value)).strip()
        if len(text) == 10:
            parsed = datetime.combine(self.date(text, field, ahead=ahead), time(12), self.zone)
        else:
            parsed = check(field, lambda: v.parse_datetime(text, ref(field)))
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=self.zone)
        if parsed > self.now + ahead:
            raise InvalidInput(
                messages.ENTRY_FIELD_IN_FUTURE_REPR.format(field=ref(field), value=value),
                field=field,
            )
        _not_too_old(parsed.date(), value, field)
        return iso(parsed)

    def date(self, value: str | None, field: str, *, ahead: timedelta = timedelta(0)) -> date:
        """A calendar date a person typed (default today), never later than `ahead`."""
        if value is None:
            return self.today()
        day = check(field, lambda: v.parse_date(_text(value), ref(field)))
        if day > (self.now.astimezone(self.zone) + ahead).date():
            raise InvalidInput(
                messages.ENTRY_FIELD_IN_FUTURE.format(field=ref(field), value=value), field=field
            )
        _not_too_old(day, value, field)
        return day


def _not_too_old(day: date, value: object, field: str) -> None:
    if day < EARLIEST:
        raise InvalidInput(
            messages.ENTRY_TOO_LONG_AGO.format(
                field=ref(field), value=value, earliest=EARLIEST.isoformat()
            ),
            field=field,
        )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(messages.EXPECTED_TEXT_GOT.format(value=value))
    return value


def check(field: str, rule: Callable[[], T]) -> T:
    """Run one rule; an error it raises is about `field` (kept if it named one already)."""
    try:
        return rule()
    except InvalidInput as exc:
        if exc.field is None:
            exc.field = field
        raise


def past_instant(
    value: object, field: str, when: When, slack: timedelta = timedelta(days=1)
) -> str:
    """A recorded instant (a session's end, an imported time): ISO 8601, not in the future."""
    try:
        moment = parse_iso(_text(value))
    except ValueError:
        raise InvalidInput(
            messages.ENTRY_NOT_AN_INSTANT.format(value=str(value)[:40]), field=field
        ) from None
    if moment > when.now + slack:
        raise InvalidInput(messages.ENTRY_IN_FUTURE.format(value=value), field=field)
    _not_too_old(moment.date(), value, field)
    return iso(moment)


Normaliser = Callable[[Any, When], Doc]


def _field_text(value: Any, joiner: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return joiner.join(v for v in value if isinstance(v, str))
    return ""  # absent, or sealed (an encrypted value is a mapping)


@dataclass(frozen=True)
class SearchSpec:
    """How `psymitrix search` reads one kind: the fields its index holds, the time its
    results are ordered by, and the name `--kind` gives it."""

    group: str  # journal | gratitude | chat
    fields: tuple[str, ...]  # indexed, in this order (a string, or a list of strings)
    at: str  # the time an entry is found by (newest first, --since/--until)
    hashtags: tuple[str, ...] = ()  # list fields shown as #tags, not in the snippet

    def indexed(self, doc: Doc) -> str:
        """The text the index holds for `doc` (its fields, joined by spaces)."""
        return " ".join(_field_text(doc.get(f), " ") for f in self.fields)

    def shown(self, doc: Doc) -> str:
        """The text a result's snippet is cut from (a list's items joined by ' · ')."""
        parts = [_field_text(doc.get(f), " · ") for f in self.fields if f not in self.hashtags]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class PageQuery:
    """A page of one kind's entries, newest first; a kind honours the filters it lists."""

    limit: int | None = None  # None: the kind's page size
    cursor: str | None = None  # the nextCursor of the previous page
    since: str | None = None  # from this day (YYYY-MM-DD), inclusive
    until: str | None = None  # up to this day, inclusive
    tag: str | None = None
    search: str | None = None  # a search query (domain/search.py), newest first


@dataclass(frozen=True)
class EntryKind:
    """One collection (MongoDB) or table (SQLite) of user-owned entries, and how each
    layer treats it. Only `name` and `sort` are required: a store-only kind (the
    server's idempotency records) needs nothing else."""

    name: str
    sort: str  # the field lists are ordered by, newest first
    counter: str | None = None  # the user_data count kept exactly with the entries
    counters: tuple[str, ...] = ()  # every count this kind keeps (some pick one per entry)
    fields: tuple[str, ...] = ()  # extra fields queried by equality (indexed)
    unique: tuple[str, ...] = ()  # unique together with userId
    # --- what a person writes ----------------------------------------------------------
    payload: type | None = None  # the frozen dataclass of the fields a person writes
    normalise: Normaliser | None = None  # payload -> stored fields (raises InvalidInput)
    timestamps: tuple[str, ...] = ()  # createdAt / updatedAt, set by the service
    screened: str | None = None  # the free-text field the safety screen reads
    sealed: tuple[str, ...] = ()  # encrypted at rest when the local store's encryption is on
    # --- how it is addressed ---------------------------------------------------------------
    command: str | None = None  # CLI group and /v1/<command> route
    cli_group: str | None = None  # the CLI group when it is not `command` (breathing: breathe)
    add_verb: str = "add"  # `sleep log`, `journal add`
    key: str = "id"  # an entry's address: its id, or a unique field (sleep: date)
    filters: tuple[str, ...] = ()  # list filters beyond the page: since, until, tag, search
    search: SearchSpec | None = None  # in `psymitrix search` and a list's --search
    page_size: int = 20
    editable: bool = False  # PATCH / `edit`: given fields replace stored ones
    summary: str = ""  # the command's line in --help
    # --- words, columns, windows ----------------------------------------------------------
    title: str = ""  # "Mood journal": a dashboard row
    label: str = ""  # "Journal entries": a count in an import or export
    noun: str = "entry"  # "activity": one of them, in the generic messages
    not_found: str = ""  # messages.*_NOT_FOUND, formatted with {id} (or the key's name)
    conflict: str = ""  # the message when a unique key is taken
    csv: tuple[str, ...] = ()  # export columns, in order
    window: Literal["instant", "date"] = "instant"  # what "the last 7 days" counts by
    exported: bool = False  # a top-level kind of the export document
    tracker: str | None = None  # its key in the dashboard's counts and `me` counts
    today: str | None = None  # its key in the dashboard's "today" checklist
    me: str | None = None  # its list in `me`'s userData
    me_fields: tuple[str, ...] = ()  # what `me` keeps of each entry (empty: all of it)

    @property
    def all_counters(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*((self.counter,) if self.counter else ()), *self.counters)))

    @property
    def group(self) -> str:
        """The CLI group its commands live under."""
        return self.cli_group or self.command or self.name

    @property
    def operation(self) -> str:
        """The name a queued write of this kind carries (`journal.add`, `sleep.log`)."""
        return f"{self.command or self.name}.{self.add_verb}"

    def new_payload(self, data: Mapping[str, Any]) -> Any:
        """A payload from JSON-ish data: known fields only, a list where a tuple goes."""
        assert self.payload is not None, f"{self.name} has no payload"
        given = {}
        for spec in dataclasses.fields(self.payload):
            if spec.name in data:
                value = data[spec.name]
                given[spec.name] = tuple(value) if isinstance(value, list) else value
        try:
            return self.payload(**given)
        except TypeError:  # a required field left out
            missing = [
                f.name
                for f in dataclasses.fields(self.payload)
                if f.name not in given
                and f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING
            ]
            field = missing[0] if missing else None
            raise InvalidInput(
                messages.ENTRY_FIELD_REQUIRED.format(field=ref(field or "body")), field=field
            ) from None

    def merged(self, doc: Doc, changes: Mapping[str, Any]) -> Any:
        """The payload of a stored entry with `changes` (None: unchanged) laid over it."""
        given = {k: v for k, v in changes.items() if v is not None}
        return self.new_payload({**doc, **given})

    def stored(self, payload: Any, when: When) -> Doc:
        assert self.normalise is not None, f"{self.name} has no normaliser"
        return self.normalise(payload, when)


def payload_json(payload: Any) -> Doc:
    """A payload as a JSON body (tuples become lists)."""
    out = dataclasses.asdict(payload)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}
