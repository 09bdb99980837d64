"""encryption enable | disable | status: the embedded store, encrypted at rest."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.options import Json, PassphraseStdin
from psymitrix_cli.cli.state import AppState

encryption_app = typer.Typer(
    help="Encrypt the local store at rest (AES-256-GCM; the key in the system keyring).",
    no_args_is_help=True,
)


@encryption_app.command("enable")
def enable(
    ctx: typer.Context,
    no_keyring: Annotated[
        bool,
        typer.Option(
            "--no-keyring", help="Wrap the key with a passphrase even if a keyring works."
        ),
    ] = False,
    passphrase_stdin: PassphraseStdin = False,
    json_: Json = False,
) -> None:
    """Encrypt journals, gratitude, chats, answers and the outbox, in place, at once."""
    from psymitrix_cli.backends import encryption
    from psymitrix_cli.ui.views import encryption as views

    state = AppState.of(ctx, json_)
    state.passphrase_stdin = passphrase_stdin
    result = encryption.enable(state.settings, state.passphrase, use_keyring=not no_keyring)
    if not result["keyring"]:
        from psymitrix_cli import messages

        state.term.notice(messages.ENCRYPTION_NO_KEYRING)
    state.term.emit(result, views.enabled)


@encryption_app.command("disable")
def disable(
    ctx: typer.Context, passphrase_stdin: PassphraseStdin = False, json_: Json = False
) -> None:
    """Decrypt everything back to plain text, in place, and forget the key."""
    from psymitrix_cli.backends import encryption
    from psymitrix_cli.ui.views import encryption as views

    state = AppState.of(ctx, json_)
    state.passphrase_stdin = passphrase_stdin
    state.term.emit(encryption.disable(state.settings, state.passphrase), views.disabled)


@encryption_app.command("status")
def status(ctx: typer.Context, json_: Json = False) -> None:
    """Whether encryption is on, where the key lives, how many values are encrypted."""
    from psymitrix_cli.backends import encryption
    from psymitrix_cli.ui.views import encryption as views

    state = AppState.of(ctx, json_)
    state.term.emit(encryption.status(state.settings), views.status)


def register(app: typer.Typer) -> None:
    app.add_typer(encryption_app, name="encryption", rich_help_panel="Your data")
