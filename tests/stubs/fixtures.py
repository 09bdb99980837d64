"""pytest fixtures for the LLM stubs; load with `pytest_plugins = ["tests.stubs.fixtures"]`.

Each fixture starts a stub, points the real SDK at it through the environment
variable the SDK itself reads, and stops the stub after the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.stubs.llm_stubs import GeminiStub, GroqStub


def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # httpx honours proxy variables; a developer's proxy must not swallow loopback calls.
    no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY"), "127.0.0.1", "localhost"]))
    monkeypatch.setenv("NO_PROXY", no_proxy)
    monkeypatch.setenv("no_proxy", no_proxy)


@pytest.fixture
def groq_stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[GroqStub]:
    """A Groq stub; GROQ_BASE_URL points at it (the SDK appends /openai/v1/...)."""
    with GroqStub() as stub:
        _local_only(monkeypatch)
        monkeypatch.setenv("GROQ_BASE_URL", stub.url)
        yield stub


@pytest.fixture
def gemini_stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[GeminiStub]:
    """A Gemini stub; GOOGLE_GEMINI_BASE_URL points at it (the SDK appends /v1/models/...)."""
    with GeminiStub() as stub:
        _local_only(monkeypatch)
        monkeypatch.setenv("GOOGLE_GEMINI_BASE_URL", stub.url)
        # Keep the SDK on the Gemini Developer API path the stub serves.
        for name in ("GOOGLE_GENAI_USE_VERTEXAI", "GOOGLE_GENAI_USE_ENTERPRISE", "GOOGLE_API_KEY"):
            monkeypatch.delenv(name, raising=False)
        yield stub
