"""Script tokens (`psymitrix token`), through the CLI on every backend, and over HTTP.

A write token adds entries and reads nothing back; a read token reads and writes
nothing; revoking, expiry and a password change refuse them with exit 3; making,
listing and revoking tokens needs a full login; only a hash is ever stored.
"""

from __future__ import annotations

import inspect
import json
from typing import Any

import httpx
import pytest

from tests.driver import PASSWORD, Cli, backend, http_signup, skip_api
from tests.fixtures.server import ApiServer

START = "2026-03-02T09:00:00+00:00"


def _token(cli: Cli, *args: str) -> str:
    created = cli.json("token", "create", *args)
    assert created["token"].startswith("psm_")
    return str(created["token"])


def _as(cli: Cli, token: str, *args: str) -> Any:
    return cli(*args, env={"PSYMITRIX_TOKEN": token})


def _forbidden(cli: Cli, token: str, *args: str, scope: str = "write") -> None:
    out = _as(cli, token, *args, "--json")
    assert out.exit_code == 3, (args, out)
    error = json.loads(out.stderr.strip().splitlines()[-1])["error"]
    assert error["code"] == "forbidden", (args, out)
    assert f"{scope}-only script token" in error["message"]


def test_create_shows_the_token_once_and_list_never_shows_it(any_cli: Cli) -> None:
    cli = any_cli.at(START)
    cli.signup()
    human = cli.ok("token", "create", "--name", "cron")
    token = next(w for w in human.stdout.split() if w.startswith("psm_"))
    assert "expires on 2027-03-02" in human.stdout  # 365 days unless --days
    assert "shown only this once" in human.stderr
    created = cli.json("token", "create", "--name", "backup", "--scope", "read", "--days", "30")
    assert created["scope"] == "read" and created["expiresAt"].startswith("2026-04-01")
    listed = cli.json("token", "list")["items"]
    assert [(t["name"], t["scope"]) for t in listed] == [("backup", "read"), ("cron", "write")]
    assert set(listed[0]) == {"name", "scope", "createdAt", "expiresAt", "lastUsedAt", "expired"}
    shown = cli.ok("token", "list").stdout + json.dumps(listed)
    assert token not in shown and created["token"] not in shown
    assert "cron" in shown and "never" in cli.ok("token", "list").stdout  # not used yet


def test_a_write_token_adds_entries_and_reads_nothing_back(any_cli: Cli) -> None:
    cli = any_cli.at(START)
    cli.signup()
    token = _token(cli, "--name", "cron")
    for args in (
        ("journal", "add", "slept well, calm morning", "--mood", "4"),
        ("checkin", "--mood", "3", "--sleep", "6", "--hours", "7", "--gratitude", "tea"),
        ("gratitude", "add", "a walk"),
        ("sleep", "log", "--score", "7", "--date", "2026-03-01"),
        ("breathe", "--pattern", "box", "--cycles", "1"),
        ("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,0"),
        ("activity", "add", "walk by the river", "--done"),
    ):
        out = _as(cli, token, *args)
        assert out.exit_code == 0, (args, out)
    assert _as(cli, token, "whoami").exit_code == 0  # who it acts for is not history
    written = cli.json("journal", "list")["items"]  # the login sees what the script wrote
    assert {e["text"] for e in written} >= {"slept well, calm morning"}
    entry_id = written[0]["id"]
    for args in (
        ("journal", "list"),
        ("journal", "show", entry_id),
        ("journal", "delete", entry_id, "--yes"),
        ("sleep", "list"),
        ("status",),
        ("me",),
        ("review",),
        ("export",),
        ("profile", "update", "--name", "Someone else"),
        ("safety-plan", "show"),
        ("token", "list"),
        ("token", "create", "--name", "another"),
        ("token", "revoke", "cron"),
        ("logout",),
        ("logout", "--all"),
    ):
        _forbidden(cli, token, *args)
    change = ("password", "change", "--password-stdin", "--json")
    out = cli(*change, input=f"{PASSWORD}\nanother-horse-7\n", env={"PSYMITRIX_TOKEN": token})
    assert out.exit_code == 3 and "forbidden" in out.stderr, out
    assert cli.json("journal", "show", entry_id)["id"] == entry_id  # nothing was deleted
    assert cli.json("whoami")["name"] == "Ann"
    (listed,) = cli.json("token", "list")["items"]
    assert listed["lastUsedAt"] is not None


def test_a_read_token_reads_and_writes_nothing(any_cli: Cli) -> None:
    cli = any_cli.at(START)
    cli.signup()
    entry = cli.json("journal", "add", "first entry", "--mood", "3")
    token = _token(cli, "--name", "dash", "--scope", "read")
    listed = _as(cli, token, "journal", "list", "--json")
    assert listed.exit_code == 0, listed
    assert [e["id"] for e in json.loads(listed.stdout)["items"]] == [entry["id"]]
    for args in (("status",), ("me",), ("export",), ("journal", "show", entry["id"])):
        assert _as(cli, token, *args, "--json").exit_code == 0, args
    for args in (
        ("journal", "add", "from a script", "--mood", "3"),
        ("checkin", "--mood", "3"),
        ("journal", "delete", entry["id"], "--yes"),
        ("token", "create", "--name", "more"),
    ):
        _forbidden(cli, token, *args, scope="read")
    assert len(cli.json("journal", "list")["items"]) == 1


def test_revoked_expired_and_password_changed_tokens_exit_3(any_cli: Cli) -> None:
    cli = any_cli.at(START)
    cli.signup()
    revoked = _token(cli, "--name", "old")
    short = _token(cli, "--name", "short", "--days", "1")
    assert cli.json("token", "revoke", "old") == {"name": "old", "revoked": True}
    out = _as(cli, revoked, "journal", "add", "x", "--mood", "3")
    assert out.exit_code == 3 and "was revoked" in out.stderr, out
    again = cli("token", "revoke", "old")
    assert again.exit_code == 2 and "no token named 'old'" in again.stderr

    assert _as(cli, short, "journal", "add", "still in time", "--mood", "3").exit_code == 0
    later = any_cli.at("2026-03-03T09:00:01+00:00")  # a day and a second on
    out = _as(later, short, "journal", "add", "too late", "--mood", "3")
    assert out.exit_code == 3 and "expired on 2026-03-03" in out.stderr, out
    assert later.json("token", "list")["items"][0]["expired"] is True
    renewed = _token(later, "--name", "short")  # an expired token's name can be used again
    assert _as(later, renewed, "journal", "add", "renewed", "--mood", "3").exit_code == 0

    cli.ok("password", "change", "--password-stdin", input=f"{PASSWORD}\nanother-horse-7\n")
    out = _as(later, renewed, "journal", "add", "after the change", "--mood", "3")
    assert out.exit_code == 3 and "password change or `logout --all`" in out.stderr, out
    assert later.json("token", "list")["items"] == []  # revoked tokens are not listed
    fresh = _token(later, "--name", "short")
    later.ok("logout", "--all")
    assert _as(later, fresh, "whoami").exit_code == 3


def test_a_bad_token_request_is_exit_2_and_names_are_unique(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("token", "create", "--name", "cron")
    for args, words in (
        (("--name", "cron"), "named 'cron' already"),
        (("--name", "two words"), "token name"),
        (("--name", "x", "--days", "0"), "1 to 3650 days"),
        (("--name", "x", "--days", "3651"), "1 to 3650 days"),
        (("--name", "x", "--scope", "admin"), "write or read"),
    ):
        out = any_cli("token", "create", *args)
        assert out.exit_code == 2 and words in out.stderr, (args, out)
    out = any_cli("journal", "list", env={"PSYMITRIX_TOKEN": "psm_not_a_real_token"})
    assert out.exit_code == 3 and "was revoked (or never existed)" in out.stderr


def test_only_a_hash_of_the_token_is_stored(any_cli: Cli) -> None:
    skip_api(any_cli)
    any_cli.signup()
    token = _token(any_cli, "--name", "cron")
    from psymitrix_cli.store.base import SCRIPT_TOKENS, Query

    with backend(any_cli) as local:
        user_id = local.accounts.whoami()["userId"]
        rows = local.ctx.store.list(SCRIPT_TOKENS, Query(user_id=user_id))  # type: ignore[attr-defined]
    assert len(rows) == 1 and token not in json.dumps(rows)
    assert token[len("psm_") + 25 :] not in json.dumps(rows)  # the random part, after the id


def test_over_http_a_write_token_is_403_on_reads_and_201_on_adds(api_server: ApiServer) -> None:
    with httpx.Client(base_url=api_server.url) as client:
        login = http_signup(client, "ann")
        made = client.post("/v1/tokens", json={"name": "cron"}, headers=login)
        assert made.status_code == 201, made.text
        script = {"Authorization": f"Bearer {made.json()['token']}"}
        add = client.post("/v1/journal", json={"text": "from cron", "mood": 3}, headers=script)
        assert add.status_code == 201, add.text
        refused = client.get("/v1/journal", headers=script)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "forbidden"
        assert client.get("/v1/tokens", headers=script).status_code == 403
        listed = client.get("/v1/tokens", headers=login).json()["items"]
        assert [t["name"] for t in listed] == ["cron"] and "token" not in listed[0]
        assert client.delete("/v1/tokens/cron", headers=login).status_code == 200
        gone = client.post("/v1/journal", json={"text": "x", "mood": 3}, headers=script)
        assert gone.status_code == 401


def _operations() -> list[tuple[str, Any]]:
    """Every public method of every service class: a class of psymitrix_cli/services/
    built over a caller's Session (the operations the backends and routes call)."""
    import importlib
    import pkgutil

    import psymitrix_cli.services as package

    found: dict[str, Any] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            if "session" not in inspect.signature(cls.__init__).parameters:
                continue
            for name, member in inspect.getmembers(cls, inspect.isfunction):
                if not name.startswith("_"):
                    found[f"{cls.__name__}.{name}"] = member
    return sorted(found.items())


@pytest.mark.parametrize(("name", "operation"), _operations())
def test_every_service_operation_declares_what_a_script_token_may_do(
    name: str, operation: Any
) -> None:
    from psymitrix_cli.services.scopes import declared

    assert declared(operation) is not None, f"{name} declares no @allows(...)"


def test_a_read_token_is_not_a_visit_and_a_write_token_is(any_cli: Cli) -> None:
    day1 = any_cli.at(START)
    day1.signup()
    reader = _token(day1, "--name", "bar", "--scope", "read")
    writer = _token(day1, "--name", "cron")
    day2 = any_cli.at("2026-03-03T09:00:00+00:00")
    seen = _as(day2, reader, "status", "--json")
    assert seen.exit_code == 0, seen
    assert json.loads(seen.stdout)["streak"]["lastVisit"].startswith("2026-03-02")
    assert _as(day2, writer, "journal", "add", "from cron", "--mood", "3").exit_code == 0
    assert (
        _as(day2, reader, "status", "--json").json()["streak"]["lastVisit"].startswith("2026-03-03")
    )
