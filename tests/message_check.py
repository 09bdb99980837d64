"""The checker behind tests/test_messages_in_one_place.py: where user-facing text is written
in place instead of coming from psymitrix_cli/messages/.

Every module is parsed with `ast` (nothing is imported). A call *shows text* when it is:
- a typed error's constructor (errors.py's classes and any subclass defined elsewhere, and
  click's usage errors),
- one of the Terminal's output methods (ui/terminal.py: print, line, prose, success, notice,
  error) on a terminal-like receiver (`term`, `state.term`, `t`, `console`, `err`, ...),
- typer's or click's echo, confirm and prompt, Rich's `Prompt.ask` and `Confirm.ask`,
- the server's `error_body(code, message)` (SINKS),
- a *wrapper*: a function of the package that hands one of its parameters on to a call that
  shows text (`prompts.ask(term, label, ...)`, export_format's `_fail(where, problem)`),
  found by following the package's own functions to a fixed point.

What a shown argument may not be: a string with words in it written in place (a literal, an
f-string, a `"...".format()`, a `+` or `%` of them), a name bound to one (in the module or the
function), or a call of a function of the same module that returns one. A value handed to a
message's `.format()` or to a wrapper may be a lone name (`cron`, `Idempotency-Key`).
Not followed: methods called on `self`, and text passed through other modules' data.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "psymitrix_cli"
MESSAGES = PACKAGE / "messages"

TERMINAL_RECEIVERS = frozenset({"term", "terminal", "t", "screen", "console", "out", "err"})
TERMINAL_METHODS = frozenset({"print", "line", "prose", "success", "notice", "error"})
ECHOING = frozenset({"echo", "secho", "confirm", "prompt"})  # typer.X / click.X
RICH_PROMPTS = frozenset({"Prompt", "Confirm", "IntPrompt"})
CLICK_ERRORS = frozenset({"BadParameter", "UsageError", "ClickException", "BadOptionUsage"})
TEXT_KEYWORDS = frozenset({"message", "text", "question", "label", "what"})

# What a string may hold without being words: format fields, Rich markup tags, flags,
# field markers, strftime/printf codes, escapes, and names in capitals (GROQ_API_KEY, HTTP).
NOT_WORDS = re.compile(
    r"\{[^{}]*\}|\[/?[a-z #0-9_.,]*\]|--?[a-z][a-z0-9-]*|‹\w+›|%[-#0-9.]*[a-zA-Z]|\\[a-z]"
    r"|\b[A-Z][A-Z0-9_]+\b"
)
WORD = re.compile(r"[^\W\d_]{2,}")
# A lone name: one token, in lower case or with a sign no word has.
NAME = re.compile(r"[a-z][a-zA-Z0-9]*|[A-Za-z0-9]*[-_.\[\]{}/:][A-Za-z0-9_.\[\]{}/:-]*")
# Doors that are no call above: the server's error body is what an HTTP client reads.
SINKS = {("server/errors.py", "error_body"): frozenset({"message"})}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
COMBINERS = frozenset({"format", "join", "strip", "capitalize"})


def has_words(text: str) -> bool:
    return bool(WORD.search(NOT_WORDS.sub(" ", text)))


@dataclass(frozen=True)
class Inline:
    module: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"psymitrix_cli/{self.module}:{self.line}: {self.call}({self.text!r})"


def _name(node: ast.expr) -> str:
    """The last name of a dotted callee or receiver (`self.term` -> `term`)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    return ""


def own_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of `scope`, not descending into nested functions."""
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, FUNCTIONS):
            todo.extend(ast.iter_child_nodes(node))


def _module_path(dotted: str) -> str:
    parts = dotted.split(".")[1:]
    return "/".join(parts) + ".py" if parts else "__init__.py"


@dataclass
class Module:
    """One parsed module: its bindings, its functions and what its imports name."""

    path: str
    tree: ast.Module
    bound: dict[ast.AST, dict[str, list[ast.expr]]] = field(default_factory=dict)
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=dict)
    imported: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for scope in [self.tree, *(n for n in ast.walk(self.tree) if isinstance(n, FUNCTIONS))]:
            bound: dict[str, list[ast.expr]] = {}
            for node in own_nodes(scope):
                if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name):
                            bound.setdefault(target.id, []).append(node.value)
            self.bound[scope] = bound
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions[node.name] = node
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("psymitrix_cli"):
                for alias in node.names:
                    # `from psymitrix_cli.ui import prompts` names a module; `... import ask` a
                    # function of one. Both are tried when a call is resolved.
                    module = f"{node.module}.{alias.name}"
                    self.imported[alias.asname or alias.name] = (module, None)
                    self.imported.setdefault(
                        f"{alias.asname or alias.name}()", (node.module, alias.name)
                    )

    def lookup(self, name: str, scopes: list[ast.AST]) -> list[ast.expr]:
        for scope in reversed(scopes):
            if name in self.bound.get(scope, {}):
                return self.bound[scope][name]
        return []


def _params(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    return [a.arg for a in (*function.args.posonlyargs, *function.args.args)]


class Package:
    """Every module, the error classes and the wrappers, computed once."""

    def __init__(self, sources: dict[str, str], seed_errors: frozenset[str] = frozenset()):
        self.modules = {path: Module(path, ast.parse(text)) for path, text in sources.items()}
        self.errors = self._error_classes(seed_errors)
        # (module path, function name) -> the parameters it shows
        self.wrappers: dict[tuple[str, str], frozenset[str]] = dict(SINKS)
        grew = True
        while grew:
            grew = False
            for module in self.modules.values():
                for name, function in module.functions.items():
                    shown = self._shown_params(module, function)
                    if shown and shown != self.wrappers.get((module.path, name)):
                        self.wrappers[(module.path, name)] = shown
                        grew = True

    def _error_classes(self, seed: frozenset[str]) -> frozenset[str]:
        found = {"PsyError"} | CLICK_ERRORS | seed
        grew = True
        while grew:
            grew = False
            for module in self.modules.values():
                for node in ast.walk(module.tree):
                    if (
                        isinstance(node, ast.ClassDef)
                        and node.name not in found
                        and any(_name(base) in found for base in node.bases)
                    ):
                        found.add(node.name)
                        grew = True
        return frozenset(found)

    # --- which calls show text ---------------------------------------------------------------
    def _target(self, module: Module, func: ast.expr) -> tuple[str, str] | None:
        """The package function a call names, as (module path, name), if it is one."""
        if isinstance(func, ast.Name):
            if func.id in module.functions:
                return module.path, func.id
            if f"{func.id}()" in module.imported:
                dotted, name = module.imported[f"{func.id}()"]
                return _module_path(dotted), name or ""
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in module.imported
        ):
            dotted, _ = module.imported[func.value.id]
            for path in (_module_path(dotted), _module_path(dotted)[:-3] + "/__init__.py"):
                if path in self.modules:
                    return path, func.attr
        return None

    def shown(self, module: Module, call: ast.Call) -> list[tuple[ast.expr, bool]]:
        """The arguments of `call` shown as text, each with whether it is a value handed
        to a wrapper (a lone name is fine there)."""
        func = call.func
        name = _name(func)
        receiver = _name(func.value) if isinstance(func, ast.Attribute) else ""
        keywords = [(k.value, False) for k in call.keywords if k.arg in TEXT_KEYWORDS]
        if name in TERMINAL_METHODS and receiver in TERMINAL_RECEIVERS:
            return [*((a, False) for a in call.args), *keywords]
        if (
            name in self.errors
            or (name in ECHOING and receiver in {"typer", "click"})
            or (name == "ask" and receiver in RICH_PROMPTS)
        ):
            return [*((a, False) for a in call.args[:1]), *keywords]
        target = self._target(module, func)
        if target is None or target not in self.wrappers:
            return []
        params = _params(self.modules[target[0]].functions[target[1]])
        shown = self.wrappers[target]
        offset = 1 if params[:1] in (["self"], ["cls"]) else 0
        found = [
            (arg, True)
            for position, arg in enumerate(call.args)
            if position + offset < len(params) and params[position + offset] in shown
        ]
        return found + [(k.value, True) for k in call.keywords if k.arg in shown]

    def _shown_params(self, module: Module, function: ast.AST) -> frozenset[str]:
        params = set(_params(function)) | {a.arg for a in function.args.kwonlyargs}  # type: ignore[attr-defined,arg-type]
        found: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                for argument, _ in self.shown(module, node):
                    found |= _carried(argument, params, module, [module.tree, function])
        return frozenset(found)

    # --- what a shown argument holds -----------------------------------------------------------
    def literal_words(
        self,
        node: ast.expr,
        module: Module,
        scopes: list[ast.AST],
        seen: frozenset[str] = frozenset(),
        value: bool = False,
    ) -> str | None:
        """The first piece of `node` that is words written in place, if there is one."""
        again = self._first
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if value and NAME.fullmatch(node.value):
                return None
            return node.value if has_words(node.value) else None
        if isinstance(node, ast.JoinedStr):
            text = "{}".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
            if value and NAME.fullmatch(text):
                return None
            if has_words(text):
                return text
            inner = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
            return again(inner, module, scopes, seen, value)
        if isinstance(node, ast.BinOp):
            return again([node.left, node.right], module, scopes, seen, value)
        if isinstance(node, ast.IfExp):
            return again([node.body, node.orelse], module, scopes, seen, value)
        if isinstance(node, ast.BoolOp):
            return again(node.values, module, scopes, seen, value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in COMBINERS
        ):
            # "...".format(...), ", ".join(...), messages.X.format(what="words") all count.
            template = self.literal_words(node.func.value, module, scopes, seen, value)
            fields = [*node.args, *(k.value for k in node.keywords)]
            is_format = node.func.attr == "format"
            return template or again(fields, module, scopes, seen, value or is_format)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            function = module.functions.get(node.func.id)
            if function is not None and node.func.id not in seen:
                returned = [
                    n.value
                    for n in own_nodes(function)
                    if isinstance(n, ast.Return) and n.value is not None
                ]
                inside = [module.tree, function]
                return again(returned, module, inside, seen | {node.func.id}, value)
        if isinstance(node, ast.Name) and node.id not in seen:
            bound = module.lookup(node.id, scopes)
            return again(bound, module, scopes, seen | {node.id}, value)
        return None

    def _first(
        self,
        nodes: list[ast.expr],
        module: Module,
        scopes: list[ast.AST],
        seen: frozenset[str],
        value: bool,
    ) -> str | None:
        for node in nodes:
            found = self.literal_words(node, module, scopes, seen, value)
            if found is not None:
                return found
        return None

    def inline(self) -> list[Inline]:
        found: list[Inline] = []
        for module in self.modules.values():
            found += self._inline(module)
        return found

    def _inline(self, module: Module) -> list[Inline]:
        found: list[Inline] = []

        def visit(node: ast.AST, scopes: list[ast.AST]) -> None:
            if isinstance(node, FUNCTIONS):
                scopes = [*scopes, node]
            if isinstance(node, ast.Call):
                for argument, value in self.shown(module, node):
                    text = self.literal_words(argument, module, scopes, value=value)
                    if text is not None:
                        call = ast.unparse(node.func)
                        found.append(Inline(module.path, node.lineno, call, text))
            for child in ast.iter_child_nodes(node):
                visit(child, scopes)

        visit(module.tree, [module.tree])
        return found


def _carried(
    node: ast.expr,
    params: set[str],
    module: Module,
    scopes: list[ast.AST],
    seen: frozenset = frozenset(),
) -> set[str]:
    """The parameters whose text `node` passes on (through f-strings, `+`, `.format()`)."""
    if isinstance(node, ast.Name):
        if node.id in params:
            return {node.id}
        if node.id in seen:
            return set()
        found: set[str] = set()
        for bound in module.lookup(node.id, scopes[-1:]):
            found |= _carried(bound, params, module, scopes, seen | {node.id})
        return found
    parts: list[ast.expr] = []
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    elif isinstance(node, ast.BinOp):
        parts = [node.left, node.right]
    elif isinstance(node, ast.IfExp):
        parts = [node.body, node.orelse]
    elif isinstance(node, ast.BoolOp):
        parts = list(node.values)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in COMBINERS
    ):
        parts = [node.func.value, *node.args, *(k.value for k in node.keywords)]
    found = set()
    for part in parts:
        found |= _carried(part, params, module, scopes, seen)
    return found


def sources() -> dict[str, str]:
    return {
        str(path.relative_to(PACKAGE)): path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE.rglob("*.py"))
        if MESSAGES not in path.parents
    }
