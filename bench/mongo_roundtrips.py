#!/usr/bin/env python3
"""Round trips per command on MongoDB, counted with pymongo's command monitoring.

Starts SecantusDB on a free loopback port (or uses --mongo-uri), signs a user up, writes
a few weeks of entries, then runs each command in this process (Typer's runner) with a
CommandListener registered, and prints how many commands each one sent to the server.
The driver's own handshakes and heartbeats (hello, isMaster, ping, endSessions) are
counted apart: they are the connection, not the command.

Targets (issue 14): status <= 8, journal add <= 3, journal list <= 2.
`--before DIR` also runs the same commands with another checkout's code (e.g. main's
worktree) on the same server, in a process of its own, and prints both side by side.
tests/test_mongo_roundtrips.py keeps the targets as upper bounds.

  python bench/mongo_roundtrips.py
  python bench/mongo_roundtrips.py --before /work/main
  python bench/mongo_roundtrips.py --mongo-uri mongodb://127.0.0.1:27017/
  ROUNDTRIPS_TRACE=1 python bench/mongo_roundtrips.py   # each command sent, on stderr
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# --code DIR (the --before run): that checkout's psymitrix_cli, imported ahead of this one.
if "--code" in sys.argv:
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve()))

from bench.scale import PASSWORD, secantus  # noqa: E402

TARGETS = {"status": 8, "journal add": 3, "journal list": 2}
CONNECTION = frozenset({"hello", "ismaster", "isMaster", "ping", "endSessions", "buildInfo"})


def listener() -> Any:
    """A pymongo CommandListener that keeps each command's name while it is on."""
    from pymongo import monitoring

    class Counting(monitoring.CommandListener):
        def __init__(self) -> None:
            self.names: Counter[str] = Counter()
            self.on = False

        def started(self, event: Any) -> None:
            if self.on:
                self.names[event.command_name] += 1
                if os.environ.get("ROUNDTRIPS_TRACE"):
                    cmd = event.command
                    target = cmd.get(event.command_name)
                    shown = dict(cmd.get("filter") or {})
                    print(f"    {event.command_name} {target} {shown}", file=sys.__stderr__)

        def succeeded(self, event: Any) -> None:
            return None

        def failed(self, event: Any) -> None:
            return None

    return Counting()


COMMANDS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "journal add": ("journal", "add", "one more entry", "--mood", "4"),
    "journal list": ("journal", "list"),
    "journal list --tag": ("journal", "list", "--tag", "bench"),
    "checkin": ("checkin", "--mood", "4"),
    "me": ("me", "--json"),
}


def measure(uri: str, database: str) -> dict[str, dict[str, int]]:
    """Each command's commands sent, by name (the connection's own included)."""
    from pymongo import monitoring
    from typer.testing import CliRunner

    from psymitrix_cli.cli.app import app

    counting = listener()
    monitoring.register(counting)
    home = tempfile.mkdtemp(prefix="psymitrix-roundtrips-")
    env = {
        "PSYMITRIX_HOME": home,
        "PSYMITRIX_BACKEND": "mongo",
        "MONGO_LINK": uri,
        "MONGODB_DATABASE_PSYMITRIX": database,
        "PSYMITRIX_BCRYPT_ROUNDS": "4",
        "PSYMITRIX_TESTING": "1",
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backends.FileKeyring",
        "COLUMNS": "120",
    }
    os.environ.update(env)
    runner = CliRunner()

    def call(*argv: str, stdin: str | None = None) -> Counter[str]:
        counting.names.clear()
        counting.on = True
        try:
            result = runner.invoke(app, list(argv), input=stdin, catch_exceptions=False)
        finally:
            counting.on = False
        if result.exit_code != 0:
            raise SystemExit(f"{' '.join(argv)} failed: {result.output}")
        return Counter(counting.names)

    call(
        "signup", "--name", "Bench", "--username", "bench", "--email", "bench@example.com",
        "--timezone", "UTC", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    for day in range(20):
        call("journal", "add", f"entry {day}", "--mood", str(1 + day % 5), "--tag", "bench")
    call("sleep", "log", "--score", "7", "--hours", "7")
    call("checkin", "--mood", "3", "--gratitude", "tea")
    out = {}
    for label, argv in COMMANDS.items():
        call(*argv)  # warm: the first call per process also builds the client
        out[label] = dict(call(*argv))
    return out


def work(names: dict[str, int]) -> int:
    return sum(v for k, v in names.items() if k not in CONNECTION)


def before_run(checkout: str, uri: str) -> dict[str, dict[str, int]]:
    """The same commands with another checkout's code, in a process of its own."""
    argv = [sys.executable, __file__, "--code", checkout, "--mongo-uri", uri, "--json"]
    argv += ["--database", "roundtrips_before"]
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=checkout)
    if done.returncode != 0:
        raise SystemExit(f"the run with {checkout} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def report(after: dict[str, dict[str, int]], before: dict[str, dict[str, int]] | None) -> None:
    head = f"{'command':<22} {'before':>6} " if before else f"{'command':<22} "
    print(f"{head}{'round trips':>11} {'target':>7}  (connection)  what")
    for label, names in after.items():
        target = TARGETS.get(label)
        sent = work(names)
        mark = "" if target is None else ("ok" if sent <= target else "OVER")
        setup = sum(v for k, v in names.items() if k in CONNECTION)
        detail = ", ".join(f"{k} {v}" for k, v in sorted(names.items()) if k not in CONNECTION)
        was = f"{work(before[label]):>6} " if before else ""
        print(f"{label:<22} {was}{sent:>11} {target or '':>7}  ({setup:>2})  {mark:<4} {detail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mongo-uri", help="an existing server instead of SecantusDB")
    parser.add_argument("--before", metavar="DIR", help="also run another checkout's code")
    parser.add_argument("--code", metavar="DIR", help=argparse.SUPPRESS)  # see the imports
    parser.add_argument("--database", default="roundtrips", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    def run(uri: str) -> None:
        before = before_run(args.before, uri) if args.before else None
        after = measure(uri, args.database)
        if args.json:
            print(json.dumps(after))
        else:
            report(after, before)

    if args.mongo_uri:
        run(args.mongo_uri)
    else:
        with secantus() as uri:
            run(uri)


if __name__ == "__main__":
    main()
