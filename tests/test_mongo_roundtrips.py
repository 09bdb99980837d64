"""Round trips per command on MongoDB stay within issue 14's targets.

Counted as bench/mongo_roundtrips.py counts them: pymongo command monitoring on the
SecantusDB fixture (or PSYMITRIX_TEST_MONGO_URI), each command run twice and the second
run counted (the first of a day also records the visit), the driver's own handshakes
and heartbeats left out. Upper bounds on commands sent, not timings.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from pymongo import monitoring

from tests.driver import PASSWORD, SIGNUP_ANN, Cli
from tests.fixtures.server import mongo_env

CONNECTION = frozenset({"hello", "ismaster", "isMaster", "ping", "endSessions", "buildInfo"})
# (command, upper bound): the targets of issue 14, and `me` at what it reached.
BOUNDS: dict[tuple[str, ...], int] = {
    ("status",): 8,
    ("journal", "add", "one more", "--mood", "4"): 3,
    ("journal", "list"): 2,
    ("journal", "list", "--tag", "work"): 2,
    ("me", "--json"): 2,
}


class Sent(monitoring.CommandListener):
    """The names of the commands sent while `on`."""

    def __init__(self) -> None:
        self.names: Counter[str] = Counter()
        self.on = False

    def started(self, event: Any) -> None:
        if self.on and event.command_name not in CONNECTION:
            self.names[event.command_name] += 1

    def succeeded(self, event: Any) -> None:
        pass

    def failed(self, event: Any) -> None:
        pass


@pytest.fixture
def counted(
    env: dict[str, str], mongo_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> tuple[Cli, Sent]:
    monkeypatch.setattr(monitoring, "_LISTENERS", monitoring._Listeners([], [], [], [], []))
    sent = Sent()
    monitoring.register(sent)
    cli = Cli(env, mongo_env(mongo_settings.link, mongo_settings.database)).at(
        "2026-03-02T09:00:00+00:00"
    )
    cli.ok(*SIGNUP_ANN, input=PASSWORD + "\n")
    for n in range(3):
        cli.ok("journal", "add", f"day {n}", "--mood", "3", "--tag", "work")
    cli.ok("sleep", "log", "--score", "7", "--hours", "7")
    cli.ok("checkin", "--mood", "3", "--gratitude", "tea")
    return cli, sent


def round_trips(cli: Cli, sent: Sent, *argv: str) -> Counter[str]:
    cli.ok(*argv)  # the first run of a day records the visit
    sent.names.clear()
    sent.on = True
    try:
        cli.ok(*argv)
    finally:
        sent.on = False
    return Counter(sent.names)


@pytest.mark.parametrize("argv", list(BOUNDS), ids=" ".join)
def test_mongo_round_trips_per_command_stay_within_bounds(
    counted: tuple[Cli, Sent], argv: tuple[str, ...]
) -> None:
    cli, sent = counted
    names = round_trips(cli, sent, *argv)
    assert names, "nothing was counted: the listener is not watching the store"
    assert sum(names.values()) <= BOUNDS[argv], dict(names)


def test_mongo_journal_add_is_one_read_and_one_transaction(counted: tuple[Cli, Sent]) -> None:
    """The caller's read (schema, user, revocation, user_data) is one aggregation, and
    the entry with its count is one transaction, never a write outside it."""
    cli, sent = counted
    names = round_trips(cli, sent, "journal", "add", "again", "--mood", "2")
    assert names["find"] == 0 and names["aggregate"] == 1, dict(names)
    assert names["commitTransaction"] == 1, dict(names)
