"""What `encryption enable|disable|status` print."""

from __future__ import annotations

from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.ui.terminal import Terminal


def enabled(term: Terminal, result: dict[str, Any]) -> None:
    term.success(
        messages.ENCRYPTION_ENABLED.format(count=result["encryptedValues"], where=result["key"])
    )


def disabled(term: Terminal, result: dict[str, Any]) -> None:
    term.success(messages.ENCRYPTION_DISABLED.format(count=result["decryptedValues"]))


def status(term: Terminal, result: dict[str, Any]) -> None:
    term.line(f"Store:      {result['path']}")
    term.line(f"Encryption: {'on' if result['enabled'] else 'off'}")
    if result["enabled"]:
        term.line(f"Key:        {result['key']}")
    term.line(f"Encrypted:  {result['encryptedValues']} values")
