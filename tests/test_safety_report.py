"""Counted, content-free safety events and `psymitrix safety report`, on every backend:
journal, check-in, gratitude and PHQ-9 item 9 are counted by source, tier and month;
nothing a person wrote is ever stored with them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from psymitrix_cli.store.base import SAFETY_EVENTS, Query, Store
from tests.driver import Cli, environment

ACUTE = "I want to kill myself tonight"
CONCERN = "I feel hopeless and worthless lately"


@pytest.fixture
def store_env(any_cli: Cli, request: pytest.FixtureRequest) -> dict[str, str]:
    """The settings that open the store behind `any_cli` (the server's, for the api)."""
    if any_cli.extra.get("PSYMITRIX_BACKEND") != "api":
        return {**any_cli.env, **any_cli.extra}
    for name in ("sqlite_api_server", "mongo_api_server"):
        if name in request.fixturenames:
            server = request.getfixturevalue(name)
            if server.url == any_cli.extra["PSYMITRIX_API_URL"]:
                return {**any_cli.env, **server.store_env}
    raise AssertionError("no server behind this api backend")


@contextmanager
def opened(values: dict[str, str]) -> Iterator[Store]:
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store.factory import open_store

    with environment(values):
        store = open_store(load_settings())
    try:
        yield store
    finally:
        store.close()


def events(values: dict[str, str], user_id: str) -> list[dict[str, Any]]:
    with opened(values) as store:
        return store.list(SAFETY_EVENTS, Query(user_id=user_id, limit=500, ascending=True))


def at(moment: str) -> dict[str, str]:
    return {"PSYMITRIX_CLOCK": moment}


def test_every_source_is_counted_by_tier_and_month(any_cli: Cli, store_env: dict[str, str]) -> None:
    march, april = at("2026-03-28T12:00:00Z"), at("2026-04-02T12:00:00Z")
    me = any_cli.at("2026-03-25T12:00:00Z").signup()  # tokens are not issued in the future
    any_cli.ok("journal", "add", ACUTE, env=march)
    any_cli.ok("journal", "add", CONCERN, "--mood", "4", env=march)
    any_cli.ok("journal", "add", "A calm walk", env=march)  # none: not an event
    any_cli.ok("gratitude", "add", ACUTE, env=april)
    any_cli.ok("checkin", "--mood", "3", "--note", CONCERN, env=april)
    any_cli.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", env=april)
    any_cli.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,3", env=april)
    any_cli.ok("test", "phq9", "--answers", "3,3,3,3,3,3,3,3,0", env=april)  # item 9 at 0
    report = any_cli.json("safety", "report", env=april)
    assert report["total"] == 6
    assert report["bySource"] == {"checkin": 1, "gratitude": 1, "journal": 2, "phq9": 2}
    assert report["byTier"] == {"concern": 3, "acute": 3}
    assert report["byMonth"] == {"2026-03": 2, "2026-04": 4}
    assert {"month": "2026-04", "source": "phq9", "tier": "acute", "count": 1} in report["rows"]
    assert sum(r["count"] for r in report["rows"]) == 6
    human = any_cli.ok("safety", "report", env=april).stdout
    assert "2026-03" in human and "checkin" in human and "never content" in human

    stored = events(store_env, me["userId"])
    assert len(stored) == 6
    written = (ACUTE, CONCERN, "tonight", "worthless", "lately", "calm")  # not kind names
    for event in stored:
        assert set(event) <= {"_id", "userId", "at", "source", "tier", "kind", "sessionId"}
        assert not any(w in str(v) for v in event.values() for w in written), event


def test_no_events_no_counts(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("journal", "add", "A calm walk")
    report = any_cli.json("safety", "report")
    assert report == {
        "total": 0,
        "bySource": {},
        "byTier": {"concern": 0, "acute": 0},
        "byMonth": {},
        "rows": [],
    }
    assert "No safety events" in any_cli.ok("safety", "report").stdout


def test_the_report_is_the_persons_own(any_cli: Cli) -> None:
    any_cli.signup("ann")
    any_cli.ok("journal", "add", ACUTE)
    any_cli.signup("bob")
    assert any_cli.json("safety", "report")["total"] == 0
    assert any_cli("safety", "report").exit_code == 0


def test_the_report_needs_a_login(cli: Cli) -> None:
    assert cli("safety", "report").exit_code == 3


def test_record_keeps_no_event_for_none_and_never_content(cli: Cli) -> None:
    """The function chat calls (services.safety_events.record), directly."""
    from psymitrix_cli.clock import clock_from_spec
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.services.context import ServiceContext
    from psymitrix_cli.services.safety_events import record
    from psymitrix_cli.store.factory import open_store

    me = cli.signup()
    user_id = me["userId"]
    with environment(cli.env):
        settings = load_settings()
    ctx = ServiceContext(
        settings, clock_from_spec("2026-05-05T10:00:00Z"), lambda: open_store(settings)
    )
    try:
        assert record(ctx, user_id, "chat", "none", None) is False
        assert record(ctx, user_id, "chat", "acute", "suicidal_ideation", session_id="s1")
        assert record(ctx, user_id, "chat", "concern", "hopelessness", "2026-05-01T00:00:00Z")
    finally:
        ctx.close()
    report = cli.json("safety", "report")
    assert report["bySource"] == {"chat": 2} and report["byMonth"] == {"2026-05": 2}
    assert report["byTier"] == {"concern": 1, "acute": 1}


def test_the_operator_counts_every_account_without_a_login(
    any_cli: Cli, store_env: dict[str, str]
) -> None:
    """`safety report --all` is the operator's figure: every account in the store, read
    where the store is (for the hosted API, on the server's host), with no login."""
    april = at("2026-04-02T12:00:00Z")
    person = any_cli.at("2026-04-01T12:00:00Z")
    person.signup("ann")
    any_cli.ok("journal", "add", ACUTE, env=april)
    person.signup("bob")
    any_cli.ok("journal", "add", CONCERN, "--mood", "4", env=april)
    any_cli.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,3", env=april)
    assert any_cli.json("safety", "report", env=april)["total"] == 2  # bob's own

    on_api = any_cli.extra.get("PSYMITRIX_BACKEND") == "api"
    if on_api:
        refused = any_cli("safety", "report", "--all", env=april)
        assert refused.exit_code == 2 and "server's host" in refused.stderr
    operator = {"PSYMITRIX_BACKEND": "local", **store_env, "PSYMITRIX_TOKEN": ""}
    any_cli.ok("logout", env=april)
    assert any_cli("safety", "report", env=operator).exit_code == 3  # one's own needs a login
    report = any_cli.json("safety", "report", "--all", env=operator)
    assert report["total"] == 3
    assert report["bySource"] == {"journal": 2, "phq9": 1}
    assert report["byTier"] == {"concern": 1, "acute": 2}
    assert report["rows"] == [
        {"month": "2026-04", "source": "journal", "tier": "acute", "count": 1},
        {"month": "2026-04", "source": "journal", "tier": "concern", "count": 1},
        {"month": "2026-04", "source": "phq9", "tier": "acute", "count": 1},
    ]
    human = any_cli.ok("safety", "report", "--all", env=operator).stdout
    assert "Every account in" in human and "journal" in human
