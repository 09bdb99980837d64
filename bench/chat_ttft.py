#!/usr/bin/env python3
"""Time to first reply byte of `psymitrix chat send`, against the raw Groq SDK.

A loopback Groq stub (tests/stubs) serves a fixed streamed reply. Over N
interleaved runs this measures wall time from process start to:
  (a) the first reply byte on stdout of `python -m psymitrix_cli chat send hello --provider groq`
  (b) the first reply byte of a minimal script streaming the same request with the groq SDK
  (c) the exit of `python -c "import typer, rich.console"` (the CLI's start-up floor)
  (d) the exit of `python -c pass` (the interpreter alone)
and prints the medians, the overhead (a) - (b), and that overhead beyond the start-up
of Typer + Rich, (a) - (b) - ((c) - (d)). Target: the latter <= 20 ms.
Run: python bench/chat_ttft.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.stubs.llm_stubs import GroqStub, ok  # noqa: E402

REPLY = ("Hello", " from", " the", " stub", ".")
MODEL = "llama-3.3-70b-versatile"
RAW_SDK = f"""
import sys, groq
client = groq.Groq(max_retries=0)
stream = client.chat.completions.create(
    model={MODEL!r}, messages=[{{"role": "user", "content": "hello"}}], stream=True
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        sys.stdout.write(chunk.choices[0].delta.content)
        sys.stdout.flush()
        break
"""


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_byte(argv: list[str], env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning `argv` to the first byte on its stdout (then let it finish)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert proc.stdout is not None and proc.stderr is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    got = os.read(proc.stdout.fileno(), 1) if ready else b""
    elapsed = time.perf_counter() - start
    out, err = proc.communicate(timeout=timeout)
    if not got or proc.returncode != 0:
        raise SystemExit(f"{argv[:6]} failed ({proc.returncode}): {err.decode()[-500:]}")
    if not (got + out).decode().startswith(REPLY[0]):
        raise SystemExit(f"unexpected output from {argv[:6]}: {(got + out)[:200]!r}")
    return elapsed


def until_exit(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="psymitrix-ttft-"))
    stub = GroqStub(lifetime=3600.0, default=ok(*REPLY)).start()
    # The raw script hangs up once it has its first chunk; that reset is not news.
    stub._server.handle_error = lambda request, address: None  # type: ignore[union-attr]
    try:
        env = {
            **os.environ,
            "PSYMITRIX_HOME": str(home / "home"),
            "PSYMITRIX_TESTING": "1",
            "PSYMITRIX_BCRYPT_ROUNDS": "4",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "GROQ_API_KEY": "gsk-bench-key",
            "GROQ_BASE_URL": stub.url,
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            "PYTHONPATH": str(REPO),
        }
        for name in ("PSYMITRIX_TOKEN", "PSYMITRIX_BACKEND", "PSYMITRIX_CLOCK", "NO_COLOR"):
            env.pop(name, None)
        cli = [sys.executable, "-m", "psymitrix_cli"]
        signup = [*cli, "signup", "--name", "Bench", "--username", "bench", "--email",
                  "bench@example.com", "--timezone", "UTC", "--password-stdin"]  # fmt: skip
        subprocess.run(signup, env=env, input="bench-password-1\n", text=True, check=True,
                       capture_output=True, cwd=home)  # fmt: skip

        cases = {
            "(a) psymitrix chat send": lambda: first_byte(
                [*cli, "chat", "send", "hello", "--provider", "groq"], env
            ),
            "(b) raw groq SDK stream": lambda: first_byte([sys.executable, "-c", RAW_SDK], env),
            "(c) import typer, rich.console": lambda: until_exit(
                [sys.executable, "-c", "import typer, rich.console"], env
            ),
            "(d) python -c pass": lambda: until_exit([sys.executable, "-c", "pass"], env),
        }
        for run in cases.values():  # warm the OS caches once, untimed
            run()
        samples: dict[str, list[float]] = {name: [] for name in cases}
        cpu: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):  # interleaved, so machine noise hits every case alike
            for name, run in cases.items():
                before = cpu_of_children()
                samples[name].append(run())
                cpu[name].append(cpu_of_children() - before)
    finally:
        stub.stop()
        shutil.rmtree(home, ignore_errors=True)

    med = {name: statistics.median(values) * 1000 for name, values in samples.items()}
    print(f"{'case':34} {'median ms':>10} {'min ms':>8} {'cpu ms*':>8}")
    for name, values in samples.items():
        cpu_ms = statistics.median(cpu[name]) * 1000
        print(f"{name:34} {med[name]:10.1f} {min(values) * 1000:8.1f} {cpu_ms:8.1f}")
    print("* median user+sys CPU of the whole process (less sensitive to machine load)")
    a, b, c, d = med.values()
    overhead = a - b
    print(f"\noverhead (a) - (b):                        {overhead:7.1f} ms")
    print(f"Typer + Rich start-up (c) - (d):           {c - d:7.1f} ms")
    beyond = overhead - (c - d)
    print(f"overhead beyond it, (a) - (b) - (c - d):   {beyond:7.1f} ms  (target <= 20)")


if __name__ == "__main__":
    main()
