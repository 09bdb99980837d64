"""Chat input rules, shared by the chat service and the REPL's early checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput

MESSAGE_MAX = 8000


@dataclass(frozen=True)
class ChatTurn:
    """One message to the companion and where it goes: a named session, the latest one
    (continueLast), or a new one. Field names are the JSON names of the API body."""

    message: str
    sessionId: str | None = None
    continueLast: bool = False
    provider: str | None = None
    memory: bool = True  # summaries of earlier sessions go to the model


# Control characters other than tab and newline, lone surrogates, and the bidi
# overrides that can make text print differently from what was typed.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_message(text: str | None) -> str:
    """A message as stored: CRLF made LF, trimmed; empty, over-long or control text refused."""
    body = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise InvalidInput(messages.CHAT_EMPTY_MESSAGE)
    if len(body) > MESSAGE_MAX:
        raise InvalidInput(messages.CHAT_TOO_LONG.format(length=len(body), limit=MESSAGE_MAX))
    if _FORBIDDEN.search(body):
        raise InvalidInput(messages.CHAT_CONTROL_CHARS)
    return body


def check_target(session_id: str | None, continue_last: bool) -> None:
    """A turn goes to one named session, or to the latest: not both."""
    if session_id and continue_last:
        raise InvalidInput(messages.CHAT_SESSION_AND_CONTINUE)
