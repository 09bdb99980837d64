"""/v1/chat: sessions, and messages answered as SSE or as one JSON reply.

`Accept: text/event-stream` streams one SSE event per ChatEvent
(`event: session|delta|done`, `data: <json>`), ending with `event: error` if the turn
fails half-way; any other Accept gets `{sessionId, reply, provider, model, safety}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse, StreamingResponse

from psymitrix_cli.domain.chat import ChatTurn
from psymitrix_cli.server.context import ServerContext
from psymitrix_cli.server.deps import Reader, Svc
from psymitrix_cli.server.models import (
    ChatMessageIn,
    ChatReply,
    ChatSendIn,
    ChatStartIn,
    Json,
    Page,
)
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.routes.entries import Cursor, Limit
from psymitrix_cli.server.sse import ThreadedEvents, reply_json, sse_frames

router = APIRouter(prefix="/chat", tags=["chat"], responses=ERRORS)

_TURN: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The reply: JSON, or an SSE stream with `Accept: text/event-stream`.",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}


async def _turn(
    request: Request, ctx: ServerContext, start: Callable[[], Iterator[dict[str, Any]]]
) -> Any:
    events = ThreadedEvents(ctx, start)
    try:
        first = await events.next()  # a bad session id etc. is still a plain HTTP error
    except BaseException:
        events.cancel()
        raise
    if first is None:
        raise RuntimeError("the chat service produced no events")
    if "text/event-stream" in request.headers.get("accept", ""):
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(
            sse_frames(first, events), media_type="text/event-stream", headers=headers
        )
    return JSONResponse(await reply_json(first, events))


@router.post("/sessions", status_code=status.HTTP_201_CREATED)
def start(body: ChatStartIn, svc: Svc) -> Json:
    """A new, empty session."""
    return svc.chat.start(provider=body.provider)


@router.get("/sessions", response_model=Page)
async def sessions(reads: Reader, limit: Limit = 20, cursor: Cursor = None) -> Response:
    return await reads.json(lambda s: s.chat.sessions(limit=limit, cursor=cursor))


@router.get("/sessions/{session_id:path}", response_model=Json)
async def get_session(session_id: str, reads: Reader) -> Response:
    """The session with its ordered messages."""
    return await reads.json(lambda s: s.chat.get(session_id))


@router.post("/sessions/{session_id:path}/end")
def end_session(session_id: str, svc: Svc) -> Json:
    """End and summarise the session."""
    return svc.chat.end(session_id)


@router.post("/end")
def end_latest(svc: Svc) -> Json:
    """End and summarise the most recent open session."""
    return svc.chat.end(None)


@router.delete("/sessions/{session_id:path}", status_code=status.HTTP_204_NO_CONTENT)
def delete_session(session_id: str, svc: Svc) -> None:
    svc.chat.delete(session_id)


@router.post("/sessions/{session_id:path}/messages", response_model=ChatReply, responses=_TURN)
async def send_to_session(session_id: str, body: ChatMessageIn, svc: Svc, request: Request) -> Any:
    """Send a message to this session and get the companion's reply."""
    return await _turn(
        request,
        svc.ctx,
        lambda: svc.chat.send(
            ChatTurn(body.message, session_id, provider=body.provider, memory=body.memory)
        ),
    )


@router.post("/messages", response_model=ChatReply, responses=_TURN)
async def send(body: ChatSendIn, svc: Svc, request: Request) -> Any:
    """Send a message: to `sessionId`, to the last session (`continueLast`), or to a new one."""
    return await _turn(
        request,
        svc.ctx,
        lambda: svc.chat.send(
            ChatTurn(body.message, body.session_id, body.continue_last, body.provider, body.memory)
        ),
    )
