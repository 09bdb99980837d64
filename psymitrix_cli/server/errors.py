"""Every failure leaves the server as `{"error": {"code", "message"}}` with a fitting status.

Typed errors carry their own status (errors.py), so there is no mapping table here.
Anything unexpected is logged with its traceback on the server and answered with a
generic 500: no stack trace, exception text or secret ever reaches a client.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.errors import PsyError, RateLimited

log = logging.getLogger("psymitrix.server")

# Statuses Starlette raises itself (unknown route, wrong method), in our error shape.
_HTTP_CODES = {
    400: "invalid_input",
    401: "auth_failed",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}
_SERVER_SIDE = {500: messages.SERVER_INTERNAL, 503: messages.SERVER_UNAVAILABLE}


def public_error(exc: PsyError) -> dict[str, str]:
    """`{code, message}` as a client may see it."""
    return {"code": exc.code, "message": _SERVER_SIDE.get(exc.http_status, exc.message)}


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    return {"error": {"code": code, "message": message}}


def _validation_message(errors: list[dict[str, Any]]) -> str:
    """One readable line from pydantic's errors: `body.mood: Input should be a valid integer`."""
    if not errors:
        return messages.REQUEST_INVALID
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
    more = messages.REQUEST_MORE_ERRORS.format(count=len(errors) - 1) if len(errors) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid')}{more}"


def log_unexpected(exc: BaseException, method: str, path: str) -> None:
    # The type, route and frames only: exception text can quote request data, and
    # locals (never rendered here) would hold tokens.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unhandled %s on %s %s\n%s", type(exc).__name__, method, path, frames)


class CatchAll:
    """Pure ASGI middleware: an unexpected exception becomes a generic 500 here, so it
    never reaches Starlette's ServerErrorMiddleware (which re-raises it to the server log
    with its message)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log_unexpected(exc, scope.get("method", "?"), scope.get("path", "?"))
            if started:
                return  # mid-stream: the client sees the stream end early
            from starlette.responses import JSONResponse

            body = error_body("internal_error", messages.SERVER_INTERNAL)
            await JSONResponse(body, status_code=500)(scope, receive, send)


def install(app: Any) -> None:
    from fastapi import Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    async def typed(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, PsyError)
        if exc.http_status in _SERVER_SIDE:
            # Server-side trouble (a busy or unreachable store) is the operator's to read:
            # its text can name paths or hosts, so the client gets a fixed line.
            # (A ProviderError's text is written for users and never holds a key: kept.)
            log.warning("%s on %s %s: %s", exc.code, request.method, request.url.path, exc)
            return JSONResponse({"error": public_error(exc)}, status_code=exc.http_status)
        headers = None
        if isinstance(exc, RateLimited):
            headers = {"Retry-After": str(max(1, int(exc.retry_after)))}
        elif exc.http_status == 401:
            headers = {"WWW-Authenticate": "Bearer"}
        return JSONResponse(exc.to_json(), status_code=exc.http_status, headers=headers)

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        message = _validation_message(list(exc.errors()))
        return JSONResponse(error_body("invalid_input", message), status_code=422)

    async def http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        code = _HTTP_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else messages.REQUEST_FAILED
        return JSONResponse(
            error_body(code, message), status_code=exc.status_code, headers=exc.headers
        )

    app.add_exception_handler(PsyError, typed)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http)
    app.add_middleware(CatchAll)
