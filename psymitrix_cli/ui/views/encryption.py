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
    term.line(messages.ENCRYPTION_STATUS_STORE.format(path=result["path"]))
    term.line(
        messages.ENCRYPTION_STATUS_STATE.format(
            value=messages.ENCRYPTION_ON if result["enabled"] else messages.ENCRYPTION_OFF
        )
    )
    if result["enabled"]:
        term.line(messages.ENCRYPTION_STATUS_KEY.format(key=result["key"]))
    term.line(messages.ENCRYPTION_STATUS_COUNT.format(encrypted_values=result["encryptedValues"]))
