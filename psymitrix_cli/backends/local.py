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
    from psymitrix_cli.auth.datakey import DataKeys
    from psymitrix_cli.services.accounts import AccountService
    from psymitrix_cli.services.assessments import AssessmentService
    from psymitrix_cli.services.chat import ChatService
    from psymitrix_cli.services.dashboard import DashboardService
    from psymitrix_cli.services.data import DataService
    from psymitrix_cli.services.entries import EntryService
    from psymitrix_cli.services.gratitude import GratitudeService
    from psymitrix_cli.services.memory import MemoryService
    from psymitrix_cli.services.profile import ProfileService
    from psymitrix_cli.services.safety_events import SafetyReportService
    from psymitrix_cli.services.safety_plan import SafetyPlanService
    from psymitrix_cli.services.script_tokens import ScriptTokenService
    from psymitrix_cli.services.search import SearchService
    from psymitrix_cli.store.base import Store


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
        cls,
        settings: Settings,
        clock: Clock,
        token_source: Callable[[], str | None],
        keys: DataKeys | None = None,
    ) -> LocalBackend:
        """`keys` loads the data key of an encrypted store (auth/datakey.py)."""
        if keys is None:
            from psymitrix_cli.auth.datakey import for_settings

            keys = for_settings(settings)

        def opened() -> Store:
            return open_store(settings, key_source=keys.load, check_schema=False)

        ctx = ServiceContext(settings, clock, opened)
        return cls(ctx, Session(ctx, token_source))

    def entries(self, name: str) -> EntryService:
        """The service of one registry kind (its own subclass when it has extra operations)."""
        services: dict[str, EntryService] = self.__dict__.setdefault("_entries", {})
        if name not in services:
            from psymitrix_cli.services.entries import service_for

            services[name] = service_for(self.ctx, self.session, name)
        return services[name]

    @property
    def journal(self) -> EntryService:
        return self.entries("mood_journal")

    @property
    def gratitude(self) -> GratitudeService:
        return self.entries("gratitude")  # type: ignore[return-value]

    @property
    def sleep(self) -> EntryService:
        return self.entries("sleep")

    @property
    def breathing(self) -> EntryService:
        return self.entries("breathing")

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

    @cached_property
    def safety_plan(self) -> SafetyPlanService:
        from psymitrix_cli.services.safety_plan import SafetyPlanService

        return SafetyPlanService(self.ctx, self.session)

    @cached_property
    def memory(self) -> MemoryService:
        from psymitrix_cli.services.memory import MemoryService

        return MemoryService(self.ctx, self.session)

    @cached_property
    def safety(self) -> SafetyReportService:
        from psymitrix_cli.services.safety_events import SafetyReportService

        return SafetyReportService(self.ctx, self.session)

    @cached_property
    def tokens(self) -> ScriptTokenService:
        from psymitrix_cli.services.script_tokens import ScriptTokenService

        return ScriptTokenService(self.ctx, self.session)

    @cached_property
    def search(self) -> SearchService:
        from psymitrix_cli.services.search import SearchService

        return SearchService(self.ctx, self.session)

    def describe(self) -> str:
        return store_location(self.settings)

    def close(self) -> None:
        self.ctx.close()
