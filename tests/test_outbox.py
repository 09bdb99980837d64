"""The outbox: what a user writes while the API is down is kept, then sent exactly once."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.driver import Cli
from tests.fixtures.server import ApiServer


def _api(cli: Cli, server: ApiServer) -> Cli:
    return Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})


Offline = tuple[Cli, ApiServer]


@pytest.fixture
def offline(cli: Cli, start_api_server: Callable[..., ApiServer]) -> tuple[Cli, ApiServer]:
    """A signed-up user whose API server has just gone away (restart it with .start())."""
    server = start_api_server()
    api = _api(cli, server)
    api.signup("ann")
    server.stop()
    return api, server


def _outbox_dir(cli: Cli) -> Path:
    return Path(cli.env["PSYMITRIX_HOME"]) / "outbox"


def test_a_write_while_the_api_is_down_is_queued_then_synced_once(
    cli: Cli, offline: Offline
) -> None:
    api, server = offline

    out = api("journal", "add", "written on a train", "--mood", "3", "--json")
    assert out.exit_code == 0, out  # nothing is lost: exit 0, and a notice says what to do
    queued = out.json()
    assert queued["queued"] is True and queued["operation"] == "journal.add"
    assert "outbox sync" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    human = api("gratitude", "add", "the sea")
    assert human.exit_code == 0 and "outbox" in human.stderr and human.stdout == ""

    box = _outbox_dir(cli)
    assert stat.S_IMODE(box.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in box.iterdir())
    listed = api.json("outbox", "list")["items"]
    assert [i["operation"] for i in listed] == ["journal.add", "gratitude.add"]
    assert listed[0]["state"] == "pending" and listed[0]["summary"] == "written on a train"

    server.start()  # same port, same data
    synced = api.json("outbox", "sync")
    assert [s["operation"] for s in synced["sent"]] == ["journal.add", "gratitude.add"]
    assert synced["pending"] == 0 and synced["rejected"] == []
    entries = api.json("journal", "list")["items"]
    assert [e["text"] for e in entries] == ["written on a train"]
    assert entries[0]["id"] == synced["sent"][0]["id"]
    assert len(api.json("gratitude", "list")["items"]) == 1
    again = api.json("outbox", "sync")
    assert again["sent"] == [] and api.json("outbox", "list")["items"] == []
    assert len(api.json("journal", "list")["items"]) == 1


def test_a_duplicate_send_creates_one_entry(cli: Cli, offline: Offline) -> None:
    api, server = offline
    api.ok("journal", "add", "only once")
    # As if a send had reached the server but its removal from the outbox was lost:
    # the same item (same Idempotency-Key) is in the outbox twice.
    (original,) = _outbox_dir(cli).glob("*.json")
    item = json.loads(original.read_text())
    twin = {**item, "id": "dup000000000"}  # same key, same body
    (_outbox_dir(cli) / original.name.replace(item["id"], twin["id"])).write_text(json.dumps(twin))
    server.start()
    synced = api.json("outbox", "sync")
    assert len(synced["sent"]) == 2 and synced["sent"][0]["id"] == synced["sent"][1]["id"]
    assert [e["text"] for e in api.json("journal", "list")["items"]] == ["only once"]
    assert api.json("me")["userData"]["moodJournalCount"] == 1


def test_an_item_the_server_refuses_is_kept_with_the_reason(cli: Cli, offline: Offline) -> None:
    api, server = offline
    api.ok("sleep", "log", "--score", "4", "--date", "2026-01-05")
    server.start()
    api.ok("sleep", "log", "--score", "8", "--date", "2026-01-05")  # logged meanwhile
    synced = api.json("outbox", "sync")
    assert synced["sent"] == [] and "already logged" in synced["rejected"][0]["error"]
    (kept,) = api.json("outbox", "list")["items"]
    assert kept["state"] == "rejected" and kept["body"]["score"] == 4
    assert api.json("outbox", "sync")["rejected"] == []  # not sent again
    assert api.json("sleep", "show", "2026-01-05")["score"] == 8
    api.ok("outbox", "drop", kept["outboxId"], "--yes")
    assert api.json("outbox", "list")["items"] == []


def test_bad_input_is_refused_at_once_even_when_the_api_is_down(cli: Cli, offline: Offline) -> None:
    api, _ = offline
    out = api("journal", "add", "text", "--mood", "9")
    assert out.exit_code == 2 and "outbox" not in out.stderr
    assert api.json("outbox", "list")["items"] == []


def test_outbox_sync_needs_the_api_backend(cli: Cli) -> None:
    cli.signup("ann")
    out = cli("outbox", "sync")
    assert out.exit_code == 2 and "--backend api" in out.stderr
    assert cli.json("outbox", "list") == {"items": []}


def test_a_checkin_while_the_api_is_down_is_queued_whole_and_lands_on_its_day(
    cli: Cli, offline: Offline
) -> None:
    api, server = offline
    bad = api("checkin", "--mood", "9")
    assert bad.exit_code == 2 and not _outbox_dir(cli).exists()  # bad input is never queued
    out = api(
        "checkin",
        "--mood",
        "4",
        "--note",
        "on a train",
        "--sleep",
        "7",
        "--gratitude",
        "the view",
        "--json",
    )
    assert out.exit_code == 0, out
    assert out.json()["queued"] is True and len(out.stderr.strip().splitlines()) == 1
    items = api.json("outbox", "list")["items"]
    assert [i["operation"] for i in items] == ["checkin"]
    assert items[0]["body"]["at"]  # pinned to when it was typed, for the replay
    server.start()
    online = api.json("checkin", "--mood", "3", "--gratitude", "tea")  # the same day, online
    assert online["updated"] is False
    api.ok("outbox", "sync")  # the replay meets the day's check-in and updates it
    me = api.json("me")["userData"]
    assert (me["moodJournalCount"], me["sleepLogCount"], me["gratitudeCount"]) == (1, 1, 1)
    assert (
        me["moodJournal"][0]["text"] == "on a train" and "checkin" in me["moodJournal"][0]["tags"]
    )


def test_a_queued_entry_at_acute_leads_with_the_plan_kept_on_this_device(
    cli: Cli, start_api_server: Callable[..., ApiServer]
) -> None:
    """The server is out of reach, so the crisis lines come from the same rules here and
    the person's own plan from the copy `safety-plan` keeps; the entry waits to be sent."""
    server = start_api_server()
    api = _api(cli, server)
    api.signup("ann")
    api.ok("safety-plan", "add", "helpers", "Sam", "--phone", "555 0101")
    server.stop()

    out = api("journal", "add", "I have the pills ready and I'm going to take them all tonight")
    assert out.exit_code == 0, out
    assert "outbox" in out.stderr
    plan, lines = out.stdout.index("Your safety plan"), out.stdout.index("988")
    assert plan < lines and "Sam: 555 0101" in out.stdout
    calm = api("journal", "add", "a calm walk by the river")
    assert calm.exit_code == 0 and "outbox" in calm.stderr
    assert "Your safety plan" not in calm.stdout and "988" not in calm.stdout
