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
NEED_TTY = "There is no terminal to ask for {what} on; pass {flag}."
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

# --- mood journal, gratitude, sleep ---------------------------------------------------
JOURNAL_NOT_FOUND = "No journal entry with ID {id}."
JOURNAL_NOTHING_TO_EDIT = "Nothing to change; give --text, --mood or --tag."
JOURNAL_EMPTY = "No journal entries yet. Write one with `psymitrix journal add`."
JOURNAL_NO_MATCH = "No journal entries match."
JOURNAL_DELETED = "Deleted the journal entry."
GRATITUDE_NOT_FOUND = "No gratitude entry with ID {id}."
GRATITUDE_EMPTY = "No gratitude entries yet. Add one with `psymitrix gratitude add`."
GRATITUDE_NOTHING_TO_REFLECT = (
    "Nothing to look back on yet. When something good happens, note it with "
    "`psymitrix gratitude add`, and it will be here for a moment like this."
)
GRATITUDE_DELETED = "Deleted the gratitude entry."
SLEEP_NOT_FOUND = "No sleep entry for {date}."
SLEEP_ALREADY_LOGGED = "Sleep for {date} is already logged; use --replace to overwrite it."
SLEEP_EMPTY = "No nights logged yet. Log one with `psymitrix sleep log --score N`."
SLEEP_DELETED = "Deleted the sleep entry for {date}."
NOT_DELETED = "Not deleted: confirmation declined."
MORE_ENTRIES = "More: {command} --cursor {cursor}"
EDITOR_HINT = "Esc then Enter, or Ctrl-D, to save · Ctrl-C to cancel"
EDITOR_MISSING = "No editor found; set $EDITOR (or $VISUAL), or leave out --editor."
EDITOR_FAILED = "The editor exited with status {code}; nothing was saved."
EDITOR_NOT_FOUND = "Cannot run the editor {editor!r}: {reason}."
ENTRY_CRISIS_OPENING = (
    "What you wrote sounds really heavy, and you do not have to carry it alone. "
    "Your entry is saved. If you are thinking about ending your life or hurting yourself, "
    "please reach out now to one of these, or to someone you trust who can be with you:"
)
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
    "Stopped early after {cycles} of {planned} cycles; the partial session was saved."
)
BREATHING_STOPPED_DEMO = "Stopped early; nothing was saved (demo)."
BREATHING_DEMO_NOTE = "Demo: this session was not saved."
BREATHING_HINT = "Follow the shape · Ctrl-C to stop"
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
