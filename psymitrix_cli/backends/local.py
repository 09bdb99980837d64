"""The local backend: services over a Store (SQLite or MongoDB), in this process.

The services themselves satisfy the per-domain protocols; each is built on first
use so a command only imports the domain it touches.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from psymitrix_cli.clock import Clock
from psymitrix_cli.config import Settings
from psymitrix_cli.services.context import ServiceContext
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.factory import open_store, store_location

if TYPE_CHECKING:
    from psymitrix_cli.services.accounts import AccountService
    from psymitrix_cli.services.assessments import AssessmentService
    from psymitrix_cli.services.breathing import BreathingService
    from psymitrix_cli.services.chat import ChatService
    from psymitrix_cli.services.dashboard import DashboardService
    from psymitrix_cli.services.data import DataService
    from psymitrix_cli.services.gratitude import GratitudeService
    from psymitrix_cli.services.journal import JournalService
    from psymitrix_cli.services.profile import ProfileService
    from psymitrix_cli.services.sleep import SleepService


class LocalBackend:
    """Every domain's service over one caller's Session.

    The CLI builds one per invocation (`open`); the server builds one per request
    over its shared context, so both doors reach exactly the same services."""

    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.name = ctx.settings.backend
        self.settings = ctx.settings
        self.ctx = ctx
        self.session = session

    @cached_property
    def accounts(self) -> AccountService:
        from psymitrix_cli.services.accounts import AccountService

        return AccountService(self.ctx, self.session)

    @cached_property
    def profile(self) -> ProfileService:
        from psymitrix_cli.services.profile import ProfileService

        return ProfileService(self.ctx, self.session)

    @classmethod
    def open(
        cls, settings: Settings, clock: Clock, token_source: Callable[[], str | None]
    ) -> LocalBackend:
        ctx = ServiceContext(settings, clock, lambda: open_store(settings))
        return cls(ctx, Session(ctx, token_source))

    @cached_property
    def journal(self) -> JournalService:
        from psymitrix_cli.services.journal import JournalService

        return JournalService(self.ctx, self.session)

    @cached_property
    def gratitude(self) -> GratitudeService:
        from psymitrix_cli.services.gratitude import GratitudeService

        return GratitudeService(self.ctx, self.session)

    @cached_property
    def sleep(self) -> SleepService:
        from psymitrix_cli.services.sleep import SleepService

        return SleepService(self.ctx, self.session)

    @cached_property
    def breathing(self) -> BreathingService:
        from psymitrix_cli.services.breathing import BreathingService

        return BreathingService(self.ctx, self.session)

    @cached_property
    def assessments(self) -> AssessmentService:
        from psymitrix_cli.services.assessments import AssessmentService

        return AssessmentService(self.ctx, self.session)

    @cached_property
    def dashboard(self) -> DashboardService:
        from psymitrix_cli.services.dashboard import DashboardService

        return DashboardService(self.ctx, self.session)

    @cached_property
    def chat(self) -> ChatService:
        from psymitrix_cli.services.chat import ChatService

        return ChatService(self.ctx, self.session)

    @cached_property
    def data(self) -> DataService:
        from psymitrix_cli.services.data import DataService

        return DataService(self.ctx, self.session)

    def describe(self) -> str:
        return store_location(self.settings)

    def close(self) -> None:
        self.ctx.close()
