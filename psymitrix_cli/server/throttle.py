"""Login throttling, in memory and per worker process.

Failures are counted in a sliding window per account (the identifier as typed,
lower-cased) and per client IP. Once a key has `limit` failures inside the window,
further attempts are refused with 429 and `Retry-After` (when the oldest failure
leaves the window) before any password is checked, so a guesser also stops costing
bcrypt work. A successful login clears the account's count (not the IP's: one good
password must not reset a spray across many accounts).

Per process by design: with N workers an attacker gets at most N times the budget,
which still turns millions of guesses into dozens. Memory is bounded: stale keys
are swept, and past MAX_KEYS the oldest are dropped.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass

from psymitrix_cli.errors import RateLimited

ACCOUNT_LIMIT = 5
IP_LIMIT = 20
WINDOW_SECONDS = 15 * 60
MAX_KEYS = 50_000
MESSAGE = "Too many failed attempts; wait {seconds} seconds and try again."


@dataclass
class Window:
    limit: int
    seconds: float


class Throttle:
    def __init__(
        self,
        account: Window | None = None,
        ip: Window | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.windows = {
            "account": account or Window(ACCOUNT_LIMIT, WINDOW_SECONDS),
            "ip": ip or Window(IP_LIMIT, WINDOW_SECONDS),
        }
        self._now = now
        self._lock = threading.Lock()
        self._failures: OrderedDict[tuple[str, str], deque[float]] = OrderedDict()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        window = self.windows[key[0]]
        stamps = self._failures.get(key)
        if stamps is None:
            return deque()
        while stamps and stamps[0] <= now - window.seconds:
            stamps.popleft()
        if not stamps:
            del self._failures[key]
        return stamps

    def check(self, account: str | None, ip: str | None) -> None:
        """Raise RateLimited if either key is over its limit."""
        now = self._now()
        with self._lock:
            for key in self._keys(account, ip):
                stamps = self._recent(key, now)
                window = self.windows[key[0]]
                if len(stamps) >= window.limit:
                    wait = max(1, math.ceil(stamps[0] + window.seconds - now))
                    raise RateLimited(MESSAGE.format(seconds=wait), retry_after=wait)

    def failed(self, account: str | None, ip: str | None) -> None:
        now = self._now()
        with self._lock:
            for key in self._keys(account, ip):
                stamps = self._recent(key, now)
                stamps.append(now)
                self._failures[key] = stamps
                self._failures.move_to_end(key)
            while len(self._failures) > MAX_KEYS:
                self._failures.popitem(last=False)

    def succeeded(self, account: str | None) -> None:
        with self._lock:
            for key in self._keys(account, None):
                self._failures.pop(key, None)

    @staticmethod
    def _keys(account: str | None, ip: str | None) -> list[tuple[str, str]]:
        keys = []
        if account and account.strip():
            keys.append(("account", account.strip().lower()))
        if ip:
            keys.append(("ip", ip))
        return keys
