"""The AI companion chat through the real CLI: sessions and messages as stored, the
safety layer, summaries and memory, and the real groq / google-genai SDKs talking to
loopback stubs (tests/stubs). Nothing here leaves 127.0.0.1."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli import messages
from psymitrix_cli.ai.prompts import MEMORY_HEADING, SYSTEM_PROMPT, build_system_prompt
from psymitrix_cli.domain.chat import ChatTurn
from psymitrix_cli.domain.crisis import crisis_message
from psymitrix_cli.domain.safety import AI_DISCLOSURE, CONCERN_FOOTER, SAFETY_INSTRUCTION
from psymitrix_cli.domain.safety.wording import (
    ACUTE_MARKER,
)
from psymitrix_cli.store.base import CHAT_MESSAGES, CHAT_SESSIONS, SAFETY_EVENTS, Query, Store
from tests.driver import Cli, environment, stored_token
from tests.stubs.llm_stubs import LLMStub, cut, invalid_key, ok, status

ACUTE = "I want to kill myself tonight"
CONCERN = "I feel so hopeless lately"
# Ordinary messages the whole screen (rules and learned layer) reads as "none".
SLEEP = "Can you tell me about good sleep habits?"
WEEK = "What do you think about my week so far?"
T0 = datetime(2030, 3, 1, 10, 0, tzinfo=UTC)
FAST_AI = {"PSYMITRIX_AI_MAX_RETRIES": "1", "PSYMITRIX_AI_TIMEOUT": "5"}


_SERVER_STORES: dict[str, dict[str, str]] = {}  # API URL -> the settings of its store


@contextmanager
def opened_store(cli: Cli) -> Iterator[Store]:
    """The store behind the CLI (for the api backend, the server's), to look, not to act."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store.factory import open_store

    if cli.extra.get("PSYMITRIX_BACKEND") == "api":
        values = {**cli.env, **_SERVER_STORES[cli.extra["PSYMITRIX_API_URL"]]}
    else:
        values = {**cli.env, **cli.extra}
    with environment(values):
        store = open_store(load_settings())
    try:
        yield store
    finally:
        store.close()


def rows(cli: Cli, user_id: str, kind: Any, **where: Any) -> list[dict[str, Any]]:
    with opened_store(cli) as store:
        return store.list(kind, Query(user_id=user_id, limit=200, where=where, ascending=True))


def count(cli: Cli, counter: str = "chatSessionCount") -> int:
    return int(cli.json("me")["userData"][counter])


def at(moment: datetime) -> dict[str, str]:
    return {"PSYMITRIX_CLOCK": moment.isoformat()}


def signup_at(cli: Cli, moment: datetime) -> None:
    """Sign up with the simulated clock, so the token is valid at that time."""
    args = ["signup", "--name", "Ann", "--username", "ann", "--email", "ann@example.com",
            "--timezone", "UTC", "--password-stdin"]  # fmt: skip
    cli.json(*args, input="correct-horse-9\n", env=at(moment))


@pytest.fixture
def groq(groq_stub: LLMStub, monkeypatch: pytest.MonkeyPatch) -> LLMStub:
    monkeypatch.setenv("GROQ_API_KEY", "gsk-test-key")
    for name, value in FAST_AI.items():
        monkeypatch.setenv(name, value)
    return groq_stub


@pytest.fixture
def gemini(gemini_stub: LLMStub, monkeypatch: pytest.MonkeyPatch) -> LLMStub:
    monkeypatch.setenv("GEMINI_API_KEY", "gemini-test-key")
    for name, value in FAST_AI.items():
        monkeypatch.setenv(name, value)
    return gemini_stub


@pytest.fixture(autouse=True)
def _note_server_home(request: pytest.FixtureRequest) -> None:
    callspec = getattr(request.node, "callspec", None)
    backend = callspec.params.get("any_cli") if callspec is not None else None
    if backend in ("api", "api-mongo"):
        store = "mongo" if backend == "api-mongo" else "sqlite"
        server = request.getfixturevalue(f"{store}_api_server")
        _SERVER_STORES[server.url] = server.store_env


@pytest.fixture(params=["local", "mongo", "api"])
def ai_cli(
    request: pytest.FixtureRequest, env: dict[str, str], groq: LLMStub, gemini: LLMStub
) -> Cli:
    """any_cli for scenarios that need the stubs: the api server is started pointing at them."""
    if request.param == "local":
        return Cli(env)
    if request.param == "mongo":
        settings = request.getfixturevalue("mongo_settings")
        mongo = {"MONGO_LINK": settings.link or "", "MONGODB_DATABASE_PSYMITRIX": settings.database}
        return Cli(env, {"PSYMITRIX_BACKEND": "mongo", **mongo})
    server = request.getfixturevalue("start_api_server")(
        GROQ_API_KEY="gsk-test-key",
        GROQ_BASE_URL=groq.url,
        GEMINI_API_KEY="gemini-test-key",
        GOOGLE_GEMINI_BASE_URL=gemini.url,
        PSYMITRIX_AI_PROVIDER="",  # the fixture's default is offline
        **FAST_AI,
    )
    _SERVER_STORES[server.url] = server.store_env
    return Cli(env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})


def system_of(stub: LLMStub, index: int = -1) -> str:
    return str(stub.bodies[index]["messages"][0]["content"])


def turns_of(stub: LLMStub, index: int = -1) -> list[tuple[str, str]]:
    return [(m["role"], m["content"]) for m in stub.bodies[index]["messages"][1:]]


# --- the offline companion, and what is stored ----------------------------------------


def test_offline_by_default_streams_stores_and_discloses(any_cli: Cli) -> None:
    me = any_cli.signup()
    out = any_cli.ok("chat", "send", "I feel anxious about my exam")
    assert "anxious" in out.stdout and "psymitrix breathe" in out.stdout
    assert AI_DISCLOSURE in out.stderr  # a new session says what it is (a notice: stderr)
    assert "offline companion" in out.stderr  # labelled: no AI service in use

    (session,) = any_cli.json("chat", "sessions")["items"]
    assert session["provider"] == "offline" and session["messageCount"] == 2
    assert session["userMessageCount"] == 1 and session["maxSafetyTier"] == "none"
    assert session["endedAt"] is None and session["summary"] is None
    stored = rows(any_cli, me["userId"], CHAT_MESSAGES, sessionId=session["id"])
    assert [(m["seq"], m["role"]) for m in stored] == [(0, "user"), (1, "assistant")]
    assert stored[0]["content"] == "I feel anxious about my exam"
    assert stored[0]["safety"] == "none" and stored[1]["interrupted"] is False
    assert stored[1]["content"] in out.stdout
    assert count(any_cli) == 1


def test_send_json_and_continue_resume_the_latest_session(any_cli: Cli) -> None:
    any_cli.signup()
    first = any_cli.json("chat", "send", "hello")
    assert set(first) >= {"sessionId", "reply", "provider", "model", "safety"}
    assert first["provider"] == "offline" and first["safety"] == "none"
    assert first["disclosure"] == AI_DISCLOSURE and first["interrupted"] is False
    again = any_cli.json("chat", "send", "--continue", "thanks")
    assert again["sessionId"] == first["sessionId"] and again["disclosure"] is None
    same = any_cli.json("chat", "send", "--session", first["sessionId"], "I slept badly")
    assert same["sessionId"] == first["sessionId"]
    piped = any_cli.json("chat", "send", "--continue", "-", input="read from stdin\n")
    assert piped["sessionId"] == first["sessionId"]
    shown = any_cli.json("chat", "show", first["sessionId"])
    assert [m["seq"] for m in shown["messages"]] == list(range(8))
    assert [m["role"] for m in shown["messages"]] == ["user", "assistant"] * 4
    assert shown["messageCount"] == 8 and shown["userMessageCount"] == 4
    assert shown["messages"][6]["content"] == "read from stdin"
    other = any_cli.json("chat", "send", "a new session")
    assert other["sessionId"] != first["sessionId"]
    assert count(any_cli) == 2  # sessions with a user message, each counted once


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["   "], "cannot be empty"),
        (["x" * 8001], "too long"),
        (["hi\x07there"], "control characters"),
        (["hi", "--session", "abc", "--continue"], "not both"),
        (["hi", "--session", "no-such-session"], "No chat session"),
        (["hi", "--provider", "gpt"], "gpt"),
    ],
)
def test_bad_input_is_exit_2_and_stores_nothing(any_cli: Cli, args: list[str], needle: str) -> None:
    any_cli.signup()
    out = any_cli("chat", "send", *args)
    assert out.exit_code == 2, out
    assert needle in out.stderr
    assert any_cli.json("chat", "sessions")["items"] == []
    assert count(any_cli) == 0


def test_a_message_of_8000_characters_with_newlines_is_fine(cli: Cli) -> None:
    cli.signup()
    text = ("line\n" * 1600)[:7999] + "!"
    result = cli.json("chat", "send", text)
    shown = cli.json("chat", "show", result["sessionId"])
    assert shown["messages"][0]["content"] == text.strip()


def test_another_users_session_is_not_found(any_cli: Cli) -> None:
    any_cli.signup("ann")
    sid = any_cli.json("chat", "send", "hello")["sessionId"]
    any_cli.signup("bob")  # now logged in as bob
    for args in (["show", sid], ["end", sid], ["delete", sid, "--yes"], ["send", "-s", sid, "hi"]):
        out = any_cli("chat", *args)
        assert out.exit_code == 2 and "No chat session" in out.stderr, (args, out)
    assert any_cli.json("chat", "sessions")["items"] == []


# --- real SDKs against the stubs -------------------------------------------------------


def test_groq_streams_and_receives_prompt_and_conversation(ai_cli: Cli, groq: LLMStub) -> None:
    ai_cli.signup()
    groq.push(ok("I hear ", "that exams ", "feel heavy."))
    out = ai_cli.ok("chat", "send", "Exams are stressing me out", "--provider", "groq")
    assert "I hear that exams feel heavy." in out.stdout
    assert "groq · llama-3.3-70b-versatile" in out.stderr
    (request,) = groq.requests
    assert request.path == "/openai/v1/chat/completions" and request.body["stream"] is True
    # no memory yet, no safety note: the prompt and the rule for proposing a note
    assert system_of(groq) == build_system_prompt([], propose=True)
    assert turns_of(groq) == [("user", "Exams are stressing me out")]

    groq.push(ok("Tell me more."))
    ai_cli.ok("chat", "send", "--continue", "It's maths mostly")
    assert turns_of(groq) == [
        ("user", "Exams are stressing me out"),
        ("assistant", "I hear that exams feel heavy."),
        ("user", "It's maths mostly"),
    ]


def test_memory_is_the_summaries_of_the_last_three_sessions(ai_cli: Cli, groq: LLMStub) -> None:
    ai_cli.signup()
    summaries = []
    for i in range(4):
        ai_cli.ok("chat", "send", f"topic number {i}")
        summary = f"You talked about topic {i}. You felt fine."
        groq.push(ok(f"TITLE: Topic {i}\nSUMMARY: {summary}"))
        ended = ai_cli.json("chat", "end")
        assert ended["title"] == f"Topic {i}" and ended["summary"] == summary
        summaries.append(summary)
    ai_cli.ok("chat", "send", "what did we talk about?")
    system = system_of(groq)
    assert system.startswith(SYSTEM_PROMPT) and MEMORY_HEADING in system
    assert summaries[0] not in system  # only the last three
    assert [system.index(s) for s in summaries[1:]] == sorted(
        system.index(s) for s in summaries[1:]
    )
    ai_cli.ok("chat", "send", "--continue", "and now?", "--no-memory")
    assert MEMORY_HEADING not in system_of(groq) and summaries[3] not in system_of(groq)


def test_send_streams_through_a_subprocess(cli: Cli, groq: LLMStub) -> None:
    cli.signup()
    groq.push(ok("Streaming ", "across ", "processes."))
    out = cli.subprocess("chat", "send", "hello", "--provider", "groq")
    assert out.exit_code == 0, out
    assert out.stdout.startswith("Streaming across processes.")


def test_gemini_streams_with_the_system_instruction(ai_cli: Cli, gemini: LLMStub) -> None:
    ai_cli.signup()
    gemini.push(ok("Gemini ", "is here."))
    result = ai_cli.json("chat", "send", "hi", "--provider", "gemini")
    assert result["reply"] == "Gemini is here." and result["provider"] == "gemini"
    body = gemini.bodies[-1]
    assert body["systemInstruction"]["parts"][0]["text"] == build_system_prompt([], propose=True)
    assert gemini.requests[-1].path.endswith(":streamGenerateContent")


def test_rate_limit_then_success(ai_cli: Cli, groq: LLMStub) -> None:
    ai_cli.signup()
    groq.push(status(429, retry_after="0"), ok("Back again."))
    assert ai_cli.json("chat", "send", "hello")["reply"] == "Back again."
    assert len(groq.requests) == 2


def test_server_error_is_exit_1_and_keeps_the_users_message(ai_cli: Cli, groq: LLMStub) -> None:
    ai_cli.signup()
    groq.default = status(500)
    out = ai_cli("chat", "send", "please keep this")
    assert out.exit_code == 1 and "Groq" in out.stderr, out
    assert len(groq.requests) == 2  # one retry (PSYMITRIX_AI_MAX_RETRIES=1)
    (session,) = ai_cli.json("chat", "sessions")["items"]
    shown = ai_cli.json("chat", "show", session["id"])
    assert [(m["role"], m["content"]) for m in shown["messages"]] == [("user", "please keep this")]
    assert count(ai_cli) == 1


@pytest.mark.parametrize(
    ("which", "variable"), [("groq", "GROQ_API_KEY"), ("gemini", "GEMINI_API_KEY")]
)
def test_a_rejected_key_names_the_variable(
    ai_cli: Cli, request: pytest.FixtureRequest, which: str, variable: str
) -> None:
    stub: LLMStub = request.getfixturevalue(which)
    ai_cli.signup()
    stub.push(invalid_key())
    out = ai_cli("chat", "send", "hello", "--provider", which)
    assert out.exit_code == 1 and variable in out.stderr, out
    assert "test-key" not in out.stderr
    (session,) = ai_cli.json("chat", "sessions")["items"]
    assert session["messageCount"] == 1  # the user's message, and no reply


def test_stream_cut_midway_keeps_the_partial_reply(ai_cli: Cli, groq: LLMStub) -> None:
    """Choice: exit 1 with a clear message; the partial reply is shown, stored, marked."""
    me = ai_cli.signup()
    groq.push(cut("Part one, ", "part two"))
    out = ai_cli("chat", "send", SLEEP)
    assert out.exit_code == 1, out
    assert out.stdout.startswith("Part one, part two")
    assert "dropped" in out.stderr and messages.CHAT_REPLY_PARTIAL in out.stderr
    stored = rows(ai_cli, me["userId"], CHAT_MESSAGES)
    assert [(m["role"], m["content"]) for m in stored] == [
        ("user", SLEEP),
        ("assistant", "Part one, part two"),
    ]
    assert stored[1]["interrupted"] is True

    groq.push(cut("Half "))
    out = ai_cli("chat", "send", "--continue", WEEK, "--json")
    assert out.exit_code == 1 and "dropped" in json.loads(out.stderr)["error"]["message"]
    result = json.loads(out.stdout)
    assert result["interrupted"] is True and result["reply"] == "Half "


# --- safety ----------------------------------------------------------------------------


def test_acute_message_never_reaches_the_provider(ai_cli: Cli, groq: LLMStub) -> None:
    me = ai_cli.signup()
    result = ai_cli.json("chat", "send", ACUTE)
    assert groq.requests == []
    assert result["safety"] == "acute" and result["reply"] == crisis_message(None)
    out = ai_cli.ok("chat", "send", "--continue", ACUTE)  # the chat stays open
    assert "You don't have to go through this alone" in out.stdout  # the crisis panel
    assert groq.requests == []

    (event, _) = rows(ai_cli, me["userId"], SAFETY_EVENTS)
    assert set(event) == {"_id", "userId", "at", "kind", "tier", "source", "sessionId"}
    assert (event["tier"], event["source"], event["kind"]) == ("acute", "user", "suicidal_ideation")
    assert ACUTE not in json.dumps(event)
    session = ai_cli.json("chat", "show", result["sessionId"])
    assert session["maxSafetyTier"] == "acute"
    assert [m["content"] for m in session["messages"]][1] == crisis_message(None)

    # A later turn that steps back: the model gets the safety note and a content-free
    # marker where the acute turns were, never their words; the resources line stays.
    groq.push(ok("I'm here with you."))
    out = ai_cli.ok("chat", "send", "--continue", "ok, thank you")
    assert SAFETY_INSTRUCTION in system_of(groq)
    assert turns_of(groq) == [("system", ACUTE_MARKER), ("user", "ok, thank you")]
    assert out.stdout.rstrip().endswith(CONCERN_FOOTER)
    assert count(ai_cli) == 1


def test_crisis_message_uses_the_configured_local_line(cli: Cli) -> None:
    cli.signup()
    line = "Samaritans: 116 123"
    result = cli.json("chat", "send", ACUTE, env={"PSYMITRIX_CRISIS_LINE": line})
    assert result["reply"] == crisis_message(line) and line in result["reply"]


def test_concern_adds_the_safety_instruction_and_the_footer(ai_cli: Cli, groq: LLMStub) -> None:
    me = ai_cli.signup()
    groq.push(ok("That sounds ", "really hard."))
    out = ai_cli.ok("chat", "send", CONCERN)
    assert SAFETY_INSTRUCTION in system_of(groq)
    assert out.stdout.rstrip().endswith(CONCERN_FOOTER)
    stored = rows(ai_cli, me["userId"], CHAT_MESSAGES)
    assert stored[0]["safety"] == "concern"
    assert stored[1]["content"] == f"That sounds really hard.\n\n{CONCERN_FOOTER}"
    (event,) = rows(ai_cli, me["userId"], SAFETY_EVENTS)
    assert (event["tier"], event["kind"], event["source"]) == ("concern", "hopelessness", "user")


def test_an_unsafe_model_reply_is_replaced(ai_cli: Cli, groq: LLMStub) -> None:
    me = ai_cli.signup()
    groq.push(ok("You could take ", "a lethal ", "dose of pills ", "with alcohol."))
    out = ai_cli.ok("chat", "send", SLEEP)
    # Held back by sentence: the one sentence failed, so nothing of it was shown.
    assert "You could take" not in out.stdout + out.stderr and "lethal" not in out.stdout
    assert messages.CHAT_REPLY_REPLACED not in out.stdout  # nothing to withdraw
    assert out.stdout.strip() == messages.CHAT_SAFE_REPLY
    stored = rows(ai_cli, me["userId"], CHAT_MESSAGES)
    assert stored[1]["content"] == messages.CHAT_SAFE_REPLY
    (event,) = rows(ai_cli, me["userId"], SAFETY_EVENTS)
    assert (event["kind"], event["source"]) == ("unsafe_reply", "model")
    assert "lethal" not in json.dumps(event)

    groq.push(ok("Take a lethal dose."))
    result = ai_cli.json("chat", "send", "--continue", WEEK)
    assert result["reply"] == messages.CHAT_SAFE_REPLY


# --- summaries, ending, the profile ----------------------------------------------------


def test_idle_sessions_are_summarised_lazily(any_cli: Cli) -> None:
    signup_at(any_cli, T0)
    any_cli.ok("chat", "send", "My week at work has been busy", env=at(T0))
    soon = any_cli.json("chat", "sessions", env=at(T0 + timedelta(minutes=29)))
    assert soon["items"][0]["summary"] is None and soon["items"][0]["endedAt"] is None
    later = any_cli.json("chat", "sessions", env=at(T0 + timedelta(minutes=31)))
    (session,) = later["items"]
    assert session["title"] and "week at work" in session["summary"]
    assert session["endedAt"] == session["lastActivityAt"]
    assert session["summarisedAt"].startswith("2030-03-01T10:31")
    assert session["maxSafetyTier"] == "none"


def test_lazy_summaries_are_bounded_per_call(cli: Cli) -> None:
    signup_at(cli, T0)
    for i in range(5):
        cli.ok("chat", "send", f"message {i}", env=at(T0))
    later = at(T0 + timedelta(hours=1))
    first = cli.json("chat", "sessions", env=later)["items"]
    assert sum(1 for s in first if s["summary"]) == 3
    second = cli.json("chat", "sessions", env=later)["items"]
    assert all(s["summary"] for s in second)


def test_end_without_an_id_ends_the_latest_session_even_when_idle(any_cli: Cli) -> None:
    signup_at(any_cli, T0)
    sid = any_cli.json("chat", "send", "hello", env=at(T0))["sessionId"]
    ended = any_cli.json("chat", "end", env=at(T0 + timedelta(hours=2)))
    assert ended["id"] == sid and ended["summary"]


def test_an_outage_costs_one_attempt_for_a_batch_of_idle_summaries(cli: Cli, groq: LLMStub) -> None:
    signup_at(cli, T0)
    for i in range(3):
        cli.ok("chat", "send", f"note {i}", "--provider", "offline", env=at(T0))
    groq.default = status(500)
    sessions = cli.json("chat", "sessions", env=at(T0 + timedelta(hours=1)))["items"]
    assert all(s["summary"] for s in sessions)  # extractive, none lost
    assert len(groq.requests) == 2  # the first summary tried (and retried once), then no more


def test_sessions_page_and_human_views(cli: Cli) -> None:
    cli.signup()
    ids = [cli.json("chat", "send", f"I feel tense about thing {i}")["sessionId"] for i in range(3)]
    first = cli.json("chat", "sessions", "-n", "2")
    assert [s["id"] for s in first["items"]] == ids[:0:-1] and first["nextCursor"]
    rest = cli.json("chat", "sessions", "-n", "2", "--cursor", first["nextCursor"])
    assert [s["id"] for s in rest["items"]] == [ids[0]] and rest["nextCursor"] is None
    table = cli.ok("chat", "sessions", "-n", "2").stdout
    assert ids[2][:8] in table and "(open)" in table and "--cursor" in table
    cli.ok("chat", "end")
    shown = cli.ok("chat", "show", ids[2]).stdout
    assert "You ·" in shown and "PsyMitrix ·" in shown and "thing 2" in shown
    assert "offline companion" in shown
    assert cli.ok("chat", "end", ids[1]).stdout.startswith(f"✓ Ended chat session {ids[1]}")


def test_end_summarises_and_me_shows_the_chats(any_cli: Cli) -> None:
    any_cli.signup()
    sid = any_cli.json("chat", "send", "I'm stressed about my exams")["sessionId"]
    any_cli.ok("chat", "send", "--continue", "I also slept badly")
    ended = any_cli.json("chat", "end")
    assert ended["id"] == sid and ended["endedAt"] and ended["title"]
    assert "exams" in ended["summary"] and 2 <= ended["summary"].count(".") <= 5
    human = any_cli("chat", "end")
    assert human.exit_code == 2 and messages.CHAT_NOTHING_TO_END in human.stderr

    chats = any_cli.json("me")["userData"]["chats"]
    assert chats[0]["sessionId"] == sid and chats[0]["summary"] == ended["summary"]
    assert chats[0]["messages"][0] == {"role": "user", "content": "I'm stressed about my exams"}
    assert len(chats[0]["messages"]) == 4 and chats[0]["createdAt"] == ended["startedAt"]

    any_cli.ok("chat", "send", "--continue", "one more thing")  # reopens, summary due again
    reopened = any_cli.json("chat", "show", sid)
    assert reopened["endedAt"] is None and reopened["summarisedAt"] is None
    assert any_cli.json("chat", "end", sid)["summarisedAt"]


def test_end_falls_back_to_the_extractive_summary_when_the_provider_fails(
    ai_cli: Cli, groq: LLMStub
) -> None:
    ai_cli.signup()
    groq.push(ok("Fine."))
    ai_cli.ok("chat", "send", "I keep worrying about money")
    groq.default = status(500)
    ended = ai_cli.json("chat", "end")
    assert ended["summary"] and "money" in ended["summary"]


def test_an_acute_turn_is_never_sent_for_a_summary(ai_cli: Cli, groq: LLMStub) -> None:
    ai_cli.signup()
    ai_cli.ok("chat", "send", ACUTE)
    ended = ai_cli.json("chat", "end")
    assert groq.requests == []
    assert ended["title"] == messages.CHAT_CRISIS_SUMMARY_TITLE
    assert ended["maxSafetyTier"] == "acute" and "kill" not in ended["summary"]


# --- delete, export, counts ------------------------------------------------------------


def test_delete_removes_the_session_and_its_messages(any_cli: Cli) -> None:
    me = any_cli.signup()
    sid = any_cli.json("chat", "send", "hello")["sessionId"]
    keep = any_cli.json("chat", "send", "another one")["sessionId"]
    refused = any_cli("chat", "delete", sid)  # no TTY to confirm on
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert any_cli.json("chat", "delete", sid, "--yes") == {"deleted": True, "id": sid}
    assert any_cli("chat", "show", sid).exit_code == 2
    assert rows(any_cli, me["userId"], CHAT_MESSAGES, sessionId=sid) == []
    assert len(rows(any_cli, me["userId"], CHAT_MESSAGES, sessionId=keep)) == 2
    assert [s["id"] for s in any_cli.json("chat", "sessions")["items"]] == [keep]
    assert count(any_cli) == 1
    assert any_cli("chat", "delete", sid, "--yes").exit_code == 2


def test_export_markdown_and_json(any_cli: Cli, tmp_path: Path) -> None:
    any_cli.signup()
    sid = any_cli.json("chat", "send", "I feel *anxious* today")["sessionId"]
    any_cli.ok("chat", "end")
    md = any_cli.ok("chat", "export", sid, "--format", "md").stdout
    shown = any_cli.json("chat", "show", sid)
    assert md.startswith(f"# {shown['title']}\n")
    assert "**You**" in md and "I feel *anxious* today" in md and "**PsyMitrix**" in md
    assert "## Summary" in md and shown["summary"] in md
    exported = json.loads(any_cli.ok("chat", "export", sid, "--format", "json").stdout)
    assert exported == shown

    folder = tmp_path / "exports"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    target = folder / "chat.md"
    any_cli.ok("chat", "export", sid, "--output", str(target))
    assert target.read_text() == md
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755  # the person's folder is left alone
    assert any_cli("chat", "export", "nope", "--format", "md").exit_code == 2


def test_session_count_counts_sessions_with_a_user_message(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("chat", input="/new\n/new\n/exit\n")  # sessions never started: nothing said
    assert any_cli.json("chat", "sessions")["items"] == [] and count(any_cli) == 0
    any_cli.json("chat", "send", ACUTE)  # an acute first message counts too
    any_cli.json("chat", "send", "--continue", "still here")
    assert count(any_cli) == 1


def test_seq_clash_between_two_writers_is_retried(cli: Cli) -> None:
    """Two writers holding the same stale session: the second gets the next seq."""
    from psymitrix_cli.clock import SystemClock
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.services import chat_store
    from psymitrix_cli.services.context import ServiceContext

    me = cli.signup()
    sid = cli.json("chat", "send", "first")["sessionId"]
    with environment(cli.env):
        settings = load_settings()
    with opened_store(cli) as store:
        ctx = ServiceContext(settings, SystemClock(), lambda: store)
        stale = store.get(CHAT_SESSIONS, me["userId"], sid)
        assert stale is not None
        a = chat_store.append(ctx, dict(stale), "user", "writer A", safety="none")
        b = chat_store.append(ctx, dict(stale), "user", "writer B", safety="none")
    assert (a["seq"], b["seq"]) == (2, 3)
    shown = cli.json("chat", "show", sid)
    assert [m["content"] for m in shown["messages"]][2:] == ["writer A", "writer B"]
    assert count(cli) == 1  # neither is a session's first message


def test_a_reply_abandoned_half_way_is_stored_as_interrupted(cli: Cli) -> None:
    """Ctrl-C or a dropped client closes the event stream: the partial reply is kept."""
    from psymitrix_cli.backends.local import LocalBackend
    from psymitrix_cli.clock import SystemClock
    from psymitrix_cli.config import load_settings

    cli.signup()
    token = stored_token(cli)
    with environment(cli.env):
        backend = LocalBackend.open(load_settings(), SystemClock(), lambda: token)
    try:
        events = backend.chat.send(ChatTurn("I feel anxious and tired"))
        session = next(events)
        first = next(events)
        assert session["type"] == "session" and first["type"] == "delta"
        events.close()  # type: ignore[attr-defined]
        shown = backend.chat.get(session["sessionId"])
    finally:
        backend.close()
    reply = shown["messages"][1]
    assert reply["interrupted"] is True and reply["content"] == first["text"]


def test_start_makes_an_empty_session_that_ends_without_a_summary(cli: Cli) -> None:
    from psymitrix_cli.backends.local import LocalBackend
    from psymitrix_cli.clock import SystemClock
    from psymitrix_cli.config import load_settings

    cli.signup()
    token = stored_token(cli)
    with environment(cli.env):
        backend = LocalBackend.open(load_settings(), SystemClock(), lambda: token)
    try:
        started = backend.chat.start(provider="offline")
        assert started["disclosure"] == AI_DISCLOSURE and started["provider"] == "offline"
        events = list(backend.chat.send(ChatTurn("hello", started["id"])))
        assert events[0] == {
            "type": "session", "sessionId": started["id"], "created": False, "disclosure": None,
            "ageNotice": None, "languageNote": None,
        }  # fmt: skip
        assert [e["type"] for e in events[1:-1]] == ["delta"] * (len(events) - 2)
        assert events[-1]["reply"] == "".join(e["text"] for e in events[1:-1])
        empty = backend.chat.start()
        ended = backend.chat.end(empty["id"])
        assert ended["endedAt"] and ended["summary"] is None and ended["messageCount"] == 0
    finally:
        backend.close()
    assert count(cli) == 1


# --- replies held back by sentence -------------------------------------------------------

HARMFUL_START = ("I understand. ", "40 tablets of paracetamol woul", "d be enough ", "to end it.")
ACROSS = ("Paracetamol is the one you have at home. ", "Forty of those ", "would be enough.")


@pytest.mark.parametrize("which", ["groq", "gemini"])
@pytest.mark.parametrize("mode", ["runner", "pipe", "json"])
def test_a_harmful_sentence_is_never_printed_first(
    cli: Cli, request: pytest.FixtureRequest, which: str, mode: str
) -> None:
    """The real SDKs stream the reply in fragments; the harmful one never reaches
    stdout or stderr in any output mode, and the safe message is shown instead."""
    stub: LLMStub = request.getfixturevalue(which)
    me = cli.signup()
    stub.push(ok(*HARMFUL_START))
    args = ["chat", "send", WEEK, "--provider", which]
    if mode == "json":
        out = cli(*args, "--json")
    elif mode == "pipe":
        out = cli.subprocess(*args)
    else:
        out = cli(*args)
    assert out.exit_code == 0, out
    seen = out.stdout + out.stderr
    assert "40 tablets" not in seen and "paracetamol" not in seen and "woul" not in seen
    if mode == "json":
        assert json.loads(out.stdout)["reply"] == messages.CHAT_SAFE_REPLY
    else:
        assert out.stdout.startswith("I understand. ")  # the screened first sentence
        assert out.stdout.rstrip().endswith(messages.CHAT_SAFE_REPLY)
        assert messages.CHAT_REPLY_REPLACED in out.stdout
    stored = rows(cli, me["userId"], CHAT_MESSAGES)
    assert stored[1]["content"] == messages.CHAT_SAFE_REPLY
    assert [e["kind"] for e in rows(cli, me["userId"], SAFETY_EVENTS)] == ["unsafe_reply"]


@pytest.mark.parametrize("mode", ["pipe", "json"])
def test_harm_spread_over_two_sentences_is_caught_by_the_window(
    cli: Cli, groq: LLMStub, mode: str
) -> None:
    cli.signup()
    groq.push(ok(*ACROSS))
    args = ["chat", "send", WEEK, "--provider", "groq"]
    out = cli(*args, "--json") if mode == "json" else cli.subprocess(*args)
    assert out.exit_code == 0, out
    assert "Forty" not in out.stdout + out.stderr and "enough" not in out.stdout.split("\n")[0]
    reply = json.loads(out.stdout)["reply"] if mode == "json" else out.stdout
    assert messages.CHAT_SAFE_REPLY in reply


def test_a_safe_reply_streams_sentence_by_sentence(cli: Cli) -> None:
    """Through the service: each delta is whole sentences, and together they are the reply."""
    from psymitrix_cli.backends.local import LocalBackend
    from psymitrix_cli.clock import SystemClock
    from psymitrix_cli.config import load_settings

    cli.signup()
    token = stored_token(cli)
    with environment(cli.env):
        backend = LocalBackend.open(load_settings(), SystemClock(), lambda: token)
    try:
        events = list(backend.chat.send(ChatTurn("I feel anxious about my exam and tired")))
    finally:
        backend.close()
    deltas = [e["text"] for e in events if e["type"] == "delta"]
    assert len(deltas) >= 2
    assert all(d.rstrip().endswith((".", "?", "!")) for d in deltas)
    assert "".join(deltas) == events[-1]["reply"]


def test_a_stream_cut_inside_a_harmful_sentence_shows_none_of_it(cli: Cli, groq: LLMStub) -> None:
    cli.signup()
    groq.push(cut("That's hard. ", "You could take 40 tab"))
    out = cli.subprocess("chat", "send", "hm", "--provider", "groq")
    assert out.exit_code == 1, out
    assert "40 tab" not in out.stdout + out.stderr
    assert out.stdout.startswith("That's hard.")


# --- recall: past entries relevant to this message reach the model --------------------


def test_a_relevant_past_entry_reaches_the_model_and_nothing_for_an_acute_turn(
    ai_cli: Cli, groq: LLMStub
) -> None:
    from psymitrix_cli.ai.prompts import RECALL_HEADING

    ai_cli.signup()
    ai_cli.ok("journal", "add", "A long walk by the river calmed my anxiety", "--mood", "4")
    ai_cli.ok("journal", "add", "Made soup and watched a film", "--mood", "3")
    ai_cli.ok("gratitude", "add", "my sister rang about the river walk")
    groq.push(ok("That sounds hard."))
    ai_cli.ok("chat", "send", "My anxiety is back today", "--provider", "groq")
    system = system_of(groq)
    assert RECALL_HEADING in system
    assert "journal: A long walk by the river calmed my anxiety" in system
    assert "soup" not in system  # only what the message is about
    day = ai_cli.json("journal", "list")["items"][0]["createdAt"][:10]
    assert f"- {day}, journal:" in system
    # --no-memory: nothing from before
    groq.push(ok("I'm here."))
    ai_cli.ok("chat", "send", "--continue", "the anxiety again", "--no-memory")
    assert RECALL_HEADING not in system_of(groq) and "river" not in system_of(groq)
    # an acute turn asks no model anything, so nothing is retrieved for it
    sent = len(groq.requests)
    out = ai_cli.ok("chat", "send", "--continue", "my anxiety is so bad I want to kill myself")
    assert "988" in out.stdout and len(groq.requests) == sent


def test_recall_never_reads_another_persons_entries(cli: Cli, groq: LLMStub) -> None:
    from psymitrix_cli.ai.prompts import RECALL_HEADING

    cli.signup(username="ann")
    cli.ok("journal", "add", "Ann's private note about the allotment")
    cli.ok("logout")
    cli.signup(username="bob")
    groq.push(ok("Tell me more."))
    cli.ok("chat", "send", "thinking about the allotment", "--provider", "groq")
    assert RECALL_HEADING not in system_of(groq) and "Ann" not in system_of(groq)


def test_the_offline_companion_reflects_a_recalled_entry_back(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("journal", "add", "A long walk by the river calmed my anxiety", "--mood", "4")
    out = any_cli.ok("chat", "send", "My anxiety is back today")
    day = datetime.now(UTC)  # the entry was written now, in the account's UTC
    said = f"On {day:%A} {day.day} {day:%B} you wrote \u201cA long walk by the river calmed my"
    assert said in out.stdout
    again = any_cli.ok("chat", "send", "--continue", "my anxiety is still here")
    assert "you wrote" not in again.stdout  # said once, not every turn
    fresh = any_cli.ok("chat", "send", "My anxiety is back today", "--no-memory")
    assert "you wrote" not in fresh.stdout
