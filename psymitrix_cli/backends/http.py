"""HTTP to `psymitrix serve`: timeouts, careful retries, typed errors, and SSE.

httpx is imported on first use. Retries:
- a failure to *connect* is always retried (nothing reached the server);
- other transport errors and 502/503/504 are retried only when repeating the
  request is harmless: GET/PUT/DELETE, or any request with an Idempotency-Key.
The server's `{"error": {"code", "message"}}` becomes the same typed error the
local backend raises, so the CLI prints the same line and exits with the same code.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from psymitrix_cli import __version__, messages
from psymitrix_cli.errors import (
    AuthError,
    BackendUnavailable,
    Conflict,
    Forbidden,
    Interrupted,
    InvalidInput,
    NotFound,
    ProviderError,
    PsyError,
    RateLimited,
)

if TYPE_CHECKING:
    import httpx

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 30.0
STREAM_READ_TIMEOUT_S = 120.0  # a chat turn may wait on a provider's own retries
BACKOFF_S = (0.1, 0.4)  # between the 3 attempts
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE"})
RETRY_STATUSES = frozenset({502, 503, 504})
CLOCK_HEADER = "X-PsyMitrix-Clock"

_BY_CODE: dict[str, type[PsyError]] = {
    "auth_failed": AuthError,
    "forbidden": Forbidden,
    "not_found": NotFound,
    "conflict": Conflict,
    "invalid_input": InvalidInput,
    "too_large": InvalidInput,
    "backend_unavailable": BackendUnavailable,
    "provider_error": ProviderError,
    "interrupted": Interrupted,
}
_BY_STATUS: dict[int, type[PsyError]] = {
    400: InvalidInput,
    401: AuthError,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: InvalidInput,
    422: InvalidInput,
}


def segment(value: str) -> str:
    """One path segment, whatever the user typed (an ID with '/' or '?' stays an ID)."""
    quoted = quote(value, safe="")
    # "." and ".." would be resolved away as dot-segments: escape them.
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted


def typed_error(
    status: int,
    code: str | None,
    message: str,
    retry_after: str | None,
    template: str | None = None,
) -> PsyError:
    if status == 429 or code == "rate_limited":
        try:
            wait = max(1, int(retry_after or "1"))
        except ValueError:
            wait = 1
        return RateLimited(message, wait)
    cls = _BY_CODE.get(code or "") or _BY_STATUS.get(status)
    if cls is None:
        cls = PsyError if status >= 500 else InvalidInput
    # The template names fields, so this CLI words them as its flags, as locally.
    return cls(template if template and cls is not PsyError else message)


class Http:
    def __init__(
        self,
        base_url: str,
        token_source: Callable[[], str | None],
        extra_headers: Mapping[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._token_source = token_source
        self._extra = dict(extra_headers or {})
        self._sleep = sleep

    @cached_property
    def client(self) -> httpx.Client:
        import httpx

        return httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
            headers={"User-Agent": f"psymitrix-cli/{__version__}", **self._extra},
        )

    def close(self) -> None:
        if "client" in self.__dict__:
            self.client.close()

    def token(self) -> str | None:
        return self._token_source()

    def _headers(self, auth: bool, idempotency_key: str | None) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        token = self._token_source() if auth else None
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        return headers

    def unreachable(self, exc: Exception | None = None, status: int | None = None) -> PsyError:
        reason = f"HTTP {status}" if status else (str(exc) or type(exc).__name__)
        return BackendUnavailable(
            messages.API_UNREACHABLE.format(base_url=self.base_url, reason=reason)
        )

    def _error(self, response: httpx.Response) -> PsyError:
        try:
            error = response.json()["error"]
            code, message = str(error["code"]), str(error["message"])
            template = error.get("template")
        except (ValueError, KeyError, TypeError):
            if response.status_code in RETRY_STATUSES:  # a proxy's page: the API is not there
                return self.unreachable(status=response.status_code)
            code, message = None, messages.API_ANSWERED.format(status=response.status_code)
            template = None
        retry = response.headers.get("Retry-After")
        return typed_error(response.status_code, code, message, retry, str(template or "") or None)

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: Mapping[str, Any] | None = None,
        auth: bool = True,
        idempotency_key: str | None = None,
    ) -> Any:
        """The decoded JSON answer (None for 204), or the typed error it stands for."""
        import httpx

        repeatable = method in IDEMPOTENT or idempotency_key is not None
        content = None if json_body is None else _encode(json_body)
        headers = self._headers(auth, idempotency_key)
        if content is not None:
            headers["Content-Type"] = "application/json"
        query = {k: v for k, v in (params or {}).items() if v is not None}
        for attempt in range(len(BACKOFF_S) + 1):
            last = attempt == len(BACKOFF_S)
            try:
                response = self.client.request(
                    method, path, content=content, params=query, headers=headers
                )
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                if last:
                    raise self.unreachable(exc) from None
            except httpx.TransportError as exc:
                if last or not repeatable:
                    raise self.unreachable(exc) from None
            else:
                if response.status_code < 400:
                    return (
                        None
                        if response.status_code == 204 or not response.content
                        else response.json()
                    )
                if last or not repeatable or response.status_code not in RETRY_STATUSES:
                    raise self._error(response)
            self._sleep(BACKOFF_S[attempt])
        raise AssertionError("unreachable")  # the loop always returns or raises

    def stream(self, path: str, json_body: Any) -> Iterator[dict[str, Any]]:
        """POST and read Server-Sent Events: one decoded `data` per event, in order.
        An `event: error` becomes the typed error it names."""
        body = {"content": _encode(json_body), "headers": {"Content-Type": "application/json"}}
        with self._streamed("POST", path, "text/event-stream", **body) as response:
            for kind, data in _sse_events(response.iter_lines()):
                if kind == "error":
                    raise typed_error(500, data.get("code"), data.get("message", ""), None)
                yield data

    def download(
        self, path: str, params: Mapping[str, Any]
    ) -> contextlib.AbstractContextManager[httpx.Response]:
        """GET a streamed body: the response with its headers read and its body not yet,
        or the typed error it stands for. Read it with `blocks`."""
        return self._streamed("GET", path, "*/*", params=dict(params))

    @contextlib.contextmanager
    def _streamed(
        self,
        method: str,
        path: str,
        accept: str,
        *,
        headers: Mapping[str, str] | None = None,
        **request: Any,
    ) -> Iterator[httpx.Response]:
        """A streamed request: an error status is its typed error (body read first), and
        a transport failure, even while the caller reads the body, is unreachable."""
        import httpx

        sent = {**self._headers(True, None), "Accept": accept, **(headers or {})}
        timeout = httpx.Timeout(STREAM_READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
        try:
            with self.client.stream(
                method, path, headers=sent, timeout=timeout, **request
            ) as response:
                if response.status_code >= 400:
                    response.read()
                    raise self._error(response)
                yield response
        except httpx.TransportError as exc:
            raise self.unreachable(exc) from None

    def blocks(self, response: httpx.Response) -> Iterator[bytes]:
        """A streamed body's bytes; a connection cut on the way (the server failed after
        it began) is the unreachable error, never a short file taken for a whole one."""
        import httpx

        try:
            yield from response.iter_bytes(1 << 16)
        except httpx.TransportError as exc:
            raise self.unreachable(exc) from None


def _encode(body: Any) -> bytes:
    # Not httpx's json=: non-ASCII text stays as UTF-8 (a \\u escape per character could
    # push a long journal entry past the server's body limit).
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _sse_events(lines: Iterator[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    kind, data = "message", []
    for line in lines:
        if not line:
            if data:
                yield kind, json.loads("\n".join(data))
            kind, data = "message", []
        elif line.startswith(":"):
            continue  # a comment / keep-alive
        else:
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                kind = value
            elif field == "data":
                data.append(value)
    if data:
        yield kind, json.loads("\n".join(data))
