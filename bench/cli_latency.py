#!/usr/bin/env python3
"""Whole-process CPU time of CLI start-up, beside the import floor of Typer + Rich.

Prints the median (and min) user+sys CPU seconds over N runs of:
  - python -c "import typer, rich.console"   (the floor)
  - psymitrix --help
  - psymitrix whoami                         (logged in, embedded SQLite)
Target: --help <= 1.5x the floor. Run: python bench/cli_latency.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def cpu_seconds(argv: list[str], env: dict[str, str], stdin: str | None = None) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, input=stdin, text=True, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="psymitrix-bench-"))
    env = {
        **os.environ,
        "PSYMITRIX_HOME": str(home),
        "PSYMITRIX_TESTING": "1",
        "PSYMITRIX_BCRYPT_ROUNDS": "4",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    cli = [sys.executable, "-m", "psymitrix_cli"]
    signup = [
        *cli,
        "signup",
        "--name",
        "Bench",
        "--username",
        "bench",
        "--email",
        "bench@example.com",
        "--timezone",
        "UTC",
        "--password-stdin",
    ]
    subprocess.run(
        signup, env=env, input="bench-password-1\n", text=True, check=True, capture_output=True
    )

    cases = {
        "import typer, rich.console": [sys.executable, "-c", "import typer, rich.console"],
        "psymitrix --help": [*cli, "--help"],
        "psymitrix whoami": [*cli, "whoami"],
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):  # interleaved, so machine noise hits every case alike
        for name, argv in cases.items():
            samples[name].append(cpu_seconds(argv, env))

    floor = statistics.median(samples["import typer, rich.console"])
    print(f"{'case':32} {'median ms':>10} {'min ms':>8} {'x floor':>8}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:32} {median * 1000:10.1f} {min(values) * 1000:8.1f} {median / floor:8.2f}")
    print(f"runs: {args.runs}; target: psymitrix --help <= 1.50x the floor")


if __name__ == "__main__":
    main()
