"""Breathing sessions, handouts and the assessments (PHQ-9, GAD-7)."""

# --- Breathing sessions -------------------------------------------------------------------
BREATHING_NOT_FOUND = "Breathing session {id} not found."
BREATHING_EMPTY = "No breathing sessions yet. Try one with `psymitrix breathe`."
BREATHING_DELETED = "Deleted the breathing session."
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
BREATHING_CYCLES_OR_MINUTES = "Give either a number of cycles or a number of minutes, not both."
BREATHING_CYCLES_AT_LEAST_ONE = "Cycles must be a whole number of at least 1; got {cycles}."
BREATHING_FPS_RANGE = "Frames per second must be 0 or more; got {fps}."
BREATHING_CYCLES_RANGE = "Cycles must be a whole number from 1 to {max_cycles}; got {cycles}."
BREATHING_MINUTES_RANGE = "Minutes must be above 0 and at most {max_minutes:g}; got {minutes}."
BREATHING_KEY_HELP = "The session's ID (see `psymitrix breathe list`)."
BREATHING_PHASE_LINE = "Cycle {cycle}/{planned} · {phase} · {seconds:g}s"
BREATHING_CONFIRM_DELETE = "Delete this breathing session?"

# --- Breathing patterns -------------------------------------------------------------------
BREATHING_PATTERN_CONFLICT = "Give either --pattern or --custom, not both."
BREATHING_PATTERN_SAVED = (
    "Saved {name} ({label}, {cycleSeconds:g}s a cycle); use it with --pattern {name}."
)
BREATHING_PATTERN_REMOVED = "Removed the saved pattern {name}."
BREATHING_UNKNOWN_PATTERN = "Unknown breathing pattern {name!r}; choose one of: {names}."
BREATHING_PATTERN_NOT_TEXT = "Pattern and label must be text."
BREATHING_PATTERN_NAME_RULE = (
    "A pattern name is 1-24 letters, digits, '-' or '_', starting with a letter; got {name!r}."
)
BREATHING_PATTERN_BUILT_IN = "{name!r} is the name of a built-in pattern; pick another."
BREATHING_PATTERNS_FULL = "At most {max_saved} saved patterns; remove one first."
BREATHING_PATTERN_NOT_SAVED = "No saved pattern {name!r} ({known})."
BREATHING_PHASE_RANGE = (
    "‹{field}› must be {low} and at most {max_phase_seconds:g} seconds; got {seconds:g}."
)
BREATHING_SAVED_PATTERN_BAD = (
    "The saved breathing pattern {name!r} ({saved_key} in the config file) is not "
    "valid: {message} Remove it with `psymitrix breathe patterns remove NAME` or "
    "`psymitrix config unset {saved_key}`."
)
BREATHING_CUSTOM_HINT = (
    "Or your own rhythm: psymitrix breathe --custom IN-HOLD-OUT-HOLD (e.g. 4-2-6-0)"
)
BREATHING_SAVE_HINT = (
    "Save one by name: psymitrix breathe patterns add NAME --inhale 4 --hold 7 --exhale 8"
)
BREATHING_CUSTOM_RULE = (
    "Custom pattern must be IN-HOLD-OUT-HOLD in seconds, e.g. 4-2-6-0 "
    "(each 0-{most:g}, inhale and exhale above 0); got {spec!r}."
)
BREATHING_PHASE_ABOVE_ZERO = "above 0"
BREATHING_PHASE_ZERO_OR_MORE = "0 or more"
BREATHING_NONE_SAVED = "none saved yet"

# --- A breathing session as stored --------------------------------------------------------
BREATHING_LABEL_MISMATCH = "Label {label!r} does not match the {name} pattern ({expected})."
BREATHING_COUNT_RANGE = "{what} must be a whole number from {low} to {max_cycles}."
BREATHING_COMPLETED_NOT_BOOL = "completed must be true or false."
BREATHING_CYCLES_OVER_PLAN = "{done} completed cycles do not fit a plan of {planned}."
BREATHING_DURATION_RANGE = "Duration must be 0 seconds or more; got {duration_seconds!r}."
BREATHING_ENDS_BEFORE_START = "A session cannot end before it starts."
BREATHING_BAD_INSTANTS = "startedAt and endedAt must be ISO 8601 instants."
LABEL_COMPLETED_CYCLES = "Completed cycles"
LABEL_PLANNED_CYCLES = "Planned cycles"

# --- Handouts -----------------------------------------------------------------------------
HANDOUT_WRITTEN = 'Wrote the handout "{title}" ({format}) to {path}.'
HANDOUT_UNKNOWN_FORMAT = "Unknown handout format {name!r}; choose one of: {choices}."

# --- Assessments (PHQ-9, GAD-7) -----------------------------------------------------------
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
ASSESSMENT_TOTAL_RANGE = "{name} total must be 0-{max_total}; got {total}."
ASSESSMENT_UNKNOWN = "Unknown assessment {key!r}; choose phq9 (PHQ-9) or gad7 (GAD-7)."
ASSESSMENT_ANSWER_COUNT = "{expected}; got {count}."
ASSESSMENT_ANSWERS_TEXT = "{expected}; got text, not a list."
ASSESSMENT_DIFFICULTY_RANGE = "Difficulty must be 0-3 or left out; got {value!r}."
ASSESSMENT_NO_BAND = "{name} has no band {severity!r}."
ASSESSMENT_BAD_ANSWER = "{expected}; answer {position} is {part!r}."
ASSESSMENT_ANSWER_RANGE = "{expected}; answer {position} is {value}."
ASSESSMENT_DIFFICULTY_LINE = "Difficulty: {value}"
ASSESSMENT_TAKE_HELP = {  # the questionnaires `psymitrix test` offers, and their --help
    "phq9": "Take the PHQ-9 (9 questions about the last 2 weeks; depression screening).",
    "gad7": "Take the GAD-7 (7 questions about the last 2 weeks; anxiety screening).",
}
ASSESSMENT_MORE_HINT = "psymitrix test list"
ASSESSMENT_SAVED_AS = "Saved as {id}."
ASSESSMENT_ANSWERS_EXPECTED = "{name} needs exactly {count} answers, each 0-3"
ASSESSMENT_NO_CHANGE = "no change"
ASSESSMENT_UP = "up {delta}"
ASSESSMENT_DOWN = "down {delta}"
ASSESSMENT_RELIABLE = "a reliable change"
ASSESSMENT_UNRELIABLE = "not a reliable change"
ASSESSMENT_CHANGE = "Since your previous result ({previous}): {moved}, {verdict}."
ASSESSMENT_CONFIRM_DELETE = "Delete this {instrument} result?"

# --- The questionnaire picker -------------------------------------------------------------
PICKER_HINT = "0-3 or ↑/↓ + Enter to answer · ← or Backspace: back · Ctrl-C: cancel"
PICKER_DIFFICULTY_HINT = "0-3 or ↑/↓ + Enter to answer · s: skip · ← or Backspace: back"
PICKER_SKIP = "Skip this question"
PICKER_LAST_OPTIONAL = "{progress}  last question (optional)\n"
