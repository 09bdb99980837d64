"""Running `psymitrix` on a real pseudo-terminal (POSIX only), for the prompts, the
editor and the animations that only appear on a TTY.

Two drivers, because the tests need two kinds of terminal:
- `run_in_pty`: a conversation. For each (marker, keys) step, wait until the screen
  shows the marker, then type. It answers prompt-toolkit's cursor-position requests
  as a real terminal would.
- `type_in_pty`: the pty is the child's *controlling* terminal (pty.fork), so a typed
  Ctrl-C becomes SIGINT, as it does for a person. Keys are typed once `ready` shows,
  `pause` seconds apart.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.driver import Cli


def run_in_pty(
    cli: Cli,
    args: Sequence[str],
    steps: Sequence[tuple[bytes, bytes]],
    env: Mapping[str, str] | None = None,
    timeout: float = 30,
) -> tuple[int, str]:
    """Run `psymitrix ARGS` on a pseudo-terminal: for each (marker, keys) step, wait until
    the screen shows `marker`, then type `keys`. Returns (exit code, everything shown)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "psymitrix_cli", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={
            **os.environ,
            **cli.env,
            **cli.extra,
            "TERM": "xterm",
            **(env or {}),
        },
        close_fds=True,
    )
    os.close(slave)
    deadline = time.monotonic() + timeout
    shown = b""

    def read(until: bytes | None, start: int) -> None:
        nonlocal shown
        while until is None or until not in shown[start:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {until!r}; screen: {shown!r}")
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                if until is None:
                    return
                raise AssertionError(f"exited before {until!r}; screen: {shown!r}")
            shown += chunk
            # Answer prompt-toolkit's cursor-position requests as a real terminal would.
            for _ in range(chunk.count(b"\x1b[6n")):
                os.write(master, b"\x1b[1;1R")

    try:
        start = 0
        for marker, keys in steps:
            read(marker, start)
            start = len(shown)  # the next marker must appear after these keys
            os.write(master, keys)
        read(None, start)
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code, shown.decode("utf-8", "replace")


def type_in_pty(
    cli: Cli,
    args: Sequence[str],
    keys: Sequence[bytes] = (),
    *,
    ready: bytes = b"",
    env: dict[str, str] | None = None,
    timeout: float = 60,
    pause: float = 0.15,
) -> tuple[int, str]:
    """Run psymitrix on a pty (its controlling terminal); type `keys` once `ready` shows."""
    import fcntl
    import pty
    import struct
    import termios

    full_env = {
        **os.environ,
        **cli.env,
        **cli.extra,
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # a bare pty never answers cursor-position requests
        **(env or {}),
    }
    full_env.pop("COLUMNS", None)
    pid, master = pty.fork()
    if pid == 0:  # the child: exec at once
        os.chdir(Path(cli.env["PSYMITRIX_HOME"]).parent)
        os.execve(sys.executable, [sys.executable, "-m", "psymitrix_cli", *args], full_env)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    output = bytearray()
    deadline = time.monotonic() + timeout

    def pump(seconds: float) -> bool:
        """Read for up to `seconds`; False once the child closed the terminal."""
        until = min(deadline, time.monotonic() + seconds)
        while time.monotonic() < until:
            ready_fds, _, _ = select.select([master], [], [], max(0.0, until - time.monotonic()))
            if not ready_fds:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every slave end is closed
                return False
            if not chunk:
                return False
            output.extend(chunk)
        return True

    try:
        while ready not in output and time.monotonic() < deadline:
            if not pump(0.05):
                break
        assert ready in output, bytes(output).decode(errors="replace")
        for key in keys:
            os.write(master, key)
            pump(pause)
        while pump(0.5) and time.monotonic() < deadline:
            pass
        finished, status = os.waitpid(pid, os.WNOHANG)
        if not finished:
            waited = time.monotonic()
            while not finished and time.monotonic() - waited < 10:
                time.sleep(0.05)
                finished, status = os.waitpid(pid, os.WNOHANG)
        if not finished:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            raise AssertionError("timed out: " + bytes(output).decode(errors="replace"))
    finally:
        os.close(master)
    return os.waitstatus_to_exitcode(status), bytes(output).decode(errors="replace")
