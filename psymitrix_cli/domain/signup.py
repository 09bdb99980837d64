"""What a person gives to sign up, as one value that travels whole from the CLI or a
request body to the service (checked there, by domain/validation.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignupForm:
    name: str | None
    username: str | None
    email: str | None
    password: str | None
    timezone: str | None
    phone: str | None = None
