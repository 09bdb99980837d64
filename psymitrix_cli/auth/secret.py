"""The local JWT signing secret: generated on first use, kept 0600 in the data dir."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from psymitrix_cli.fsutil import ensure_private_dir

MIN_SECRET_BYTES = 32


def local_secret(data_dir: Path, override: str | None) -> str:
    if override:
        return override
    path = data_dir / "jwt-secret"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    import secrets  # only the first run writes one
    import tempfile

    ensure_private_dir(data_dir)
    fd, tmp = tempfile.mkstemp(prefix=".jwt-secret.", dir=data_dir)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
            handle.flush()
            os.fsync(handle.fileno())
        # link() refuses to overwrite: if two first runs race, one complete secret wins.
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        os.unlink(tmp)
    return path.read_text(encoding="ascii").strip()
