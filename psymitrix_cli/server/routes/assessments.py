"""/v1/assessments: PHQ-9 and GAD-7 results (scored by the service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import AssessmentIn, Json, Page
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.routes.entries import Cursor, Limit

router = APIRouter(prefix="/assessments", tags=["assessments"], responses=ERRORS)


@router.post("", status_code=status.HTTP_201_CREATED)
def take(body: AssessmentIn, svc: Svc, idem: Idem) -> Json:
    """Score and store one questionnaire (`instrument`: PHQ-9 or GAD-7)."""
    return idem.run(
        body, lambda: svc.assessments.take(body.instrument, body.answers, body.difficulty)
    )


@router.get("", response_model=Page)
async def list_results(
    reads: Reader,
    instrument: Annotated[str | None, Query(description="PHQ-9 or GAD-7.")] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Response:
    return await reads.json(
        lambda s: s.assessments.list(instrument=instrument, limit=limit, cursor=cursor)
    )


@router.get("/{entry_id:path}", response_model=Json)
async def get_result(entry_id: str, reads: Reader) -> Response:
    return await reads.json(lambda s: s.assessments.get(entry_id))


@router.delete("/{entry_id:path}", status_code=status.HTTP_204_NO_CONTENT)
def delete_result(entry_id: str, svc: Svc) -> None:
    svc.assessments.delete(entry_id)
