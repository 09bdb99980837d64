"""The review's arithmetic, against values worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from psymitrix_cli.domain import review
from psymitrix_cli.domain.assessments import GAD7, PHQ9

D = date(2026, 3, 10)  # a Tuesday


def _j(day: str, mood: int | None, *tags: str, hour: str = "12:00") -> dict[str, object]:
    return {"at": f"{day}T{hour}:00+00:00", "mood": mood, "tags": list(tags)}


def test_periods_and_the_one_before() -> None:
    week = review.period(D, "week")
    assert (week.start, week.end, week.days) == (date(2026, 3, 4), D, 7)
    assert (week.before().start, week.before().end) == (date(2026, 2, 25), date(2026, 3, 3))
    month = review.period(D, "month")
    assert (month.start, month.days) == (date(2026, 2, 9), 30)
    since = review.period(D, since=date(2026, 3, 1))
    assert (since.start, since.days, since.before().start) == (
        date(2026, 3, 1),
        10,
        date(2026, 2, 19),
    )


def test_daily_mood_is_the_mean_of_the_day_in_the_users_zone() -> None:
    journal = [
        _j("2026-03-09", 2),
        _j("2026-03-09", 5),
        _j("2026-03-09", None),  # unrated: not counted
        _j("2026-03-10", 4, hour="03:30"),  # 23:30 EDT on the 9th in New York
    ]
    assert review.daily_mood(journal, "UTC") == {date(2026, 3, 9): 3.5, date(2026, 3, 10): 4.0}
    # In New York all three rated entries fall on the 9th: (2 + 5 + 4) / 3 = 3.67
    assert review.daily_mood(journal, "America/New_York") == {date(2026, 3, 9): 3.67}


def test_best_and_hardest_take_the_earliest_on_a_tie() -> None:
    days = {
        date(2026, 3, 1): 3.0,
        date(2026, 3, 2): 5.0,
        date(2026, 3, 3): 1.0,
        date(2026, 3, 4): 5.0,
    }
    found = review.best_and_hardest(days)
    assert found["best"] == {"date": "2026-03-02", "mood": 5.0}
    assert found["hardest"] == {"date": "2026-03-03", "mood": 1.0}
    assert review.best_and_hardest({}) == {"best": None, "hardest": None}


def test_mood_by_tag_and_by_weekday() -> None:
    journal = [
        _j("2026-03-09", 2, "work"),
        _j("2026-03-10", 4, "work", "walk"),
        _j("2026-03-10", 5),
    ]
    assert review.by_tag(journal) == [
        {"tag": "work", "mood": 3.0, "count": 2},
        {"tag": "walk", "mood": 4.0, "count": 1},
    ]
    days = {date(2026, 3, 9): 2.0, date(2026, 3, 16): 3.0, date(2026, 3, 10): 4.5}  # Mon, Mon, Tue
    assert review.by_weekday(days) == [
        {"weekday": "Monday", "mood": 2.5, "count": 2},
        {"weekday": "Tuesday", "mood": 4.5, "count": 1},
    ]


def _nights(*rows: tuple[str, int, float | None]) -> list[dict[str, object]]:
    return [{"date": d, "score": s, "hours": h} for d, s, h in rows]


def test_sleep_against_the_next_days_mood() -> None:
    # Nights of Mar 1..8; moods on Mar 2..9. Long nights (>= 7 h): 1, 3, 5, 7 -> moods on
    # 2, 4, 6, 8 = 4, 5, 4, 3 (mean 4.0); short nights 2, 4, 6, 8 -> 3, 2, 2, 1 (mean 2.0).
    nights = _nights(
        *((f"2026-03-0{i}", 8 if i % 2 else 4, 8.0 if i % 2 else 5.5) for i in range(1, 9))
    )
    moods = [4, 3, 5, 2, 4, 2, 3, 1]
    days = {date(2026, 3, i + 2): float(m) for i, m in enumerate(moods)}
    found = review.sleep_and_next_day_mood(nights, days)
    assert found["pairs"] == 8
    hours = found["byHours"]
    assert hours["enough"] is True
    assert hours["good"] == {"label": "7 h or more", "mood": 4.0, "nights": 4}
    assert hours["other"] == {"label": "less", "mood": 2.0, "nights": 4}
    assert found["byScore"]["good"]["mood"] == 4.0


def test_no_claim_from_too_few_nights() -> None:
    nights = _nights(("2026-03-01", 8, 8.0), ("2026-03-02", 3, 5.0), ("2026-03-03", 8, 8.0))
    days = {date(2026, 3, 2): 4.0, date(2026, 3, 3): 2.0, date(2026, 3, 4): 4.0}
    found = review.sleep_and_next_day_mood(nights, days)
    assert found["pairs"] == 3 and found["byHours"]["enough"] is False
    # Enough pairs, but all on one side of the split: still no claim.
    many = _nights(*((f"2026-03-0{i}", 8, 8.0) for i in range(1, 9)))
    days = {date(2026, 3, i + 1): 3.0 for i in range(1, 9)}
    assert review.sleep_and_next_day_mood(many, days)["byHours"]["enough"] is False


def _result(instrument: str, total: int, at: str) -> dict[str, object]:
    return {"instrument": instrument, "total": total, "takenAt": at}


@pytest.mark.parametrize(
    ("totals", "change", "reliable", "significant"),
    [
        ((16, 8), -8, True, True),  # moderately severe -> mild, by 8 >= 5: reliable and significant
        ((16, 12), -4, False, False),  # 4 < 5: not reliable
        ((12, 6), -6, True, True),  # moderate -> mild
        ((8, 3), -5, True, False),  # already mild before: reliable, not "clinically significant"
        ((6, 14), 8, True, False),  # reliably worse
    ],
)
def test_phq9_reliable_and_clinically_significant_change(
    totals: tuple[int, int], change: int, reliable: bool, significant: bool
) -> None:
    results = [
        _result("PHQ-9", totals[1], "2026-03-09T10:00:00+00:00"),
        _result("PHQ-9", totals[0], "2026-02-20T10:00:00+00:00"),  # any order in
    ]
    found = review.questionnaire_change(results, PHQ9)
    assert found is not None
    assert (found["change"], found["reliable"], found["clinicallySignificant"]) == (
        change,
        reliable,
        significant,
    )
    assert found["first"]["total"] == totals[0] and found["results"] == 2


def test_one_result_is_no_change_and_gad7_uses_its_own_threshold() -> None:
    one = review.questionnaire_change([_result("GAD-7", 12, "2026-03-01T00:00:00+00:00")], GAD7)
    assert one is not None and (one["reliable"], one["change"]) == (False, 0)
    pair = [
        _result("GAD-7", 12, "2026-03-01T00:00:00+00:00"),
        _result("GAD-7", 8, "2026-03-09T00:00:00+00:00"),
    ]
    found = review.questionnaire_change(pair, GAD7)
    assert found is not None and found["reliable"] is (abs(-4) >= GAD7.reliable_change)
    assert review.questionnaire_change(pair, PHQ9) is None


def test_what_was_done_and_the_longest_gap() -> None:
    week = review.period(D, "week")  # Mar 4..10
    journal = [_j("2026-03-04", 3, "checkin"), _j("2026-03-05", 3), _j("2026-03-10", 4, "checkin")]
    gratitude = [{"at": "2026-03-05T08:00:00+00:00"}]
    breathing = [{"startedAt": "2026-03-06T08:00:00+00:00", "durationSeconds": 150}]
    sleep = _nights(("2026-03-06", 7, 7.0))
    found = review.done(week, "UTC", journal, gratitude, breathing, sleep, "checkin")
    assert found == {
        "checkins": 2,
        "journalEntries": 3,
        "gratitude": 1,
        "breathingMinutes": 2.5,
        "breathingSessions": 1,
        "sleepNights": 1,
        "activeDays": 4,  # 4, 5, 6, 10
        "days": 7,
        "longestGap": 3,  # 7, 8, 9
    }
