"""Writing longer text: a multi-line prompt-toolkit editor, or the person's own $EDITOR.

Callers check for a terminal first (prompts.require_tty); both functions assume one.
Both run the domain check before returning, so text that would be refused (too long,
control characters) is never thrown away: the person fixes it where they wrote it.
prompt-toolkit is imported here, on use, so `psymitrix --help` never pays for it.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from psymitrix_cli import messages
from psymitrix_cli.errors import InvalidInput
from psymitrix_cli.ui.terminal import Terminal

Check = Callable[[str], str]


def write_multiline(term: Terminal, title: str, limit: int, check: Check, initial: str = "") -> str:
    """Multi-line input; Esc-Enter or Ctrl-D saves, Ctrl-C cancels (KeyboardInterrupt)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.document import Document
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent
    from prompt_toolkit.output.color_depth import ColorDepth
    from prompt_toolkit.validation import ValidationError, Validator

    class _DomainCheck(Validator):
        def validate(self, document: Document) -> None:
            try:
                check(document.text)
            except InvalidInput as exc:
                # Leave the cursor where it is (the default would jump to the start).
                position = document.cursor_position
                raise ValidationError(message=exc.message, cursor_position=position) from None

    bindings = KeyBindings()

    @bindings.add("c-d")
    def _save(event: KeyPressEvent) -> None:
        event.current_buffer.validate_and_handle()

    session: PromptSession[str] = PromptSession(
        multiline=True,
        key_bindings=bindings,
        validator=_DomainCheck(),
        validate_while_typing=False,
        prompt_continuation=lambda width, line, wrap: "… ".rjust(width),
        color_depth=ColorDepth.MONOCHROME if term.no_color else None,
    )

    def toolbar() -> str:
        used = len(session.default_buffer.text)
        return f" {messages.EDITOR_HINT} · {used:,}/{limit:,}"

    # The hint is printed too: the toolbar needs a terminal that reports its cursor.
    term.line(f"{title} ({messages.EDITOR_HINT})", style="bold")
    return check(session.prompt("> ", default=initial, bottom_toolbar=toolbar))


def editor_command() -> list[str]:
    """$VISUAL, then $EDITOR, split like a shell would (it may carry flags)."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            return shlex.split(value)
    raise InvalidInput(messages.EDITOR_MISSING)


def _run_editor(command: list[str], initial: str, suffix: str) -> str:
    """Edit a private temp file and return what was saved. The file is created 0600
    and always removed, because it holds journal text."""
    fd, name = tempfile.mkstemp(prefix="psymitrix-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # Editors expect a final newline; without one, appended text joins the last line.
            handle.write(initial if not initial or initial.endswith("\n") else initial + "\n")
        try:
            status = subprocess.call([*command, str(path)])
        except OSError as exc:
            raise InvalidInput(
                messages.EDITOR_NOT_FOUND.format(editor=command[0], reason=exc.strerror or exc)
            ) from None
        if status != 0:
            raise InvalidInput(messages.EDITOR_FAILED.format(code=status))
        return path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)


def write_in_editor(term: Terminal, check: Check, initial: str = "", suffix: str = ".md") -> str:
    """Text written in $EDITOR; refused text goes back to the editor if the person agrees."""
    from psymitrix_cli.ui import prompts

    command = editor_command()
    text = initial
    while True:
        text = _run_editor(command, text, suffix)
        try:
            return check(text)
        except InvalidInput as exc:
            term.error(exc.message)
            if not text.strip() or not prompts.confirm(term, messages.EDITOR_AGAIN):
                raise


def draft_prefix(owner: str | None) -> str:
    """Drafts are named after their account, so `account delete` can take them too."""
    return f"journal-{owner}-" if owner else "journal-"


def _write_draft(text: str, folder: Path, prefix: str) -> Path:
    from psymitrix_cli.fsutil import ensure_private_dir

    ensure_private_dir(folder)
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".md", dir=folder)  # 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


@contextlib.contextmanager
def draft_kept(term: Terminal, text: str, folder: Path, owner: str | None = None) -> Iterator[None]:
    """Text written in an editor outlives a failed save (a full disk, an expired login,
    a server that is down): it goes to a private draft file, or, when even that cannot
    be written, back to the person's own terminal. The error itself is raised as before."""
    try:
        yield
    except BaseException:
        for where in (folder, Path(tempfile.gettempdir()) / f"psymitrix-drafts-{os.getuid()}"):
            try:
                path = _write_draft(text, where, draft_prefix(owner))
            except OSError:
                continue
            term.notice(messages.DRAFT_KEPT.format(path=path))
            break
        else:
            term.notice(messages.DRAFT_LOST)
            sys.stderr.write(text if text.endswith("\n") else text + "\n")
        raise
