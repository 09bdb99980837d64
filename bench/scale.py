#!/usr/bin/env python3
"""Does the cost of a command grow with a person's history?

Seeds one user with 100,000 journal entries (plus --busy in the last 14 days),
10,000 sleep logs, 5,000 assessments and --chats chat sessions of --messages messages,
another with one page of each, and another with nothing, in the same store; then
times `status`, `journal list -n 20`, `me` and `chat show` for all three,
interleaved, side by side:
  - in-process: the backend call itself (median of --runs), and
  - whole process: `python -m psymitrix_cli ...` wall time (median of --cli-runs).
Also, in the same run: the size of `me --json`; the 14-day mood trend's days against
what a 500-row read would have covered; export's time and peak memory (tracemalloc);
and on SQLite, one chat's page by the session's index against the old plan (the
user_time index filtering every message).
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

from bench.common import assessment_doc, cli, isolated_env, median_ms  # noqa: E402
from psymitrix_cli.clock import iso  # noqa: E402
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


def seed(
    env: dict[str, str],
    user_id: str,
    journal: int,
    sleep: int,
    tests: int,
    busy: int = 0,
    chats: int = 0,
    messages: int = 0,
) -> None:
    """Bulk-load entries shaped exactly as the services write them."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store import base as kinds
    from psymitrix_cli.store.factory import open_store

    os.environ.update(env)
    store = open_store(load_settings())
    now = datetime.now(UTC)
    rng = random.Random(7)

    def journal_doc(i: int) -> dict[str, object]:
        # The first `busy` entries crowd the last 14 days (an active fortnight).
        ago = timedelta(minutes=(i + 1) * 14 * 24 * 60 / (busy + 1)) if i < busy else None
        at = iso(now - (ago or timedelta(hours=i - busy + 1)))  # then one an hour, back
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
        return assessment_doc(user_id, rng, now - timedelta(days=i + 1, hours=3), i, top=3)

    def session_doc(i: int) -> dict[str, object]:
        at = iso(now - timedelta(hours=i + 1, minutes=30))
        return {
            "_id": f"{user_id[:8]}-s{i:06d}",
            "userId": user_id,
            "startedAt": at,
            "lastActivityAt": at,
            "endedAt": at,
            "title": f"chat {i}",
            "summary": "A talk about the day.",
            "provider": "offline",
            "model": "offline",
            "messageCount": messages,
            "userMessageCount": messages // 2,
            "maxSafetyTier": "none",
            "summarisedAt": at,
            "disclosedAt": at,
        }

    def message_doc(i: int) -> dict[str, object]:
        session, seq = divmod(i, messages)
        return {
            "_id": secrets.token_hex(8),
            "userId": user_id,
            "sessionId": f"{user_id[:8]}-s{session:06d}",
            "seq": seq,
            "role": "user" if seq % 2 == 0 else "assistant",
            "content": f"message {seq} of a chat like any other",
            "at": iso(now - timedelta(hours=session + 1, minutes=30 - seq * 0.1)),
            "safety": "none",
        }

    plan = [
        (kinds.MOOD_JOURNAL, journal + busy, journal_doc),
        (kinds.CHAT_SESSIONS, chats, session_doc),
        (kinds.CHAT_MESSAGES, chats * messages, message_doc),
        (kinds.SLEEP, sleep, sleep_doc),
        (kinds.ASSESSMENTS, tests, test_doc),
    ]
    for kind, count, make in plan:
        docs = [make(i) for i in range(count)]
        for start in range(0, count, 5000):
            store.insert_many(
                kind,
                docs[start : start + 5000],
                counter={
                    kinds.ASSESSMENTS: "depressionTestCount",
                    kinds.CHAT_SESSIONS: "chatSessionCount",
                }.get(kind),
            )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="status / journal list vs history size")
    parser.add_argument("--backend", choices=["local", "mongo"], default="local")
    parser.add_argument("--mongo-uri")
    parser.add_argument("--journal", type=int, default=100_000)
    parser.add_argument("--sleep", type=int, default=10_000)
    parser.add_argument("--tests", type=int, default=5_000)
    parser.add_argument("--busy", type=int, default=2_000, help="journal entries in 14 days")
    parser.add_argument("--chats", type=int, default=1_000)
    parser.add_argument("--messages", type=int, default=60, help="per chat session")
    parser.add_argument("--no-export", action="store_true", help="skip the export figures")
    parser.add_argument(
        "--export", action="store_true", help="only export's memory and time (scale_export.py)"
    )
    parser.add_argument("--export-chats", type=int, default=10_000)
    parser.add_argument("--export-messages", type=int, default=10, help="per chat session")
    parser.add_argument("--export-rounds", type=int, default=3)
    parser.add_argument("--export-formats", default="json,csv,md,fhir")
    parser.add_argument("--baseline", type=Path, help="another checkout's export, side by side")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cli-runs", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="psymitrix-scale-") as home:
        env = isolated_env(home)
        with (
            secantus() if args.backend == "mongo" and not args.mongo_uri else _given(args.mongo_uri)
        ) as uri:
            if args.backend == "mongo":
                env.update(
                    PSYMITRIX_BACKEND="mongo",
                    MONGO_LINK=uri or "",
                    MONGODB_DATABASE_PSYMITRIX=f"bench_{secrets.token_hex(4)}",
                )
            if args.export:
                from bench.scale_export import export_figures

                formats = tuple(args.export_formats.split(","))
                export_figures(
                    env, token_for, seed, args.export_chats, args.export_messages,
                    args.export_rounds, args.baseline, formats,
                )  # fmt: skip
                return
            empty = token_for(env, "empty")
            small = token_for(env, "small")
            full = token_for(env, "full")
            os.environ.update(env)
            from psymitrix_cli.cli.state import AppState

            ids: dict[str, str] = {}
            for token, sizes in (
                (small, (30, 30, 10, 0, 3, 10)),
                (
                    full,
                    (args.journal, args.sleep, args.tests, args.busy, args.chats, args.messages),
                ),
            ):
                os.environ["PSYMITRIX_TOKEN"] = token
                user_id = AppState().backend.accounts.whoami()["userId"]
                ids[token] = user_id
                start = time.perf_counter()
                seed(env, user_id, *sizes)
            print(
                f"seeded {args.journal} + {args.busy} journal, {args.sleep} sleep, "
                f"{args.tests} assessments, {args.chats} chats x {args.messages} messages "
                f"on {args.backend} in {time.perf_counter() - start:.1f}s"
            )
            os.environ["PSYMITRIX_TOKEN"] = empty
            ids[empty] = AppState().backend.accounts.whoami()["userId"]
            chat_ids: dict[str, str | None] = {empty: None, small: ids[small], full: ids[full]}
            report(env, {"empty": empty, "one page": small, "seeded": full}, args, chat_ids)
            extras(env, {"empty": empty, "one page": small, "seeded": full}, ids, args)


@contextmanager
def _given(uri: str | None) -> Iterator[str | None]:
    yield uri


def _chat_show(backend: object) -> object:
    """The newest chat with its messages (for a user with none: the empty list)."""
    sessions = backend.chat.sessions(limit=1)["items"]  # type: ignore[attr-defined]
    return backend.chat.get(sessions[0]["id"]) if sessions else None  # type: ignore[attr-defined]


def report(
    env: dict[str, str],
    tokens: dict[str, str],
    args: argparse.Namespace,
    chat_ids: dict[str, str | None],
) -> None:
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
        "me": lambda b: b.profile.me(),  # type: ignore[attr-defined]
        "chat show (newest)": _chat_show,
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
        ("me", ["me", "--json"]),
        ("chat show (newest)*", ["chat", "show", "NEWEST", "--json"]),
    ):
        times = {name: [] for name in tokens}
        for _ in range(args.cli_runs):
            for name, token in tokens.items():
                run_env = {**env, "PSYMITRIX_TOKEN": token}
                run = _newest_chat(argv, chat_ids[token])
                times[name].append(median_ms(lambda e=run_env, a=run: cli(e, *a), 1))
        row = {name: statistics.median(values) for name, values in times.items()}
        cells = "".join(f"{row[name]:10.1f}" for name in tokens)
        print(
            f"{label:24}{cells}  {row['seeded'] / row['empty']:12.2f}"
            f"  {row['seeded'] / row['one page']:11.2f}"
        )
    print("\ntarget: seeded / empty <= 1.50")
    print("* the empty user has no chat: its column is `chat sessions --json` (the same lookup)")


def _newest_chat(argv: list[str], user_id: str | None) -> list[str]:
    """`chat show NEWEST`: the seeded users' newest session (see seed), else the list."""
    if "NEWEST" not in argv:
        return argv
    if user_id is None:
        return ["chat", "sessions", "--json"]
    return [a if a != "NEWEST" else f"{user_id[:8]}-s000000" for a in argv]


def extras(
    env: dict[str, str], tokens: dict[str, str], ids: dict[str, str], args: argparse.Namespace
) -> None:
    """What the timings above do not show: sizes, the trend's coverage, export memory,
    and (SQLite) the chat page's plan against the old one, all side by side."""
    import json
    import tracemalloc

    from psymitrix_cli.cli.state import AppState
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store import base as kinds
    from psymitrix_cli.store.base import Query
    from psymitrix_cli.store.factory import open_store

    backends = {}
    for name, token in tokens.items():
        os.environ["PSYMITRIX_TOKEN"] = token
        backends[name] = AppState().backend
    header = "".join(f"{name:>12}" for name in tokens)
    print(f"\n{'sizes and coverage':28}{header}")
    sizes = {n: len(json.dumps(b.profile.me())) for n, b in backends.items()}  # type: ignore[attr-defined]
    print(f"{'me --json (characters)':28}" + "".join(f"{sizes[n]:12,}" for n in tokens))
    days = {
        n: sum(m is not None for m in b.dashboard.status()["trends"]["mood"])  # type: ignore[attr-defined]
        for n, b in backends.items()
    }
    print(f"{'trend days with a mood':28}" + "".join(f"{days[n]:12}" for n in tokens))
    store = open_store(load_settings())
    first = (datetime.now(UTC) - timedelta(days=13)).date()
    since = datetime.combine(first, datetime.min.time(), UTC)
    capped = {}
    for n, token in tokens.items():
        rows = store.list(
            kinds.MOOD_JOURNAL, Query(user_id=ids[token], limit=500, since=iso(since))
        )
        capped[n] = len({r["at"][:10] for r in rows if r.get("mood") is not None})
    print(f"{'  a 500-row read covered':28}" + "".join(f"{capped[n]:12}" for n in tokens))

    if not args.no_export:
        print(f"\n{'export (json, in-process)':28}{header}")
        peak, took = {}, {}
        backends["empty"].data.export()  # type: ignore[attr-defined]  # imports, not rows
        for n, backend in backends.items():
            tracemalloc.start()
            start = time.perf_counter()
            text = json.dumps(backend.data.export(), ensure_ascii=False)  # type: ignore[attr-defined]
            took[n] = time.perf_counter() - start
            peak[n] = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            del text
        print(f"{'peak memory (MiB)':28}" + "".join(f"{peak[n]:12.1f}" for n in tokens))
        print(f"{'time (s, under tracemalloc)':28}" + "".join(f"{took[n]:12.2f}" for n in tokens))
        print(f"peak seeded / empty: {peak['seeded'] / peak['empty']:.2f} (target <= 1.50)")

    full = ids[tokens["seeded"]]
    sid = f"{full[:8]}-s000000"
    query = Query(user_id=full, limit=50, where={"sessionId": sid}, ascending=True)
    new = median_ms(lambda: store.list(kinds.CHAT_MESSAGES, query), args.runs)
    print(f"\none chat's page of 50 ({args.chats * args.messages:,} messages of this user)")
    print(f"{'  by the session index (ms)':28}{new:12.3f}")
    if hasattr(store, "_db") and args.backend == "local":
        old_sql = (
            "SELECT doc FROM chat_messages INDEXED BY chat_messages_user_time "
            'WHERE user_id = ? AND "sessionId" = ? ORDER BY sort_key ASC, id ASC LIMIT 50'
        )
        old = median_ms(
            lambda: store._db.execute(old_sql, (full, sid)).fetchall(),  # type: ignore[attr-defined]
            max(3, args.runs // 10),
        )
        print(f"{'  the old plan, user_time (ms)':28}{old:12.3f}   ({old / new:,.0f}x)")
    store.close()


if __name__ == "__main__":
    main()
