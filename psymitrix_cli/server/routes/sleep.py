"""/v1/sleep's own route: PUT a night by its date (the rest is the generic tracker's,
routes/entries.py; POST with `replace` does the same for today's night)."""

from __future__ import annotations

from fastapi import APIRouter

from psymitrix_cli.domain.trackers import SleepPayload
from psymitrix_cli.server.deps import Idem, Svc
from psymitrix_cli.server.models import Body, Json


class SleepNightIn(Body):
    score: int
    hours: float | None = None
    note: str | None = None


def extras(router: APIRouter) -> None:
    @router.put("/{date:path}")
    def put_night(date: str, body: SleepNightIn, svc: Svc, idem: Idem) -> Json:
        """Log or replace the night of `date`."""
        payload = SleepPayload(score=body.score, hours=body.hours, date=date, note=body.note)
        return idem.run(body, lambda: svc.sleep.add(payload, replace=True))
