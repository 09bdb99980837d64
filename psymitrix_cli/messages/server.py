"""The hosted API (psymitrix serve): its settings and request headers."""

# --- Starting the server ------------------------------------------------------------------
SERVE_LISTENING = "PsyMitrix API on http://{host}:{port} (store: {where})"
JWT_SECRET_MISSING = (
    "PSYMITRIX_JWT_SECRET is not set; the server needs a signing secret of at least "
    "{min_secret_bytes} bytes (e.g. `python -c 'import secrets; "
    "print(secrets.token_urlsafe(48))'`)."
)
JWT_SECRET_SHORT = (
    "PSYMITRIX_JWT_SECRET is too short ({size} bytes); use at least {min_secret_bytes}."
)

# --- Requests -----------------------------------------------------------------------------
CLOCK_HEADER_NOT_AN_INSTANT = "{clock_header} is not an ISO instant."
IDEMPOTENCY_IN_PROGRESS = "A request with this {header} is being processed; retry it."
IDEMPOTENCY_KEY_RULE = "{header} must be 8-128 characters of letters, digits, '.', '_', ':' or '-'."
IDEMPOTENCY_KEY_REUSED = "This {header} was already used for a different request."
TOO_MANY_ATTEMPTS = "Too many failed attempts; wait {seconds} seconds and try again."
# What an HTTP client is told: server-side trouble gets a fixed line (its text can name
# paths or hosts, which are the operator's to read, in the log).
SERVER_INTERNAL = "Something went wrong on the server."
SERVER_UNAVAILABLE = "The service is temporarily unavailable; please try again in a moment."
REQUEST_INVALID = "The request is not valid."
REQUEST_MORE_ERRORS = " (and {count} more)"
REQUEST_FAILED = "The request failed."
REQUEST_TOO_LARGE = "The request body is larger than {kib} KiB."
STORE_NOT_REACHABLE = "The store is not reachable."
REPLY_FAILED = "The reply failed."
RESET_REPLY = (
    "If an account uses that email address, a reset token is on its way. "
    "It works once, within 30 minutes."
)

# --- The emails the server sends ----------------------------------------------------------
# The emails the server sends.
MAIL_SUBJECT = "Your PsyMitrix password reset"
MAIL_BODY = """Hello {name},

Someone (we hope you) asked to reset the password of your PsyMitrix account.
Your one-time reset token is:

    {token}

It works once, within {minutes} minutes. To use it, send it with your new password
to POST /v1/auth/reset/confirm, or give it to your PsyMitrix client.

If you did not ask for this, ignore this email: your password has not changed.
"""
MAIL_CHANGE_SUBJECT = "Your PsyMitrix account details were changed"
MAIL_CHANGE_BODY = """Hello {name},

The following details of your PsyMitrix account were just changed:

{changes}

If you made this change, there is nothing to do. If you did not, someone may have
your password: sign in, change your password (every other session is logged out),
and change these details back. This notice goes to the address the account had
before the change.
"""
