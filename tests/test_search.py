"""`psymitrix search` and a list's `--search` through the CLI, on every backend: ranking,
snippets, the query syntax, filters, the index kept in step with every write, the
migrations that build it for existing data, encryption, and privacy between users."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli import messages
from tests.driver import Cli, skip_api

T0 = "2026-03-02T09:00:00+00:00"


def search(cli: Cli, *args: str) -> dict[str, Any]:
    return cli.json("search", *args)  # type: ignore[no-any-return]


def ids(cli: Cli, *args: str) -> list[str]:
    return [item["id"] for item in search(cli, *args)["items"]]


def journal(cli: Cli, text: str, *flags: str) -> str:
    return str(cli.json("journal", "add", text, *flags)["id"])


def listed(cli: Cli, query: str, *flags: str) -> list[str]:
    return [e["text"] for e in cli.json("journal", "list", "--search", query, *flags)["items"]]


def test_searches_every_kind_ranked_with_snippets(any_cli: Cli) -> None:
    cli = any_cli.at(T0)
    cli.signup()
    once = journal(cli, "A short walk after lunch", "--at", "2026-03-01T12:00")
    twice = journal(cli, "Walk, then another walk by the river", "--at", "2026-02-20T08:00")
    journal(cli, "Nothing to do with it", "--at", "2026-03-01T13:00")
    tagged = journal(cli, "Out with the dog", "-t", "walk", "--at", "2026-02-10T08:00")
    thanks = cli.json("gratitude", "add", "a walk in the sun", "warm tea")["id"]
    chat = cli.json("chat", "send", "I went for a walk and felt calmer")
    ended = cli.json("chat", "end")
    assert "walk" in ended["summary"]

    found = search(cli, "walk")
    kinds = {item["source"] for item in found["items"]}
    assert kinds == {"mood_journal", "gratitude", "chat_messages", "chat_sessions"}
    journals = [i["id"] for i in found["items"] if i["source"] == "mood_journal"]
    assert journals[0] == twice  # two walks rank first
    assert set(journals) == {once, twice, tagged}  # a tag is searched too
    assert found["query"] == "walk" and found["more"] is False
    assert found["matched"] == len(found["items"])
    first = found["items"][0]
    assert set(first) == {"kind", "id", "at", "score", "snippet", "highlights", "source", "entry"}
    for item in found["items"]:
        for start, end in item["highlights"]:
            assert item["snippet"][start:end].lower() == "walk", item
    assert [i["score"] for i in found["items"]] == sorted(
        (i["score"] for i in found["items"]), reverse=True
    )
    gratitude = next(i for i in found["items"] if i["id"] == thanks)
    assert gratitude["snippet"] == "a walk in the sun · warm tea"
    assert gratitude["kind"] == "gratitude" and gratitude["entry"]["items"][1] == "warm tea"
    message = next(i for i in found["items"] if i["source"] == "chat_messages")
    assert message["entry"]["sessionId"] == chat["sessionId"] and message["kind"] == "chat"

    assert set(ids(cli, "walk", "--kind", "journal")) == {once, twice, tagged}
    assert ids(cli, "walk", "--kind", "gratitude") == [thanks]
    chats = search(cli, "walk", "-k", "chat")["items"]
    assert {i["source"] for i in chats} == {"chat_messages", "chat_sessions"}
    assert len(ids(cli, "walk", "-n", "2")) == 2

    shown = cli.ok("search", "walk", "--kind", "journal").stdout
    assert "Walk, then another walk by the river" in shown and "#walk" in shown
    assert "\x1b[" not in shown  # a pipe gets plain text


def test_quoted_phrases_or_and_minus(any_cli: Cli) -> None:
    cli = any_cli.at(T0)
    cli.signup()
    rain = journal(cli, "Walked home in the rain", "--at", "2026-03-01T08:00")
    rainy = journal(cli, "The rain, then a walk home", "--at", "2026-03-01T09:00")
    tea = journal(cli, "Tea with Sam at the café", "--at", "2026-03-01T10:00")
    work = journal(cli, "Rain all day at work", "--at", "2026-03-01T11:00")

    assert set(ids(cli, "rain")) == {rain, rainy, work}
    assert set(ids(cli, "rain home")) == {rain, rainy}  # every word
    assert ids(cli, '"in the rain"') == [rain]  # together, in order
    assert ids(cli, '"rain in"') == []
    assert set(ids(cli, "tea OR work")) == {tea, work}
    assert set(ids(cli, "rain -work")) == {rain, rainy}
    assert ids(cli, 'rain -"then a walk" -work') == [rain]
    assert set(ids(cli, "home OR tea -walked")) == {rainy, tea}
    assert ids(cli, "CAFE") == [tea]  # case and accents folded
    assert ids(cli, "walk") == [rainy]  # whole words: "walked" is another word
    assert ids(cli, "or") == []  # a lowercase "or" is just a word
    # A list's --search is the same query on the same index, newest first.
    assert listed(cli, "rain -work") == ["The rain, then a walk home", "Walked home in the rain"]
    assert listed(cli, '"in the rain" OR tea') == [
        "Tea with Sam at the café",
        "Walked home in the rain",
    ]


def test_filters_by_day_and_ties_go_to_the_newest(any_cli: Cli) -> None:
    cli = any_cli.at(T0)
    cli.signup(timezone="America/New_York")
    # 23:30 on Feb 27 in New York is already Feb 28 in UTC: days are the person's own.
    late = journal(cli, "same words here", "--at", "2026-02-27T23:30")
    middle = journal(cli, "same words here", "--at", "2026-02-28T12:00")
    newest = journal(cli, "same words here", "--at", "2026-03-01T12:00")
    assert ids(cli, "words") == [newest, middle, late]  # one score: newest first
    assert ids(cli, "words", "--since", "2026-02-28") == [newest, middle]
    assert ids(cli, "words", "--until", "2026-02-27") == [late]
    assert ids(cli, "words", "--since", "2026-02-28", "--until", "2026-02-28") == [middle]
    bad = cli("search", "words", "--since", "2026-03-01", "--until", "2026-02-01")
    assert bad.exit_code == 2


def test_edit_delete_import_and_chat_keep_the_index_in_step(any_cli: Cli, tmp_path: Path) -> None:
    cli = any_cli.at(T0)
    cli.signup()
    entry = journal(cli, "Thinking about the ocean")
    assert ids(cli, "ocean") == [entry]
    cli.ok("journal", "edit", entry, "--text", "Thinking about the mountains")
    assert ids(cli, "ocean") == [] and ids(cli, "mountains") == [entry]
    cli.ok("journal", "edit", entry, "--tag", "hiking")
    assert ids(cli, "hiking") == [entry] and listed(cli, "hiking") == [
        "Thinking about the mountains"
    ]
    cli.ok("journal", "delete", entry, "--yes")
    assert ids(cli, "mountains") == [] and listed(cli, "mountains") == []

    journal(cli, "A letter to my grandmother")
    cli.ok("gratitude", "add", "grandmother's garden")
    path = tmp_path / "ann.json"
    path.write_text(cli.ok("export").stdout)
    cli.ok("account", "delete", "--yes", "--password-stdin", input="correct-horse-9\n")
    cli.signup("bob")
    assert ids(cli, "grandmother") == []  # ann's entries went with her account
    imported = cli.json("import", str(path))
    assert imported["imported"]["mood_journal"] == 1
    found = search(cli, "grandmother")["items"]
    assert {i["source"] for i in found} == {"mood_journal", "gratitude"}
    imported_entry = next(i for i in found if i["source"] == "mood_journal")["entry"]
    assert imported_entry["text"] == "A letter to my grandmother"


def test_nothing_found_is_exit_0_with_a_clear_line(any_cli: Cli) -> None:
    any_cli.signup()
    journal(any_cli, "Some words")
    out = any_cli.ok("search", "elephant")
    assert out.stdout.strip() == messages.SEARCH_NO_RESULTS.format(query="“elephant”")
    assert any_cli.json("search", "elephant")["items"] == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["   "], messages.SEARCH_EMPTY),
        (['"walk in'], messages.SEARCH_UNCLOSED_QUOTE),
        (["OR walk"], messages.SEARCH_BAD_OR),
        (["walk OR"], messages.SEARCH_BAD_OR),
        (["walk OR OR run"], messages.SEARCH_BAD_OR),
        (["walk OR -run"], messages.SEARCH_BAD_OR),
        (["-walk"], messages.SEARCH_ONLY_EXCLUDED),
        (['""'], "holds no word"),
        (["-"], "holds no word"),
        (["x" * 201], "200"),
        (["walk", "--kind", "sleep"], "There is no sleep to search"),
        (["walk", "-n", "0"], "between 1 and 50"),
        (["walk", "--since", "tomorrowish"], "since"),
    ],
)
def test_a_bad_query_is_one_line_and_exit_2(any_cli: Cli, args: list[str], needle: str) -> None:
    any_cli.signup()
    out = any_cli("search", *args) if args[0] != "-walk" else any_cli("search", "--", *args)
    assert out.exit_code == 2, out
    assert needle in out.stderr and len(out.stderr.strip().splitlines()) == 1, out
    assert "Traceback" not in out.stderr
    if args[0].strip() and args[0] != "walk":  # the same parser behind a list's --search
        listed_out = any_cli("journal", "list", "--search", args[0])
        assert listed_out.exit_code == 2 and needle in listed_out.stderr, listed_out


def test_another_users_entries_never_appear(any_cli: Cli) -> None:
    any_cli.signup("ann")
    mine = journal(any_cli, "my private lighthouse")
    any_cli.ok("gratitude", "add", "the lighthouse keeper")
    any_cli.ok("logout")
    any_cli.signup("bob")
    assert ids(any_cli, "lighthouse") == []
    assert any_cli.json("journal", "list", "--search", "lighthouse")["items"] == []
    his = journal(any_cli, "a lighthouse of my own")
    assert ids(any_cli, "lighthouse") == [his]
    any_cli.ok("logout")
    any_cli.ok("login", "ann", "--password-stdin", input="correct-horse-9\n")
    assert set(ids(any_cli, "lighthouse")) == {mine} | {
        i["id"] for i in search(any_cli, "keeper")["items"]
    }
    assert his not in ids(any_cli, "lighthouse")


def test_a_tty_highlights_the_matched_words(cli: Cli) -> None:
    from tests.terminal import run_in_pty

    cli.signup()
    journal(cli, "A very quiet morning")
    code, screen = run_in_pty(cli, ["search", "quiet"], [])
    assert code == 0
    assert "\x1b[1;33mquiet\x1b[0m" in screen, repr(screen)


# --- the index itself: migrations, account deletion, encryption -------------------------------
def _db(cli: Cli) -> sqlite3.Connection:
    return sqlite3.connect(Path(cli.env["PSYMITRIX_HOME"]) / "psymitrix.db")


def test_the_sqlite_migration_indexes_existing_entries(cli: Cli) -> None:
    """A database from before version 9 (no index) gets one holding what it already has."""
    cli.signup()
    entry = journal(cli, "Before the index existed")
    cli.ok("gratitude", "add", "an old kindness")
    db = _db(cli)
    with db:
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            db.execute(f"DROP TRIGGER {name}")
        db.execute("DROP TABLE search_fts")
        db.execute("DROP TABLE search_entries")
        db.execute("DELETE FROM schema_migrations WHERE version = 9")
    db.close()
    assert ids(cli, "index") == [entry]
    assert len(ids(cli, "kindness")) == 1
    assert listed(cli, "before") == ["Before the index existed"]


def test_the_mongo_migration_gives_existing_entries_their_terms(
    any_cli: Cli, mongo_settings: Any
) -> None:
    if any_cli.extra.get("PSYMITRIX_BACKEND") != "mongo":
        pytest.skip("the MongoDB store's own migration")
    from pymongo import MongoClient

    any_cli.signup()
    entry = journal(any_cli, "Written before version 4")
    client: MongoClient[dict[str, Any]] = MongoClient(mongo_settings.link)
    try:
        db = client[mongo_settings.database]
        db["mood_journal"].update_many({}, {"$unset": {"searchTerms": ""}})
        db["mood_journal"].drop_index("mood_journal_user_terms")
        db["schema_version"].update_one({"_id": "schema"}, {"$set": {"version": 3}})
        assert ids(any_cli, "written") == [entry]
        doc = db["mood_journal"].find_one({"_id": entry})
        assert doc is not None and doc["searchTerms"] == ["4", "before", "version", "written"]
        names = {ix["name"] for ix in db["mood_journal"].list_indexes()}
        assert "mood_journal_user_terms" in names
    finally:
        client.close()
    shown = any_cli.json("journal", "show", entry)
    assert "searchTerms" not in shown  # the terms never leave the store


def test_an_erased_account_leaves_nothing_in_the_index(cli: Cli) -> None:
    cli.signup()
    journal(cli, "gone with the account")
    cli.ok("chat", "send", "a message that goes too")
    cli.ok("account", "delete", "--yes", "--password-stdin", input="correct-horse-9\n")
    db = _db(cli)
    try:
        assert db.execute("SELECT COUNT(*) FROM search_entries").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM search_fts").fetchone() == (0,)
    finally:
        db.close()


def test_an_encrypted_store_has_no_index_and_is_searched_by_decrypting(cli: Cli) -> None:
    skip_api(cli)
    cli.signup()
    entry = journal(cli, "the secret garden")
    before = search(cli, "garden")
    cli.ok("encryption", "enable")
    db = _db(cli)
    try:
        assert db.execute("SELECT COUNT(*) FROM search_entries").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM search_fts").fetchone() == (0,)
    finally:
        db.close()
    after = search(cli, "garden")
    assert [i["id"] for i in after["items"]] == [entry] == [i["id"] for i in before["items"]]
    assert after["notice"] == messages.SEARCH_SCANNED.format(limit="5,000")
    assert "notice" not in before
    newer = journal(cli, "another garden, written encrypted")
    assert ids(cli, "garden") == [newer, entry] or set(ids(cli, "garden")) == {newer, entry}
    assert listed(cli, "garden") == ["another garden, written encrypted", "the secret garden"]
    human = cli.ok("search", "garden")
    assert "encrypted" in human.stderr
    cli.ok("encryption", "disable")
    db = _db(cli)
    try:  # the index is built again from the decrypted entries
        assert db.execute("SELECT COUNT(*) FROM search_entries").fetchone() == (2,)
    finally:
        db.close()
    again = search(cli, "garden")
    assert "notice" not in again and {i["id"] for i in again["items"]} == {newer, entry}
