"""Guided breathing patterns and a scheduler that cannot drift.

Every phase boundary is an offset from one start time, computed from the
pattern (cycle index x cycle length + offset within the cycle), never by adding
up measured sleeps. `run` sleeps to absolute deadlines, so a slow terminal makes
frames late but never pushes later phases back.

The session rules live here too (`plan_session` before the first breath,
`session_record` before a session is stored or shown), so a demo without an
account, the service, the importer and the server all check a session alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from psymitrix_cli import messages
from psymitrix_cli.clock import Clock, iso, parse_iso
from psymitrix_cli.errors import InvalidInput

PhaseKind = Literal["inhale", "hold", "exhale"]

MAX_CYCLES = 1000
MAX_MINUTES = 120.0
MAX_PHASE_SECONDS = 60.0
# With neither cycles nor minutes: about a minute, but never fewer than 4 cycles,
# the traditional count for 4-7-8.
DEFAULT_MINUTES = 1.0
MIN_DEFAULT_CYCLES = 4


@dataclass(frozen=True)
class Phase:
    name: str  # "inhale", "hold", "exhale" or "inhale again" (the sigh's top-up)
    seconds: float
    kind: PhaseKind  # drives the animation: grow, hold, shrink


@dataclass(frozen=True)
class Pattern:
    name: str
    phases: tuple[Phase, ...]
    purpose: str
    # The pattern as written, zero holds included, so "4-7-8-0" survives dropping them.
    timings: tuple[float, ...] = ()

    @property
    def cycle_seconds(self) -> float:
        return sum(phase.seconds for phase in self.phases)

    @property
    def label(self) -> str:
        timings = self.timings or tuple(phase.seconds for phase in self.phases)
        return "-".join(f"{seconds:g}" for seconds in timings)


_BOX_NAMES = ("inhale", "hold", "exhale", "hold")
_BOX_KINDS: tuple[PhaseKind, ...] = ("inhale", "hold", "exhale", "hold")


def _pattern(
    name: str,
    purpose: str,
    timings: tuple[float, ...],
    names: tuple[str, ...] = _BOX_NAMES,
    kinds: tuple[PhaseKind, ...] = _BOX_KINDS,
) -> Pattern:
    phases = tuple(
        Phase(phase_name, float(seconds), kind)
        for phase_name, seconds, kind in zip(names, timings, kinds, strict=True)
        if seconds > 0
    )
    return Pattern(name, phases, purpose, tuple(float(s) for s in timings))


PATTERNS: dict[str, Pattern] = {
    "box": _pattern("box", "Calm focus; a steady rhythm many people use for stress.", (4, 4, 4, 4)),
    "478": _pattern("478", "Winding down, before sleep.", (4, 7, 8, 0)),
    "coherent": _pattern("coherent", "About 5.5 breaths a minute, for balance.", (5.5, 0, 5.5, 0)),
    "sigh": _pattern(
        "sigh",
        "The physiological sigh: two inhales, then a long exhale, for fast relief.",
        (2, 1, 6),
        names=("inhale", "inhale again", "exhale"),
        kinds=("inhale", "inhale", "exhale"),
    ),
}
_ALIASES = {"4780": "478", "coherence": "coherent", "physiologicalsigh": "sigh"}


def _key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name.lower())


def get_pattern(name: str, saved: Mapping[str, Pattern] | None = None) -> Pattern:
    """A built-in pattern by name ("4-7-8" is 478: case, spaces, '-' and '_' are ignored),
    or one of the person's saved patterns by its exact name."""
    if saved and name.strip().lower() in saved:
        return saved[name.strip().lower()]
    key = _key(name)
    pattern = PATTERNS.get(_ALIASES.get(key, key))
    if pattern is None:
        names = ", ".join([*PATTERNS, *(saved or {})])
        raise InvalidInput(messages.BREATHING_UNKNOWN_PATTERN.format(name=name, names=names))
    return pattern


_NUMBER = re.compile(r"\d+(\.\d+)?|\.\d+")


def parse_custom(spec: str) -> Pattern:
    """Parse "IN-HOLD-OUT-HOLD" seconds, e.g. "4-2-6-0"."""
    expected = messages.BREATHING_CUSTOM_RULE.format(most=MAX_PHASE_SECONDS, spec=spec)
    parts = [part.strip() for part in spec.strip().split("-")]
    if len(parts) != 4 or not all(_NUMBER.fullmatch(part) for part in parts):
        raise InvalidInput(expected)
    timings = tuple(float(part) for part in parts)
    inhale, _, exhale, _ = timings
    if any(seconds > MAX_PHASE_SECONDS for seconds in timings) or inhale <= 0 or exhale <= 0:
        raise InvalidInput(expected)
    label = "-".join(f"{seconds:g}" for seconds in timings)
    return _pattern(f"custom {label}", "Your own rhythm.", timings)


def cycles_for(pattern: Pattern, cycles: int | None, minutes: float | None) -> int:
    """How many cycles to run: from a count, from a duration (rounded up), or the default."""
    if cycles is not None and minutes is not None:
        raise InvalidInput(messages.BREATHING_CYCLES_OR_MINUTES)
    if cycles is not None:
        if isinstance(cycles, bool) or not isinstance(cycles, int) or not 1 <= cycles <= MAX_CYCLES:
            raise InvalidInput(
                messages.BREATHING_CYCLES_RANGE.format(max_cycles=MAX_CYCLES, cycles=cycles)
            )
        return cycles
    if minutes is not None:
        if isinstance(minutes, bool) or not (0 < minutes <= MAX_MINUTES):
            raise InvalidInput(
                messages.BREATHING_MINUTES_RANGE.format(max_minutes=MAX_MINUTES, minutes=minutes)
            )
        return _cycles_in(pattern, minutes)
    return max(MIN_DEFAULT_CYCLES, _cycles_in(pattern, DEFAULT_MINUTES))


def _cycles_in(pattern: Pattern, minutes: float) -> int:
    # The epsilon stops float error from turning an exact fit into an extra cycle.
    return max(1, math.ceil(minutes * 60 / pattern.cycle_seconds - 1e-9))


@dataclass(frozen=True)
class Step:
    cycle: int  # 1-based
    phase: Phase
    start: float  # seconds from the session start
    end: float


def schedule(pattern: Pattern, cycles: int) -> list[Step]:
    """Every phase of every cycle, with offsets computed (not accumulated) from one start."""
    if isinstance(cycles, bool) or not isinstance(cycles, int) or cycles < 1:
        raise InvalidInput(messages.BREATHING_CYCLES_AT_LEAST_ONE.format(cycles=cycles))
    offsets = [0.0]
    for phase in pattern.phases:
        offsets.append(offsets[-1] + phase.seconds)
    cycle_seconds = offsets[-1]
    steps = []
    for cycle in range(cycles):
        base = cycle * cycle_seconds
        for index, phase in enumerate(pattern.phases):
            steps.append(Step(cycle + 1, phase, base + offsets[index], base + offsets[index + 1]))
    return steps


@dataclass
class Frame:
    step: Step
    remaining: float  # seconds left in this phase
    phase_progress: float  # 0-1
    overall_progress: float  # 0-1
    elapsed: float  # seconds since the session started


@dataclass
class RunResult:
    completed: bool
    cycles_completed: int
    elapsed: float  # measured on the clock, from the session start


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def run(
    steps: list[Step],
    clock: Clock,
    on_frame: Callable[[Frame], None],
    on_phase: Callable[[Step], None] | None = None,
    fps: float = 10.0,
) -> RunResult:
    """Play a schedule against a clock. Ctrl-C ends it early with what was done.

    fps=0 is plain mode: no frames, only on_phase and a sleep to each phase's end.
    """
    if not (fps >= 0 and math.isfinite(fps)):
        raise InvalidInput(messages.BREATHING_FPS_RANGE.format(fps=fps))
    total = steps[-1].end if steps else 0.0
    # A step closes its cycle when the next step belongs to another cycle.
    closes_cycle = [
        i + 1 == len(steps) or steps[i + 1].cycle != step.cycle for i, step in enumerate(steps)
    ]
    start = clock.monotonic()
    cycles_done = 0
    try:
        for step, closes in zip(steps, closes_cycle, strict=True):
            if on_phase is not None:
                on_phase(step)
            deadline = start + step.end
            if fps > 0:
                _play_phase(step, clock, on_frame, start, deadline, total, fps)
            else:
                clock.sleep(deadline - clock.monotonic())
            if closes:
                cycles_done = step.cycle
    except KeyboardInterrupt:
        return RunResult(False, cycles_done, clock.monotonic() - start)
    return RunResult(True, cycles_done, clock.monotonic() - start)


def _play_phase(
    step: Step,
    clock: Clock,
    on_frame: Callable[[Frame], None],
    start: float,
    deadline: float,
    total: float,
    fps: float,
) -> None:
    duration = step.end - step.start
    now = clock.monotonic()
    while now < deadline:
        elapsed = now - start
        on_frame(
            Frame(
                step=step,
                remaining=deadline - now,
                phase_progress=_clamp((elapsed - step.start) / duration),
                overall_progress=_clamp(elapsed / total),
                elapsed=elapsed,
            )
        )
        # Frames sit on one grid anchored at the start; the phase end is a hard deadline.
        tick = math.floor((clock.monotonic() - start) * fps + 1e-9) + 1
        clock.sleep(min(start + tick / fps, deadline) - clock.monotonic())
        now = clock.monotonic()


# Sessions: what a valid session is, before it is played and before it is stored.

CUSTOM = "custom"
DEFAULT_PATTERN = "box"


@dataclass(frozen=True)
class SessionPlan:
    pattern: Pattern
    cycles: int
    steps: list[Step]

    @property
    def total_seconds(self) -> float:
        return self.steps[-1].end


def resolve_pattern(
    name: str | None, custom: str | None, saved: Mapping[str, Pattern] | None = None
) -> Pattern:
    """A built-in or saved pattern by name, or a custom IN-HOLD-OUT-HOLD; box when neither."""
    if name is not None and custom is not None:
        raise InvalidInput(messages.BREATHING_PATTERN_CONFLICT)
    if custom is not None:
        return parse_custom(custom)
    return get_pattern(DEFAULT_PATTERN if name is None else name, saved)


def plan_session(
    name: str | None,
    custom: str | None,
    cycles: int | None,
    minutes: float | None,
    saved: Mapping[str, Pattern] | None = None,
) -> SessionPlan:
    """Everything checked before the first breath: a bad flag never costs a session."""
    pattern = resolve_pattern(name, custom, saved)
    count = cycles_for(pattern, cycles, minutes)
    return SessionPlan(pattern, count, schedule(pattern, count))


def stored_name(pattern: Pattern) -> str:
    """The name a session is kept under: a built-in's own, otherwise "custom"."""
    return pattern.name if PATTERNS.get(pattern.name) == pattern else CUSTOM


def pattern_catalog(saved: Mapping[str, Pattern] | None = None) -> list[dict[str, Any]]:
    """The built-in patterns, then the saved ones (marked "saved")."""
    listed = [*PATTERNS.values(), *(saved or {}).values()]
    return [
        {
            "name": p.name,
            "label": p.label,
            "purpose": p.purpose,
            "cycleSeconds": p.cycle_seconds,
            "phases": [{"name": ph.name, "seconds": ph.seconds} for ph in p.phases],
            "saved": p.name not in PATTERNS,
        }
        for p in listed
    ]


def _canonical(pattern: str, label: str) -> tuple[str, str]:
    """(pattern name, label) as stored: built-ins by canonical name, customs as "custom"."""
    if not isinstance(pattern, str) or not isinstance(label, str):
        raise InvalidInput(messages.BREATHING_PATTERN_NOT_TEXT)
    if pattern.strip().lower().startswith(CUSTOM):
        return CUSTOM, parse_custom(label).label
    builtin = get_pattern(pattern)
    if label.strip() != builtin.label:
        raise InvalidInput(
            messages.BREATHING_LABEL_MISMATCH.format(
                label=label, name=builtin.name, expected=builtin.label
            )
        )
    return builtin.name, builtin.label


def _count(value: object, what: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_CYCLES:
        raise InvalidInput(
            messages.BREATHING_COUNT_RANGE.format(what=what, low=low, max_cycles=MAX_CYCLES)
        )
    return value


def session_record(
    *,
    pattern: str,
    label: str,
    cycles: int,
    started_at: str,
    ended_at: str,
    duration_seconds: float,
    completed: bool,
    planned_cycles: int | None = None,
) -> dict[str, Any]:
    """A validated session, ready to store (or to show, for a demo that stores nothing)."""
    name, clean_label = _canonical(pattern, label)
    done = _count(cycles, messages.LABEL_COMPLETED_CYCLES, 0)
    planned = (
        None if planned_cycles is None else _count(planned_cycles, messages.LABEL_PLANNED_CYCLES, 1)
    )
    if not isinstance(completed, bool):
        raise InvalidInput(messages.BREATHING_COMPLETED_NOT_BOOL)
    if planned is not None and (done > planned or (completed and done != planned)):
        raise InvalidInput(messages.BREATHING_CYCLES_OVER_PLAN.format(done=done, planned=planned))
    if (
        isinstance(duration_seconds, bool)
        or not isinstance(duration_seconds, int | float)
        or not math.isfinite(duration_seconds)
        or duration_seconds < 0
    ):
        raise InvalidInput(
            messages.BREATHING_DURATION_RANGE.format(duration_seconds=duration_seconds)
        )
    try:
        start, end = parse_iso(started_at), parse_iso(ended_at)
    except (TypeError, ValueError, AttributeError):
        raise InvalidInput(messages.BREATHING_BAD_INSTANTS) from None
    if end < start:
        raise InvalidInput(messages.BREATHING_ENDS_BEFORE_START)
    return {
        "startedAt": iso(start),
        "endedAt": iso(end),
        "pattern": name,
        "label": clean_label,
        "cycles": done,
        "plannedCycles": planned,
        "durationSeconds": round(float(duration_seconds), 3),
        "completed": completed,
    }
