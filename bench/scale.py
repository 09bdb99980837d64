#!/usr/bin/env python3
"""Does the cost of `status` and `journal list -n 20` grow with a person's history?

Seeds one user with 100,000 journal entries, 10,000 sleep logs and 5,000 assessments,
and another user with nothing, in the same store; then times both commands for both
users, interleaved, side by side:
  - in-process: the backend call itself (median of --runs), and
  - whole process: `python -m psymitrix_cli ...` wall time (median of --cli-runs).
Target: seeded / empty <= 1.5x.

  python bench/scale.py                      # embedded SQLite
  python bench/scale.py --backend mongo      # starts SecantusDB on loopback
  python bench/scale.py --backend mongo --mongo-uri mongodb://127.0.0.1:27017/
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from psymitrix_cli.clock import iso  # noqa: E402
from psymitrix_cli.domain import assessments as rules  # noqa: E402
from psymitrix_cli.domain.entry_kind import PageQuery  # noqa: E402

PASSWORD = "bench-password-1"


@contextmanager
def secantus() -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = Path(sys.executable).with_name("secantusd-py")
    proc = subprocess.Popen(
        [str(exe), "--host", "127.0.0.1", "--port", str(port), "--storage-path", ":memory:"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    try:
        import pymongo

        deadline = time.monotonic() + 30
        while True:
            try:
                pymongo.MongoClient(uri, serverSelectionTimeoutMS=500).admin.command("ping")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield uri
    finally:
        proc.terminate()
        proc.wait(10)


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "psymitrix_cli", *args],
        env=env,
        input=stdin,
        text=True,
        capture_output=True,
        check=True,
    )
    return out.stdout


def token_for(env: dict[str, str], username: str) -> str:
    cli(
        env,
        "signup",
        "--name",
        username,
        "--username",
        username,
        "--email",
        f"{username}@example.com",
        "--timezone",
        "UTC",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    os.environ.update(env)
    from psymitrix_cli.cli.state import AppState

    token = AppState().credentials.get()
    assert token
    return token


def seed(env: dict[str, str], user_id: str, journal: int, sleep: int, tests: int) -> None:
    """Bulk-load entries shaped exactly as the services write them."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store import base as kinds
    from psymitrix_cli.store.factory import open_store

    os.environ.update(env)
    store = open_store(load_settings())
    now = datetime.now(UTC)
    rng = random.Random(7)

    def journal_doc(i: int) -> dict[str, object]:
        at = iso(now - timedelta(hours=i + 1))
        mood = rng.randint(1, 5)
        return {
            "_id": secrets.token_hex(8),
            "userId": user_id,
            "at": at,
            "text": f"entry {i}: a day like any other",
            "mood": mood,
            "moodLabel": None,
            "tags": ["bench"] if i % 10 == 0 else [],
            "createdAt": at,
            "updatedAt": at,
        }

    def sleep_doc(i: int) -> dict[str, object]:
        night = (now - timedelta(days=i + 1)).date().isoformat()
        at = iso(now - timedelta(days=i + 1))
        return {
            "_id": secrets.token_hex(8),
            "userId": user_id,
            "date": night,
            "score": rng.randint(1, 10),
            "hours": 7.0,
            "note": None,
            "createdAt": at,
            "updatedAt": at,
        }

    def test_doc(i: int) -> dict[str, object]:
        instrument = rules.PHQ9 if i % 2 else rules.GAD7
        answers = [rng.randint(0, 3) for _ in instrument.items]
        total = sum(answers)
        return {
            "_id": secrets.token_hex(8),
            "userId": user_id,
            "instrument": instrument.name,
            "answers": answers,
            "total": total,
            "severity": rules.severity(instrument, total),
            "difficulty": None,
            "crisis": False,
            "takenAt": iso(now - timedelta(days=i + 1, hours=3)),
        }

    plan = [
        (kinds.MOOD_JOURNAL, journal, journal_doc),
        (kinds.SLEEP, sleep, sleep_doc),
        (kinds.ASSESSMENTS, tests, test_doc),
    ]
    for kind, count, make in plan:
        docs = [make(i) for i in range(count)]
        for start in range(0, count, 5000):
            store.insert_many(
                kind,
                docs[start : start + 5000],
                counter="depressionTestCount" if kind is kinds.ASSESSMENTS else None,
            )
    store.close()


def median_ms(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description="status / journal list vs history size")
    parser.add_argument("--backend", choices=["local", "mongo"], default="local")
    parser.add_argument("--mongo-uri")
    parser.add_argument("--journal", type=int, default=100_000)
    parser.add_argument("--sleep", type=int, default=10_000)
    parser.add_argument("--tests", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cli-runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="psymitrix-scale-") as home:
        env = {
            **os.environ,
            "PSYMITRIX_HOME": home,
            "PSYMITRIX_TESTING": "1",
            "PSYMITRIX_BCRYPT_ROUNDS": "4",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        with (
            secantus() if args.backend == "mongo" and not args.mongo_uri else _given(args.mongo_uri)
        ) as uri:
            if args.backend == "mongo":
                env.update(
                    PSYMITRIX_BACKEND="mongo",
                    MONGO_LINK=uri or "",
                    MONGODB_DATABASE_PSYMITRIX=f"bench_{secrets.token_hex(4)}",
                )
            empty = token_for(env, "empty")
            small = token_for(env, "small")
            full = token_for(env, "full")
            os.environ.update(env)
            from psymitrix_cli.cli.state import AppState

            for token, sizes in (
                (small, (30, 30, 10)),
                (full, (args.journal, args.sleep, args.tests)),
            ):
                os.environ["PSYMITRIX_TOKEN"] = token
                user_id = AppState().backend.accounts.whoami()["userId"]
                start = time.perf_counter()
                seed(env, user_id, *sizes)
            print(
                f"seeded {args.journal} journal, {args.sleep} sleep, {args.tests} assessments "
                f"on {args.backend} in {time.perf_counter() - start:.1f}s"
            )
            report(env, {"empty": empty, "one page": small, "seeded": full}, args)


@contextmanager
def _given(uri: str | None) -> Iterator[str | None]:
    yield uri


def report(env: dict[str, str], tokens: dict[str, str], args: argparse.Namespace) -> None:
    """Medians per user, interleaved so machine noise hits every column alike.

    "one page" holds just enough history to fill what is shown (30 entries): the
    fair baseline for "does cost grow with history?"; "empty" shows nothing at all."""
    from psymitrix_cli.cli.state import AppState

    backends = {}
    for name, token in tokens.items():
        os.environ["PSYMITRIX_TOKEN"] = token
        backends[name] = AppState().backend
    ops: dict[str, Callable[[object], object]] = {
        "status": lambda b: b.dashboard.status(),  # type: ignore[attr-defined]
        "journal list -n 20": lambda b: b.journal.list(PageQuery(limit=20)),  # type: ignore[attr-defined]
    }
    header = "".join(f"{name:>10}" for name in tokens)
    print(f"\n{'in-process (median ms)':24}{header}  seeded/empty  seeded/page")
    for label, op in ops.items():
        times: dict[str, list[float]] = {name: [] for name in backends}
        for _ in range(args.runs):
            for name, backend in backends.items():
                times[name].append(median_ms(lambda b=backend, op=op: op(b), 1))
        row = {name: statistics.median(values) for name, values in times.items()}
        cells = "".join(f"{row[name]:10.2f}" for name in tokens)
        print(
            f"{label:24}{cells}  {row['seeded'] / row['empty']:12.2f}"
            f"  {row['seeded'] / row['one page']:11.2f}"
        )

    print(f"\n{'whole process (median ms)':24}{header}  seeded/empty  seeded/page")
    for label, argv in (
        ("status", ["status", "--json"]),
        ("journal list -n 20", ["journal", "list", "-n", "20", "--json"]),
    ):
        times = {name: [] for name in tokens}
        for _ in range(args.cli_runs):
            for name, token in tokens.items():
                run_env = {**env, "PSYMITRIX_TOKEN": token}
                times[name].append(median_ms(lambda e=run_env, a=argv: cli(e, *a), 1))
        row = {name: statistics.median(values) for name, values in times.items()}
        cells = "".join(f"{row[name]:10.1f}" for name in tokens)
        print(
            f"{label:24}{cells}  {row['seeded'] / row['empty']:12.2f}"
            f"  {row['seeded'] / row['one page']:11.2f}"
        )
    print("\ntarget: seeded / empty <= 1.50")


if __name__ == "__main__":
    main()
