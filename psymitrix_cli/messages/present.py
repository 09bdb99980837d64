"""What present mode says on screen. Not re-exported by the package: `messages.present`
is its own namespace (as `words`), so its short names (SUMMARY, STATUS) stay short."""

from __future__ import annotations

DEMO_MARKER = "DEMO: nothing is saved"
PAUSED = "PAUSED"
STATUS = "Cycle {cycle}/{planned}  {bar}  {percent}  ·  pace {pace}%"
BREATHE_KEYS = "space pause · ← → pattern · + − pace · q leave"
NEEDS_TERMINAL = "Present mode needs a terminal to draw on; run it without --json, on a TTY."
SUMMARY = (
    "Session: {cycles} of {planned} cycles · {breathing} breathing · paused {paused} · "
    "patterns: {patterns} · pace {pace}%"
)
TERMINATED = "Stopped (the session was ended from outside)."
ITEM_TITLE = "{name} · question {number} of {count}"
ITEM_KEYS = "0-3 answer · ↑ ↓ Enter choose · ← back · q leave"
RESULT_TITLE = "{name} · result"
BREAKDOWN = "Item by item (0-3)"
RESULT_KEYS = "Enter or q to finish"
RESULT_KEYS_CRISIS = "Enter: support resources"
ITEM9_NEXT = "Question 9 was answered above 0: the support resources come next."
CRISIS_TITLE = "Support, now"
CRISIS_KEYS = "← back to the result · Enter or q to finish"
CRISIS_KEYS_SCROLL = "↑ ↓ scroll · ← back to the result · Enter or q to finish"
QUESTIONNAIRE_LEFT = "Left the questionnaire; nothing was saved."
MENU_TITLE = "Present"
MENU_KEYS = "1-9 or ↑ ↓ Enter choose · q leave"
MENU_BREATHED = "Breathing: {cycles} of {planned} cycles ({patterns})."
MENU_ANSWERED = "{name}: {total}/{max}, {band} (demo, not saved)."
MENU_NOTHING = "Nothing done this time; nothing was saved (present mode is always a demo)."
MENU_DONE = "Present mode is always a demo: nothing was saved."
