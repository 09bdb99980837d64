"""Gemini, through the official `google-genai` SDK (imported only when this provider runs).

What the SDK does for us (checked against google-genai 3.6):
- base URL: `genai.Client` reads `GOOGLE_GEMINI_BASE_URL` when no base_url is
  given (google/genai/_base_url.py), else https://generativelanguage.googleapis.com/.
  Requests go to `{base}/{api_version}/models/{model}:streamGenerateContent?alt=sse`
  (or `:generateContent`); api_version is `v1` unless GOOGLE_GENAI_API_VERSION says
  otherwise. We never pass base_url, so gateways and test stubs keep working.
- retries: HttpRetryOptions drives tenacity around the request only (never a stream
  already under way), on the listed status codes and on connect/timeout errors.
  It does not read Retry-After.
- transport: httpx2 when installed, else httpx; both error families are mapped.
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

# A provider's `messages` parameter (the chat's) hides the module inside its methods.
from psymitrix_cli.messages import GEMINI_NO_REPLY

if TYPE_CHECKING:
    from google.genai import Client, types

ENV_KEY = "GEMINI_API_KEY"

# Short but real backoff: 0.5 s, 1 s, 2 s ... plus up to 0.25 s of jitter, capped at 8 s.
RETRY_INITIAL_DELAY = 0.5
RETRY_MAX_DELAY = 8.0
RETRY_JITTER = 0.25
RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504]

# Finish reasons that mean "no answer", rather than "answer complete".
_STOPPED_OK = {"STOP", "MAX_TOKENS", "FINISH_REASON_UNSPECIFIED"}


class GeminiProvider:
    name = "gemini"

    def __init__(self, settings: AISettings) -> None:
        self.model = settings.gemini_model
        self._settings = settings
        self._client: Client | None = None

    def stream(self, system: str, messages: Sequence[Message]) -> Iterator[str]:
        produced = False
        refusal: str | None = None
        with sdk_errors(self._translate, mid_stream=True):
            client, config = self._sdk(_with_notes(system, messages))
            chunks = client.models.generate_content_stream(
                model=self.model, contents=_to_contents(messages), config=config
            )
            for chunk in chunks:
                text = chunk.text
                if text:
                    produced = True
                    yield text
                else:
                    refusal = refusal or _refusal(chunk)
        if not produced and refusal:
            raise ProviderError(GEMINI_NO_REPLY.format(refusal=refusal))

    def complete(self, system: str, messages: Sequence[Message]) -> str:
        with sdk_errors(self._translate, mid_stream=False):
            client, config = self._sdk(_with_notes(system, messages))
            response = client.models.generate_content(
                model=self.model, contents=_to_contents(messages), config=config
            )
        text = response.text or ""
        refusal = _refusal(response)
        if not text and refusal:
            raise ProviderError(GEMINI_NO_REPLY.format(refusal=refusal))
        return text

    def _sdk(self, system: str) -> tuple[Client, types.GenerateContentConfig]:
        from google import genai  # lazy: keeps `psymitrix --help` fast (SDK + httpx2 + pydantic)
        from google.genai import types

        if self._client is None:
            retry = types.HttpRetryOptions(
                attempts=self._settings.max_retries + 1,
                initial_delay=RETRY_INITIAL_DELAY,
                max_delay=RETRY_MAX_DELAY,
                exp_base=2.0,
                jitter=RETRY_JITTER,
                http_status_codes=RETRY_STATUS_CODES,
            )
            self._client = genai.Client(
                api_key=self._settings.gemini_api_key,
                # The Gemini Developer API, whatever GOOGLE_GENAI_USE_VERTEXAI says.
                vertexai=False,
                http_options=types.HttpOptions(
                    timeout=round(self._settings.timeout_seconds * 1000),  # milliseconds
                    retry_options=retry,
                ),
            )
        return self._client, types.GenerateContentConfig(system_instruction=system)

    def _translate(self, exc: Exception, mid_stream: bool) -> ProviderError | None:
        """Map an SDK or transport error to ours; None means re-raise it unchanged."""
        from google.genai import errors

        key = self._settings.gemini_api_key
        if isinstance(exc, errors.ClientError):
            if exc.code in (401, 403) or _is_bad_key(exc):
                return ProviderAuthError(messages.GEMINI_BAD_KEY.format(env_key=ENV_KEY))
            if exc.code == 429:
                return ProviderUnavailable(messages.GEMINI_RATE_LIMITED)
            if exc.code == 408:
                return ProviderUnavailable(messages.GEMINI_TIMED_OUT)
            if exc.code == 404:
                return ProviderError(messages.GEMINI_NO_MODEL.format(model=self.model))
            return ProviderError(
                messages.GEMINI_REFUSED.format(code=exc.code, detail=scrub(exc.message or "", key))
            )
        if isinstance(exc, errors.ServerError):
            return ProviderUnavailable(messages.GEMINI_TROUBLE.format(code=exc.code))
        if isinstance(exc, errors.APIError):
            return ProviderError(messages.GEMINI_FAILED.format(detail=scrub(str(exc), key)))
        if isinstance(exc, transport_errors()):
            return transport_failure(messages.GEMINI_NAME, exc, mid_stream)
        if isinstance(exc, errors.UnknownApiResponseError | json.JSONDecodeError):
            return ProviderError(messages.GEMINI_UNREADABLE)
        return None


def _with_notes(system: str, messages: Sequence[Message]) -> str:
    """Gemini has no system turns inside a conversation: its notes join the instruction."""
    notes = [m["content"] for m in messages if m["role"] == "system" and m["content"]]
    return "\n\n".join([system, *dict.fromkeys(notes)])


def _to_contents(messages: Sequence[Message]) -> list[Any]:
    """Gemini roles are "user" and "model"; consecutive turns of one role are merged."""
    contents: list[dict[str, Any]] = []
    for message in messages:
        if not message["content"] or message["role"] == "system":
            continue
        role = "model" if message["role"] == "assistant" else "user"
        if contents and contents[-1]["role"] == role:
            contents[-1]["parts"].append({"text": message["content"]})
        else:
            contents.append({"role": role, "parts": [{"text": message["content"]}]})
    return contents


def _is_bad_key(exc: Any) -> bool:
    # The real API answers a bad key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID.
    details = json.dumps(exc.details, default=str) if exc.details else ""
    return "API_KEY_INVALID" in details or "api key not valid" in (exc.message or "").lower()


def _refusal(response: Any) -> str | None:
    """Why Gemini returned no text (a blocked prompt or a safety stop), if it says."""
    feedback = getattr(response, "prompt_feedback", None)
    if feedback is not None and feedback.block_reason:
        return messages.GEMINI_BLOCKED.format(reason=_enum_name(feedback.block_reason))
    for candidate in getattr(response, "candidates", None) or []:
        reason = _enum_name(candidate.finish_reason) if candidate.finish_reason else None
        if reason and reason not in _STOPPED_OK:
            return messages.GEMINI_STOPPED.format(reason=reason)
    return None


def _enum_name(value: Any) -> str:
    return str(getattr(value, "value", value))
