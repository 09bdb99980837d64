"""Guided breathing: choosing a session, and the log of sessions done.

Playing a session happens in the caller (it owns the terminal and the clock);
this module decides what a valid session is, and is the only place that writes one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.clock import iso, parse_iso
from psymitrix_cli.domain import breathing as rules
from psymitrix_cli.errors import InvalidInput, NotFound
from psymitrix_cli.services.context import ServiceContext, new_id, public
from psymitrix_cli.services.paging import decode_cursor, page, page_size
from psymitrix_cli.services.session import Session
from psymitrix_cli.store.base import BREATHING, Doc, Query

Result = dict[str, Any]
CUSTOM = "custom"
DEFAULT_PATTERN = "box"
FUTURE_SLACK = timedelta(minutes=5)  # clocks disagree a little between machines
ID_SHOWN_MAX = 40


@dataclass(frozen=True)
class SessionPlan:
    pattern: rules.Pattern
    cycles: int
    steps: list[rules.Step]

    @property
    def total_seconds(self) -> float:
        return self.steps[-1].end


def resolve_pattern(name: str | None, custom: str | None) -> rules.Pattern:
    """A built-in pattern by name, or a custom IN-HOLD-OUT-HOLD; box when neither."""
    if name is not None and custom is not None:
        raise InvalidInput(messages.BREATHING_PATTERN_CONFLICT)
    if custom is not None:
        return rules.parse_custom(custom)
    return rules.get_pattern(DEFAULT_PATTERN if name is None else name)


def plan_session(
    name: str | None, custom: str | None, cycles: int | None, minutes: float | None
) -> SessionPlan:
    """Everything checked before the first breath: a bad flag never costs a session."""
    pattern = resolve_pattern(name, custom)
    count = rules.cycles_for(pattern, cycles, minutes)
    return SessionPlan(pattern, count, rules.schedule(pattern, count))


def pattern_catalog() -> list[Result]:
    return [
        {
            "name": p.name,
            "label": p.label,
            "purpose": p.purpose,
            "cycleSeconds": p.cycle_seconds,
            "phases": [{"name": ph.name, "seconds": ph.seconds} for ph in p.phases],
        }
        for p in rules.PATTERNS.values()
    ]


def _canonical(pattern: str, label: str) -> tuple[str, str]:
    """(pattern name, label) as stored: built-ins by canonical name, customs as "custom"."""
    if not isinstance(pattern, str) or not isinstance(label, str):
        raise InvalidInput("Pattern and label must be text.")
    if pattern.strip().lower().startswith(CUSTOM):
        return CUSTOM, rules.parse_custom(label).label
    builtin = rules.get_pattern(pattern)
    if label.strip() != builtin.label:
        raise InvalidInput(
            f"Label {label!r} does not match the {builtin.name} pattern ({builtin.label})."
        )
    return builtin.name, builtin.label


def _count(value: object, what: str, low: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not low <= value <= rules.MAX_CYCLES
    ):
        raise InvalidInput(f"{what} must be a whole number from {low} to {rules.MAX_CYCLES}.")
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
) -> Result:
    """A validated session, ready to store (or to show, for a demo that stores nothing)."""
    name, clean_label = _canonical(pattern, label)
    done = _count(cycles, "Completed cycles", 0)
    planned = None if planned_cycles is None else _count(planned_cycles, "Planned cycles", 1)
    if not isinstance(completed, bool):
        raise InvalidInput("completed must be true or false.")
    if planned is not None and (done > planned or (completed and done != planned)):
        raise InvalidInput(f"{done} completed cycles do not fit a plan of {planned}.")
    if (
        isinstance(duration_seconds, bool)
        or not isinstance(duration_seconds, int | float)
        or not math.isfinite(duration_seconds)
        or duration_seconds < 0
    ):
        raise InvalidInput(f"Duration must be 0 seconds or more; got {duration_seconds!r}.")
    try:
        start, end = parse_iso(started_at), parse_iso(ended_at)
    except (TypeError, ValueError, AttributeError):
        raise InvalidInput("startedAt and endedAt must be ISO 8601 instants.") from None
    if end < start:
        raise InvalidInput("A session cannot end before it starts.")
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


def _shown(entry_id: str) -> str:
    short = entry_id if len(entry_id) <= ID_SHOWN_MAX else entry_id[:ID_SHOWN_MAX] + "…"
    return repr(short)


class BreathingService:
    def __init__(self, ctx: ServiceContext, session: Session) -> None:
        self.ctx = ctx
        self.session = session

    def log(
        self,
        *,
        pattern: str,
        label: str,
        cycles: int,
        started_at: str,
        ended_at: str,
        duration_seconds: float,
        completed: bool,
        planned_cycles: int | None = None,
    ) -> Result:
        record = session_record(
            pattern=pattern,
            label=label,
            cycles=cycles,
            started_at=started_at,
            ended_at=ended_at,
            duration_seconds=duration_seconds,
            completed=completed,
            planned_cycles=planned_cycles,
        )
        if parse_iso(record["endedAt"]) > self.ctx.clock.now() + FUTURE_SLACK:
            raise InvalidInput("A session cannot end in the future.")
        doc: Doc = {"_id": new_id(), "userId": self.session.user_id, **record}
        self.ctx.store.insert(BREATHING, doc)
        return public(doc) or {}

    def list(self, *, limit: int = 20, cursor: str | None = None) -> Result:
        size = page_size(limit)
        query = Query(user_id=self.session.user_id, limit=size + 1, before=decode_cursor(cursor))
        rows = self.ctx.store.list(BREATHING, query)
        return page(BREATHING, rows, size, [public(r) or {} for r in rows])

    def get(self, entry_id: str) -> Result:
        doc = self.ctx.store.get(BREATHING, self.session.user_id, entry_id)
        if doc is None:
            raise NotFound(messages.BREATHING_NOT_FOUND.format(id=_shown(entry_id)))
        return public(doc) or {}

    def delete(self, entry_id: str) -> None:
        if not self.ctx.store.delete(BREATHING, self.session.user_id, entry_id):
            raise NotFound(messages.BREATHING_NOT_FOUND.format(id=_shown(entry_id)))
