"""A request-body size limit, enforced before anything parses the body.

A declared Content-Length over the limit is refused at once; a chunked body is
counted as it arrives and cut off the moment it crosses the limit. Either way
the client gets 413 with the usual JSON error body.
"""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.server.errors import error_body

MAX_BODY_BYTES = 64 * 1024


def _too_large_message(max_bytes: int) -> str:
    return messages.REQUEST_TOO_LARGE.format(kib=max_bytes // 1024)


def _too_large(max_bytes: int) -> Exception:
    # An HTTPException, so FastAPI's body reader re-raises it (rather than calling it a
    # parse error) and the app's handler answers with the JSON error body.
    from starlette.exceptions import HTTPException

    return HTTPException(413, detail=_too_large_message(max_bytes))


class BodyLimit:
    """Pure ASGI middleware (no BaseHTTPMiddleware: it would buffer streamed responses)."""

    def __init__(
        self, app: Any, max_bytes: int = MAX_BODY_BYTES, overrides: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.overrides = overrides or {}

    async def _refuse(self, scope: Any, receive: Any, send: Any, max_bytes: int) -> None:
        from starlette.responses import JSONResponse

        body = error_body("too_large", _too_large_message(max_bytes))
        response = JSONResponse(body, status_code=413)
        response.headers["Connection"] = "close"  # the rest of the body is never read
        await response(scope, receive, send)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.overrides.get(scope.get("path", ""), self.max_bytes)
        chunked = False
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    await self._refuse(scope, receive, send, limit)
                    return
            elif name == b"transfer-encoding":
                chunked = True
        if not chunked:  # the server already holds reads to the declared length
            await self.app(scope, receive, send)
            return
        seen = 0

        async def counting_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _too_large(limit)
            return message

        await self.app(scope, counting_receive, send)
