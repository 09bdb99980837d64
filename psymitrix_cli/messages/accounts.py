"""Accounts and logins: signup, login, logout, passwords, recovery, the keyring."""

# --- Signing up, logging in and out -------------------------------------------------------
LOGIN_AGAIN = "Your session is not valid any more; please log in again (psymitrix login)."
NOT_LOGGED_IN = "You are not logged in; run `psymitrix login` (or `psymitrix signup`)."
BAD_CREDENTIALS = "Wrong username/email or password."
LOGOUT_NOT_REVOKED = (
    "The server could not be reached, so the token was only forgotten here: a copy of it "
    "stays valid until it expires ({expires}). Run `psymitrix password change` when online "
    "to revoke every token."
)
SIGNED_UP = "Welcome, {name}! Your account is ready."
LOGGED_IN = "Logged in as {username}."
LOGIN_NEEDS_BOTH = "Give a username or email and a password."
LOGGED_IN_ON = "Logged in as {username} ({backend})."
WHOAMI_TOKEN_STORAGE = "Token stored in: {storage}"
WHOAMI_TOKEN_EXPIRES = "Token expires:   {value}"
LOGGED_OUT_EVERYWHERE = "Logged out everywhere."
LOGGED_OUT = "Logged out."
WAS_NOT_LOGGED_IN = "You were not logged in."
EXPIRY_UNKNOWN = "unknown"

# --- Passwords, recovery and reset --------------------------------------------------------
BAD_RECOVERY_CODE = "That recovery code is not valid or has already been used."
BAD_RESET_TOKEN = "That reset token is not valid, has expired, or has already been used."
WRONG_PASSWORD = "That password is not correct."
PASSWORDS_DIFFER = "The two passwords do not match."
RECOVERY_CODES_NOTE = (
    "Save these one-time recovery codes somewhere safe. Each can reset your password once; "
    "they will not be shown again."
)
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
PASSWORD_CHANGED = "Password changed; other sessions were logged out."
PASSWORD_EMPTY = "Password cannot be empty."
PASSWORD_TOO_SHORT = "Password must be at least {password_min} characters."
PASSWORD_TOO_LONG = (
    "Password is {size} bytes in UTF-8; the limit is {password_max_bytes} (bcrypt "
    "would silently ignore the rest). Please choose a shorter one."
)
PASSWORD_CONTROL_CHARS = "Password contains control characters."
PASSWORD_IS_IDENTITY = "Password must not be the same as your username or email."
RECOVER_NEEDS_BOTH = "Give your username or email and a recovery code."

# --- The profile and its fields -----------------------------------------------------------
ACCOUNT_DELETED = "Your account and all of its data have been erased."
CONFIRM_ERASE_ACCOUNT = "Erase your account and all of its data for good?"
PROFILE_UPDATED = "Profile updated."
USERNAME_RULE = "Username must be 3–32 characters of letters, digits, '_', '.' or '-'."
EMAIL_INVALID = "{text!r} is not a valid email address."
PHONE_CONTROL_CHARS = "Phone number contains control characters."
PHONE_INVALID = "{raw!r} is not a valid phone number; use international form, e.g. +14155550123."
TIMEZONE_UNKNOWN = "Unknown timezone {text!r}; use an IANA name like Europe/London."
DATE_NOT_ISO = "{label} {value!r} is not a date in the form YYYY-MM-DD."
INSTANT_NOT_ISO = "{label} {value!r} is not an ISO date-time, e.g. 2026-11-24T08:30 or 2026-11-24."
PROFILE_NOTHING_TO_UPDATE = "Nothing to update; give at least one field to change."
IDENTITY_NEEDS_PASSWORD = "Changing your email or username needs your current password."
LABEL_TIMEZONE = "Timezone"

# --- Prompts, and reading secrets from a script -------------------------------------------
NEED_TTY = "There is no terminal to ask for {what} on; pass {flag}."
PROMPT_NAME = "Name"
PROMPT_USERNAME = "Username"
PROMPT_EMAIL = "Email"
PROMPT_PASSWORD = "Password"
PROMPT_IDENTIFIER = "Username or email"
PROMPT_CURRENT_PASSWORD = "Current password"
PROMPT_NEW_PASSWORD = "New password"
PROMPT_REPEAT = "Repeat it"
STDIN_NOT_UTF8 = "What arrived on standard input is not valid UTF-8; send the password as UTF-8."
TTY_PASSWORD = "The password"
TTY_PASSPHRASE = "the passphrase"
TTY_PASSPHRASE_FLAG = "--passphrase-stdin or PSYMITRIX_PASSPHRASE"
TTY_CONFIRM = "Confirmation"

# --- The login token's keyring ------------------------------------------------------------
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
KEYRING_NO_ANSWER_WITHIN = "no answer within {seconds:g}s"
KEYRING_NONE = "no keyring backend"
# Where the login token is kept (whoami, doctor).
TOKEN_IN_ENV = "the PSYMITRIX_TOKEN environment variable"
TOKEN_FILE = "file {path}"
TOKEN_FILE_NO_KEYRING = "file {path} (no usable keyring)"
TOKEN_KEYRING = "system keyring ({name})"
TOKEN_KEYRING_SILENT = "system keyring (not answering: {reason})"
