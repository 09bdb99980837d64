"""CLI conventions: --version, --help, errors, exit codes, colour, config, .env."""

from __future__ import annotations

from pathlib import Path

import pytest

from psymitrix_cli import __version__
from tests.driver import Cli


def test_version(cli: Cli) -> None:
    out = cli.ok("--version")
    assert out.stdout.strip() == f"psymitrix {__version__}"


def test_module_entry_point_and_help(cli: Cli) -> None:
    out = cli.subprocess("--help")
    assert out.exit_code == 0
    for command in ("signup", "login", "logout", "whoami", "me", "password", "profile", "config"):
        assert command in out.stdout


def test_bare_command_shows_help_when_logged_out(cli: Cli) -> None:
    out = cli.ok()
    assert "Usage" in out.stdout


def test_usage_error_is_one_line_and_exit_2(cli: Cli) -> None:
    out = cli("login", "--bogus")
    assert out.exit_code == 2
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "--bogus" in out.stderr and "--help" in out.stderr


def test_unknown_backend_is_exit_2(cli: Cli) -> None:
    out = cli("--backend", "cloud", "whoami")
    assert out.exit_code == 2 and "Unknown backend" in out.stderr


def test_json_errors_are_json_on_stderr(cli: Cli) -> None:
    import json

    out = cli("whoami", "--json")
    assert out.exit_code == 3 and out.stdout == ""
    assert json.loads(out.stderr)["error"]["code"] == "auth_failed"


def test_tracebacks_only_with_debug(cli: Cli) -> None:
    cli.signup("ann")
    db = Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db"
    db.write_bytes(b"this is not a database" * 100)
    plain = cli("whoami")
    assert plain.exit_code == 1
    assert "Traceback" not in plain.stderr and len(plain.stderr.strip().splitlines()) == 1
    debug = cli("--debug", "whoami")
    assert debug.exit_code == 1 and "Traceback" in debug.stderr


@pytest.mark.parametrize(
    ("extra", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_no_color(cli: Cli, extra: dict[str, str], coloured: bool) -> None:
    cli.signup("ann")
    out = cli.subprocess("whoami", env=extra)
    assert ("\x1b[" in out.stdout) is coloured, out.stdout
    flag = cli.subprocess("--no-color", "whoami", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in flag.stdout


def test_shell_completion_script(cli: Cli) -> None:
    out = cli.subprocess("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert out.exit_code == 0 and "complete" in out.stdout


def test_config_set_show_path(cli: Cli) -> None:
    paths = cli.json("config", "path")
    assert paths["configFile"].endswith("config.toml")
    cli.ok("config", "set", "crisis_line", "Samaritans: 116 123")
    assert cli.json("config", "show")["crisisLine"] == "Samaritans: 116 123"
    assert 'crisis_line = "Samaritans: 116 123"' in Path(paths["configFile"]).read_text()
    cli.ok("config", "set", "crisis_line", "")
    assert cli.json("config", "show")["crisisLine"] is None
    assert cli("config", "set", "colour", "blue").exit_code == 2
    assert cli("config", "set", "backend", "cloud").exit_code == 2


def test_environment_beats_dotenv_beats_config_file(cli: Cli, tmp_path: Path) -> None:
    cli.ok("config", "set", "crisis_line", "from-config")
    assert cli.json("config", "show")["crisisLine"] == "from-config"
    (tmp_path / ".env").write_text("PSYMITRIX_CRISIS_LINE=from-dotenv\n")
    assert cli.json("config", "show")["crisisLine"] == "from-dotenv"
    shown = cli.json("config", "show", env={"PSYMITRIX_CRISIS_LINE": "from-env"})
    assert shown["crisisLine"] == "from-env"


def test_config_show_never_prints_secrets(cli: Cli) -> None:
    out = cli.ok(
        "config", "show", env={"GROQ_API_KEY": "gsk_supersecret", "MONGO_USER_PASSWORD": "pw"}
    )
    assert "gsk_supersecret" not in out.stdout and "set" in out.stdout


def test_bcrypt_cost_below_10_is_refused_outside_tests(cli: Cli) -> None:
    out = cli("whoami", env={"PSYMITRIX_TESTING": "0", "PSYMITRIX_BCRYPT_ROUNDS": "4"})
    assert out.exit_code == 2 and "PSYMITRIX_BCRYPT_ROUNDS" in out.stderr


def test_every_listed_command_loads_and_help_imports_none_of_them(cli: Cli) -> None:
    import subprocess
    import sys

    from psymitrix_cli.cli.app import COMMANDS, load_command

    for name in COMMANDS:
        command = load_command(name)
        assert command is not None and command.name == name, name
        assert cli(name, "--help").exit_code == 0, name
    probe = (
        "import sys, runpy; sys.argv = ['psymitrix', '--help']\n"
        "try:\n    runpy.run_module('psymitrix_cli', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('psymitrix_cli.cli.journal', "
        "'psymitrix_cli.services', 'psymitrix_cli.store', 'httpx', 'pymongo', 'bcrypt', "
        "'jwt', 'keyring', 'prompt_toolkit', 'fastapi', 'groq', 'google'))]\n"
        "print(heavy, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]", out.stderr
