"""How the chat looks: the streamed reply, the sessions table, one session, exports.

What a person or the model wrote is shown as rich.text.Text (never parsed as
markup); only the companion's reply is rendered as Markdown, live, on a terminal.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.ui import timefmt
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time

if TYPE_CHECKING:
    from rich.live import Live

ChatEvent = dict[str, Any]
FPS = 12  # at most this many Live redraws a second: re-parsing Markdown per token is waste
EXCERPT = 60


def provider_label(provider: str, model: str) -> str:
    return messages.CHAT_OFFLINE_LABEL if provider == "offline" else f"{provider} · {model}"


def excerpt(text: str | None, width: int = EXCERPT) -> str:
    return timefmt.excerpt(text, width)


def disclosure(term: Terminal, text: str, stderr: bool = False) -> None:
    stream = sys.stderr if stderr else sys.stdout
    if not _isatty(stream):
        # Plain, and cheap: `chat send` shows this before the model is even asked.
        stream.write(text + "\n")
        stream.flush()
        return
    from rich.text import Text

    (term.err if stderr else term.out).print(Text(text, style="dim italic"), soft_wrap=True)


class ReplyView:
    """Renders one turn's events: Rich Live Markdown when animating, plain text otherwise.

    Honours every event in backends.base.ChatEvent: a `replace` discards what was
    streamed; an acute `done` without deltas shows the crisis panel.
    """

    def __init__(
        self,
        term: Terminal,
        crisis_line: str | None,
        *,
        show_disclosure: bool = True,
        disclosure_to_stderr: bool = False,
    ) -> None:
        self.term = term
        self.crisis_line = crisis_line
        self.show_disclosure = show_disclosure
        self.disclosure_to_stderr = disclosure_to_stderr
        self.live_wanted = term.animate
        self.text = ""
        self._live: Live | None = None
        self._last_draw = 0.0
        self._line_open = False  # plain mode: text written without its final newline

    def render(self, events: Iterable[ChatEvent]) -> ChatEvent | None:
        """Show the events as they come; return the done event (None if there was none)."""
        done: ChatEvent | None = None
        try:
            for event in events:
                kind = event.get("type")
                if kind == "session":
                    self._session(event)
                elif kind == "delta":
                    self._delta(event["text"])
                elif kind == "replace":
                    self._replace(event["text"])
                elif kind == "done":
                    done = event
        except KeyboardInterrupt:
            self._close()
            self._note(messages.CHAT_REPLY_STOPPED)
            raise
        except BaseException:
            # A provider failure after a partial reply arrives after its done event.
            self._close()
            if done is not None:
                self._finish(done)
            raise
        self._close()
        if done is not None:
            self._finish(done)
        return done

    def _session(self, event: ChatEvent) -> None:
        # The screen reads English best: say so whenever a message was not English.
        if event.get("languageNote"):
            disclosure(self.term, event["languageNote"], self.disclosure_to_stderr)
        # A new session's disclosure and age line (unless the caller showed them
        # already); a reminder on a continuing session always.
        if not (self.show_disclosure or not event.get("created")):
            return
        for key in ("disclosure", "ageNotice"):
            if event.get(key):
                disclosure(self.term, event[key], self.disclosure_to_stderr)

    # --- streaming ----------------------------------------------------------------
    def _delta(self, text: str) -> None:
        self.text += text
        if self.live_wanted:
            now = time.monotonic()
            if self._live is None or now - self._last_draw >= 1 / FPS:
                self._draw(now)
        else:
            self._write(text)

    def _replace(self, text: str) -> None:
        shown, self.text = self.text, text
        if self.live_wanted:
            self._draw(time.monotonic())
            return
        if self._line_open:
            self._write("\n")
        if shown:  # only screened sentences were shown, but the whole failed: say so
            self.term.line(messages.CHAT_REPLY_REPLACED, style="dim")
        self._write(text)

    def _draw(self, now: float) -> None:
        from rich.markdown import Markdown

        if self._live is None:
            from rich.live import Live

            self._live = Live(console=self.term.out, auto_refresh=False, transient=False)
            self._live.start()
        self._live.update(Markdown(self.text), refresh=True)
        self._last_draw = now

    def _write(self, text: str) -> None:
        # Straight to stdout and flushed: a script reading it sees each token at once.
        sys.stdout.write(text)
        sys.stdout.flush()
        if text:
            self._line_open = not text.endswith("\n")

    def _close(self) -> None:
        if self._live is not None:
            from rich.markdown import Markdown

            self._live.update(Markdown(self.text), refresh=True)
            self._live.stop()  # the final frame stays on screen, in full
            self._live = None
        if self._line_open:
            self._write("\n")

    def _finish(self, done: ChatEvent) -> None:
        if done.get("safety") == "acute" and not self.text:
            from psymitrix_cli.ui.views.crisis import crisis_panel

            crisis_panel(self.term, self.crisis_line, in_chat=True)
            return
        if done.get("interrupted"):
            self._note(messages.CHAT_REPLY_PARTIAL)
        self._note(provider_label(done["provider"], done["model"]))

    def _note(self, text: str) -> None:
        # In a pipe, stdout carries the reply alone; notes about it go to stderr.
        console = self.term.out if _isatty(sys.stdout) else self.term.err
        console.print(text, style="dim", markup=False, highlight=False, soft_wrap=True)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def turn_json(term: Terminal, events: Iterable[ChatEvent]) -> None:
    """--json: no streaming; one object when the turn is done (even if it then failed).
    A note the companion proposed is in `memoryProposal` and is not saved.

    A turn screened as acute or concern also writes one human line to stderr, so a
    person reading a script's output is not left with the JSON alone.
    """
    from psymitrix_cli.domain.safety import wording

    result: dict[str, Any] = {}
    try:
        for event in events:
            if event.get("type") == "session":
                result["disclosure"] = event.get("disclosure")
                result["ageNotice"] = event.get("ageNotice")
            elif event.get("type") == "done":
                keys = ("sessionId", "reply", "provider", "model", "safety", "interrupted")
                result = {**{k: event[k] for k in keys}, **result}
                # Reported, never saved: a script cannot say yes (see ui/views/memory.offer).
                result["memoryProposal"] = event.get("memoryProposal")
    finally:
        if "reply" in result:
            term.json(result)
            notice = {"acute": wording.JSON_ACUTE_NOTICE, "concern": wording.JSON_CONCERN_NOTICE}
            if result.get("safety") in notice:  # one line, whatever the width
                sys.stderr.write(f"! {notice[result['safety']]}\n")
                sys.stderr.flush()


# --- sessions ----------------------------------------------------------------------


def sessions(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    from psymitrix_cli.ui.tables import Column, fitted, short_ids

    items = result["items"]
    if not items:
        term.line(messages.CHAT_NO_SESSIONS)
        return
    columns = (
        Column("ID"),
        Column("Title", kind="bounded", bound=32),
        Column("Started"),
        Column("Msgs", justify="right"),
        Column("Summary", kind="text"),
    )
    rows = [
        (
            short,
            _plain(item.get("title") or ("(open)" if not item.get("endedAt") else "(empty)")),
            local_time(item.get("startedAt"), timezone),
            str(item.get("messageCount", 0)),
            _plain(excerpt(item.get("summary")) or "—"),
        )
        for item, short in zip(items, short_ids(items), strict=True)
    ]
    term.print(fitted(term, columns, rows))
    if result.get("nextCursor"):
        term.line(messages.CHAT_MORE.format(cursor=result["nextCursor"]), style="dim")


def _plain(text: str) -> Any:
    from rich.text import Text

    return Text(text)


def ended(term: Terminal, result: dict[str, Any]) -> None:
    term.success(messages.CHAT_ENDED.format(id=result["id"]))
    if result.get("title"):
        term.line(result["title"], style="bold")
    if result.get("summary"):
        term.line(result["summary"])


def session(term: Terminal, result: dict[str, Any], timezone: str | None) -> None:
    from rich.text import Text

    term.line(result.get("title") or messages.CHAT_UNTITLED, style="bold")
    started = local_time(result.get("startedAt"), timezone)
    term.line(f"{result['id']} · {started} · {provider_label(result['provider'], result['model'])}")
    if result.get("summary"):
        term.line(result["summary"], style="italic")
    for message in result.get("messages", []):
        who = "You" if message["role"] == "user" else "PsyMitrix"
        when = local_time(message.get("at"), timezone)
        term.print(Text(f"\n{who} · {when}", style="bold cyan" if who == "You" else "bold green"))
        term.print(Text(message["content"]), soft_wrap=True)
        if message.get("interrupted"):
            term.line(messages.CHAT_INTERRUPTED_MARK, style="dim")


def export_json(result: dict[str, Any]) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def export_markdown(result: dict[str, Any], timezone: str | None) -> str:
    lines = [
        f"# {result.get('title') or messages.CHAT_UNTITLED}",
        "",
        f"- Session: {result['id']}",
        f"- Started: {local_time(result.get('startedAt'), timezone)}",
        f"- Ended: {local_time(result.get('endedAt'), timezone)}",
        f"- Companion: {provider_label(result['provider'], result['model'])} (an AI)",
        "",
    ]
    if result.get("summary"):
        lines += ["## Summary", "", result["summary"], ""]
    lines += ["## Conversation", ""]
    for message in result.get("messages", []):
        who = "You" if message["role"] == "user" else "PsyMitrix"
        mark = f" {messages.CHAT_INTERRUPTED_MARK}" if message.get("interrupted") else ""
        lines += [f"**{who}** ({local_time(message.get('at'), timezone)}){mark}:", ""]
        lines += [message["content"], ""]
    return "\n".join(lines)
