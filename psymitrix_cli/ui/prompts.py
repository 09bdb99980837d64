"""Asking a person for input, and reading secrets from stdin for scripts.

A prompt that cannot be shown (no TTY, --json) is a clear error, never a hang.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.ui.terminal import Terminal

T = TypeVar("T")


def read_stdin_lines(count: int, flag: str = "--password-stdin") -> list[str]:
    """`count` lines from stdin for --password-stdin (newlines stripped, nothing else).

    Bytes that are not UTF-8 are refused here: stdin may decode them to lone surrogates
    (surrogateescape), which nothing later could hash or send."""
    lines = []
    for _ in range(count):
        try:
            line = sys.stdin.readline()
            line.encode("utf-8")
        except UnicodeError:  # a strict decoder's UnicodeDecodeError, or surrogates
            raise InvalidInput(messages.STDIN_NOT_UTF8) from None
        if not line:
            raise InvalidInput(messages.NO_STDIN_FOR.format(flag=flag))
        lines.append(line.rstrip("\r\n"))
    if any(not line for line in lines):
        raise InvalidInput(messages.NO_STDIN_FOR.format(flag=flag))
    return lines


def require_tty(term: Terminal, what: str, flag: str) -> None:
    if not term.interactive:
        raise InvalidInput(messages.NEED_TTY.format(what=what, flag=flag))


def ask(
    term: Terminal, label: str, flag: str, check: Callable[[str], T], default: str | None = None
) -> T:
    """Ask until the answer passes `check` (a domain validator)."""
    require_tty(term, label, flag)
    from rich.prompt import Prompt

    while True:
        answer = Prompt.ask(label, console=term.out, default=default) or ""
        try:
            return check(answer)
        except InvalidInput as exc:
            term.error(exc.message)


def ask_password(term: Terminal, label: str, confirm: bool, check: Callable[[str], str]) -> str:
    require_tty(term, messages.TTY_PASSWORD, "--password-stdin")
    from rich.prompt import Prompt

    while True:
        first = Prompt.ask(label, console=term.out, password=True)
        try:
            check(first)
        except InvalidInput as exc:
            term.error(exc.message)
            continue
        if (
            not confirm
            or Prompt.ask(messages.PROMPT_REPEAT, console=term.out, password=True) == first
        ):
            return first
        term.error(messages.PASSWORDS_DIFFER)


def ask_passphrase(term: Terminal, new: bool) -> str:
    """The encryption passphrase, typed unseen (twice when it is a new one)."""
    require_tty(term, messages.TTY_PASSPHRASE, messages.TTY_PASSPHRASE_FLAG)
    from rich.prompt import Prompt

    while True:
        first = Prompt.ask(messages.PASSPHRASE_PROMPT, console=term.out, password=True)
        if not new or Prompt.ask(messages.PROMPT_REPEAT, console=term.out, password=True) == first:
            return first
        term.error(messages.PASSPHRASES_DIFFER)


def confirm(term: Terminal, question: str, flag: str = "--yes") -> bool:
    require_tty(term, messages.TTY_CONFIRM, flag)
    from rich.prompt import Confirm

    return Confirm.ask(question, console=term.out, default=False)
