"""How reminders look: what was installed, what a dry run would do, and the list."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal


def steps(term: Terminal, data: dict[str, Any]) -> None:
    """Each step exactly: the file and its content, the command and what it reads."""
    for step in data.get("steps", []):
        if step["action"] == "write":
            term.line(messages.REMIND_STEP_WRITE.format(target=step["target"]))
        elif step["action"] == "delete":
            term.line(messages.REMIND_STEP_DELETE.format(target=step["target"]))
        elif step["action"] == "show":
            term.line(step["target"])
            continue
        else:
            run = (
                messages.REMIND_STEP_RUN_INPUT if step.get("content") else messages.REMIND_STEP_RUN
            )
            term.line(run.format(target=step["target"]))
        if step.get("content"):
            for line in step["content"].rstrip("\n").splitlines():
                term.line(f"    {line}")


def added(term: Terminal, data: dict[str, Any]) -> None:
    if data["scheduler"] == "windows":
        term.line(messages.REMIND_WINDOWS)
        steps(term, data)
        return
    every = data.get("everyDays", 1)
    text = (
        messages.REMIND_ADDED.format(kind=data["kind"], at=data["at"], scheduler=data["scheduler"])
        if every <= 1
        else messages.REMIND_ADDED_EVERY.format(
            kind=data["kind"], at=data["at"], days=every, scheduler=data["scheduler"]
        )
    )
    term.success(text)


def dry_run(term: Terminal, data: dict[str, Any]) -> None:
    term.line(messages.REMIND_DRY_RUN)
    steps(term, data)


def removed(term: Terminal, data: dict[str, Any]) -> None:
    if data["scheduler"] == "windows":
        term.line(messages.REMIND_WINDOWS_REMOVE)
        steps(term, data)
    term.success(messages.REMIND_REMOVED.format(kind=data["kind"]))


def listing(term: Terminal, data: dict[str, Any]) -> None:
    items = data["reminders"]
    if not items:
        term.line(messages.REMIND_NONE)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for column in ("Reminder", "At", "Every", "Scheduler"):
        table.add_column(column, no_wrap=True)
    for r in items:
        every = r.get("everyDays", 1)
        table.add_row(r["kind"], r["at"], "day" if every <= 1 else f"{every} days", r["scheduler"])
    term.print(table)
