"""One router per domain; `app.py` mounts them under /v1."""

from __future__ import annotations

from psymitrix_cli.server.models import ErrorBody

# Documented on every route, so the OpenAPI document matches what errors look like.
ERRORS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": description}
    for status, description in (
        (400, "The body could not be read (not UTF-8 JSON)."),
        (401, "Not logged in, or the token was refused."),
        (403, "A script token outside its scope (write-only or read-only)."),
        (404, "No such entry (or it belongs to someone else)."),
        (409, "A uniqueness rule would be broken."),
        (413, "The request body is too large."),
        (422, "The request is not valid."),
        (429, "Too many attempts; see Retry-After."),
    )
}
