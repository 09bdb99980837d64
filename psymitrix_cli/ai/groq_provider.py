"""Groq, through the official `groq` SDK (imported only when this provider runs).

The SDK owns the transport details we rely on:
- base URL: `GROQ_BASE_URL` from the environment, else https://api.groq.com; requests
  go to `{base}/openai/v1/chat/completions`. We never pass base_url, so gateways
  and test stubs keep working.
- retries: `max_retries` retries on 408/409/429/5xx and connection errors, with
  exponential backoff from 0.5 s (max 8 s), honouring Retry-After up to 60 s.
  Only the request is retried, never a stream already under way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.ai.base import (
    AISettings,
    Message,
    ProviderAuthError,
    ProviderUnavailable,
    scrub,
    sdk_errors,
    transport_errors,
    transport_failure,
)
from psymitrix_cli.errors import ProviderError

if TYPE_CHECKING:
    from groq import Groq

ENV_KEY = "GROQ_API_KEY"


class GroqProvider:
    name = "groq"

    def __init__(self, settings: AISettings) -> None:
        self.model = settings.groq_model
        self._settings = settings
        self._client: Groq | None = None

    def stream(self, system: str, messages: Sequence[Message]) -> Iterator[str]:
        with sdk_errors(self._translate, mid_stream=True):
            response = self._sdk().chat.completions.create(
                model=self.model, messages=_to_groq(system, messages), stream=True
            )
            with response:  # closes the HTTP response if the caller stops early
                for chunk in response:
                    if chunk.choices and chunk.choices[0].delta.content:
                        yield chunk.choices[0].delta.content

    def complete(self, system: str, messages: Sequence[Message]) -> str:
        with sdk_errors(self._translate, mid_stream=False):
            response = self._sdk().chat.completions.create(
                model=self.model, messages=_to_groq(system, messages), stream=False
            )
        if not response.choices:
            return ""
        return response.choices[0].message.content or ""

    def _sdk(self) -> Groq:
        if self._client is None:
            import groq  # lazy: keeps `psymitrix --help` fast (the SDK pulls in httpx, pydantic)

            self._client = groq.Groq(
                api_key=(self._settings.groq_api_key or "").strip(),
                timeout=self._settings.timeout_seconds,
                max_retries=self._settings.max_retries,
            )
        return self._client

    def _translate(self, exc: Exception, mid_stream: bool) -> ProviderError | None:
        """Map an SDK or transport error to ours; None means re-raise it unchanged."""
        import groq

        key = self._settings.groq_api_key
        if isinstance(exc, groq.AuthenticationError):
            return ProviderAuthError(messages.GROQ_BAD_KEY.format(env_key=ENV_KEY))
        if isinstance(exc, groq.PermissionDeniedError):
            return ProviderAuthError(
                messages.GROQ_KEY_REFUSED.format(env_key=ENV_KEY, detail=scrub(exc.message, key))
            )
        if isinstance(exc, groq.RateLimitError):
            return ProviderUnavailable(messages.GROQ_RATE_LIMITED)
        if isinstance(exc, groq.APITimeoutError):
            return ProviderUnavailable(
                messages.GROQ_TIMED_OUT.format(timeout_seconds=self._settings.timeout_seconds)
            )
        if isinstance(exc, groq.APIConnectionError):
            return ProviderUnavailable(messages.GROQ_NO_CONNECTION)
        if isinstance(exc, groq.NotFoundError):
            return ProviderError(messages.GROQ_NO_MODEL.format(model=self.model))
        if isinstance(exc, groq.APIStatusError):
            if exc.status_code >= 500:
                return ProviderUnavailable(
                    messages.GROQ_TROUBLE.format(status_code=exc.status_code)
                )
            return ProviderError(
                messages.GROQ_REFUSED.format(
                    status_code=exc.status_code, detail=scrub(exc.message, key)
                )
            )
        if isinstance(exc, groq.APIError):  # an error event inside the stream
            return ProviderUnavailable(messages.GROQ_STOPPED.format(detail=scrub(exc.message, key)))
        if isinstance(exc, transport_errors()):  # raw httpx errors while reading the body
            return transport_failure(messages.GROQ_NAME, exc, mid_stream)
        if isinstance(exc, json.JSONDecodeError):
            return ProviderError(messages.GROQ_UNREADABLE)
        return None


def _to_groq(system: str, messages: Sequence[Message]) -> list[Any]:
    chat: list[dict[str, str]] = [{"role": "system", "content": system}]
    roles = {"assistant": "assistant", "system": "system"}  # notes stay where they were
    chat += [{"role": roles.get(m["role"], "user"), "content": m["content"]} for m in messages]
    return chat
