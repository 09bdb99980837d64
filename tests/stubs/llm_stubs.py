"""Scriptable HTTP stubs of the Groq and Gemini APIs, served on 127.0.0.1.

The real SDKs talk to these over real sockets, so tests exercise the SDKs' own
URL building, SSE parsing, retries and error mapping. Each stub runs a
ThreadingHTTPServer on a free port in a daemon thread; it stops on context exit
or, if a test forgets it, after `lifetime` seconds.

Script a stub with a queue of behaviours; when the queue is empty, `default`
answers. Moderation requests (Llama Guard on Groq, the classifier prompt on Gemini)
have their own queue, default answer and record, so a test of the chat itself sees
only the chat's requests:

    with GroqStub() as stub:
        stub.push(status(429, retry_after="0"), ok("Hel", "lo"))
        ...
        assert len(stub.requests) == 2
        stub.moderate(ok("unsafe\nS11"))  # the next moderation answer
        assert len(stub.moderation_requests) == 1
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar, Literal
from urllib.parse import parse_qs, urlsplit

Kind = Literal["ok", "status", "invalid_key", "cut"]


@dataclass(frozen=True)
class Behaviour:
    kind: Kind
    chunks: tuple[str, ...] = ()
    status: int | None = None
    retry_after: str | None = None


def ok(*chunks: str) -> Behaviour:
    """Answer successfully; streamed as one event per chunk, or joined when not streaming."""
    return Behaviour("ok", chunks=chunks or ("Hello", " from", " the stub."))


def status(code: int, retry_after: str | None = None) -> Behaviour:
    """Answer with an HTTP error in the API's own error JSON shape."""
    return Behaviour("status", status=code, retry_after=retry_after)


def invalid_key(code: int | None = None) -> Behaviour:
    """Reject the API key the way the real API does (its usual status unless given)."""
    return Behaviour("invalid_key", status=code)


def cut(*chunks: str) -> Behaviour:
    """Start a 200 response, send these chunks, then drop the connection mid-body."""
    return Behaviour("cut", chunks=chunks)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: Any  # parsed JSON, or None when the body was not JSON


@dataclass(frozen=True)
class Route:
    streaming: bool
    model: str


@dataclass
class LLMStub:
    """Transport, scripting and recording shared by the API-specific stubs below."""

    lifetime: float = 60.0
    default: Behaviour = field(default_factory=ok)
    requests: list[RecordedRequest] = field(default_factory=list)
    _queue: deque[Behaviour] = field(default_factory=deque)
    moderation_default: Behaviour = field(default_factory=lambda: ok("safe"))
    moderation_delay: float = 0.0  # seconds to wait before answering a moderation request
    moderation_requests: list[RecordedRequest] = field(default_factory=list)
    _moderation: deque[Behaviour] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _timer: threading.Timer | None = None

    # --- API-specific hooks -------------------------------------------------------
    invalid_key_status: ClassVar[int] = 401

    def route(self, path: str, body: Any) -> Route | None:
        raise NotImplementedError

    def is_moderation(self, body: Any) -> bool:
        return False

    def stream_events(self, chunks: tuple[str, ...], model: str, final: bool) -> list[dict]:
        raise NotImplementedError

    def done_marker(self) -> bytes | None:
        return None

    def complete_body(self, text: str, model: str) -> dict:
        raise NotImplementedError

    def error_body(self, code: int, invalid_key: bool) -> dict:
        raise NotImplementedError

    # --- scripting ----------------------------------------------------------------
    def push(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self._queue.extend(behaviours)

    def next_behaviour(self) -> Behaviour:
        with self._lock:
            return self._queue.popleft() if self._queue else self.default

    def moderate(self, *behaviours: Behaviour) -> None:
        """Queue answers for moderation requests (e.g. ok("unsafe\nS11"), status(500))."""
        with self._lock:
            self._moderation.extend(behaviours)

    def next_moderation(self) -> Behaviour:
        with self._lock:
            return self._moderation.popleft() if self._moderation else self.moderation_default

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            if self.is_moderation(request.body):
                self.moderation_requests.append(request)
            else:
                self.requests.append(request)

    @property
    def bodies(self) -> list[Any]:
        with self._lock:
            return [r.body for r in self.requests]

    # --- lifecycle ----------------------------------------------------------------
    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("stub is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> LLMStub:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.stub = self  # type: ignore[attr-defined]
        self._server = server
        # A short poll interval makes stop() (server.shutdown) return quickly.
        threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=type(self).__name__,
            daemon=True,
        ).start()
        # A stub a test forgot to stop must not outlive the run.
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        with self._lock:
            server, self._server = self._server, None
            timer, self._timer = self._timer, None
        if timer is not None and timer is not threading.current_thread():
            timer.cancel()
        if server is not None:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> LLMStub:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies, like the real APIs
    timeout = 10  # idle keep-alive connections from SDK pools must not pin threads

    @property
    def stub(self) -> LLMStub:
        return self.server.stub  # type: ignore[attr-defined, no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        parts = urlsplit(self.path)
        self.stub.record(
            RecordedRequest(
                method="POST",
                path=parts.path,
                query=parse_qs(parts.query),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
        )
        route = self.stub.route(parts.path, body)
        if route is None:
            self._send_json(404, {"error": {"code": 404, "message": f"no route {parts.path}"}})
            return
        if self.stub.is_moderation(body):
            time.sleep(self.stub.moderation_delay)
            behaviour = self.stub.next_moderation()
        else:
            behaviour = self.stub.next_behaviour()
        if behaviour.kind == "status":
            assert behaviour.status is not None
            extra = {"Retry-After": behaviour.retry_after} if behaviour.retry_after else {}
            self._send_json(behaviour.status, self.stub.error_body(behaviour.status, False), extra)
        elif behaviour.kind == "invalid_key":
            code = behaviour.status or self.stub.invalid_key_status
            self._send_json(code, self.stub.error_body(code, True))
        elif route.streaming:
            self._send_stream(route, behaviour)
        else:
            self._send_complete(route, behaviour)

    def _send_json(self, code: int, payload: dict, extra: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, route: Route, behaviour: Behaviour) -> None:
        complete = behaviour.kind == "ok"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in self.stub.stream_events(behaviour.chunks, route.model, final=complete):
            self._write_chunk(b"data: " + json.dumps(event).encode() + b"\n\n")
        if not complete:
            self._drop_connection()
            return
        marker = self.stub.done_marker()
        if marker is not None:
            self._write_chunk(marker)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _send_complete(self, route: Route, behaviour: Behaviour) -> None:
        data = json.dumps(self.stub.complete_body("".join(behaviour.chunks), route.model)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if behaviour.kind == "cut":
            self.wfile.write(data[: len(data) // 2])
            self._drop_connection()
        else:
            self.wfile.write(data)

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()
        time.sleep(0.005)  # let each event reach the client as its own read

    def _drop_connection(self) -> None:
        # FIN (not RST) so the client still reads the bytes already sent, then
        # sees the body end early: an incomplete chunked read.
        self.wfile.flush()
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


# --- Groq (OpenAI-compatible) ---------------------------------------------------------


@dataclass
class GroqStub(LLMStub):
    """`POST /openai/v1/chat/completions`, the path the groq SDK appends to GROQ_BASE_URL."""

    invalid_key_status: ClassVar[int] = 401

    def route(self, path: str, body: Any) -> Route | None:
        if path.rstrip("/") != "/openai/v1/chat/completions":
            return None
        body = body if isinstance(body, dict) else {}
        return Route(streaming=bool(body.get("stream")), model=str(body.get("model", "")))

    def is_moderation(self, body: Any) -> bool:
        return isinstance(body, dict) and "guard" in str(body.get("model", ""))

    def stream_events(self, chunks: tuple[str, ...], model: str, final: bool) -> list[dict]:
        deltas: list[tuple[dict, str | None]] = [({"role": "assistant", "content": ""}, None)]
        deltas += [({"content": chunk}, None) for chunk in chunks]
        if final:
            deltas.append(({}, "stop"))
        return [self._chunk(model, delta, reason) for delta, reason in deltas]

    def done_marker(self) -> bytes | None:
        return b"data: [DONE]\n\n"

    def complete_body(self, text: str, model: str) -> dict:
        return {
            "id": "chatcmpl-stub",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
            "system_fingerprint": "fp_stub",
            "x_groq": {"id": "req_stub"},
        }

    def error_body(self, code: int, invalid_key: bool) -> dict:
        if invalid_key:
            error = {
                "message": "Invalid API Key",
                "type": "invalid_request_error",
                "code": "invalid_api_key",
            }
        elif code == 429:
            error = {
                "message": "Rate limit reached for model. Please try again in 1s.",
                "type": "tokens",
                "code": "rate_limit_exceeded",
            }
        else:
            error = {"message": "Internal Server Error", "type": "internal_server_error"}
        return {"error": error}

    @staticmethod
    def _chunk(model: str, delta: dict, finish_reason: str | None) -> dict:
        return {
            "id": "chatcmpl-stub",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "system_fingerprint": "fp_stub",
            "choices": [
                {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
            ],
            "x_groq": {"id": "req_stub"},
        }


# --- Gemini (Google AI, google-genai SDK) -------------------------------------------

_GEMINI_PATH = re.compile(
    r"^/(?P<version>[^/]+)/models/(?P<model>[^/:]+):(?P<method>streamGenerateContent|generateContent)$"
)
_GEMINI_STATUS = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: ("UNAUTHENTICATED", "Request had invalid authentication credentials."),
    403: ("PERMISSION_DENIED", "Method doesn't allow unregistered callers."),
    429: ("RESOURCE_EXHAUSTED", "You exceeded your current quota."),
    500: ("INTERNAL", "An internal error has occurred."),
    503: ("UNAVAILABLE", "The model is overloaded. Please try again later."),
}


@dataclass
class GeminiStub(LLMStub):
    """`POST /{version}/models/{model}:streamGenerateContent?alt=sse` and `:generateContent`."""

    # A bad key is a 400 INVALID_ARGUMENT with reason API_KEY_INVALID on the real API.
    invalid_key_status: ClassVar[int] = 400
    moderation_default: Behaviour = field(default_factory=lambda: ok("NONE"))

    def route(self, path: str, body: Any) -> Route | None:
        match = _GEMINI_PATH.match(path)
        if match is None:
            return None
        return Route(streaming=match["method"] == "streamGenerateContent", model=match["model"])

    def is_moderation(self, body: Any) -> bool:
        # The classifier is told it is one in its system instruction.
        instruction = body.get("systemInstruction") if isinstance(body, dict) else None
        parts = instruction.get("parts", []) if isinstance(instruction, dict) else []
        return any("safety classifier" in str(p.get("text", "")) for p in parts)

    def stream_events(self, chunks: tuple[str, ...], model: str, final: bool) -> list[dict]:
        texts = list(chunks) or ([""] if final else [])
        last = len(texts) - 1
        return [self._response(t, model, final and i == last) for i, t in enumerate(texts)]

    def complete_body(self, text: str, model: str) -> dict:
        return self._response(text, model, finished=True)

    def error_body(self, code: int, invalid_key: bool) -> dict:
        status_name, message = _GEMINI_STATUS.get(code, ("UNKNOWN", "Unknown error."))
        error: dict[str, Any] = {"code": code, "message": message, "status": status_name}
        if invalid_key:
            error["message"] = "API key not valid. Please pass a valid API key."
            error["details"] = [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "API_KEY_INVALID",
                    "domain": "googleapis.com",
                    "metadata": {"service": "generativelanguage.googleapis.com"},
                }
            ]
        return {"error": error}

    @staticmethod
    def _response(text: str, model: str, finished: bool) -> dict:
        candidate: dict[str, Any] = {
            "content": {"parts": [{"text": text}], "role": "model"},
            "index": 0,
        }
        if finished:
            candidate["finishReason"] = "STOP"
        return {
            "candidates": [candidate],
            "usageMetadata": {"promptTokenCount": 10, "totalTokenCount": 15},
            "modelVersion": model,
            "responseId": "stub",
        }
