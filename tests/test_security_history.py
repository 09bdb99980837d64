"""No second plaintext copy of the chat on disk; `account delete` takes the account's files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.driver import PASSWORD, Cli
from tests.fixtures.server import ApiServer
from tests.terminal import run_in_pty

SECRET = "words only for the companion"


def _files_holding(root: Path, text: str) -> list[Path]:
    """Every file under `root` but the database that holds `text`."""
    return [
        path
        for path in root.rglob("*")
        if path.is_file()
        and not path.name.startswith("psymitrix.db")
        and text.encode() in path.read_bytes()
    ]


def test_the_chat_repl_keeps_what_was_typed_in_memory_only(cli: Cli) -> None:
    cli.signup()
    home = Path(cli.env["PSYMITRIX_HOME"])
    legacy = home / "chat_history"
    legacy.write_text("\n# 2025-01-01\n+an older version's shared history\n")
    steps = [
        (b"you \xe2\x80\xba", f"{SECRET}\r".encode()),
        (b"offline companion", b""),
        (b"you \xe2\x80\xba", b"\x1b[A\r"),  # up-arrow recalls the line (in memory), sent again
        (b"offline companion", b""),
        (b"you \xe2\x80\xba", b"\x04"),
    ]
    code, screen = run_in_pty(cli, ["chat"], steps)
    assert code == 0, screen
    (session,) = cli.json("chat", "sessions")["items"]
    sent = [m["content"] for m in cli.json("chat", "show", session["id"])["messages"]]
    assert sent.count(SECRET) == 2  # the recall worked
    assert not legacy.exists()  # the old shared file is gone
    assert _files_holding(home, SECRET) == []


def _api(cli: Cli, server: ApiServer) -> Cli:
    return Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})


def _queue(api: Cli, server: ApiServer, text: str) -> None:
    server.stop()
    out = api.json("journal", "add", text)
    assert out["queued"] is True
    server.start()


def test_account_delete_removes_its_outbox_items_and_the_chat_history_file(
    cli: Cli, start_api_server: Callable[..., ApiServer]
) -> None:
    server = start_api_server()
    api = _api(cli, server)
    api.signup("bob")
    _queue(api, server, "bob's queued words")
    api.signup("ann")  # now logged in as ann
    _queue(api, server, "ann's queued words")
    home = Path(cli.env["PSYMITRIX_HOME"])
    (home / "chat_history").write_text("+typed by someone on this machine\n")
    api.ok("account", "delete", "--yes", "--password-stdin", input=PASSWORD + "\n")
    left = [json.loads(p.read_text()) for p in (home / "outbox").glob("*.json")]
    assert [item["body"]["text"] for item in left] == ["bob's queued words"]
    assert not (home / "chat_history").exists()
    assert _files_holding(home, "ann's queued words") == []


def test_chat_delete_all_erases_every_session_of_the_account_and_the_history_file(
    cli: Cli,
) -> None:
    cli.signup("bob")
    cli.json("chat", "send", "bob's own words")
    cli.signup("ann")  # now logged in as ann, on the same store
    for text in ("first session", "second session"):
        cli.json("chat", "send", text)
    home = Path(cli.env["PSYMITRIX_HOME"])
    (home / "chat_history").write_text("+typed by someone on this machine\n")
    neither = cli("chat", "delete")
    assert neither.exit_code == 2 and "--all" in neither.stderr, neither
    unconfirmed = cli("chat", "delete", "--all")  # no terminal to confirm on
    assert unconfirmed.exit_code == 2 and "--yes" in unconfirmed.stderr
    assert len(cli.json("chat", "sessions")["items"]) == 2

    assert cli.json("chat", "delete", "--all", "--yes") == {"deleted": 2}
    assert cli.json("chat", "sessions")["items"] == []
    assert not (home / "chat_history").exists()
    cli.ok("login", "bob", "--password-stdin", input=PASSWORD + "\n")
    assert len(cli.json("chat", "sessions")["items"]) == 1  # another account's are its own
