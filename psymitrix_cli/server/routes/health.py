"""Liveness and readiness probes (no auth, not under /v1).

`/healthz` says the process answers; `/readyz` that the store does too, within the
store's short ping limit (PSYMITRIX_MONGO_TIMEOUT_MS on MongoDB), so a load balancer
stops sending requests to a server whose store is gone and sends them again once it is
back. The reason stays in the server's log (once per change, not once per probe): the
client is told only that the store is unreachable, never where it lives.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from psymitrix_cli import messages
from psymitrix_cli.errors import PsyError
from psymitrix_cli.server.errors import error_body
from psymitrix_cli.server.models import ErrorBody, Health

router = APIRouter(tags=["health"])
log = logging.getLogger("psymitrix.server")


@router.get("/healthz", response_model=Health)
async def healthz() -> dict[str, str]:
    """The process is up and answering."""
    return {"status": "ok"}


@router.get(
    "/readyz",
    response_model=Health,
    responses={503: {"model": ErrorBody, "description": "The store is unreachable."}},
)
def readyz(request: Request) -> object:
    """The store answers a ping (503 when it does not)."""
    state = request.app.state
    try:
        request.app.state.ctx.store.ping()
    except Exception as exc:  # any failure to reach the store means "not ready"
        # PsyError texts are scrubbed of passwords by the store; others show their type only.
        reason = exc.message if isinstance(exc, PsyError) else type(exc).__name__
        if getattr(state, "not_ready", None) != reason:
            log.warning("not ready: %s", reason)
            state.not_ready = reason
        body = error_body("backend_unavailable", messages.STORE_NOT_REACHABLE)
        return JSONResponse(body, status_code=503)
    if getattr(state, "not_ready", None) is not None:
        log.info("ready again: the store answers")
        state.not_ready = None
    return {"status": "ready"}
