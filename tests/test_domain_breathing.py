"""Breathing patterns, parsing, cycle counts, and a drift-free run on a simulated clock."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime

import pytest

from psymitrix_cli.clock import SimulatedClock
from psymitrix_cli.domain import breathing as b
from psymitrix_cli.errors import InvalidInput


def _clock() -> SimulatedClock:
    return SimulatedClock(datetime(2025, 3, 1, 8, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("name", "label", "cycle", "phases"),
    [
        ("box", "4-4-4-4", 16.0, ["inhale", "hold", "exhale", "hold"]),
        ("478", "4-7-8-0", 19.0, ["inhale", "hold", "exhale"]),
        ("coherent", "5.5-0-5.5-0", 11.0, ["inhale", "exhale"]),
        ("sigh", "2-1-6", 9.0, ["inhale", "inhale again", "exhale"]),
    ],
)
def test_builtin_patterns(name: str, label: str, cycle: float, phases: list[str]) -> None:
    pattern = b.get_pattern(name)
    assert pattern.label == label
    assert pattern.cycle_seconds == cycle
    assert [phase.name for phase in pattern.phases] == phases
    assert all(phase.seconds > 0 for phase in pattern.phases)
    assert pattern.purpose


def test_phase_kinds_drive_the_animation() -> None:
    assert [p.kind for p in b.get_pattern("sigh").phases] == ["inhale", "inhale", "exhale"]
    assert [p.kind for p in b.get_pattern("box").phases] == ["inhale", "hold", "exhale", "hold"]


def test_get_pattern_is_forgiving_and_lists_names_when_unknown() -> None:
    assert b.get_pattern("BOX").name == "box"
    assert b.get_pattern("4-7-8").name == "478"
    with pytest.raises(InvalidInput, match="box, 478, coherent, sigh"):
        b.get_pattern("square")


@pytest.mark.parametrize(
    ("spec", "label", "cycle"),
    [
        ("4-2-6-0", "4-2-6-0", 12.0),
        (" 3.5-0-4.5-1 ", "3.5-0-4.5-1", 9.0),
        ("60-60-60-60", "60-60-60-60", 240.0),
    ],
)
def test_parse_custom_good(spec: str, label: str, cycle: float) -> None:
    pattern = b.parse_custom(spec)
    assert pattern.name == f"custom {label}"
    assert pattern.label == label
    assert pattern.cycle_seconds == cycle


@pytest.mark.parametrize(
    "spec",
    [
        "4-2-6",
        "4-2-6-0-1",
        "0-2-6-0",
        "4-2-0-0",
        "4-61-6-0",
        "a-2-6-0",
        "4--6-0",
        "-4-2-6-0",
        "4,2,6,0",
        "",
        "inf-0-4-0",
        "nan-0-4-0",
        "1e1-0-4-0",
    ],
)
def test_parse_custom_bad(spec: str) -> None:
    with pytest.raises(InvalidInput, match="IN-HOLD-OUT-HOLD"):
        b.parse_custom(spec)


def test_cycles_for() -> None:
    box = b.get_pattern("box")
    assert b.cycles_for(box, 3, None) == 3
    assert b.cycles_for(box, None, 5) == 19  # 300 s / 16 s, rounded up
    assert b.cycles_for(box, None, 2) == 8  # 7.5 rounds up
    assert b.cycles_for(b.get_pattern("sigh"), None, 0.1) == 1
    # Default: about a minute, at least 4 cycles.
    assert b.cycles_for(box, None, None) == 4
    assert b.cycles_for(b.get_pattern("478"), None, None) == 4
    assert b.cycles_for(b.get_pattern("sigh"), None, None) == 7


@pytest.mark.parametrize(
    ("cycles", "minutes"),
    [(0, None), (-1, None), (1001, None), (True, None), (None, 0), (None, -2), (None, 121), (2, 1)],
)
def test_cycles_for_rejects(cycles: int | None, minutes: float | None) -> None:
    with pytest.raises(InvalidInput):
        b.cycles_for(b.get_pattern("box"), cycles, minutes)


def test_schedule_offsets_are_computed_not_accumulated() -> None:
    pattern = b.get_pattern("coherent")
    steps = b.schedule(pattern, 1000)
    assert len(steps) == 2000
    assert steps[0].start == 0.0 and steps[0].cycle == 1
    assert steps[-1].cycle == 1000
    assert steps[-1].end == 1000 * 11.0  # exact, no float creep
    assert all(prev.end == nxt.start for prev, nxt in itertools.pairwise(steps))
    with pytest.raises(InvalidInput):
        b.schedule(pattern, 0)


def test_five_minute_box_session_does_not_drift() -> None:
    rng = random.Random(7)
    clock = _clock()
    fps = 10.0
    pattern = b.get_pattern("box")
    steps = b.schedule(pattern, b.cycles_for(pattern, None, 5))
    max_render = 0.08
    origin = clock.monotonic()
    phase_times: list[tuple[b.Step, float]] = []
    frames: list[b.Frame] = []

    def on_frame(frame: b.Frame) -> None:
        frames.append(frame)
        clock.advance(rng.uniform(0, max_render))  # rendering cost

    def on_phase(step: b.Step) -> None:
        phase_times.append((step, clock.monotonic() - origin))

    result = b.run(steps, clock, on_frame, on_phase, fps=fps)

    assert result.completed and result.cycles_completed == 19
    assert [step for step, _ in phase_times] == steps
    for step, at in phase_times:
        assert step.start <= at <= step.start + 1 / fps + max_render
    assert abs(result.elapsed - steps[-1].end) <= 0.11
    assert len(frames) > 19 * 16 * 5  # frames kept coming at roughly the frame rate
    for frame in frames:
        assert 0 <= frame.phase_progress <= 1 and 0 <= frame.overall_progress <= 1
        assert 0 < frame.remaining <= frame.step.end - frame.step.start


def test_ctrl_c_mid_session_reports_whole_cycles_done() -> None:
    clock = _clock()
    steps = b.schedule(b.get_pattern("box"), 5)

    def on_frame(frame: b.Frame) -> None:
        if frame.elapsed >= 40:  # inside cycle 3 (32-48 s)
            raise KeyboardInterrupt

    result = b.run(steps, clock, on_frame, fps=10)
    assert result.completed is False
    assert result.cycles_completed == 2
    assert 40 <= result.elapsed < 40.2


def test_ctrl_c_from_on_phase_and_before_any_cycle() -> None:
    clock = _clock()
    steps = b.schedule(b.get_pattern("sigh"), 3)

    def on_phase(step: b.Step) -> None:
        if step.phase.name == "exhale":
            raise KeyboardInterrupt

    result = b.run(steps, clock, lambda frame: None, on_phase, fps=10)
    assert (result.completed, result.cycles_completed, result.elapsed) == (False, 0, 3.0)


def test_plain_mode_renders_no_frames_and_sleeps_to_each_phase_end() -> None:
    clock = _clock()
    steps = b.schedule(b.get_pattern("478"), 2)
    starts: list[float] = []

    def no_frames(frame: b.Frame) -> None:
        raise AssertionError("fps=0 must not render frames")

    result = b.run(steps, clock, no_frames, lambda step: starts.append(clock.monotonic()), fps=0)
    assert result.completed and result.cycles_completed == 2
    assert starts == [step.start for step in steps]
    assert result.elapsed == 38.0


def test_run_rejects_negative_fps() -> None:
    with pytest.raises(InvalidInput):
        b.run(b.schedule(b.get_pattern("box"), 1), _clock(), lambda frame: None, fps=-1)
