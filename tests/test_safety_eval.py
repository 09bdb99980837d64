"""The screen against the hand-written evaluation set in safety/eval/ (kept apart from any
training corpus): the targets of issue 10, through the public `screen_message`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from psymitrix_cli.domain.safety import Screen, rules, screen_message

EVAL = Path(__file__).resolve().parent.parent / "safety" / "eval"


def _load() -> list[dict[str, str]]:
    rows = []
    for path in sorted(EVAL.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                assert set(row) == {"text", "tier", "category"}, f"{path.name}:{number}"
                assert row["tier"] in {"none", "concern", "acute"}, f"{path.name}:{number}"
                rows.append(row)
    return rows


ROWS = _load()


def _tiers(tier: str, screen: Callable[[str], Screen] = screen_message) -> list[tuple[str, str]]:
    return [(r["text"], screen(r["text"]).tier) for r in ROWS if r["tier"] == tier]


def _rate(pairs: list[tuple[str, str]], hit: set[str]) -> float:
    return sum(got in hit for _, got in pairs) / len(pairs)


def test_the_set_is_big_and_varied_enough() -> None:
    counts = {tier: sum(r["tier"] == tier for r in ROWS) for tier in ("acute", "concern", "none")}
    assert counts["acute"] >= 200 and counts["concern"] >= 150 and counts["none"] >= 250
    assert len({r["text"] for r in ROWS}) == len(ROWS), "no message twice"
    assert len({r["category"] for r in ROWS}) >= 25


def _misses(pairs: list[tuple[str, str]], hit: set[str]) -> list[str]:
    return [f"{got}: {text}" for text, got in pairs if got not in hit]


SCREENS = {"screen": screen_message, "rules": rules.screen_message}


@pytest.mark.parametrize("layer", SCREENS)
def test_acute_recall_is_at_least_95_percent(layer: str) -> None:
    pairs = _tiers("acute", SCREENS[layer])
    assert _rate(pairs, {"acute"}) >= 0.95, _misses(pairs, {"acute"})


@pytest.mark.parametrize("layer", SCREENS)
def test_concern_is_flagged_at_least_85_percent(layer: str) -> None:
    pairs = _tiers("concern", SCREENS[layer])
    assert _rate(pairs, {"concern", "acute"}) >= 0.85, _misses(pairs, {"concern", "acute"})


@pytest.mark.parametrize(("flagged", "limit"), [({"acute"}, 0.01), ({"acute", "concern"}, 0.08)])
def test_the_rules_rarely_flag_ordinary_messages(flagged: set[str], limit: float) -> None:
    pairs = _tiers("none", rules.screen_message)
    assert _rate(pairs, flagged) <= limit, _misses(pairs, {"none"})


@pytest.mark.parametrize(("flagged", "limit"), [({"acute"}, 0.01), ({"acute", "concern"}, 0.08)])
def test_the_whole_screen_rarely_flags_ordinary_messages(flagged: set[str], limit: float) -> None:
    pairs = _tiers("none")
    assert _rate(pairs, flagged) <= limit, _misses(pairs, {"none"})


# Where words and the regexes' word boundaries part ways: quotes, apostrophes, scripts.
BOUNDARY_CASES = [
    "lately i catch myself thinking 'i don't want to be here' when i'm washing up",
    "'i want to die' is all i can think",
    "at o'clock'ish i will end it all",
    "मुझे मरना है 'tonight'",
    "i keep saying 'goodbye' to everyone",
]


def test_the_phrase_index_never_skips_a_match() -> None:
    # The index only picks which phrases to try; trying every phrase must agree on every row.
    for text in [row["text"] for row in ROWS] + BOUNDARY_CASES:
        assert rules.screen_message(text) == rules.screen_message(text, everything=True), text


def test_the_stored_phrase_index_is_fresh() -> None:
    # index_*.json saves reading anchors from the rules at start-up; stale, it is ignored.
    from psymitrix_cli.domain.safety import index, rules_intl

    for name, phrases in (
        ("rules", [p for _, p in rules.rules_in_order().items]),
        ("intl", [p for p, _, _ in rules_intl.phrases()]),
    ):
        data = json.loads(Path(index.stored(name)).read_text(encoding="utf-8"))
        assert data["fingerprint"] == index.fingerprint(phrases), (
            'run: python -c "from psymitrix_cli.domain.safety.index import refresh; refresh()"'
        )
        assert data["anchors"] == index.computed(phrases)
