"""The "about me" memory: notes the person keeps for the companion, and its proposals."""

MEMORY_NOT_TEXT = "A note must be text."
MEMORY_NOT_A_LIST = "notes: expected a list of text."
MEMORY_LINE = "Line {line}: "
MEMORY_EMPTY = "a note cannot be empty."
MEMORY_ONE_LINE = "a note is one line; write two notes for two things."
MEMORY_CONTROL_CHARS = "a note cannot contain control characters."
MEMORY_TOO_LONG = "a note is at most {limit} characters; this one has {length}."
MEMORY_ALREADY = "You already have that note (number {number}); nothing was added."
MEMORY_FULL = (
    "You have {limit} notes, the most PsyMitrix keeps; `psymitrix memory forget N` one "
    "first, or `psymitrix memory edit` them."
)
MEMORY_EDIT_TWICE = "Line {line} says the same as an earlier line; nothing was saved."
MEMORY_EDIT_TOO_MANY = "That is {count} notes; PsyMitrix keeps at most {limit}. Nothing was saved."
MEMORY_NO_NUMBER = "There is no note {number}: you have {count} (see `psymitrix memory show`)."
MEMORY_NOT_FOUND = "No note {id}: see `psymitrix memory show`."
MEMORY_EDIT_HEADER = (
    "# About you: one short note per line, for the companion to keep in mind.\n"
    "# Lines starting with # are ignored. At most {limit} notes of {length} characters.\n"
    "# Delete a line to forget it; save an empty file to forget everything.\n"
)
MEMORY_EDIT_NEEDS_INPUT = (
    "There is no terminal to open an editor on: pass the notes to keep as --text NOTE "
    "(once per note), or --text - to read them from standard input, one per line."
)
TTY_MEMORY_CLEAR = "confirmation"
MEMORY_CONFIRM_CLEAR = "Forget all {count} notes about you?"
MEMORY_NOT_CLEARED = "Not cleared: confirmation declined."
MEMORY_EMPTY_VIEW = (
    'No notes about you yet. `psymitrix memory add "..."` keeps one for the companion, '
    "for example what helps you or what you'd rather it didn't suggest."
)
MEMORY_HEADING_VIEW = "What the companion keeps in mind about you ({count} of {limit}):"
MEMORY_FROM_COMPANION = "suggested by the companion; you said yes"
MEMORY_FOOTER = (
    "These go to the AI with each message (not with --no-memory, and never with a message "
    "the safety screen reads as a crisis). `memory forget N` removes one."
)
MEMORY_ADDED = "Remembered: {text}"
MEMORY_FORGOT = "Forgotten: {text}"
MEMORY_CLEARED = "Forgot {count} notes about you."
MEMORY_NOTHING_TO_CLEAR = "There were no notes to forget."
MEMORY_SAVED = "Saved {count} notes about you."
MEMORY_UNCHANGED = "No change to your notes."
MEMORY_PROPOSAL_ASK = "Remember this about you? \u201c{text}\u201d"
MEMORY_PROPOSAL_KEPT = "Remembered. `psymitrix memory show` lists what the companion keeps."
MEMORY_PROPOSAL_DECLINED = "Not remembered."
MEMORY_PROPOSAL_NOT_SAVED = (
    "The companion suggested remembering: \u201c{text}\u201d. Not saved (no terminal to ask on); "
    "`psymitrix memory add` keeps it if you want."
)
MEMORY_PROPOSAL_FAILED = "Not remembered: {problem}"
