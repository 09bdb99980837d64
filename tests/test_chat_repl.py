"""The interactive chat: driven through a pipe (one message per line) and through a
pseudo-terminal (the prompt-toolkit path, Rich Live streaming, Ctrl-C and Ctrl-D)."""

from __future__ import annotations

import contextlib
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from psymitrix_cli import messages
from psymitrix_cli.domain.safety import AI_DISCLOSURE
from tests.driver import Cli
from tests.stubs.llm_stubs import LLMStub, ok, status

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")
PTY_TIMEOUT = 30.0


@pytest.fixture
def groq(groq_stub: LLMStub, monkeypatch: pytest.MonkeyPatch) -> LLMStub:
    monkeypatch.setenv("GROQ_API_KEY", "gsk-test-key")
    monkeypatch.setenv("PSYMITRIX_AI_MAX_RETRIES", "0")
    monkeypatch.setenv("PSYMITRIX_AI_TIMEOUT", "5")
    return groq_stub


# --- through a pipe ----------------------------------------------------------------------


def test_pipe_runs_messages_and_slash_commands(cli: Cli) -> None:
    cli.signup()
    script = "\n".join([
        "hello there", "/sessions", "/new", "I feel anxious about work", "/end",
        "/help", "/bogus", "", "   ", "how are you", "/exit", "never sent",
    ]) + "\n"  # fmt: skip
    out = cli.subprocess("chat", input=script)
    assert out.exit_code == 0, out
    assert messages.CHAT_WELCOME_PIPE in out.stdout and AI_DISCLOSURE in out.stdout
    assert "Title" in out.stdout and "Summary" in out.stdout  # the /sessions table
    assert messages.CHAT_NEW_SESSION in out.stdout and "/sessions  list" in out.stdout
    assert out.stdout.count("Ended chat session") == 2  # /end, then leaving
    assert "Unknown command /bogus" in out.stderr
    assert "offline companion" in out.stderr  # labels stay off the reply stream

    sessions = cli.json("chat", "sessions")["items"]
    assert len(sessions) == 3  # /new, /end and /exit each closed one
    assert all(s["endedAt"] and s["summary"] for s in sessions)
    assert [s["userMessageCount"] for s in sessions] == [1, 1, 1]
    assert "never sent" not in str(cli.json("chat", "show", sessions[0]["id"]))
    assert cli.json("me")["userData"]["chatSessionCount"] == 3


def test_end_of_input_ends_and_summarises_the_session(any_cli: Cli) -> None:
    any_cli.signup()
    out = any_cli.ok("chat", input="I have been sleeping badly\n")
    assert "Ended chat session" in out.stdout
    (session,) = any_cli.json("chat", "sessions")["items"]
    assert session["endedAt"] and "sleeping badly" in session["summary"]


def test_continue_and_session_resume_in_the_repl(any_cli: Cli) -> None:
    any_cli.signup()
    sid = any_cli.json("chat", "send", "first message")["sessionId"]
    out = any_cli.ok("chat", "--continue", input="second message\n")
    assert "Continuing" in out.stdout and "first message" in out.stdout
    out = any_cli.ok("chat", "--session", sid, input="third message\n")
    shown = any_cli.json("chat", "show", sid)
    assert [m["content"] for m in shown["messages"] if m["role"] == "user"] == [
        "first message", "second message", "third message",
    ]  # fmt: skip
    assert len(any_cli.json("chat", "sessions")["items"]) == 1


def test_a_bad_line_is_reported_and_the_chat_goes_on(any_cli: Cli) -> None:
    any_cli.signup()
    out = any_cli("chat", input="x" * 9000 + "\nhello\n")
    assert out.exit_code == 0, out
    assert "too long" in out.stderr
    (session,) = any_cli.json("chat", "sessions")["items"]
    assert session["userMessageCount"] == 1


def test_repl_flag_errors_are_exit_2(cli: Cli) -> None:
    logged_out = cli("chat", input="hi\n")
    assert logged_out.exit_code == 3 and "Esc" not in logged_out.stdout
    cli.signup()
    assert cli("chat", "--session", "nope", input="hi\n").exit_code == 2
    both = cli("chat", "--session", "x", "--continue", input="hi\n")
    assert both.exit_code == 2 and "not both" in both.stderr
    assert cli("chat", "--provider", "gpt", input="hi\n").exit_code == 2
    assert cli.json("chat", "sessions")["items"] == []


def test_provider_errors_keep_the_repl_and_the_session_open(cli: Cli, groq: LLMStub) -> None:
    cli.signup()
    groq.push(status(500), ok("I'm back."), ok("TITLE: Retry\nSUMMARY: You said hello twice."))
    out = cli("chat", input="hello\nhello again\n")
    assert out.exit_code == 0, out
    assert "Groq" in out.stderr and "I'm back." in out.stdout
    (session,) = cli.json("chat", "sessions")["items"]
    shown = cli.json("chat", "show", session["id"])
    assert [m["role"] for m in shown["messages"]] == ["user", "user", "assistant"]
    assert session["title"] == "Retry"


def test_an_acute_message_shows_the_crisis_panel_and_the_chat_goes_on(
    cli: Cli, groq: LLMStub
) -> None:
    cli.signup()
    groq.push(ok("I'm still here."))
    out = cli.ok("chat", input="I want to kill myself tonight\nok, thank you\n")
    assert "You don't have to go through this alone" in out.stdout and "988" in out.stdout
    assert "I'm still here." in out.stdout
    assert len([r for r in groq.requests if r.body.get("stream")]) == 1  # only the 2nd turn


# --- through a pseudo-terminal -----------------------------------------------------------


class Pty:
    """`psymitrix chat` on a pseudo-terminal, read with a deadline (never a hang)."""

    def __init__(self, cli: Cli, *args: str) -> None:
        import fcntl
        import pty
        import struct
        import termios

        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, **cli.env, **cli.extra, "TERM": "xterm", "COLUMNS": "120",
               "LINES": "40", "PROMPT_TOOLKIT_NO_CPR": "1"}  # fmt: skip

        def controlling_terminal() -> None:
            # A session of its own with the pty as its terminal, so Ctrl-C becomes SIGINT.
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "psymitrix_cli", "chat", *args],
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            cwd=Path(cli.env["PSYMITRIX_HOME"]).parent, preexec_fn=controlling_terminal,
        )  # fmt: skip
        os.close(slave)
        self.master = master
        self.seen = ""
        self._mark = 0

    def expect(self, needle: str, timeout: float = PTY_TIMEOUT) -> None:
        """Wait for `needle` in the output after the previous match (each match consumes)."""
        deadline = time.monotonic() + timeout
        while True:
            text = ANSI.sub("", self.seen)
            found = text.find(needle, self._mark)
            if found >= 0:
                self._mark = found + len(needle)
                return
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{needle!r} not seen; got:\n{text[self._mark :]}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"{needle!r} not seen before exit:\n{text}")
                self.seen += chunk.decode("utf-8", "replace")

    def send(self, data: str) -> None:
        os.write(self.master, data.encode())

    def wait(self, timeout: float = PTY_TIMEOUT) -> int:
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):
                    self.seen += os.read(self.master, 65536).decode("utf-8", "replace")
        return self.proc.wait(timeout=1)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=5)
        os.close(self.master)


@pytest.fixture
def pty_chat(cli: Cli) -> object:
    opened: list[Pty] = []

    def start(*args: str) -> Pty:
        opened.append(Pty(cli, *args))
        return opened[-1]

    yield start
    for session in opened:
        session.close()


def test_prompt_toolkit_repl_on_a_terminal(cli: Cli, pty_chat: object) -> None:
    cli.signup()
    chat = pty_chat()  # type: ignore[operator]
    chat.expect("Esc then Enter")
    chat.expect("you ›")
    chat.send("line one\x1b\rline two\r")  # Esc-Enter adds a line; Enter sends
    chat.expect("offline companion")
    chat.expect("you ›")  # keys typed before the prompt is back would meet a cooked tty
    chat.send("/sessions\r")
    chat.expect("Summary")
    chat.expect("you ›")
    chat.send("\x04")  # Ctrl-D: leave, ending the session
    assert chat.wait() == 0
    assert "Ended chat session" in ANSI.sub("", chat.seen)

    (session,) = cli.json("chat", "sessions")["items"]
    shown = cli.json("chat", "show", session["id"])
    assert shown["messages"][0]["content"] == "line one\nline two"
    assert session["endedAt"] and session["summary"]
    # Input history is kept in memory only: no file holds what was typed.
    assert not (Path(cli.env["PSYMITRIX_HOME"]) / "chat_history").exists()


def test_ctrl_c_stops_a_reply_then_ctrl_c_at_the_prompt_leaves(
    cli: Cli, groq: LLMStub, pty_chat: object
) -> None:
    cli.signup()
    groq.push(ok(*[f"word{i} " for i in range(600)]))  # about 3 s of streaming
    chat = pty_chat("--provider", "groq")  # type: ignore[operator]
    chat.expect("you ›")
    chat.send("tell me a long story\r")
    chat.expect("word5 ")
    chat.send("\x03")  # Ctrl-C during the reply: stop it, back to the prompt
    chat.expect(messages.CHAT_REPLY_STOPPED)
    chat.expect("you ›")
    groq.push(ok("TITLE: A long story\nSUMMARY: You asked for a long story."))
    chat.send("\x03")  # Ctrl-C at the prompt: leave
    assert chat.wait() == 130

    (session,) = cli.json("chat", "sessions")["items"]
    assert session["title"] == "A long story" and session["endedAt"]
    reply = cli.json("chat", "show", session["id"])["messages"][1]
    assert reply["interrupted"] is True and reply["content"].startswith("word0 word1 ")
    assert "word599" not in reply["content"]
