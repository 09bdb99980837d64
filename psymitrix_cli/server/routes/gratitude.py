"""/v1/gratitude's own route: one past entry recalled at random (the rest is the
generic tracker's, routes/entries.py)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from psymitrix_cli.server.deps import Reader
from psymitrix_cli.server.models import Reflection


def extras(router: APIRouter) -> None:
    @router.get("/reflect", response_model=Reflection)
    async def reflect(reads: Reader) -> Response:
        """A past entry drawn at random (`entry` is null when there are none)."""
        return await reads.json(lambda s: {"entry": s.gratitude.reflect()})
