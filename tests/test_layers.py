"""The layers of docs/architecture.md, read from every module's imports with `ast`.

`cli -> ui -> backends -> services -> domain / store / ai / auth`, `server` beside `ui` on top
of `backends`, and `domain` pure. Every import counts: module-level, inside functions and
`if TYPE_CHECKING:`, relative ones, and dotted module paths written as strings (the
`importlib.import_module` registries), so no layer can reach upward by importing late.
Nothing is imported to check it: the source is parsed, so a broken module is still read.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE_NAME = "psymitrix_cli"
PACKAGE = Path(__file__).resolve().parent.parent / PACKAGE_NAME

# --- the table ------------------------------------------------------------------------------
# A layer is a sub-package (`store`) or a top-level module (`errors`); `__init__` is the
# package root (it holds only `__version__`). Each layer lists the layers it MAY import;
# anything else of the package is an upward (or sideways) import.

# Leaf modules: they import nothing of the package.
LEAVES = frozenset({"__init__", "errors", "messages", "clock", "localtz"})
# The small shared helpers every layer may use.
BASE = LEAVES | {"fsutil", "installhint", "cipher"}

MAY_IMPORT: dict[str, frozenset[str]] = {
    **{leaf: frozenset() for leaf in LEAVES},
    # The messages package: its __init__ re-exports each area's module.
    "messages": frozenset({"messages"}),
    "fsutil": frozenset({"errors", "messages"}),
    "installhint": frozenset({"__init__", "messages"}),
    # AES-GCM and Scrypt (cryptography, imported lazily): the store seals fields with it,
    # auth wraps the data key, the CLI seals exports.
    "cipher": frozenset({"errors", "messages"}),
    # "domain/ is pure: it imports only errors, messages, clock and other domain modules."
    "domain": frozenset({"domain", "errors", "messages", "clock"}),
    # Settings sit under every layer that is configured (store, ai, auth, services).
    "config": BASE | {"config"},
    "ai": BASE | {"ai", "config"},
    "auth": BASE | {"auth", "config"},
    # The store derives its Kinds from the domain registry; it knows no use case.
    "store": BASE | {"store", "domain", "config"},
    "services": BASE | {"services", "domain", "store", "ai", "auth", "config"},
    # backends: the protocols, LocalBackend (services in-process) and the remote client.
    "backends": BASE | {"backends", "services", "domain", "store", "ai", "auth", "config"},
    # The server reuses LocalBackend; it never reaches the CLI or its views.
    "server": BASE | {"server", "backends", "services", "domain", "store", "ai", "auth", "config"},
    # Views render what a Backend returned: backends' outcome types and domain values only.
    "ui": BASE | {"ui", "backends", "domain", "config"},
    # The CLI calls the Backend and hands the outcome to ui/. It is also the composition root:
    # `AppState` opens the configured store and credentials, `serve` starts the server.
    # It does not call services itself (issue 16, item 3).
    "cli": BASE | {"cli", "ui", "backends", "server", "domain", "store", "auth", "config"},
    "__main__": frozenset({"cli"}),
}

# Third-party packages a layer must not import, whatever it may import of the package.
UI_LIBS = frozenset({"typer", "click", "rich", "prompt_toolkit"})
WEB_LIBS = frozenset({"fastapi", "starlette", "uvicorn", "pydantic"})
BELOW_THE_TOP = UI_LIBS | WEB_LIBS
MAY_NOT_USE: dict[str, frozenset[str]] = {
    **{name: BELOW_THE_TOP for name in BASE | {"config", "ai", "auth", "store"}},
    "services": BELOW_THE_TOP,
    # "backends/: No UI, no use case": no typer or click, no Rich, no web framework.
    "backends": BELOW_THE_TOP,
    "server": UI_LIBS,
    "ui": (UI_LIBS - {"rich", "prompt_toolkit"}) | WEB_LIBS,
}
# domain/ uses the standard library only (pure code: no I/O packages at all).
STDLIB_ONLY = frozenset({"domain"})

# --- existing violations ----------------------------------------------------------------------
# (importing module, layer or package it imports) -> why it is still there. The test fails
# when an entry is no longer needed, so this list can only shrink: fix one, delete its line.
ALLOWED: dict[tuple[str, str], str] = {}


# --- the checker ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    target: str  # the layer, or the third-party package, imported
    what: str  # the import as written

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: imports {self.what} (layer/package {self.target!r})"


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _top_level_names(package: Path) -> frozenset[str]:
    return frozenset(
        path.stem if path.is_file() else path.name
        for path in package.iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
    )


TOP_LEVEL = _top_level_names(PACKAGE) | {"__init__"}
STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}
MODULE_STRING = re.compile(rf"{PACKAGE_NAME}(\.\w+)+(:\w+)?")
MODULE_PREFIX = re.compile(rf"{PACKAGE_NAME}(\.\w+)*\.")  # the start of an f-string path


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_names(module: str, is_package: bool, source: str) -> list[tuple[int, str, str]]:
    """(line, absolute dotted name, as written) for every import and module-path string."""
    found: list[tuple[int, str, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, f"import {alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, is_package, node)
            written = f"from {'.' * node.level}{node.module or ''} import "
            for alias in node.names:
                # `from psymitrix_cli import messages` imports the module psymitrix_cli.messages.
                name = f"{target}.{alias.name}" if target == PACKAGE_NAME else target
                found.append((node.lineno, name, written + alias.name))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if MODULE_STRING.fullmatch(node.value):
                found.append((node.lineno, node.value.split(":")[0], repr(node.value)))
        elif isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if isinstance(head, ast.Constant) and MODULE_PREFIX.fullmatch(str(head.value)):
                found.append((node.lineno, str(head.value).rstrip("."), f"f{head.value!r}..."))
    return found


def check(module: str, source: str, is_package: bool = False) -> list[Violation]:
    """Every import of `source` (the text of `module`) that the tables above forbid."""
    layer = layer_of(module)
    violations = []
    for line, name, written in imported_names(module, is_package, source):
        top = name.split(".")[0]
        if top == PACKAGE_NAME:
            target = layer_of(name)
            if target not in TOP_LEVEL:  # `from psymitrix_cli import __version__`
                target = "__init__"
            if target not in MAY_IMPORT[layer]:
                violations.append(Violation(module, line, target, written))
        elif top in MAY_NOT_USE.get(layer, ()) or (layer in STDLIB_ONLY and top not in STDLIB):
            violations.append(Violation(module, line, top, written))
    return violations


def modules() -> list[tuple[str, Path, bool]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        found.append((".".join(parts[:-1] if is_package else parts), path, is_package))
    return found


def all_violations() -> list[Violation]:
    return [
        violation
        for module, path, is_package in modules()
        for violation in check(module, path.read_text(encoding="utf-8"), is_package)
    ]


# --- the tests ------------------------------------------------------------------------------
def test_every_layer_is_in_the_table() -> None:
    assert set(MAY_IMPORT) == TOP_LEVEL, "place the new module or package in MAY_IMPORT"
    for allowed in MAY_IMPORT.values():
        assert allowed <= TOP_LEVEL
    assert len(modules()) > 100  # the walk really found the package


def test_no_upward_imports() -> None:
    found = all_violations()
    new = [str(v) for v in found if (v.module, v.target) not in ALLOWED]
    assert new == [], "upward imports (see docs/architecture.md):\n" + "\n".join(new)


def test_the_allow_list_only_shrinks() -> None:
    live = {(v.module, v.target) for v in all_violations()}
    stale = sorted(set(ALLOWED) - live)
    assert stale == [], f"fixed: delete these from ALLOWED: {stale}"


# The checker itself: each of these sources breaks a rule and must be reported.
UPWARD = [
    ("psymitrix_cli.domain.x", "from psymitrix_cli.store.base import Kind", "store"),
    ("psymitrix_cli.domain.x", "from psymitrix_cli import config", "config"),
    ("psymitrix_cli.domain.x", "import psymitrix_cli.services.entries as e", "services"),
    ("psymitrix_cli.domain.x", "def f():\n    from ..cli import app\n", "cli"),
    ("psymitrix_cli.domain.x", "import httpx", "httpx"),
    ("psymitrix_cli.store.x", "def f():\n    from psymitrix_cli.services import d\n", "services"),
    ("psymitrix_cli.store.x", "from . import sqlite\nfrom ..ui import terminal", "ui"),
    ("psymitrix_cli.services.x", "from psymitrix_cli.backends.base import Queued", "backends"),
    ("psymitrix_cli.services.x", "if TYPE_CHECKING:\n    from psymitrix_cli.cli import s", "cli"),
    ("psymitrix_cli.backends.x", "def f():\n    import typer\n", "typer"),
    ("psymitrix_cli.backends.x", "from click import get_current_context", "click"),
    ("psymitrix_cli.backends.x", "from psymitrix_cli.ui.terminal import Terminal", "ui"),
    ("psymitrix_cli.backends.x", "from psymitrix_cli.cli.state import AppState", "cli"),
    ("psymitrix_cli.server.x", "from psymitrix_cli.cli.state import AppState", "cli"),
    ("psymitrix_cli.server.x", "from ..ui.views import journal", "ui"),
    ("psymitrix_cli.ui.x", "from psymitrix_cli.services.entries import EntryService", "services"),
    ("psymitrix_cli.ui.x", "from psymitrix_cli.server.app import app", "server"),
    ("psymitrix_cli.errors", "from psymitrix_cli import messages", "messages"),
    ("psymitrix_cli.services.x", "importlib.import_module('psymitrix_cli.cli.app')", "cli"),
    ("psymitrix_cli.store.x", "importlib.import_module(f'psymitrix_cli.ui.views.{n}')", "ui"),
]


@pytest.mark.parametrize(("module", "source", "target"), UPWARD)
def test_the_checker_catches_an_upward_import(module: str, source: str, target: str) -> None:
    assert [v.target for v in check(module, source)] == [target]


def test_the_checker_resolves_relative_imports_from_a_package() -> None:
    # In psymitrix_cli/store/__init__.py, `..` is psymitrix_cli itself and `.` is store.
    assert check("psymitrix_cli.store", "from .. import cli", is_package=True)[0].target == "cli"
    assert check("psymitrix_cli.store", "from . import sqlite", is_package=True) == []


def test_the_checker_passes_downward_imports() -> None:
    source = (
        "import json\n"
        "from psymitrix_cli import messages\n"
        "from psymitrix_cli.clock import Clock\n"
        "from psymitrix_cli.domain.entries import BY_NAME\n"
        "from .entries import EntryService\n"
        "def f():\n"
        "    from psymitrix_cli.store.factory import open_store\n"
        "    import httpx\n"
        "X = 'psymitrix_cli.services.sleep'\n"
    )
    assert check("psymitrix_cli.services.x", source) == []
    assert check("psymitrix_cli.domain.x", "import dataclasses\nfrom . import entry_kind") == []
