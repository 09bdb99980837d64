"""Request and response bodies, so `/openapi.json` documents every route.

Request models only check JSON types; every rule (lengths, ranges, formats) is the
services' own, so a bad value gets the same message over HTTP as in the CLI.
Response models allow extra keys, so a field a service adds is never silently
dropped from the API while the local backend shows it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

Json = dict[str, Any]


class Body(BaseModel):
    # Strict: JSON `true`, "3" and 3.0 are not the integer 3. Lax pydantic would turn
    # them into it before the domain's own (strict) rules ever saw them.
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, strict=True)


class Out(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


# --- errors -------------------------------------------------------------------------
class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None  # a JSON pointer to the field the error is about
    template: str | None = None  # the text with ‹field› markers, for a client to word


class ErrorBody(BaseModel):
    error: ErrorDetail


# --- accounts -----------------------------------------------------------------------
class SignupIn(Body):
    name: str | None = None
    username: str | None = None
    email: str | None = None
    password: str | None = None
    timezone: str | None = None
    phone: str | None = None


class LoginIn(Body):
    identifier: str | None = None
    password: str | None = None


class PasswordChangeIn(Body):
    current_password: str | None = None
    new_password: str | None = None


class RecoverIn(Body):
    identifier: str | None = None
    code: str | None = None
    new_password: str | None = None


class ResetRequestIn(Body):
    email: str | None = None


class ResetConfirmIn(Body):
    token: str | None = None
    new_password: str | None = None


class ProfileIn(Body):
    name: str | None = None
    username: str | None = None
    email: str | None = None
    phone: str | None = None
    timezone: str | None = None
    current_password: str | None = None  # needed to change the username or email


class DeleteAccountIn(Body):
    password: str | None = None


class Grant(Out):
    access_token: str
    token_type: str
    expires_in: int
    expires_at: str


class SignedUp(Out):
    user_id: str
    username: str
    name: str
    recovery_codes: list[str]


class Account(Out):
    user_id: str
    username: str
    email: str
    name: str
    phone_number: str | None = None
    timezone: str
    created_at: str | None = None


class MeUser(Out):
    name: str
    username: str
    email: str
    phone_number: str | None = None


class Me(Out):
    user: MeUser
    user_data: Json


class Accepted(Out):
    message: str


# --- script tokens (domain/script_tokens.py) -------------------------------------------
class TokenIn(Body):
    name: str
    scope: str | None = None  # write (the default) or read
    days: int | None = None  # 365 unless given; 1 to 3650


class ScriptToken(Out):
    name: str
    scope: str
    created_at: str
    expires_at: str
    last_used_at: str | None = None
    expired: bool


class TokenCreated(ScriptToken):
    token: str  # shown once: only its hash is kept


class TokenList(Out):
    items: list[ScriptToken]


class TokenRevoked(Out):
    name: str
    revoked: bool


# --- entries ------------------------------------------------------------------------
class Page(Out):
    items: list[Json]
    next_cursor: str | None = None


class SleepHistory(Page):
    average7: Json | None = None
    average30: Json | None = None


class Reflection(Out):
    entry: Json | None = None


def model_of(
    payload: type, name: str, *, partial: bool = False, extra: dict[str, Any] | None = None
) -> type[Body]:
    """A request model from a domain payload dataclass (the one definition of its
    fields): the same names, types and defaults; `partial` makes every field optional
    (an edit: None means unchanged). A tuple field is a JSON array."""
    import dataclasses
    import typing

    from pydantic import create_model

    hints = typing.get_type_hints(payload)
    fields: dict[str, Any] = {}
    for spec in dataclasses.fields(payload):
        kind = hints[spec.name]
        if typing.get_origin(kind) is tuple:
            kind = list[typing.get_args(kind)[0]]  # type: ignore[misc,valid-type]
        if partial:
            fields[spec.name] = (kind | None, None)
        elif spec.default is not dataclasses.MISSING:
            default = list(spec.default) if isinstance(spec.default, tuple) else spec.default
            fields[spec.name] = (kind, default)
        else:
            fields[spec.name] = (kind, ...)
    fields.update(extra or {})
    return create_model(name, __base__=Body, **fields)  # type: ignore[no-any-return,call-overload]


class AssessmentIn(Body):
    instrument: str
    answers: list[int]
    difficulty: int | None = None


# --- chat ---------------------------------------------------------------------------
class ChatStartIn(Body):
    provider: str | None = None


class ChatMessageIn(Body):
    message: str
    provider: str | None = None
    memory: bool = True


class ChatSendIn(ChatMessageIn):
    session_id: str | None = None
    continue_last: bool = False


class ChatReply(Out):
    session_id: str
    reply: str
    provider: str | None = None
    model: str | None = None
    safety: str
    interrupted: bool = False


class Health(Out):
    status: str
