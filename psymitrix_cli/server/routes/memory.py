"""/v1/memory: the person's "about me" notes for the companion (services/memory.py).

A note is added one at a time (POST), the whole set replaced by an edit (PUT), one
forgotten by its number or id (DELETE /{key}), or all of them (DELETE)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from psymitrix_cli.server.deps import Reader, Svc
from psymitrix_cli.server.models import Body, Json
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(prefix="/memory", tags=["memory"], responses=ERRORS)


class NoteIn(Body):
    text: str
    source: str = "you"  # "companion": a proposal the person said yes to


class NotesIn(Body):
    notes: list[str]


@router.get("", response_model=Json)
async def show(reads: Reader) -> Response:
    """Every note, oldest first, with its number; count and limits."""
    return await reads.json(lambda s: s.memory.show())


@router.post("", response_model=Json)
def add(body: NoteIn, svc: Svc) -> Json:
    """Keep one note (refused when it is already there or the notes are full)."""
    return svc.memory.add(body.text, body.source)


@router.put("", response_model=Json)
def replace(body: NotesIn, svc: Svc) -> Json:
    """Replace the whole set (an edit): unchanged notes stay as they were."""
    return svc.memory.replace(body.notes)


@router.delete("", response_model=Json)
def clear(svc: Svc) -> Json:
    """Forget every note."""
    return svc.memory.clear()


@router.delete("/{key}", response_model=Json)
def forget(key: str, svc: Svc) -> Json:
    """Forget one note, by its number as shown or its id."""
    return svc.memory.forget(key)
