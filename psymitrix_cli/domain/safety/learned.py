"""The learned layer of the screen (placeholder until the classifier lands).

`raise_tier(text, found)` returns `found` or a higher tier; it never lowers one.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.types import Screen


def raise_tier(text: str, found: Screen) -> Screen:
    return found
