"""Messages every command may show: unexpected errors, config, dates, IDs."""

MISSING_MODULE = "{part} needs the Python module {module}, which is not installed. Run: {command}"
EXTRA_PARTS = {"server": "The server (psymitrix serve)"}
CONFIG_BAD_VALUE = (
    "The config file {path} holds a bad value: {problem} "
    "Fix it with `psymitrix config set {key} VALUE` or `psymitrix config unset {key}`."
)
UNEXPECTED = "Something went wrong: {error}. Run again with --debug for details."
INTERRUPTED = "Interrupted."
DATE_AMBIGUOUS = (
    "{flag} {text!r} could be read more than one way (day/month or month/day); "
    "write it as YYYY-MM-DD."
)
DATE_UNREADABLE = (
    "{flag} {text!r} is not a date I can read; use YYYY-MM-DD (and HH:MM), or words like "
    "'yesterday', 'yesterday 9pm', 'last monday' or '3 days ago'."
)
ID_TOO_SHORT = "{id!r} is too short to name an entry: give at least {least} characters of its ID."
ID_AMBIGUOUS = "More than one entry's ID starts with {id!r}; give a few more characters."
ID_NO_LAST = "There is no entry yet, so `last` names nothing."
ENTRY_BUSY = "That entry is being changed by another command; try again."
NO_STDIN_FOR = "{flag} was given but nothing arrived on standard input."
