#!/usr/bin/env python3
"""Does a search cost more with a longer history? (issue 12: no more than 2x from 1k to
1M entries, and well under 100 ms in-process at 100k.)

For each size (1,000, 100,000 and, with --million, 1,000,000 journal entries) a store
of its own, on SQLite, with one person whose entries are seeded straight through the
store in bulk (store.insert_many, so the search index's triggers index each one, as an
import would). Entries are ~20 words drawn from a 5,000-word vocabulary (Zipf-like, so
some words are common and most are rare), one an hour up to now, written oldest first; one word
("lighthouse") is planted in exactly 40 entries spread over the whole history, whatever
its length. Then, in-process (the backend call a command makes, median of --runs):

  search Q                  `psymitrix search Q` (the default 10 results, ranked)
  journal list --search Q   a page of 20, newest first

for a common word, a rare one, a phrase, an OR and a -word, side by side per size.

  python bench/search.py              # 1k and 100k
  python bench/search.py --million    # and 1M (seeding takes minutes)
  python bench/search.py --mongo --sizes 1000 100000   # on MongoDB (SecantusDB)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import isolated_env, median_ms  # noqa: E402
from psymitrix_cli.clock import iso  # noqa: E402

PASSWORD = "bench-password-1"
VOCABULARY = 5000
PLANTED = "lighthouse"
# Every query but the planted word fills the ranking window (200) even at 1,000 entries,
# so each size ranks the same number of matches: what is left to grow is the history.
QUERIES = {
    "common word": "w3",  # in about 4 entries in 10
    "rare word": PLANTED,  # 40 entries whatever the history
    "phrase": '"w0 w0"',  # the commonest word twice in a row: about 1 entry in 5
    "OR": "w20 OR w21",  # about 1 entry in 5
    "-word": "w3 -w40",
}


def signup(env: dict[str, str]) -> str:
    subprocess.run(
        [
            *(sys.executable, "-m", "psymitrix_cli", "signup", "--name", "B"),
            *("--username", "bench", "--email", "bench@example.com"),
            *("--timezone", "UTC", "--password-stdin"),
        ],
        env=env,
        input=PASSWORD + "\n",
        text=True,
        capture_output=True,
        check=True,
    )
    from psymitrix_cli.cli.state import AppState

    state = AppState()
    try:
        token = state.credentials.get()
        assert token
        return token
    finally:
        state.close()


def seed(user_id: str, count: int, batch: int = 5000) -> float:
    """`count` journal entries through the store in bulk; seconds taken."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store.base import MOOD_JOURNAL
    from psymitrix_cli.store.factory import open_store

    store = open_store(load_settings())
    rng = random.Random(12)
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    words = [f"w{rank}" for rank in range(VOCABULARY)]
    planted = set(range(0, count, max(1, count // 40)))
    now = datetime.now(UTC) - timedelta(minutes=5)
    start = time.perf_counter()
    try:
        for first in range(0, count, batch):
            docs = []
            for i in range(first, min(first + batch, count)):
                text = " ".join(rng.choices(words, weights, k=20))
                if i in planted:
                    text += f" {PLANTED}"
                at = iso(now - timedelta(hours=count - i))  # oldest first, as written
                docs.append(
                    {
                        "_id": f"{i:012x}{rng.getrandbits(32):08x}",
                        "userId": user_id,
                        "at": at,
                        "text": text,
                        "mood": rng.randint(1, 5),
                        "moodLabel": None,
                        "tags": [],
                        "createdAt": at,
                        "updatedAt": at,
                    }
                )
            store.insert_many(MOOD_JOURNAL, docs)
    finally:
        store.close()
    return time.perf_counter() - start


def warm_median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm: the first call opens the store and loads the token
    return median_ms(fn, runs)


def measure(env: dict[str, str], token: str, runs: int) -> dict[str, tuple[float, float, int]]:
    """Query name -> (search ms, journal list --search ms, results of the search)."""
    os.environ.update(env)
    os.environ["PSYMITRIX_TOKEN"] = token
    from psymitrix_cli.cli.state import AppState
    from psymitrix_cli.domain.entry_kind import PageQuery
    from psymitrix_cli.domain.search import SearchRequest

    state = AppState()
    out = {}
    try:
        backend = state.backend
        for name, query in QUERIES.items():
            request = SearchRequest(query)
            found = backend.search.search(request)
            searched = warm_median_ms(lambda r=request: backend.search.search(r), runs)
            page = PageQuery(limit=20, search=query)
            assert len(backend.journal.list(page)["items"]) == 20, name  # a full page
            listed = warm_median_ms(lambda p=page: backend.journal.list(p), runs)
            out[name] = (searched, listed, found["matched"])
    finally:
        state.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="search and journal list --search vs history")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 entries")
    parser.add_argument("--sizes", type=int, nargs="*", help="instead of 1k / 100k (/ 1M)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--mongo",
        action="store_true",
        help="on MongoDB (a SecantusDB started on loopback) instead of SQLite",
    )
    args = parser.parse_args()
    sizes = args.sizes or [1_000, 100_000, *([1_000_000] if args.million else [])]
    if args.mongo:
        from bench.scale import secantus

        with secantus() as uri:
            run(sizes, args.runs, {"PSYMITRIX_BACKEND": "mongo", "MONGO_LINK": uri})
    else:
        run(sizes, args.runs, {})


def run(sizes: list[int], runs: int, backend: dict[str, str]) -> None:
    where = "MongoDB (SecantusDB)" if backend else "SQLite"
    results: dict[int, dict[str, tuple[float, float, int]]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="psymitrix-search-") as home:
            database = {"MONGODB_DATABASE_PSYMITRIX": f"search{size}"} if backend else {}
            env = isolated_env(home, **backend, **database)
            os.environ.update(env)
            os.environ.pop("PSYMITRIX_TOKEN", None)
            token = signup(env)
            from psymitrix_cli.backends.outbox import token_subject

            took = seed(str(token_subject(token)), size)
            db = Path(home) / "psymitrix.db"
            megabytes = sum(p.stat().st_size for p in db.parent.glob("psymitrix.db*")) / 1e6
            size_note = f" ({megabytes:.0f} MB)" if not backend else ""
            seeded = f"seeded {size:,} journal entries on {where} in {took:.1f}s{size_note}"
            print(seeded, flush=True)
            results[size] = measure(env, token, runs)
    report(sizes, results)


def report(sizes: list[int], results: dict[int, dict[str, tuple[float, float, int]]]) -> None:
    head = "".join(f"{f'{s:,}':>22}" for s in sizes)
    print(f"\nin-process ms, median (matches ranked)   {head}")
    for name in QUERIES:
        cells = "".join(
            f"{results[s][name][0]:>11.1f} ({results[s][name][2]:>4})      " for s in sizes
        )
        print(f"  search {name:<33}{cells}")
    for name in QUERIES:
        cells = "".join(f"{results[s][name][1]:>18.1f}    " for s in sizes)
        print(f"  journal list --search {name:<18}{cells}")
    first, last = sizes[0], sizes[-1]
    worst = max(
        max(results[last][n][0] / results[first][n][0], results[last][n][1] / results[first][n][1])
        for n in QUERIES
    )
    at_100k = results.get(100_000)
    slowest = max(max(v[0], v[1]) for v in at_100k.values()) if at_100k else None
    print(f"\nworst ratio {last:,} / {first:,}: {worst:.2f}x (target <= 2x)")
    if slowest is not None:
        print(f"slowest at 100,000: {slowest:.1f} ms (target well under 100 ms)")


if __name__ == "__main__":
    main()
