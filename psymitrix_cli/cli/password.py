"""password change, password recover, password reset (by email)."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, PasswordStdin
from psymitrix_cli.cli.state import AppState

password_app = typer.Typer(help="Change or recover your password.", no_args_is_help=True)


@password_app.command("change")
def change(ctx: typer.Context, password_stdin: PasswordStdin = False, json_: Json = False) -> None:
    """Change your password (stdin: the current one, then the new one, one per line).

    Every other session is logged out; this terminal gets a fresh token."""
    from psymitrix_cli.domain import validation as v
    from psymitrix_cli.ui import prompts

    state = AppState.of(ctx, json_)
    term = state.term
    if password_stdin:
        current, new = prompts.read_stdin_lines(2)
    else:
        current = prompts.ask_password(
            term, messages.PROMPT_CURRENT_PASSWORD, confirm=False, check=lambda p: p
        )
        new = prompts.ask_password(
            term, messages.PROMPT_NEW_PASSWORD, confirm=True, check=lambda p: v.password(p)
        )
    grant = state.backend.accounts.change_password(current, new)
    state.credentials.set(grant["accessToken"])
    term.emit(
        {"changed": True, "expiresAt": grant["expiresAt"]},
        lambda t, r: t.success(messages.PASSWORD_CHANGED),
    )


@password_app.command("recover")
def recover(
    ctx: typer.Context,
    identifier: Annotated[str, typer.Argument(help="Your username or email.")],
    code: Annotated[str, typer.Option("--code", help="One of your recovery codes.")],
    password_stdin: PasswordStdin = False,
    json_: Json = False,
) -> None:
    """Set a new password with a one-time recovery code."""
    from psymitrix_cli.domain import validation as v
    from psymitrix_cli.ui import prompts

    state = AppState.of(ctx, json_)
    term = state.term
    if password_stdin:
        new = prompts.read_stdin_lines(1)[0]
    else:
        new = prompts.ask_password(
            term, messages.PROMPT_NEW_PASSWORD, confirm=True, check=lambda p: v.password(p)
        )
    state.backend.accounts.recover_password(identifier, code, new)
    state.credentials.delete()
    term.emit(
        {"recovered": True},
        lambda t, r: t.success(messages.RESET_DONE),
    )


@password_app.command("reset")
def reset(
    ctx: typer.Context,
    email: Annotated[
        str | None, typer.Option("--email", help="Send a reset token to this address.")
    ] = None,
    token: Annotated[
        str | None, typer.Option("--token", help="The token from the email: set a new password.")
    ] = None,
    password_stdin: PasswordStdin = False,
    json_: Json = False,
) -> None:
    """Reset a forgotten password by email: first --email, then --token from the message.

    The answer to --email is the same whether or not an account uses the address."""
    from psymitrix_cli.domain import validation as v
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts

    if (email is None) == (token is None):
        raise InvalidInput(messages.RESET_ONE_OF)
    state = AppState.of(ctx, json_)
    term = state.term
    if email is not None:
        state.backend.accounts.request_password_reset(email)
        term.emit({"requested": True}, lambda t, r: t.line(messages.RESET_REQUESTED))
        return
    if password_stdin:
        new = prompts.read_stdin_lines(1)[0]
    else:
        new = prompts.ask_password(
            term, messages.PROMPT_NEW_PASSWORD, confirm=True, check=lambda p: v.password(p)
        )
    state.backend.accounts.confirm_password_reset(token, new)
    state.credentials.delete()
    term.emit({"reset": True}, lambda t, r: t.success(messages.RESET_DONE))


def register(app: typer.Typer) -> None:
    app.add_typer(password_app, name="password", rich_help_panel="Account")
