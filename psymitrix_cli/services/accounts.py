"""Accounts: sign-up, login, profile, passwords, recovery, deletion."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.auth import passwords, tokens
from psymitrix_cli.clock import iso
from psymitrix_cli.domain import validation as v
from psymitrix_cli.domain.account_forms import ProfileChanges, SignupForm
from psymitrix_cli.errors import AuthError, InvalidInput
from psymitrix_cli.services.context import ServiceContext, new_id
from psymitrix_cli.services.scopes import allows
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import COUNTERS, Doc
from psymitrix_cli.store.server_state import server_state

RECOVERY_CODE_COUNT = 10
_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to copy by hand
RECOVERY = "recovery"
RESET = "reset"
RESET_MINUTES = 30
# (email, name, token, minutes valid) -> None; the server passes its mailer's.
ResetSender = Callable[[str, str, str, int], object]
# (old email, name, what changed: [(field label, old, new)]) -> None; the server's mailer.
ChangeNotifier = Callable[[str, str, list[tuple[str, str, str]]], object]
# Changing these moves who can log in or reset the password: they need the password too.
_IDENTITY = {"username": "username", "email": "email address"}


def _recovery_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _code_hash(user_id: str, code: str) -> str:
    # Codes carry ~49 bits of randomness, so a fast hash is enough; binding the hash to
    # the user means a code can only ever unlock its own account.
    normalised = code.strip().lower().replace("-", "").replace(" ", "")
    return hashlib.sha256(f"{user_id}:{normalised}".encode()).hexdigest()


def account_view(user: Doc) -> dict[str, Any]:
    return {
        "userId": user["_id"],
        "username": user["username"],
        "email": user["email"],
        "name": user["name"],
        "phoneNumber": user.get("phoneNumber"),
        "timezone": user["timezone"],
        "createdAt": user.get("createdAt"),
    }


def _reset_hash(token: str) -> str:
    # 256 random bits: a fast hash is enough, and a stolen table reveals no usable token.
    return hashlib.sha256(token.strip().encode()).hexdigest()


class AccountService:
    reset_sender: ResetSender | None = None  # set by the server; no email from the CLI
    change_notifier: ChangeNotifier | None = None  # likewise

    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def _grant(self, user_id: str, version: int) -> dict[str, Any]:
        now = self.ctx.clock.now()
        grant = tokens.issue(
            user_id, version, self.ctx.jwt_secret, now, self.ctx.settings.token_ttl
        )
        return {
            "accessToken": grant.access_token,
            "tokenType": "bearer",
            "expiresIn": grant.expires_in(now),
            "expiresAt": grant.expires_at.isoformat(),
        }

    def _hash(self, password: str) -> str:
        return passwords.hash_password(password, self.ctx.settings.bcrypt_rounds)

    def _new_recovery_codes(self, user_id: str) -> list[str]:
        codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
        now = self.ctx.now_iso()
        self.ctx.store.delete_secrets(user_id, RECOVERY)
        self.ctx.store.add_secrets(
            [
                {
                    "_id": _code_hash(user_id, c),
                    "userId": user_id,
                    "purpose": RECOVERY,
                    "createdAt": now,
                    "expiresAt": None,
                }
                for c in codes
            ]
        )
        return codes

    # --- sign-up and login -------------------------------------------------------
    @allows()
    def signup(self, form: SignupForm) -> dict[str, Any]:
        user_name = v.username(form.username)
        user_email = v.email(form.email)
        user = {
            "_id": new_id(12),
            "name": v.name(form.name),
            "username": user_name,
            "email": user_email,
            "phoneNumber": v.phone(form.phone),
            "timezone": v.timezone(form.timezone),
            "tokenVersion": 0,
        }
        secret = v.password(form.password, username_=user_name, email_=user_email)
        now = self.ctx.now_iso()
        user.update(passwordHash=self._hash(secret), createdAt=now, updatedAt=now)
        user_data: Doc = {
            "userId": user["_id"],
            "visitingStreak": 0,
            "longestStreak": 0,
            "lastStreakUpdate": None,
            **dict.fromkeys(COUNTERS, 0),
        }
        self.ctx.store.create_user(user, user_data)
        codes = self._new_recovery_codes(user["_id"])
        return {
            "userId": user["_id"],
            "username": user_name,
            "name": user["name"],
            "recoveryCodes": codes,
        }

    @allows()
    def login(self, identifier: str | None, password: str | None) -> dict[str, Any]:
        if not identifier or not identifier.strip() or not password:
            raise InvalidInput(messages.LOGIN_NEEDS_BOTH)
        user = self.ctx.store.find_user(identifier.strip())
        stored = (
            user["passwordHash"] if user else passwords.dummy_hash(self.ctx.settings.bcrypt_rounds)
        )
        matched = passwords.verify_password(password, stored)
        if user is None or not matched:
            raise AuthError(messages.BAD_CREDENTIALS)
        return self._grant(user["_id"], int(user.get("tokenVersion", 0)))

    @allows()
    def logout(self, everywhere: bool = False) -> None:
        """Revoke this session's token (everywhere: every token issued so far).

        The token's id is kept as revoked until the token would have expired, so a copy
        of it (another terminal, a script, a thief) stops working now, not at expiry."""
        user_id = self.session.user_id
        if everywhere:
            self.ctx.store.bump_token_version(user_id)
        else:
            claims = self.session.claims
            assert claims is not None  # set by session.user()
            until = iso(claims.expires_at + tokens.LEEWAY)  # as long as verify() could take it
            server_state(self.ctx.store).revoke_token(
                user_id, claims.token_id, until, self.ctx.now_iso()
            )
        self.session.forget()

    # --- the profile --------------------------------------------------------------
    @allows("write", "read")
    def whoami(self) -> dict[str, Any]:
        return account_view(self.session.user())

    @allows()
    def update_profile(self, changes: ProfileChanges) -> dict[str, Any]:
        """Change profile fields; the username and email also need the current password.

        A token alone (perhaps a stolen one) must not be able to move the account's email
        and then reset the password through it; the old address is told of the change."""
        name, username, email = changes.name, changes.username, changes.email
        phone, timezone, current_password = changes.phone, changes.timezone, changes.currentPassword
        fields: Doc = {}
        if name is not None:
            fields["name"] = v.name(name)
        if username is not None:
            fields["username"] = v.username(username)
        if email is not None:
            fields["email"] = v.email(email)
        if phone is not None:
            fields["phoneNumber"] = v.phone(phone)  # an empty string removes the number
        if timezone is not None:
            fields["timezone"] = v.timezone(timezone)
        if not fields:
            raise InvalidInput(messages.PROFILE_NOTHING_TO_UPDATE)
        user = self.session.user()
        changed = [f for f in _IDENTITY if f in fields and fields[f] != user[f]]
        if changed:
            if not current_password:
                raise InvalidInput(messages.IDENTITY_NEEDS_PASSWORD, field="currentPassword")
            if not passwords.verify_password(current_password, user["passwordHash"]):
                raise AuthError(messages.WRONG_PASSWORD)
        fields["updatedAt"] = self.ctx.now_iso()
        self.ctx.store.update_user(user["_id"], fields)
        if "email" in changed:  # a reset token mailed to the old address stops working
            self.ctx.store.delete_secrets(user["_id"], RESET)
        self.session.forget()
        if changed and self.change_notifier is not None:
            changes = [(_IDENTITY[f], str(user[f]), str(fields[f])) for f in changed]
            self.change_notifier(user["email"], user["name"], changes)
        return self.whoami()

    # --- passwords ----------------------------------------------------------------
    @allows()
    def change_password(self, current: str | None, new: str | None) -> dict[str, Any]:
        user = self.session.user()
        if not current or not passwords.verify_password(current, user["passwordHash"]):
            raise AuthError(messages.WRONG_PASSWORD)
        secret = v.password(new, username_=user["username"], email_=user["email"])
        version = self.ctx.store.bump_token_version(
            user["_id"], {"passwordHash": self._hash(secret), "updatedAt": self.ctx.now_iso()}
        )
        self.session.forget()
        return self._grant(user["_id"], version)

    def _set_password_after_proof(self, user: Doc, new_password: str) -> None:
        self.ctx.store.bump_token_version(
            user["_id"], {"passwordHash": self._hash(new_password), "updatedAt": self.ctx.now_iso()}
        )

    @allows()
    def recover_password(self, identifier: str | None, code: str | None, new: str | None) -> None:
        if not identifier or not code:
            raise InvalidInput(messages.RECOVER_NEEDS_BOTH)
        # No account oracle: the rules that need no account come first, then an unknown
        # user and a wrong code get the same answer, and only a proven owner hears the
        # rules that depend on the account. The code is spent only on a password we take.
        secret = v.password(new)
        user = self.ctx.store.find_user(identifier.strip())
        code_hash = _code_hash(user["_id"] if user else "", code)
        now = self.ctx.now_iso()
        if user is None or self.ctx.store.find_secret(RECOVERY, code_hash, now) != user["_id"]:
            raise InvalidInput(messages.BAD_RECOVERY_CODE)
        v.password(secret, username_=user["username"], email_=user["email"])
        if self.ctx.store.consume_secret(RECOVERY, code_hash, now) != user["_id"]:
            raise InvalidInput(messages.BAD_RECOVERY_CODE)
        self._set_password_after_proof(user, secret)

    @allows()
    def request_password_reset(self, email: str | None) -> None:
        """Email a one-time reset token if an account has this address.

        The outcome is the same whether or not it does, so the answer reveals nothing."""
        if self.reset_sender is None:
            raise InvalidInput(messages.RESET_NEEDS_SERVER)
        address = v.email(email)
        user = self.ctx.store.find_user(address)
        if user is None or user["email"] != address:
            return
        token = secrets.token_urlsafe(32)
        now = self.ctx.clock.now()
        self.ctx.store.delete_secrets(user["_id"], RESET)  # only the newest token works
        self._add_reset(user["_id"], _reset_hash(token), now)
        self.reset_sender(user["email"], user["name"], token, RESET_MINUTES)

    def _add_reset(self, user_id: str, token_hash: str, now: datetime) -> None:
        self.ctx.store.add_secrets(
            [
                {
                    "_id": token_hash,
                    "userId": user_id,
                    "purpose": RESET,
                    "createdAt": iso(now),
                    "expiresAt": iso(now + timedelta(minutes=RESET_MINUTES)),
                }
            ]
        )

    @allows()
    def confirm_password_reset(self, token: str | None, new_password: str | None) -> None:
        """Set a new password with an emailed token (once); every session is logged out."""
        if not token or not token.strip():
            raise InvalidInput(messages.BAD_RESET_TOKEN)
        secret = v.password(new_password)  # the general rules, before the token is looked up
        token_hash = _reset_hash(token)
        now = self.ctx.now_iso()
        user_id = self.ctx.store.find_secret(RESET, token_hash, now)
        user = self.ctx.store.get_user(user_id) if user_id else None
        if user is None:
            raise InvalidInput(messages.BAD_RESET_TOKEN)
        # Refused before the token is spent, so it keeps the expiry it was issued with.
        v.password(secret, username_=user["username"], email_=user["email"])
        if self.ctx.store.consume_secret(RESET, token_hash, now) != user["_id"]:
            raise InvalidInput(messages.BAD_RESET_TOKEN)  # spent by a concurrent confirm
        self.ctx.store.delete_secrets(user["_id"], RESET)
        self._set_password_after_proof(user, secret)

    # --- deletion -----------------------------------------------------------------
    @allows()
    def delete_account(self, password: str | None) -> None:
        user = self.session.user()
        if not password or not passwords.verify_password(password, user["passwordHash"]):
            raise AuthError(messages.WRONG_PASSWORD)
        self.ctx.store.delete_user(user["_id"])
        self.session.forget()
