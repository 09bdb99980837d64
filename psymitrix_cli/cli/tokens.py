"""token create | list | revoke: named, long-lived, revocable tokens for scripts.

A script passes one as PSYMITRIX_TOKEN. Making, listing and revoking them needs a
full login (domain/script_tokens.py says what each scope may do)."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli.cli.options import Json
from psymitrix_cli.cli.state import AppState

token_app = typer.Typer(
    help=(
        "Tokens for scripts: named, long-lived and revocable, write-only (the default) "
        "or read-only. A script passes one as PSYMITRIX_TOKEN."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

Name = Annotated[str, typer.Argument(metavar="NAME", help="The token's name, e.g. cron.")]


@token_app.command("create")
def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="A name to know it by, e.g. cron.")],
    days: Annotated[
        int | None,
        typer.Option("--days", help="How long it lives, 1 to 3650 days [default: 365]."),
    ] = None,
    scope: Annotated[
        str,
        typer.Option(
            "--scope", help="write: add entries, read none back; read: read, write nothing."
        ),
    ] = "write",
    json_: Json = False,
) -> None:
    """Make a token; it is shown once, here (only its hash is kept)."""
    from psymitrix_cli.ui.views import tokens as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.tokens.create(name, scope, days), views.created)


@token_app.command("list")
def list_(ctx: typer.Context, json_: Json = False) -> None:
    """Your tokens: name, scope, created, expires, last used (never the token)."""
    from psymitrix_cli.ui.views import tokens as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.tokens.list(), views.listing)


@token_app.command("revoke")
def revoke(ctx: typer.Context, name: Name, json_: Json = False) -> None:
    """Revoke a token by name: a script using it is refused from now on."""
    from psymitrix_cli.ui.views import tokens as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.tokens.revoke(name), views.revoked)


def register(app: typer.Typer) -> None:
    app.add_typer(token_app, name="token", rich_help_panel="Account")
