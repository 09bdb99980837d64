"""The present-mode guide: a breathing session a person can pause, re-pace and switch.

`domain.breathing.run` plays a fixed schedule; a room needs more. The guide is a small
state machine the full-screen player advances by the seconds its clock measured, so the
same rules drive a real projector and a simulated clock in a test. Pure: no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from psymitrix_cli.domain.breathing import Pattern, Phase

# How fast the breath runs, as a factor on the written timings' speed: 1.0 is as written,
# 1.3 is 30 % quicker (each phase about 0.77 of its seconds). Few steps: a therapist
# nudges the pace, they do not dial it.
TEMPOS = (0.7, 0.85, 1.0, 1.15, 1.3)
DEFAULT_TEMPO = TEMPOS.index(1.0)


def cycle_levels(pattern: Pattern) -> list[tuple[float, float]]:
    """Fullness (0 empty lungs, 1 full) at the start and end of each phase of one cycle.

    Consecutive inhales share the climb in proportion to their length (the sigh's
    "inhale again" tops up the first), and consecutive exhales share the descent.
    """
    phases = pattern.phases
    levels: list[tuple[float, float]] = []
    level, i = 0.0, 0
    while i < len(phases):
        kind = phases[i].kind
        if kind == "hold":
            levels.append((level, level))
            i += 1
            continue
        j = i
        while j < len(phases) and phases[j].kind == kind:
            j += 1
        span = sum(p.seconds for p in phases[i:j])
        target = 1.0 if kind == "inhale" else 0.0
        start, done = level, 0.0
        for phase in phases[i:j]:
            begin = start + (target - start) * done / span
            done += phase.seconds
            levels.append((begin, start + (target - start) * done / span))
        level, i = target, j
    return levels


@dataclass(frozen=True)
class Position:
    """Where the breath is now, for drawing."""

    phase: Phase
    remaining: float  # real seconds left in this phase, at the current tempo
    progress: float  # 0-1 through the phase
    fullness: float  # 0-1, eased: slow at the turns, like a breath


@dataclass
class Guide:
    """A session of `planned` cycles over a list of patterns the person can move through."""

    patterns: list[Pattern]
    planned: int
    index: int = 0
    tempo: int = DEFAULT_TEMPO
    paused: bool = False
    cycles_done: int = 0
    in_cycle: float = 0.0  # written seconds into the current cycle
    breathing_seconds: float = 0.0  # real seconds spent breathing (pauses left out)
    paused_seconds: float = 0.0
    used: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.patterns:
            raise ValueError("a guide needs at least one pattern")
        self.used = [self.pattern.name]

    @property
    def pattern(self) -> Pattern:
        return self.patterns[self.index]

    @property
    def speed(self) -> float:
        return TEMPOS[self.tempo]

    @property
    def finished(self) -> bool:
        return self.cycles_done >= self.planned

    def advance(self, seconds: float) -> None:
        """Let `seconds` of real time pass."""
        if seconds <= 0 or self.finished:
            return
        if self.paused:
            self.paused_seconds += seconds
            return
        self.breathing_seconds += seconds
        self.in_cycle += seconds * self.speed
        cycle = self.pattern.cycle_seconds
        while self.in_cycle >= cycle - 1e-9 and not self.finished:
            self.in_cycle = max(0.0, self.in_cycle - cycle)
            self.cycles_done += 1
        if self.finished:
            self.in_cycle = 0.0

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def switch(self, step: int) -> None:
        """Another pattern; the cycle in progress starts again, whole, in the new rhythm."""
        self.index = (self.index + step) % len(self.patterns)
        self.in_cycle = 0.0
        if self.pattern.name not in self.used:
            self.used.append(self.pattern.name)

    def pace(self, step: int) -> None:
        self.tempo = min(len(TEMPOS) - 1, max(0, self.tempo + step))

    def position(self) -> Position:
        levels = cycle_levels(self.pattern)
        offset = 0.0
        phases = self.pattern.phases
        for phase, (low, high) in zip(phases, levels, strict=True):
            if self.in_cycle < offset + phase.seconds or phase is phases[-1]:
                into = min(phase.seconds, max(0.0, self.in_cycle - offset))
                progress = into / phase.seconds
                eased = (1 - math.cos(math.pi * progress)) / 2
                return Position(
                    phase=phase,
                    remaining=(phase.seconds - into) / self.speed,
                    progress=progress,
                    fullness=low + (high - low) * eased,
                )
            offset += phase.seconds
        raise AssertionError("unreachable: a pattern has at least one phase")
