"""Writing a person's text into Markdown so it reads as they wrote it. Pure.

Markdown passes inline HTML through, so `<` is written as `&lt;` (a journal entry
holding `<script>` stays text in any viewer); a line that would start a heading, a
quote or a list is escaped with a backslash; table cells keep to one line.
"""

from __future__ import annotations

import re

_BLOCK_START = re.compile(r"^(\s*\d*)([#>+\-*]|(?<=\d)[.)])(\s|$)")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def inline(text: str) -> str:
    """Text within a line: `<` cannot open a tag, and `&lt;` typed stays as typed;
    a plain `&` is left alone, so "tea & cake" reads as it was written."""
    return _ENTITY.sub("&amp;", text).replace("<", "&lt;")


def cell(text: str) -> str:
    """A table cell: one line, pipes escaped."""
    return inline(" ".join(text.split())).replace("|", "\\|")


def line(text: str) -> str:
    """One line that must not start a block of its own (a list item's text, say)."""
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}", inline(text))


def paragraphs(text: str) -> str:
    """Free text kept line by line (two trailing spaces keep a line break), escaped."""
    out: list[str] = []
    for raw in text.strip().splitlines():
        written = line(raw.rstrip())
        if written and out and out[-1]:
            out[-1] += "  "  # a hard break: the person's line stays a line
        out.append(written)
    return "\n".join(out)
