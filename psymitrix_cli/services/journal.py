"""The mood journal: free text with an optional mood and tags, screened for safety.

Lists are keyset pages read through the (userId, at) index with the filters
pushed into the store, so no call ever loads a person's whole history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain import journal as rules
from psymitrix_cli.errors import InvalidInput, NotFound
from psymitrix_cli.services import usertime
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import MOOD_JOURNAL, Doc, Kind, Query

Result = dict[str, Any]


def frequency_of(
    ctx: ServiceContext, user: Doc, kind: Kind, window_start: Callable[[int], str]
) -> Result:
    """The dashboard's view of one tracker: the exact counter, the newest entry's
    sort value, and how many entries fall in the last 7 and 30 days of the user's calendar.

    `window_start(days)` gives the sort value where that window begins (an instant
    for time-sorted kinds, a date for sleep). Three indexed reads, whatever the history.
    """
    user_id = user["_id"]
    data = ctx.store.get_user_data(user_id) or {}
    newest = ctx.store.list(kind, Query(user_id=user_id, limit=1))
    return {
        "count": int(data.get(kind.counter or "", 0)),
        "lastAt": newest[0][kind.sort] if newest else None,
        "last7": ctx.store.count(kind, Query(user_id=user_id, since=window_start(7))),
        "last30": ctx.store.count(kind, Query(user_id=user_id, since=window_start(30))),
    }


def screened(doc: Doc) -> Result:
    """The public entry plus the safety decision for what it now says."""
    from psymitrix_cli.domain.safety import screen_message

    tier = screen_message(doc["text"]).tier
    return {
        **(public(doc) or {}),
        "crisis": rules.needs_crisis_help(doc.get("mood"), tier),
        "safetyTier": tier,
    }


class JournalService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _not_found(self, entry_id: str) -> NotFound:
        return NotFound(messages.JOURNAL_NOT_FOUND.format(id=rules.shown_id(entry_id)))

    def add(
        self,
        *,
        text: str | None,
        mood: int | None,
        tags: Sequence[str] = (),
        at: str | None = None,
    ) -> Result:
        body = rules.entry_text(text)
        mood_value = rules.mood(mood)
        tag_list = rules.tags(tags)
        user = self.session.user()
        when = usertime.moment(self.ctx, user, at)
        now = self.ctx.now_iso()
        doc: Doc = {
            "_id": new_id(),
            "userId": user["_id"],
            "at": when,
            "text": body,
            "mood": mood_value,
            "moodLabel": rules.mood_label(mood_value),
            "tags": tag_list,
            "createdAt": now,
            "updatedAt": now,
        }
        self.ctx.store.insert(MOOD_JOURNAL, doc)
        # Screened after saving: the entry is never lost to a screening failure.
        return screened(doc)

    def list(
        self,
        *,
        limit: int = 20,
        since: str | None = None,
        until: str | None = None,
        tag: str | None = None,
        search: str | None = None,
        cursor: str | None = None,
    ) -> dict[str, Any]:
        size = page_size(limit)
        tag_value = None if tag is None else rules.tag(tag)
        words = rules.search_words(search)
        before = decode_cursor(cursor)
        user = self.session.user()
        start, end = usertime.date_range(user, since, until)
        query = Query(
            user_id=user["_id"],
            limit=size + 1,
            before=before,
            since=start,
            until=end,
            tag=tag_value,
            words=words,
        )
        rows = self.ctx.store.list(MOOD_JOURNAL, query)
        return page(MOOD_JOURNAL, rows, size, [public(r) or {} for r in rows])

    def _doc(self, entry_id: str) -> Doc:
        doc = self.ctx.store.get(MOOD_JOURNAL, self.session.user_id, entry_id)
        if doc is None:
            raise self._not_found(entry_id)
        return doc

    def get(self, entry_id: str) -> Result:
        return public(self._doc(entry_id)) or {}

    def edit(
        self,
        entry_id: str,
        *,
        text: str | None = None,
        mood: int | None = None,
        tags: Sequence[str] | None = None,
    ) -> Result:
        fields: Doc = {}
        if text is not None:
            fields["text"] = rules.entry_text(text)
        if mood is not None:
            fields["mood"] = rules.mood(mood)
            fields["moodLabel"] = rules.mood_label(fields["mood"])
        if tags is not None:
            fields["tags"] = rules.tags(tags)  # the given tags replace the old ones
        if not fields:
            raise InvalidInput(messages.JOURNAL_NOTHING_TO_EDIT)
        user_id = self.session.user_id
        fields["updatedAt"] = self.ctx.now_iso()
        if not self.ctx.store.update(MOOD_JOURNAL, user_id, entry_id, fields):
            raise self._not_found(entry_id)
        return screened(self._doc(entry_id))

    def delete(self, entry_id: str) -> None:
        if not self.ctx.store.delete(MOOD_JOURNAL, self.session.user_id, entry_id):
            raise self._not_found(entry_id)

    def frequency(self) -> Result:
        user = self.session.user()
        return frequency_of(
            self.ctx,
            user,
            MOOD_JOURNAL,
            lambda days: usertime.days_ago_start(self.ctx, user, days),
        )
