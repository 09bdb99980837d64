"""psymitrix serve: the hosted API (FastAPI on uvicorn) over the configured store."""

from __future__ import annotations

from typing import Annotated

import typer

from psymitrix_cli import messages
from psymitrix_cli.cli.state import AppState

ACCESS_LOG_ENV = "PSYMITRIX_ACCESS_LOG"


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes (each with its own store connections).", min=1)
    ] = 1,
    access_log: Annotated[
        bool | None,
        typer.Option(
            "--access-log/--no-access-log",
            help="Log one line per request (method, path without its query, status). "
            f"Off unless given or {ACCESS_LOG_ENV}=1.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Run the PsyMitrix API server. Needs PSYMITRIX_JWT_SECRET (32 bytes or more)."""
    from psymitrix_cli.errors import PsyError
    from psymitrix_cli.server.app import check_secret

    state = AppState.of(ctx)
    check_secret(state.settings)  # exit 2 with the reason, before anything starts
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ModuleNotFoundError as exc:
        from psymitrix_cli.installhint import missing_module_message

        raise PsyError(missing_module_message(exc.name) or str(exc)) from None
    from psymitrix_cli.config import merged_environment
    from psymitrix_cli.store.factory import store_location

    env = merged_environment()
    proxies = trusted_proxies(env)
    if access_log is None:  # off by default: even a path can say more than it should
        access_log = env.get(ACCESS_LOG_ENV, "0").strip().lower() in ("1", "true", "yes", "on")

    where = store_location(state.settings)
    state.term.notice(messages.SERVE_LISTENING.format(host=host, port=port, where=where))
    uvicorn.run(
        "psymitrix_cli.server.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=access_log,
        # X-Forwarded-For/-Proto are believed only from these addresses (the reverse
        # proxy); from anyone else the connection's own address is the client's.
        proxy_headers=True,
        forwarded_allow_ips=proxies,
        server_header=False,
        timeout_graceful_shutdown=10,
    )


TRUSTED_PROXIES_ENV = "PSYMITRIX_TRUSTED_PROXIES"


def trusted_proxies(env: dict[str, str]) -> str:
    """PSYMITRIX_TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated; `*` trusts
    every peer, only for a server no client can reach directly), else uvicorn's own
    FORWARDED_ALLOW_IPS, else loopback only. Login throttling counts per client IP, so
    behind a load balancer this must name the balancer, or every client shares its IP."""
    raw = env.get(TRUSTED_PROXIES_ENV) or env.get("FORWARDED_ALLOW_IPS") or "127.0.0.1"
    return ",".join(part.strip() for part in raw.split(",") if part.strip()) or "127.0.0.1"


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Server")(serve)
