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
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Out(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


# --- errors -------------------------------------------------------------------------
class ErrorDetail(BaseModel):
    code: str
    message: str


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


# --- entries ------------------------------------------------------------------------
class Page(Out):
    items: list[Json]
    next_cursor: str | None = None


class SleepHistory(Page):
    average7: Json | None = None
    average30: Json | None = None


class Reflection(Out):
    entry: Json | None = None


class JournalIn(Body):
    text: str | None = None
    mood: int | None = None
    tags: list[str] = []
    at: str | None = None


class JournalEditIn(Body):
    text: str | None = None
    mood: int | None = None
    tags: list[str] | None = None


class GratitudeIn(Body):
    items: list[str] = []
    at: str | None = None


class SleepIn(Body):
    score: int
    hours: float | None = None
    date: str | None = None
    note: str | None = None
    replace: bool = False


class SleepNightIn(Body):
    score: int
    hours: float | None = None
    note: str | None = None


class BreathingIn(Body):
    pattern: str
    label: str
    cycles: int
    started_at: str
    ended_at: str
    duration_seconds: float
    completed: bool
    planned_cycles: int | None = None


class AssessmentIn(Body):
    instrument: str
    answers: list[int]
    difficulty: int | None = None


class CheckinIn(Body):
    mood: int | None = None
    note: str | None = None
    sleep_score: int | None = None
    sleep_hours: float | None = None
    gratitude: list[str] = []


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
