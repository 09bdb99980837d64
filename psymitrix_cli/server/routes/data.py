"""/v1/export and /v1/import: everything of the caller's as one document, and back.

The body of an import is checked by the service (domain/export_format), not by a
pydantic model, so the API refuses a bad document with the same one-line message
the CLI shows, and writes nothing. `/v1/import` needs a larger body limit than
other routes (see limits.py and export_format.MAX_BYTES).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query

from psymitrix_cli.server.deps import Idem, Svc
from psymitrix_cli.server.models import Json
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(tags=["data"], responses=ERRORS)


@router.get("/export")
def export(svc: Svc) -> Json:
    """The versioned PsyMitrix export document (format `psymitrix-export`, version 1)."""
    return svc.data.export()


@router.post("/import")
def import_(
    svc: Svc,
    idem: Idem,
    document: Annotated[Any, Body(description="A PsyMitrix export document.")],
    dry_run: Annotated[
        bool, Query(alias="dryRun", description="Check and count; write nothing.")
    ] = False,
) -> Json:
    """Import an export into the caller's account; idempotent: what is there is skipped.

    Answers `{"imported": {kind: n}, "skipped": {kind: n}, "dryRun": bool}`."""
    return idem.run(document, lambda: svc.data.import_(document, dry_run=dry_run))
