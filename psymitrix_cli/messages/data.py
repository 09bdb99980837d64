"""Export, import and the outbox."""

# --- Export -------------------------------------------------------------------------------
EXPORT_WROTE = "Exported {entries} entries to {path}."
EXPORT_NOT_A_DIR = "{path} exists and is not a directory."
EXPORT_PROGRESS = "Exporting"
EXPORT_MD_EMPTY = "No journal or gratitude entries yet."
EXPORT_MD_LEAVES_OUT = "md is for reading the journal and gratitude; json carries {kind}"
EXPORT_CANNOT_CREATE = "Cannot create {directory}: {strerror}."

# --- Import: the file ---------------------------------------------------------------------
IMPORT_INVALID = "Not a valid PsyMitrix export: {problem} Nothing was imported."
IMPORT_UNREADABLE = "Cannot import {path}: {problem} Nothing was imported."
IMPORT_TOO_LARGE = "it is {size} MB; the limit is {limit} MB."
IMPORT_DONE = "Imported {imported} entries; {skipped} were already there."
IMPORT_DRY_RUN = "Dry run: {imported} entries would be imported; {skipped} are already there."
IMPORT_NOTHING_NEW = "Nothing new to import: everything in this file is already there."
IMPORT_NOT_AN_OBJECT = "it is not a JSON object, so not a PsyMitrix export."
IMPORT_LARGER_THAN = "it is larger than {value} MB."
IMPORT_EMPTY = "it is empty."
IMPORT_NOT_UTF8 = "it is not UTF-8 text."
IMPORT_BAD_NUMBER = "it is not valid JSON: {exc} is not a number JSON allows."
IMPORT_TOO_DEEP = "it is nested too deeply to be an export."
IMPORT_TRUNCATED = "it ends early (truncated?)"
IMPORT_NOT_JSON = "it is not valid JSON"
IMPORT_WHERE = "line {line}, column {column}"
IMPORT_JSON_ERROR = "{what}: {msg} ({where})."
IMPORT_INVALID_CHARS = "contains invalid characters."

# --- Import: a value in a PsyMitrix export (after where it is) ----------------------------
IMPORT_THE_DOCUMENT = "the document"
IMPORT_EXPECTED_OBJECT = "expected an object, got {type}."
IMPORT_EXPECTED_LIST = "expected a list, got {type}."
IMPORT_EXPECTED_TEXT = "expected text, got {type}."
IMPORT_TEXT_EMPTY = "cannot be empty."
IMPORT_TEXT_TOO_LONG = "is too long ({length} characters; the limit is {limit})."
IMPORT_CONTROL_CHARS = "contains control characters."
IMPORT_EXPECTED_COUNT = "expected a whole number of at least {low}, got {value!r}."
IMPORT_EXPECTED_BOOL = "expected true or false, got {value!r}."
IMPORT_BAD_ID = "is not a valid ID."
IMPORT_IN_FUTURE = "{text} is in the future."
IMPORT_NULL = "expected a value, got null."
IMPORT_TOTAL_MISMATCH = "is {total!r}, but the answers add up to {answers}."
IMPORT_BAD_ROLE = "must be 'user' or 'assistant', got {role!r}."
IMPORT_FORMAT_MISMATCH = "expected {format!r}, got {found!r}."
IMPORT_VERSION_UNKNOWN = "{version!r} is not one this PsyMitrix reads ({supported})."
IMPORT_UNKNOWN_KIND = "unknown kind {value!r}."
IMPORT_BAD_ORIGIN = "is not a valid origin."
IMPORT_BAD_TIER = "must be none, concern or acute, got {tier!r}."
IMPORT_BAD_SOURCE = "must be 'you' or 'companion', got {value!r}."
IMPORT_SEQ_TWICE = "{seq} appears twice in this session."
# What a value in an export is, by its JSON type: "expected a list, got {type}".
IMPORT_TYPES = {
    "dict": "an object",
    "list": "a list",
    "str": "text",
    "bool": "true/false",
    "null": "null",
    "number": "a number",
}

# --- Import: a jrnl journal ---------------------------------------------------------------
JRNL_NOT_TEXT = "{where}.{name}: expected text, got {value!r}."
JRNL_NOT_AN_EXPORT = "this is not a jrnl JSON export (no 'entries' list)."
JRNL_BAD_DATE = "{where}.date: {day!r} is not a date in the form YYYY-MM-DD."
JRNL_BAD_TIME = "{where}.time: {clock!r} is not a time like 09:30."
JRNL_NOT_AN_OBJECT = "{where}: expected an object."

# --- The outbox ---------------------------------------------------------------------------
QUEUED_NOTICE = (
    "The PsyMitrix API is not reachable; saved to the outbox ({id}). "
    "Run `psymitrix outbox sync` when it is back."
)
QUEUED_CRISIS_OPENING = (
    "What you shared sounds really heavy, and you do not have to carry it alone. It is "
    "saved on this device. If you are thinking about ending your life or hurting "
    "yourself, please reach out now to one of these, or to someone you trust:"
)
CHECKIN_QUEUED = "check-in: {parts}"
OUTBOX_NOT_FOUND = "No outbox item with ID {item_id!r}."
OUTBOX_EMPTY = "The outbox is empty."
OUTBOX_SENT = "Sent {operation} ({outbox_id})."
OUTBOX_KEPT = "Kept {outbox_id}: the server refused it: {error}"
OUTBOX_OTHER_ACCOUNT = "{skipped} item(s) belong to another account; log in as it to send."
OUTBOX_NOTHING_TO_SEND = "Nothing to send."
OUTBOX_NEEDS_API = "The outbox is sent to a PsyMitrix server: use --backend api."
OUTBOX_NOT_DROPPED = "Not dropped: confirmation declined."
OUTBOX_CONFIRM_DROP = "Throw away {summary!r}?"
OUTBOX_DROPPED = "Dropped."
