"""`config set` checks every value as it will be read, and a bad file can be repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.driver import Cli


def _config_file(cli: Cli) -> Path:
    return Path(cli.env["PSYMITRIX_HOME"]) / "config.toml"


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("token_ttl_days", "abc", "number"),
        ("token_ttl_days", "0", "between"),
        ("token_ttl_days", "nan", "between"),
        ("mongo_timeout_ms", "abc", "whole number"),
        ("mongo_timeout_ms", "5", "between"),
        ("api_url", "not a url", "URL"),
        ("api_url", "ftp://example.com", "URL"),
        ("api_url", "http://", "URL"),
        ("backend", "cloud", "one of"),
        ("ai_provider", "skynet", "one of"),
    ],
)
def test_a_value_that_would_be_refused_when_read_is_refused_when_set(
    cli: Cli, key: str, value: str, reason: str
) -> None:
    cli.ok("config", "set", "crisis_line", "116 123")
    before = _config_file(cli).read_text()
    out = cli("config", "set", key, value)
    assert out.exit_code == 2, out
    assert key in out.stderr and reason in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert _config_file(cli).read_text() == before  # nothing written
    assert cli("whoami").exit_code == 3  # every command still works (here: not logged in)


def test_good_values_are_kept_as_given(cli: Cli) -> None:
    cli.ok("config", "set", "token_ttl_days", "0.5")
    cli.ok("config", "set", "api_url", "https://psymitrix.example:8443/")
    cli.ok("config", "set", "mongo_timeout_ms", "2500")
    shown = cli.json("config", "show")
    assert shown["tokenTtlDays"] == 0.5 and shown["apiUrl"] == "https://psymitrix.example:8443"
    assert shown["problems"] == {}


def test_a_bad_value_in_the_file_is_named_and_config_can_repair_it(cli: Cli) -> None:
    cli.signup("ann")
    path = _config_file(cli)
    path.write_text('token_ttl_days = "abc"\napi_url = "nope"\ncrisis_line = "116 123"\n')
    broken = cli("whoami")
    assert broken.exit_code == 2 and "token_ttl_days" in broken.stderr
    assert str(path) in broken.stderr and "config unset token_ttl_days" in broken.stderr
    # show, set and unset still work, and say what is wrong.
    shown = cli.json("config", "show")
    assert set(shown["problems"]) == {"token_ttl_days", "api_url"}
    assert shown["crisisLine"] == "116 123" and shown["tokenTtlDays"] == 14.0
    human = cli.ok("config", "show")
    assert "token_ttl_days" in human.stderr and "api_url" in human.stderr
    assert cli.json("config", "path")["configFile"] == str(path)
    fixed = cli.json("config", "set", "token_ttl_days", "7")
    assert set(fixed["problems"]) == {"api_url"}
    removed = cli.json("config", "unset", "api_url")
    assert removed["value"] is None and removed["problems"] == {}
    assert cli.json("whoami")["username"] == "ann"
    assert path.read_text() == 'crisis_line = "116 123"\ntoken_ttl_days = "7"\n'
    assert cli("config", "unset", "colour").exit_code == 2


def test_the_environment_overriding_a_bad_file_value_wins(cli: Cli) -> None:
    cli.signup("ann")
    _config_file(cli).write_text('mongo_timeout_ms = "abc"\n')
    assert cli("whoami").exit_code == 2
    out = cli.json("whoami", env={"PSYMITRIX_MONGO_TIMEOUT_MS": "3000"})
    assert out["username"] == "ann"
