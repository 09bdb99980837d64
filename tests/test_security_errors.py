"""Clear errors: a full disk, dates long ago, bytes that are not UTF-8 on
--password-stdin, and a PSYMITRIX_HOME that is not a directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.driver import PASSWORD, SIGNUP_ANN, Cli

# The store's file may not grow (SQLITE_FULL, as on a full disk): tests only.
FULL = {"PSYMITRIX_TEST_MAX_PAGES": "1"}
LONG_TEXT = "A day I want to remember. " * 300  # needs new pages in the database


def _count(cli: Cli) -> int:
    return len(cli.json("journal", "list")["items"])


def test_a_full_disk_says_so_and_saves_nothing(cli: Cli) -> None:
    cli.signup()
    out = cli("journal", "add", LONG_TEXT, "--mood", "3", env=FULL)
    assert out.exit_code == 1, out
    assert "The disk is full; nothing was saved" in out.stderr
    assert "OperationalError" not in out.stderr and "Cannot open" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert _count(cli) == 0  # rolled back whole: nothing half-written
    cli.ok("journal", "add", LONG_TEXT)  # with room again, the same entry saves
    assert _count(cli) == 1


@pytest.mark.parametrize("at", ["1800-01-01", "1899-12-31T23:00:00+00:00", "0001-01-01"])
def test_a_date_long_ago_is_refused_like_a_future_one(any_cli: Cli, at: str) -> None:
    any_cli.signup()
    future = any_cli("journal", "add", "a day", "--at", "3000-01-01")
    out = any_cli("journal", "add", "a day", "--at", at)
    assert (out.exit_code, future.exit_code) == (2, 2), out
    assert "--at" in out.stderr and "too long ago" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert _count(any_cli) == 0
    any_cli.ok("journal", "add", "a day", "--at", "1900-01-02")


def _run(cli: Cli, args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "psymitrix_cli", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **cli.env},
        timeout=60,
    )


@pytest.mark.parametrize("encoding", [None, "utf-8:strict"], ids=["default", "strict"])
def test_a_password_that_is_not_utf8_exits_2(cli: Cli, encoding: str | None) -> None:
    if encoding:
        cli = Cli({**cli.env, "PYTHONIOENCODING": encoding})
    bad = b"correct-\xff\xfehorse-9\n"
    out = _run(cli, list(SIGNUP_ANN), bad)
    assert out.returncode == 2, out
    assert b"not valid UTF-8" in out.stderr and b"Traceback" not in out.stderr
    cli.signup()
    assert _run(cli, ["login", "ann", "--password-stdin"], bad).returncode == 2
    assert (
        _run(cli, ["login", "ann", "--password-stdin"], PASSWORD.encode() + b"\n").returncode == 0
    )


def test_a_home_that_is_not_a_directory_is_a_clear_exit_2(cli: Cli, tmp_path: Path) -> None:
    afile = tmp_path / "not-a-folder"
    afile.write_text("x")
    for home in (afile, afile / "inside"):
        out = cli("journal", "list", env={"PSYMITRIX_HOME": str(home)})
        assert out.exit_code == 2, out
        assert "PSYMITRIX_HOME" in out.stderr and "not a directory" in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
    assert afile.read_text() == "x"
