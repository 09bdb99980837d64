"""The interactive chat: prompt-toolkit input on a terminal, plain stdin lines in a pipe.

The loop only reads, dispatches slash commands and hands each message to the
ChatAPI; what a turn means (screening, storing, summaries) lives in services.
Exiting (/exit, end of input, Ctrl-D, Ctrl-C at the prompt) ends and summarises
the current session; Ctrl-C during a reply stops just that reply.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from psymitrix_cli import messages
from psymitrix_cli.domain.chat import ChatTurn
from psymitrix_cli.errors import InvalidInput, ProviderError
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.views import chat as views

if TYPE_CHECKING:
    from psymitrix_cli.backends.base import ChatAPI, ChatEvent, MemoryAPI

EXIT_INTERRUPTED = 130
SESSIONS_SHOWN = 10
RECENT_SHOWN = 4


class LineSource(Protocol):
    def read(self) -> str | None:
        """The next message or command; None at end of input. Ctrl-C raises."""
        ...


class StdinLines:
    """One message per line from a pipe or file, so the chat can be scripted."""

    def read(self) -> str | None:
        line = sys.stdin.readline()
        return None if not line else line.rstrip("\r\n")


class PromptLines:
    """prompt-toolkit: Enter sends, Esc-Enter (or Alt-Enter) adds a line, history in memory."""

    def __init__(self, history_file: Path, no_color: bool) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import InMemoryHistory
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.key_binding.key_processor import KeyPressEvent
        from prompt_toolkit.output.color_depth import ColorDepth

        # History in memory only: a file was a second plaintext copy of all typed to the
        # companion, shared by every account here. The file older versions wrote goes.
        history_file.unlink(missing_ok=True)
        bindings = KeyBindings()

        @bindings.add("enter")
        def _send(event: KeyPressEvent) -> None:
            event.current_buffer.validate_and_handle()

        @bindings.add("escape", "enter")
        def _newline(event: KeyPressEvent) -> None:
            event.current_buffer.insert_text("\n")

        self._session: PromptSession[str] = PromptSession(
            history=InMemoryHistory(),
            key_bindings=bindings,
            multiline=True,  # so a newline can be inserted; Enter is rebound to send
            prompt_continuation=lambda width, line, wrap: "… ".rjust(width),
            color_depth=ColorDepth.MONOCHROME if no_color else None,
        )

    def read(self) -> str | None:
        try:
            return self._session.prompt("you › ")
        except EOFError:
            return None


@dataclass
class ReplOptions:
    session_id: str | None = None
    continue_last: bool = False
    provider: str | None = None
    memory: bool = True


class ChatRepl:
    def __init__(
        self,
        term: Terminal,
        chat: ChatAPI,
        options: ReplOptions,
        *,
        memory: MemoryAPI | None = None,
        crisis_line: str | None,
        history_file: Path,
        timezone: Callable[[], str | None],
    ) -> None:
        self.term = term
        self.chat = chat
        self.options = options
        self.memory = memory  # where a proposed note goes, on the person's yes
        self.crisis_line = crisis_line
        self.history_file = history_file
        self.timezone = timezone
        self.session_id: str | None = None
        self.disclosed = False  # the next new session's opening lines were already shown

    def run(self) -> int:
        """Chat until the person leaves; return the exit code."""
        self._resume()
        source: LineSource = (
            PromptLines(self.history_file, self.term.no_color)
            if self.term.interactive
            else StdinLines()
        )
        self._welcome()
        code = 0
        while True:
            try:
                line = source.read()
            except KeyboardInterrupt:
                code = EXIT_INTERRUPTED
                break
            if line is None:
                break
            text = line.strip()
            if not text:
                continue
            if text.startswith("/") and len(text.split()) == 1:
                if not self._command(text.lower()):
                    break
                continue
            self._send(line)
        self._end(quiet=False)
        return code

    # --- start-up ------------------------------------------------------------------
    def _resume(self) -> None:
        # Asked even without --continue: a logged-out person learns it before typing.
        newest = self.chat.sessions(limit=1)["items"]
        if self.options.session_id:
            found = self.chat.get(self.options.session_id)  # an unknown ID stops here, exit 2
            self.session_id = found["id"]
            self._continuing(found)
        elif self.options.continue_last:
            if newest:
                self.session_id = newest[0]["id"]
                self._continuing(self.chat.get(self.session_id))
            else:
                self.term.line(messages.CHAT_NOTHING_TO_CONTINUE, style="dim")

    def _continuing(self, found: dict[str, Any]) -> None:
        title = found.get("title") or messages.CHAT_UNTITLED
        self.term.line(messages.CHAT_CONTINUING.format(title=title), style="bold")
        recent = list(found.get("messages") or [])[-RECENT_SHOWN:]
        for message in recent:
            who = messages.CHAT_YOU if message["role"] == "user" else messages.CHAT_COMPANION
            self.term.line(f"{who} › {views.excerpt(message['content'], 200)}", style="dim")

    def _welcome(self) -> None:
        hint = messages.CHAT_WELCOME if self.term.interactive else messages.CHAT_WELCOME_PIPE
        self.term.line(hint, style="bold")
        _disclose(self.term)
        self.disclosed = True

    # --- commands ------------------------------------------------------------------
    def _command(self, name: str) -> bool:
        """Run a slash command; False means leave the chat."""
        if name in ("/exit", "/quit"):
            return False
        if name == "/help":
            self.term.line(messages.CHAT_HELP)
        elif name == "/end":
            if self._end(quiet=False):
                self.term.line(messages.CHAT_AFTER_END, style="dim")
            else:
                self.term.line(messages.CHAT_NOTHING_OPEN, style="dim")
        elif name == "/new":
            self._end(quiet=True)
            self.term.line(messages.CHAT_NEW_SESSION, style="bold")
            _disclose(self.term)
            self.disclosed = True
        elif name == "/sessions":
            views.sessions(self.term, self.chat.sessions(limit=SESSIONS_SHOWN), self.timezone())
        else:
            self.term.error(messages.CHAT_UNKNOWN_COMMAND.format(command=name))
        return True

    def _end(self, quiet: bool) -> bool:
        """End (and summarise) the current session, if one was started."""
        if self.session_id is None:
            return False
        result = self.chat.end(self.session_id)
        self.session_id = None
        self.disclosed = False  # a session started by the next message opens as new ones do
        if quiet:
            self.term.line(messages.CHAT_SAVED.format(title=result.get("title") or ""), style="dim")
        else:
            views.ended(self.term, result)
        return True

    # --- one turn ------------------------------------------------------------------
    def _send(self, text: str) -> None:
        view = views.ReplyView(self.term, self.crisis_line, show_disclosure=not self.disclosed)
        self.disclosed = True
        try:
            turn = ChatTurn(
                text, self.session_id, provider=self.options.provider, memory=self.options.memory
            )
            events = self.chat.send(turn)
        except InvalidInput as exc:  # an empty or over-long message: say so, carry on
            self.term.error(exc.message)
            return
        try:
            done = view.render(_remember_session(events, self))
            from psymitrix_cli.ui.views.memory import offer

            offer(self.term, self.memory, done)
        except KeyboardInterrupt:
            pass  # the view said the reply stopped; the partial reply is kept
        except (ProviderError, InvalidInput) as exc:
            # The message is saved (a remote backend reports bad input only here);
            # the session stays open.
            self.term.error(exc.message)
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()  # a reply abandoned half-way is stored as interrupted


def _disclose(term: Terminal) -> None:
    """What a session opens with: the companion is an AI, and made for adults."""
    from psymitrix_cli.domain.safety.wording import AGE_NOTICE, AI_DISCLOSURE

    views.disclosure(term, AI_DISCLOSURE)
    views.disclosure(term, AGE_NOTICE)


def _remember_session(events: Iterator[ChatEvent], repl: ChatRepl) -> Iterator[ChatEvent]:
    """Pass events through, noting the session they belong to (a new one, at first)."""
    for event in events:
        if event.get("type") == "session":
            repl.session_id = event["sessionId"]
        yield event
