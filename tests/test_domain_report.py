"""The report's arithmetic and its writers, against hand-computed values."""

from __future__ import annotations

from datetime import date

from psymitrix_cli.domain import md_export, mdtext
from psymitrix_cli.domain.report import document, html, markdown, summary, svg
from psymitrix_cli.domain.review import Period


def _result(instrument: str, total: int, at: str, answers: list[int] | None = None) -> dict:
    return {
        "instrument": instrument,
        "total": total,
        "severity": "x",
        "takenAt": at,
        "answers": answers or [],
    }


def test_the_default_period_is_ninety_days_up_to_today() -> None:
    # Oct 20 less 89 days: Sep 20 is 30 back, Aug 20 61, Jul 20 92, so Jul 23.
    assert summary.period(date(2026, 10, 20)) == Period(date(2026, 7, 23), date(2026, 10, 20))
    assert summary.period(date(2026, 10, 20), until=date(2026, 3, 31)).start == date(2026, 1, 1)
    chosen = summary.period(date(2026, 10, 20), date(2026, 10, 1), date(2026, 10, 5))
    assert (chosen.start, chosen.end, chosen.days) == (date(2026, 10, 1), date(2026, 10, 5), 5)


def test_each_result_changes_from_the_one_before_of_its_questionnaire() -> None:
    item9 = [0, 0, 0, 0, 0, 0, 0, 0, 2]
    rows = summary.assessment_rows(
        [
            _result("PHQ-9", 9, "2026-10-15T09:00:00+00:00", [1] * 8 + [1]),
            _result("GAD-7", 10, "2026-10-01T09:00:00+00:00"),
            _result("PHQ-9", 14, "2026-10-01T10:00:00+00:00", item9),
            _result("PHQ-9", 3, "2026-10-29T23:30:00+00:00", [0] * 9),
            _result("GAD-7", 7, "2026-10-15T10:00:00+00:00"),
        ],
        "Europe/Berlin",
    )
    got = [(r["instrument"], r["total"], r["change"], r["reliable"], r["item9"]) for r in rows]
    assert got == [
        ("GAD-7", 10, None, False, None),
        ("PHQ-9", 14, None, False, 2),
        ("PHQ-9", 9, -5, True, 1),  # 5 is the PHQ-9's threshold: reliable
        ("GAD-7", 7, -3, False, None),  # under the GAD-7's 4
        ("PHQ-9", 3, -6, True, 0),
    ]
    assert rows[-1]["date"] == "2026-10-30"  # 23:30 UTC is past midnight in Berlin
    history = summary.item9_history(rows)
    assert [(h["date"], h["answer"], h["label"]) for h in history] == [
        ("2026-10-01", 2, "More than half the days"),
        ("2026-10-15", 1, "Several days"),
        ("2026-10-30", 0, "Not at all"),
    ]


def test_weekly_means_run_from_the_periods_start() -> None:
    span = Period(date(2026, 10, 1), date(2026, 10, 10))
    values = {date(2026, 10, 1): 2.0, date(2026, 10, 2): 4.0, date(2026, 10, 9): 5.0}
    assert summary.weekly(span, values) == [
        {"start": "2026-10-01", "mean": 3.0, "days": 2},
        {"start": "2026-10-08", "mean": 5.0, "days": 1},  # a three-day run
    ]


def test_sparklines_map_the_scale_onto_eight_blocks() -> None:
    assert [markdown.spark(v, 1, 5) for v in (1, 2, 3, 4, 5, None)] == list("▁▃▅▆█·")
    # 2 on 1..5 is a quarter: 0.25 * 7 = 1.75, so block 2; 9 is clamped to the top.
    assert markdown.spark(9, 1, 5) == "█" and markdown.spark(0, 0, 10) == "▁"
    assert markdown.chunk_means([1, None, 3, 5, None, None, 4], 3) == [2.0, 5.0, 4.0]
    chart = document.Chart("T", ("2026-10-01", "2026-10-02"), (1.0, 5.0), 1, 5, (1, 5))
    assert "`▁█`" in markdown.sparkline(chart) and "a day" in markdown.sparkline(chart)
    weeks = document.Chart("T", ("a",) * 40, (5.0,) * 7 + (None,) * 33, 1, 5, (1, 5))
    assert "`█·····`" in markdown.sparkline(weeks) and "a week" in markdown.sparkline(weeks)


def test_svg_points_sit_mid_slot_on_the_scale() -> None:
    # Plot width 640 - 44 - 12 = 584; 4 slots of 146, so the first point is at 44 + 73.
    assert (svg.x_at(0, 4), svg.x_at(3, 4)) == (117.0, 555.0)
    # Plot height 180 - 12 - 30 = 138: 3 on 1..5 is halfway down, 12 + 69.
    assert (svg.y_at(3, 1, 5), svg.y_at(5, 1, 5), svg.y_at(1, 1, 5)) == (81.0, 12.0, 150.0)
    assert svg.y_at(9, 1, 5) == 12.0  # clamped
    chart = document.Chart(
        "Mood <b>", ("d1", "d2", "d3", "d4"), (3.0, 5.0, None, 1.0), 1, 5, (1, 5)
    )
    out = svg.render(chart)
    # The line breaks at the missing day: one polyline of two points, a lone dot after.
    assert out.count("<polyline") == 1 and 'points="117.0,81.0 263.0,12.0"' in out
    assert out.count("<circle") == 3 and "Mood &lt;b&gt;" in out and "<b>" not in out


def _summary(**extra: object) -> dict:
    return {
        "name": "Ann <i>",
        "generatedAt": "2026-10-20T21:00:00+00:00",
        "timezone": "UTC",
        "period": {"start": "2026-10-19", "end": "2026-10-20", "days": 2},
        "mood": {"average": None, "days": 0, "daily": {}, "weekly": []},
        "sleep": {"averageScore": None, "averageHours": None, "nights": 0, "daily": [],
                  "weeklyScore": [], "weeklyHours": []},
        "questionnaires": [],
        "assessments": [],
        "item9": [],
        "done": {"checkins": 0, "journalEntries": 1, "gratitude": 0, "breathingMinutes": 0,
                 "breathingSessions": 0, "sleepNights": 0, "activeDays": 1, "days": 2,
                 "longestGap": 1},
        "journal": None,
        **extra,
    }  # fmt: skip


def test_every_written_string_is_escaped_in_html_and_markdown() -> None:
    entry = {"date": "2026-10-20", "time": "09:00", "mood": 3, "tags": ["a|b"],
             "text": "<script>alert(1)</script>\n# not a heading"}  # fmt: skip
    plan = {"exists": True, "copingStrategies": ["<img src=x>"], "helpers": [
        {"name": "Sam & <co>", "phone": "555"}]}  # fmt: skip
    doc = document.build(_summary(journal=[entry]), plan)
    page = html.render(doc)
    assert "<script" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Sam &amp; &lt;co&gt;: 555" in page
    text = markdown.render(doc)
    assert "<script" not in text and "<img" not in text and "Ann &lt;i>" in text
    assert "\\# not a heading" in text and "tags: a|b" in text


def test_the_not_a_diagnosis_note_comes_first() -> None:
    doc = document.build(_summary())
    assert doc.blocks[0].kind == "note" and "not a diagnosis" in doc.blocks[0].text
    assert not any(b.text == "Safety plan" for b in doc.blocks)  # none given: none shown


def test_change_in_words() -> None:
    q = {"instrument": "GAD-7", "results": 3, "change": 5, "direction": "worse",
         "reliable": True, "clinicallySignificant": False, "threshold": 4,
         "first": {"total": 4, "severity": "minimal", "date": "2026-09-01"},
         "latest": {"total": 9, "severity": "mild", "date": "2026-10-01"}}  # fmt: skip
    assert document.change_sentence(q) == (
        "GAD-7: 4 (minimal) on 2026-09-01 to 9 (mild) on 2026-10-01, 3 results, a change "
        "of +5: reliable worsening (±4 or more)."
    )


def test_markdown_text_stays_text() -> None:
    assert mdtext.inline("tea & cake <b> &amp;") == "tea & cake &lt;b> &amp;amp;"
    assert mdtext.cell("a | b\nc") == "a \\| b c"
    assert mdtext.paragraphs("- one\n2. two\n> three\nfour") == (
        "\\- one  \n2\\. two  \n\\> three  \nfour"
    )


def test_the_markdown_export_goes_by_year_month_and_local_time() -> None:
    document_ = {
        "user": {"timezone": "Europe/Berlin"},
        "entries": {
            "mood_journal": [
                {"at": "2025-12-31T23:30:00+00:00", "text": "New year <3", "mood": 4,
                 "tags": ["party"]},
                {"at": "2025-12-30T08:00:00+00:00", "text": "", "mood": None, "tags": []},
            ],
            "gratitude": [{"at": "2025-12-31T10:00:00+00:00", "items": ["Tea", "# Rain"]}],
            "sleep": [{"date": "2025-12-30", "score": 7}],
        },
    }  # fmt: skip
    assert md_export.render(document_) == (
        "# 2025\n\n## December\n\n"
        "### 2025-12-30 09:00\n\n"
        "### 2025-12-31 11:00 · Grateful for\n\n- Tea\n- \\# Rain\n\n"
        "# 2026\n\n## January\n\n"
        "### 2026-01-01 00:30 · mood 4/5 (good) · #party\n\nNew year &lt;3\n"
    )
    assert md_export.render({"user": {}, "entries": {}}) == "No journal or gratitude entries yet.\n"


def test_the_summary_reads_days_in_the_persons_zone() -> None:
    span = Period(date(2026, 10, 1), date(2026, 10, 2))
    entries = {
        "journal": [
            {"at": "2026-10-02T03:00:00+00:00", "mood": 2, "text": "late", "tags": ["checkin"]},
            {"at": "2026-10-02T15:00:00+00:00", "mood": 4, "text": "", "tags": []},
        ],
        "sleep": [{"date": "2026-10-01", "score": 6, "hours": 7.5}],
        "gratitude": [],
        "breathing": [],
        "assessments": [_result("PHQ-9", 12, "2026-10-02T02:00:00+00:00", [0] * 9)],
    }
    out = summary.build(span, "America/New_York", entries, checkin_tag="checkin")
    # 03:00 UTC is 23:00 the day before in New York (UTC-4 in October).
    assert out["mood"]["daily"] == {"2026-10-01": 2.0, "2026-10-02": 4.0}
    assert (out["mood"]["average"], out["sleep"]["averageHours"]) == (3.0, 7.5)
    assert out["questionnaires"][0]["first"]["date"] == "2026-10-01"
    assert out["done"]["checkins"] == 1 and out["journal"] is None
    kept = summary.build(span, "America/New_York", entries, checkin_tag="x", include_journal=True)
    assert [(e["date"], e["time"], e["text"]) for e in kept["journal"]] == [
        ("2026-10-01", "23:00", "late"),
        ("2026-10-02", "11:00", ""),
    ]
