"""One check-in a day, on every backend: a second run (a retried cron job, a change of
mind) updates the day's entries; --new adds on purpose; --date backfills a missed day;
--quiet prints nothing but what safety needs; status --json says what is done today."""

from __future__ import annotations

from tests.driver import Cli

DAY = "2026-05-12T20:00:00Z"


def _counts(cli: Cli) -> tuple[int, int, int, int]:
    me = cli.json("me")["userData"]
    return (
        me["moodJournalCount"],
        me["sleepLogCount"],
        me["gratitudeCount"],
        me["activityCount"],
    )


def test_a_second_checkin_the_same_day_updates_it(any_cli: Cli) -> None:
    cli = any_cli.at(DAY)
    cli.signup()
    first = cli.json("checkin", "--mood", "2", "--sleep", "5", "--gratitude", "tea")
    assert first["updated"] is False and first["date"] == "2026-05-12"
    again = cli.json(
        "checkin",
        "--mood",
        "4",
        "--note",
        "better now",
        "--gratitude",
        "coffee",
        "--activity",
        "a walk",
    )
    assert again["updated"] is True
    assert again["journal"]["id"] == first["journal"]["id"]
    assert again["gratitude"]["id"] == first["gratitude"]["id"]
    assert _counts(cli) == (1, 1, 1, 1)
    entries = cli.json("journal", "list")["items"]
    assert [(e["mood"], e["text"]) for e in entries] == [(4, "better now")]
    assert cli.json("gratitude", "list")["items"][0]["items"] == ["coffee"]
    assert "Updated the check-in for 2026-05-12" in cli.ok("checkin", "--mood", "5").stdout
    assert _counts(cli) == (1, 1, 1, 1)

    added = cli.json("checkin", "--mood", "3", "--new")
    assert added["updated"] is False and added["journal"]["id"] != first["journal"]["id"]
    assert _counts(cli)[0] == 2


def test_the_next_day_is_a_new_checkin(any_cli: Cli) -> None:
    any_cli.at(DAY).signup()
    any_cli.at(DAY).ok("checkin", "--mood", "3")
    next_day = any_cli.at("2026-05-13T08:00:00Z")
    assert next_day.json("checkin", "--mood", "4")["updated"] is False
    assert _counts(next_day)[0] == 2


def test_a_missed_day_is_backfilled_and_then_updated(any_cli: Cli) -> None:
    cli = any_cli.at(DAY)
    cli.signup()
    back = cli.json("checkin", "--mood", "2", "--sleep", "4", "--date", "yesterday")
    assert back["date"] == "2026-05-11"
    assert back["journal"]["at"].startswith("2026-05-11") and back["sleep"]["date"] == "2026-05-11"
    assert cli.json("checkin", "--mood", "3", "--date", "2026-05-11")["updated"] is True
    today = cli.json("checkin", "--mood", "4")
    assert today["updated"] is False and today["date"] == "2026-05-12"
    assert _counts(cli)[:2] == (2, 1)
    assert cli.json("status")["today"]["checkin"] is True

    future = cli("checkin", "--mood", "3", "--date", "2026-06-01")
    assert future.exit_code == 2 and "future" in future.stderr
    assert _counts(cli)[0] == 2  # nothing written


def test_status_says_whether_today_is_checked_in(any_cli: Cli) -> None:
    cli = any_cli.at(DAY)
    cli.signup()
    assert cli.json("status")["today"]["checkin"] is False
    cli.ok("journal", "add", "just a note")  # an entry, not a check-in
    assert cli.json("status")["today"]["checkin"] is False
    cli.ok("checkin", "--gratitude", "sun")
    assert cli.json("status")["today"]["checkin"] is True


def test_quiet_prints_nothing_but_keeps_the_crisis_message(any_cli: Cli) -> None:
    cli = any_cli.at(DAY)
    cli.signup()
    calm = cli.ok("checkin", "--mood", "4", "--quiet")
    assert calm.stdout == "" and calm.stderr == ""
    worried = cli.ok("checkin", "--mood", "1", "--note", "I want to kill myself tonight", "-q")
    assert "988" in worried.stdout
