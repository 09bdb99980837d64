"""/v1/safety-plan (the person's one plan, replaced whole) and /v1/safety/report
(content-free safety-event counts)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Response

from psymitrix_cli.server.deps import Reader, Svc
from psymitrix_cli.server.models import Json
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(tags=["safety"], responses=ERRORS)

PlanBody = Annotated[
    dict[str, Any],
    Body(
        description=(
            "Every section of the plan: warningSigns, copingStrategies, distractions, "
            "safeEnvironment and reasonsForLiving are lists of text; helpers and "
            "professionals are lists of {name, phone}. A section left out is empty; an "
            "empty plan deletes it."
        ),
        examples=[{"warningSigns": ["Not sleeping"], "helpers": [{"name": "Sam", "phone": "555"}]}],
    ),
]


@router.get("/safety-plan", response_model=Json)
async def get_plan(reads: Reader) -> Response:
    """The plan: every section (empty lists when there is none), times, and `exists`."""
    return await reads.json(lambda s: s.safety_plan.get())


@router.put("/safety-plan", response_model=Json)
def put_plan(body: PlanBody, svc: Svc) -> Json:
    """Replace the whole plan (PUT is idempotent: the same body twice is one plan)."""
    return svc.safety_plan.put(body)


@router.delete("/safety-plan", response_model=Json)
def delete_plan(svc: Svc) -> Json:
    """Delete the plan (deleting none is not an error)."""
    return svc.safety_plan.delete()


@router.get("/safety/report", response_model=Json)
async def safety_report(reads: Reader) -> Response:
    """Safety-event counts by source, tier and month. No content is ever stored."""
    return await reads.json(lambda s: s.safety.report())
