"""`bench/scale.py --export`: does export's memory or time per row grow with the history?

Seeds users with nothing, 1k and 100k journal entries, and 10k chat sessions (of
--export-messages messages each), then runs the whole process `psymitrix export -o FILE`
for each, interleaved, and reports its peak RSS (os.wait4's ru_maxrss, per process)
and wall time, side by side; with `--baseline DIR` (a checkout of another version,
e.g. `git archive main | tar -x -C DIR`) that version's export runs on the same store
in the same rounds, so before and after are measured together. Every export is checked
to be byte-identical between the two, and time per row written shows linearity.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

USERS = (
    ("empty", {}),
    ("1k", {"journal": 1_000}),
    ("100k", {"journal": int(os.environ.get("BENCH_EXPORT_LARGE", 100_000))}),
)


# The child's own high-water mark (VmHWM, of the process image after exec): ru_maxrss
# would start from this benchmark's own size, inherited through fork.
PEAK = (
    "import atexit, os, runpy, sys\n"
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            open(os.environ['BENCH_PEAK_FILE'], 'w').write(line.split()[1])\n"
    "atexit.register(peak)\n"
    "sys.argv = ['psymitrix', *sys.argv[1:]]\n"
    "runpy.run_module('psymitrix_cli', run_name='__main__')\n"
)


def run(env: dict[str, str], code: Path | None, argv: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one `python -m psymitrix_cli ...`."""
    peak_file = Path(tempfile.mkstemp(prefix="psymitrix-peak-")[1])
    run_env = {**env, "BENCH_PEAK_FILE": str(peak_file)}
    run_env["PYTHONPATH"] = str(code or Path(__file__).resolve().parent.parent)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", PEAK, *argv],
        env=run_env,
        cwd=tempfile.gettempdir(),  # not a checkout: `code` (or the installed tree) is imported
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    status = proc.wait()
    took = time.perf_counter() - start
    if status != 0:
        sys.exit(f"export failed ({code or 'this tree'}): {proc.stderr.read().decode()[-400:]}")  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    kib = int(peak_file.read_text() or 0)
    peak_file.unlink()
    return took, kib / 1024


def export_figures(
    env: dict[str, str],
    token_for: Callable[[dict[str, str], str], str],
    seed: Callable[..., None],
    chats: int,
    messages: int,
    rounds: int,
    baseline: Path | None,
    formats: tuple[str, ...],
) -> None:
    from psymitrix_cli.cli.state import AppState

    users = [*USERS, (f"{chats // 1000}k chats", {"chats": chats, "messages": messages})]
    tokens: dict[str, str] = {}
    rows: dict[str, int] = {}
    for name, sizes in users:
        os.environ.pop("PSYMITRIX_TOKEN", None)  # else the login read back is the last one
        token = token_for(env, "bench" + name.replace(" ", ""))
        os.environ["PSYMITRIX_TOKEN"] = token
        user_id = AppState().backend.accounts.whoami()["userId"]
        start = time.perf_counter()
        seed(env, user_id, sizes.get("journal", 0), 0, 0, 0, sizes.get("chats", 0), messages)
        tokens[name] = token
        rows[name] = sizes.get("journal", 0) + sizes.get("chats", 0) * (1 + messages)
        print(f"seeded {name}: {rows[name]:,} rows in {time.perf_counter() - start:.1f}s")
    versions: dict[str, Path | None] = {"after": None}
    if baseline is not None:
        versions = {"before": baseline, **versions}
    out = Path(tempfile.mkdtemp(prefix="psymitrix-export-out-"))
    for fmt in formats:
        peak: dict[tuple[str, str], list[float]] = {}
        took: dict[tuple[str, str], list[float]] = {}
        for _ in range(rounds):
            for name in tokens:
                for version, code in versions.items():
                    target = out / f"{version}-{name}.{'zip' if fmt == 'csv' else fmt}"
                    run_env = {**env, "PSYMITRIX_TOKEN": tokens[name]}
                    seconds, mib = run(run_env, code, ["export", "-f", fmt, "-o", str(target)])
                    peak.setdefault((version, name), []).append(mib)
                    took.setdefault((version, name), []).append(seconds)
        _table(fmt, versions, tokens, rows, peak, took)
        if baseline is not None and fmt != "csv":  # a zip's members carry the time
            for name in tokens:
                old = (out / f"before-{name}.{fmt}").read_bytes()
                new = (out / f"after-{name}.{fmt}").read_bytes()
                same = _without_time(old, fmt) == _without_time(new, fmt)
                print(f"  {name}: before and after byte-identical: {same}")


def _without_time(data: bytes, fmt: str) -> bytes:
    """exportedAt (and FHIR's bundle id and timestamp) name the moment of export."""
    import re

    if fmt == "md":
        return data
    data = re.sub(rb'"(exportedAt|timestamp)": "[^"]*"', rb'"\1": ""', data)
    return re.sub(rb'^  "id": "[^"]*"', b'  "id": ""', data, count=1, flags=re.M)


def _table(
    fmt: str,
    versions: dict[str, Path | None],
    tokens: dict[str, str],
    rows: dict[str, int],
    peak: dict[tuple[str, str], list[float]],
    took: dict[tuple[str, str], list[float]],
) -> None:
    header = "".join(f"{name:>12}" for name in tokens)
    print(f"\nexport --format {fmt} -o FILE, whole process (median){header}  last/empty")
    for version in versions:
        mib = {n: statistics.median(peak[(version, n)]) for n in tokens}
        secs = {n: statistics.median(took[(version, n)]) for n in tokens}
        cells = "".join(f"{mib[n]:12.1f}" for n in tokens)
        print(f"{version + ': peak RSS (MiB)':40}{cells}  {max(mib.values()) / mib['empty']:9.2f}")
        cells = "".join(f"{secs[n]:12.2f}" for n in tokens)
        print(f"{version + ': time (s)':40}{cells}")
        per_row = "".join(
            f"{(secs[n] - secs['empty']) / rows[n] * 1e6:12.1f}" if rows[n] else f"{'-':>12}"
            for n in tokens
        )
        print(f"{version + ': time over empty per row (us)':40}{per_row}")
    print("target: peak RSS <= 1.5x the empty account's; time per row flat")
