"""Holding a streamed reply back by sentence, so nothing is shown before it is screened.

A provider streams fragments ("40 tablets of paracetamol woul"). The gate keeps
them until a sentence is complete, screens that sentence together with a window of
what was already shown (harm can span sentences), and only then releases it. At
the end the rest is screened the same way, and the caller screens the whole reply.
Once anything fails the gate releases nothing more: the caller shows the fixed
safe message instead.
"""

from __future__ import annotations

import re

from psymitrix_cli.domain import safety
from psymitrix_cli.domain.safety.reply import risky_fragment

WINDOW = 400  # characters already shown that are screened again with each new sentence
CAP = 600  # a "sentence" this long without an end is released up to a word boundary
KEEP = 80  # ... keeping its last characters back, so a phrase is never split

# A sentence ends at . ! ? or … (with closing quotes or brackets) followed by space, or
# at a line break. "3.5 mg" and a full stop still waiting for its space are not ends.
_END = re.compile(r"[.!?\u2026]+[\"')\]*_]*\s+|\n+")


class HeldReply:
    """careful: the conversation has shown risk, so the reply screen reads more words."""

    def __init__(self, careful: bool = False) -> None:
        self.careful = careful
        self.shown = ""
        self.pending = ""
        self.unsafe = False

    def feed(self, chunk: str) -> str:
        """Take a streamed chunk; return the text now safe to show ('' for none yet)."""
        if self.unsafe:
            return ""
        self.pending += chunk
        cut = _last_end(self.pending)
        if cut == 0 and len(self.pending) > CAP:
            cut = self.pending.rfind(" ", 0, len(self.pending) - KEEP) + 1
        if cut <= 0:
            return ""
        ready, self.pending = self.pending[:cut], self.pending[cut:]
        return self._release(ready)

    def finish(self, complete: bool = True) -> str:
        """The stream ended: screen and return what is still held.

        complete=False: the stream broke off, so the held text may stop mid-sentence
        ("You could take 40 tab"); it is shown only when plainly harmless.
        """
        rest, self.pending = self.pending, ""
        if not rest or self.unsafe:
            return ""
        if not complete and (risky_fragment(rest) or self._fails(self.shown[-WINDOW:] + rest)):
            return ""  # dropped, not withdrawn: what was shown stays, nothing follows
        return self._release(rest)

    def _release(self, ready: str) -> str:
        if self._fails(self.shown[-WINDOW:] + ready):
            self.unsafe = True
            return ""
        self.shown += ready
        return ready

    def _fails(self, text: str) -> bool:
        return safety.screen_reply(text, careful=self.careful)


def _last_end(text: str) -> int:
    end = 0
    for match in _END.finditer(text):
        end = match.end()
    return end
