"""Text written in the editor is kept in a private draft file when saving it fails."""

from __future__ import annotations

import shlex
import stat
import sys
from pathlib import Path

from tests.driver import PASSWORD, Cli
from tests.terminal import run_in_pty

# The store's file may not grow (SQLITE_FULL, as on a full disk): tests only.
FULL = {"PSYMITRIX_TEST_MAX_PAGES": "1"}
LONG_TEXT = "A day I want to remember. " * 300  # needs new pages in the database


def _count(cli: Cli) -> int:
    return len(cli.json("journal", "list")["items"])


def test_text_written_in_the_editor_is_kept_in_a_draft_when_saving_fails(
    cli: Cli, tmp_path: Path
) -> None:
    user = cli.signup()
    script = tmp_path / "fake_editor.py"
    script.write_text(
        f"import sys\nopen(sys.argv[1], 'w', encoding='utf-8').write({LONG_TEXT!r})\n"
    )
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        "EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}",
        "TMPDIR": str(temp),
        **FULL,
    }
    code, screen = run_in_pty(cli, ["journal", "add", "--editor"], [], env=env)
    assert code == 1 and "The disk is full" in screen, screen
    drafts = Path(cli.env["PSYMITRIX_HOME"]) / "drafts"
    [draft] = list(drafts.iterdir())
    assert draft.name.startswith(f"journal-{user['userId']}-")
    assert draft.read_text(encoding="utf-8").strip() == LONG_TEXT.strip()
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o700
    assert str(draft) in screen.replace("\r\n", "")
    assert list(temp.iterdir()) == []  # the editor's own temp file is still removed
    # The draft is ready to be added once there is room.
    cli.ok("journal", "add", "-", input=draft.read_text(encoding="utf-8"))
    assert _count(cli) == 1
    # The draft is the account's: account delete takes it with the rest.
    cli.ok("account", "delete", "--yes", "--password-stdin", input=PASSWORD + "\n")
    assert list(drafts.iterdir()) == []
