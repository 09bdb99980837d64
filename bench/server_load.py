#!/usr/bin/env python3
"""Load on `psymitrix serve`: authenticated GET /v1/me beside a bare JSON route.

Starts the server itself (temp home, a fresh secret, PSYMITRIX_TESTING=1 and
PSYMITRIX_BENCH_ENDPOINT=1, which mounts GET /bench/bare -> {"ok": true}), signs a
user up and gives them a little of everything, then drives each target with N
keep-alive HTTP/1.1 connections on loopback for a fixed time, and prints req/s, p50
and p99 for both and the ratio. The client is a minimal asyncio one, so the load
generator costs as little CPU as possible beside the server on the same machine.
Targets: /v1/me at >= 0.5x the bare route's req/s, and p99 < 50 ms.

Run: python bench/server_load.py [--duration 10] [--connections 64] [--workers 1]
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


def start_server(home: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSYMITRIX_")}
    env.update(
        PSYMITRIX_HOME=str(home),
        PSYMITRIX_JWT_SECRET=secrets.token_urlsafe(48),
        PSYMITRIX_TESTING="1",
        PSYMITRIX_BCRYPT_ROUNDS="4",
        PSYMITRIX_BENCH_ENDPOINT="1",
        PYTHONPATH=str(Path(__file__).resolve().parent.parent),
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
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=1):
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
            if status != 200:
                errors.append(status)
    finally:
        writer.close()


async def drive(
    port: int, path: str, token: str | None, connections: int, seconds: float
) -> dict[str, float]:
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n{auth}\r\n".encode()
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(
        *(_connection(port, request, stop_at, latencies, errors) for _ in range(connections))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per target")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--entries", type=int, default=12, help="entries of each kind to seed")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="psymitrix-load-"))
    port = free_port()
    proc = start_server(home, port, args.workers)
    try:
        token = seed_user(port, args.entries)
        results = {}
        for name, path, auth in (("bare", "/bench/bare", None), ("me", "/v1/me", token)):
            asyncio.run(drive(port, path, auth, args.connections, 1.0))  # warm-up
            before = cpu_seconds(proc.pid)
            results[name] = asyncio.run(drive(port, path, auth, args.connections, args.duration))
            after = cpu_seconds(proc.pid)
            if before is not None and after is not None and args.workers == 1:
                results[name]["cpu_us"] = (after - before) / results[name]["requests"] * 1e6
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)

    print(
        f"{args.connections} connections, {args.duration:g} s per target, "
        f"{args.workers} worker(s), {os.cpu_count()} CPUs"
    )
    print(
        f"{'target':<16}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'requests':>10}{'CPU us/req':>12}"
    )
    for name, label in (("bare", "GET /bench/bare"), ("me", "GET /v1/me")):
        r = results[name]
        print(
            f"{label:<16}{r['rps']:>10.0f}{r['p50_ms']:>10.1f}{r['p99_ms']:>10.1f}"
            f"{r['requests']:>10.0f}{r.get('cpu_us', float('nan')):>12.0f}"
        )
    ratio = results["me"]["rps"] / results["bare"]["rps"]
    if "cpu_us" in results["me"] and "cpu_us" in results["bare"]:
        cpu_ratio = results["bare"]["cpu_us"] / results["me"]["cpu_us"]
        print(f"server CPU per request, bare/me: {cpu_ratio:.2f} (the load-independent ratio)")
    p99 = results["me"]["p99_ms"]
    print(f"ratio me/bare: {ratio:.2f} (target >= 0.50: {'met' if ratio >= 0.5 else 'NOT met'})")
    print(f"me p99: {p99:.1f} ms (target < 50 ms: {'met' if p99 < 50 else 'NOT met'})")


if __name__ == "__main__":
    main()
