"""auth status."""

from __future__ import annotations

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

auth_app = typer.Typer(help="Inspect the stored login.", no_args_is_help=True)


@auth_app.command("status")
def status(ctx: typer.Context, json_: Json = False) -> None:
    """Where the token is stored, when it expires, and whether it is still accepted."""
    from psymitrix_cli.auth.tokens import unverified_expiry
    from psymitrix_cli.errors import AuthError
    from psymitrix_cli.ui.views import accounts as views

    state = AppState.of(ctx, json_)
    token = state.credentials.get()
    storage, warning = state.credentials.describe()
    result: dict[str, object] = {
        "loggedIn": False,
        "backend": state.settings.backend,
        "storage": storage,
        "storageWarning": warning,
        "expiresAt": None,
    }
    if token:
        expiry = unverified_expiry(token)
        result["expiresAt"] = expiry.isoformat() if expiry else None
        try:
            me = state.backend.accounts.whoami()
            result.update(loggedIn=True, username=me["username"], userId=me["userId"])
        except AuthError as exc:
            result["reason"] = exc.message
    state.term.emit(result, views.auth_status)
    if not result["loggedIn"]:
        raise typer.Exit(3)


def register(app: typer.Typer) -> None:
    app.add_typer(auth_app, name="auth", rich_help_panel="Account")
