"""Present mode through a real pseudo-terminal: the full screen scales with the window,
keys do what the hint says, the screen is restored on q, Ctrl-C and SIGTERM, and a demo
writes nothing. The guide's rules (pause, pattern, pace) are tested as pure functions."""

from __future__ import annotations

import re
import signal
import sys
from pathlib import Path

import pytest

from psymitrix_cli.domain.breathing import get_pattern
from psymitrix_cli.domain.breathing_guide import Guide
from psymitrix_cli.ui.present.breathing import Look, layout
from psymitrix_cli.ui.present.screen import Screen, parse_keys
from psymitrix_cli.ui.present.theme import HIGH_CONTRAST, PLAIN, visible
from tests.driver import Cli
from tests.present_pty import Action, Emulator, on_pty

START = "2026-03-02T09:00:00+00:00"
LEAVE = "\x1b[?1049l"
ENTER = "\x1b[?1049h"
SGR = re.compile(r"\x1b\[[0-9;]*m")
posix = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def widest_shape(output: str) -> int:
    plain = SGR.sub("", output)
    return max((len(run) for run in re.findall(r"[·█]+", plain)), default=0)


def nothing_stored(cli: Cli) -> bool:
    home = Path(cli.env["PSYMITRIX_HOME"])
    return not home.exists() or not any(home.iterdir())


# --- the full screen in a pty -------------------------------------------------------------


@posix
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_a_demo_session_fills_the_window_and_restores_the_screen(
    cli: Cli, size: tuple[int, int]
) -> None:
    cli.extra["PSYMITRIX_CLOCK"] = START  # the session plays instantly
    run = on_pty(cli, ["breathe", "--present", "--demo", "--cycles", "1"], size)
    code, output = run.code, run.output
    assert code == 0, output
    assert ENTER in output and output.rindex(LEAVE) > output.rindex(ENTER)
    assert "DEMO: nothing is saved" in output and "Session: 1 of 1 cycles" in output
    assert "Error" not in output
    columns = size[0]
    width = widest_shape(output)
    # The disc is 4r+1 columns wide for a radius r that grows with the window.
    assert width <= columns - 4
    assert width >= (29 if columns == 80 else 85), width
    assert nothing_stored(cli)


def test_the_shape_scales_with_the_window() -> None:
    guide = Guide([get_pattern("box")], 4)
    guide.advance(4.0)  # full lungs: the disc is solid
    small = layout(guide, 80, 24, Look(PLAIN))
    large = layout(guide, 200, 60, Look(PLAIN))
    assert len(small) == 24 and len(large) == 60
    assert all(visible(row) <= 80 for row in small)
    small_width, large_width = widest_shape("\n".join(small)), widest_shape("\n".join(large))
    assert small_width == 29 and large_width > 2.5 * small_width  # a radius of 7 rows, then 22


@posix
def test_keys_pause_switch_pattern_and_pace_then_q_leaves_kindly(cli: Cli) -> None:
    run = on_pty(
        cli,
        ["breathe", "--present", "--demo", "--cycles", "30"],
        (100, 30),
        [
            ("pace 100%", b" "),  # pause
            ("PAUSED", b" "),  # resume
            ("Cycle", b"\x1b[C"),  # the next pattern
            ("478 ·", b"+"),  # quicker
            ("pace 115%", b"q"),
        ],
    )
    code, output = run.code, run.output
    assert code == 0, output
    assert "PAUSED" in run.screens[1] and "PAUSED" not in run.screens[3]
    assert "478 · 4-7-8-0" in run.screens[4] and "pace 115%" in run.screens[4]
    assert "patterns: box, 478" in output and "nothing was saved (demo)" in output
    assert "Error" not in output
    assert nothing_stored(cli)


@posix
@pytest.mark.parametrize("stop", [b"\x03", signal.SIGTERM])
def test_ctrl_c_and_sigterm_restore_the_screen(cli: Cli, stop: bytes | int) -> None:
    run = on_pty(
        cli,
        ["breathe", "--present", "--demo", "--cycles", "30", "--high-contrast"],
        (80, 24),
        [("pace 100%", stop)],
    )
    code, output = run.code, run.output
    assert code == (130 if stop == b"\x03" else 143), output
    after = output[output.rindex(LEAVE) :]
    assert output.rindex(LEAVE) > output.rindex(ENTER)
    assert "Error" not in output and "Traceback" not in output
    assert "Session: 0 of 30 cycles" in after
    assert nothing_stored(cli)


@posix
def test_a_session_with_an_account_is_saved_when_left_early(cli: Cli) -> None:
    cli.signup()
    run = on_pty(cli, ["breathe", "--present", "--reduced-motion"], (80, 24), [("pace 100%", b"q")])
    code, output = run.code, run.output
    assert code == 0, output
    assert "░" in output and "partial session was saved" in output
    [logged] = cli.json("breathe", "history")["items"]
    assert logged["completed"] is False and logged["pattern"] == "box"


def test_present_needs_a_terminal(cli: Cli) -> None:
    out = cli("breathe", "--present", "--demo", "--json")
    assert out.exit_code == 2 and "needs a terminal" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and out.stdout == ""


# --- pure parts ---------------------------------------------------------------------------


def test_the_guide_pauses_switches_and_paces() -> None:
    guide = Guide([get_pattern("box"), get_pattern("478")], planned=2)
    guide.advance(2.0)
    assert guide.position().phase.name == "inhale" and guide.position().remaining == 2.0
    guide.toggle_pause()
    guide.advance(10.0)  # paused: the breath does not move
    assert guide.paused_seconds == 10.0 and guide.position().remaining == 2.0
    guide.toggle_pause()
    guide.switch(1)  # 478, from the start of a cycle
    assert guide.pattern.name == "478" and guide.in_cycle == 0.0
    guide.pace(1)
    assert guide.speed == 1.15
    guide.advance(4 / 1.15)
    assert guide.position().phase.name == "hold"
    guide.advance(15 / 1.15)
    assert guide.cycles_done == 1 and not guide.finished
    guide.advance(19 / 1.15)
    assert guide.finished and guide.used == ["box", "478"]
    for _ in range(9):
        guide.pace(1)
    assert guide.speed == 1.3  # the fastest step, not beyond


def test_fullness_climbs_on_inhale_and_holds() -> None:
    guide = Guide([get_pattern("box")], planned=1)
    seen = []
    for _ in range(16):
        seen.append(guide.position().fullness)
        guide.advance(1.0)
    assert seen[0] == 0.0 and seen[4] == 1.0 and seen[5] == 1.0 and seen[12] == 0.0
    assert seen[1] < seen[2] < seen[3]


@posix
def test_a_resize_lays_the_screen_out_again_at_the_new_size(cli: Cli) -> None:
    run = on_pty(
        cli,
        ["breathe", "--present", "--demo", "--cycles", "30"],
        (80, 24),
        [("pace 100%", (200, 60)), ("\x1b[2J", b""), ("pace 100%", b"q")],
    )
    assert run.code == 0, run.output
    small, large = run.screens[0], run.screens[2]
    assert widest_shape(small) == 29 and widest_shape(large) == 89  # radius 7, then 22
    assert len(large.splitlines()) == 60 and max(map(len, large.splitlines())) <= 200


def test_keys_are_parsed_from_what_a_terminal_sends() -> None:
    assert parse_keys("\x1b[C\x1b[D +-q\x1b") == [
        "right",
        "left",
        "space",
        "plus",
        "minus",
        "q",
        "escape",
    ]


@pytest.mark.parametrize("look", [Look(PLAIN), Look(HIGH_CONTRAST, reduced_motion=True)])
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_partial_updates_leave_exactly_the_frame_on_screen(
    look: Look, size: tuple[int, int]
) -> None:
    import io

    out = io.BytesIO()
    screen = Screen(out, None, size=lambda: size)
    terminal = Emulator(*size)
    guide = Guide([get_pattern("box"), get_pattern("sigh")], planned=3)
    for step in range(200):  # a whole session at 10 frames a second, with changes of mind
        if step == 50:
            guide.switch(1)
        if step == 90:
            guide.pace(2)
        frame = layout(guide, *size, look)
        screen.draw(frame)
        terminal.feed(out.getvalue().decode())
        out.seek(0)
        out.truncate()
        assert terminal.lines() == [SGR.sub("", row).rstrip() for row in frame], step
        guide.advance(0.1)


def test_only_changed_rows_are_redrawn() -> None:
    import io

    out = io.BytesIO()
    screen = Screen(out, None, size=lambda: (80, 24))
    guide = Guide([get_pattern("box")], planned=1)
    guide.advance(4.5)  # a hold: nothing moves but the countdown
    screen.draw(layout(guide, 80, 24, Look(HIGH_CONTRAST)))
    first = screen.bytes_written
    screen.draw(layout(guide, 80, 24, Look(HIGH_CONTRAST)))
    assert screen.bytes_written == first  # the same frame costs nothing
    guide.advance(1.0)
    screen.draw(layout(guide, 80, 24, Look(HIGH_CONTRAST)))
    assert 0 < screen.bytes_written - first < first // 3


# --- read-aloud questionnaires ------------------------------------------------------------


@posix
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_a_demo_phq9_one_item_at_a_time_then_breakdown_then_crisis_panel(
    cli: Cli, size: tuple[int, int]
) -> None:
    steps: list[tuple[str, Action]] = [("question 1 of 9", b"3"), ("question 2 of 9", b"\x7f")]
    steps += [("question 1 of 9", b"0")]  # back to item 1, and answered again
    steps += [(f"question {n} of 9", b"0") for n in range(2, 9)]
    steps += [("question 9 of 9", b"\x1b[B\r")]  # ↓ then Enter: "Several days"
    steps += [("Item by item", b"\r"), ("Support, now", b"\r")]
    run = on_pty(cli, ["test", "phq9", "--present", "--demo"], size, steps)
    code, output = run.code, run.output
    assert code == 0, output
    after = output[output.rindex(LEAVE) :]
    assert all("DEMO: nothing is saved" in screen for screen in run.screens)  # from the first
    result, crisis = run.screens[-2], run.screens[-1]
    [item9] = [line for line in result.splitlines() if "9. Thoughts that you" in line]
    [item1] = [line for line in result.splitlines() if "1. Little interest" in line]
    assert item9.endswith(" 1") and item1.endswith(" 0")  # each item's score beside it
    assert "Crisis Lifeline" in crisis and "You answered that you have had thoughts" in crisis
    plain = SGR.sub("", after)
    assert "PHQ-9  1/27" in plain and "Crisis Lifeline" in plain  # kept in the scrollback
    assert "Demo: this result was not saved." in plain
    assert nothing_stored(cli)


@posix
def test_a_gad7_with_an_account_is_saved(cli: Cli) -> None:
    cli.signup()
    steps: list[tuple[str, Action]] = [(f"question {n} of 7", b"1") for n in range(1, 8)]
    run = on_pty(cli, ["test", "gad7", "--present"], (80, 24), [*steps, ("Item by", b"q")])
    code, output = run.code, run.output
    assert code == 0, output
    assert "DEMO" not in output
    [saved] = cli.json("test", "list")["items"]
    assert (saved["instrument"], saved["total"], saved["severity"]) == ("GAD-7", 7, "mild")


@posix
@pytest.mark.parametrize(("stop", "code"), [(b"q", 0), (b"\x03", 130), (signal.SIGTERM, 143)])
def test_leaving_a_questionnaire_restores_the_screen_and_saves_nothing(
    cli: Cli, stop: bytes | int, code: int
) -> None:
    cli.signup()
    steps: list[tuple[str, Action]] = [("question 1 of 7", b"2"), ("question 2 of 7", stop)]
    run = on_pty(cli, ["test", "gad7", "--present"], (80, 24), steps)
    output = run.output
    assert run.code == code, output
    assert output.rindex(LEAVE) > output.rindex(ENTER)
    assert "nothing was saved" in output[output.rindex(LEAVE) :]
    assert "Error" not in output and "Traceback" not in output
    assert cli.json("test", "list")["items"] == []


def test_questionnaire_present_mode_needs_a_terminal(cli: Cli) -> None:
    out = cli("test", "phq9", "--present", "--demo")
    assert out.exit_code == 2 and "needs a terminal" in out.stderr


# --- the present menu ---------------------------------------------------------------------


@posix
def test_the_menu_runs_a_breathing_exercise_and_a_questionnaire_saving_nothing(cli: Cli) -> None:
    cli.extra["PSYMITRIX_CLOCK"] = START  # the breathing plays instantly
    steps: list[tuple[str, Action]] = [("GAD-7 questionnaire", b"6")]
    steps += [(f"question {n} of 7", b"0") for n in range(1, 8)]
    # Back at the menu, GAD-7 still chosen: ↓ wraps to box, ↓ again is 478.
    steps += [("Item by item", b"\r"), ("GAD-7 questionnaire", b"\x1b[B\x1b[B\r")]
    steps += [("1 of 1 cycles (478)", b"q")]  # the menu says what the last exercise came to
    run = on_pty(cli, ["present", "--cycles", "1"], (120, 40), steps)
    code, output = run.code, run.output
    assert code == 0, output
    after = SGR.sub("", output[output.rindex(LEAVE) :])
    assert "GAD-7: 0/21, minimal (demo, not saved)." in after
    assert "Breathing: 1 of 1 cycles (478)." in after
    assert "nothing was saved" in after
    assert nothing_stored(cli)


def test_a_crisis_panel_taller_than_the_window_scrolls_and_is_fetched_once() -> None:
    from psymitrix_cli.ui.present.questionnaire import crisis_layout, crisis_rows

    fetched: list[int] = []

    def plan() -> dict[str, object]:
        fetched.append(1)
        steps = ["Walk to the park", "Call my sister", "Breathe"] * 3
        return {"exists": True, "warningSigns": steps, "copingStrategies": steps}

    panel = crisis_rows(78, "0800 111", color=False, plan=plan)
    assert len(fetched) == 1 and len(panel) > 21  # the plan leads: taller than 80x24 allows
    look = Look(PLAIN)
    top, at_top = crisis_layout(80, 24, look, panel, 0)
    bottom, at_bottom = crisis_layout(80, 24, look, panel, 999)
    assert (at_top, at_bottom) == (0, len(panel) - 21) and len(top) == len(bottom) == 24
    assert "↑ ↓ scroll" in top[-1]
    seen = "\n".join(top[2:-1] + bottom[2:-1])
    assert "Your safety plan" in top[2] and "Call my sister" in seen
    assert "Crisis Lifeline" in seen and "to hurt yourself" in "".join(bottom[-4:])
