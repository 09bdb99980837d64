"""/v1/export and /v1/import: everything of the caller's in one format, and back.

An export is streamed (chunked) as it is read from the store, a page at a time, so
neither the server nor the client holds a history in memory; csv comes as a zip.
`X-Export-Entries` says how many entries the format carries, and the
Content-Disposition its default file name.

The body of an import is checked by the service (domain/export_format), not by a
pydantic model, so the API refuses a bad document with the same one-line message
the CLI shows, and writes nothing. `/v1/import` needs a larger body limit than
other routes (see limits.py and export_format.MAX_BYTES).
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from fastapi.responses import StreamingResponse

from psymitrix_cli.domain import formats
from psymitrix_cli.domain.export_stream import zip_chunks
from psymitrix_cli.server.deps import Idem, Svc
from psymitrix_cli.server.models import Json
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(tags=["data"], responses=ERRORS)
ENTRIES_HEADER = "X-Export-Entries"
ExportFormat = StrEnum("ExportFormat", {e.name: e.name for e in formats.EXPORTERS})
MEDIA = {"json": ("application/json", ".json"), "text": ("text/markdown; charset=utf-8", ".md")}


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={200: {"description": "The export, streamed: JSON, Markdown, or a zip (csv)."}},
)
def export(
    svc: Svc,
    format_: Annotated[
        ExportFormat,
        Query(alias="format", description=formats.choices_help(formats.EXPORTERS)),
    ] = ExportFormat(formats.DEFAULT_EXPORT),
) -> StreamingResponse:
    """The export in one format; by default the versioned PsyMitrix export document
    (format `psymitrix-export`, version 1)."""
    exported = svc.data.export_stream(format_.value)
    if exported.output == "files":
        media, suffix = "application/zip", ".zip"
        body = zip_chunks(exported.files(), time.localtime()[:6])
    else:
        (media, suffix), body = MEDIA[exported.output], exported.chunks()
    headers = {
        "Content-Disposition": f'attachment; filename="{exported.name}{suffix}"',
        ENTRIES_HEADER: str(exported.entries),
    }
    return StreamingResponse(body, media_type=media, headers=headers)


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
