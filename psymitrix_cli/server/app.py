"""The FastAPI application: `create_app(settings, clock)`, and the factory uvicorn runs.

One ServiceContext per process (a store per worker thread on SQLite, one shared
client on MongoDB; see context.py); a Session per request (deps.py). Everything
under /v1 speaks camelCase JSON and fails as `{"error": {"code", "message"}}`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from psymitrix_cli import __version__, messages
from psymitrix_cli.auth.secret import MIN_SECRET_BYTES
from psymitrix_cli.clock import Clock, clock_from_spec
from psymitrix_cli.config import Settings
from psymitrix_cli.errors import InvalidInput

if TYPE_CHECKING:
    from fastapi import FastAPI
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

BENCH_ENV = "PSYMITRIX_BENCH_ENDPOINT"
CORS_ENV = "PSYMITRIX_CORS_ORIGINS"
DESCRIPTION = (
    "The hosted PsyMitrix API. Log in with POST /v1/auth/login and send the accessToken "
    "as `Authorization: Bearer <token>`. Creates and edits accept an `Idempotency-Key`."
)


def check_secret(settings: Settings) -> str:
    """The server signs tokens for many people: it never invents or reuses a local secret."""
    secret = settings.jwt_secret
    if not secret:
        raise InvalidInput(messages.JWT_SECRET_MISSING.format(min_secret_bytes=MIN_SECRET_BYTES))
    if len(secret.encode("utf-8")) < MIN_SECRET_BYTES:
        raise InvalidInput(
            messages.JWT_SECRET_SHORT.format(
                size=len(secret.encode("utf-8")), min_secret_bytes=MIN_SECRET_BYTES
            )
        )
    return secret


# Every answer under /v1 is one person's health data: no cache may keep it, no browser
# may sniff it into something else, and no Referer may carry a URL of it elsewhere.
V1_HEADERS = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class PrivateHeaders:
    """Pure ASGI (not BaseHTTPMiddleware), so streamed chat replies pass untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1"):
            await self.app(scope, receive, send)
            return

        async def send_private(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in V1_HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*kept, *V1_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_private)


class DropQuery(logging.Filter):
    """The access log's path without its query: `?search=...` is what someone wrote."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (*args[:2], path, *args[3:])
        return True


def create_app(
    settings: Settings,
    clock: Clock | None = None,
    *,
    cors_origins: Sequence[str] = (),
    bench_endpoint: bool = False,
) -> FastAPI:
    from fastapi import FastAPI

    from psymitrix_cli.domain.entries import TRACKERS
    from psymitrix_cli.server import errors
    from psymitrix_cli.server.context import ServerContext, open_pool
    from psymitrix_cli.server.flat import include_flat
    from psymitrix_cli.server.limits import BodyLimit
    from psymitrix_cli.server.mailer import Mailer
    from psymitrix_cli.server.routes import (
        assessments,
        auth,
        chat,
        dashboard,
        data,
        gratitude,
        health,
        memory,
        profile,
        safety_plan,
        search,
        sleep,
        tokens,
    )
    from psymitrix_cli.server.routes.entries import router_for
    from psymitrix_cli.server.throttle import Throttle

    check_secret(settings)
    if clock is None:
        clock = clock_from_spec(settings.clock_spec if settings.testing else None)
    ctx = ServerContext(settings, clock, open_pool(settings))
    mailer = Mailer(settings.smtp)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Open (and migrate) once before serving. An unreachable store does not stop the
        # server: /readyz answers 503 until it is back, and requests fail with 503.
        try:
            ctx.store.ping()
        except Exception as exc:
            logging.getLogger("psymitrix.server").warning(
                "the store is not reachable at start-up (%s); /readyz will say 503",
                type(exc).__name__,
            )
        finally:
            ctx.pool.release_thread()
        if not mailer.configured:
            logging.getLogger("psymitrix.server").info(
                "SMTP is not configured: password reset by email sends nothing"
            )
        yield
        mailer.close()
        ctx.close()

    app = FastAPI(
        title="PsyMitrix API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.ctx = ctx
    app.state.mailer = mailer
    app.state.throttle = Throttle()

    errors.install(app)
    app.add_middleware(PrivateHeaders)
    from psymitrix_cli.domain.export_format import MAX_BYTES as IMPORT_MAX_BYTES

    # An import carries a whole history; every other body stays small.
    app.add_middleware(BodyLimit, overrides={"/v1/import": IMPORT_MAX_BYTES})
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
        )

    extras = {"gratitude": gratitude.extras, "sleep": sleep.extras}
    routers = [
        auth.router,
        profile.router,
        *(router_for(spec, extras.get(spec.name)) for spec in TRACKERS),  # from one factory
        *(
            m.router
            for m in (assessments, dashboard, chat, data, safety_plan, memory, tokens, search)
        ),
    ]
    for router in routers:
        include_flat(app, router, "/v1")
    include_flat(app, health.router)
    if bench_endpoint:
        _mount_bench(app)
    return app


def _mount_bench(app: FastAPI) -> None:
    """A bare JSON route: the framework's floor, for bench/server_load.py only."""

    @app.get("/bench/bare", include_in_schema=False)
    async def bare() -> dict[str, bool]:
        return {"ok": True}


def app_from_env() -> FastAPI:
    """The factory `psymitrix serve` hands uvicorn (one call per worker process)."""
    from psymitrix_cli.config import load_settings, merged_environment

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    logging.getLogger("uvicorn.access").addFilter(DropQuery())
    env = merged_environment()
    origins = [o.strip() for o in (env.get(CORS_ENV) or "").split(",") if o.strip()]
    return create_app(
        load_settings(), cors_origins=origins, bench_endpoint=os.environ.get(BENCH_ENV) == "1"
    )
