#!/usr/bin/env python3
"""Load on `psymitrix serve`: authenticated GET /v1/me and POST /v1/journal beside a
bare FastAPI app's GET and POST JSON routes, on the same uvicorn settings.

Starts the servers itself (temp home, a fresh secret, PSYMITRIX_TESTING=1), signs a
user up and gives them a little of everything, then drives each target with N
keep-alive HTTP/1.1 connections on loopback for a fixed time, and prints req/s, p50,
p99 and the server's CPU per request (from /proc: unlike req/s it hardly moves when
other work shares the machine). The floor is bench/bare_app.py, a FastAPI app of two
routes in its own uvicorn process. With `--baseline DIR` (another checkout, e.g.
`git archive main | tar -x -C DIR`) a second psymitrix server runs that code on its
own store, and its targets are driven in the same rounds: before and after, side by
side in one run. The client is a minimal asyncio one, so the load generator costs as
little CPU as possible beside the server on the same machine.
Targets: GET /v1/me >= 0.5x the bare GET's req/s, POST /v1/journal >= 0.4x the bare
POST's, p99 < 50 ms.

Run: python bench/server_load.py [--duration 10] [--connections 64] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
PASSWORD = "bench-password-1"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


REPO = Path(__file__).resolve().parent.parent
# `psymitrix serve`'s uvicorn settings (cli/serve.py), for the bare app too.
UVICORN = ["--no-access-log", "--proxy-headers", "--no-server-header"]


def start_bare(home: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "bench.bare_app:app", "--host", HOST]
    command += ["--port", str(port), "--workers", str(workers), *UVICORN]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        command, env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return _wait(proc, port, "/bench/bare")


def start_server(home: Path, port: int, workers: int, code: Path = REPO) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSYMITRIX_")}
    env.update(
        PSYMITRIX_HOME=str(home),
        PSYMITRIX_JWT_SECRET=secrets.token_urlsafe(48),
        PSYMITRIX_TESTING="1",
        PSYMITRIX_BCRYPT_ROUNDS="4",
        PYTHONPATH=str(code),
    )
    command = [
        sys.executable,
        "-m",
        "psymitrix_cli",
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
    ]
    proc = subprocess.Popen(
        command, env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return _wait(proc, port, "/healthz")


def _wait(proc: subprocess.Popen[bytes], port: int, path: str) -> subprocess.Popen[bytes]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"psymitrix serve exited with {proc.returncode}")
            time.sleep(0.05)
    proc.kill()
    sys.exit("psymitrix serve did not start")


def cpu_seconds(pid: int) -> float | None:
    """The server process's user+system CPU time (Linux), to report CPU per request:
    unlike req/s, it hardly moves when other work shares the machine."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def call(port: int, method: str, path: str, body: object = None, token: str | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as answer:
        raw = answer.read()
    return json.loads(raw) if raw else {}


def seed_user(port: int, entries: int) -> str:
    user = {
        "name": "Bench",
        "username": "bench",
        "email": "bench@example.com",
        "password": PASSWORD,
        "timezone": "UTC",
    }
    call(port, "POST", "/v1/auth/signup", user)
    token = call(port, "POST", "/v1/auth/login", {"identifier": "bench", "password": PASSWORD})
    access = str(token["accessToken"])
    for i in range(entries):
        call(port, "POST", "/v1/journal", {"text": f"entry {i}", "mood": 1 + i % 5}, access)
        call(port, "POST", "/v1/gratitude", {"items": [f"thing {i}"]}, access)
        call(port, "PUT", f"/v1/sleep/2026-01-{1 + i % 28:02d}", {"score": 1 + i % 10}, access)
        call(port, "POST", "/v1/assessments", {"instrument": "GAD-7", "answers": [1] * 7}, access)
    return access


async def _connection(
    port: int, request: bytes, stop_at: float, latencies: list[float], errors: list[int]
) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        while time.perf_counter() < stop_at:
            start = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            length = 0
            for line in head.split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if status not in (200, 201):
                errors.append(status)
    finally:
        writer.close()


JOURNAL = json.dumps({"text": "A calm walk by the river after work", "mood": 4}).encode()


async def drive(
    port: int, target: tuple[str, str, bool], token: str, connections: int, seconds: float
) -> dict[str, float]:
    method, path, authed = target
    auth = f"Authorization: Bearer {token}\r\n" if authed else ""
    body = JOURNAL if method == "POST" else b""
    sized = f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n" if body else ""
    request = f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n{auth}{sized}\r\n"
    request_bytes = request.encode() + body
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(
        *(_connection(port, request_bytes, stop_at, latencies, errors) for _ in range(connections))
    )
    elapsed = time.perf_counter() - started
    if errors:
        sys.exit(f"{path}: {len(errors)} non-200 answers, e.g. {errors[0]}")
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[int(len(ordered) * 0.99) - 1] * 1000,
    }


TARGETS = {  # name: (method, path, authenticated), and the floor it is compared with
    "bare GET": ("GET", "/bench/bare", False),
    "GET /v1/me": ("GET", "/v1/me", True),
    "bare POST": ("POST", "/bench/bare", False),
    "POST /v1/journal": ("POST", "/v1/journal", True),
}
FLOOR = {"GET /v1/me": ("bare GET", 0.5), "POST /v1/journal": ("bare POST", 0.4)}


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per target")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--entries", type=int, default=12, help="entries of each kind to seed")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds (medians)")
    parser.add_argument("--baseline", type=Path, help="another checkout, measured alongside")
    args = parser.parse_args()

    homes: list[Path] = []
    procs: list[subprocess.Popen[bytes]] = []
    servers: dict[str, tuple[int, subprocess.Popen[bytes], str]] = {}
    try:
        home = Path(tempfile.mkdtemp(prefix="psymitrix-load-"))
        homes.append(home)
        port = free_port()
        procs.append(start_bare(home, port, args.workers))
        servers["bare"] = (port, procs[-1], "")
        codes = (
            {"after": REPO} if args.baseline is None else {"before": args.baseline, "after": REPO}
        )
        for version, code in codes.items():
            home = Path(tempfile.mkdtemp(prefix="psymitrix-load-"))
            homes.append(home)
            port = free_port()
            procs.append(start_server(home, port, args.workers, code))
            servers[version] = (port, procs[-1], seed_user(port, args.entries))
        runs: dict[tuple[str, str], list[dict[str, float]]] = {}
        plan = [("bare", "bare GET"), ("bare", "bare POST")]
        plan += [(v, t) for v in codes for t in ("GET /v1/me", "POST /v1/journal")]
        for _ in range(args.rounds):
            for server, target in plan:
                port, proc, token = servers[server]
                spec = TARGETS[target]
                asyncio.run(drive(port, spec, token, args.connections, 1.0))  # warm-up
                before = cpu_seconds(proc.pid)
                result = asyncio.run(drive(port, spec, token, args.connections, args.duration))
                after = cpu_seconds(proc.pid)
                if before is not None and after is not None and args.workers == 1:
                    result["cpu_us"] = (after - before) / result["requests"] * 1e6
                runs.setdefault((server, target), []).append(result)
    finally:
        for proc in procs:
            _stop(proc)
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)
    _print(args, runs, list(codes))


def _print(
    args: argparse.Namespace, runs: dict[tuple[str, str], list[dict[str, float]]], codes: list[str]
) -> None:
    def median(key: tuple[str, str], field: str) -> float:
        return statistics.median(r.get(field, float("nan")) for r in runs[key])

    print(
        f"{args.connections} connections, {args.duration:g} s per target, {args.rounds} round(s), "
        f"{args.workers} worker(s), {os.cpu_count()} CPUs"
    )
    print(
        f"{'server':<8}{'target':<18}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'CPU us/req':>12}  {'x floor req/s':<22}{'x CPU':>8}"
    )
    for server, target in runs:
        rps, cpu = median((server, target), "rps"), median((server, target), "cpu_us")
        ratio = cpu_ratio = ""
        if target in FLOOR:
            floor, goal = FLOOR[target]
            got = rps / median(("bare", floor), "rps")
            mark = "met" if got >= goal else "NOT met"
            ratio = f"{got:.2f} ({mark} >= {goal})"
            cpu_ratio = f"{median(('bare', floor), 'cpu_us') / cpu:.2f}"
        print(
            f"{server:<8}{target:<18}{rps:>9.0f}{median((server, target), 'p50_ms'):>9.1f}"
            f"{median((server, target), 'p99_ms'):>9.1f}{cpu:>12.0f}  {ratio:<22}{cpu_ratio:>8}"
        )
    print("x floor: req/s over the bare app's same-method route; CPU: the bare route's CPU")
    print("per request over this one's (the load-independent ratio). p99 target < 50 ms.")


if __name__ == "__main__":
    main()
