"""What every whole-process benchmark shares: an environment that keeps PsyMitrix in a
temp home, fast bcrypt, no keyring and no token of the person running it."""

from __future__ import annotations

import os
import random
import secrets
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from psymitrix_cli.clock import iso
from psymitrix_cli.domain import assessments as rules


def isolated_env(home: str | Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PSYMITRIX_HOME": str(home),
        "PSYMITRIX_TESTING": "1",
        "PSYMITRIX_BCRYPT_ROUNDS": "4",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        **extra,
    }
    env.pop("PSYMITRIX_TOKEN", None)
    # An installed package has its bytecode compiled; without it every run of a changed
    # checkout would recompile its modules and time the compiler, not PsyMitrix.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    """`python -m psymitrix_cli ARGS` in `env`; its stdout (a failure raises)."""
    out = subprocess.run(
        [sys.executable, "-m", "psymitrix_cli", *args],
        env=env,
        input=stdin,
        text=True,
        capture_output=True,
        check=True,
    )
    return out.stdout


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls, in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def assessment_doc(
    user_id: str, rng: random.Random, taken: datetime, i: int, top: int = 3
) -> dict[str, Any]:
    """A stored PHQ-9 (odd i) or GAD-7 (even i) result, answers 0..top, taken at `taken`."""
    instrument = rules.PHQ9 if i % 2 else rules.GAD7
    answers = [rng.randint(0, top) for _ in instrument.items]
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
        "takenAt": iso(taken),
    }
