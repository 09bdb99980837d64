"""Every user-facing message lives in psymitrix_cli/messages/ (as jrnl's MsgText does).

The checker (tests/message_check.py) reads every module of the package with `ast` and
reports each call that shows text to a person (a typed error, the Terminal, a prompt, or a
function of ours that hands its argument on to one) but is given words written in place:
`raise InvalidInput("Some new sentence")` in a CLI module fails here. `messages.NAME`,
`messages.NAME.format(...)`, values passed through (`exc.message`) and text without words
(`f"{a}: {b}"`, `"--since"`) are fine.

Left alone on purpose: operators' log lines, JSON keys, help= texts, the safety and crisis
wording (domain/safety/wording.py, domain/crisis.py), clinical content (questionnaire items,
handouts, breathing patterns' descriptions), the offline companion's replies, table headers.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests.message_check import MESSAGES, Package, sources

# (module path relative to psymitrix_cli, the text) -> why it stays where it is. Keep it
# tiny; the test fails when an entry is no longer needed.
ALLOWED: dict[tuple[str, str], str] = {
    # Raised only when a test passes `fail_after` (a fault injected into a migration to prove
    # it resumes); no person ever sees it.
    ("store/sealing.py", "injected fault (tests): the migration stops here"): "test hook",
}


def all_inline() -> list:
    return Package(sources()).inline()


def check(source: str, module: str = "cli/x.py") -> list:
    """The checker on one synthetic module (which may call the real ui/prompts.py and
    server/errors.py), with the usual errors known: what it reports about that module."""
    real = {path: sources()[path] for path in ("ui/prompts.py", "server/errors.py")}
    found = Package({module: source, **real}, seed_errors=ERRORS).inline()
    return [i for i in found if i.module == module]


ERRORS = frozenset({"InvalidInput", "NotFound", "Conflict", "BackendUnavailable", "AuthError"})


# --- the tests ------------------------------------------------------------------------------
def test_no_message_is_written_in_place() -> None:
    inline = [str(i) for i in all_inline() if (i.module, i.text) not in ALLOWED]
    assert inline == [], (
        "user-facing text written in place: move it to psymitrix_cli/messages/\n"
        + "\n".join(inline)
    )


def test_the_allow_list_only_shrinks() -> None:
    live = {(i.module, i.text) for i in all_inline()}
    assert sorted(set(ALLOWED) - live) == [], "fixed: delete these from ALLOWED"


def test_the_walk_reads_the_package() -> None:
    texts = sources()
    assert len(texts) > 100
    assert "cli/journal.py" in texts and not any(m.startswith("messages/") for m in texts)
    package = Package(texts)
    assert {"InvalidInput", "NotFound", "AuthError", "BackendUnavailable"} <= package.errors
    # The prompts and export_format's `_fail` are found as wrappers, by what they pass on.
    assert "question" in package.wrappers[("ui/prompts.py", "confirm")]
    assert "problem" in package.wrappers[("domain/export_format.py", "_fail")]


def test_every_message_has_one_home() -> None:
    """The package re-exports every area's names: two areas must not define the same one."""
    homes: dict[str, list[str]] = {}
    for path in sorted(MESSAGES.glob("*.py")):
        if path.stem in {"__init__", "present"}:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if isinstance(node, ast.FunctionDef):
                names = [node.name]
            for name in names:
                homes.setdefault(name, []).append(path.stem)
    twice = {name: areas for name, areas in homes.items() if len(areas) > 1}
    assert twice == {}
    from psymitrix_cli import messages

    assert all(hasattr(messages, name) for name in homes)


# The checker itself: each of these shows words written in place and must be reported.
PROMPTS = "from psymitrix_cli.ui import prompts\n"
INLINE = [
    'raise InvalidInput("Some new sentence")',
    'raise NotFound(f"No entry called {name}")',
    'raise InvalidInput(message="Give a date")',
    'raise errors.Conflict("Taken: " + name)',
    'class Mine(InvalidInput):\n    pass\nraise Mine("A sentence of my own")',
    'term.line("Nothing to show.")',
    'state.term.notice(f"Saved {n} entries")',
    'self.term.error("Bad {}".format(x))',
    'term.success("Done" if ok else "Failed")',
    'term.print("[bold]Hello[/bold]")',
    'typer.echo("Goodbye")',
    'typer.confirm("Really?")',
    PROMPTS + 'prompts.confirm(term, f"Throw away {item!r}?")',
    PROMPTS + 'prompts.ask(term, "Name", "--name", check)',
    'Prompt.ask("Repeat it", console=term.out)',
    'raise InvalidInput(messages.NEED_TTY.format(what="The password", flag="--password-stdin"))',
    'term.success(messages.SLEEP_SAVED.format(verb="Replaced" if old else "Logged"))',
    'TEXT = "Some sentence."\ndef f():\n    raise InvalidInput(TEXT)',
    PROMPTS
    + 'def f():\n    text = f"Delete {x}?"\n    if not prompts.confirm(term, text):\n        pass',
    'def _why(n):\n    return f"{n} answers are missing"\n\nraise InvalidInput(_why(3))',
    'def _line(n):\n    return messages.X.format(n=n)\n\nterm.line(_line(3) + " more")',
    'def _fail(where, problem):\n    return InvalidInput(f"{where}: {problem}")\n\n'
    'raise _fail("x", "cannot be empty.")',
    'def ask(term, label):\n    return Prompt.ask(label)\n\nask(term, "Your name")',
    'from psymitrix_cli.server.errors import error_body\nerror_body("bad", "The body is wrong.")',
]


@pytest.mark.parametrize("source", INLINE)
def test_the_checker_catches_words_in_place(source: str) -> None:
    assert len(check(source)) == 1


FINE = [
    "raise InvalidInput(messages.JOURNAL_EMPTY)",
    "raise NotFound(messages.ENTRY_NOT_FOUND.format(noun=kind.noun, id=entry_id))",
    'raise InvalidInput(messages.DATE_UNREADABLE.format(flag="--since", text=text))',
    "raise InvalidInput(exc.message) from None",
    "term.line(str(value))",
    'term.line(f"{label}: {value}")',
    'term.line(", ".join(parts))',
    'term.print(f"[dim]{text}[/dim]")',
    'term.print(table, style="dim")',
    'log.error("store unreachable: %s", exc)',
    'logger.info("started")',
    'data.get("message")',
    'term.line(entry["summary"])',
    'term.line(f"{when:%a %d %b}")',
    'raise BackendUnavailable(messages.REMIND_SCHEDULER_FAILED.format(scheduler="cron"))',
    'raise AuthError(messages.GROQ_BAD_KEY.format(env_key="GROQ_API_KEY"))',
]


@pytest.mark.parametrize("source", FINE)
def test_the_checker_passes_messages_and_values(source: str) -> None:
    assert check(source) == []


def test_an_inline_error_in_a_cli_module_fails_the_test() -> None:
    """The real walk, with one new inline sentence added to a CLI module's source."""
    texts = sources()
    texts["cli/journal.py"] += '\n\ndef f():\n    raise InvalidInput("Some new sentence")\n'
    texts["cli/sleep.py"] += '\n\ndef g(t):\n    prompts.confirm(t, "Delete it all?")\n'
    found = {(i.module, i.text) for i in Package(texts).inline()}
    assert ("cli/journal.py", "Some new sentence") in found
    assert ("cli/sleep.py", "Delete it all?") in found


def test_every_format_call_fills_its_message() -> None:
    """`messages.NAME.format(...)` names exactly the message's fields: a moved message
    with a field left out would fail only when someone meets it (a KeyError, not words)."""
    import string

    from psymitrix_cli import messages
    from psymitrix_cli.messages import present

    wrong = []
    for path, text in sources().items():
        for node in ast.walk(ast.parse(text)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            template = node.func.value
            if not (
                node.func.attr == "format"
                and isinstance(template, ast.Attribute)
                and isinstance(template.value, ast.Name)
                and template.value.id in {"messages", "words"}
            ):
                continue
            owner = messages if template.value.id == "messages" else present
            message = getattr(owner, template.attr)
            if node.args or any(k.arg is None for k in node.keywords):
                continue  # positional or **fields: not checked here
            fields = {
                re.split(r"[.\[!:]", name)[0]
                for _, name, _, _ in string.Formatter().parse(message)
                if name
            }
            given = {k.arg for k in node.keywords}
            if fields != given:
                wrong.append(f"{path}:{node.lineno}: {template.attr} {fields} != {given}")
    assert wrong == []
