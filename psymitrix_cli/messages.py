"""User-facing messages that more than one place shows, kept together (as jrnl does)
so wording stays consistent and is easy to review."""

from __future__ import annotations

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
MISSING_MODULE = "{part} needs the Python module {module}, which is not installed. Run: {command}"
EXTRA_PARTS = {"server": "The server (psymitrix serve)"}
CONFIG_BAD_VALUE = (
    "The config file {path} holds a bad value: {problem} "
    "Fix it with `psymitrix config set {key} VALUE` or `psymitrix config unset {key}`."
)
UNEXPECTED = "Something went wrong: {error}. Run again with --debug for details."
INTERRUPTED = "Interrupted."
ACCOUNT_DELETED = "Your account and all of its data have been erased."

# --- mood journal, gratitude, sleep ---------------------------------------------------
JOURNAL_NOT_FOUND = "No journal entry with ID {id}."
NOTHING_TO_EDIT = "Nothing to change; give {fields}."
JOURNAL_EMPTY = "No journal entries yet. Write one with `psymitrix journal add`."
JOURNAL_NO_MATCH = "No journal entries match."
JOURNAL_DELETED = "Deleted the journal entry."
# --- search (domain/search.py, `psymitrix search`) ------------------------------------
SEARCH_EMPTY = "Give some words to search for."
SEARCH_TOO_MANY = "A search holds at most {max} words and phrases."
SEARCH_BAD_OR = "OR goes between two words or phrases to look for (like: walk OR run)."
SEARCH_UNCLOSED_QUOTE = 'A quoted phrase is missing its closing quote (").'
SEARCH_NOTHING_IN = "{part} holds no word to search for (words are letters and digits)."
SEARCH_ONLY_EXCLUDED = "Say what to look for, not only what to leave out (-word)."
SEARCH_BAD_KIND = "There is no {kind} to search; choose from {choices}."
SEARCH_BAD_LIMIT = "Show between 1 and {max} results."
SEARCH_NO_RESULTS = "Nothing matches {query}."
SEARCH_MORE = (
    "Ranked the {window} newest matches; older ones are there too: narrow the search, "
    "or use --since/--until."
)
SEARCH_SCANNED = (
    "This store is encrypted, so there is no search index: the newest {limit} entries of "
    "each kind were decrypted and read, and older ones were not (use --since/--until)."
)
GRATITUDE_NOT_FOUND = "No gratitude entry with ID {id}."
GRATITUDE_EMPTY = "No gratitude entries yet. Add one with `psymitrix gratitude add`."
GRATITUDE_NOTHING_TO_REFLECT = (
    "Nothing to look back on yet. When something good happens, note it with "
    "`psymitrix gratitude add`, and it will be here for a moment like this."
)
GRATITUDE_DELETED = "Deleted the gratitude entry."
SLEEP_NOT_FOUND = "No sleep entry for {date}."
SLEEP_ALREADY_LOGGED = "Sleep for {date} is already logged; use ‹replace› to overwrite it."
SLEEP_EMPTY = "No nights logged yet. Log one with `psymitrix sleep log --score N`."
SLEEP_DELETED = "Deleted the sleep entry for {date}."
# Any tracker's, worded with its registry entry (noun, label, command).
ENTRY_NOT_FOUND = "No {noun} with ID {id}."
ENTRIES_EMPTY = "No {label} yet. Add one with `psymitrix {command} add`."
ENTRIES_NO_MATCH = "No {label} match."
ENTRY_DELETED = "Deleted the {noun}."
NOT_DELETED = "Not deleted: confirmation declined."
MORE_ENTRIES = "More: {command} --cursor {cursor}"
EDITOR_HINT = "Esc then Enter, or Ctrl-D, to save · Ctrl-C to cancel"
EDITOR_MISSING = "No editor found; set $EDITOR (or $VISUAL), or leave out --editor."
EDITOR_FAILED = "The editor exited with status {code}; nothing was saved."
EDITOR_NOT_FOUND = "Cannot run the editor {editor!r}: {reason}."
ENTRY_CRISIS_CLOSING = "PsyMitrix is not an emergency service; these people are there for you."
GRATITUDE_ASK = (
    "What are you grateful for today? Up to {most}; press Enter on an empty line when done."
)
GRATITUDE_REFLECT_NUDGE = "Take a breath and remember how that felt."

# --- breathing and assessments -----------------------------------------------------------
BREATHING_NOT_FOUND = "Breathing session {id} not found."
BREATHING_EMPTY = "No breathing sessions yet. Try one with `psymitrix breathe`."
BREATHING_DELETED = "Deleted the breathing session."
BREATHING_PATTERN_CONFLICT = "Give either --pattern or --custom, not both."
BREATHING_DONE = "Well done: {cycles} of {planned} cycles of {pattern} ({label}) in {duration}."
BREATHING_STOPPED_SAVED = (
    "Stopped there, after {cycles} of {planned} cycles. That still counts: "
    "the partial session was saved as today's practice."
)
BREATHING_STOPPED_DEMO = (
    "Stopped there, after {cycles} of {planned} cycles; nothing was saved (demo)."
)
BREATHING_DEMO_NOTE = "Demo: this session was not saved."
BREATHING_HINT = "Follow the shape · Ctrl-C to stop"
BREATHING_PATTERN_SAVED = (
    "Saved {name} ({label}, {cycleSeconds:g}s a cycle); use it with --pattern {name}."
)
BREATHING_PATTERN_REMOVED = "Removed the saved pattern {name}."
HANDOUT_WRITTEN = 'Wrote the handout "{title}" ({format}) to {path}.'
ASSESSMENT_NOT_FOUND = "Assessment result {id} not found."
ASSESSMENT_EMPTY = "No results yet. Take one with `psymitrix test phq9` or `psymitrix test gad7`."
ASSESSMENT_DELETED = "Deleted the {instrument} result."
ASSESSMENT_NEED_ANSWERS = (
    "The answers are missing and there is no terminal to ask on; pass --answers with "
    "{count} numbers 0-3, e.g. --answers {example}."
)
ASSESSMENT_CANCELLED = "Cancelled; nothing was saved."
ASSESSMENT_RETAKE = "Your previous {instrument} was {ago}. {note}"
ASSESSMENT_DEMO_NOTE = "Demo: this result was not saved."
ASSESSMENT_CRISIS_LINE = (
    "You said you have had thoughts of being better off dead or of hurting yourself: please "
    "reach out now. Call or text 988 (US), or find a crisis line at {iasp}{local}"
)
PICKER_HINT = "0-3 or ↑/↓ + Enter to answer · ← or Backspace: back · Ctrl-C: cancel"
PICKER_DIFFICULTY_HINT = "0-3 or ↑/↓ + Enter to answer · s: skip · ← or Backspace: back"
PICKER_SKIP = "Skip this question"

# --- the AI companion chat ------------------------------------------------------------
CHAT_EMPTY_MESSAGE = "A chat message cannot be empty."
CHAT_TOO_LONG = "That message is too long ({length:,} characters; the limit is {limit:,})."
CHAT_CONTROL_CHARS = "That message contains control characters; remove them and try again."
CHAT_SESSION_AND_CONTINUE = "Give --session or --continue, not both."
CHAT_NOT_FOUND = "No chat session with ID {id}."
CHAT_NOTHING_TO_END = "There is no open chat session to end."
CHAT_EMPTY_REPLY = "The companion sent an empty reply; your message is saved, so try again."
CHAT_SAFE_REPLY = (
    "I'm sorry, I can't share that. I'm an AI, not a crisis service, and I care about your "
    "safety. If you're thinking about hurting yourself, please call or text 988 (US), contact "
    "your local emergency number, or find a line at "
    "https://www.iasp.info/crisis-centres-helplines/. Would you like to tell me a little more "
    "about how you're feeling right now?"
)
CHAT_CRISIS_SUMMARY_TITLE = "Reaching out in a hard moment"
CHAT_CRISIS_SUMMARY = (
    "You reached out during a very hard moment, and the companion shared crisis resources "
    "with you. Those lines are there whenever you need them."
)
CHAT_CRISIS_SUMMARY_NOTE = "Crisis resources were shared during this conversation."
CHAT_OFFLINE_LABEL = "offline companion (no AI service in use)"
CHAT_WELCOME = (
    "PsyMitrix companion · Enter sends · Esc then Enter (or Alt-Enter) adds a line · "
    "/help for commands · /exit or Ctrl-D to leave"
)
CHAT_WELCOME_PIPE = "PsyMitrix companion · one message per line · /help for commands"
CHAT_HELP = (
    "/new       end this session and start a fresh one\n"
    "/end       end this session and save its summary\n"
    "/sessions  list your recent sessions\n"
    "/help      show this help\n"
    "/exit      end the session and leave (also Ctrl-D)\n"
    "Ctrl-C stops a reply while it is arriving; at the prompt it leaves."
)
CHAT_UNKNOWN_COMMAND = "Unknown command {command}; type /help to see the commands."
CHAT_CONTINUING = "Continuing: {title}"
CHAT_NOTHING_TO_CONTINUE = "No earlier session to continue; starting a new one."
CHAT_NEW_SESSION = "New session."
CHAT_SAVED = "Saved the last session: {title}"
CHAT_AFTER_END = "Type a message to start a new session, or /exit to leave."
CHAT_NOTHING_OPEN = "No session is open; type a message to start one."
CHAT_ENDED = "Ended chat session {id}."
CHAT_UNTITLED = "Untitled chat"
CHAT_NO_SESSIONS = "No chat sessions yet. Start one with `psymitrix chat`."
CHAT_MORE = "More: psymitrix chat sessions --cursor {cursor}"
CHAT_REPLY_STOPPED = "Reply stopped; what arrived is saved."
CHAT_REPLY_PARTIAL = "The reply was cut short; what arrived is saved."
CHAT_REPLY_REPLACED = "[That reply was withdrawn by the safety check. Instead:]"
CHAT_INTERRUPTED_MARK = "(interrupted)"
CHAT_NO_JSON_REPL = "The interactive chat has no JSON output; use `psymitrix chat send --json`."
CHAT_CONFIRM_DELETE = "Delete the chat session {title!r} and all of its messages?"
CHAT_DELETED = "Deleted chat session {id}."
CHAT_EXPORTED = "Exported the session to {path}."

# --- export and import ---------------------------------------------------------------------
IMPORT_INVALID = "Not a valid PsyMitrix export: {problem} Nothing was imported."
IMPORT_UNREADABLE = "Cannot import {path}: {problem} Nothing was imported."
IMPORT_TOO_LARGE = "it is {size} MB; the limit is {limit} MB."
IMPORT_DONE = "Imported {imported} entries; {skipped} were already there."
IMPORT_DRY_RUN = "Dry run: {imported} entries would be imported; {skipped} are already there."
IMPORT_NOTHING_NEW = "Nothing new to import: everything in this file is already there."
EXPORT_WROTE = "Exported {entries} entries to {path}."
EXPORT_NOT_A_DIR = "{path} exists and is not a directory."
EXPORT_PROGRESS = "Exporting"
EXPORT_MD_EMPTY = "No journal or gratitude entries yet."
EXPORT_MD_LEAVES_OUT = "md is for reading the journal and gratitude; json carries {kind}"
EDITOR_AGAIN = "Open the editor again to fix it?"
JOURNAL_PROMPT = "How are you feeling? Write as much as you like."
CONFIRM_DELETE_ENTRY = "Delete this entry for good?"
CONFIRM_DELETE_NIGHT = "Delete this night for good?"
SLEEP_ASK = "How well did you sleep, 1–10?"

# --- the outbox ---------------------------------------------------------------------------
QUEUED_NOTICE = (
    "The PsyMitrix API is not reachable; saved to the outbox ({id}). "
    "Run `psymitrix outbox sync` when it is back."
)
QUEUED_CRISIS_OPENING = (
    "What you shared sounds really heavy, and you do not have to carry it alone. It is "
    "saved on this device. If you are thinking about ending your life or hurting "
    "yourself, please reach out now to one of these, or to someone you trust:"
)

STREAK_REST_DAY = "yesterday was a rest day: one a week keeps the streak going"
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
REVIEW_ONE_PERIOD = "Give one of --week, --month or --since."
REVIEW_NO_MOOD = "No mood was logged in this period."
REVIEW_SLEEP_TOO_FEW = (
    "Sleep and next-day mood: not enough yet ({pairs} nights with a mood the next day; "
    "a comparison needs at least 6, with 3 on each side)."
)
REVIEW_GAP = (
    "There was a stretch of {days} days with nothing logged; that happens. Picking up again "
    "is what counts."
)
# --- report (for a clinician) ------------------------------------------------------------
REPORT_TITLE = "PsyMitrix self-report summary"
REPORT_NOT_A_DIAGNOSIS = (
    "This is a summary of what {name} recorded in PsyMitrix themselves (self-report), "
    "from {start} to {end}. It is not a diagnosis: the PHQ-9 and GAD-7 are screening "
    "questionnaires, to be read alongside a clinical assessment."
)
REPORT_RELIABLE_NOTE = (
    "Reliable change (Jacobson-Truax): {phq} points or more on the PHQ-9, {gad} or more on "
    "the GAD-7, between two results. Clinically significant: a reliable fall from the "
    "moderate range or above into the minimal or mild range."
)
REPORT_ITEM9_NOTE = 'PHQ-9 item 9: "{item}". Any answer above "Not at all" is marked.'
REPORT_ITEM9_RAISED = "Item 9 was answered above 0 in {count} of {total} PHQ-9 result(s)."
REPORT_NO_QUESTIONNAIRES = "No PHQ-9 or GAD-7 was taken in this period."
REPORT_NO_PHQ9 = "No PHQ-9 was taken in this period."
REPORT_NO_MOOD = "No mood was rated in this period."
REPORT_NO_SLEEP = "No sleep was logged in this period."
REPORT_JOURNAL_LEFT_OUT = "Journal text is not included in this report."
REPORT_NO_JOURNAL = "No journal entries in this period."
REPORT_NO_SAFETY_PLAN = "No safety plan has been written yet."
REPORT_MACHINE_READABLE = (
    "The questionnaires in a machine-readable form: psymitrix export --format fhir."
)
REPORT_EXISTS = "{path} already exists; pass --force to replace it."
REPORT_HTML_ON_TTY = (
    "An HTML report is a file to open or print, not terminal text: give -o report.html, "
    "or redirect it (psymitrix report --format html > report.html)."
)
REPORT_WRITTEN = "Wrote the {format} report ({start} to {end}) to {path}."
REPORT_SINCE_AFTER_UNTIL = "{since} must be on or before {until}."
DATE_AMBIGUOUS = (
    "{flag} {text!r} could be read more than one way (day/month or month/day); "
    "write it as YYYY-MM-DD."
)
DATE_UNREADABLE = (
    "{flag} {text!r} is not a date I can read; use YYYY-MM-DD (and HH:MM), or words like "
    "'yesterday', 'yesterday 9pm', 'last monday' or '3 days ago'."
)

# --- reminders (remind add/list/remove/fire) ------------------------------------------------
REMIND_NUDGE_CHECKIN = "Time for your daily check-in: psymitrix checkin"
REMIND_NUDGE_SLEEP = "How did you sleep? psymitrix sleep add"
REMIND_NUDGE_PHQ9 = "Your PHQ-9 is due (every 14 days): psymitrix test phq9"
REMIND_NUDGE_GAD7 = "Your GAD-7 is due (every 14 days): psymitrix test gad7"
REMIND_UNKNOWN_KIND = "There is no reminder called {name!r}; choose one of: {kinds}."
REMIND_BAD_TIME = "{text!r} is not a time of day; write it like 21:00, 9:30 or 9pm."
REMIND_UNKNOWN_SCHEDULER = "There is no scheduler called {name!r}; choose one of: {schedulers}."
REMIND_NO_SCHEDULER = (
    "No scheduler found here (no systemd user session, no crontab, not macOS or Windows); "
    "pass --scheduler, or see the line to install by hand with --scheduler cron --dry-run."
)
REMIND_SCHEDULER_FAILED = "{scheduler} refused the reminder ({detail}); nothing was changed."
REMIND_ADDED = "Reminder {kind} set for {at} every day, with {scheduler}."
REMIND_ADDED_EVERY = (
    "Reminder {kind} set: checked every day at {at}, shown once every {days} days, "
    "with {scheduler}."
)
REMIND_WINDOWS = (
    "PsyMitrix does not change the Task Scheduler itself; run this in a terminal "
    "to install the reminder:"
)
REMIND_WINDOWS_REMOVE = "To remove it from the Task Scheduler, run:"
REMIND_DRY_RUN = "Dry run: nothing was installed. This is what `remind add` would do:"
REMIND_NONE = "No reminders yet. Add one with `psymitrix remind add checkin --at 21:00`."
REMIND_NOT_FOUND = "There is no {kind} reminder to remove."
REMIND_REMOVED = "Removed the {kind} reminder."
REMIND_NOT_DUE = "Nothing to remind: {kind} is done already."

# safety report
SAFETY_REPORT_NONE = "No safety events recorded: the screen has not found concern or acute."
SAFETY_REPORT_CONTENT_FREE = (
    "Only the source, tier, kind and time of each event are kept, never content."
)
SAFETY_REPORT_ALL_REMOTE = (
    "--all counts every account, so it reads the store directly: run it on the server's "
    "host with the server's store settings (PSYMITRIX_BACKEND=local or mongo), not over the API."
)
SAFETY_REPORT_SCOPE_ALL = "Every account in {store}:"

# ids people type
ID_TOO_SHORT = "{id!r} is too short to name an entry: give at least {least} characters of its ID."
ID_AMBIGUOUS = "More than one entry's ID starts with {id!r}; give a few more characters."
ID_NO_LAST = "There is no entry yet, so `last` names nothing."

# check-in
ENTRY_BUSY = "That entry is being changed by another command; try again."
CHECKIN_DONE = "Checked in: {parts}."
CHECKIN_UPDATED = "Updated the check-in for {day}: {parts}."
CHECKIN_QUEUED = "check-in: {parts}"
SIGNED_UP = "Welcome, {name}! Your account is ready."
NO_TAGS_YET = "No tags yet: add some with --tag, or @tag in a journal entry's text."
NO_TAGS_HERE = "{label} have no tags."


# --- script tokens (psymitrix token ...) ---------------------------------------------------
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
# --- encryption of the local store (encryption enable|disable|status, export --encrypt) ----
ENCRYPTION_LOCAL_ONLY = (
    "Encryption applies to the embedded store only (--backend local); "
    "this is the {backend} backend."
)
ENCRYPTION_ALREADY_ON = "Encryption is already on for {path}."
ENCRYPTION_ALREADY_OFF = "Encryption is already off for {path}."
ENCRYPTION_ENABLED = "Encryption is on: {count} values encrypted; the key is in {where}."
ENCRYPTION_DISABLED = "Encryption is off: {count} values decrypted; the key is forgotten."
ENCRYPTION_WRONG_KEY = "The encryption key does not open this store's data."
ENCRYPTION_DAMAGED = "An encrypted value in the store is damaged or was moved; it cannot be read."
ENCRYPTION_KEY_MISSING = (
    "The store is encrypted, but its key is not in the keyring ({reason}); "
    "nothing can be read or written until it is back."
)
ENCRYPTION_NEEDS_PASSPHRASE = (
    "The store is encrypted with a passphrase: set PSYMITRIX_PASSPHRASE, or run this in a "
    "terminal to be asked."
)
ENCRYPTION_WHERE_KEYRING = "the system keyring ({backend})"
ENCRYPTION_WHERE_PASSPHRASE = "this store, wrapped with your passphrase (Scrypt)"
ENCRYPTION_NO_KEYRING = (
    "No usable system keyring here: the key is wrapped with a passphrase you choose. "
    "Without the passphrase the data cannot be read; nobody can recover it."
)
WRONG_PASSPHRASE = "Wrong passphrase; nothing was read or written."
PASSPHRASE_EMPTY = "The passphrase must not be empty."
PASSPHRASE_SHORT = "Use a passphrase of at least {min} characters."
PASSPHRASE_PROMPT = "Passphrase"
ENVELOPE_DAMAGED = "the encrypted file is damaged or not a PsyMitrix export."
EXPORT_ENCRYPT_FORMAT = (
    "--encrypt writes one file: use it with --format json, fhir or md and --output."
)
NO_STDIN_FOR = "{flag} was given but nothing arrived on standard input."
PASSPHRASES_DIFFER = "The two passphrases do not match."
CHAT_DELETE_ONE_OR_ALL = "Give one session's ID, or --all."
CHAT_CONFIRM_DELETE_ALL = "Delete every chat session of yours, and the chat input history here?"
CHAT_DELETED_ALL = "Deleted {count} chat sessions, and the chat input history on this machine."
