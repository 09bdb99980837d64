"""How script tokens look: the new token (once), the list (never a secret), a revoke."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal


def _day(instant: str | None) -> str:
    return instant[:10] if instant else "never"


def created(term: Terminal, data: dict[str, Any]) -> None:
    day = _day(data["expiresAt"])
    term.success(messages.TOKEN_CREATED.format(name=data["name"], scope=data["scope"], date=day))
    term.line(data["token"])  # on a line of its own, unwrapped, so it copies whole
    term.notice(messages.TOKEN_SHOWN_ONCE)


def listing(term: Terminal, data: dict[str, Any]) -> None:
    items = data["items"]
    if not items:
        term.line(messages.TOKENS_NONE)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("Name", "Scope", "Created", "Expires", "Last used"):
        table.add_column(column, no_wrap=True)
    for t in items:
        expires = _day(t["expiresAt"]) + (" (expired)" if t["expired"] else "")
        table.add_row(
            t["name"], t["scope"], _day(t["createdAt"]), expires, _day(t.get("lastUsedAt"))
        )
    term.print(table)


def revoked(term: Terminal, data: dict[str, Any]) -> None:
    term.success(messages.TOKEN_REVOKED_DONE.format(name=data["name"]))
