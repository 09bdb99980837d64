"""The crisis-resources panel: one rendering for PHQ-9 item 9, journal entries and chat."""

from __future__ import annotations

from psymitrix_cli.ui.terminal import Terminal


def crisis_panel(term: Terminal, local_line: str | None, in_chat: bool = False) -> None:
    """Show the fixed, human-written crisis message with its resources.

    It goes to stdout like any result, and is never suppressed by --json callers:
    JSON results carry `"crisis": true` so scripts can act on it too.
    """
    from rich.panel import Panel
    from rich.text import Text

    from psymitrix_cli.domain.crisis import crisis_message, crisis_notice

    body = Text(crisis_message(local_line) if in_chat else crisis_notice(local_line))
    term.print(Panel(body, title="You don't have to go through this alone", border_style="red"))
