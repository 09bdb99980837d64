"""chat (the interactive companion) | send | sessions | show | end | delete | export."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState
from psymitrix_cli.config import PROVIDER_NAMES

# The --provider choices come from the one registry of providers (config.PROVIDERS).
ProviderName = StrEnum("ProviderName", {name: name for name in PROVIDER_NAMES})  # type: ignore[misc]


class ExportFormat(StrEnum):
    md = "md"
    json = "json"


SessionOpt = Annotated[
    str | None,
    typer.Option("--session", "-s", help="Continue this session (see `chat sessions`).",
                 show_default=False),
]  # fmt: skip
ContinueOpt = Annotated[
    bool, typer.Option("--continue", "-c", help="Continue your most recent session.")
]
ProviderOpt = Annotated[
    ProviderName | None,
    typer.Option(
        "--provider",
        "-p",
        case_sensitive=False,
        help="The AI to talk to. [default: the configured one, else whichever API key is "
        "set, else the offline companion]",
        show_default=False,
    ),
]
NoMemory = Annotated[
    bool,
    typer.Option(
        "--no-memory",
        help="Share nothing from before with the AI: no notes about you (`psymitrix "
        "memory`), no summaries of earlier sessions, no past entries recalled for this "
        "message; and no note is proposed.",
    ),
]
HISTORY_FILE = "chat_history"  # older versions' shared input history (ui/chat_repl.py)
SessionId = Annotated[str, typer.Argument(help="The session's ID (see `chat sessions`).")]

chat_app = typer.Typer(
    help="Talk with the AI companion. With no command, opens an interactive chat: Enter "
    "sends, Esc then Enter adds a line, /help lists its commands. When standard input is "
    "not a terminal, each line read is one message.",
    invoke_without_command=True,
)


@chat_app.callback()
def chat(
    ctx: typer.Context,
    session: SessionOpt = None,
    continue_: ContinueOpt = False,
    provider: ProviderOpt = None,
    no_memory: NoMemory = False,
) -> None:
    """The interactive chat (when no command is given)."""
    if ctx.invoked_subcommand is not None:
        return
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui.chat_repl import ChatRepl, ReplOptions

    state = AppState.of(ctx)
    if state.json_mode:
        raise InvalidInput(messages.CHAT_NO_JSON_REPL)
    from psymitrix_cli.domain.chat import check_target

    check_target(session, continue_)
    options = ReplOptions(session, continue_, provider and provider.value, not no_memory)
    repl = ChatRepl(
        state.term,
        state.backend.chat,
        options,
        memory=state.backend.memory,
        crisis_line=state.settings.crisis_line,
        history_file=state.settings.data_dir / HISTORY_FILE,
        timezone=state.display_timezone,
    )
    code = repl.run()
    if code:
        raise typer.Exit(code)


@chat_app.command("send")
def send(
    ctx: typer.Context,
    message: Annotated[str, typer.Argument(help="What you want to say; '-' reads stdin.")],
    session: SessionOpt = None,
    continue_: ContinueOpt = False,
    provider: ProviderOpt = None,
    no_memory: NoMemory = False,
    json_: Json = False,
) -> None:
    """Send one message and stream the reply (for scripts; --json prints it when done)."""
    from psymitrix_cli.domain.chat import ChatTurn, check_target
    from psymitrix_cli.ui.views import chat as views

    state = AppState.of(ctx, json_)
    check_target(session, continue_)
    if message == "-":
        import sys

        message = sys.stdin.read()
    turn = ChatTurn(message, session, continue_, provider and provider.value, not no_memory)
    events = state.backend.chat.send(turn)
    if state.term.json_mode:
        views.turn_json(state.term, events)
        return
    view = views.ReplyView(state.term, state.settings.crisis_line, disclosure_to_stderr=True)
    done = view.render(events)
    from psymitrix_cli.ui.views.memory import offer

    offer(state.term, state.backend.memory, done)  # asked on a terminal; never saved unasked


@chat_app.command("sessions")
def sessions(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("-n", "--limit", help="Sessions per page (1–200).")] = 20,
    cursor: Annotated[
        str | None, typer.Option("--cursor", help="Continue from this page cursor.")
    ] = None,
    json_: Json = False,
) -> None:
    """List your chat sessions, newest first."""
    from psymitrix_cli.ui.views import chat as views

    state = AppState.of(ctx, json_)
    result = state.backend.chat.sessions(limit=limit, cursor=cursor)
    state.term.emit(result, lambda t, r: views.sessions(t, r, state.display_timezone()))


@chat_app.command("show")
def show(ctx: typer.Context, session_id: SessionId, json_: Json = False) -> None:
    """Show a session with all of its messages."""
    from psymitrix_cli.ui.views import chat as views

    state = AppState.of(ctx, json_)
    result = state.backend.chat.get(session_id)
    state.term.emit(result, lambda t, r: views.session(t, r, state.display_timezone()))


@chat_app.command("end")
def end(
    ctx: typer.Context,
    session_id: Annotated[
        str | None, typer.Argument(help="The session to end. [default: your latest open one]")
    ] = None,
    json_: Json = False,
) -> None:
    """End a session and write its summary."""
    from psymitrix_cli.ui.views import chat as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.chat.end(session_id), views.ended)


@chat_app.command("delete")
def delete(
    ctx: typer.Context,
    session_id: Annotated[
        str | None, typer.Argument(help="The session's ID (see `chat sessions`).")
    ] = None,
    all_: Annotated[
        bool,
        typer.Option(
            "--all", help="Every session of yours, and this machine's chat input history."
        ),
    ] = False,
    yes: Yes = False,
    json_: Json = False,
) -> None:
    """Delete a session (or --all of them) and all of its messages for good."""
    from psymitrix_cli.cli.deleting import confirm_and_delete
    from psymitrix_cli.errors import InvalidInput

    state = AppState.of(ctx, json_)
    if all_ == (session_id is not None):
        raise InvalidInput(messages.CHAT_DELETE_ONE_OR_ALL)
    if all_:
        _delete_all(state, yes)
        return
    assert session_id is not None
    chat_api = state.backend.chat
    confirm_and_delete(
        state,
        target=session_id,
        get=chat_api.get,
        delete=chat_api.delete,
        yes=yes,
        question=lambda found: messages.CHAT_CONFIRM_DELETE.format(
            title=found.get("title") or messages.CHAT_UNTITLED
        ),
        done=messages.CHAT_DELETED.format(id=session_id),
    )


def _delete_all(state: AppState, yes: bool) -> None:
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts

    chat_api = state.backend.chat
    if not yes:
        prompts.require_tty(state.term, messages.TTY_CONFIRMATION, "--yes")
        if not prompts.confirm(state.term, messages.CHAT_CONFIRM_DELETE_ALL):
            raise InvalidInput(messages.NOT_DELETED)
    deleted = 0
    while items := chat_api.sessions(limit=100)["items"]:
        for session in items:
            chat_api.delete(session["id"])
            deleted += 1
    forget_history(state)
    state.term.emit(
        {"deleted": deleted},
        lambda t, r: t.success(messages.CHAT_DELETED_ALL.format(count=r["deleted"])),
    )


def forget_history(state: AppState) -> None:
    """The chat input history on this machine: the REPL keeps it in memory only, so what
    is left is the one file older versions wrote (shared by every account here)."""
    (state.settings.data_dir / HISTORY_FILE).unlink(missing_ok=True)


@chat_app.command("export")
def export(
    ctx: typer.Context,
    session_id: SessionId,
    format_: Annotated[
        ExportFormat, typer.Option("--format", "-f", case_sensitive=False, help="md or json.")
    ] = ExportFormat.md,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write to this file (0600). [default: stdout]"),
    ] = None,
) -> None:
    """Export a session as Markdown or JSON."""
    import sys

    from psymitrix_cli.ui.views import chat as views

    state = AppState.of(ctx)
    result = state.backend.chat.get(session_id)
    if format_ is ExportFormat.json:
        text = views.export_json(result)
    else:
        text = views.export_markdown(result, state.display_timezone())
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    from psymitrix_cli.fsutil import write_user_file

    path = Path(output).expanduser()
    write_user_file(path, text.encode("utf-8"))
    state.term.success(messages.CHAT_EXPORTED.format(path=path))


def register(app: typer.Typer) -> None:
    app.add_typer(chat_app, name="chat", rich_help_panel="Companion")
