"""password change, password recover."""

from __future__ import annotations

from typing import Annotated

import typer

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
        current = prompts.ask_password(term, "Current password", confirm=False, check=lambda p: p)
        new = prompts.ask_password(
            term, "New password", confirm=True, check=lambda p: v.password(p)
        )
    grant = state.backend.accounts.change_password(current, new)
    state.credentials.set(grant["accessToken"])
    term.emit(
        {"changed": True, "expiresAt": grant["expiresAt"]},
        lambda t, r: t.success("Password changed; other sessions were logged out."),
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
            term, "New password", confirm=True, check=lambda p: v.password(p)
        )
    state.backend.accounts.recover_password(identifier, code, new)
    state.credentials.delete()
    term.emit(
        {"recovered": True},
        lambda t, r: t.success("Password reset. Log in with `psymitrix login`."),
    )


def register(app: typer.Typer) -> None:
    app.add_typer(password_app, name="password", rich_help_panel="Account")
