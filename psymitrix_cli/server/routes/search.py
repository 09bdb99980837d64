"""/v1/search: one query over the journal, gratitude and chat (services/search.py).

POST, with the query in the body: a search holds what a person wrote about, and a URL
ends up in access logs and proxies. It writes nothing, so it is a read (`Reader`)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from psymitrix_cli.domain.search import SearchRequest
from psymitrix_cli.server.deps import Reader
from psymitrix_cli.server.models import Json, model_of
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(tags=["search"], responses=ERRORS)
SearchIn = model_of(SearchRequest, "SearchIn")


@router.post("/search", response_model=Json)
async def search(body: SearchIn, reads: Reader) -> Response:  # type: ignore[valid-type]
    """Entries that match (words, "a phrase", a OR b, -word), best first, each with a
    snippet and the offsets of the words it matched."""
    data = body.model_dump()  # type: ignore[attr-defined]
    request = SearchRequest(**{**data, "kinds": tuple(data.get("kinds") or ())})
    return await reads.json(lambda s: s.search.search(request))
