"""The 14-day mood trend is right at any volume: an active fortnight (> 500 entries, the
old ceiling on rows read) gives each local day its true mean, through `status --json`.

The entries arrive by `import` (one command, not hundreds), in a zone with a DST change
inside the window, with entries on the first and last instant of local days, entries
without a mood, a day with none, and entries just outside the window on both sides.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.driver import Cli

ZONE = "Europe/Dublin"  # clocks go forward on 2025-03-30, inside the window
NOW = datetime(2025, 4, 2, 12, 0, tzinfo=UTC)
PER_DAY = 45  # 14 x 45 = 630 entries in the window
EMPTY_DAY = 5  # no entries at all on the window's sixth day


def instants() -> list[datetime]:
    """Local times across each day of the window and just outside it, as UTC instants."""
    zone = ZoneInfo(ZONE)
    today = NOW.astimezone(zone).date()
    first = today - timedelta(days=13)
    out = [datetime.combine(first, datetime.min.time(), zone) - timedelta(microseconds=1)]
    for d in range(14):
        if d == EMPTY_DAY:
            continue
        day = first + timedelta(days=d)
        start = datetime.combine(day, datetime.min.time(), zone).astimezone(UTC)
        end = datetime.combine(day + timedelta(days=1), datetime.min.time(), zone).astimezone(UTC)
        last = min(end - timedelta(microseconds=1), NOW - timedelta(minutes=1))
        # The first and last instants of the day too (integer steps: no rounding past it).
        out += [start + (last - start) * k // (PER_DAY - 1) for k in range(PER_DAY)]
    return [moment.astimezone(UTC) for moment in out]


def mood_of(n: int) -> int | None:
    return None if n % 7 == 3 else n % 5 + 1


def expected(moments: list[datetime]) -> tuple[list[str], list[float | None]]:
    """Each local day's mean mood, computed here from the entries themselves."""
    zone = ZoneInfo(ZONE)
    today = NOW.astimezone(zone).date()
    days = [today - timedelta(days=13 - i) for i in range(14)]
    by_day: dict[date, list[int]] = {d: [] for d in days}
    for n, moment in enumerate(moments):
        mood, day = mood_of(n), moment.astimezone(zone).date()
        if mood is not None and day in by_day:
            by_day[day].append(mood)
    means = [round(sum(v) / len(v), 2) if v else None for v in by_day.values()]
    return [d.isoformat() for d in days], means


@pytest.mark.parametrize("any_cli", ["local", "mongo"], indirect=True)
def test_the_trend_is_right_for_a_busy_fortnight(any_cli: Cli, tmp_path: Path) -> None:
    cli = any_cli.at(NOW.isoformat())
    cli.signup(timezone=ZONE)
    moments = instants()
    entries: list[dict[str, Any]] = []
    for n, moment in enumerate(moments):
        entry: dict[str, Any] = {"id": f"j{n:04d}", "at": moment.isoformat(), "text": f"day {n}"}
        if mood_of(n) is not None:
            entry["mood"] = mood_of(n)
        entries.append(entry)
    document = json.loads(cli.ok("export").stdout)
    document["entries"]["mood_journal"] = entries
    path = tmp_path / "busy.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert cli.json("import", str(path))["imported"]["mood_journal"] == len(entries)
    in_window = len(entries) - 1  # the one just before the window
    assert in_window > 500

    trends = cli.json("status")["trends"]
    days, means = expected(moments)
    assert trends["days"] == days
    assert trends["mood"] == means
    assert trends["mood"][EMPTY_DAY] is None
    assert all(m is not None for i, m in enumerate(trends["mood"]) if i != EMPTY_DAY)


@pytest.fixture(params=["sqlite", "mongo"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    from tests.store_helpers import open_store

    if request.param == "sqlite":
        opened = open_store(("sqlite", tmp_path / "x.db", None))
    else:
        opened = open_store(("mongo", request.getfixturevalue("mongo_settings"), None))
    yield opened
    opened.close()


def test_totals_between_counts_numbers_per_span_bounds_included_once(store: Any) -> None:
    """The store's grouped read: a row on a bound belongs to the span it opens; rows
    before the first bound or on the last are outside; a missing or null field or a
    text is not a number; another user's rows never count."""
    from psymitrix_cli.store.base import MOOD_JOURNAL
    from tests.store_helpers import add_user, at

    add_user(store, "u1", "ann")
    add_user(store, "u2", "bob")
    bounds = [at(10), at(20), at(30)]
    rows = [
        ("a", "u1", at(9.99), 5),  # before the first bound
        ("b", "u1", at(10), 1),  # on the first bound: span 0
        ("c", "u1", at(15), 3),
        ("d", "u1", at(19.99), None),  # null: not counted
        ("e", "u1", at(20), 4),  # on a middle bound: span 1
        ("f", "u1", at(25), "2"),  # a text: not a number
        ("g", "u1", at(30), 5),  # on the last bound: outside
        ("h", "u2", at(15), 5),  # another user's
    ]
    for entry_id, uid, when_, mood in rows:
        doc: dict[str, Any] = {"_id": entry_id, "userId": uid, "at": when_, "text": "x"}
        if mood is not None:
            doc["mood"] = mood
        store.insert(MOOD_JOURNAL, doc)
    store.insert(MOOD_JOURNAL, {"_id": "i", "userId": "u1", "at": at(26), "mood": None})
    assert store.totals_between(MOOD_JOURNAL, "u1", "mood", bounds) == [(2, 4.0), (1, 4.0)]
    assert store.totals_between(MOOD_JOURNAL, "u1", "mood", [at(10)]) == []
    assert store.totals_between(MOOD_JOURNAL, "u3", "mood", bounds) == [(0, 0.0), (0, 0.0)]
    # No field: every entry of the span counts, a number or not (the dashboard's counts):
    # span 0 holds b, c, d; span 1 holds e, f, i.
    assert store.totals_between(MOOD_JOURNAL, "u1", None, bounds) == [(3, 0.0), (3, 0.0)]
