"""/v1/journal: the mood journal."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import JournalEditIn, JournalIn, Json, Page
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(prefix="/journal", tags=["journal"], responses=ERRORS)

Limit = Annotated[int, Query(description="Entries per page (1-200).")]
Cursor = Annotated[str | None, Query(description="The nextCursor of the previous page.")]


@router.post("", status_code=status.HTTP_201_CREATED)
def add(body: JournalIn, svc: Svc, idem: Idem) -> Json:
    """Write an entry; `crisis` and `safetyTier` say whether to show crisis resources."""
    return idem.run(
        body, lambda: svc.journal.add(text=body.text, mood=body.mood, tags=body.tags, at=body.at)
    )


@router.get("", response_model=Page)
async def list_entries(
    reads: Reader,
    limit: Limit = 20,
    since: Annotated[str | None, Query(description="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Up to this day, inclusive.")] = None,
    tag: Annotated[str | None, Query(description="Only entries with this tag.")] = None,
    search: Annotated[str | None, Query(description="Only entries with every word.")] = None,
    cursor: Cursor = None,
) -> Response:
    """Entries, newest first, a page at a time."""
    return await reads.json(
        lambda s: s.journal.list(
            limit=limit, since=since, until=until, tag=tag, search=search, cursor=cursor
        )
    )


@router.get("/{entry_id:path}", response_model=Json)
async def get_entry(entry_id: str, reads: Reader) -> Response:
    return await reads.json(lambda s: s.journal.get(entry_id))


@router.patch("/{entry_id:path}")
def edit_entry(entry_id: str, body: JournalEditIn, svc: Svc, idem: Idem) -> Json:
    """Change the text, mood or tags (given tags replace the old ones)."""
    return idem.run(
        body, lambda: svc.journal.edit(entry_id, text=body.text, mood=body.mood, tags=body.tags)
    )


@router.delete("/{entry_id:path}", status_code=status.HTTP_204_NO_CONTENT)
def delete_entry(entry_id: str, svc: Svc) -> None:
    svc.journal.delete(entry_id)
