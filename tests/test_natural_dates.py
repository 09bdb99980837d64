"""Dates as people write them, in their own timezone, on every backend; and jrnl's
"yesterday: ... @tag" in journal add."""

from __future__ import annotations

import pytest

from tests.driver import Cli

NOW = "2026-12-02T15:00:00Z"  # 10:00 on Wednesday Dec 2 in New York


@pytest.fixture
def ny(any_cli: Cli) -> Cli:
    cli = any_cli.at(NOW)
    cli.signup("ann", timezone="America/New_York")
    return cli


@pytest.mark.parametrize(
    ("phrase", "stored"),
    [
        ("yesterday 9pm", "2026-12-02T02:00:00"),  # 21:00 EST on Dec 1
        ("3 days ago", "2026-11-29T17:00:00"),  # a bare day means noon, there
        ("last monday", "2026-11-30T17:00:00"),
        ("2026-11-20T08:30", "2026-11-20T13:30:00"),  # ISO still works, untouched
    ],
)
def test_at_reads_phrases_in_the_users_timezone(ny: Cli, phrase: str, stored: str) -> None:
    assert ny.json("journal", "add", "x", "--at", phrase)["at"].startswith(stored)


def test_dates_for_sleep_filters_and_plans(ny: Cli) -> None:
    assert ny.json("sleep", "log", "--score", "6", "--date", "yesterday")["date"] == "2026-12-01"
    ny.json("journal", "add", "old", "--at", "2 weeks ago")
    ny.json("journal", "add", "new", "--at", "yesterday")
    listed = ny.json("journal", "list", "--since", "last monday")["items"]
    assert [e["text"] for e in listed] == ["new"]
    planned = ny.json("activity", "add", "swim", "--planned", "friday")
    assert planned["planned"] == "2026-12-04"


@pytest.mark.parametrize(
    "phrase", ["blah", "the day the music died", "tomorrow-ish", "yesterday or so"]
)
def test_an_unreadable_phrase_is_one_line_and_writes_nothing(ny: Cli, phrase: str) -> None:
    out = ny("journal", "add", "x", "--at", phrase)
    assert out.exit_code == 2 and "--at" in out.stderr and "yesterday" in out.stderr, out
    assert out.stderr.count("\n") == 1
    assert ny.json("me")["userData"]["moodJournalCount"] == 0


def test_a_phrase_in_the_future_is_refused_like_a_future_date(ny: Cli) -> None:
    out = ny("journal", "add", "x", "--at", "tomorrow")
    assert out.exit_code == 2 and "in the future" in out.stderr


def test_jrnl_style_date_prefix_and_inline_tags(ny: Cli) -> None:
    entry = ny.json("journal", "add", "yesterday: slept badly @sleep @Work, mail me@example.com")
    assert entry["at"].startswith("2026-12-01T17:00:00")
    assert entry["tags"] == ["sleep", "work"]  # an email address is not a tag
    assert entry["text"].startswith("yesterday: slept badly")
    iso = ny.json("journal", "add", "2026-11-20: a grey day")
    assert iso["at"].startswith("2026-11-20T17:00:00")  # a bare day is noon, there
    plain = ny.json("journal", "add", "Note: today was fine", "--tag", "calm")
    assert plain["at"].startswith("2026-12-02T15:00:00") and plain["tags"] == ["calm"]


@pytest.mark.parametrize("text", ["07/03/2026", "3.7.2026", "12-11"])
def test_day_and_month_in_numbers_are_ambiguous_and_refused(ny: Cli, text: str) -> None:
    out = ny("journal", "add", "x", "--at", text)
    assert out.exit_code == 2 and "YYYY-MM-DD" in out.stderr and "more than one way" in out.stderr


def test_gratitude_lists_by_day_like_the_journal(ny: Cli) -> None:
    ny.json("gratitude", "add", "old tea", "--at", "2 weeks ago")
    ny.json("gratitude", "add", "new tea", "--at", "yesterday")
    recent = ny.json("gratitude", "list", "--since", "last monday")["items"]
    older = ny.json("gratitude", "list", "--until", "2026-11-25")["items"]
    assert [g["items"] for g in recent] == [["new tea"]]
    assert [g["items"] for g in older] == [["old tea"]]
