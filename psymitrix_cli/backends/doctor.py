"""doctor: which backend is configured, can it be reached, and is it healthy (it chooses
between the store and the API as the backends do, so it lives with them).

Each check returns a row; nothing here raises for a failed check, so one broken
part never hides the state of the others.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from psymitrix_cli.config import Settings
from psymitrix_cli.errors import BackendUnavailable, PsyError

Level = Literal["ok", "warn", "fail"]


@dataclass(frozen=True)
class Check:
    name: str
    level: Level
    detail: str


def _store_checks(settings: Settings) -> list[Check]:
    from psymitrix_cli.store.factory import open_store, store_location

    checks = [Check("backend", "ok", f"{settings.backend} ({store_location(settings)})")]
    try:
        store = open_store(settings)
    except BackendUnavailable as exc:
        return [*checks, Check("reachable", "fail", exc.message)]
    except PsyError as exc:
        return [*checks, Check("reachable", "fail", exc.message)]
    try:
        checks.append(Check("reachable", "ok", f"round trip {store.round_trip_ms():.2f} ms"))
        checks.append(Check("schema", "ok", f"version {store.schema_version()}"))
        present = store.index_report()
        missing = [
            f"{table}.{name}"
            for table, names in store.expected_indexes().items()
            for name in names
            if name not in present.get(table, [])
        ]
        checks.append(
            Check("indexes", "fail", "missing: " + ", ".join(missing))
            if missing
            else Check("indexes", "ok", f"{sum(map(len, present.values()))} present")
        )
    except PsyError as exc:
        checks.append(Check("reachable", "fail", exc.message))
    finally:
        store.close()
    return checks


def _api_checks(settings: Settings) -> list[Check]:
    import time

    import httpx

    checks = [Check("backend", "ok", f"api ({settings.api_url})")]
    start = time.perf_counter()
    try:
        response = httpx.get(f"{settings.api_url}/readyz", timeout=5.0)
    except httpx.HTTPError as exc:
        return [*checks, Check("reachable", "fail", f"{settings.api_url}: {exc}")]
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        return [*checks, Check("reachable", "fail", f"/readyz answered {response.status_code}")]
    return [*checks, Check("reachable", "ok", f"round trip {elapsed:.2f} ms")]


def _ai_check(settings: Settings) -> Check:
    from psymitrix_cli.ai.select import select_provider

    try:
        provider = select_provider(None, settings.ai)
    except PsyError as exc:
        return Check("ai provider", "fail", exc.message)
    if provider.name == "offline":
        return Check("ai provider", "ok", "offline companion (no API key set)")
    return Check("ai provider", "ok", f"{provider.name} ({provider.model})")


def run_checks(
    settings: Settings, credential_location: str, credential_warning: str | None = None
) -> dict[str, Any]:
    checks = _api_checks(settings) if settings.backend == "api" else _store_checks(settings)
    # A private file, or a plaintext keyring, works; the OS keyring is the better home.
    warn = credential_warning or credential_location.startswith("file")
    level: Level = "warn" if warn else "ok"
    detail = f"{credential_location}: {credential_warning}" if credential_warning else None
    checks.append(Check("keyring", level, detail or credential_location))
    checks.append(_ai_check(settings))
    return {
        "ok": all(c.level != "fail" for c in checks),
        "reachable": any(c.name == "reachable" and c.level == "ok" for c in checks),
        "checks": [asdict(c) for c in checks],
    }
