"""Deleting one thing, the same way everywhere: the item is looked up first (so an
unknown ID fails before any question), then confirmed on a terminal unless --yes,
then deleted, and reported as {"deleted": true, <key>: <id>}."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.cli.state import AppState
from psymitrix_cli.ui.terminal import Terminal


def confirm_and_delete(
    state: AppState,
    *,
    target: str,
    get: Callable[[str], Any],
    delete: Callable[[str], None],
    yes: bool,
    question: str | Callable[[Any], str],
    done: str,
    preview: Callable[[Terminal, Any], None] | None = None,
    key: str = "id",
) -> None:
    from psymitrix_cli.errors import InvalidInput
    from psymitrix_cli.ui import prompts

    term = state.term
    found = get(target)
    if not yes:
        prompts.require_tty(term, messages.TTY_CONFIRMATION, "--yes")
        if preview is not None:
            preview(term, found)
        text = question(found) if callable(question) else question
        if not prompts.confirm(term, text):
            raise InvalidInput(messages.NOT_DELETED)
    delete(target)
    term.emit({"deleted": True, key: target}, lambda t, r: t.success(done))
