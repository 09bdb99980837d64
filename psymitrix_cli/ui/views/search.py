"""How search results look: one block per result, the matched words highlighted.

On a terminal the words are bold (Rich styles on a Text, never markup parsed from what
a person wrote); in a pipe, or with NO_COLOR, the same lines as plain text."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal
from psymitrix_cli.ui.timefmt import local_time

LABELS = {
    "mood_journal": "journal",
    "gratitude": "gratitude",
    "chat_messages": "chat",
    "chat_sessions": "chat summary",
}


def _header(item: dict[str, Any], timezone: str) -> str:
    entry = item.get("entry") or {}
    parts = [LABELS.get(item.get("source", ""), item["kind"]), local_time(item.get("at"), timezone)]
    if entry.get("mood"):
        parts.append(f"mood {entry['mood']}")
    if entry.get("tags"):
        parts.append(" ".join(f"#{t}" for t in entry["tags"]))
    if entry.get("role"):
        parts.append("you" if entry["role"] == "user" else "companion")
    parts.append(str(item["id"])[:8])
    return " · ".join(parts)


def results(term: Terminal, result: dict[str, Any], timezone: str) -> None:
    from rich.text import Text

    items = result.get("items") or []
    if not items:
        term.line(messages.SEARCH_NO_RESULTS.format(query=f"“{result.get('query', '')}”"))
        return
    for n, item in enumerate(items):
        if n:
            term.line("")
        term.print(Text(_header(item, timezone), style="dim"), highlight=False)
        snippet = Text(item.get("snippet") or "")
        for start, end in item.get("highlights") or ():
            snippet.stylize("bold yellow", start, end)
        term.print(snippet, highlight=False)
    if result.get("more"):
        term.line("")
        term.line(messages.SEARCH_MORE.format(window=result.get("window")), style="dim")
