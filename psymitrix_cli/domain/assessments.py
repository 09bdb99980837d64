"""PHQ-9 and GAD-7: wording, scoring, bands and change, exactly as published.

Both instruments are by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt
Kroenke and colleagues, with an educational grant from Pfizer Inc.; no
permission is required to reproduce them. The wording below is the standard
English text and must not be paraphrased: the cut-offs are only valid for it.
LOINC codes follow the LOINC panels 44249-1 (PHQ-9) and 69737-5 (GAD-7).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from psymitrix_cli import messages
from psymitrix_cli.clock import parse_iso
from psymitrix_cli.errors import InvalidInput

# The published stems differ by one phrase: PHQ-9 "by any of the following problems",
# GAD-7 "by the following problems". Each instrument keeps its own.
FRAMING = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
GAD7_FRAMING = "Over the last 2 weeks, how often have you been bothered by the following problems?"
CHOICES = ("Not at all", "Several days", "More than half the days", "Nearly every day")
ANSWER_LOINC = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")
DIFFICULTY_QUESTION = (
    "If you checked off any problems, how difficult have these problems made it for you "
    "to do your work, take care of things at home, or get along with other people?"
)
DIFFICULTY_CHOICES = (
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
)

SCREENING_NOTE = "This is a screening, not a diagnosis."
RETAKE_WINDOW_DAYS = 14
RETAKE_NOTE = (
    f"Both questionnaires ask about the last 2 weeks, so retaking one about every "
    f"{RETAKE_WINDOW_DAYS} days gives the clearest picture of change."
)


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str
    title: str
    framing: str
    items: tuple[str, ...]
    bands: tuple[tuple[int, int, str], ...]
    reliable_change: int
    loinc_panel: str
    loinc_total: str
    item_loinc: tuple[str, ...]
    counter: str
    choices: tuple[str, ...] = CHOICES
    difficulty_question: str = DIFFICULTY_QUESTION
    difficulty_choices: tuple[str, ...] = DIFFICULTY_CHOICES
    answer_loinc: tuple[str, ...] = ANSWER_LOINC

    @property
    def max_total(self) -> int:
        return 3 * len(self.items)


PHQ9 = Instrument(
    key="phq9",
    name="PHQ-9",
    title="Patient Health Questionnaire (PHQ-9)",
    framing=FRAMING,
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself "
        "or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the "
        "opposite — being so fidgety or restless that you have been moving around a lot "
        "more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    bands=(
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 19, "moderately severe"),
        (20, 27, "severe"),
    ),
    reliable_change=5,
    loinc_panel="44249-1",
    loinc_total="44261-6",
    item_loinc=(
        "44250-9",
        "44255-8",
        "44259-0",
        "44254-1",
        "44251-7",
        "44258-2",
        "44252-5",
        "44253-3",
        "44260-8",
    ),
    counter="depressionTestCount",
)

GAD7 = Instrument(
    key="gad7",
    name="GAD-7",
    title="Generalized Anxiety Disorder (GAD-7)",
    framing=GAD7_FRAMING,
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    bands=(
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 21, "severe"),
    ),
    reliable_change=4,
    loinc_panel="69737-5",
    loinc_total="70274-6",
    item_loinc=(
        "69725-0",
        "68509-9",
        "69733-4",
        "69734-2",
        "69735-9",
        "69689-8",
        "69736-7",
    ),
    counter="anxietyTestCount",
)

INSTRUMENTS: dict[str, Instrument] = {PHQ9.key: PHQ9, GAD7.key: GAD7}


def get_instrument(key: str) -> Instrument:
    """Accept "phq9", "PHQ-9", "gad7", "GAD-7" in any case (also "phq_9", "gad 7")."""
    normalised = "".join(ch for ch in key.lower() if ch.isalnum())
    instrument = INSTRUMENTS.get(normalised)
    if instrument is None:
        raise InvalidInput(messages.ASSESSMENT_UNKNOWN.format(key=key))
    return instrument


def _expected(instrument: Instrument) -> str:
    return messages.ASSESSMENT_ANSWERS_EXPECTED.format(
        name=instrument.name, count=len(instrument.items)
    )


def parse_answers(instrument: Instrument, text: str) -> tuple[int, ...]:
    """Parse "0,1,2,3,..." (spaces allowed) into validated answers."""
    parts = [part.strip() for part in text.split(",")] if text.strip() else []
    if len(parts) != len(instrument.items):
        raise InvalidInput(
            messages.ASSESSMENT_ANSWER_COUNT.format(
                expected=_expected(instrument), count=len(parts)
            )
        )
    answers: list[int] = []
    for position, part in enumerate(parts, start=1):
        # isdigit() rejects "-1", "1.5", "" and "a" alike; int() alone would accept " +1".
        if not (part.isascii() and part.isdigit()):
            raise InvalidInput(
                messages.ASSESSMENT_BAD_ANSWER.format(
                    expected=_expected(instrument), position=position, part=part
                )
            )
        answers.append(int(part))
    return validate_answers(instrument, answers)


def validate_answers(instrument: Instrument, answers: Sequence[int]) -> tuple[int, ...]:
    """Check already-parsed answers (e.g. from JSON), rejecting bools and non-ints."""
    if isinstance(answers, str | bytes):
        raise InvalidInput(messages.ASSESSMENT_ANSWERS_TEXT.format(expected=_expected(instrument)))
    if len(answers) != len(instrument.items):
        raise InvalidInput(
            messages.ASSESSMENT_ANSWER_COUNT.format(
                expected=_expected(instrument), count=len(answers)
            )
        )
    for position, value in enumerate(answers, start=1):
        # bool is an int subclass; True as an answer is a client bug, not a 1.
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(
                messages.ASSESSMENT_BAD_ANSWER.format(
                    expected=_expected(instrument), position=position, part=value
                )
            )
        if not 0 <= value <= 3:
            raise InvalidInput(
                messages.ASSESSMENT_ANSWER_RANGE.format(
                    expected=_expected(instrument), position=position, value=value
                )
            )
    return tuple(answers)


def validate_difficulty(value: int | None) -> int | None:
    """The optional difficulty answer: stored, never scored."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
        raise InvalidInput(messages.ASSESSMENT_DIFFICULTY_RANGE.format(value=value))
    return value


def severity(instrument: Instrument, total: int) -> str:
    for low, high, label in instrument.bands:
        if low <= total <= high:
            return label
    raise InvalidInput(
        messages.ASSESSMENT_TOTAL_RANGE.format(
            name=instrument.name, max_total=instrument.max_total, total=total
        )
    )


def needs_crisis_resources(instrument: Instrument, answers: Sequence[int]) -> bool:
    """PHQ-9 item 9 (thoughts of being better off dead or self-harm) at 1 or more.

    This is independent of the total on purpose: a low total with item 9 endorsed
    still warrants resources.
    """
    return instrument.key == PHQ9.key and len(answers) >= 9 and answers[8] >= 1


@dataclass(frozen=True)
class Change:
    previous: int
    delta: int
    reliable: bool

    def to_json(self) -> dict[str, int | bool]:
        return {"previous": self.previous, "delta": self.delta, "reliable": self.reliable}


def change_from(instrument: Instrument, previous_total: int | None, total: int) -> Change | None:
    """Change since the previous result, or None for a first result."""
    if previous_total is None:
        return None
    delta = total - previous_total
    return Change(
        previous=previous_total,
        delta=delta,
        reliable=abs(delta) >= instrument.reliable_change,
    )


_NEXT_STEPS = {
    "minimal": (
        "Your answers suggest few symptoms right now. Keep doing what helps you, "
        "and check in again in a couple of weeks if you'd like."
    ),
    "mild": (
        "Some of this may be weighing on you. Small daily habits can help: try "
        "`psymitrix breathe` or `psymitrix journal`, and retake this in 2 weeks to see "
        "how things change."
    ),
    "moderate": (
        "This is a lot to carry. It could help to talk it over with a GP or a "
        "mental-health professional, alongside the things that already help you."
    ),
    "moderately severe": (
        "This sounds hard. Please consider talking with a GP or a mental-health "
        "professional soon; they can help you find support that fits."
    ),
    "severe": (
        "This sounds really hard, and you don't have to handle it alone. Please "
        "consider reaching out to a GP or a mental-health professional soon."
    ),
}


# PHQ-9 item 9 endorsed: whatever the total, the next step is about safety, never
# "few symptoms right now".
ITEM9_NEXT_STEP = (
    "You said you have had thoughts of being better off dead or of hurting yourself. "
    "That matters whatever your total is. Please talk to someone today: a crisis line "
    "(call or text 988 in the US), your GP or a mental-health professional, or someone you trust. "
    "`psymitrix help-now` shows the lines and your safety plan at any time."
)


def next_step(instrument: Instrument, severity: str, *, crisis: bool = False) -> str:
    """A gentle, non-diagnostic suggestion for a band of this instrument (or, when
    item 9 is endorsed, the safety next step)."""
    if severity not in {label for _, _, label in instrument.bands}:
        raise InvalidInput(
            messages.ASSESSMENT_NO_BAND.format(name=instrument.name, severity=severity)
        )
    return ITEM9_NEXT_STEP if crisis else _NEXT_STEPS[severity]


# Results: the one place a result is assembled, with or without an account.


def _ago(delta: timedelta) -> str:
    days = max(0, delta.days)
    if days == 0:
        return "less than a day ago"
    return "1 day ago" if days == 1 else f"{days} days ago"


def retake_note(instrument: Instrument, taken_at: str, previous_at: str | None) -> str | None:
    """The 2-week-window note, when the previous result is less than 14 days old."""
    if previous_at is None:
        return None
    delta = parse_iso(taken_at) - parse_iso(previous_at)
    if delta >= timedelta(days=RETAKE_WINDOW_DAYS):
        return None
    return messages.ASSESSMENT_RETAKE.format(
        instrument=instrument.name, ago=_ago(delta), note=RETAKE_NOTE
    )


def interpretation(
    instrument: Instrument,
    total: int,
    band: str,
    taken_at: str,
    previous: Mapping[str, Any] | None,
    *,
    crisis: bool = False,
) -> dict[str, Any]:
    """Change, next step and retake note: what a result means beside its total."""
    previous_total = None if previous is None else int(previous["total"])
    change = change_from(instrument, previous_total, total)
    return {
        "change": None if change is None else change.to_json(),
        "nextStep": next_step(instrument, band, crisis=crisis),
        "retakeNote": retake_note(
            instrument, taken_at, None if previous is None else previous["takenAt"]
        ),
    }


def build_result(
    instrument: Instrument,
    answers: Sequence[int],
    difficulty: int | None,
    taken_at: str,
    previous: Mapping[str, Any] | None = None,
    entry_id: str | None = None,
) -> dict[str, Any]:
    """Score validated answers; `previous` is the person's last result of this instrument."""
    checked = validate_answers(instrument, answers)
    level = validate_difficulty(difficulty)
    total = sum(checked)
    band = severity(instrument, total)
    crisis = needs_crisis_resources(instrument, checked)
    return {
        "id": entry_id,
        "instrument": instrument.name,
        "answers": list(checked),
        "total": total,
        "severity": band,
        "difficulty": level,
        "crisis": crisis,
        "takenAt": taken_at,
        **interpretation(instrument, total, band, taken_at, previous, crisis=crisis),
    }


def demo_result(
    instrument: str, answers: Sequence[int], difficulty: int | None, taken_at: str
) -> dict[str, Any]:
    """A result for someone without an account: scored and shown, never stored."""
    return build_result(get_instrument(instrument), answers, difficulty, taken_at)
