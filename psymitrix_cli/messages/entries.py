"""The trackers (journal, gratitude, sleep and the generic entries), check-in, review."""

JOURNAL_NOT_FOUND = "No journal entry with ID {id}."
NOTHING_TO_EDIT = "Nothing to change; give {fields}."
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
EDITOR_AGAIN = "Open the editor again to fix it?"
JOURNAL_PROMPT = "How are you feeling? Write as much as you like."
CONFIRM_DELETE_ENTRY = "Delete this entry for good?"
CONFIRM_DELETE_NIGHT = "Delete this night for good?"
SLEEP_ASK = "How well did you sleep, 1–10?"
STREAK_REST_DAY = "yesterday was a rest day: one a week keeps the streak going"
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
CHECKIN_DONE = "Checked in: {parts}."
CHECKIN_UPDATED = "Updated the check-in for {day}: {parts}."
NO_TAGS_YET = "No tags yet: add some with --tag, or @tag in a journal entry's text."
NO_TAGS_HERE = "{label} have no tags."
