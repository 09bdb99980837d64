"""Issue 13, item 1: the embedded store encrypted at rest, through the CLI.

`encryption enable` seals journal text, gratitude, chat messages, titles and summaries,
assessment answers, sleep notes and activity text in place; every read command gives
the same output before, during and after; the raw SQLite file holds none of the text.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.driver import PASSWORD, SIGNUP_ANN, Cli
from tests.fixtures.server import ApiServer

SECRETS = (
    "I told nobody about the panic on the bridge",
    "grateful for Maya's soup",
    "woke at four with my heart racing",
    "walked past the old school",
    "I cannot stop thinking about the exam",
)
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
PASS = "a long passphrase 42"


def _populate(cli: Cli) -> dict[str, str]:
    # A subprocess: keyring keeps the backend it chose for the life of a process, and a
    # test without a keyring must choose "none" (the token then goes to a 0600 file).
    signup = cli.subprocess(*SIGNUP_ANN, input=PASSWORD + "\n")
    assert signup.exit_code == 0, signup
    first = cli.json("journal", "add", "--mood", "2", "--tag", "work", SECRETS[0])
    cli.json("journal", "add", "--mood", "4", "a calmer day, the Panic is less")
    cli.json("gratitude", "add", SECRETS[1], "the light at five")
    cli.json("sleep", "log", "--score", "4", "--note", SECRETS[2])
    cli.json("activity", "add", SECRETS[3], "--done")
    cli.json("test", "phq9", "--answers", "1,2,1,0,1,2,1,0,0")
    chat = cli.json("chat", "send", SECRETS[4])
    cli.json("chat", "end", chat["sessionId"])
    return {"journal": first["id"], "session": chat["sessionId"]}


def _reads(cli: Cli, ids: dict[str, str]) -> dict[str, Any]:
    """What every read command says, as JSON (the export without its timestamp)."""
    commands = {
        "journal": ("journal", "list"),
        "search": ("journal", "list", "--search", "panic"),
        "search-none": ("journal", "list", "--search", "nothing like this"),
        "journal-show": ("journal", "show", ids["journal"]),
        "gratitude": ("gratitude", "list"),
        "gratitude-search": ("gratitude", "list", "--search", "MAYA"),
        "sleep": ("sleep", "list"),
        "activity": ("activity", "list"),
        "tests": ("test", "history"),
        "sessions": ("chat", "sessions"),
        "chat": ("chat", "show", ids["session"]),
        "me": ("me",),
        "status": ("status",),
        "review": ("review", "--week"),
    }
    out = {name: cli.json(*args) for name, args in commands.items()}
    export = json.loads(cli.ok("export").stdout)
    export.pop("exportedAt", None)
    out["export"] = export
    return out


def _raw(cli: Cli) -> bytes:
    home = Path(cli.env["PSYMITRIX_HOME"])
    return b"".join(p.read_bytes() for p in home.glob("psymitrix.db*"))


def _journal_docs(cli: Cli) -> list[Any]:
    db = sqlite3.connect(Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db")
    try:
        return [json.loads(row[0])["text"] for row in db.execute("SELECT doc FROM mood_journal")]
    finally:
        db.close()


def _plaintext_left(cli: Cli) -> list[str]:
    raw = _raw(cli)
    return [s for s in SECRETS if s.encode() in raw]


def test_enable_seals_every_text_and_every_read_says_the_same(cli: Cli) -> None:
    ids = _populate(cli)
    before = _reads(cli, ids)
    assert before["search"]["items"] and not before["search-none"]["items"]
    assert before["gratitude-search"]["items"]
    assert cli.json("encryption", "status")["enabled"] is False
    assert _plaintext_left(cli) == list(SECRETS)

    enabled = cli.json("encryption", "enable")
    assert enabled["enabled"] is True and enabled["keyring"] is True
    assert enabled["encryptedValues"] >= 9
    status = cli.json("encryption", "status")
    assert status["enabled"] is True and "keyring" in status["key"]
    assert status["encryptedValues"] == enabled["encryptedValues"]
    assert _plaintext_left(cli) == []  # not in the file, its WAL or a free page
    assert all(set(text) == {"$enc"} for text in _journal_docs(cli))
    assert _reads(cli, ids) == before

    # New writes are sealed too, and read back.
    cli.json("journal", "add", "--mood", "3", "a new entry after enabling")
    assert b"a new entry after enabling" not in _raw(cli)
    assert cli.json("journal", "list", "--search", "AFTER")["items"][0]["text"] == (
        "a new entry after enabling"
    )
    cli.json("journal", "delete", cli.json("journal", "list")["items"][0]["id"], "--yes")

    disabled = cli.json("encryption", "disable")
    assert disabled["enabled"] is False and disabled["decryptedValues"] == status["encryptedValues"]
    assert cli.json("encryption", "status") == {**status, "enabled": False, "key": None,
                                                 "encryptedValues": 0}  # fmt: skip
    assert all(isinstance(text, str) for text in _journal_docs(cli))
    assert _reads(cli, ids) == before


def test_a_failure_mid_migration_leaves_the_store_as_it_was(cli: Cli) -> None:
    ids = _populate(cli)
    before = _reads(cli, ids)
    fault = {"PSYMITRIX_TEST_ENCRYPTION_FAIL_AFTER": "3"}
    out = cli("encryption", "enable", env=fault)
    assert out.exit_code == 1 and "injected fault" in out.stderr, out
    assert cli.json("encryption", "status")["encryptedValues"] == 0
    assert cli.json("encryption", "status")["enabled"] is False
    assert _plaintext_left(cli) == list(SECRETS)
    assert _reads(cli, ids) == before
    from tests.keyring_backends import keyring_file

    assert "data-key" not in keyring_file().read_text()  # the new key went with it
    cli.json("encryption", "enable")  # and it works when nothing fails
    assert _reads(cli, ids) == before


def test_without_a_keyring_the_key_is_wrapped_by_a_passphrase(cli: Cli) -> None:
    nokey = Cli(cli.env, NO_KEYRING)
    ids = _populate(nokey)
    before = _reads(nokey, ids)
    out = nokey.subprocess(
        "encryption", "enable", "--json", "--passphrase-stdin", input=PASS + "\n"
    )
    assert out.exit_code == 0 and "No usable system keyring" in out.stderr, out
    enabled = out.json()
    assert enabled["keyring"] is False and "passphrase" in enabled["key"]
    assert _plaintext_left(cli) == []

    # A read of sealed text needs the passphrase: from PSYMITRIX_PASSPHRASE, or asked.
    asked = nokey("journal", "list", "--json")
    assert asked.exit_code == 2 and "PSYMITRIX_PASSPHRASE" in asked.stderr, asked
    wrong = nokey("journal", "list", "--json", env={"PSYMITRIX_PASSPHRASE": "not the one!"})
    assert wrong.exit_code == 2 and "Wrong passphrase" in wrong.stderr, wrong
    unlocked = Cli(cli.env, {**NO_KEYRING, "PSYMITRIX_PASSPHRASE": PASS})
    assert _reads(unlocked, ids) == before
    # A command that reads no sealed field needs no passphrase.
    assert nokey.json("whoami")["username"] == "ann"

    refused = nokey("encryption", "disable", "--passphrase-stdin", input="wrong passphrase\n")
    assert refused.exit_code == 2 and "Wrong passphrase" in refused.stderr, refused
    assert unlocked.json("encryption", "status")["enabled"] is True
    nokey.json("encryption", "disable", "--passphrase-stdin", input=PASS + "\n")
    assert _reads(nokey, ids) == before


def test_a_short_passphrase_is_refused_and_nothing_changes(cli: Cli) -> None:
    nokey = Cli(cli.env, NO_KEYRING)
    _populate(nokey)
    out = nokey.subprocess("encryption", "enable", "--passphrase-stdin", input="short\n")
    assert out.exit_code == 2 and "at least 8" in out.stderr, out
    assert cli.json("encryption", "status")["enabled"] is False


def test_enable_twice_and_disable_when_off_are_clear_errors(cli: Cli) -> None:
    cli.ok(*SIGNUP_ANN, input=PASSWORD + "\n")
    off = cli("encryption", "disable")
    assert off.exit_code == 2 and "already off" in off.stderr
    cli.json("encryption", "enable")
    again = cli("encryption", "enable")
    assert again.exit_code == 2 and "already on" in again.stderr


@pytest.mark.parametrize("backend", ["mongo", "api"])
def test_other_backends_are_refused_in_one_line(cli: Cli, backend: str) -> None:
    out = cli("encryption", "enable", env={"PSYMITRIX_BACKEND": backend})
    assert out.exit_code == 2, out
    assert "embedded store only" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def _imports_cryptography(cli: Cli, *args: str) -> bool:
    code = (
        "import sys\n"
        "from psymitrix_cli.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('CRYPTO' if 'cryptography' in sys.modules else 'NONE', file=sys.stderr)\n"
    )
    env = {**os.environ, **cli.env, **cli.extra}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60
    )
    assert "Error" not in out.stderr, out.stderr
    return "CRYPTO" in out.stderr


def test_commands_that_read_no_sealed_field_never_import_cryptography(cli: Cli) -> None:
    _populate(cli)
    cli.json("encryption", "enable")
    for args in (("whoami",), ("breathe", "list", "--json"), ("safety", "report", "--json")):
        assert not _imports_cryptography(cli, *args), args
    assert _imports_cryptography(cli, "journal", "list")  # the check itself sees it


def test_the_outbox_beside_an_encrypted_store_is_sealed_too(
    cli: Cli, start_api_server: Callable[..., ApiServer]
) -> None:
    server = start_api_server()
    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})
    api.signup("bob")
    server.stop()
    assert api.json("journal", "add", "queued before enabling")["queued"] is True
    outbox = Path(cli.env["PSYMITRIX_HOME"]) / "outbox"

    def plaintext() -> list[str]:
        texts = ("queued before enabling", "queued while encrypted")
        return [t for t in texts if any(t.encode() in p.read_bytes() for p in outbox.iterdir())]

    cli.json("encryption", "enable")  # the local store of this data dir, and its outbox
    assert api.json("journal", "add", "queued while encrypted")["queued"] is True
    assert plaintext() == []
    listed = api.json("outbox", "list")["items"]
    assert [i["body"]["text"] for i in listed] == [
        "queued before enabling",
        "queued while encrypted",
    ]
    server.start()
    assert len(api.json("outbox", "sync")["sent"]) == 2
    texts = [e["text"] for e in api.json("journal", "list")["items"]]
    assert sorted(texts) == ["queued before enabling", "queued while encrypted"]


def test_export_encrypt_writes_a_passphrase_protected_file_that_import_reads(
    cli: Cli, tmp_path: Path
) -> None:
    _populate(cli)
    target = tmp_path / "backup.json"
    out = cli("export", "--encrypt", "-o", str(target), "--passphrase-stdin", input=PASS + "\n")
    assert out.exit_code == 0, out
    raw = target.read_bytes()
    assert raw.startswith(b'{"psymitrix-encrypted": 1')
    assert not [s for s in SECRETS if s.encode() in raw]
    envelope = json.loads(raw)
    assert envelope["cipher"] == "AES-256-GCM"
    assert envelope["kdf"]["name"] == "scrypt" and envelope["kdf"]["n"] >= 2**15
    assert oct(target.stat().st_mode & 0o777) == "0o600"

    other = Cli({**cli.env, "PSYMITRIX_HOME": str(tmp_path / "other")})
    other.ok(*SIGNUP_ANN, input=PASSWORD + "\n")
    wrong = other("import", str(target), "--passphrase-stdin", input="not the passphrase\n")
    assert wrong.exit_code == 2 and "Wrong passphrase" in wrong.stderr, wrong
    unasked = other("import", str(target))  # no terminal to ask on
    assert unasked.exit_code == 2 and "--passphrase-stdin" in unasked.stderr, unasked
    assert other.json("journal", "list")["items"] == []  # nothing was written

    done = other.json("import", str(target), "--passphrase-stdin", input=PASS + "\n")
    assert done["imported"]["mood_journal"] == 2 and done["imported"]["chat_messages"] >= 2
    texts = {e["text"] for e in other.json("journal", "list")["items"]}
    assert SECRETS[0] in texts
    # From the environment, for scripts; and a second import finds everything there.
    again = other.json("import", str(target), env={"PSYMITRIX_PASSPHRASE": PASS})
    assert set(again["imported"].values()) == {0}


def test_export_encrypt_needs_one_file(cli: Cli) -> None:
    cli.ok(*SIGNUP_ANN, input=PASSWORD + "\n")
    out = cli("export", "--encrypt", "--passphrase-stdin", input=PASS + "\n")
    assert out.exit_code == 2 and "--output" in out.stderr, out
    out = cli("export", "--encrypt", "-f", "csv", "-o", "x.zip", "--passphrase-stdin", input=PASS)
    assert out.exit_code == 2, out


def test_a_server_on_an_encrypted_store_keeps_no_plaintext_either(
    cli: Cli, start_api_server: Callable[..., ApiServer]
) -> None:
    server = start_api_server(PSYMITRIX_PASSPHRASE=PASS, **NO_KEYRING)
    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": server.url})
    api.signup("bob")
    api.json("journal", "add", SECRETS[0])
    server.stop()
    store = Cli({**cli.env, **server.store_env}, NO_KEYRING)
    enable = ("encryption", "enable", "--passphrase-stdin")
    assert store.subprocess(*enable, input=PASS + "\n").exit_code == 0
    server.start()
    api.json("checkin", "--mood", "3", "--note", SECRETS[4])  # with an Idempotency-Key
    texts = {e["text"] for e in api.json("journal", "list")["items"]}
    assert texts == {SECRETS[0], SECRETS[4]}
    raw = b"".join(p.read_bytes() for p in server.home.glob("psymitrix.db*"))
    assert SECRETS[0].encode() not in raw and SECRETS[4].encode() not in raw
