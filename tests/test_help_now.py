"""`psymitrix help-now`: the lines, grounding steps and the plan, with no login, no store
and no network needed, and never failing for want of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from psymitrix_cli.domain import crisis
from tests.driver import PASSWORD, Cli
from tests.fixtures.server import ApiServer, free_port


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_logged_out_it_shows_every_line_and_touches_no_store(cli: Cli) -> None:
    home = Path(cli.env["PSYMITRIX_HOME"])
    out = cli.ok("help-now", env={"PSYMITRIX_CRISIS_LINE": "Samaritans 116 123"})
    for expected in ("988", crisis.IASP_DIRECTORY, "emergency number", "Samaritans 116 123"):
        assert expected in out.stdout.replace("\n", " ") or expected in out.stdout
    assert "Name 5 things you can see" in out.stdout
    assert "safety-plan edit" in out.stdout  # no plan yet: how to write one
    assert not [f for f in _files(home) if f.endswith((".db", ".sqlite", ".sqlite3"))]


def test_json_has_resources_grounding_and_no_plan(cli: Cli) -> None:
    data = cli.json("help-now")
    assert data["resources"][0]["name"].startswith("988")
    assert data["grounding"] == list(crisis.GROUNDING)
    assert data["plan"] is None


def test_a_broken_config_and_a_dead_api_do_not_stop_it(cli: Cli, tmp_path: Path) -> None:
    config = Path(cli.env["PSYMITRIX_HOME"]) / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("this is [[ not toml")
    dead = {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": f"http://127.0.0.1:{free_port()}"}
    for env in ({}, dead, {"PSYMITRIX_BACKEND": "nonsense"}):
        out = cli.ok("help-now", env=env)
        assert "988" in out.stdout


def test_logged_in_locally_it_shows_the_plan(cli: Cli) -> None:
    cli.signup()
    cli.ok("safety-plan", "add", "helpers", "Sam", "--phone", "555 0101")
    out = cli.ok("help-now").stdout
    assert "Your safety plan" in out and "Sam: 555 0101" in out
    assert out.index("988") < out.index("Your safety plan")  # the lines come first
    assert cli.json("help-now")["plan"]["helpers"] == [{"name": "Sam", "phone": "555 0101"}]


def test_on_the_api_it_shows_the_plan_kept_locally_never_asking_the_server(
    cli: Cli, sqlite_api_server: ApiServer
) -> None:
    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": sqlite_api_server.url})
    api.signup()
    api.ok("safety-plan", "add", "coping", "Cold water on my face")
    assert "Cold water on my face" in api.ok("help-now").stdout
    assert _imported_by_help_now(api) == []  # the copy in the data dir: no HTTP client at all
    api.signup("bob")  # now logged in as someone else: ann's copy is never shown
    assert "Cold water" not in api.ok("help-now").stdout


def test_logging_out_or_deleting_the_account_leaves_no_copy(
    cli: Cli, sqlite_api_server: ApiServer
) -> None:
    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": sqlite_api_server.url})
    copy = Path(cli.env["PSYMITRIX_HOME"]) / "safety-plan.json"
    for user, leave in (
        ("ann", ("logout",)),
        ("bob", ("account", "delete", "--yes", "--password-stdin")),
    ):
        api.signup(user)
        api.ok("safety-plan", "add", "coping", "Cold water on my face")
        assert copy.exists() and copy.stat().st_mode & 0o077 == 0
        api.ok(*leave, input=PASSWORD + "\n")
        assert not copy.exists(), leave
        out = api.ok("help-now").stdout
        assert "Cold water" not in out and "988" in out


def _imported_by_help_now(cli: Cli) -> list[str]:
    """Which store and network modules one `help-now` run imports."""
    probe = (
        "import sys, json\n"
        "from psymitrix_cli.cli.app import main\n"
        "sys.argv = ['psymitrix', 'help-now']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['httpx', 'pymongo', 'sqlite3', 'psymitrix_cli.store.sqlite', 'fastapi']\n"
        "sys.stderr.write(json.dumps([m for m in heavy if m in sys.modules]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, **cli.env, **cli.extra},
        cwd=Path(cli.env["PSYMITRIX_HOME"]).parent,
        timeout=60,
    )
    assert "988" in proc.stdout, proc.stderr
    return list(json.loads(proc.stderr.strip().splitlines()[-1]))


def test_it_starts_fast_and_imports_no_store_or_network_code(cli: Cli) -> None:
    assert _imported_by_help_now(cli) == []
    started = time.perf_counter()
    out = cli.subprocess("help-now")
    elapsed = time.perf_counter() - started
    assert out.exit_code == 0 and "988" in out.stdout
    assert elapsed < 3.0  # generous for a shared box; about 0.2 s here
