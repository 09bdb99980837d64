"""/v1/<command> for every registry tracker, from one factory (mounted in a loop).

POST adds (201), GET lists a page (with the kind's own filters), GET/PATCH/DELETE
address one entry by its key (an id, or sleep's date). Request bodies are models
made from the kind's payload dataclass, so the API documents exactly the fields the
CLI and the services know. A tracker's extra routes (gratitude's reflect, sleep's
PUT of a night) come from `extras`, mounted before the `/{key}` routes they would
otherwise be read as.
"""

import inspect
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from psymitrix_cli.domain.entry_kind import EntryKind, PageQuery
from psymitrix_cli.server.deps import Idem, Reader, Svc
from psymitrix_cli.server.models import Json, Page, model_of
from psymitrix_cli.server.routes import ERRORS

Limit = Annotated[int, Query(description="Entries per page (1-200).")]
Cursor = Annotated[str | None, Query(description="The nextCursor of the previous page.")]
FILTERS: dict[str, Any] = {
    "since": Annotated[str | None, Query(description="From this day (YYYY-MM-DD).")],
    "until": Annotated[str | None, Query(description="Up to this day, inclusive.")],
    "tag": Annotated[str | None, Query(description="Only entries with this tag.")],
    "search": Annotated[
        str | None, Query(description='Only entries that match (words, "a phrase", a OR b, -word).')
    ],
}


def _title(spec: EntryKind) -> str:
    return "".join(part.title() for part in (spec.command or spec.name).split("_"))


def _lister(spec: EntryKind) -> Callable[..., Any]:
    """GET "": a function whose signature names the kind's own query parameters."""

    async def list_entries(reads: Any, **params: Any) -> Response:
        query = PageQuery(**params)
        return await reads.json(lambda s: s.entries(spec.name).list(query))

    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter("reads", keyword, annotation=Reader),
        inspect.Parameter("limit", keyword, annotation=Limit, default=spec.page_size),
        inspect.Parameter("cursor", keyword, annotation=Cursor, default=None),
        *(inspect.Parameter(f, keyword, annotation=FILTERS[f], default=None) for f in spec.filters),
    ]
    list_entries.__signature__ = inspect.Signature(parameters, return_annotation=Response)  # type: ignore[attr-defined]
    list_entries.__doc__ = f"{spec.label or spec.name}, newest first, a page at a time."
    return list_entries


def _keyword(fn: Callable[..., Any]) -> list[inspect.Parameter]:
    """A function's parameters but its trailing **keys, all keyword-only."""
    params = list(inspect.signature(fn).parameters.values())[:-1]
    return [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params]


def router_for(spec: EntryKind, extras: Callable[[APIRouter], None] | None = None) -> APIRouter:
    router = APIRouter(
        prefix=f"/{spec.command}", tags=[spec.command or spec.name], responses=ERRORS
    )
    assert spec.payload is not None
    extra = {"replace": (bool, False)} if spec.unique else None
    body_in = model_of(spec.payload, f"{_title(spec)}In", extra=extra)
    key = f"{{{spec.key}:path}}"

    def add(body: body_in, svc: Svc, idem: Idem) -> Json:  # type: ignore[valid-type]
        data = body.model_dump(exclude={"replace"})  # type: ignore[attr-defined]
        payload = spec.new_payload(data)
        replace = bool(getattr(body, "replace", False))
        return idem.run(body, lambda: svc.entries(spec.name).add(payload, replace=replace))

    add.__doc__ = f"Write one entry ({spec.label or spec.name})."
    router.post("", status_code=status.HTTP_201_CREATED)(add)
    router.get("", response_model=Page)(_lister(spec))
    if "tag" in spec.filters:

        async def tags(reads: Reader) -> Response:
            return await reads.json(lambda s: s.entries(spec.name).tags())

        tags.__doc__ = f"Each tag of {(spec.label or spec.name).lower()}, with how many carry it."
        router.get("/tags", response_model=Json)(tags)  # before /{key}, which would read it
    if extras is not None:
        extras(router)

    async def get_entry(reads: Reader, **keys: str) -> Response:
        return await reads.json(lambda s: s.entries(spec.name).get(keys[spec.key]))

    def delete_entry(svc: Svc, **keys: str) -> None:
        svc.entries(spec.name).delete(keys[spec.key])

    path = inspect.Parameter(spec.key, inspect.Parameter.KEYWORD_ONLY, annotation=str)
    for fn in (get_entry, delete_entry):
        params = [path, *_keyword(fn)]
        fn.__signature__ = inspect.signature(fn).replace(parameters=params)  # type: ignore[attr-defined]
    router.get(f"/{key}", response_model=Json)(get_entry)
    router.delete(f"/{key}", status_code=status.HTTP_204_NO_CONTENT)(delete_entry)
    if spec.editable:
        edit_in = model_of(spec.payload, f"{_title(spec)}EditIn", partial=True)

        def edit_entry(body: edit_in, svc: Svc, idem: Idem, **keys: str) -> Json:  # type: ignore[valid-type]
            changes = body.model_dump(exclude_unset=False)  # type: ignore[attr-defined]
            return idem.run(body, lambda: svc.entries(spec.name).edit(keys[spec.key], changes))

        params = [path, *_keyword(edit_entry)]
        edit_entry.__signature__ = inspect.signature(edit_entry).replace(parameters=params)  # type: ignore[attr-defined]
        edit_entry.__doc__ = "Change the given fields (given tags replace the old ones)."
        router.patch(f"/{key}")(edit_entry)
    return router
