"""Request dependencies: the process context, the caller's Session, and the services.

The Session is built per request from the Bearer token and verified by the CLI's own
code (`Session.verify()`: pinned HS256, exp, token version, user still exists; or a
script token's row), in the dependency, so a refused token is a 401 before anything
else is looked at, even before the body or the query is validated. Whether a script
token may run the route's operation is the service's `Session.user()` (a 403).

- Writes are sync routes (run in the threadpool; bcrypt never blocks the loop) and
  depend on `Svc`, verified where reads run (below): its checks are reads.
- Reads (`GET`) are async routes using `Reader`. On SQLite, verification and the
  service call run right on the event loop: a handful of indexed reads on this
  thread's own connection (a few hundred microseconds) cost less than the hop to a
  worker thread, and WAL readers never wait for writers. (The one write a read can
  make, the day's first visit, holds the write lock for microseconds.) On MongoDB
  every call is network I/O, so it goes to the threadpool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from psymitrix_cli import messages
from psymitrix_cli.backends.local import LocalBackend
from psymitrix_cli.server import idempotency as idem
from psymitrix_cli.server.context import ServerContext
from psymitrix_cli.server.throttle import BoundThrottle, Throttle
from psymitrix_cli.services.session import Session

T = TypeVar("T")
CLOCK_HEADER = "x-psymitrix-clock"

bearer = HTTPBearer(auto_error=False, description="The accessToken from POST /v1/auth/login.")


async def request_context(request: Request) -> ServerContext:
    ctx: ServerContext = request.app.state.ctx
    # Test runs only: the CLI forwards its simulated clock (PSYMITRIX_CLOCK), so the
    # contract tests can move time on the api backend as on the local one. Kept out of
    # the OpenAPI document on purpose; a production server ignores the header.
    if ctx.settings.testing:
        spec = request.headers.get(CLOCK_HEADER)
        if spec:
            from psymitrix_cli.clock import clock_from_spec
            from psymitrix_cli.errors import InvalidInput

            try:
                return ctx.with_clock(clock_from_spec(spec))
            except ValueError:
                raise InvalidInput(
                    messages.CLOCK_HEADER_NOT_AN_INSTANT.format(clock_header=CLOCK_HEADER)
                ) from None
    return ctx


Ctx = Annotated[ServerContext, Depends(request_context)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


# The server's services are the local backend's, over one request's Session: the
# same objects the CLI uses in-process, so no route can drift from the CLI's rules.
Services = LocalBackend


def _services(request: Request, session: Session) -> LocalBackend:
    backend = LocalBackend(session.ctx, session)
    backend.accounts.reset_sender = request.app.state.mailer.send_reset
    backend.accounts.change_notifier = request.app.state.mailer.send_change_notice
    return backend


def _token(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials if credentials else None


async def verified(request: Request, ctx: Ctx, credentials: Credentials) -> Services:
    token = _token(credentials)
    session = Session(ctx, lambda: token)
    # Now: AuthError -> 401 before the route does anything (scope: 403, later). Where
    # reads run (see Reads): on SQLite right here, sparing a write its second hop to a
    # worker thread (the route itself is the first); on MongoDB in the threadpool.
    if ctx.pool.per_thread:
        session.verify()
    else:
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(session.verify)
    return _services(request, session)


async def anonymous(request: Request, ctx: Ctx) -> Services:
    return _services(request, Session(ctx, lambda: None))


Svc = Annotated[Services, Depends(verified)]
Public = Annotated[Services, Depends(anonymous)]


def fast_json(content: Any) -> Response:
    """A JSON response, encoded by orjson when it is installed (the `server` extra has it):
    several times faster than json.dumps on the larger read results, such as /v1/me."""
    try:
        import orjson
    except ImportError:
        return JSONResponse(content)
    return Response(orjson.dumps(content), media_type="application/json")


class Reads:
    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def inline(self) -> bool:
        return self.services.ctx.pool.per_thread

    async def run(self, work: Callable[[Services], T]) -> T:
        """A read-only service call, where the store is cheapest to reach from."""
        if self.inline:
            return work(self.services)
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(work, self.services)

    async def json(self, work: Callable[[Services], Any]) -> Response:
        """`run`, answered as JSON as it stands: the results are JSON-ready already, so
        no response-model pass (the OpenAPI document still names the model)."""
        return fast_json(await self.run(work))


async def reads(request: Request, ctx: Ctx, credentials: Credentials) -> Reads:
    token = _token(credentials)
    found = Reads(_services(request, Session(ctx, lambda: token)))
    await found.run(lambda s: s.session.verify())  # 401 first, as for writes
    return found


Reader = Annotated[Reads, Depends(reads)]


async def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


async def throttle(request: Request, ctx: Ctx) -> BoundThrottle:
    """The shared limits, counted in the store through this request's context."""
    limits: Throttle = request.app.state.throttle
    return limits.bound(ctx)


ClientIp = Annotated[str | None, Depends(client_ip)]
LoginThrottle = Annotated[BoundThrottle, Depends(throttle)]


class Idempotency:
    """Runs a create or edit at most once per Idempotency-Key (see idempotency.py)."""

    def __init__(self, request: Request, response: Response, svc: Svc, key: str | None) -> None:
        self.key = key
        self.method = request.method
        self.path = request.url.path
        self.response = response
        self.session = svc.session

    def run(self, body: Any, action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if not self.key:
            return action()
        payload = body.model_dump(mode="json") if hasattr(body, "model_dump") else body
        request_print = idem.fingerprint(self.method, self.path, payload)
        result, replayed = idem.run_once(
            self.session.ctx, self.session.caller_id, self.key, request_print, action
        )
        if replayed:
            self.response.headers["Idempotent-Replayed"] = "true"
        return result


async def idempotency(
    request: Request,
    response: Response,
    svc: Svc,
    key: Annotated[
        str | None,
        Header(
            alias=idem.HEADER,
            description="Optional: a retried request with the same key is answered with "
            "the original result and writes nothing.",
        ),
    ] = None,
) -> Idempotency:
    return Idempotency(request, response, svc, key)


Idem = Annotated[Idempotency, Depends(idempotency)]
