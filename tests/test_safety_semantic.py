"""The semantic layer of the safety screen, with the weights as shipped (never retrained
here): it ships, it reads word pieces the way its trainer did, and it only ever raises a
concern the layers before it found to acute."""

from __future__ import annotations

import gzip
import subprocess
import tomllib
from importlib.resources import files
from pathlib import Path

from psymitrix_cli.domain.safety import learned, rules, screen_message, semantic
from psymitrix_cli.domain.safety.learned_features import segments
from tests.driver import Cli

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "psymitrix_cli.domain.safety"
# Found concern by the rules and the n-gram layer; the semantic layer reads it as acute
# (a line of the evaluation set, which is never trained on).
RAISED = "I filled my insulin pens and I know how much would be too much. Tonight."
PANEL = "You don't have to go through this alone"


def _before(text: str) -> str:
    """The tier the layers before the semantic one give `text`."""
    return learned.raise_tier(text, rules.screen_message(text)).tier


def test_the_weights_ship_inside_the_package_and_are_tracked() -> None:
    resource = files(PACKAGE).joinpath(semantic.MESSAGE_FILE)
    assert resource.read_bytes()[:2] == b"\x1f\x8b"  # gzip
    assert 100_000 < len(resource.read_bytes()) < 3_000_000
    rel = f"psymitrix_cli/domain/safety/{semantic.MESSAGE_FILE}"
    tracked = subprocess.run(["git", "ls-files", rel], cwd=REPO, capture_output=True, text=True)
    assert tracked.stdout.strip() == rel, "the model must be committed, or installs lack it"
    wheel = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    assert rel in wheel["targets"]["wheel"]["artifacts"]


def test_the_shipped_weights_parse_and_round_trip() -> None:
    blob = gzip.decompress(files(PACKAGE).joinpath(semantic.MESSAGE_FILE).read_bytes())
    model = semantic.Model.from_bytes(blob)
    assert model.to_bytes() == blob
    assert model.classes == ["none", "concern", "acute"]
    assert 0.5 <= model.thresholds["acute"] < 1
    assert len(model.table) == len(model.piece_id) * model.width


def test_word_pieces_spell_the_words_back() -> None:
    model = semantic.message_model()
    names = {i: p for p, i in model.piece_id.items()}
    for text in ("I have been saving my tablets", "im gonna do it tonite", "zzqx overdosed"):
        for segment in segments(text):
            pieces = model.pieces(segment)
            spelled = "".join(names[i] for i in pieces).replace(semantic.WORD_START, " ")
            assert spelled.split() == segment.split()
    # Greedy longest match: a common word is one piece, not its letters.
    assert [len(model.pieces(w)) for w in ("die", "night", "tablets")] == [1, 1, 2]


def test_scores_are_probabilities_and_empty_text_scores_nothing() -> None:
    model = semantic.message_model()
    for text in (RAISED, "a calm walk by the sea. then tea. then bed.", "!!!", ""):
        scores = model.scores(text)
        assert set(scores) == {"none", "concern", "acute"}
        assert all(0.0 <= p <= 1.0 for p in scores.values())
    assert model.scores("!!!") == dict.fromkeys(model.classes, 0.0)


def test_a_concern_it_reads_as_acute_is_raised() -> None:
    assert _before(RAISED) == "concern"  # else this test would prove nothing
    assert semantic.message_model().scores(RAISED)["acute"] >= 0.8
    found = screen_message(RAISED)
    assert (found.tier, found.kind) == ("acute", "suicidal_ideation")


def test_text_found_ordinary_or_acute_is_never_read() -> None:
    # The same words, said to be found none or acute already, are left alone: the layer
    # only ever raises concern, so an ordinary entry never even loads the model.
    for found in ("none", "acute"):
        assert semantic.message_tier(RAISED, found) is None
    assert semantic.message_tier(RAISED, "concern") == "acute"
    assert semantic.message_tier("   ", "concern") is None
    calm = "We had a lovely dinner and talked about moving house"
    assert _before(calm) == "none" and screen_message(calm).tier == "none"


def test_the_journal_shows_the_crisis_panel_for_what_it_raises(cli: Cli) -> None:
    cli.signup()
    out = cli.ok("journal", "add", RAISED, "--mood", "4")
    assert PANEL in out.stdout and "988" in out.stdout
    entry = cli.ok("journal", "add", RAISED, "--json").json()
    assert entry["safetyTier"] == "acute" and entry["safetyKind"] == "suicidal_ideation"
