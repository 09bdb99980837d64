"""Messages every command may show: unexpected errors, config, dates, IDs."""

# --- Any command --------------------------------------------------------------------------
MISSING_MODULE = "{part} needs the Python module {module}, which is not installed. Run: {command}"
EXTRA_PARTS = {"server": "The server (psymitrix serve)"}
UNEXPECTED = "Something went wrong: {error}. Run again with --debug for details."
INTERRUPTED = "Interrupted."
ENTRY_BUSY = "That entry is being changed by another command; try again."
NO_STDIN_FOR = "{flag} was given but nothing arrived on standard input."
API_UNREACHABLE = "Cannot reach the PsyMitrix API at {base_url} ({reason})."
VERSION = "psymitrix {version}"
ERROR_LINE = "[bold red]Error:[/bold red] {text}"
SEE_HELP = " (see '{command} --help')"
API_ANSWERED = "The API answered HTTP {status}."

# --- Settings (config) --------------------------------------------------------------------
CONFIG_BAD_VALUE = (
    "The config file {path} holds a bad value: {problem} "
    "Fix it with `psymitrix config set {key} VALUE` or `psymitrix config unset {key}`."
)
CONFIG_UNKNOWN_KEY = "Unknown setting {key!r}; choose one of: {choices}."
CONFIG_NOT_A_CHOICE = "{key} must be one of: {choices}."
CONFIG_INT_RANGE = "{name} must be between {low} and {high}; got {value}."
CONFIG_FLOAT_RANGE = "{name} must be between {low:g} and {high:g}; got {value:g}."
CONFIG_NOT_A_URL = "{name} must be an http:// or https:// URL, not {raw!r}."
CONFIG_UNKNOWN_BACKEND = "Unknown backend {chosen!r}; choose one of: {choices}."
CONFIG_BAD_TOML = "The config file {path} is not valid TOML: {exc}"
CONFIG_NOT_AN_INT = "{name} must be a whole number, not {raw!r}."
CONFIG_NOT_A_NUMBER = "{name} must be a number, not {raw!r}."
CONFIG_SAVED = "{key} = {value!r} saved to {path}."
CONFIG_REMOVED = "{key} removed from {path}."
SETTING_NOT_A_DIR = (
    "{setting} is {path}, but {found} is a file, not a directory; point it at a folder."
)
SETTING_IS_A_FILE = "{setting} is {path}, a file, not a directory; point it at a folder."

# --- Dates, IDs and pages -----------------------------------------------------------------
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
PAGE_SIZE_RANGE = "The number of entries must be between 1 and {max_page}; got {size}."
PAGE_CURSOR_INVALID = "That page cursor is not valid."
SINCE_AFTER_UNTIL = "{since} must be on or before {until}."
# What a date error calls the date when it came from no flag (a "yesterday:" prefix).
DATE_FLAG_FALLBACK = "the date"

# --- Files --------------------------------------------------------------------------------
PATH_IS_A_DIRECTORY = "{path} is a directory; give a file name."
FOLDER_MISSING = "The folder {parent} does not exist."
CANNOT_WRITE = "Cannot write {path}: {strerror}."
# Shown for ENOSPC / SQLITE_FULL wherever it is met: the write was rolled back whole.
DISK_FULL = "The disk is full; nothing was saved. Free some space and try again."
