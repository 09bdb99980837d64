"""What `pip install .` gives, and the error when an optional part is missing."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.driver import PASSWORD, REPO, SIGNUP_ANN, Cli

# Run the CLI with some modules made unimportable, as in an install without them
# (Python treats a None entry in sys.modules as "this module cannot be imported").
_WITHOUT = (
    "import sys\n"
    "for name in sys.argv[1].split(','): sys.modules[name] = None\n"
    "sys.argv = ['psymitrix', *sys.argv[2:]]\n"
    "from psymitrix_cli.cli.app import main\n"
    "main()\n"
)


def _run_without(cli: Cli, modules: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`psymitrix ARGS` with MODULES unimportable (the password on stdin, should it ask)."""
    import os

    return subprocess.run(
        [sys.executable, "-c", _WITHOUT, modules, *args],
        capture_output=True,
        text=True,
        input=PASSWORD + "\n",
        env={**os.environ, **cli.env},
        timeout=60,
    )


def test_a_plain_install_carries_every_backend_and_provider_sdk() -> None:
    """The README promises mongo, api, Groq and Gemini from `pip install .`."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    base = {
        dep.split(">")[0].split("=")[0].split(";")[0].strip() for dep in project["dependencies"]
    }
    assert {"pymongo", "httpx", "groq", "google-genai"} <= base
    assert "server" in project["optional-dependencies"]  # the one real extra


def test_serve_without_the_server_extra_names_the_exact_install_command(cli: Cli) -> None:
    cli.env["PSYMITRIX_JWT_SECRET"] = "s" * 48
    out = _run_without(cli, "fastapi,uvicorn", "serve", "--port", "9")
    assert out.returncode == 1, out
    line = out.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in line
    assert f"{sys.executable} -m pip install" in line and "[server]" in line, line


def test_a_missing_base_sdk_names_the_install_command_not_a_crash(cli: Cli) -> None:
    cli.env["MONGO_LINK"] = "mongodb://127.0.0.1:9/"  # never reached: the import fails first
    out = _run_without(cli, "pymongo,bson", "--backend", "mongo", *SIGNUP_ANN)
    assert out.returncode == 1, out
    assert "pymongo" in out.stderr and f"{sys.executable} -m pip install" in out.stderr
    assert "Something went wrong" not in out.stderr and "[" not in out.stderr.split("install")[1]
