"""Accounts and logins: signup, login, logout, passwords, recovery, the keyring."""

LOGIN_AGAIN = "Your session is not valid any more; please log in again (psymitrix login)."
NOT_LOGGED_IN = "You are not logged in; run `psymitrix login` (or `psymitrix signup`)."
BAD_CREDENTIALS = "Wrong username/email or password."
BAD_RECOVERY_CODE = "That recovery code is not valid or has already been used."
BAD_RESET_TOKEN = "That reset token is not valid, has expired, or has already been used."
WRONG_PASSWORD = "That password is not correct."
LOGOUT_NOT_REVOKED = (
    "The server could not be reached, so the token was only forgotten here: a copy of it "
    "stays valid until it expires ({expires}). Run `psymitrix password change` when online "
    "to revoke every token."
)
NO_STDIN = "--password-stdin was given but nothing arrived on standard input."
NEED_TTY = "There is no terminal to ask for {what} on; pass {flag}."
PASSWORDS_DIFFER = "The two passwords do not match."
KEYRING_FALLBACK = (
    "No usable system keyring; your login token is kept in {path} (readable only by you)."
)
KEYRING_FAILED = "The system keyring did not answer ({reason}); using {path} instead."
TOKEN_IN_FILE = (
    "The token is kept in {path}, a private file, not the system keyring; "
    "log in again once a keyring is available."
)
KEYRING_PLAINTEXT = (
    "The keyring backend {name} stores the token unencrypted on disk; "
    "prefer the OS keyring (set PYTHON_KEYRING_BACKEND or remove keyrings.alt)."
)
KEYRING_NO_ANSWER = (
    "The system keyring did not answer ({reason}), so your login could not be read. "
    "Try again, raise PSYMITRIX_KEYRING_TIMEOUT, or set PSYMITRIX_TOKEN."
)
RECOVERY_CODES_NOTE = (
    "Save these one-time recovery codes somewhere safe. Each can reset your password once; "
    "they will not be shown again."
)
ACCOUNT_DELETED = "Your account and all of its data have been erased."
RESET_ONE_OF = "Give --email to ask for a reset token, or --token to use one."
RESET_REQUESTED = (
    "If an account uses that address, a reset token is on its way; it works once, for 30 "
    "minutes. Then run `psymitrix password reset --token TOKEN`."
)
RESET_DONE = "Password reset. Log in with `psymitrix login`."
RESET_NEEDS_SERVER = (
    "Password reset by email is offered by a PsyMitrix server (--backend api); on this "
    "machine use a recovery code: psymitrix password recover USERNAME --code CODE."
)
SIGNED_UP = "Welcome, {name}! Your account is ready."
