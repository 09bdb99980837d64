"""/v1/status and /v1/checkin: the dashboard and the guided daily check-in."""

from __future__ import annotations

from fastapi import APIRouter, Response

from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import CheckinIn, Json
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(tags=["dashboard"], responses=ERRORS)


@router.get("/status", response_model=Json)
async def status(reads: Reader) -> Response:
    """Streak, today's progress, trends and the latest assessments."""
    return await reads.json(lambda s: s.dashboard.status())


@router.post("/checkin")
def checkin(body: CheckinIn, svc: Svc, idem: Idem) -> Json:
    """Mood, sleep and gratitude in one step; each part is saved as its own entry."""
    return idem.run(
        body,
        lambda: svc.dashboard.checkin(
            mood=body.mood,
            note=body.note,
            sleep_score=body.sleep_score,
            sleep_hours=body.sleep_hours,
            gratitude=body.gratitude,
        ),
    )
