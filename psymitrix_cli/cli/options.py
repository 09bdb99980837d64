"""Option types shared by many commands, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

Json = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from standard input (for scripts)."),
]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
PassphraseStdin = Annotated[
    bool,
    typer.Option(
        "--passphrase-stdin",
        help="Read the passphrase from standard input (for scripts). [env: PSYMITRIX_PASSPHRASE]",
    ),
]
