"""status and checkin through the CLI, on every backend."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.driver import PASSWORD, Cli

DAY1 = "2026-11-20T09:00:00Z"
DAY2 = "2026-11-21T09:00:00Z"


def test_status_of_a_new_account(any_cli: Cli) -> None:
    any_cli.signup("ann")
    status = any_cli.json("status")
    assert status["streak"]["current"] == 1
    assert status["today"] == {
        "mood": False,
        "sleep": False,
        "gratitude": False,
        "breathing": False,
        "activity": False,
        "checkin": False,
    }
    assert status["assessments"] == {"PHQ-9": None, "GAD-7": None}
    assert len(status["trends"]["mood"]) == 14 and set(status["trends"]["mood"]) == {None}
    assert status["counts"]["moodJournal"] == {"count": 0, "lastAt": None, "last7": 0, "last30": 0}


def test_checkin_non_interactive_fills_the_checklist_and_trends(any_cli: Cli) -> None:
    any_cli.at(DAY1).signup("ann", timezone="Europe/London")
    env = {"PSYMITRIX_CLOCK": DAY1}
    result = any_cli.json(
        "checkin",
        "--mood",
        "4",
        "--note",
        "a calm day",
        "--sleep",
        "7",
        "--hours",
        "7.5",
        "--gratitude",
        "tea",
        "--gratitude",
        "sun",
        env=env,
    )
    assert result["journal"]["mood"] == 4 and result["sleep"]["score"] == 7
    assert result["gratitude"]["items"] == ["tea", "sun"] and result["crisis"] is False
    status = any_cli.json("status", env=env)
    assert status["today"] == {
        "mood": True,
        "sleep": True,
        "gratitude": True,
        "breathing": False,
        "activity": False,
        "checkin": True,
    }
    assert status["trends"]["mood"][-1] == 4 and status["trends"]["sleep"][-1] == 7
    assert status["counts"]["sleep"]["count"] == 1
    # The next day the checklist starts empty, and yesterday moves left in the trend.
    next_day = any_cli.json("status", env={"PSYMITRIX_CLOCK": DAY2})
    assert not any(next_day["today"].values())
    assert next_day["trends"]["mood"][-2:] == [4, None]
    assert next_day["streak"]["current"] == 2


def test_rerunning_checkin_updates_sleep_rather_than_duplicating(any_cli: Cli) -> None:
    any_cli.at(DAY1).signup("ann")
    env = {"PSYMITRIX_CLOCK": DAY1}
    any_cli.ok("checkin", "--sleep", "5", env=env)
    any_cli.ok("checkin", "--sleep", "8", "--hours", "8", env=env)
    me = any_cli.json("me", env=env)["userData"]
    assert me["sleepLogCount"] == 1
    assert me["sleepQuality"] == [{"date": "2026-11-20", "score": 8}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mood", "6"], "Mood"),
        (["--mood", "3", "--sleep", "11"], "1"),
        (["--sleep", "7", "--hours", "25"], "24"),
        (["--hours", "7"], "--sleep"),
        (["--note", "only a note"], "--mood"),
        (
            [
                "--mood",
                "3",
                "--gratitude",
                "a",
                "--gratitude",
                "b",
                "--gratitude",
                "c",
                "--gratitude",
                "d",
            ],
            "3",
        ),
    ],
)
def test_bad_checkin_writes_nothing(any_cli: Cli, args: list[str], message: str) -> None:
    any_cli.signup("ann")
    out = any_cli("checkin", *args)
    assert out.exit_code == 2, out
    assert message in out.stderr
    data = any_cli.json("me")["userData"]
    assert data["moodJournalCount"] == data["sleepLogCount"] == data["gratitudeCount"] == 0


def test_checkin_without_flags_and_without_a_terminal_is_exit_2(any_cli: Cli) -> None:
    any_cli.signup("ann")
    out = any_cli("checkin")
    assert out.exit_code == 2 and "--mood" in out.stderr


def test_a_mood_1_checkin_with_a_worrying_note_shows_the_crisis_panel(any_cli: Cli) -> None:
    any_cli.signup("ann")
    out = any_cli.ok("checkin", "--mood", "1", "--note", "I feel hopeless and want to die")
    assert "988" in out.stdout
    result = any_cli.json("checkin", "--mood", "2", "--note", "this deadline is killing me")
    assert result["crisis"] is False


def test_bare_psymitrix_shows_the_dashboard_when_logged_in(cli: Cli) -> None:
    cli.signup("ann")
    out = cli.ok()
    assert "Streak" in out.stdout and "Usage" not in out.stdout


# Every combination of the five check-in flags. A combination is valid unless it has a
# note without a mood, hours without a sleep score, or nothing at all.
_FLAGS = ("mood", "note", "sleep", "hours", "gratitude")
_COMBOS = [
    {flag for i, flag in enumerate(_FLAGS) if bits >> i & 1} for bits in range(2 ** len(_FLAGS))
]


def _checkin_args(given: set[str]) -> list[str]:
    values = {"mood": "3", "note": "a quiet day", "sleep": "6", "hours": "7", "gratitude": "tea"}
    return [arg for flag in _FLAGS if flag in given for arg in (f"--{flag}", values[flag])]


def test_every_combination_of_checkin_flags_saves_exactly_what_was_given(any_cli: Cli) -> None:
    """The README's cron line has no --note; a check-in without one crashed (issue 11).

    Each combination runs on a day of its own, so every night and entry it saves is
    told apart by its date."""
    any_cli.at("2026-10-01T08:00:00Z").signup("ann")
    for offset, given in enumerate(_COMBOS):
        day = (date(2026, 10, 1) + timedelta(days=offset)).isoformat()
        env = {"PSYMITRIX_CLOCK": f"{day}T09:00:00Z"}
        if offset and offset % 10 == 0:  # a token lasts 14 days; log in again, as a person would
            any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n", env=env)
        label = f"flags {sorted(given)}"
        before = any_cli.json("me", env=env)["userData"]
        out = any_cli("checkin", *_checkin_args(given), "--json", env=env)
        after = any_cli.json("me", env=env)["userData"]
        invalid = (
            ("note" in given and "mood" not in given)
            or ("hours" in given and "sleep" not in given)
            or not given & {"mood", "sleep", "gratitude"}
        )
        counts = ("moodJournalCount", "sleepLogCount", "gratitudeCount")
        if invalid:
            assert out.exit_code == 2, (label, out)
            assert [after[c] for c in counts] == [before[c] for c in counts], label
            continue
        assert out.exit_code == 0, (label, out)
        result = out.json()
        assert result["date"] == day, label
        grew = [after[c] - before[c] for c in counts]
        assert grew == [int(k in given) for k in ("mood", "sleep", "gratitude")], label
        if "mood" in given:
            entry = after["moodJournal"][0]
            text = "a quiet day" if "note" in given else "Daily check-in: feeling okay."
            assert (entry["mood"], entry["text"], entry["tags"]) == (3, text, ["checkin"]), label
            assert entry["id"] == result["journal"]["id"], label
        if "sleep" in given:
            night = any_cli.json("sleep", "show", result["date"], env=env)
            hours = 7.0 if "hours" in given else None
            assert (night["score"], night["hours"]) == (6, hours), label
        if "gratitude" in given:
            assert after["gratitude"][0]["items"] == ["tea"], label
