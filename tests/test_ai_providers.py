"""AI providers through their public API, with the real groq and google-genai SDKs
talking HTTP to local stubs (tests/stubs), plus the offline companion, provider
selection, prompts and summaries."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.ai.base import (
    AISettings,
    Message,
    Provider,
    ProviderAuthError,
    ProviderUnavailable,
)
from psymitrix_cli.ai.offline import OfflineProvider
from psymitrix_cli.ai.prompts import (
    MEMORY_HEADING,
    SUMMARY_REQUEST,
    SUMMARY_SYSTEM_PROMPT,
    SYSTEM_PROMPT,
    build_system_prompt,
    fit_to_budget,
)
from psymitrix_cli.ai.select import select_provider
from psymitrix_cli.ai.summarise import Summary, extractive_summary, summarise
from psymitrix_cli.errors import InvalidInput, ProviderError
from tests.stubs.llm_stubs import LLMStub, cut, invalid_key, ok, status

GROQ_KEY = "gsk-test-key-123"
GEMINI_KEY = "gemini-test-key-456"
SETTINGS = AISettings(
    groq_api_key=GROQ_KEY, gemini_api_key=GEMINI_KEY, timeout_seconds=5.0, max_retries=1
)
MEMORY = ["You talked about exam stress and tried a breathing exercise."]
CHAT: list[Message] = [
    {"role": "user", "content": "Hi there"},
    {"role": "assistant", "content": "Hello! How are you feeling?"},
    {"role": "user", "content": "Anxious about tomorrow."},
]


@dataclass
class Api:
    """One real provider wired to its stub, and how to read what the SDK sent."""

    name: str
    env_key: str
    stub: LLMStub
    system_of: Callable[[dict[str, Any]], str]
    turns_of: Callable[[dict[str, Any]], list[tuple[str, str]]]

    def provider(self, **changes: Any) -> Provider:
        return select_provider(self.name, replace(SETTINGS, **changes))


def _groq_turns(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(m["role"], m["content"]) for m in body["messages"][1:]]


def _gemini_turns(body: dict[str, Any]) -> list[tuple[str, str]]:
    role = {"user": "user", "model": "assistant"}
    return [(role[c["role"]], "".join(p["text"] for p in c["parts"])) for c in body["contents"]]


@pytest.fixture(params=["groq", "gemini"])
def api(request: pytest.FixtureRequest) -> Iterator[Api]:
    if request.param == "groq":
        yield Api(
            "groq",
            "GROQ_API_KEY",
            request.getfixturevalue("groq_stub"),
            system_of=lambda body: body["messages"][0]["content"],
            turns_of=_groq_turns,
        )
    else:
        yield Api(
            "gemini",
            "GEMINI_API_KEY",
            request.getfixturevalue("gemini_stub"),
            system_of=lambda body: body["systemInstruction"]["parts"][0]["text"],
            turns_of=_gemini_turns,
        )


def _drain(chunks: Iterator[str]) -> tuple[list[str], BaseException | None]:
    got: list[str] = []
    try:
        for chunk in chunks:
            got.append(chunk)
    except ProviderError as exc:
        return got, exc
    return got, None


# --- real SDKs against the stubs ------------------------------------------------------


def test_stream_yields_chunks_in_order_and_sends_prompt_memory_and_turns(api: Api) -> None:
    api.stub.push(ok("I hear ", "that you're ", "anxious."))
    system = build_system_prompt(MEMORY)

    chunks = list(api.provider().stream(system, CHAT))

    assert chunks == ["I hear ", "that you're ", "anxious."]
    assert "".join(chunks) == "I hear that you're anxious."
    (sent,) = api.stub.requests
    assert api.system_of(sent.body) == system
    assert MEMORY_HEADING in api.system_of(sent.body)
    assert MEMORY[0] in api.system_of(sent.body)
    assert api.turns_of(sent.body) == [(m["role"], m["content"]) for m in CHAT]


def test_request_shape_on_the_wire(api: Api) -> None:
    list(api.provider().stream("sys", CHAT))
    (sent,) = api.stub.requests
    if api.name == "groq":
        assert sent.path == "/openai/v1/chat/completions"
        assert sent.headers["authorization"] == f"Bearer {GROQ_KEY}"
        assert sent.body["model"] == SETTINGS.groq_model
        assert sent.body["stream"] is True
    else:
        assert sent.path == f"/v1/models/{SETTINGS.gemini_model}:streamGenerateContent"
        assert sent.query == {"alt": ["sse"]}
        assert sent.headers["x-goog-api-key"] == GEMINI_KEY


def test_complete_returns_the_whole_reply(api: Api) -> None:
    api.stub.push(ok("One ", "reply."))
    assert api.provider().complete("sys", CHAT) == "One reply."
    (sent,) = api.stub.requests
    assert api.system_of(sent.body) == "sys"
    if api.name == "gemini":
        assert sent.path.endswith(":generateContent")


def test_rate_limit_then_success_is_retried(api: Api) -> None:
    api.stub.push(status(429, retry_after="0"), ok("Back again."))
    assert "".join(api.provider().stream("sys", CHAT)) == "Back again."
    assert len(api.stub.requests) == 2


def test_persistent_server_error_is_unavailable_after_retries(api: Api) -> None:
    api.stub.default = status(500)
    with pytest.raises(ProviderUnavailable) as caught:
        list(api.provider(max_retries=1).stream("sys", CHAT))
    assert len(api.stub.requests) == 2  # the first try and one retry
    assert api.name.capitalize() in caught.value.message
    assert caught.value.code == "provider_unavailable"


def test_persistent_rate_limit_is_unavailable(api: Api) -> None:
    api.stub.default = status(429, retry_after="0")
    with pytest.raises(ProviderUnavailable):
        api.provider(max_retries=0).complete("sys", CHAT)
    assert len(api.stub.requests) == 1


def test_rejected_key_is_an_auth_error_naming_the_env_variable(api: Api) -> None:
    api.stub.push(invalid_key())
    with pytest.raises(ProviderAuthError) as caught:
        list(api.provider().stream("sys", CHAT))
    assert api.env_key in caught.value.message
    assert GROQ_KEY not in caught.value.message and GEMINI_KEY not in caught.value.message
    assert caught.value.code == "provider_auth"
    assert len(api.stub.requests) == 1  # a bad key is never retried


@pytest.mark.parametrize("code", [401, 403])
def test_gemini_unauthenticated_and_forbidden_are_auth_errors(
    gemini_stub: LLMStub, code: int
) -> None:
    gemini_stub.push(invalid_key(code))
    with pytest.raises(ProviderAuthError, match="GEMINI_API_KEY"):
        select_provider("gemini", SETTINGS).complete("sys", CHAT)


def test_stream_cut_midway_keeps_earlier_chunks_then_raises(api: Api) -> None:
    api.stub.push(cut("First ", "second "))
    got, error = _drain(api.provider().stream("sys", CHAT))
    assert got == ["First ", "second "]
    assert isinstance(error, ProviderUnavailable)
    assert "dropped" in error.message
    assert len(api.stub.requests) == 1  # a stream under way is never replayed


def test_unreachable_provider_is_unavailable(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = "GROQ_BASE_URL" if api.name == "groq" else "GOOGLE_GEMINI_BASE_URL"
    monkeypatch.setenv(env, f"http://127.0.0.1:{port}")
    with pytest.raises(ProviderUnavailable, match="connect"):
        list(api.provider(max_retries=0).stream("sys", CHAT))


# --- the offline companion ------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the offline provider touched the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _offline_reply(text: str, history: list[Message] | None = None) -> str:
    messages = [*(history or []), {"role": "user", "content": text}]
    return "".join(OfflineProvider().stream(SYSTEM_PROMPT, messages))


def test_offline_acknowledges_anxiety_asks_and_suggests_breathing(no_network: None) -> None:
    reply = _offline_reply("I'm so anxious about my exam tomorrow")
    assert "anxious" in reply
    assert "your exam" in reply  # the person's own words, reflected
    assert reply.count("?") == 1
    assert "psymitrix breathe" in reply


@pytest.mark.parametrize(
    ("text", "word", "command"),
    [
        ("I feel really low and lonely lately", "low", "psymitrix gratitude add"),
        ("I can't sleep, I keep waking up at 3am", "sleep", "psymitrix sleep log"),
        (
            "My thoughts keep spiralling and I'm overthinking everything",
            "overthinking",
            "psymitrix journal add",
        ),
        ("I had a great day and I'm proud of myself", "proud", "psymitrix gratitude add"),
        ("My flatmate is so frustrating, I'm furious", "furious", "psymitrix journal add"),
    ],
)
def test_offline_matches_feelings_to_exercises(text: str, word: str, command: str) -> None:
    reply = _offline_reply(text)
    assert word in reply
    assert command in reply
    assert "?" in reply


def test_offline_is_deterministic_varied_and_streams_small_chunks() -> None:
    provider = OfflineProvider()
    chat: list[Message] = [{"role": "user", "content": "I'm stressed about work"}]
    chunks = list(provider.stream("sys", chat))
    assert len(chunks) > 5 and all(len(c.split()) == 1 for c in chunks)
    assert "".join(chunks) == provider.complete("sys", chat)
    assert _offline_reply("I'm stressed about work") == _offline_reply("I'm stressed about work")
    anxious = [_offline_reply(f"I feel anxious {w}") for w in ("today", "again", "now", "a lot")]
    assert len(set(anxious)) > 1


def test_offline_does_not_repeat_a_suggestion_it_just_made() -> None:
    first = _offline_reply("I'm anxious")
    history: list[Message] = [
        {"role": "user", "content": "I'm anxious"},
        {"role": "assistant", "content": first},
    ]
    assert "psymitrix breathe" not in _offline_reply("Still anxious, honestly", history)


def test_offline_reads_negation_and_plain_messages() -> None:
    assert "psymitrix breathe" not in _offline_reply("I'm not anxious, just tired")
    assert "sleep log" in _offline_reply("I'm not anxious, just tired")
    plain = _offline_reply("We moved house last week.")
    assert "you moved house" in plain and plain.endswith("?")
    assert "AI" in _offline_reply("hello")


# --- provider selection ---------------------------------------------------------------


def test_select_precedence() -> None:
    both = AISettings(provider="gemini", groq_api_key="g", gemini_api_key="m")
    assert select_provider("offline", both).name == "offline"  # the flag wins
    assert select_provider(None, both).name == "gemini"  # then the configured default
    assert select_provider(" GROQ ", both).name == "groq"
    keys = AISettings(groq_api_key="g", gemini_api_key="m")
    assert select_provider(None, keys).name == "groq"  # then a key, Groq first
    assert select_provider(None, AISettings(gemini_api_key="m")).name == "gemini"
    offline = select_provider(None, AISettings())
    assert (offline.name, offline.model) == ("offline", "psymitrix-offline-1")


def test_select_rejects_unknown_names_and_missing_keys() -> None:
    with pytest.raises(InvalidInput, match="groq, gemini, offline"):
        select_provider("openai", AISettings())
    with pytest.raises(InvalidInput, match="GROQ_API_KEY"):
        select_provider("groq", AISettings(gemini_api_key="m"))
    with pytest.raises(InvalidInput, match="GEMINI_API_KEY"):
        select_provider(None, AISettings(provider="gemini", groq_api_key="g"))


def test_provider_modules_import_no_sdk_or_http_client() -> None:
    code = (
        "import sys\n"
        "import psymitrix_cli.ai.select, psymitrix_cli.ai.offline, psymitrix_cli.ai.summarise\n"
        "import psymitrix_cli.ai.groq_provider, psymitrix_cli.ai.gemini_provider\n"
        "from psymitrix_cli.ai.base import AISettings\n"
        "from psymitrix_cli.ai.select import select_provider\n"
        "p = select_provider('offline', AISettings())\n"
        "''.join(p.stream('s', [{'role': 'user', 'content': 'I am anxious'}]))\n"
        "select_provider('groq', AISettings(groq_api_key='k'))\n"
        "sdks = ('groq', 'google.genai', 'httpx', 'httpx2')\n"
        "print(sorted(m for m in sdks if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "[]", out.stderr


# --- prompts --------------------------------------------------------------------------


def test_build_system_prompt_appends_memory_and_extra() -> None:
    assert build_system_prompt([]) == SYSTEM_PROMPT
    prompt = build_system_prompt(["First talk.", "  ", "Second\ntalk."], extra="Be careful.")
    assert prompt.startswith(SYSTEM_PROMPT)
    assert f"{MEMORY_HEADING}\n- First talk.\n- Second talk." in prompt
    assert prompt.endswith("Be careful.")
    assert "not a therapist" in SYSTEM_PROMPT and "AI" in SYSTEM_PROMPT


def test_fit_to_budget_keeps_the_most_recent_messages() -> None:
    msgs: list[Message] = [
        {"role": "user", "content": "a" * 40},
        {"role": "assistant", "content": "b" * 40},
        {"role": "user", "content": "c" * 40},
        {"role": "assistant", "content": "d" * 40},
        {"role": "user", "content": "e" * 40},
    ]
    assert fit_to_budget(msgs, max_chars=1000) == msgs
    kept = fit_to_budget(msgs, max_chars=130)  # room for 3, but a window never opens on a reply
    assert [m["content"][0] for m in kept] == ["c", "d", "e"]
    assert [m["content"][0] for m in fit_to_budget(msgs, max_chars=85)] == ["e"]
    (only,) = fit_to_budget(msgs, max_chars=10)
    assert len(only["content"]) <= 10 and only["content"].startswith("eeee")
    assert fit_to_budget([], 10) == []


# --- summaries ------------------------------------------------------------------------

CONVERSATION: list[Message] = [
    {"role": "user", "content": "I'm really anxious about my driving test on Friday"},
    {"role": "assistant", "content": "That sounds stressful. Try `psymitrix breathe`."},
    {"role": "user", "content": "I also can't sleep because I keep replaying the last lesson"},
    {"role": "assistant", "content": "What happened in the last lesson?"},
]


def test_summarise_uses_the_provider_answer(groq_stub: LLMStub) -> None:
    groq_stub.push(
        ok(
            "TITLE: Driving test nerves\n",
            "SUMMARY: You felt anxious about your test. ",
            "You were also sleeping badly.",
        )
    )
    summary = summarise(select_provider("groq", SETTINGS), CONVERSATION)
    assert summary == Summary(
        "Driving test nerves", "You felt anxious about your test. You were also sleeping badly."
    )
    (sent,) = groq_stub.requests
    assert sent.body["messages"][0]["content"] == SUMMARY_SYSTEM_PROMPT
    assert sent.body["messages"][-1] == {"role": "user", "content": SUMMARY_REQUEST}
    assert sent.body["messages"][1]["content"] == CONVERSATION[0]["content"]


def test_summarise_tolerates_markdown_and_clips_the_title(gemini_stub: LLMStub) -> None:
    gemini_stub.push(ok("**Title:** " + "Long title words " * 8 + "\n**Summary:** One. Two."))
    summary = summarise(select_provider("gemini", SETTINGS), CONVERSATION)
    assert len(summary.title) <= 60 and summary.title.startswith("Long title words")
    assert summary.text == "One. Two."


@pytest.mark.parametrize("answer", [invalid_key(), status(500), ok("Sure! Here you go.")])
def test_summarise_falls_back_to_extractive(groq_stub: LLMStub, answer: Any) -> None:
    groq_stub.default = answer
    provider = select_provider("groq", replace(SETTINGS, max_retries=0))
    assert summarise(provider, CONVERSATION) == extractive_summary(CONVERSATION)


def test_offline_summary_is_the_extractive_one_in_the_required_format() -> None:
    provider = OfflineProvider()
    answer = provider.complete(SUMMARY_SYSTEM_PROMPT, [*CONVERSATION])
    assert answer.startswith("TITLE: ") and "\nSUMMARY: " in answer
    assert summarise(provider, CONVERSATION) == extractive_summary(CONVERSATION)


def test_extractive_summary_content() -> None:
    summary = extractive_summary(CONVERSATION)
    assert 0 < len(summary.title) <= 60
    assert "anxious" in summary.title.lower() and "driving" in summary.title.lower()
    sentences = [s for s in summary.text.split(". ") if s]
    assert 2 <= len(sentences) <= 4
    assert "you're really anxious about your driving test" in summary.text
    assert "psymitrix breathe" in summary.text
    for empty in ([], [{"role": "assistant", "content": "Hello!"}]):
        fallback = extractive_summary(empty)
        assert fallback.title and fallback.text
    short = extractive_summary([{"role": "user", "content": "hi"}])
    assert short.title and len([s for s in short.text.split(". ") if s]) >= 2
