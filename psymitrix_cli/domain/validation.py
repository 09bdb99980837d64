"""Input rules shared by every door (CLI, server, import). Each raises InvalidInput
with one clear line, before anything is written."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from psymitrix_cli.errors import InvalidInput

USERNAME_RE = re.compile(r"^[a-z0-9_.-]{3,32}$")
# Practical, not RFC 5322: one @, a dotted domain, no spaces.
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
PHONE_RE = re.compile(r"^\+?[1-9]\d{6,14}$")  # E.164: up to 15 digits
PASSWORD_MIN = 8
PASSWORD_MAX_BYTES = 72  # bcrypt ignores everything past 72 bytes
NAME_MAX = 100
EMAIL_MAX = 254


def has_control_chars(text: str, allow_newlines: bool = False) -> bool:
    allowed = {"\n", "\t", "\r"} if allow_newlines else set()
    return any(
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in allowed for ch in text
    )


def clean_text(
    value: str | None, label: str, max_len: int, multiline: bool = False, required: bool = True
) -> str | None:
    """Trim, then refuse empty (when required), over-long and control-character text."""
    if value is None or not value.strip():
        if required:
            raise InvalidInput(f"{label} cannot be empty.")
        return None
    text = value.strip()
    if len(text) > max_len:
        raise InvalidInput(f"{label} is too long ({len(text)} characters; the limit is {max_len}).")
    if has_control_chars(text, allow_newlines=multiline):
        raise InvalidInput(f"{label} contains control characters.")
    return text


def name(value: str | None) -> str:
    return clean_text(value, "Name", NAME_MAX) or ""


def username(value: str | None) -> str:
    """The NFKC form, checked and stored: U+212A KELVIN SIGN is the letter K, and nothing
    that only looks ASCII after `.lower()` is kept as non-ASCII text."""
    text = unicodedata.normalize("NFKC", clean_text(value, "Username", 32) or "")
    if not text.isascii() or not USERNAME_RE.match(text.lower()):
        raise InvalidInput("Username must be 3–32 characters of letters, digits, '_', '.' or '-'.")
    return text


def email(value: str | None) -> str:
    text = clean_text(value, "Email", EMAIL_MAX) or ""
    if not EMAIL_RE.match(text):
        raise InvalidInput(f"{text!r} is not a valid email address.")
    return text.lower()


def phone(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    raw = value.strip()
    if has_control_chars(raw):
        raise InvalidInput("Phone number contains control characters.")
    digits = re.sub(r"[\s().-]", "", raw)
    if not PHONE_RE.match(digits):
        raise InvalidInput(
            f"{raw!r} is not a valid phone number; use international form, e.g. +14155550123."
        )
    return digits if digits.startswith("+") else f"+{digits}"


def timezone(value: str | None) -> str:
    text = clean_text(value, "Timezone", 64) or ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            f"Unknown timezone {text!r}; use an IANA name like Europe/London."
        ) from None
    return text


def password(value: str | None, *, username_: str | None = None, email_: str | None = None) -> str:
    if value is None or value == "":
        raise InvalidInput("Password cannot be empty.")
    if len(value) < PASSWORD_MIN:
        raise InvalidInput(f"Password must be at least {PASSWORD_MIN} characters.")
    size = len(value.encode("utf-8"))
    if size > PASSWORD_MAX_BYTES:
        raise InvalidInput(
            f"Password is {size} bytes in UTF-8; the limit is {PASSWORD_MAX_BYTES} "
            "(bcrypt would silently ignore the rest). Please choose a shorter one."
        )
    if has_control_chars(value):
        raise InvalidInput("Password contains control characters.")
    lowered = value.lower()
    if (username_ and lowered == username_.lower()) or (email_ and lowered == email_.lower()):
        raise InvalidInput("Password must not be the same as your username or email.")
    return value


def parse_date(value: str, label: str = "Date") -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"{label} {value!r} is not a date in the form YYYY-MM-DD.") from None


def parse_datetime(value: str, label: str = "Time") -> datetime:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            f"{label} {value!r} is not an ISO date-time, e.g. 2026-11-24T08:30 or 2026-11-24."
        ) from None
