"""One service for every tracker: add, list, get, edit, delete and frequency, driven by
the kind's registry entry (domain/entries.py).

A payload goes whole through the kind's one `normalise`; a kind with unique fields
(sleep's night) treats the store's unique index as the only arbiter of "already
there" and may replace in place; lists are keyset pages with the filters pushed
into the store, so no call ever loads a person's whole history. A tracker with an
operation of its own (gratitude's reflect, sleep's averages) subclasses this.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import entries as registry
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.domain import validation as v
from psymitrix_cli.domain.entry_kind import EntryKind, PageQuery, When, check
from psymitrix_cli.errors import Conflict, InvalidInput, NotFound, ref
from psymitrix_cli.services import ids, usertime
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import Doc, Page, Query, Read, Totals, UserData, kind_of

Result = dict[str, Any]
WRITE_ATTEMPTS = 3  # an entry deleted between the clash and the replace: insert again


def when_for(ctx: ServiceContext, user: Doc) -> When:
    """Now, in the person's own calendar."""
    return When(ctx.clock.now(), usertime.zone(user))


def window_start(ctx: ServiceContext, user: Doc, spec: EntryKind, days: int) -> str:
    """Where "the last `days` days" begins, in the kind's sort field: the start of
    that day for time-sorted kinds, the date itself for date-sorted ones (sleep)."""
    first = usertime.today(ctx, user) - timedelta(days=days - 1)
    return first.isoformat() if spec.window == "date" else usertime.day_start(first, user)


def window_end(ctx: ServiceContext, user: Doc, spec: EntryKind) -> str:
    """Where the person's today ends: windows stop there, so an entry dated ahead (an
    activity planned for next week) is not counted as done in the last 7 days."""
    return window_start(ctx, user, spec, 0)


def frequency_of(ctx: ServiceContext, user: Doc, spec: EntryKind, data: Doc) -> Result:
    """The dashboard's view of one tracker: the exact counter, the newest entry's sort
    value, and how many entries fall in the last 7 and 30 days of the person's calendar."""
    return tracker_counts(ctx, user, spec, data)[0]


def tracker_reads(ctx: ServiceContext, user: Doc, spec: EntryKind) -> list[Read]:
    """The two indexed reads of a tracker's counts, whatever the history: the newest
    entry, and one grouped count over the spans [30 days ago, 7 days ago), [7 days ago,
    today), [today, tomorrow). Asked for with others in one `read_many`."""
    kind, user_id = kind_of(spec), user["_id"]
    end = window_end(ctx, user, spec)
    bounds = [window_start(ctx, user, spec, days) for days in (30, 7, 1)] + [end]
    return [
        Page(kind, Query(user_id=user_id, limit=1, until=end)),
        Totals(kind, user_id, None, tuple(bounds)),
    ]


def tracker_view(spec: EntryKind, data: Doc, newest: list[Doc], spans: Any) -> tuple[Result, int]:
    """frequency_of's view from tracker_reads' answers, and how many entries fall on
    the person's today."""
    (older, _), (week, _), (today, _) = spans
    view = {
        "count": int(data.get(spec.counter or "", 0)),
        "lastAt": newest[0][spec.sort] if newest else None,
        "last7": week + today,
        "last30": older + week + today,
    }
    return view, today


def tracker_counts(
    ctx: ServiceContext, user: Doc, spec: EntryKind, data: Doc
) -> tuple[Result, int]:
    """frequency_of's view, and how many entries fall on the person's today."""
    newest, spans = ctx.store.read_many(tracker_reads(ctx, user, spec))
    return tracker_view(spec, data, newest, spans)


def screened(spec: EntryKind, doc: Doc) -> Result:
    """The public entry, plus the safety decision for what it says when the kind is
    screened (the entry is saved first: it is never lost to a screening failure)."""
    return {**(public(doc) or {}), **registry.screening(spec, doc)}


class EntryService:
    def __init__(self, ctx: ServiceContext, session: Session, spec: EntryKind) -> None:
        self.ctx = ctx
        self.session = session
        self.spec = spec
        self.kind = kind_of(spec)

    # --- addressing ----------------------------------------------------------------
    def _shown(self, key: str) -> str:
        return rules.shown_id(key) if self.spec.key == "id" else key

    def _not_found(self, key: str) -> NotFound:
        words = {self.spec.key: self._shown(key), "noun": self.spec.noun}
        return NotFound(self.spec.not_found.format(**words))

    def _find(self, key: str) -> Doc:
        user_id = self.session.user_id
        if self.spec.key == "id":
            key = ids.resolve(self.ctx.store, self.kind, user_id, key)
            doc = self.ctx.store.get(self.kind, user_id, key)
        else:  # a unique date field (sleep's night)
            day = v.parse_date(key, messages.LABEL_DATE).isoformat()
            key = day
            doc = self.ctx.store.find_one(self.kind, user_id, {self.spec.key: day})
        if doc is None:
            raise self._not_found(key)
        return doc

    def _screened(self, doc: Doc, source: str | None = None) -> Result:
        """The result, and a content-free safety event when the screen found something."""
        result = screened(self.spec, doc)
        if result.get("safetyTier", "none") != "none":
            from psymitrix_cli.services.safety_events import record_result

            record_result(self.ctx, doc["userId"], source or self.spec.command or "", result)
        return result

    # --- the operations ------------------------------------------------------------
    @allows("write")
    def add(
        self,
        payload: Any,
        *,
        replace: bool = False,
        source: str | None = None,
        entry_id: str | None = None,
    ) -> Result:
        """A new entry. `entry_id`: a fixed id (a check-in's part); when an entry already
        has it, that entry is replaced in place, so writing it twice keeps one."""
        user = self.session.user()
        fields = self.spec.stored(payload, when_for(self.ctx, user))
        now = self.ctx.now_iso()
        doc: Doc = {"_id": entry_id or new_id(), "userId": user["_id"], **fields}
        doc.update(dict.fromkeys(self.spec.timestamps, now))
        if self.spec.unique:
            return self._add_unique(doc, replace)
        if entry_id is None:
            self.ctx.store.insert(self.kind, doc)
            return self._screened(doc, source)
        return self._add_fixed(doc, source)

    def _add_fixed(self, doc: Doc, source: str | None) -> Result:
        """Insert under a fixed id, or replace the entry that has it (same row, same
        counter); insert first, so two writers can never both add it."""
        for _ in range(WRITE_ATTEMPTS):
            try:
                self.ctx.store.insert(self.kind, doc)
                return {**self._screened(doc, source), "replaced": False}
            except Conflict:
                existing = self.ctx.store.get(self.kind, doc["userId"], doc["_id"])
            if existing is None:
                continue  # deleted since the clash: the next insert may win
            kept = {**doc, "createdAt": existing.get("createdAt", doc.get("createdAt"))}
            if self.ctx.store.replace(self.kind, doc["userId"], doc["_id"], kept):
                return {**self._screened(kept, source), "replaced": True}
        raise Conflict(messages.ENTRY_BUSY, field="id")

    def _add_unique(self, doc: Doc, replace: bool) -> Result:
        """Insert first and treat Conflict as the answer, so two processes writing the
        same night can never both count it; with `replace`, overwrite in place."""
        where = {f: doc[f] for f in self.spec.unique}
        taken = Conflict(self.spec.conflict.format(**where), field=self.spec.unique[0])
        for _ in range(WRITE_ATTEMPTS):
            try:
                self.ctx.store.insert(self.kind, doc)
                return {**screened(self.spec, doc), "replaced": False}
            except Conflict:
                if not replace:
                    raise taken from None
            existing = self.ctx.store.find_one(self.kind, doc["userId"], where)
            if existing is None:
                continue  # deleted since the clash: the next insert may win
            kept = {**doc, "_id": existing["_id"]}
            if "createdAt" in existing:
                kept["createdAt"] = existing["createdAt"]
            # Same row, same id, so the counter is untouched.
            if self.ctx.store.replace(self.kind, doc["userId"], existing["_id"], kept):
                return {**screened(self.spec, kept), "replaced": True}
        raise taken

    @allows("read")
    def list(self, query: PageQuery | None = None) -> Result:
        q = query or PageQuery()
        size = page_size(q.limit, default=self.spec.page_size)
        user = self.session.user()
        start, end = usertime.date_range(user, q.since, q.until)
        store_query = Query(
            user_id=user["_id"],
            limit=size + 1,
            before=decode_cursor(q.cursor),
            since=start,
            until=end,
            tag=None if q.tag is None else check("tag", lambda: rules.tag(q.tag)),
            match=check("search", lambda: rules.search_query(q.search)),
        )
        rows = self.ctx.store.list(self.kind, store_query)
        return page(self.kind, rows, size, [public(r) or {} for r in rows])

    @allows("read")
    def get(self, key: str) -> Result:
        return public(self._find(key)) or {}

    @allows()
    def edit(self, key: str, changes: Mapping[str, Any]) -> Result:
        """Lay the given fields (None: unchanged) over the entry and normalise it whole."""
        if all(value is None for value in changes.values()):
            listed = messages.one_of([ref(name) for name in changes] or [messages.A_FIELD])
            raise InvalidInput(messages.NOTHING_TO_EDIT.format(fields=listed))
        doc = self._find(key)
        user = self.session.user()
        fields = self.spec.stored(self.spec.merged(doc, changes), when_for(self.ctx, user))
        if "updatedAt" in self.spec.timestamps:
            fields["updatedAt"] = self.ctx.now_iso()
        if not self.ctx.store.update(self.kind, user["_id"], doc["_id"], fields):
            raise self._not_found(key)
        return self._screened({**doc, **fields})

    @allows()
    def delete(self, key: str) -> None:
        if self.spec.key == "id":
            entry_id = ids.resolve(self.ctx.store, self.kind, self.session.user_id, key)
        else:
            entry_id = self._find(key)["_id"]
        # By id, so the store keeps the counter exact; a racing delete finds nothing.
        if not self.ctx.store.delete(self.kind, self.session.user_id, entry_id):
            raise self._not_found(key)

    @allows("read")
    def tags(self) -> Result:
        """How many entries carry each tag, most used first."""
        if "tag" not in self.spec.filters:
            raise InvalidInput(messages.NO_TAGS_HERE.format(label=self.spec.label), field="tags")
        counted = self.ctx.store.tag_counts(self.kind, self.session.user_id)
        return {"tags": [{"tag": tag, "count": n} for tag, n in counted]}

    @allows("read")
    def frequency(self) -> Result:
        user = self.session.user()
        reads = [UserData(user["_id"]), *tracker_reads(self.ctx, user, self.spec)]
        data, newest, spans = self.ctx.store.read_many(reads)
        return tracker_view(self.spec, data or {}, newest, spans)[0]


# Trackers with operations of their own: (module, class), imported on first use.
EXTENDED: dict[str, tuple[str, str]] = {
    "gratitude": ("psymitrix_cli.services.gratitude", "GratitudeService"),
    "sleep": ("psymitrix_cli.services.sleep", "SleepService"),
}


def service_for(ctx: ServiceContext, session: Session, name: str) -> EntryService:
    """The service of one registry kind: its own subclass, or the generic one."""
    from psymitrix_cli.domain.entries import BY_NAME

    if name in EXTENDED:
        import importlib

        module, cls = EXTENDED[name]
        service: EntryService = getattr(importlib.import_module(module), cls)(ctx, session)
        return service
    return EntryService(ctx, session, BY_NAME[name])
