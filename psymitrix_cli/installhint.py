"""The exact command that installs a missing optional part, for the error that names it.

`pip install .` carries every SDK a backend or provider needs (imported lazily, so
they cost nothing until used); only the server is an extra. Should a module still be
missing (a `--no-deps` install, a trimmed environment), the error gives the command for
this very interpreter and the place PsyMitrix was installed from, ready to paste.
"""

from __future__ import annotations

import json
import shlex
import sys

DIST = "psymitrix"
# Top-level module -> the extra that provides it (None: a base dependency).
PROVIDERS: dict[str, str | None] = {
    "fastapi": "server",
    "uvicorn": "server",
    "orjson": "server",
    "starlette": "server",
    "pymongo": None,
    "bson": None,
    "httpx": None,
    "groq": None,
    "google": None,  # google.genai
}


def _source() -> tuple[str, bool]:
    """Where this copy was installed from (a local directory, or the package name), and
    whether it was an editable install."""
    from importlib import metadata

    try:
        raw = metadata.distribution(DIST).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return DIST, False
    try:
        direct = json.loads(raw or "{}")
    except ValueError:
        return DIST, False
    url = str(direct.get("url", ""))
    if url.startswith("file://"):
        from urllib.parse import unquote, urlparse

        editable = bool(direct.get("dir_info", {}).get("editable"))
        return unquote(urlparse(url).path), editable
    return DIST, False


def install_command(extra: str | None = None) -> str:
    """`<this python> -m pip install '<source>[extra]'`, exactly as it should be typed."""
    source, editable = _source()
    spec = f"{source}[{extra}]" if extra else source
    editable_flag = "-e " if editable else ""
    return f"{shlex.quote(sys.executable)} -m pip install {editable_flag}{shlex.quote(spec)}"


def missing_module_message(module: str | None) -> str | None:
    """The one-line error for a missing module PsyMitrix knows, or None for any other."""
    from psymitrix_cli import messages

    top = (module or "").partition(".")[0]
    if top not in PROVIDERS:
        return None
    extra = PROVIDERS[top]
    part = messages.EXTRA_PARTS.get(extra or "", "PsyMitrix")
    return messages.MISSING_MODULE.format(module=module, part=part, command=install_command(extra))
