"""/v1/breathing: the log of guided breathing sessions (played by the client)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import BreathingIn, Json, Page
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.routes.journal import Cursor, Limit

router = APIRouter(prefix="/breathing", tags=["breathing"], responses=ERRORS)


@router.post("", status_code=status.HTTP_201_CREATED)
def log(body: BreathingIn, svc: Svc, idem: Idem) -> Json:
    extra = {} if body.planned_cycles is None else {"planned_cycles": body.planned_cycles}
    return idem.run(
        body,
        lambda: svc.breathing.log(
            pattern=body.pattern,
            label=body.label,
            cycles=body.cycles,
            started_at=body.started_at,
            ended_at=body.ended_at,
            duration_seconds=body.duration_seconds,
            completed=body.completed,
            **extra,  # type: ignore[arg-type]  # the service's optional plan check
        ),
    )


@router.get("", response_model=Page)
async def list_sessions(reads: Reader, limit: Limit = 20, cursor: Cursor = None) -> Response:
    return await reads.json(lambda s: s.breathing.list(limit=limit, cursor=cursor))


@router.get("/{entry_id:path}", response_model=Json)
async def get_session(entry_id: str, reads: Reader) -> Response:
    return await reads.json(lambda s: s.breathing.get(entry_id))


@router.delete("/{entry_id:path}", status_code=status.HTTP_204_NO_CONTENT)
def delete_session(entry_id: str, svc: Svc) -> None:
    svc.breathing.delete(entry_id)
