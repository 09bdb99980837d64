"""Script tokens (psymitrix token ...)."""

TOKEN_NAME_RULE = "A token name is 1–40 letters, digits, '.', '_' or '-' (like cron or backup)."
TOKEN_SCOPE_RULE = "A token's scope is write or read, not {scope!r}."
TOKEN_DAYS_RULE = "A token lives from 1 to {max} days."
TOKEN_NAME_TAKEN = "You have a token named {name!r} already; revoke it first or pick another name."
TOKEN_NOT_FOUND = "You have no token named {name!r} (psymitrix token list shows them)."
TOKEN_REVOKED = (
    "This script token was revoked (or never existed); log in and create a new one "
    "with `psymitrix token create`."
)
TOKEN_REVOKED_EVERYWHERE = (
    "This script token ({name!r}) was revoked by a password change or `logout --all`; "
    "log in and create a new one with `psymitrix token create`."
)
TOKEN_EXPIRED = (
    "This script token ({name!r}) expired on {date}; log in and create a new one "
    "with `psymitrix token create --name {name}`."
)
TOKEN_WRITE_ONLY = (
    "Refused: {name!r} is a write-only script token; it can add entries, not read them, "
    "change the account or delete anything. Log in for that."
)
TOKEN_READ_ONLY = (
    "Refused: {name!r} is a read-only script token; it can read, not add, change or "
    "delete anything. Log in for that."
)
TOKEN_CREATED = "Token {name!r} ({scope}) created; it expires on {date}."
TOKEN_SHOWN_ONCE = "Copy it now: it is shown only this once. Use it as PSYMITRIX_TOKEN=<token>."
TOKEN_REVOKED_DONE = "Token {name!r} revoked; a script using it is refused from now on."
TOKENS_NONE = "No script tokens yet; `psymitrix token create --name cron` makes one."
