"""Mount routers flat: every route on the app's own router, not in nested includes.

FastAPI (0.16x) keeps an included router as a branch and matches a request through
every branch, again at each level (its match, then its handle), so with some twenty
routers a bare route cost four times what it costs on an app of one route. Adding
each APIRoute to the app's router directly, with its prefix, as `include_router` once
did, keeps the routes, their OpenAPI and their dependencies as they are, and matches
a request in one pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import APIRouter, FastAPI

# APIRoute attributes that `add_api_route` takes under the same name.
_FIELDS = (
    "response_model",
    "status_code",
    "tags",
    "dependencies",
    "summary",
    "description",
    "response_description",
    "responses",
    "deprecated",
    "methods",
    "operation_id",
    "response_model_include",
    "response_model_exclude",
    "response_model_by_alias",
    "response_model_exclude_unset",
    "response_model_exclude_defaults",
    "response_model_exclude_none",
    "include_in_schema",
    "response_class",
    "name",
    "callbacks",
    "openapi_extra",
    "generate_unique_id_function",
)


def include_flat(app: FastAPI, router: APIRouter, prefix: str = "") -> None:
    from fastapi.routing import APIRoute

    for route in router.routes:
        if not isinstance(route, APIRoute):  # only plain HTTP routes are ours
            raise TypeError(f"cannot mount {route!r} flat")
        fields = {name: getattr(route, name) for name in _FIELDS}
        app.router.add_api_route(prefix + route.path, route.endpoint, **fields)
