"""/v1/me and /v1/whoami: the combined profile, profile updates, account deletion."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from psymitrix_cli.domain.account_forms import ProfileChanges
from psymitrix_cli.server.deps import ClientIp, LoginThrottle, Reader, Svc
from psymitrix_cli.server.models import Account, DeleteAccountIn, Json, Me, ProfileIn
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.routes.auth import password_checked

router = APIRouter(tags=["profile"], responses=ERRORS)


@router.get("/me", response_model=Me)
async def me(reads: Reader) -> Response:
    """`{user, userData}`: streak, counts and the most recent entries of each kind."""
    return await reads.json(lambda s: s.profile.me())


@router.patch("/me", response_model=Account)
def update_profile(body: ProfileIn, svc: Svc, throttle: LoginThrottle, ip: ClientIp) -> Json:
    """Change the name, username, email, phone (empty removes it) or timezone.

    The username and email also need `currentPassword`; the old address is told."""

    def update() -> Json:
        return svc.accounts.update_profile(
            ProfileChanges(
                body.name, body.username, body.email, body.phone, body.timezone,
                body.current_password,
            )
        )  # fmt: skip

    if body.username is None and body.email is None:
        return update()
    return password_checked(svc, throttle, ip, update)


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT)
def delete_account(body: DeleteAccountIn, svc: Svc, throttle: LoginThrottle, ip: ClientIp) -> None:
    """Erase the account and every entry of its own (the password confirms it)."""
    password_checked(svc, throttle, ip, lambda: svc.accounts.delete_account(body.password))


@router.get("/whoami", response_model=Account)
async def whoami(reads: Reader) -> Response:
    """The account behind the token."""
    return await reads.json(lambda s: s.accounts.whoami())
