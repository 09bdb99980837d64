"""/v1/status and /v1/checkin: the dashboard and the guided daily check-in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from psymitrix_cli.domain.checkin import CheckinAnswers
from psymitrix_cli.domain.review import Span
from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import Json, model_of
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(tags=["dashboard"], responses=ERRORS)
CheckinIn = model_of(CheckinAnswers, "CheckinIn")


@router.get("/status", response_model=Json)
async def status(reads: Reader) -> Response:
    """Streak, today's progress, trends and the latest assessments."""
    return await reads.json(lambda s: s.dashboard.status())


@router.get("/review", response_model=Json)
async def review(
    reads: Reader,
    span: Annotated[Span, Query(description="The last 7, 30 or 365 days.")] = "week",
    since: Annotated[str | None, Query(description="From this day (YYYY-MM-DD).")] = None,
) -> Response:
    """Mood and sleep against the period before, sleep and next-day mood, mood by tag and
    weekday, PHQ-9/GAD-7 change, and what was done."""
    return await reads.json(lambda s: s.dashboard.review(span, since))


@router.get("/report", response_model=Json)
async def report(
    reads: Reader,
    since: Annotated[str | None, Query(description="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="To this day (YYYY-MM-DD).")] = None,
    journal: Annotated[bool, Query(description="Include the journal's text.")] = False,
) -> Response:
    """The summary behind `psymitrix report`: questionnaires with reliable change, PHQ-9
    item 9, mood and sleep by day and week, and what was done; the journal only if asked."""
    return await reads.json(lambda s: s.dashboard.report(since, until, journal))


@router.post("/checkin")
def checkin(body: CheckinIn, svc: Svc, idem: Idem) -> Json:  # type: ignore[valid-type]
    """Mood, sleep, gratitude and one thing done, in one step; each part is saved as its
    own entry."""
    data = body.model_dump()  # type: ignore[attr-defined]
    answers = CheckinAnswers(**{**data, "gratitude": tuple(data["gratitude"])})
    return idem.run(body, lambda: svc.dashboard.checkin(answers))
