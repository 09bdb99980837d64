"""Liveness and readiness probes (no auth, not under /v1)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from psymitrix_cli.server.errors import error_body
from psymitrix_cli.server.models import ErrorBody, Health

router = APIRouter(tags=["health"])


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
    try:
        request.app.state.ctx.store.ping()
    except Exception:  # any failure to reach the store means "not ready"
        body = error_body("backend_unavailable", "The store is not reachable.")
        return JSONResponse(body, status_code=503)
    return {"status": "ready"}
