"""/v1/auth: sign-up, login (throttled), logout, passwords, recovery and email reset.

Routes are sync `def`s: bcrypt runs in the threadpool, never on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, status

from psymitrix_cli import messages
from psymitrix_cli.domain.account_forms import SignupForm
from psymitrix_cli.errors import AuthError, InvalidInput
from psymitrix_cli.server.deps import ClientIp, LoginThrottle, Public, Services, Svc
from psymitrix_cli.server.models import (
    Accepted,
    Grant,
    Json,
    LoginIn,
    PasswordChangeIn,
    RecoverIn,
    ResetConfirmIn,
    ResetRequestIn,
    SignedUp,
    SignupIn,
)
from psymitrix_cli.server.routes import ERRORS
from psymitrix_cli.server.throttle import BoundThrottle

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERRORS)
T = TypeVar("T")


def password_checked(
    svc: Services, throttle: BoundThrottle, ip: str | None, action: Callable[[], T]
) -> T:
    """Run an action that checks the current password, counted in the login's buckets
    (the account and the IP): a stolen token must not be a way to guess the password."""
    account = str(svc.accounts.whoami()["username"])  # an invalid token fails here, uncounted
    throttle.check(account, ip)
    try:
        result = action()
    except AuthError:
        throttle.failed(account, ip)
        raise
    throttle.succeeded(account)
    return result


@router.post("/signup", status_code=status.HTTP_201_CREATED, response_model=SignedUp)
def signup(body: SignupIn, public: Public) -> Json:
    """Create an account; the answer holds its one-time recovery codes (shown once)."""
    return public.accounts.signup(SignupForm(**body.model_dump()))


@router.post("/login", response_model=Grant)
def login(body: LoginIn, public: Public, throttle: LoginThrottle, ip: ClientIp) -> Json:
    """A bearer token for a username or email and password."""
    throttle.check(body.identifier, ip)
    try:
        grant = public.accounts.login(body.identifier, body.password)
    except AuthError:
        throttle.failed(body.identifier, ip)
        raise
    throttle.succeeded(body.identifier)
    return grant


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(svc: Svc) -> None:
    """Revoke this token: a copy of it is refused from now on. (logout-all: every token.)"""
    svc.accounts.logout(everywhere=False)


@router.post("/logout-all", status_code=status.HTTP_204_NO_CONTENT)
def logout_all(svc: Svc) -> None:
    """Revoke every token issued so far, this one included."""
    svc.accounts.logout(everywhere=True)


@router.post("/password", response_model=Grant)
def change_password(
    body: PasswordChangeIn, svc: Svc, throttle: LoginThrottle, ip: ClientIp
) -> Json:
    """Change the password; other tokens are revoked and a fresh one is returned."""
    return password_checked(
        svc,
        throttle,
        ip,
        lambda: svc.accounts.change_password(body.current_password, body.new_password),
    )


@router.post("/recover", status_code=status.HTTP_204_NO_CONTENT)
def recover(body: RecoverIn, public: Public, throttle: LoginThrottle, ip: ClientIp) -> None:
    """Set a new password with a one-time recovery code."""
    throttle.check(body.identifier, ip)
    try:
        public.accounts.recover_password(body.identifier, body.code, body.new_password)
    except InvalidInput:
        throttle.failed(body.identifier, ip)
        raise


@router.post("/reset/request", status_code=status.HTTP_202_ACCEPTED, response_model=Accepted)
def reset_request(
    body: ResetRequestIn, public: Public, throttle: LoginThrottle, ip: ClientIp
) -> Json:
    """Email a one-time reset token. The reply is the same whether or not the address
    has an account."""
    # Counted per address and IP on every request (not just failures): it caps the
    # email any one address can be sent, without saying whether it exists.
    throttle.check(body.email, ip)
    throttle.failed(body.email, ip)
    public.accounts.request_password_reset(body.email)
    return {"message": messages.RESET_REPLY}


@router.post("/reset/confirm", status_code=status.HTTP_204_NO_CONTENT)
def reset_confirm(
    body: ResetConfirmIn, public: Public, throttle: LoginThrottle, ip: ClientIp
) -> None:
    """Set a new password with the emailed token (once, within 30 minutes)."""
    throttle.check(None, ip)
    try:
        public.accounts.confirm_password_reset(body.token, body.new_password)
    except InvalidInput:
        throttle.failed(None, ip)
        raise
