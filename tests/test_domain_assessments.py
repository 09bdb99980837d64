"""PHQ-9 and GAD-7: wording shape, bands, item 9, reliable change, input parsing."""

from __future__ import annotations

import itertools

import pytest

from psymitrix_cli.domain import assessments as a
from psymitrix_cli.domain.crisis import crisis_message, crisis_resources
from psymitrix_cli.errors import InvalidInput

PHQ9 = a.INSTRUMENTS["phq9"]
GAD7 = a.INSTRUMENTS["gad7"]


def test_instruments_are_complete_and_consistent() -> None:
    assert (len(PHQ9.items), PHQ9.max_total, PHQ9.name) == (9, 27, "PHQ-9")
    assert (len(GAD7.items), GAD7.max_total, GAD7.name) == (7, 21, "GAD-7")
    for instrument in (PHQ9, GAD7):
        assert len(instrument.item_loinc) == len(instrument.items)
        assert len(instrument.choices) == len(instrument.answer_loinc) == 4
        assert len(instrument.difficulty_choices) == 4
        assert instrument.framing.startswith("Over the last 2 weeks")
        # Bands tile 0..max with no gap or overlap.
        edges = [(low, high) for low, high, _ in instrument.bands]
        assert edges[0][0] == 0 and edges[-1][1] == instrument.max_total
        assert all(prev[1] + 1 == nxt[0] for prev, nxt in itertools.pairwise(edges))
    assert (PHQ9.loinc_panel, PHQ9.loinc_total) == ("44249-1", "44261-6")
    assert (GAD7.loinc_panel, GAD7.loinc_total) == ("69737-5", "70274-6")
    assert PHQ9.item_loinc[8] == "44260-8"
    assert (PHQ9.counter, GAD7.counter) == ("depressionTestCount", "anxietyTestCount")


@pytest.mark.parametrize("key", ["phq9", "PHQ-9", "Phq9", "gad7", "GAD-7", "gad-7"])
def test_get_instrument_accepts_both_spellings(key: str) -> None:
    assert a.get_instrument(key).key in {"phq9", "gad7"}


def test_get_instrument_unknown_names_the_choices() -> None:
    with pytest.raises(InvalidInput, match=r"phq9.*gad7"):
        a.get_instrument("bdi")


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_edges(total: int, band: str) -> None:
    assert a.severity(PHQ9, total) == band


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_band_edges(total: int, band: str) -> None:
    assert a.severity(GAD7, total) == band


@pytest.mark.parametrize(("instrument", "total"), [(PHQ9, 28), (PHQ9, -1), (GAD7, 22)])
def test_severity_out_of_range(instrument: a.Instrument, total: int) -> None:
    with pytest.raises(InvalidInput):
        a.severity(instrument, total)


def test_item9_at_one_shows_crisis_resources_whatever_the_total() -> None:
    answers = (0, 0, 0, 0, 0, 0, 0, 0, 1)
    assert sum(answers) == 1 and a.severity(PHQ9, 1) == "minimal"
    assert a.needs_crisis_resources(PHQ9, answers)
    assert a.needs_crisis_resources(PHQ9, (0,) * 8 + (3,))


def test_item9_at_zero_needs_no_crisis_resources_even_at_a_high_total() -> None:
    answers = (3,) * 8 + (0,)
    assert sum(answers) == 24 and a.severity(PHQ9, 24) == "severe"
    assert not a.needs_crisis_resources(PHQ9, answers)


def test_gad7_never_triggers_crisis_resources() -> None:
    assert not a.needs_crisis_resources(GAD7, (3,) * 7)


@pytest.mark.parametrize(
    ("instrument", "previous", "total", "reliable"),
    [
        (PHQ9, 10, 14, False),
        (PHQ9, 10, 15, True),
        (PHQ9, 15, 10, True),
        (PHQ9, 14, 10, False),
        (GAD7, 10, 13, False),
        (GAD7, 10, 14, True),
        (GAD7, 14, 10, True),
        (GAD7, 13, 10, False),
    ],
)
def test_reliable_change_thresholds(
    instrument: a.Instrument, previous: int, total: int, reliable: bool
) -> None:
    change = a.change_from(instrument, previous, total)
    assert change is not None
    assert change.delta == total - previous
    assert change.reliable is reliable
    assert change.to_json() == {
        "previous": previous,
        "delta": total - previous,
        "reliable": reliable,
    }


def test_first_result_has_no_change() -> None:
    assert a.change_from(PHQ9, None, 12) is None


def test_parse_answers_accepts_spaces() -> None:
    assert a.parse_answers(PHQ9, "0, 1,2 ,3,0,1,2,3, 0") == (0, 1, 2, 3, 0, 1, 2, 3, 0)
    assert a.parse_answers(GAD7, "3,3,3,3,3,3,3") == (3,) * 7


@pytest.mark.parametrize(
    "text",
    [
        "0,0,0,0,0,0,0,0",  # 8 answers
        "0,0,0,0,0,0,0,0,0,0",  # 10 answers
        "0,0,0,0,0,0,0,0,4",
        "0,0,0,0,0,0,0,0,-1",
        "0,0,0,0,0,0,0,0,a",
        "",
        "   ",
        "0,0,0,0,0,0,0,0,1.5",
        "0,0,0,0,0,0,0,,0",
    ],
)
def test_parse_answers_rejects_bad_input(text: str) -> None:
    with pytest.raises(InvalidInput) as err:
        a.parse_answers(PHQ9, text)
    message = err.value.message
    assert "PHQ-9 needs exactly 9 answers, each 0-3" in message
    assert "\n" not in message


def test_parse_answers_says_how_many_it_got() -> None:
    with pytest.raises(InvalidInput, match="got 8"):
        a.parse_answers(PHQ9, "0,0,0,0,0,0,0,0")


@pytest.mark.parametrize(
    "answers", [[0] * 6, [0] * 8, [0] * 6 + [True], [0] * 6 + [1.0], [0] * 6 + ["1"], "0000000"]
)
def test_validate_answers_rejects_bad_lists(answers: list[object]) -> None:
    with pytest.raises(InvalidInput):
        a.validate_answers(GAD7, answers)  # type: ignore[arg-type]


def test_validate_difficulty() -> None:
    assert a.validate_difficulty(None) is None
    assert a.validate_difficulty(0) == 0 and a.validate_difficulty(3) == 3
    for bad in (-1, 4, True):
        with pytest.raises(InvalidInput):
            a.validate_difficulty(bad)


def test_next_step_for_every_band_is_gentle_and_specific() -> None:
    for instrument in (PHQ9, GAD7):
        for _, _, band in instrument.bands:
            assert a.next_step(instrument, band)
    assert "psymitrix breathe" in a.next_step(GAD7, "mild")
    assert "professional" in a.next_step(PHQ9, "moderate")
    with pytest.raises(InvalidInput):
        a.next_step(GAD7, "moderately severe")
    assert a.SCREENING_NOTE == "This is a screening, not a diagnosis."
    assert a.RETAKE_WINDOW_DAYS == 14 and "2 weeks" in a.RETAKE_NOTE


def test_crisis_resources_include_the_local_line_only_when_set() -> None:
    base = crisis_resources(None)
    assert [r.contact for r in base][:2] == [
        "Call or text 988",
        "https://www.iasp.info/crisis-centres-helplines/",
    ]
    assert crisis_resources("  ") == base
    assert crisis_resources("Samaritans 116 123")[-1].contact == "Samaritans 116 123"
    message = crisis_message("Samaritans 116 123")
    for needle in ("988", "iasp.info", "Samaritans 116 123", "AI", "stays open"):
        assert needle in message
    assert crisis_message(None) == crisis_message(None)
