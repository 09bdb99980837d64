"""What present mode says on screen (its wording file, beside messages.py)."""

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
