#!/usr/bin/env python3
"""Does `review --month` cost more for a long history?

Seeds one account with --entries entries on the embedded SQLite store (journal one an
hour back from now, and a night of sleep, a gratitude note, a breathing session and
now and then a PHQ-9/GAD-7 a day, in the proportions of daily use), leaves another
empty, and times `python -m psymitrix_cli review --month --json` for both, interleaved,
whole-process (median of --runs). Also the in-process call (a new backend, as a
command makes), which shows what the history adds once the interpreter has started, and
`report --format html` over its default 90 days, whole-process, for comparison.
Target: seeded / empty <= 1.5x.

  python bench/review.py
  python bench/review.py --per-day 200     # a month of 6,000 journal entries
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import assessment_doc, cli, isolated_env  # noqa: E402
from psymitrix_cli.clock import iso  # noqa: E402

PASSWORD = "bench-password-1"
BATCH = 5000
# Per day of history: --per-day journal entries (24: one an hour), and one of each of these.
DAILY = ("sleep", "gratitude", "breathing")


def signup(env: dict[str, str], username: str) -> tuple[str, str]:
    """(token, user id) of a new account."""
    cli(
        env,
        "signup",
        *("--name", username, "--username", username, "--email", f"{username}@example.com"),
        *("--timezone", "UTC", "--password-stdin"),
        stdin=PASSWORD + "\n",
    )
    os.environ.update(env)
    os.environ.pop("PSYMITRIX_TOKEN", None)  # else the credentials are the last account's
    from psymitrix_cli.cli.state import AppState

    token = AppState().credentials.get()
    assert token
    os.environ["PSYMITRIX_TOKEN"] = token
    return token, AppState().backend.accounts.whoami()["userId"]


def plan(entries: int, per_day: int) -> dict[str, int]:
    """How many of each kind make `entries` in all, at daily-use proportions."""
    days = max(1, entries // (per_day + len(DAILY)))
    counts = {kind: days for kind in DAILY}
    counts["assessments"] = days // 14
    counts["journal"] = entries - sum(counts.values())
    return counts


def seed(env: dict[str, str], user_id: str, counts: dict[str, int], per_day: int) -> None:
    """Bulk-load entries shaped as the services write them, through the store."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store import base as kinds
    from psymitrix_cli.store.factory import open_store

    os.environ.update(env)
    store = open_store(load_settings())
    now = datetime.now(UTC)
    rng = random.Random(7)

    def base(at: str) -> dict[str, Any]:
        return {"_id": secrets.token_hex(8), "userId": user_id, "createdAt": at, "updatedAt": at}

    def journal(i: int) -> dict[str, Any]:
        at = iso(now - timedelta(hours=(i + 1) * 24 / per_day))
        tags = ["checkin"] if i % per_day == 0 else ["work"] if i % 5 == 0 else []
        text = f"entry {i}: a day like any other"
        return {**base(at), "at": at, "text": text, "mood": rng.randint(1, 5), "tags": tags}

    def sleep(i: int) -> dict[str, Any]:
        at = iso(now - timedelta(days=i + 1))
        night = (now - timedelta(days=i + 1)).date().isoformat()
        score, hours = rng.randint(1, 10), rng.choice([5.5, 6.5, 7.0, 8.0])
        return {**base(at), "date": night, "score": score, "hours": hours, "note": None}

    def gratitude(i: int) -> dict[str, Any]:
        at = iso(now - timedelta(days=i, hours=2))
        return {**base(at), "at": at, "items": ["tea", "a friend"]}

    def breathing(i: int) -> dict[str, Any]:
        start = now - timedelta(days=i, hours=5)
        return {
            **base(iso(start)),
            "pattern": "box",
            "label": "Box breathing",
            "cycles": 4,
            "plannedCycles": 4,
            "startedAt": iso(start),
            "endedAt": iso(start + timedelta(seconds=64)),
            "durationSeconds": 64.0,
            "completed": True,
        }

    def assessment(i: int) -> dict[str, Any]:
        return assessment_doc(user_id, rng, now - timedelta(days=7 * i + 1, hours=3), i, top=2)

    loads: list[tuple[Any, Callable[[int], dict[str, Any]], str | None]] = [
        (kinds.MOOD_JOURNAL, journal, None),
        (kinds.SLEEP, sleep, None),
        (kinds.GRATITUDE, gratitude, None),
        (kinds.BREATHING, breathing, None),
        (kinds.ASSESSMENTS, assessment, "depressionTestCount"),
    ]
    names = ("journal", "sleep", "gratitude", "breathing", "assessments")
    for name, (kind, make, counter) in zip(names, loads, strict=True):
        count = counts[name]
        for start in range(0, count, BATCH):
            docs = [make(i) for i in range(start, min(count, start + BATCH))]
            store.insert_many(kind, docs, counter=counter)
    store.close()


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description="review --month: empty vs a long history")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=24, help="journal entries a day")
    parser.add_argument("--runs", type=int, default=9, help="whole-process runs per account")
    parser.add_argument("--inproc-runs", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="psymitrix-review-") as home:
        env = isolated_env(home)
        empty, _ = signup(env, "empty")
        full, full_id = signup(env, "full")
        counts = plan(args.entries, args.per_day)
        start = time.perf_counter()
        seed(env, full_id, counts, args.per_day)
        print(
            f"seeded {sum(counts.values()):,} entries ("
            + ", ".join(f"{n:,} {k}" for k, n in counts.items())
            + f") on SQLite in {time.perf_counter() - start:.1f}s"
        )
        tokens = {"empty": empty, "seeded": full}
        month = {
            n: cli({**env, "PSYMITRIX_TOKEN": t}, "review", "--month", "--json")
            for n, t in tokens.items()
        }
        print(f"review --month --json: {len(month['seeded']):,} characters for the seeded account")

        import json

        days = {n: json.loads(out)["mood"]["days"] for n, out in month.items()}
        assert days["empty"] == 0 and days["seeded"] > 0, days

        from psymitrix_cli.cli.state import AppState

        def review_as(token: str) -> object:
            # The backend reads the token from the environment when it is first used.
            os.environ["PSYMITRIX_TOKEN"] = token
            return AppState().backend.dashboard.review("month")

        inproc: dict[str, list[float]] = {n: [] for n in tokens}
        for _ in range(args.inproc_runs):
            for name, token in tokens.items():
                inproc[name].append(timed_ms(lambda t=token: review_as(t)))

        commands = {
            "review --month: whole process": ["review", "--month", "--json"],
            "report (90 days, html)": ["report", "--format", "html", "--json"],
        }
        whole: dict[str, dict[str, list[float]]] = {c: {n: [] for n in tokens} for c in commands}
        for _ in range(args.runs):
            for label, argv in commands.items():
                for name, token in tokens.items():
                    run_env = {**env, "PSYMITRIX_TOKEN": token}
                    whole[label][name].append(timed_ms(lambda e=run_env, a=argv: cli(e, *a)))

        print(f"\n{'median ms':34}{'empty':>10}{'seeded':>10}  seeded/empty")
        rows = {**whole, "review --month: in-process call": inproc}
        for label, times in rows.items():
            row = {n: statistics.median(v) for n, v in times.items()}
            print(
                f"{label:34}{row['empty']:10.1f}{row['seeded']:10.1f}"
                f"  {row['seeded'] / row['empty']:12.2f}"
            )
        print("\ntarget: whole process seeded / empty <= 1.50")


if __name__ == "__main__":
    main()
