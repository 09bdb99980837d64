"""Dates as people write them: "yesterday", "yesterday 9pm", "last monday", "3 days ago".

A phrase becomes an ISO date (or a local date-time) in the person's own timezone before
the command runs, so every backend, and the API, still sees only ISO text; ISO input
passes through untouched and costs nothing (no parser import, no extra round trip).
The parser is parsedatetime, the one jrnl uses.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.cli._click import click

ISO = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_NUMERIC = re.compile(r"^\s*\d{1,4}\s*[/.\-]\s*\d{1,2}(\s*[/.\-]\s*\d{1,4})?\b")


def resolve(text: str, now: datetime, *, flag: str, date_only: bool = False) -> str:
    """`text` as YYYY-MM-DD, or YYYY-MM-DDTHH:MM when it names a time; `now` is local."""
    import parsedatetime

    from psymitrix_cli import messages
    from psymitrix_cli.errors import InvalidInput

    if _NUMERIC.match(text):  # 07/03/2026: 7 March or July 3? Refused, not guessed.
        raise InvalidInput(messages.DATE_AMBIGUOUS.format(flag=flag, text=text))
    calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
    matches = calendar.nlp(text, sourceTime=now.replace(tzinfo=None)) or ()
    # The whole phrase must be the date: "tomorrow-ish" is not "tomorrow" and some text.
    if len(matches) != 1 or matches[0][4].strip().lower() != text.strip().lower():
        raise InvalidInput(messages.DATE_UNREADABLE.format(flag=flag, text=text))
    parsed, found = matches[0][0], matches[0][1]
    if date_only or not found.hasTime:
        return parsed.date().isoformat()
    return parsed.strftime("%Y-%m-%dT%H:%M")


class When(click.types.ParamType):
    """A --at / --since / --until / --date option that also reads phrases."""

    name = "when"

    def __init__(self, *, date_only: bool = False) -> None:
        self.date_only = date_only

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is None or not isinstance(value, str) or ISO.match(value) or ctx is None:
            return value
        flag = (
            f"--{param.name.replace('_', '-')}"
            if param and param.name
            else messages.DATE_FLAG_FALLBACK
        )
        return resolve(value, local_now(ctx), flag=flag, date_only=self.date_only)


def local_now(ctx: Any) -> datetime:
    """Now on the command's clock, in the logged-in person's timezone (one whoami)."""
    from zoneinfo import ZoneInfo

    from psymitrix_cli.cli.state import AppState

    state = AppState.of(ctx)
    zone = ZoneInfo(str(state.backend.accounts.whoami()["timezone"]))
    return state.clock.now().astimezone(zone)


_PREFIX = re.compile(r"^\s*([^:\n]{1,40}):\s+(?=\S)")


def date_prefix(text: str, ctx: Any) -> str | None:
    """jrnl's "yesterday: slept badly": the instant a leading "PHRASE:" names, or None
    (no prefix, a prefix that is no date, or one that means today, which is now)."""
    from psymitrix_cli.errors import InvalidInput

    found = _PREFIX.match(text)
    if found is None:
        return None
    phrase = found.group(1).strip()
    if ISO.match(phrase):
        return phrase  # checked like any --at by the entry's own rules
    if not _looks_like_a_date(phrase):
        return None
    now = local_now(ctx)
    try:
        when = resolve(phrase, now, flag=messages.DATE_FLAG_FALLBACK)
    except InvalidInput:
        return None  # a prefix that is no date is just the start of the text
    return None if when == now.date().isoformat() else when


def _looks_like_a_date(phrase: str) -> bool:
    """Cheap words-first check, so "Note: ..." never costs a parser import or a whoami."""
    words = set(phrase.lower().split())
    return bool(words & _DATE_WORDS) or any(c.isdigit() for c in phrase)


_DATE_WORDS = {
    "yesterday", "today", "tonight", "last", "ago", "morning", "evening", "night",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "am", "pm", "week", "day", "days",
}  # fmt: skip


INSTANT = When()
DAY = When(date_only=True)
