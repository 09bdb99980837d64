"""The "about me" memory through the CLI on every backend: show, add, edit, forget, clear;
bad input writes nothing; the notes reach the model's system prompt (and only then); the
companion's proposals are stripped from the reply and saved only on a yes; export,
import and account deletion."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from psymitrix_cli.ai.prompts import ABOUT_HEADING, PROPOSAL_RULE
from psymitrix_cli.domain.memory import NOTE_MAX, NOTES_MAX, ProposalFilter, split_proposal
from tests.driver import PASSWORD, Cli
from tests.stubs.llm_stubs import LLMStub, ok
from tests.terminal import run_in_pty
from tests.test_chat import ai_cli, gemini, groq, system_of  # noqa: F401  (fixtures)

ACUTE = "I want to kill myself tonight"


def notes(cli: Cli) -> list[str]:
    return [n["text"] for n in cli.json("memory", "show")["items"]]


# --- show, add, edit, forget, clear ------------------------------------------------------


def test_add_show_forget_and_clear(any_cli: Cli) -> None:
    any_cli.signup()
    assert any_cli.json("memory")["items"] == []
    assert "No notes about you yet" in any_cli.ok("memory", "show").stdout
    added = any_cli.json("memory", "add", "  Walks   help me more than  breathing ")
    assert added["note"]["text"] == "Walks help me more than breathing"
    assert added["note"]["number"] == 1 and added["note"]["source"] == "you"
    any_cli.ok("memory", "add", "My sister Sam is my rock")
    any_cli.ok("memory", "add", "-", input="I work night shifts\n")
    shown = any_cli.json("memory", "show")
    assert [n["number"] for n in shown["items"]] == [1, 2, 3]
    assert shown["count"] == 3 and shown["limit"] == NOTES_MAX
    human = any_cli.ok("memory", "show").stdout
    assert "1. Walks help me more than breathing" in human and "3. I work night shifts" in human
    # forget by number, then by id (a unique prefix)
    assert any_cli.json("memory", "forget", "2")["forgotten"]["text"] == "My sister Sam is my rock"
    night = shown["items"][2]["id"]
    assert "Forgotten: I work night shifts" in any_cli.ok("memory", "forget", night[:6]).stdout
    assert notes(any_cli) == ["Walks help me more than breathing"]
    # clear needs a yes where nothing can ask
    out = any_cli("memory", "clear")
    assert out.exit_code == 2 and "--yes" in out.stderr
    assert notes(any_cli) == ["Walks help me more than breathing"]
    assert any_cli.json("memory", "clear", "--yes") == {"deleted": 1}
    assert notes(any_cli) == []


def test_edit_replaces_the_whole_set_keeping_unchanged_notes(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("memory", "add", "Walks help me")
    first = any_cli.json("memory", "show")["items"][0]
    result = any_cli.json("memory", "edit", "--text", "Walks help me", "--text", "I like tea")
    assert [n["text"] for n in result["items"]] == ["Walks help me", "I like tea"]
    assert result["items"][0]["id"] == first["id"]  # unchanged: the same note
    assert (result["added"], result["forgotten"]) == (1, 0)
    text = "# a comment\nI like tea\n\nMornings are hardest\nCats calm me\n"
    result = any_cli.json("memory", "edit", "--text", "-", input=text)
    assert [n["text"] for n in result["items"]] == [
        "I like tea",
        "Mornings are hardest",
        "Cats calm me",
    ]
    assert (result["added"], result["forgotten"]) == (2, 1)
    # no terminal and no --text: a clear message, nothing changed
    out = any_cli("memory", "edit")
    assert out.exit_code == 2 and "--text" in out.stderr and "Traceback" not in out.stderr
    assert len(notes(any_cli)) == 3


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["add", "   "], "cannot be empty"),
        (["add", "x" * (NOTE_MAX + 1)], f"at most {NOTE_MAX} characters"),
        (["add", "two\nlines"], "one line"),
        (["add", "bell\x07"], "control characters"),
        (["add", "Walks help me"], "already have that note (number 1)"),
        (["add", "WALKS  help me"], "already have that note"),
        (["forget", "7"], "no note 7"),
        (["forget", "0"], "no note 0"),
        (["forget", "abcdef12"], "No note abcdef12"),
        (["forget", "ab"], "at least 4"),
        (["edit", "--text", "ok", "--text", "OK"], "same as an earlier line"),
        (["edit", "--text", "fine", "--text", ""], "Line 2: a note cannot be empty"),
        (["edit", "--text", "-"], f"at most {NOTE_MAX} characters"),
    ],
)
def test_bad_input_is_exit_2_and_writes_nothing(any_cli: Cli, args: list[str], needle: str) -> None:
    any_cli.signup()
    any_cli.ok("memory", "add", "Walks help me")
    before = any_cli.json("memory", "show")
    stdin = "fine\n" + "y" * (NOTE_MAX + 1) + "\n" if args[-1] == "-" else None
    out = any_cli("memory", *args, input=stdin)
    assert out.exit_code == 2, out
    assert needle.lower() in out.stderr.lower() and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert any_cli.json("memory", "show") == before


def test_the_number_of_notes_is_capped(cli: Cli) -> None:
    cli.signup()
    cli.ok("memory", "edit", "--text", "-", input="".join(f"note {i}\n" for i in range(NOTES_MAX)))
    out = cli("memory", "add", "one more")
    assert out.exit_code == 2 and f"You have {NOTES_MAX} notes" in out.stderr
    too_many = "".join(f"note {i}\n" for i in range(NOTES_MAX + 1))
    out = cli("memory", "edit", "--text", "-", input=too_many)
    assert out.exit_code == 2 and f"at most {NOTES_MAX}" in out.stderr
    assert len(notes(cli)) == NOTES_MAX


def test_edit_in_the_editor(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    cli.ok("memory", "add", "Walks help me")
    cli.ok("memory", "add", "I hate being told to breathe")
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "old = open(path, encoding='utf-8').read()\n"
        "assert old.startswith('# About you') and 'Walks help me' in old\n"
        "new = old.replace('I hate being told to breathe\\n', '') + 'Tea in the evening\\n'\n"
        "open(path, 'w', encoding='utf-8').write(new)\n"
    )
    env = {"EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"}
    code, screen = run_in_pty(cli, ["memory", "edit"], [], env=env)
    assert code == 0, screen
    assert notes(cli) == ["Walks help me", "Tea in the evening"]


def test_another_account_sees_none_of_it(cli: Cli) -> None:
    cli.signup(username="ann")
    cli.ok("memory", "add", "Ann's note")
    ann = cli.json("memory", "show")["items"][0]["id"]
    cli.ok("logout")
    cli.signup(username="bob")
    assert notes(cli) == []
    out = cli("memory", "forget", ann)
    assert out.exit_code == 2 and "No note" in out.stderr


# --- the model's prompt ------------------------------------------------------------------


def test_the_notes_reach_the_system_prompt_and_not_with_no_memory_or_acute(
    ai_cli: Cli,  # noqa: F811
    groq: LLMStub,  # noqa: F811
) -> None:
    ai_cli.signup()
    ai_cli.ok("memory", "add", "Walks help me more than breathing")
    ai_cli.ok("memory", "add", "Please don't suggest journaling")
    groq.push(ok("That sounds hard."))
    ai_cli.ok("chat", "send", "Rough day at work", "--provider", "groq")
    system = system_of(groq)
    block = (
        f"{ABOUT_HEADING}\n- Walks help me more than breathing\n- Please don't suggest journaling"
    )
    assert block in system and PROPOSAL_RULE in system
    # --no-memory: no notes, and no invitation to propose one
    groq.push(ok("I'm here."))
    ai_cli.ok("chat", "send", "--continue", "still rough", "--no-memory")
    assert ABOUT_HEADING not in system_of(groq) and "Walks help" not in system_of(groq)
    assert PROPOSAL_RULE not in system_of(groq)
    # an acute message asks no model anything: the notes go nowhere
    sent = len(groq.requests)
    out = ai_cli.ok("chat", "send", "--continue", ACUTE)
    assert "988" in out.stdout and len(groq.requests) == sent


def test_another_accounts_notes_never_reach_the_prompt(cli: Cli, groq: LLMStub) -> None:  # noqa: F811
    cli.signup(username="ann")
    cli.ok("memory", "add", "Ann walks her dog Biscuit")
    cli.ok("logout")
    cli.signup(username="bob")
    groq.push(ok("Tell me more."))
    cli.ok("chat", "send", "thinking about dogs", "--provider", "groq")
    assert "Biscuit" not in system_of(groq) and ABOUT_HEADING not in system_of(groq)


def test_a_full_memory_is_not_invited_to_grow(cli: Cli, groq: LLMStub) -> None:  # noqa: F811
    cli.signup()
    full = "".join(f"Fact {chr(65 + i)}\n" for i in range(NOTES_MAX - 1)) + f"{ACUTE}\n"
    cli.ok("memory", "edit", "--text", "-", input=full)
    groq.push(ok("Okay.\n[remember: One more]"))
    result = cli.json("chat", "send", "hello there", "--provider", "groq")
    system = system_of(groq)
    assert f"- Fact {chr(65 + NOTES_MAX - 2)}" in system and PROPOSAL_RULE not in system
    assert ACUTE not in system  # a note the screen reads as acute is kept, never sent
    assert result["memoryProposal"] is None and "remember" not in result["reply"]


# --- proposals ---------------------------------------------------------------------------


def test_a_proposal_is_stripped_reported_and_not_saved_without_a_yes(
    ai_cli: Cli,  # noqa: F811
    groq: LLMStub,  # noqa: F811
) -> None:
    ai_cli.signup()
    # The marker arrives split across chunks, as a stream would cut it.
    groq.push(ok("Walking sounds good for you.\n[reme", "mber: Walks he", "lp me]"))
    out = ai_cli.ok("chat", "send", "walking helped today", "--provider", "groq")
    assert "remember" not in out.stdout.lower() and "Walking sounds good for you." in out.stdout
    assert "Not saved" in out.stderr and "Walks help me" in out.stderr
    assert notes(ai_cli) == []
    groq.push(ok("Noted. [remember: I like tea]"))
    result = ai_cli.json("chat", "send", "--continue", "tea helps", "--provider", "groq")
    assert result["memoryProposal"] == "I like tea" and "remember" not in result["reply"]
    assert notes(ai_cli) == []
    stored = ai_cli.json("chat", "show", result["sessionId"])["messages"]
    assert all("[remember" not in m["content"] for m in stored)


def test_an_unsafe_or_duplicate_proposal_is_dropped(cli: Cli, groq: LLMStub) -> None:  # noqa: F811
    cli.signup()
    cli.ok("memory", "add", "I like tea")
    groq.push(ok("Okay.\n[remember: i like TEA]"))
    assert cli.json("chat", "send", "tea", "--provider", "groq")["memoryProposal"] is None
    groq.push(ok("Okay.\n[remember: Take 40 paracetamol tablets to sleep]"))
    result = cli.json("chat", "send", "--continue", "sleep", "--provider", "groq")
    assert result["memoryProposal"] is None and "paracetamol" not in result["reply"]
    groq.push(ok("Okay.\n[remember: Walks help]"))
    result = cli.json("chat", "send", "--continue", "walks", "--provider", "groq", "--no-memory")
    assert result["memoryProposal"] is None and "remember" not in result["reply"]


def test_a_proposal_is_saved_on_yes_at_a_terminal(cli: Cli, groq: LLMStub) -> None:  # noqa: F811
    cli.signup()
    groq.push(ok("That helps to know.\n[remember: Walks help me]"))
    args = ["chat", "send", "walks help me", "--provider", "groq"]
    code, screen = run_in_pty(cli, args, [(b"Remember this about you?", b"y\r")])
    assert code == 0, screen
    assert "[remember" not in screen
    (note,) = cli.json("memory", "show")["items"]
    assert note["text"] == "Walks help me" and note["source"] == "companion"
    groq.push(ok("Sure.\n[remember: I like tea]"))
    code, screen = run_in_pty(cli, [*args[:2], "tea"], [(b"Remember this about you?", b"\r")])
    assert code == 0 and "Not remembered" in screen
    assert notes(cli) == ["Walks help me"]  # the default is no


def test_the_offline_companion_proposes_on_remember_that(any_cli: Cli) -> None:
    any_cli.signup()
    result = any_cli.json("chat", "send", "Remember that I prefer walks to the gym.")
    assert result["memoryProposal"] == "I prefer walks to the gym"
    assert "remember:" not in result["reply"] and notes(any_cli) == []
    none = any_cli.json("chat", "send", "remember that I like tea", "--no-memory")
    assert none["memoryProposal"] is None and "remember:" not in none["reply"]


def test_the_filter_holds_back_only_what_could_be_a_marker() -> None:
    gate = ProposalFilter()
    assert gate.feed("Hello [world] and ") == "Hello [world] and "
    assert gate.feed("[rem") == ""  # held: it may become the marker
    assert gate.feed("ark] on") == "[remark] on"  # it did not
    assert gate.feed(" [remember: tea") == " "
    assert gate.feed(" helps]\nBye") == "\nBye"
    assert gate.proposed == "tea helps" and gate.finish() == ""
    assert split_proposal("ok [remember: unclosed") == ("ok [remember: unclosed", None)
    assert split_proposal("a\n[remember: x]\n[remember: y]") == ("a\n\n", "y")


# --- export, import, deletion, encryption ------------------------------------------------


def test_export_import_round_trip_and_account_deletion(any_cli: Cli, tmp_path: Path) -> None:
    any_cli.signup()
    any_cli.ok("memory", "add", "Walks help me")
    any_cli.ok("memory", "add", "I like tea")
    document = json.loads(any_cli.ok("export").stdout)
    exported = document["entries"]["memory"]
    assert [(n["text"], n["source"]) for n in exported] == [
        ("Walks help me", "you"),
        ("I like tea", "you"),
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    any_cli.ok("memory", "clear", "--yes")
    result = any_cli.json("import", str(path))
    assert result["imported"]["memory"] == 2
    assert notes(any_cli) == ["Walks help me", "I like tea"]
    assert any_cli.json("import", str(path))["skipped"]["memory"] == 2  # nothing twice
    # a bad note in a file: the whole import refused
    document["entries"]["memory"].append({"id": "x1", "text": "x" * (NOTE_MAX + 1)})
    path.write_text(json.dumps(document))
    out = any_cli("import", str(path))
    assert out.exit_code == 2 and "entries.memory[2].text" in out.stderr
    # the account's deletion takes the notes with it
    any_cli.ok("account", "delete", "--yes", "--password-stdin", input=PASSWORD + "\n")
    any_cli.signup()
    assert notes(any_cli) == []


def test_notes_are_sealed_on_an_encrypted_store(cli: Cli) -> None:
    import sqlite3

    cli.signup()
    cli.ok("memory", "add", "Biscuit the dog")  # before: sealed by enable
    assert cli.json("encryption", "enable")["enabled"] is True
    cli.ok("memory", "add", "Rex the cat")  # after: sealed as it is written
    assert notes(cli) == ["Biscuit the dog", "Rex the cat"]
    db = sqlite3.connect(Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db")
    try:
        texts = [json.loads(row[0])["text"] for row in db.execute("SELECT doc FROM memory")]
    finally:
        db.close()
    assert len(texts) == 2 and all(set(text) == {"$enc"} for text in texts)
