"""How the "about me" memory looks, and asking the person about a companion's proposal.

Notes are the person's own words: shown as rich.text.Text, never parsed as markup.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.ui.terminal import Terminal

if TYPE_CHECKING:
    from psymitrix_cli.backends.base import MemoryAPI

Result = dict[str, Any]


def listing(term: Terminal, data: Result) -> None:
    from rich.text import Text

    items = data["items"]
    if not items:
        term.prose(messages.MEMORY_EMPTY_VIEW)
        return
    term.line(messages.MEMORY_HEADING_VIEW.format(count=data["count"], limit=data["limit"]))
    width = len(str(len(items)))
    for note in items:
        line = Text(f"{note['number']:>{width}}. ", style="bold")
        line.append(str(note["text"]))
        if note.get("source") == "companion":
            line.append(f"  ({messages.MEMORY_FROM_COMPANION})", style="dim")
        term.print(line, soft_wrap=True)
    term.line(messages.MEMORY_FOOTER, style="dim")


def added(term: Terminal, data: Result) -> None:
    term.success(messages.MEMORY_ADDED.format(text=data["note"]["text"]))


def forgot(term: Terminal, data: Result) -> None:
    term.success(messages.MEMORY_FORGOT.format(text=data["forgotten"]["text"]))


def cleared(term: Terminal, data: Result) -> None:
    if data["deleted"]:
        term.success(messages.MEMORY_CLEARED.format(count=data["deleted"]))
    else:
        term.line(messages.MEMORY_NOTHING_TO_CLEAR)


def replaced(term: Terminal, data: Result) -> None:
    if data.get("added") or data.get("forgotten"):
        term.success(messages.MEMORY_SAVED.format(count=data["count"]))
    else:
        term.line(messages.MEMORY_UNCHANGED)
    if data["items"]:
        listing(term, data)


def offer(term: Terminal, memory: MemoryAPI | None, done: Result | None) -> bool:
    """A note the companion proposed: on a terminal, ask (default no) and keep it only on
    yes; anywhere else, say so on stderr and keep nothing. True when it was kept."""
    text = (done or {}).get("memoryProposal")
    if not text or memory is None:
        return False
    if not term.interactive:
        sys.stderr.write(messages.MEMORY_PROPOSAL_NOT_SAVED.format(text=text) + "\n")
        sys.stderr.flush()
        return False
    from rich.prompt import Confirm
    from rich.text import Text

    question = Text(messages.MEMORY_PROPOSAL_ASK.format(text=text))  # their words: no markup
    if not Confirm.ask(question, console=term.out, default=False):
        term.line(messages.MEMORY_PROPOSAL_DECLINED, style="dim")
        return False
    try:
        memory.add(text, source="companion")
    except InvalidInput as exc:  # full, or kept meanwhile: say so, the chat carries on
        term.error(messages.MEMORY_PROPOSAL_FAILED.format(problem=exc.message))
        return False
    term.success(messages.MEMORY_PROPOSAL_KEPT)
    return True
