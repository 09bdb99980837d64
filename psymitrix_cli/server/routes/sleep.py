"""/v1/sleep: one entry per night, addressed by its date in the user's calendar."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import Json, SleepHistory, SleepIn, SleepNightIn
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.routes.journal import Cursor

router = APIRouter(prefix="/sleep", tags=["sleep"], responses=ERRORS)


@router.post("", status_code=status.HTTP_201_CREATED)
def log(body: SleepIn, svc: Svc, idem: Idem) -> Json:
    """Log a night (`date` defaults to today where the user lives). 409 if that night is
    already logged, unless `replace` is true."""
    return idem.run(
        body,
        lambda: svc.sleep.log(
            score=body.score,
            hours=body.hours,
            date=body.date,
            note=body.note,
            replace=body.replace,
        ),
    )


@router.put("/{date:path}")
def put_night(date: str, body: SleepNightIn, svc: Svc, idem: Idem) -> Json:
    """Log or replace the night of `date`."""
    return idem.run(
        body,
        lambda: svc.sleep.log(
            score=body.score, hours=body.hours, date=date, note=body.note, replace=True
        ),
    )


@router.get("", response_model=SleepHistory)
async def history(
    reads: Reader,
    limit: Annotated[int, Query(description="Nights per page (1-200).")] = 14,
    cursor: Cursor = None,
) -> Response:
    """Nights, newest first, with the 7- and 30-day averages."""
    return await reads.json(lambda s: s.sleep.history(limit=limit, cursor=cursor))


@router.get("/{date:path}", response_model=Json)
async def get_night(date: str, reads: Reader) -> Response:
    return await reads.json(lambda s: s.sleep.get(date))


@router.delete("/{date:path}", status_code=status.HTTP_204_NO_CONTENT)
def delete_night(date: str, svc: Svc) -> None:
    svc.sleep.delete(date)
