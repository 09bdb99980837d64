"""`journal tags` (and `activity tags`): each tag with how many entries carry it, most
used first, counted in the store, on every backend."""

from __future__ import annotations

from tests.driver import Cli


def test_tags_are_counted_most_used_first(any_cli: Cli) -> None:
    any_cli.signup()
    assert any_cli.json("journal", "tags") == {"tags": []}
    assert "No tags yet" in any_cli.ok("journal", "tags").stdout
    any_cli.ok("journal", "add", "a walk @outside with @sam")
    any_cli.ok("journal", "add", "long day", "--tag", "work", "--tag", "sam")
    any_cli.ok("journal", "add", "no tags at all")
    any_cli.ok("activity", "add", "gardening", "--tag", "outside")
    assert any_cli.json("journal", "tags")["tags"] == [
        {"tag": "sam", "count": 2},
        {"tag": "outside", "count": 1},
        {"tag": "work", "count": 1},
    ]
    assert any_cli.json("activity", "tags")["tags"] == [{"tag": "outside", "count": 1}]
    human = any_cli.ok("journal", "tags").stdout
    assert "#sam" in human and human.index("#sam") < human.index("#work")


def test_another_persons_tags_are_not_counted(any_cli: Cli) -> None:
    any_cli.signup("ann")
    any_cli.ok("journal", "add", "private", "--tag", "anns")
    any_cli.signup("bob")
    assert any_cli.json("journal", "tags") == {"tags": []}
