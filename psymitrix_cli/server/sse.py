"""Chat turns over HTTP: a sync ChatEvent generator, driven on one thread of its own.

The chat service is a plain generator that touches the store between events. If
Starlette drove it (`iterate_in_threadpool`), each step could run on a different
pool thread, and a store handle held across a `yield` would then be used from a
thread that is already serving another request. So the whole turn runs on one
dedicated thread that feeds an asyncio queue; its SQLite connection is closed when
the turn ends. Errors before the first event surface as normal HTTP errors; later
ones become a final `event: error` frame. A client that goes away stops the turn at
the next event (the generator is closed, so the service records the interruption).
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.errors import PsyError
from psymitrix_cli.server.context import ServerContext

log = logging.getLogger("psymitrix.server")
_END = object()

ChatEvent = dict[str, Any]


class ThreadedEvents:
    def __init__(self, ctx: ServerContext, start: Callable[[], Iterator[ChatEvent]]) -> None:
        self._ctx = ctx
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._stop = threading.Event()
        thread = threading.Thread(
            target=self._pump, args=(start,), daemon=True, name="psymitrix-chat"
        )
        thread.start()

    def _put(self, item: object) -> None:
        try:
            self._loop.call_soon_threadsafe(self._queue.put_nowait, item)
        except RuntimeError:  # the loop is gone (shutdown): nobody is listening
            self._stop.set()

    def _pump(self, start: Callable[[], Iterator[ChatEvent]]) -> None:
        events: Iterator[ChatEvent] = iter(())
        try:
            events = start()  # even a service that checks eagerly runs on this thread
            for event in events:
                self._put(event)
                if self._stop.is_set():
                    break
            self._put(_END)
        except BaseException as exc:  # delivered to the request, which reports it
            self._put(exc)
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()
            self._ctx.pool.release_thread()

    async def next(self) -> ChatEvent | None:
        item = await self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return None if item is _END else item  # type: ignore[return-value]

    def cancel(self) -> None:
        self._stop.set()


def frame(kind: str, data: Any) -> str:
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def sse_frames(first: ChatEvent, events: ThreadedEvents) -> AsyncIterator[str]:
    try:
        event: ChatEvent | None = first
        while event is not None:
            yield frame(str(event.get("type", "message")), event)
            event = await events.next()
    except PsyError as exc:  # e.g. the provider failed half-way (after a `done`)
        from psymitrix_cli.server.errors import public_error

        yield frame("error", public_error(exc))
    except Exception as exc:
        from psymitrix_cli.server.errors import log_unexpected

        log_unexpected(exc, "POST", "chat stream")
        yield frame("error", {"code": "internal_error", "message": messages.REPLY_FAILED})
    finally:
        events.cancel()


async def reply_json(first: ChatEvent, events: ThreadedEvents) -> dict[str, Any]:
    """The whole turn as one JSON answer: the `done` event plus the session details."""
    session: ChatEvent = {}
    done: ChatEvent = {}
    event: ChatEvent | None = first
    while event is not None:
        if event.get("type") == "session":
            session = event
        elif event.get("type") == "done":
            done = event
        event = await events.next()
    keep = ("sessionId", "reply", "provider", "model", "safety", "interrupted", "memoryProposal")
    result = {k: done.get(k) for k in keep}
    result["sessionId"] = done.get("sessionId") or session.get("sessionId")
    result["interrupted"] = bool(done.get("interrupted", False))
    result["created"] = bool(session.get("created", False))
    result["disclosure"] = session.get("disclosure")
    return result
