"""Breathing sessions, handouts and the assessments (PHQ-9, GAD-7)."""

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
