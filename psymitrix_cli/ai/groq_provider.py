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

from psymitrix_cli.ai.base import (
    AISettings,
    Message,
    ProviderAuthError,
    ProviderUnavailable,
    scrub,
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
        try:
            response = self._sdk().chat.completions.create(
                model=self.model, messages=_to_groq(system, messages), stream=True
            )
            with response:  # closes the HTTP response if the caller stops early
                for chunk in response:
                    if chunk.choices and chunk.choices[0].delta.content:
                        yield chunk.choices[0].delta.content
        except Exception as exc:
            mapped = self._translate(exc, mid_stream=True)
            if mapped is None:
                raise
            raise mapped from exc

    def complete(self, system: str, messages: Sequence[Message]) -> str:
        try:
            response = self._sdk().chat.completions.create(
                model=self.model, messages=_to_groq(system, messages), stream=False
            )
        except Exception as exc:
            mapped = self._translate(exc, mid_stream=False)
            if mapped is None:
                raise
            raise mapped from exc
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

    def _translate(self, exc: Exception, *, mid_stream: bool) -> ProviderError | None:
        """Map an SDK or transport error to ours; None means re-raise it unchanged."""
        import groq

        key = self._settings.groq_api_key
        if isinstance(exc, groq.AuthenticationError):
            return ProviderAuthError(f"Groq rejected the API key in {ENV_KEY}.")
        if isinstance(exc, groq.PermissionDeniedError):
            return ProviderAuthError(
                f"Groq refused access for the API key in {ENV_KEY}: {scrub(exc.message, key)}"
            )
        if isinstance(exc, groq.RateLimitError):
            return ProviderUnavailable("Groq is rate-limiting requests; try again in a minute.")
        if isinstance(exc, groq.APITimeoutError):
            return ProviderUnavailable(
                f"Groq did not answer within {self._settings.timeout_seconds:g} s."
            )
        if isinstance(exc, groq.APIConnectionError):
            return ProviderUnavailable("Could not connect to Groq; check your network.")
        if isinstance(exc, groq.NotFoundError):
            return ProviderError(f"Groq does not offer the model '{self.model}'.")
        if isinstance(exc, groq.APIStatusError):
            if exc.status_code >= 500:
                return ProviderUnavailable(
                    f"Groq is having problems (HTTP {exc.status_code}); try again later."
                )
            return ProviderError(
                f"Groq refused the request (HTTP {exc.status_code}): {scrub(exc.message, key)}"
            )
        if isinstance(exc, groq.APIError):  # an error event inside the stream
            return ProviderUnavailable(f"Groq stopped with an error: {scrub(exc.message, key)}")
        if isinstance(exc, transport_errors()):  # raw httpx errors while reading the body
            return transport_failure("Groq", exc, mid_stream)
        if isinstance(exc, json.JSONDecodeError):
            return ProviderError("Groq sent a reply PsyMitrix could not read.")
        return None


def _to_groq(system: str, messages: Sequence[Message]) -> list[Any]:
    chat: list[dict[str, str]] = [{"role": "system", "content": system}]
    roles = {"assistant": "assistant", "system": "system"}  # notes stay where they were
    chat += [{"role": roles.get(m["role"], "user"), "content": m["content"]} for m in messages]
    return chat
