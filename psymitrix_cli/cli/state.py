"""Per-invocation state: global flags, and the objects built from them on first use.

Nothing here touches the disk, the network or a heavy import until a command
asks for it, so `psymitrix --help` stays as cheap as importing Typer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import typer

from psymitrix_cli.ui.terminal import Terminal

if TYPE_CHECKING:
    from collections.abc import Callable

    from psymitrix_cli.auth.credentials import CredentialStore
    from psymitrix_cli.auth.datakey import DataKeys
    from psymitrix_cli.backends.base import Backend
    from psymitrix_cli.clock import Clock
    from psymitrix_cli.config import Settings


@dataclass
class AppState:
    backend_name: str | None = None
    json_mode: bool = False
    debug: bool = False
    no_color: bool = False
    passphrase_stdin: bool = False  # set by a command's --passphrase-stdin
    _closers: list[Any] = field(default_factory=list)

    @classmethod
    def of(cls, ctx: typer.Context, json_mode: bool = False) -> AppState:
        root = ctx.find_root()
        if not isinstance(root.obj, AppState):
            root.obj = AppState()
        state: AppState = root.obj
        if json_mode and not state.json_mode:
            state.json_mode = True
            state.__dict__.pop("term", None)
        return state

    @cached_property
    def term(self) -> Terminal:
        return Terminal(json_mode=self.json_mode, no_color=self.no_color, debug=self.debug)

    @cached_property
    def settings(self) -> Settings:
        from psymitrix_cli.config import load_settings

        return load_settings(backend=self.backend_name)

    @cached_property
    def clock(self) -> Clock:
        from psymitrix_cli.clock import clock_from_spec

        spec = self.settings.clock_spec if self.settings.testing else None
        return clock_from_spec(spec)

    @cached_property
    def credentials(self) -> CredentialStore:
        from psymitrix_cli.auth.credentials import CredentialStore

        settings = self.settings
        if settings.backend == "api":
            slot = f"api:{settings.api_url}"
        else:
            from psymitrix_cli.store.factory import store_location

            slot = store_location(settings)
        return CredentialStore(
            slot=slot,
            fallback_file=settings.data_dir / "credentials.json",
            env_token=settings.token,
            timeout=settings.keyring_timeout,
            notify=self.term.notice,
        )

    @cached_property
    def data_keys(self) -> DataKeys:
        """The encrypted store's key (auth/datakey.py), asked for only when first needed."""
        from psymitrix_cli.auth.datakey import for_settings

        return for_settings(self.settings, self.passphrase)

    def passphrase(self, new: bool) -> str:
        """The passphrase: one line of stdin under --passphrase-stdin (read once), else
        asked on the terminal (twice when it is a new one)."""
        if "_passphrase" not in self.__dict__:
            from psymitrix_cli.ui import prompts

            if self.passphrase_stdin:
                self.__dict__["_passphrase"] = prompts.read_stdin_lines(1, "--passphrase-stdin")[0]
            else:
                self.__dict__["_passphrase"] = prompts.ask_passphrase(self.term, new)
        return self.__dict__["_passphrase"]  # type: ignore[no-any-return]

    @cached_property
    def backend(self) -> Backend:
        settings = self.settings
        if settings.backend == "api":
            from psymitrix_cli.backends.remote import RemoteBackend

            backend: Backend = RemoteBackend(settings, self.credentials.get, self.data_keys)
        else:
            from psymitrix_cli.backends.local import LocalBackend

            backend = LocalBackend.open(settings, self.clock, self.credentials.get, self.data_keys)
        self._closers.append(backend.close)
        return backend

    def emit(self, result: Any, render: Callable[[Terminal, Any], None]) -> bool:
        """A write's outcome: the entry, rendered, or (api backend, server out of reach)
        the notice that it waits in the outbox. True when it was written."""
        from psymitrix_cli.backends.base import Queued

        if isinstance(result, Queued):
            from psymitrix_cli.ui.views.outbox import queued

            queued(self.term, result, self.settings.crisis_line, plan=self._remembered_plan)
            return False
        self.term.emit(result, render)
        return True

    def _remembered_plan(self) -> dict[str, Any] | None:
        """The copy of the safety plan kept on this device (the server is out of reach)."""
        from psymitrix_cli.cli.plan_copy import remembered

        token = self.credentials.get()
        return remembered(self, token) if token else None

    def display_timezone(self) -> str | None:
        """The person's timezone, which human output shows times in (None for --json,
        which keeps the stored UTC instants). Asked of the backend once per command."""
        if self.json_mode:
            return None
        if "_timezone" not in self.__dict__:
            self.__dict__["_timezone"] = str(self.backend.accounts.whoami()["timezone"])
        return self.__dict__["_timezone"]  # type: ignore[no-any-return]

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self._closers.clear()
