"""The local backend: services over a Store (SQLite or MongoDB), in this process."""

from __future__ import annotations

from collections.abc import Callable

from psymitrix_cli.clock import Clock
from psymitrix_cli.config import Settings
from psymitrix_cli.services.accounts import AccountService
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.profile import ProfileService
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.factory import open_store, store_location


class LocalBackend:
    def __init__(self, settings: Settings, clock: Clock, token_source: Callable[[], str | None]):
        self.name = settings.backend
        self.settings = settings
        self.ctx = ServiceContext(settings, clock, lambda: open_store(settings))
        self.session = Session(self.ctx, token_source)
        self.accounts = AccountService(self.ctx, self.session)
        self.profile = ProfileService(self.ctx, self.session)

    def describe(self) -> str:
        return store_location(self.settings)

    def close(self) -> None:
        self.ctx.close()
