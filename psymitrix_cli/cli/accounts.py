"""signup, login, logout, whoami, me."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, PasswordStdin
from psymitrix_cli.cli.state import AppState


def _store_token(state: AppState, grant: dict[str, str]) -> str:
    return state.credentials.set(grant["accessToken"])


def signup(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Your name.")] = None,
    username: Annotated[str | None, typer.Option(help="3–32 of a-z 0-9 _ . -")] = None,
    email: Annotated[str | None, typer.Option(help="Your email address.")] = None,
    phone: Annotated[
        str | None, typer.Option(help="Optional, international form (+14155550123).")
    ] = None,
    timezone: Annotated[
        str | None,
        typer.Option(help="IANA timezone, e.g. Europe/London. [default: this machine's]"),
    ] = None,
    password_stdin: PasswordStdin = False,
    json_: Json = False,
) -> None:
    """Create an account (and log in). Prompts for anything missing when on a terminal."""
    from psymitrix_cli.domain import validation as v
    from psymitrix_cli.domain.account_forms import SignupForm
    from psymitrix_cli.localtz import machine_timezone
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import accounts as views

    state = AppState.of(ctx, json_)
    term = state.term
    name = name if name is not None else prompts.ask(term, messages.PROMPT_NAME, "--name", v.name)
    username = (
        username
        if username is not None
        else prompts.ask(term, messages.PROMPT_USERNAME, "--username", v.username)
    )
    email = (
        email if email is not None else prompts.ask(term, messages.PROMPT_EMAIL, "--email", v.email)
    )
    if password_stdin:
        password = prompts.read_stdin_lines(1)[0]
    else:
        password = prompts.ask_password(
            term,
            messages.PROMPT_PASSWORD,
            confirm=True,
            check=lambda p: v.password(p, username_=username, email_=email),
        )
    form = SignupForm(name, username, email, password, timezone or machine_timezone(), phone)
    result = state.backend.accounts.signup(form)
    _store_token(state, state.backend.accounts.login(result["username"], password))
    term.emit(result, views.signed_up)


def login(
    ctx: typer.Context,
    identifier: Annotated[str | None, typer.Argument(help="Username or email.")] = None,
    password_stdin: PasswordStdin = False,
    json_: Json = False,
) -> None:
    """Log in and keep the token in the system keyring."""
    from psymitrix_cli.domain import validation as v
    from psymitrix_cli.ui import prompts

    state = AppState.of(ctx, json_)
    term = state.term
    if identifier is None:
        identifier = prompts.ask(
            term,
            messages.PROMPT_IDENTIFIER,
            "IDENTIFIER",
            lambda s: v.clean_text(s, messages.PROMPT_IDENTIFIER, 254),
        )
    if password_stdin:
        password = prompts.read_stdin_lines(1)[0]
    else:
        password = prompts.ask_password(
            term, messages.PROMPT_PASSWORD, confirm=False, check=lambda p: p
        )
    grant = state.backend.accounts.login(identifier, password)
    storage = _store_token(state, grant)
    me = state.backend.accounts.whoami()
    result = {
        "userId": me["userId"],
        "username": me["username"],
        "expiresAt": grant["expiresAt"],
        "storage": storage,
    }
    term.emit(result, lambda t, r: t.success(messages.LOGGED_IN.format(username=r["username"])))


def logout(
    ctx: typer.Context,
    everywhere: Annotated[
        bool, typer.Option("--all", help="Log out every device: revoke all tokens.")
    ] = False,
    json_: Json = False,
) -> None:
    """Revoke this terminal's token and forget it (--all: every token issued so far)."""
    from psymitrix_cli import messages
    from psymitrix_cli.errors import AuthError, BackendUnavailable, Forbidden

    state = AppState.of(ctx, json_)
    token = state.credentials.get()
    revoked = False
    if token is not None or everywhere:
        try:
            state.backend.accounts.logout(everywhere=everywhere)
            revoked = True
        except Forbidden:
            raise  # a script token: `token revoke` ends it; the login stored here stays
        except AuthError:
            if everywhere:
                raise
            # Already refused (expired, revoked, another secret): nothing left to revoke.
        except BackendUnavailable:
            if everywhere:
                raise
            from psymitrix_cli.auth.tokens import unverified_expiry

            expiry = unverified_expiry(token or "")
            shown = expiry.isoformat() if expiry else messages.EXPIRY_UNKNOWN
            state.term.notice(messages.LOGOUT_NOT_REVOKED.format(expires=shown))
    state.credentials.delete()
    from psymitrix_cli.cli.plan_copy import forget_local_copy

    forget_local_copy(state)  # the copy help-now reads goes with the login
    result = {"loggedOut": token is not None, "revoked": revoked, "everywhere": everywhere}
    text = (
        messages.LOGGED_OUT_EVERYWHERE
        if everywhere
        else (messages.LOGGED_OUT if token is not None else messages.WAS_NOT_LOGGED_IN)
    )
    state.term.emit(result, lambda t, r: t.success(text))


def whoami(ctx: typer.Context, json_: Json = False) -> None:
    """Show who is logged in."""
    from psymitrix_cli.ui.views import accounts as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.accounts.whoami(), views.account)


def me(ctx: typer.Context, json_: Json = False) -> None:
    """Your profile with streak, counts and recent entries (the combined profile view)."""
    from psymitrix_cli.ui.views import accounts as views

    state = AppState.of(ctx, json_)
    state.term.emit(state.backend.profile.me(), views.profile)


def register(app: typer.Typer) -> None:
    for command in (signup, login, logout, whoami, me):
        app.command(rich_help_panel="Account")(command)
