"""Time is injected, never patched: everything that reads the time takes a Clock.

`SystemClock` is the real one. `SimulatedClock` starts at a given instant and
only moves when something sleeps or calls `advance`, so tests can cross days,
time zones and DST, and run a five-minute breathing session in milliseconds.
The CLI picks it when `PSYMITRIX_CLOCK` is set (tests only).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for scheduling)."""
        ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)


class SimulatedClock:
    """A clock that stands still until told to move; sleeping moves it instantly."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("SimulatedClock needs a timezone-aware start")
        self._start = start.astimezone(UTC)
        self._elapsed = 0.0

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        return self._elapsed

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._elapsed += seconds

    def advance(self, seconds: float) -> None:
        self._elapsed += seconds


def clock_from_spec(spec: str | None) -> Clock:
    """`None` → the system clock; an ISO instant → a simulated clock starting there."""
    if not spec:
        return SystemClock()
    start = datetime.fromisoformat(spec.replace("Z", "+00:00"))
    return SimulatedClock(start)


def iso(moment: datetime) -> str:
    """The one stored form of an instant: UTC, microseconds, explicit offset.

    A fixed width means stored strings sort and compare like the instants they name.
    """
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment
