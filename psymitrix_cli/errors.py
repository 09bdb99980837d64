"""Typed errors. Each knows its CLI exit code and its HTTP status, so the CLI
and the server translate failures the same way without a mapping table.

An error about one input names the *field* (`InvalidInput(..., field="until")`), and
its text refers to fields as `‹name›` markers, never as a flag or a JSON key: each
door words them for its own users (`worded`): the CLI as its flags, the server as
JSON pointers. `message` is the neutral wording (the bare field names).
"""

from __future__ import annotations

import re
from collections.abc import Callable

FIELD_REF = re.compile(r"‹([A-Za-z_][A-Za-z0-9_]*)›")


def ref(field: str) -> str:
    """The marker for `field` inside an error's text, worded later by each door."""
    return f"‹{field}›"


class PsyError(Exception):
    """Base for every error PsyMitrix means to show a user."""

    exit_code = 1
    http_status = 500
    code = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.template = message
        self.field = field
        self.message = self.worded(lambda name: name)
        super().__init__(self.message)

    def worded(self, name: Callable[[str], str]) -> str:
        """The text with every field marker replaced by what this door calls the field."""
        return FIELD_REF.sub(lambda m: name(m.group(1)), self.template)

    def fields(self) -> list[str]:
        """Every field the text refers to, the named `field` first."""
        found = [self.field] if self.field else []
        return found + [f for f in FIELD_REF.findall(self.template) if f not in found]

    def to_json(self) -> dict[str, dict[str, str]]:
        """As the server sends it: fields worded as JSON pointers, and (when the text
        names fields) the template, so the api backend's CLI can word them as flags."""
        error = {"code": self.code, "message": self.worded(pointer)}
        if self.field:
            error["field"] = pointer(self.field)
        if self.template != self.message:
            error["template"] = self.template
        return {"error": error}


def pointer(field: str) -> str:
    """A field as a JSON pointer into the request body (or the query's parameter)."""
    return f"/{field}"


def flag(field: str) -> str:
    """A field as the CLI's flag for it."""
    return FLAGS.get(field) or "--" + re.sub(r"(?<!^)(?=[A-Z])", "-", field).lower()


# Where a CLI flag is not the field's name in kebab case.
FLAGS = {"tags": "--tag", "sleepScore": "--sleep", "sleepHours": "--hours"}


class InvalidInput(PsyError):
    """Bad input or usage: nothing was written."""

    exit_code = 2
    http_status = 422
    code = "invalid_input"


class NotFound(InvalidInput):
    """An unknown ID, or one that belongs to someone else (never say which)."""

    http_status = 404
    code = "not_found"


class Conflict(InvalidInput):
    """A uniqueness rule would be broken (taken username, night already logged)."""

    http_status = 409
    code = "conflict"


class AuthError(PsyError):
    """Not logged in, a refused token, or wrong credentials."""

    exit_code = 3
    http_status = 401
    code = "auth_failed"


class Forbidden(AuthError):
    """A valid token that may not do this: a script token outside its scope. Exit 3 like
    any refused login (there is no separate code to script against), HTTP 403."""

    http_status = 403
    code = "forbidden"


class RateLimited(PsyError):
    """Too many attempts; retry after a delay."""

    exit_code = 1
    http_status = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class BackendUnavailable(PsyError):
    """The database or the API server could not be reached."""

    exit_code = 4
    http_status = 503
    code = "backend_unavailable"


class KeyringUnavailable(PsyError):
    """The system keyring did not answer: the login may be there, so this is not exit 3."""

    code = "keyring_unavailable"


class ProviderError(PsyError):
    """An AI provider failed (bad key, outage, timeout)."""

    exit_code = 1
    http_status = 502
    code = "provider_error"


class Interrupted(PsyError):
    """The user pressed Ctrl-C; whatever was in progress was saved or discarded cleanly."""

    exit_code = 130
    http_status = 499
    code = "interrupted"
