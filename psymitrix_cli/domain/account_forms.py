"""What a person gives to sign up or to change their profile, each as one value that
travels whole from the CLI or a request body to the service (checked there, by
domain/validation.py). Field names are the JSON names of the API bodies."""

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


@dataclass(frozen=True)
class ProfileChanges:
    """None leaves a field as it is; an empty phone removes the number. A new username or
    email also needs the current password."""

    name: str | None = None
    username: str | None = None
    email: str | None = None
    phone: str | None = None
    timezone: str | None = None
    currentPassword: str | None = None
