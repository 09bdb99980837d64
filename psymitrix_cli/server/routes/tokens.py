"""/v1/tokens: script tokens (create, list, revoke), for a full login only.

A script token calling these is a 403 (services/scopes.py), as any route outside
its scope is."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from psymitrix_cli.server.deps import Reader, Svc
from psymitrix_cli.server.models import Json, TokenCreated, TokenIn, TokenList, TokenRevoked
from psymitrix_cli.server.routes import ERRORS

router = APIRouter(prefix="/tokens", tags=["tokens"], responses=ERRORS)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TokenCreated)
def create(body: TokenIn, svc: Svc) -> Json:
    """A new named script token; the answer holds it once (only its hash is kept)."""
    return svc.tokens.create(body.name, body.scope, body.days)


@router.get("", response_model=TokenList)
async def list_tokens(reads: Reader) -> Response:
    """Every script token of the account: name, scope, dates; never the token."""
    return await reads.json(lambda s: s.tokens.list())


@router.delete("/{name}", response_model=TokenRevoked)
def revoke(name: str, svc: Svc) -> Json:
    """Revoke a token by its name: a script using it is refused from now on."""
    return svc.tokens.revoke(name)
