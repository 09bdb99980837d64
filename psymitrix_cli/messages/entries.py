"""The trackers (journal, gratitude, sleep and the generic entries), check-in, review."""

# --- Any tracker, worded with its registry entry (noun, label, command) -----------------
NOTHING_TO_EDIT = "Nothing to change; give {fields}."
ENTRY_NOT_FOUND = "No {noun} with ID {id}."
ENTRIES_EMPTY = "No {label} yet. Add one with `psymitrix {command} add`."
ENTRIES_NO_MATCH = "No {label} match."
ENTRY_DELETED = "Deleted the {noun}."
NOT_DELETED = "Not deleted: confirmation declined."
MORE_ENTRIES = "More: {command} --cursor {cursor}"
ENTRY_CRISIS_CLOSING = "PsyMitrix is not an emergency service; these people are there for you."
CONFIRM_DELETE_ENTRY = "Delete this entry for good?"
NO_TAGS_YET = "No tags yet: add some with --tag, or @tag in a journal entry's text."
NO_TAGS_HERE = "{label} have no tags."
ENTRY_TOO_LONG_AGO = "{field} {value!r} is too long ago (before {earliest})."
EXPECTED_TEXT_GOT = "expected text, got {value!r}."
ENTRY_IN_FUTURE = "{value} is in the future."
ENTRY_FIELD_IN_FUTURE_REPR = "{field} {value!r} is in the future."
ENTRY_FIELD_IN_FUTURE = "{field} {value} is in the future."
ENTRY_NOT_AN_INSTANT = "{value!r} is not an ISO 8601 date-time."
ENTRY_FIELD_REQUIRED = "{field} is required."
TAG_EMPTY = "A tag cannot be empty."
TAG_CONTROL_CHARS = "A tag contains control characters."
TAG_RULE = "Tag {shown!r} is not valid: use 1–{tag_max_len} letters, digits, '-' or '_'."
TAGS_TOO_MANY = "An entry can have at most {tags_max} tags; got {count}."
SESSION_ENDS_IN_FUTURE = "A session cannot end in the future."
ENTRY_ID_LINE = "ID {id}"
A_FIELD = "a field"


def one_of(names: list[str]) -> str:
    """`a, b or c`: the choices a message offers, in words."""
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]


ENTRIES_LIST_COMMAND = "psymitrix {command} list"
LABEL_DATE = "Date"

# --- Mood journal -------------------------------------------------------------------------
JOURNAL_NOT_FOUND = "No journal entry with ID {id}."
JOURNAL_EMPTY = "No journal entries yet. Write one with `psymitrix journal add`."
JOURNAL_NO_MATCH = "No journal entries match."
JOURNAL_DELETED = "Deleted the journal entry."
JOURNAL_PROMPT = "How are you feeling? Write as much as you like."
TTY_ENTRY_TEXT = "The entry text"
MOOD_RANGE = "Mood must be a whole number from 1 (awful) to 5 (great); got {value}."
JOURNAL_SAVED = "{verb} journal entry {id} · mood {mood}{tags}"
TTY_JOURNAL_FLAG = "TEXT (or - to read standard input)"
JOURNAL_VERB_SAVED = "Saved"
JOURNAL_VERB_UPDATED = "Updated"
LABEL_JOURNAL_TEXT = "Journal text"
LABEL_SEARCH = "Search"

# --- Writing in an editor -----------------------------------------------------------------
EDITOR_HINT = "Esc then Enter, or Ctrl-D, to save · Ctrl-C to cancel"
EDITOR_MISSING = "No editor found; set $EDITOR (or $VISUAL), or leave out --editor."
EDITOR_FAILED = "The editor exited with status {code}; nothing was saved."
EDITOR_NOT_FOUND = "Cannot run the editor {editor!r}: {reason}."
EDITOR_AGAIN = "Open the editor again to fix it?"
DRAFT_KEPT = (
    "Your text was not saved, but it is kept in {path} (only you can read it). "
    "Once the problem is solved: psymitrix journal add - < {path}"
)
DRAFT_LOST = "Your text could not be kept in a file either; here it is, to copy:"

# --- Gratitude ----------------------------------------------------------------------------
GRATITUDE_NOT_FOUND = "No gratitude entry with ID {id}."
GRATITUDE_EMPTY = "No gratitude entries yet. Add one with `psymitrix gratitude add`."
GRATITUDE_NOTHING_TO_REFLECT = (
    "Nothing to look back on yet. When something good happens, note it with "
    "`psymitrix gratitude add`, and it will be here for a moment like this."
)
GRATITUDE_DELETED = "Deleted the gratitude entry."
GRATITUDE_ASK = (
    "What are you grateful for today? Up to {most}; press Enter on an empty line when done."
)
GRATITUDE_REFLECT_NUDGE = "Take a breath and remember how that felt."
TTY_GRATITUDE = "What you are grateful for"
GRATITUDE_NOT_TEXT = "Gratitude items must be text."
GRATITUDE_NONE_GIVEN = "Give at least one thing you are grateful for."
GRATITUDE_ITEM_COUNT = "A gratitude entry holds 1 to {gratitude_items_max} items; got {count}."
GRATITUDE_SAVED = "Saved {count} thing{s} to be grateful for."
LABEL_GRATITUDE_ITEM = "Gratitude item {number}"

# --- Sleep --------------------------------------------------------------------------------
SLEEP_NOT_FOUND = "No sleep entry for {date}."
SLEEP_ALREADY_LOGGED = "Sleep for {date} is already logged; use ‹replace› to overwrite it."
SLEEP_EMPTY = "No nights logged yet. Log one with `psymitrix sleep log --score N`."
SLEEP_KEY_HELP = "The night, as YYYY-MM-DD."
SLEEP_DELETED = "Deleted the sleep entry for {date}."
CONFIRM_DELETE_NIGHT = "Delete this night for good?"
SLEEP_ASK = "How well did you sleep, 1–10?"
TTY_SLEEP_SCORE = "The sleep score"
SLEEP_SCORE_NOT_A_NUMBER = "{answer!r} is not a whole number from 1 to 10."
SLEEP_SCORE_RANGE = (
    "Sleep score must be a whole number from {sleep_score_min} to {sleep_score_max}; got {value}."
)
SLEEP_HOURS_RANGE = "Hours of sleep must be between 0 and 24; got {value}."
SLEEP_SAVED = "{verb} sleep for {date}: {score}/{sleep_score_max}{hours}."
SLEEP_REPLACED = "Replaced"
SLEEP_LOGGED = "Logged"
SLEEP_AVERAGE = "{label}: {score:g}/{most}{hours} ({nights} night{s})"
SLEEP_AVERAGE_NONE = "{label}: no nights logged"
SLEEP_LAST_7 = "Last 7 days"
SLEEP_LAST_30 = "Last 30 days"
LABEL_SLEEP_NOTE = "Sleep note"

# --- Activities ---------------------------------------------------------------------------
ACTIVITY_RATING_NOT_AN_INT = "{field} must be a whole number from 0 to 10; got {value!r}."
ACTIVITY_RATING_RANGE = "{field} must be a whole number from 0 to 10; got {value}."
ACTIVITY_DONE_NOT_BOOL = "{done} must be true or false."
ACTIVITY_MOOD_AFTER_NEEDS_DONE = "{mood_after} goes with {done}."
ACTIVITY_MOOD_RANGE = "{field} must be a whole number from 1 (awful) to 5 (great); got {value}."
ACTIVITY_DONE = "Done"
ACTIVITY_PLANNED = "Planned"
ACTIVITY_SAVED = "{verb}: {text} ({id})"
LABEL_ACTIVITY = "The activity"

# --- The check-in -------------------------------------------------------------------------
CHECKIN_DONE = "Checked in: {parts}."
CHECKIN_UPDATED = "Updated the check-in for {day}: {parts}."
CHECKIN_ASK_MOOD = "Mood today, 1 awful … 5 great (Enter to skip)"
CHECKIN_ASK_SLEEP = "Last night's sleep, 1-10 (Enter to skip)"
CHECKIN_ASK_ACTIVITY = "One thing you did today (Enter to skip)"
CHECKIN_OFFER_BREATHING = "Would you like a short breathing exercise now?"
CHECKIN_ASK_NOTE = "A few words about it (optional)"
CHECKIN_ASK_HOURS = "Hours slept (optional)"
CHECKIN_ASK_GRATITUDE = "Something you're grateful for #{number} (Enter to finish)"
TTY_CHECKIN = "the check-in answers"
CHECKIN_NOTE_NEEDS_MOOD = "A check-in note goes with a mood; add {mood} 1-5."
CHECKIN_HOURS_NEED_SCORE = "{sleep_hours} goes with {sleep_score} (last night's score, 1-10)."
CHECKIN_NOTHING = "Nothing to check in; give {mood}, {sleep_score}, {gratitude} or {activity}."
CHECKIN_JOURNAL_TEXT = "Daily check-in: feeling {mood}."

# --- The dashboard and the streak ---------------------------------------------------------
STREAK_REST_DAY = "yesterday was a rest day: one a week keeps the streak going"
DASHBOARD_MOOD = "[bold]Mood [/bold] {sparkline}  [dim]last 14 days[/dim]"
DASHBOARD_SLEEP = "[bold]Sleep[/bold] {sparkline}"
DASHBOARD_NOT_TAKEN = "[bold]{name}[/bold] [dim]not taken yet (psymitrix test)[/dim]"
DASHBOARD_STREAK = "[bold]Streak[/bold] {days} day{s}  [dim](longest {longest})[/dim]{rest}"
DASHBOARD_TODAY = "[bold]Today[/bold] {date}  {checks}"

# --- The review ---------------------------------------------------------------------------
REVIEW_ONE_PERIOD = "Give one of --week, --month, --year or --since."
REVIEW_NO_MOOD = "No mood was logged in this period."
REVIEW_SLEEP_TOO_FEW = (
    "Sleep and next-day mood: not enough yet ({pairs} nights with a mood the next day; "
    "a comparison needs at least 6, with 3 on each side)."
)
REVIEW_GAP = (
    "There was a stretch of {days} days with nothing logged; that happens. Picking up again "
    "is what counts."
)
REVIEW_UNKNOWN_SPAN = "A review covers a week, a month or a year, not {span!r}."
REVIEW_TOO_LONG_AGO = "{field} {value} is more than ten years ago."
REVIEW_TITLE = "[bold]Review[/bold] {start} to {end}"
REVIEW_CALENDAR_LEGEND = "  Mon-Sun, one square a day (red awful … bright green great; · none):"
REVIEW_YEAR_LEGEND = "  A month a row, one square a day (red awful … bright green great; · none):"
REVIEW_SLEEP_MOOD = (
    "On nights you slept {label}, your next-day mood averaged {mood:.1f} ({nights} "
    "nights), against {other_mood:.1f} on the other {other_nights}."
)
REVIEW_ACTIVITY = (
    "You checked in {checkins} time(s), wrote {journal_entries} journal entr{ending}, "
    "noted {gratitude} gratitude and breathed for {breathing_minutes:g} min; "
    "something on {active_days} of {days} days."
)
REVIEW_MOOD_CHART = "  5 ┤ [cyan]{bars}[/cyan]  mood a day, 1 (awful) to 5 (great); · none"
REVIEW_BEST_WORST = "Best day {best} ({best_mood:.1f}); hardest {hardest} ({hardest_mood:.1f})."
REVIEW_CHANGE = " ({sign}{value:.1f} on the period before)"
REVIEW_MOOD = "Mood averaged {average} of 5 over {days} day(s){change}"
REVIEW_SLEEP = "Sleep scored {average} of 10 over {nights} night(s){hours}{change}"
REVIEW_SLEEP_HOURS = ", {hours} a night"
REVIEW_BY_TAG = "By tag"
REVIEW_BY_WEEKDAY = "By weekday"
REVIEW_TEST_ONCE = "{instrument}: {total} ({severity}), one result."
REVIEW_TEST_TREND = (
    "{instrument}: {first} ({first_severity}) to {latest} ({severity}) over {results} results"
)
REVIEW_TEST_IMPROVED = ": a reliable improvement, now in the {severity} range."
REVIEW_TEST_CHANGED = ": a reliable change for the {direction} (±{threshold} or more)."
REVIEW_TEST_WITHIN = ": within ±{threshold}, which can be day-to-day variation."
# "journal entr{y|ies}"
REVIEW_ENTRY = "y"
REVIEW_ENTRIES = "ies"
REVIEW_HOURS_OR_MORE = "{hours:g} h or more"
REVIEW_LESS = "less"
REVIEW_SCORE_OR_MORE = "a score of {score} or more"
REVIEW_LOWER = "lower"
