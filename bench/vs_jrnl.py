#!/usr/bin/env python3
"""`psymitrix journal add "text"` beside `jrnl "text"`: whole-process CPU, interleaved.

Both write to an existing journal of --entries entries (the same ones: jrnl's file is
written first, exported with `jrnl --format json` and imported with
`psymitrix import --from jrnl`), so neither pays for a first run. Each round runs one
jrnl add and one psymitrix add, in alternating order, and reads user+sys CPU of the child
(RUSAGE_CHILDREN), so a noisy machine slows both sides alike. PsyMitrix still runs its
safety screen on the text, on the embedded SQLite default. Both run as their installed
commands (the console script beside this Python; --module for `python -m psymitrix_cli`).

jrnl is not a dependency: install it anywhere and point --jrnl at it, e.g.
    python -m venv /tmp/jrnl && /tmp/jrnl/bin/pip install jrnl==4.6
    python bench/vs_jrnl.py --jrnl /tmp/jrnl/bin/jrnl --runs 21
Target (issue #14): psymitrix / jrnl <= 0.75.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import isolated_env

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""
TEXT = "Walked to the market in the rain and felt calmer afterwards @walk"


def cpu_seconds(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, cwd=cwd, text=True, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def write_journal(path: Path, entries: int) -> None:
    start = datetime(2025, 1, 1, 21, 0)
    with path.open("w") as out:
        for i in range(entries):
            when = (start + timedelta(hours=13 * i)).strftime("%Y-%m-%d %H:%M")
            out.write(f"[{when}] Entry {i}: a day like many others @day{i % 17}\n")
            out.write("Some more words about it, on a second line.\n\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jrnl", default=shutil.which("jrnl"), help="the jrnl executable")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--entries", type=int, default=1000, help="the existing journal's size")
    parser.add_argument(
        "--baseline", type=Path, help="another checkout's psymitrix, as a third side in each round"
    )
    parser.add_argument(
        "--module", action="store_true", help="run `python -m psymitrix_cli`, not the command"
    )
    args = parser.parse_args()
    if not args.jrnl:
        sys.exit("jrnl not found: install it (see --help) and pass --jrnl PATH")

    work = Path(tempfile.mkdtemp(prefix="psymitrix-vs-jrnl-"))
    journal = work / "journal.txt"
    (work / "config" / "jrnl").mkdir(parents=True)
    (work / "config" / "jrnl" / "jrnl.yaml").write_text(JRNL_CONFIG.format(journal=journal))
    write_journal(journal, args.entries)
    jrnl_env = {**os.environ, "XDG_CONFIG_HOME": str(work / "config"), "HOME": str(work)}
    exported = work / "jrnl.json"
    done = subprocess.run(
        [args.jrnl, "--format", "json"], env=jrnl_env, text=True, check=True, capture_output=True
    )
    exported.write_text(done.stdout)

    # The installed `psymitrix` command, as jrnl runs as its own; `python -m` adds runpy.
    script = Path(sys.executable).with_name("psymitrix")
    cli = [str(script)] if script.exists() and not args.module else [sys.executable, "-m"]
    cli += [] if len(cli) == 1 else ["psymitrix_cli"]
    sides = {"jrnl": ([args.jrnl, TEXT], jrnl_env)}
    checkouts = {"psymitrix": None, **({"baseline": args.baseline} if args.baseline else {})}
    for name, checkout in checkouts.items():
        extra = {"PYTHONPATH": str(checkout.resolve())} if checkout else {}
        env = isolated_env(work / name, **extra)
        signup = [*cli, "signup", "--name", "Bench", "--username", "bench"]
        signup += ["--email", "bench@example.com", "--timezone", "UTC", "--password-stdin"]
        # Run from the temp dir: `python -m` puts the working directory first on sys.path,
        # which would shadow the baseline's PYTHONPATH with this checkout.
        run = {"env": env, "cwd": work, "text": True, "check": True, "capture_output": True}
        subprocess.run(signup, input="bench-password-1\n", **run)
        subprocess.run([*cli, "import", str(exported), "--from", "jrnl"], **run)
        sides[name] = ([*cli, "journal", "add", TEXT], env)
    times: dict[str, list[float]] = {name: [] for name in sides}
    for round_ in range(args.runs):
        order = list(sides) if round_ % 2 else list(reversed(sides))  # neither always first
        for name in order:
            argv, side_env = sides[name]
            times[name].append(cpu_seconds(argv, side_env, work))

    print(f"existing journal: {args.entries} entries; {args.runs} interleaved rounds; CPU s")
    print("psymitrix run as:", "its installed command" if len(cli) == 1 else "python -m")
    for name, samples in times.items():
        print(f"  {name:10} median {statistics.median(samples):.4f}  min {min(samples):.4f}")
    for name in checkouts:
        ratio = statistics.median(times[name]) / statistics.median(times["jrnl"])
        print(f"{name} / jrnl (median CPU): {ratio:.2f}x  (target <= 0.75x)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
