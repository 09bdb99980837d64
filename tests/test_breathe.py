"""Guided breathing through the CLI: the plain renderer, logging, no drift on a
simulated clock, Ctrl-C in a real process, --demo, bad input, and the Rich Live
animation in a pty."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.driver import Cli
from tests.terminal import type_in_pty

START = "2026-03-02T09:00:00+00:00"
PLAIN_30 = ("--cycles", "30", "--plain")


def simulated(cli: Cli, when: str = START) -> Cli:
    """Every later command runs on a simulated clock: a session takes no real time."""
    cli.extra["PSYMITRIX_CLOCK"] = when
    return cli


def phase_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("Cycle ")]


def sessions(cli: Cli) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = cli.json("breathe", "history")["items"]
    return items


def test_plain_box_two_cycles_lists_every_phase_and_logs(any_cli: Cli) -> None:
    simulated(any_cli).signup()
    started = time.monotonic()
    out = any_cli.ok("breathe", "--pattern", "box", "--cycles", "2")  # CliRunner: not a TTY
    assert time.monotonic() - started < 10  # 32 simulated seconds, no real waiting
    assert phase_lines(out.stdout) == [
        f"Cycle {cycle}/2 · {phase} · 4s"
        for cycle in (1, 2)
        for phase in ("Inhale", "Hold", "Exhale", "Hold")
    ]
    assert "\x1b[" not in out.stdout
    [logged] = sessions(any_cli)
    assert logged["pattern"] == "box" and logged["label"] == "4-4-4-4"
    assert (logged["cycles"], logged["plannedCycles"], logged["completed"]) == (2, 2, True)
    assert logged["durationSeconds"] == 32.0
    assert logged["startedAt"].startswith("2026-03-02T09:00:00")
    assert logged["endedAt"].startswith("2026-03-02T09:00:32")
    data = any_cli.json("me")["userData"]
    assert data["breathingCount"] == 1
    assert [s["id"] for s in data["breathingExercises"]] == [logged["id"]]


def test_plain_flag_and_other_patterns(cli: Cli) -> None:
    simulated(cli).signup()
    sigh = cli.ok("breathe", "--pattern", "sigh", "--cycles", "1", "--plain").stdout
    assert phase_lines(sigh) == [
        "Cycle 1/1 · Inhale · 2s",
        "Cycle 1/1 · Inhale again · 1s",
        "Cycle 1/1 · Exhale · 6s",
    ]
    custom = cli.json("breathe", "--custom", "4-2-6-0", "--cycles", "1")
    assert (custom["pattern"], custom["label"], custom["durationSeconds"]) == (
        "custom",
        "4-2-6-0",
        12.0,
    )
    assert cli.json("breathe", "--pattern", "4-7-8", "-c", "1")["pattern"] == "478"
    assert len(sessions(cli)) == 3


@pytest.mark.parametrize(("pattern", "cycle"), [("box", 16.0), ("coherent", 11.0), ("478", 19.0)])
def test_five_simulated_minutes_do_not_drift(cli: Cli, pattern: str, cycle: float) -> None:
    simulated(cli).signup()
    result = cli.json("breathe", "--pattern", pattern, "--minutes", "5")
    planned = result["plannedCycles"]
    assert planned * cycle >= 300 > (planned - 1) * cycle  # rounded up to whole cycles
    assert result["cycles"] == planned and result["completed"] is True
    assert abs(result["durationSeconds"] - planned * cycle) < 0.1
    wall = datetime.fromisoformat(result["endedAt"]) - datetime.fromisoformat(result["startedAt"])
    assert abs(wall.total_seconds() - planned * cycle) < 0.1


def test_json_prints_the_logged_document_and_keeps_lines_off_stdout(cli: Cli) -> None:
    simulated(cli).signup()
    out = cli.ok("breathe", "--cycles", "1", "--json")
    result = out.json()
    assert set(result) == {
        "id",
        "startedAt",
        "endedAt",
        "pattern",
        "label",
        "cycles",
        "plannedCycles",
        "durationSeconds",
        "completed",
    }
    assert len(phase_lines(out.stderr)) == 4
    assert cli.json("breathe", "show", result["id"]) == result


def test_default_session_is_about_a_minute_of_box(cli: Cli) -> None:
    simulated(cli).signup()
    result = cli.json("breathe")
    assert result["pattern"] == "box" and result["plannedCycles"] == 4


def test_bell_rings_at_each_phase(cli: Cli) -> None:
    simulated(cli).signup()
    out = cli.ok("breathe", "--cycles", "1", "--bell")
    assert out.stdout.count("\a") == 4
    assert "\a" not in cli.ok("breathe", "--cycles", "1").stdout


def test_demo_needs_no_account_and_logs_nothing(any_cli: Cli) -> None:
    simulated(any_cli)
    out = any_cli.ok("breathe", "--demo", "--cycles", "1")
    assert len(phase_lines(out.stdout)) == 4 and "not saved" in out.stdout
    demo = any_cli.json("breathe", "--demo", "--cycles", "1")
    assert demo["id"] is None and demo["completed"] is True
    if not any_cli.extra.get("PSYMITRIX_BACKEND"):  # the local store was never even opened
        assert not (Path(any_cli.env["PSYMITRIX_HOME"]) / "psymitrix.db").exists()
    any_cli.signup()
    any_cli.ok("breathe", "--demo", "--cycles", "1")
    assert sessions(any_cli) == []
    assert any_cli.json("me")["userData"]["breathingCount"] == 0


def test_login_is_required_before_the_session_starts(cli: Cli) -> None:
    out = simulated(cli)("breathe", "--cycles", "1")
    assert out.exit_code == 3 and phase_lines(out.stdout) == []


@pytest.mark.parametrize(
    "args",
    [
        ("--pattern", "square"),
        ("--custom", "4-x-6-0"),
        ("--custom", "4-2-6"),
        ("--custom", "0-2-6-0"),
        ("--pattern", "box", "--custom", "4-2-6-0"),
        ("--cycles", "0"),
        ("--cycles", "-1"),
        ("--cycles", "two"),
        ("--minutes", "0"),
        ("--minutes", "-2"),
        ("--cycles", "2", "--minutes", "1"),
    ],
)
def test_bad_input_is_exit_2_with_one_line_and_nothing_logged(
    any_cli: Cli, args: Sequence[str]
) -> None:
    simulated(any_cli).signup()
    out = any_cli("breathe", *args)
    assert out.exit_code == 2, out
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert phase_lines(out.stdout) == []
    assert sessions(any_cli) == []
    assert any_cli.json("me")["userData"]["breathingCount"] == 0


def test_patterns_are_listed_with_their_purpose(cli: Cli) -> None:
    listed = cli.json("breathe", "patterns")["items"]  # no account needed
    assert [p["name"] for p in listed] == ["box", "478", "coherent", "sigh"]
    assert all(p["purpose"] and p["label"] and p["phases"] for p in listed)
    assert "physiological sigh" in cli.ok("breathe", "patterns").stdout


def test_history_pages_show_and_delete(any_cli: Cli) -> None:
    simulated(any_cli).signup("ann")
    ids = []
    for minute in range(3):
        simulated(any_cli, f"2026-03-02T09:{minute:02d}:00+00:00")
        ids.append(any_cli.json("breathe", "--cycles", "1")["id"])
    first = any_cli.json("breathe", "history", "-n", "2")
    assert [s["id"] for s in first["items"]] == ids[:0:-1] and first["nextCursor"]
    rest = any_cli.json("breathe", "history", "-n", "2", "--cursor", first["nextCursor"])
    assert [s["id"] for s in rest["items"]] == [ids[0]] and rest["nextCursor"] is None
    table = any_cli.ok("breathe", "history").stdout
    assert "box 4-4-4-4" in table and ids[0][:8] in table
    paged = any_cli.ok("breathe", "list", "-n", "2").stdout
    assert f"psymitrix breathe list --cursor {first['nextCursor']}" in paged

    any_cli.ok("breathe", "delete", ids[1], "--yes")
    assert [s["id"] for s in sessions(any_cli)] == [ids[2], ids[0]]
    assert any_cli.json("me")["userData"]["breathingCount"] == 2
    assert any_cli("breathe", "show", ids[1]).exit_code == 2

    any_cli.signup("bob")
    for args in (("show", ids[0]), ("delete", ids[0], "--yes")):
        out = any_cli("breathe", *args)
        assert out.exit_code == 2 and "not found" in out.stderr
    assert any_cli.json("breathe", "history")["items"] == []
    assert "No breathing sessions yet" in any_cli.ok("breathe", "list").stdout


def test_ctrl_c_saves_the_partial_session_and_exits_130(cli: Cli) -> None:
    cli.signup()  # the real clock: this one runs in real time
    env = {**os.environ, **cli.env, **cli.extra}
    proc = subprocess.Popen(
        [sys.executable, "-m", "psymitrix_cli", *("breathe", "--pattern", "box"), *PLAIN_30],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=Path(cli.env["PSYMITRIX_HOME"]).parent,
    )
    try:
        assert proc.stdout is not None
        # Wait for the first phase, so the signal lands inside the session, not at start-up.
        deadline = time.monotonic() + 60
        first = b""
        while b"\n" not in first and time.monotonic() < deadline:
            ready, _, _ = select.select([proc.stdout], [], [], 0.5)
            if ready:
                first += os.read(proc.stdout.fileno(), 4096)
        assert first.startswith(b"Cycle 1/30"), first
        time.sleep(1.5)
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, stderr
    assert b"partial session was saved as today's practice" in stderr
    assert b"Traceback" not in stderr and b"Error" not in stderr  # stopping is no error
    [logged] = sessions(cli)
    assert logged["completed"] is False
    assert (logged["cycles"], logged["plannedCycles"]) == (0, 30)
    assert 1.0 <= logged["durationSeconds"] < 15
    assert cli.json("me")["userData"]["breathingCount"] == 1


# --- a real pseudo-terminal ---------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_live_animation_in_a_pty(cli: Cli) -> None:
    simulated(cli).signup()
    code, output = type_in_pty(cli, ["breathe", "--pattern", "box", "--cycles", "1"])
    assert code == 0, output
    for phase in ("Inhale", "Hold", "Exhale", "Cycle 1/1", "█"):
        assert phase in output, phase
    assert "Cycle 1/1 · Inhale · 4s" not in output  # the animation, not the plain lines
    [logged] = sessions(cli)
    assert logged["completed"] is True and logged["durationSeconds"] == 16.0


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_plain_flag_on_a_pty_and_no_color_turn_the_animation_off(cli: Cli) -> None:
    simulated(cli).signup()
    code, output = type_in_pty(cli, ["breathe", "--cycles", "1", "--plain"])
    assert code == 0 and "Cycle 1/1 · Exhale · 4s" in output
    code, output = type_in_pty(cli, ["breathe", "--cycles", "1"], env={"NO_COLOR": "1"})
    assert code == 0 and "Cycle 1/1 · Exhale · 4s" in output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_ctrl_c_during_the_animation_saves_the_partial_session(cli: Cli) -> None:
    cli.signup()  # the real clock; Ctrl-C typed on the terminal becomes SIGINT
    code, output = type_in_pty(
        cli, ["breathe", "--cycles", "30"], [b"\x03"], ready=b"Inhale", pause=0.5
    )
    assert code == 130, output
    assert "partial session was saved" in output and "Traceback" not in output
    assert "Error" not in output and "Interrupted" not in output
    [logged] = sessions(cli)
    assert logged["completed"] is False and logged["plannedCycles"] == 30
