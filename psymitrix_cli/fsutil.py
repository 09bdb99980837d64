"""Private files: the data dir is 0700, files are 0600, writes are atomic."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from psymitrix_cli import messages


def is_disk_full(exc: BaseException) -> bool:
    """ENOSPC from the OS, or SQLite's SQLITE_FULL (which max_page_count also raises)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return getattr(exc, "sqlite_errorname", None) == "SQLITE_FULL"


def check_dir_setting(path: Path, setting: str) -> Path:
    """`path`, if it is a directory or can become one: else a clear error naming the
    setting, instead of a NotADirectoryError from whatever first opens a file in it."""
    from psymitrix_cli.errors import InvalidInput

    for probe in (path, *path.parents):
        if probe.exists():
            if not probe.is_dir():
                text = messages.SETTING_IS_A_FILE if probe == path else messages.SETTING_NOT_A_DIR
                raise InvalidInput(text.format(setting=setting, path=path, found=probe))
            break
    return path


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    # mkdir's mode is filtered by the umask and ignored for existing dirs.
    with contextlib.suppress(PermissionError):
        os.chmod(path, 0o700)
    return path


def atomic_write_bytes(path: Path, data: bytes, *, private_dir: bool = True) -> None:
    """Write to a temp file beside `path`, fsync, then `os.replace`: never a torn file.

    The file is 0600. `private_dir` also makes the parent 0700: right for PsyMitrix's
    own data dir, wrong for a folder a person chose (see write_user_file)."""
    atomic_write_chunks(path, (data,), private_dir=private_dir)


def atomic_write_chunks(path: Path, chunks: Iterable[bytes], *, private_dir: bool = True) -> None:
    """`atomic_write_bytes` for data produced while it is written (an export): whatever
    fails on the way, in `chunks` or on the disk, leaves no file and no temp file."""
    if private_dir:
        ensure_private_dir(path.parent)
    import tempfile  # ~1 ms, and most commands write no file

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_user_file(path: Path, data: bytes) -> None:
    """An export or a copy a person asked for: atomic and 0600, their folder left alone."""
    write_user_chunks(path, (data,))


def write_user_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """`write_user_file` for data produced while it is written."""
    from psymitrix_cli.errors import InvalidInput, PsyError

    if path.is_dir():
        raise InvalidInput(messages.PATH_IS_A_DIRECTORY.format(path=path))
    if not path.parent.is_dir():
        raise InvalidInput(messages.FOLDER_MISSING.format(parent=path.parent))
    try:
        atomic_write_chunks(path, chunks, private_dir=False)
    except OSError as exc:
        if is_disk_full(exc):
            raise PsyError(messages.DISK_FULL) from None
        raise PsyError(messages.CANNOT_WRITE.format(path=path, strerror=exc.strerror)) from None


def touch_private(path: Path) -> None:
    """Create `path` 0600 if missing and tighten it if it exists (SQLite's own files).

    An existing file is never opened here: closing any descriptor of a file drops every
    POSIX lock this process holds on it, and SQLite's locks are POSIX locks. Opening a
    second connection (the server opens one per thread) would otherwise leave the first
    unlocked, and another process could delete the WAL it is still writing to."""
    ensure_private_dir(path.parent)
    if not path.exists():
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
        except FileExistsError:
            pass  # created by a racing opener: nothing of ours holds it yet either
        else:
            os.close(fd)
    os.chmod(path, 0o600)
