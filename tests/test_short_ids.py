"""IDs people can type, on every backend: any unique prefix of four or more characters
and `last` work wherever an entry's ID is asked for; lists show a short unique prefix."""

from __future__ import annotations

import pytest

from tests.driver import Cli, environment


def _ids(cli: Cli, *args: str) -> list[str]:
    return [item["id"] for item in cli.json(*args)["items"]]


def test_a_prefix_or_last_names_an_entry(any_cli: Cli) -> None:
    any_cli.signup()
    for text in ("the first", "the second", "the third"):
        any_cli.ok("journal", "add", text)
    newest, _, oldest = _ids(any_cli, "journal", "list")
    assert any_cli.json("journal", "show", oldest[:6])["text"] == "the first"
    assert any_cli.json("journal", "show", "last")["text"] == "the third"
    assert any_cli.json("journal", "show", "LAST")["id"] == newest
    any_cli.ok("journal", "edit", oldest[:5], "--text", "the first, edited")
    assert any_cli.json("journal", "show", oldest)["text"] == "the first, edited"
    any_cli.ok("journal", "delete", "last", "--yes")
    assert newest not in _ids(any_cli, "journal", "list")

    short = any_cli("journal", "show", oldest[:3])
    assert short.exit_code == 2 and "at least 4 characters" in short.stderr
    unknown = any_cli("journal", "show", "zzzz")
    assert unknown.exit_code == 2 and "zzzz" in unknown.stderr


def test_an_ambiguous_prefix_is_refused(cli: Cli) -> None:
    """Two entries whose IDs share their first six characters, written into the store
    (random IDs almost never do); the CLI must ask for more, not pick one."""
    from psymitrix_cli.config import load_settings
    from psymitrix_cli.store.base import GRATITUDE
    from psymitrix_cli.store.factory import open_store

    me = cli.signup()
    cli.ok("gratitude", "add", "a template entry")
    (template,) = cli.json("gratitude", "list")["items"]
    with environment(cli.env):
        store = open_store(load_settings())
    try:
        existing = store.get(GRATITUDE, me["userId"], template["id"])
        assert existing is not None
        for suffix in ("0000000001", "0000000002"):
            store.insert(GRATITUDE, {**existing, "_id": "abcdef" + suffix})
    finally:
        store.close()
    out = cli("gratitude", "show", "abcdef")
    assert out.exit_code == 2 and "more than one" in out.stderr.lower()
    assert cli.json("gratitude", "show", "abcdef0000000002")["id"] == "abcdef0000000002"


@pytest.mark.parametrize(
    ("add", "listing", "show"),
    [
        (("test", "phq9", "--answers", "1,1,1,1,1,1,1,1,0"), ("test", "history"), ("test", "show")),
        (("activity", "add", "a walk", "--done"), ("activity", "list"), ("activity", "show")),
    ],
)
def test_prefixes_work_for_other_kinds(
    cli: Cli, add: tuple[str, ...], listing: tuple[str, ...], show: tuple[str, ...]
) -> None:
    cli.signup()
    cli.ok(*add)
    (entry_id,) = _ids(cli, *listing)
    assert cli.json(*show, entry_id[:4])["id"] == entry_id
    assert cli.json(*show, "last")["id"] == entry_id


def test_lists_show_each_row_s_short_id_whole_at_80_columns(cli: Cli) -> None:
    cli.signup()
    cli.ok("journal", "add", "a long entry " * 20, "--mood", "4", "--tag", "work")
    (entry_id,) = _ids(cli, "journal", "list")
    out = cli.ok("journal", "list", env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    assert entry_id[:8] in out and "4 good" in out and "#work" in out
    assert max(len(line) for line in out.splitlines()) <= 80
