"""User-facing messages that more than one place shows, kept together (as jrnl does)
so wording stays consistent and is easy to review."""

from __future__ import annotations

LOGIN_AGAIN = "Your session is not valid any more; please log in again (psymitrix login)."
NOT_LOGGED_IN = "You are not logged in; run `psymitrix login` (or `psymitrix signup`)."
BAD_CREDENTIALS = "Wrong username/email or password."
BAD_RECOVERY_CODE = "That recovery code is not valid or has already been used."
BAD_RESET_TOKEN = "That reset token is not valid, has expired, or has already been used."
WRONG_PASSWORD = "That password is not correct."
NO_STDIN = "--password-stdin was given but nothing arrived on standard input."
NEED_TTY = "{what} is missing and there is no terminal to ask on; pass {flag}."
PASSWORDS_DIFFER = "The two passwords do not match."
KEYRING_FALLBACK = (
    "No usable system keyring; your login token is kept in {path} (readable only by you)."
)
KEYRING_FAILED = "The system keyring did not answer ({reason}); using {path} instead."
RECOVERY_CODES_NOTE = (
    "Save these one-time recovery codes somewhere safe. Each can reset your password once; "
    "they will not be shown again."
)
UNEXPECTED = "Something went wrong: {error}. Run again with --debug for details."
INTERRUPTED = "Interrupted."
ACCOUNT_DELETED = "Your account and all of its data have been erased."
