"""Colours for present mode, as raw SGR codes (no Rich: a frame must cost little).

`default` suits a screen up close; `high_contrast` is bright, bold and on black, for a
projector in a lit room. With NO_COLOR or --no-color there are no codes at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    codes: dict[str, str]
    base: str = ""  # applied under every row (the high-contrast background)

    def paint(self, text: str, role: str) -> str:
        code = self.codes.get(role, "")
        if not code or not text:
            return text
        return f"\x1b[{code}m{text}\x1b[0m{self.base}"

    def row(self, text: str) -> str:
        """A whole row on the theme's background."""
        return f"{self.base}{text}" if self.base else text


DEFAULT = Theme(
    {
        "inhale": "1;36",
        "hold": "1;33",
        "exhale": "1;32",
        "outline": "2",
        "title": "1",
        "dim": "2",
        "demo": "1;30;43",
        "paused": "1;35",
        "chosen": "1;7",
        "band": "1",
        "alert": "1;31",
    }
)
HIGH_CONTRAST = Theme(
    {
        "inhale": "1;96;40",
        "hold": "1;93;40",
        "exhale": "1;92;40",
        "outline": "97;40",
        "title": "1;97;40",
        "dim": "97;40",
        "demo": "1;30;103",
        "paused": "1;95;40",
        "chosen": "1;30;107",
        "band": "1;97;40",
        "alert": "1;91;40",
    },
    base="\x1b[97;40m",
)
PLAIN = Theme({})


def pick(*, high_contrast: bool, color: bool) -> Theme:
    if not color:
        return PLAIN
    return HIGH_CONTRAST if high_contrast else DEFAULT


_SGR = re.compile(r"\x1b\[[0-9;]*m")


def visible(text: str) -> int:
    """Columns a painted string takes (every character here is one column wide)."""
    return len(_SGR.sub("", text))
