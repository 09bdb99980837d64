"""Input rules shared by every door (CLI, server, import). Each raises InvalidInput
with one clear line, before anything is written."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from psymitrix_cli import messages
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
            raise InvalidInput(messages.TEXT_EMPTY.format(where=label))
        return None
    text = value.strip()
    if len(text) > max_len:
        raise InvalidInput(
            messages.TEXT_TOO_LONG.format(where=label, length=len(text), limit=max_len)
        )
    if has_control_chars(text, allow_newlines=multiline):
        raise InvalidInput(messages.TEXT_CONTROL_CHARS.format(where=label))
    return text


def name(value: str | None) -> str:
    return clean_text(value, messages.PROMPT_NAME, NAME_MAX) or ""


def username(value: str | None) -> str:
    """The NFKC form, checked and stored: U+212A KELVIN SIGN is the letter K, and nothing
    that only looks ASCII after `.lower()` is kept as non-ASCII text."""
    text = unicodedata.normalize("NFKC", clean_text(value, messages.PROMPT_USERNAME, 32) or "")
    if not text.isascii() or not USERNAME_RE.match(text.lower()):
        raise InvalidInput(messages.USERNAME_RULE)
    return text


def email(value: str | None) -> str:
    text = clean_text(value, messages.PROMPT_EMAIL, EMAIL_MAX) or ""
    if not EMAIL_RE.match(text):
        raise InvalidInput(messages.EMAIL_INVALID.format(text=text))
    return text.lower()


def phone(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    raw = value.strip()
    if has_control_chars(raw):
        raise InvalidInput(messages.PHONE_CONTROL_CHARS)
    digits = re.sub(r"[\s().-]", "", raw)
    if not PHONE_RE.match(digits):
        raise InvalidInput(messages.PHONE_INVALID.format(raw=raw))
    return digits if digits.startswith("+") else f"+{digits}"


def timezone(value: str | None) -> str:
    text = clean_text(value, messages.LABEL_TIMEZONE, 64) or ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(messages.TIMEZONE_UNKNOWN.format(text=text)) from None
    return text


def password(value: str | None, *, username_: str | None = None, email_: str | None = None) -> str:
    if value is None or value == "":
        raise InvalidInput(messages.PASSWORD_EMPTY)
    if len(value) < PASSWORD_MIN:
        raise InvalidInput(messages.PASSWORD_TOO_SHORT.format(password_min=PASSWORD_MIN))
    size = len(value.encode("utf-8"))
    if size > PASSWORD_MAX_BYTES:
        raise InvalidInput(
            messages.PASSWORD_TOO_LONG.format(size=size, password_max_bytes=PASSWORD_MAX_BYTES)
        )
    if has_control_chars(value):
        raise InvalidInput(messages.PASSWORD_CONTROL_CHARS)
    lowered = value.lower()
    if (username_ and lowered == username_.lower()) or (email_ and lowered == email_.lower()):
        raise InvalidInput(messages.PASSWORD_IS_IDENTITY)
    return value


def parse_date(value: str, label: str = "Date") -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(messages.DATE_NOT_ISO.format(label=label, value=value)) from None


def parse_datetime(value: str, label: str = "Time") -> datetime:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(messages.INSTANT_NOT_ISO.format(label=label, value=value)) from None
