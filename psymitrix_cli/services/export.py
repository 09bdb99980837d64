"""An export read from the store while it is written: `StoreSource` and `LocalExport`.

Every kind is read a page at a time, oldest first, through the (userId, time) index
(keyset, not OFFSET), and a chat session's messages through the session's own index
while that session is written; nothing holds more than a page, so memory stays flat
whatever the history. The rows are counted before they are read, for the progress bar
and the "wrote N entries" line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any

from psymitrix_cli.domain import export_stream
from psymitrix_cli.domain.export_stream import Many, Obj
from psymitrix_cli.domain.formats import Exporter, Files
from psymitrix_cli.services.context import ServiceContext, public
from psymitrix_cli.store import base as kinds
from psymitrix_cli.store.base import Doc, Kind, Query

Progress = Callable[[int, int], None]  # (rows read so far, rows in all)
PAGE = 500


def pages(ctx: ServiceContext, kind: Kind, user_id: str, **where: Any) -> Iterator[Doc]:
    """Every row of a kind, oldest first, PAGE rows per round trip (keyset, not OFFSET).
    The store is looked up per page: a server's next page may run on another thread."""
    after: tuple[Any, str] | None = None
    while True:
        query = Query(user_id=user_id, limit=PAGE, before=after, where=where, ascending=True)
        rows = ctx.store.list(kind, query)
        yield from rows
        if len(rows) < PAGE:
            return
        after = (rows[-1][kind.sort], rows[-1]["_id"])


class StoreSource:
    """One person's export as a domain/export_stream.Source, read from the store."""

    def __init__(
        self,
        ctx: ServiceContext,
        user_id: str,
        header: Mapping[str, Any],
        exported: Mapping[str, Kind],
        progress: Progress | None = None,
    ) -> None:
        self.ctx = ctx
        self.user_id = user_id
        self.header = header
        self.kinds = exported
        store = ctx.store
        self.counts = {name: store.count(k, Query(user_id=user_id)) for name, k in exported.items()}
        self.total = sum(self.counts.values())
        if progress is not None:
            self.total += store.count(kinds.CHAT_MESSAGES, Query(user_id=user_id))
        self.progress = progress
        self.done = 0

    def _tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % 100 == 0:
            self.progress(min(self.done, self.total), self.total)

    def rows(self, kind: str) -> Iterator[Doc]:
        found = self.kinds.get(kind)
        if found is None:
            return
        for doc in pages(self.ctx, found, self.user_id):
            entry: Doc = public(doc) or {}
            if found is kinds.CHAT_SESSIONS:
                entry = Obj(entry)
                entry["messages"] = Many(lambda session=doc["_id"]: self._messages(session))
            self._tick()
            yield entry

    def _messages(self, session_id: str) -> Iterator[Doc]:
        for message in pages(self.ctx, kinds.CHAT_MESSAGES, self.user_id, sessionId=session_id):
            self._tick()
            yield {k: v for k, v in (public(message) or {}).items() if k != "sessionId"}

    def finished(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)


class LocalExport:
    """One format of an export, produced while it is written (backends/base.Exported)."""

    def __init__(self, exporter: Exporter, source: StoreSource) -> None:
        self.exporter = exporter
        self.source = source
        self.output = exporter.output
        self.entries = sum(source.counts.get(k, 0) for k in exporter.carries)
        self.name = export_stream.default_name(source.header)

    def chunks(self) -> Iterator[bytes]:
        yield from self.exporter.chunks(self.source)
        self.source.finished()

    def files(self) -> Files:
        yield from self.exporter.files(self.source)
        self.source.finished()

    def __enter__(self) -> LocalExport:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None
