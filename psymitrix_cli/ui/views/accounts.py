"""How account results look to a person."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.domain.entries import counter_labels
from psymitrix_cli.ui.terminal import Terminal


def signed_up(term: Terminal, result: dict[str, Any]) -> None:
    from rich.panel import Panel

    name = str(result.get("name") or "").strip() or result["username"]
    term.success(messages.SIGNED_UP.format(name=name))
    codes = "\n".join(f"  {i:>2}. {code}" for i, code in enumerate(result["recoveryCodes"], 1))
    term.print(Panel(codes, title="Recovery codes", subtitle="shown once", expand=False))
    term.line(messages.RECOVERY_CODES_NOTE)


def account(term: Terminal, result: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for label, key in (
        ("Name", "name"),
        ("Username", "username"),
        ("Email", "email"),
        ("Phone", "phoneNumber"),
        ("Timezone", "timezone"),
        ("User ID", "userId"),
    ):
        table.add_row(label, str(result.get(key) or "—"))
    term.print(table)


def profile(term: Terminal, result: dict[str, Any]) -> None:
    from rich.table import Table

    user, data = result["user"], result["userData"]
    term.print(f"[bold]{user['name']}[/bold] (@{user['username']}) · {user['email']}")
    table = Table(show_header=False, box=None, padding=(0, 2))
    streak, longest = data["visitingStreak"], data["longestStreak"]
    table.add_row("Streak", f"{_days(streak)} (longest {_days(longest)})")
    for counter, label in counter_labels().items():
        table.add_row(label, str(data.get(counter, 0)))
    term.print(table)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def auth_status(term: Terminal, result: dict[str, Any]) -> None:
    if not result["loggedIn"]:
        term.line(result.get("reason") or messages.NOT_LOGGED_IN)
        return
    term.success(
        messages.LOGGED_IN_ON.format(username=result["username"], backend=result["backend"])
    )
    term.line(messages.WHOAMI_TOKEN_STORAGE.format(storage=result["storage"]))
    if result.get("storageWarning"):
        term.notice(result["storageWarning"])
    term.line(
        messages.WHOAMI_TOKEN_EXPIRES.format(value=result["expiresAt"] or messages.EXPIRY_UNKNOWN)
    )
