"""profile update, account delete."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.options import Json, PasswordStdin, Yes
from psymitrix_cli.cli.state import AppState
from psymitrix_cli.domain.account_forms import ProfileChanges

profile_app = typer.Typer(help="Change your profile.", no_args_is_help=True)
account_app = typer.Typer(help="Manage your account.", no_args_is_help=True)


@profile_app.command("update")
def update(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    username: Annotated[str | None, typer.Option(help="New username.")] = None,
    email: Annotated[str | None, typer.Option(help="New email.")] = None,
    phone: Annotated[str | None, typer.Option(help="New phone number ('' removes it).")] = None,
    timezone: Annotated[str | None, typer.Option(help="New IANA timezone.")] = None,
    password_stdin: PasswordStdin = False,
    json_: Json = False,
) -> None:
    """Update your name, username, email, phone or timezone.

    A new username or email also needs your current password (asked for, or one line
    on standard input with --password-stdin)."""
    from psymitrix_cli.ui import prompts
    from psymitrix_cli.ui.views import accounts as views

    state = AppState.of(ctx, json_)
    current = None
    if username is not None or email is not None:
        if password_stdin:
            current = prompts.read_stdin_lines(1)[0]
        else:
            current = prompts.ask_password(
                state.term, messages.PROMPT_CURRENT_PASSWORD, confirm=False, check=lambda p: p
            )
    changes = ProfileChanges(name, username, email, phone, timezone, current)
    result = state.backend.accounts.update_profile(changes)
    state.term.emit(result, lambda t, r: (t.success(messages.PROFILE_UPDATED), views.account(t, r)))


@account_app.command("delete")
def delete(
    ctx: typer.Context,
    yes: Yes = False,
    password_stdin: PasswordStdin = False,
    json_: Json = False,
) -> None:
    """Erase your account and every entry of yours. This cannot be undone."""
    from psymitrix_cli import messages
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts

    state = AppState.of(ctx, json_)
    term = state.term
    if not yes and not prompts.confirm(term, messages.CONFIRM_ERASE_ACCOUNT):
        raise InvalidInput(messages.NOT_DELETED)
    if password_stdin:
        password = prompts.read_stdin_lines(1)[0]
    else:
        password = prompts.ask_password(
            term, messages.PROMPT_PASSWORD, confirm=False, check=lambda p: p
        )
    from psymitrix_cli.backends.outbox import token_subject

    user_id = token_subject(state.credentials.get() or "")
    state.backend.accounts.delete_account(password)
    state.credentials.delete()
    from psymitrix_cli.cli.plan_copy import forget_local_copy

    forget_local_copy(state)  # the copy help-now reads goes with the login
    _remove_local_files(state, user_id)
    term.emit({"deleted": True}, lambda t, r: t.success(messages.ACCOUNT_DELETED))


def _remove_local_files(state: AppState, user_id: str | None) -> None:
    """What this machine kept of the account: its queued writes in the outbox, its
    editor drafts, and the chat input history older versions wrote (one file shared by
    every account here)."""
    from psymitrix_cli.backends.outbox import Outbox
    from psymitrix_cli.cli.chat import forget_history
    from psymitrix_cli.ui.editor import draft_prefix

    forget_history(state)
    if user_id is None:
        return
    for draft in (state.settings.data_dir / "drafts").glob(f"{draft_prefix(user_id)}*.md"):
        draft.unlink(missing_ok=True)
    box = Outbox(state.settings.data_dir)
    for item in list(box.items(opened=False)):
        if item.get("userId") == user_id:
            box.remove(item)


def register(app: typer.Typer) -> None:
    app.add_typer(profile_app, name="profile", rich_help_panel="Account")
    app.add_typer(account_app, name="account", rich_help_panel="Account")
