"""What every AI provider looks like, and the errors it may raise (its settings and the
registry of providers live in config.py, which every layer may read).

Importing this module stays cheap: no SDK and no HTTP client is imported here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from psymitrix_cli import messages
from psymitrix_cli.config import PROVIDER_NAMES, PROVIDERS, AISettings, ProviderSpec
from psymitrix_cli.errors import ProviderError

__all__ = ["PROVIDERS", "PROVIDER_NAMES", "AISettings", "Message", "Provider", "ProviderSpec"]

# {"role": "user" | "assistant" | "system", "content": str}; "system" is a note from
# PsyMitrix inside the conversation (e.g. where an acute turn was withheld).
Message = dict[str, str]


class Provider(Protocol):
    name: str  # "groq" | "gemini" | "offline"
    model: str

    def stream(self, system: str, messages: Sequence[Message]) -> Iterator[str]:
        """Yield reply text as it arrives; raise ProviderError, even mid-stream."""
        ...

    def complete(self, system: str, messages: Sequence[Message]) -> str:
        """One non-streamed reply (used for summaries)."""
        ...


class ProviderAuthError(ProviderError):
    """The provider rejected the API key; the message names the env variable to fix."""

    code = "provider_auth"


class ProviderUnavailable(ProviderError):
    """Timeout, dropped connection, rate limit or server error, after the SDK's retries."""

    code = "provider_unavailable"


# An SDK's exception -> ours (mid_stream says whether a reply was under way); None: as it is.
Translator = Callable[[Exception, bool], ProviderError | None]


@contextmanager
def sdk_errors(translate: Translator, *, mid_stream: bool) -> Iterator[None]:
    """Raise what an SDK raises inside the block as our ProviderError (with the SDK's
    error as its cause), or unchanged where `translate` has no mapping for it. Wraps
    a stream's iteration too; GeneratorExit (a caller stopping early) passes through."""
    try:
        yield
    except Exception as exc:
        mapped = translate(exc, mid_stream)
        if mapped is None:
            raise
        raise mapped from exc


def transport_errors() -> tuple[type[BaseException], ...]:
    """httpx-family transport errors (timeouts, resets, cut bodies) of loaded HTTP clients.

    Only reads sys.modules: it is called after an SDK has been imported, and
    must not import an HTTP client itself. google-genai may run on httpx or
    httpx2, whose exception classes are unrelated, so both are checked.
    """
    found: list[type[BaseException]] = []
    for name in ("httpx", "httpx2"):
        module = sys.modules.get(name)
        error = getattr(module, "TransportError", None)
        if isinstance(error, type) and issubclass(error, BaseException):
            found.append(error)
    return tuple(found)


def transport_failure(provider: str, exc: BaseException, mid_stream: bool) -> ProviderUnavailable:
    """Word an httpx-family transport error (see transport_errors) for the user."""
    kind = type(exc).__name__
    if "Timeout" in kind:
        return ProviderUnavailable(messages.AI_TIMED_OUT.format(provider=provider))
    if "Connect" in kind:
        return ProviderUnavailable(messages.AI_NO_CONNECTION.format(provider=provider))
    where = messages.AI_MID_REPLY if mid_stream else messages.AI_WHILE_ANSWERING
    return ProviderUnavailable(
        messages.AI_CONNECTION_DROPPED.format(provider=provider, where=where)
    )


def scrub(text: str, secret: str | None, limit: int = 200) -> str:
    """Shorten a provider's error text and make sure it never echoes the key."""
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
