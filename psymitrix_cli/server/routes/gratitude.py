"""/v1/gratitude: one to three things to be grateful for, and one recalled at random."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import GratitudeIn, Json, Page, Reflection
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.routes.journal import Cursor, Limit

router = APIRouter(prefix="/gratitude", tags=["gratitude"], responses=ERRORS)


@router.post("", status_code=status.HTTP_201_CREATED)
def add(body: GratitudeIn, svc: Svc, idem: Idem) -> Json:
    return idem.run(body, lambda: svc.gratitude.add(body.items, at=body.at))


@router.get("", response_model=Page)
async def list_entries(reads: Reader, limit: Limit = 20, cursor: Cursor = None) -> Response:
    return await reads.json(lambda s: s.gratitude.list(limit=limit, cursor=cursor))


@router.get("/reflect", response_model=Reflection)
async def reflect(reads: Reader) -> Response:
    """A past entry drawn at random (`entry` is null when there are none)."""
    return await reads.json(lambda s: {"entry": s.gratitude.reflect()})


@router.get("/{entry_id:path}", response_model=Json)
async def get_entry(entry_id: str, reads: Reader) -> Response:
    return await reads.json(lambda s: s.gratitude.get(entry_id))


@router.delete("/{entry_id:path}", status_code=status.HTTP_204_NO_CONTENT)
def delete_entry(entry_id: str, svc: Svc) -> None:
    svc.gratitude.delete(entry_id)
