"""outbox list | sync | drop: writes kept while the API was unreachable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, Yes
from psymitrix_cli.cli.state import AppState

if TYPE_CHECKING:
    from psymitrix_cli.ui.terminal import Terminal

outbox_app = typer.Typer(
    help="Entries saved while the PsyMitrix API was unreachable (api backend).",
    no_args_is_help=True,
)


def _show_items(term: Terminal, result: dict[str, Any]) -> None:
    items = result["items"]
    if not items:
        term.line(messages.OUTBOX_EMPTY)
        return
    for item in items:
        state = "" if item["state"] == "pending" else f"  [{item['state']}: {item['error']}]"
        term.line(
            f"{item['outboxId']}  {item['createdAt'][:16]}  {item['operation']:<16}"
            f"{item['summary']}{state}"
        )


def _show_sync(term: Terminal, result: dict[str, Any]) -> None:
    for sent in result["sent"]:
        term.success(
            messages.OUTBOX_SENT.format(operation=sent["operation"], outbox_id=sent["outboxId"])
        )
    for refused in result["rejected"]:
        term.notice(
            messages.OUTBOX_KEPT.format(outbox_id=refused["outboxId"], error=refused["error"])
        )
    if result["skipped"]:
        term.notice(messages.OUTBOX_OTHER_ACCOUNT.format(skipped=result["skipped"]))
    if not result["sent"] and not result["rejected"]:
        term.line(messages.OUTBOX_NOTHING_TO_SEND)


@outbox_app.command("list")
def list_(ctx: typer.Context, json_: Json = False) -> None:
    """Show what is waiting to be sent, oldest first."""
    from psymitrix_cli.backends.outbox import Outbox, public

    state = AppState.of(ctx, json_)
    items = [public(i) for i in Outbox(state.settings.data_dir, state.data_keys).items()]
    state.term.emit({"items": items}, _show_items)


@outbox_app.command("sync")
def sync(ctx: typer.Context, json_: Json = False) -> None:
    """Send waiting items to the API, in order. Safe to repeat: nothing is sent twice."""
    from psymitrix_cli.errors import InvalidInput

    state = AppState.of(ctx, json_)
    send = getattr(state.backend, "sync_outbox", None)
    if send is None:
        raise InvalidInput(messages.OUTBOX_NEEDS_API)
    state.term.emit(send(), _show_sync)


@outbox_app.command("drop")
def drop(
    ctx: typer.Context,
    outbox_id: Annotated[str, typer.Argument(help="The item's ID (see outbox list).")],
    yes: Yes = False,
    json_: Json = False,
) -> None:
    """Throw away one waiting or refused item, for good."""
    from psymitrix_cli.backends.outbox import Outbox
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts

    state = AppState.of(ctx, json_)
    box = Outbox(state.settings.data_dir)
    item = box.find(outbox_id)
    if not yes and not prompts.confirm(
        state.term, messages.OUTBOX_CONFIRM_DROP.format(summary=item["summary"])
    ):
        raise InvalidInput(messages.OUTBOX_NOT_DROPPED)
    box.remove(item)
    state.term.emit(
        {"dropped": True, "outboxId": outbox_id}, lambda t, r: t.success(messages.OUTBOX_DROPPED)
    )


def register(app: typer.Typer) -> None:
    app.add_typer(outbox_app, name="outbox", rich_help_panel="Account")
