"""Saved breathing patterns: add, list, use with --pattern, remove; names and ranges
checked (exit 2, nothing written); kept in the config file beside other settings."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from psymitrix_cli.domain.breathing_saved import format_saved, parse_saved, saved_pattern
from psymitrix_cli.errors import InvalidInput
from tests.driver import Cli

START = "2026-03-02T09:00:00+00:00"


def config_file(cli: Cli) -> Path:
    return Path(cli.env["PSYMITRIX_HOME"]) / "config.toml"


def test_add_list_use_and_remove_a_saved_pattern(cli: Cli) -> None:
    cli.ok("config", "set", "crisis_line", "0800 123")
    out = cli.ok("breathe", "patterns", "add", "calm", "--inhale", "4", "--hold", "7",
                 "--exhale", "8")  # fmt: skip
    assert "Saved calm (4-7-8-0, 19s a cycle)" in out.stdout
    cli.ok("breathe", "patterns", "add", "Slow", "--inhale", "5", "--exhale", "7",
           "--hold-after", "2")  # fmt: skip
    stored = tomllib.loads(config_file(cli).read_text())
    assert stored == {"crisis_line": "0800 123", "breathing_patterns": "calm=4-7-8-0; slow=5-0-7-2"}

    listed = {p["name"]: p for p in cli.json("breathe", "patterns")["items"]}
    assert listed["calm"]["saved"] is True and listed["box"]["saved"] is False
    assert [ph["name"] for ph in listed["slow"]["phases"]] == ["inhale", "exhale", "hold"]
    assert "slow" in cli.ok("breathe", "patterns").stdout

    cli.extra["PSYMITRIX_CLOCK"] = START
    done = cli.json("breathe", "--pattern", "calm", "--demo", "--cycles", "1")
    assert (done["label"], done["durationSeconds"]) == ("4-7-8-0", 19.0)

    cli.ok("breathe", "patterns", "remove", "calm")
    assert "calm" not in {p["name"] for p in cli.json("breathe", "patterns")["items"]}
    gone = cli("breathe", "--pattern", "calm", "--demo", "--cycles", "1")
    assert gone.exit_code == 2 and "Unknown breathing pattern 'calm'" in gone.stderr
    cli.ok("config", "set", "backend", "local")  # another setting keeps the saved line
    assert "slow=5-0-7-2" in config_file(cli).read_text()
    cli.ok("breathe", "patterns", "remove", "slow")
    assert tomllib.loads(config_file(cli).read_text()) == {
        "crisis_line": "0800 123",
        "backend": "local",
    }


def test_a_saved_pattern_with_an_account_is_logged_as_custom(cli: Cli) -> None:
    cli.at(START).signup()
    cli.ok("breathe", "patterns", "add", "calm", "--inhale", "4", "--exhale", "6")
    cli.at(START).ok("breathe", "--pattern", "calm", "--cycles", "1", "--plain")
    [logged] = cli.at(START).json("breathe", "history")["items"]
    assert (logged["pattern"], logged["label"]) == ("custom", "4-0-6-0")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("box", "--inhale", "4", "--exhale", "4"), "built-in"),
        (("4-7-8", "--inhale", "4", "--exhale", "4"), "letters, digits"),
        (("coherence", "--inhale", "4", "--exhale", "4"), "built-in"),
        (("custom1", "--inhale", "4", "--exhale", "4"), "built-in"),
        (("a b", "--inhale", "4", "--exhale", "4"), "letters, digits"),
        (("x" * 25, "--inhale", "4", "--exhale", "4"), "1-24"),
        (("ok", "--inhale", "0", "--exhale", "4"), "--inhale must be above 0"),
        (("ok", "--inhale", "4", "--exhale", "61"), "--exhale must be above 0 and at most 60"),
        (("ok", "--inhale", "4", "--exhale", "4", "--hold", "-1"), "--hold must be 0 or more"),
        (("ok", "--inhale", "4", "--exhale", "4", "--hold-after", "90"), "--hold-after"),
        (("ok", "--inhale", "nan", "--exhale", "4"), "--inhale"),
        (("ok", "--exhale", "4"), "--inhale"),
    ],
)
def test_bad_names_and_timings_are_exit_2_and_write_nothing(
    cli: Cli, args: tuple[str, ...], says: str
) -> None:
    out = cli("breathe", "patterns", "add", *args)
    assert out.exit_code == 2, out
    assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert not config_file(cli).exists()


def test_removing_an_unknown_pattern_is_exit_2(cli: Cli) -> None:
    out = cli("breathe", "patterns", "remove", "nope")
    assert out.exit_code == 2 and "No saved pattern 'nope'" in out.stderr
    assert not config_file(cli).exists()


def test_a_bad_saved_line_names_the_key_but_spares_the_built_ins(cli: Cli) -> None:
    cli.extra["PSYMITRIX_CLOCK"] = START
    cli.ok("config", "set", "breathing_patterns", "calm=4-7-8-0; box=1-1-1-1")
    out = cli("breathe", "patterns")
    assert out.exit_code == 2 and "breathing_patterns in the config file" in out.stderr
    assert cli("breathe", "--pattern", "calm", "--demo", "--cycles", "1").exit_code == 2
    assert cli.json("breathe", "--pattern", "box", "--demo", "--cycles", "1")["completed"]


def test_the_saved_line_round_trips() -> None:
    saved = parse_saved(" calm = 4-7-8-0 ;slow=5-0-7-2; ")
    assert format_saved(saved) == "calm=4-7-8-0; slow=5-0-7-2"
    assert parse_saved(format_saved(saved)) == saved
    assert saved_pattern("half", 2.5, 0, 3.5).label == "2.5-0-3.5-0"
    with pytest.raises(InvalidInput, match="breathing_patterns"):
        parse_saved("calm=4-7")
