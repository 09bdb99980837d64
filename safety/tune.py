"""Choose where the learned layers raise a tier to acute, on safety/tuning/ (round 20).

The trainers choose their thresholds on the corpus's own out-of-fold ordinary rows,
which were written beside the acute rows they mirror and so are easier than what a
stranger writes. On a stranger's writing (round 20, measured as held out before it came
here) most acute messages the screen missed had been read as concern, with the learned
layers close behind. This prints, for a grid of the two thresholds that act once the
rules have found concern (the n-gram layer's `acute_at`, the semantic layer's `acute`),
then of the n-gram layer's `alone_at` (the rules found nothing), the figures on the
tuning set and on the evaluation set, and with --write stores the chosen three in the
shipped models' headers (no retraining; train.py and train_semantic.py start from the
same: TUNED_ACUTE_AT, TUNED_ALONE_AT and ACUTE_AT).

The rule for choosing: the lowest thresholds at which ordinary -> acute stays where it
is on the tuning set and within the 1 % target on the evaluation set, with no more than
one concern message in eight read as acute on the tuning set (a person at concern is
better met with the resources line and a careful reply than with the crisis panel);
where a lower one finds no more acute messages on the tuning set, the higher is kept.

It also prints a grid of the n-gram layer's `flag_at` (where it raises none to concern);
the rule there: the lowest at which ordinary -> acute stays where it is on the tuning set
and within 1 % on the evaluation set (a message raised to concern meets the n-gram
layer's lower acute_at), and ordinary -> flagged stays within 5 % on both sets (the
target is 8 %; the margin is for writing unlike either), stored with --flag-at.

Run: python safety/tune.py [--write NGRAM SEMANTIC ALONE] [--flag-at FLAG]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from psymitrix_cli.domain.safety import MODEL_ACUTE_WORDS, learned, rules, semantic  # noqa: E402

TIERS = ("none", "concern", "acute")


class Row(NamedTuple):
    gold: str
    rules: str
    lowered: bool
    ngram: learned.Scores
    semantic: float
    words: int


def rows(folder: Path) -> list[Row]:
    ngram, sem = learned.model(), semantic.message_model()
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text, gold = json.loads(line)["text"], json.loads(line)["tier"]
                acute = sem.scores(text)["acute"] if text.strip() else 0.0
                found = rules.screen_message(text)
                row = Row(
                    gold, found.tier, found.lowered, ngram.scores(text), acute, len(text.split())
                )
                out.append(row)
    return out


def tier(row: Row, ngram_at: float, semantic_at: float) -> str:
    """screen_message's combination (domain/safety/__init__.py), with these thresholds."""
    m = learned.model()
    if row.rules == "acute" or row.lowered:
        return row.rules
    found = row.rules
    if row.ngram.acute >= (ngram_at if found == "concern" else m.alone_at):
        raised = "acute"
    else:
        raised = "concern" if row.ngram.flagged >= m.flag_at else "none"
    found = max(found, raised, key=TIERS.index)
    if found == "concern" and row.semantic >= semantic_at:
        found = "acute"
    if found == "acute" and row.words < MODEL_ACUTE_WORDS:
        found = "concern"
    return found


def figures(data: list[Row], ngram_at: float, semantic_at: float) -> dict[str, float]:
    got = [(r.gold, tier(r, ngram_at, semantic_at)) for r in data]

    def rate(gold: str, hit: set[str]) -> float:
        picked = [t for g, t in got if g == gold]
        return sum(t in hit for t in picked) / max(1, len(picked))

    return {
        "acute": rate("acute", {"acute"}),
        "concern": rate("concern", {"concern", "acute"}),
        "concern->acute": rate("concern", {"acute"}),
        "ord->acute": rate("none", {"acute"}),
        "ord flagged": rate("none", {"concern", "acute"}),
    }


def _acute_tail(e: dict[str, float]) -> str:
    return f"eval acute {e['acute']:.1%} ord->acute {e['ord->acute']:.2%}"


def _flag_tail(e: dict[str, float]) -> str:
    return (
        f"eval concern {e['concern']:.1%} ord flagged {e['ord flagged']:.2%}"
        f" ord->acute {e['ord->acute']:.2%}"
    )


def sweep(
    m: learned.Model,
    attr: str,
    values: set[float],
    label: str,
    tuning: list[Row],
    evaluation: list[Row],
    shipped: tuple[float, float],
    tail: Callable[[dict[str, float]], str],
) -> None:
    """Print the figures at each value of one of the loaded n-gram model's thresholds (the
    shipped one too), then put the shipped one back."""
    kept = getattr(m, attr)
    for value in sorted({round(kept, 3), *values}, reverse=True):
        setattr(m, attr, value)  # tier() reads it from the loaded model
        t, e = figures(tuning, *shipped), figures(evaluation, *shipped)
        shown = " ".join(f"{v:6.1%}" for v in t.values())
        print(f"{label} {value:5.3f}    {shown}  | {tail(e)}")
    setattr(m, attr, kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", nargs=3, type=float, metavar=("NGRAM", "SEMANTIC", "ALONE"))
    parser.add_argument("--flag-at", type=float, metavar="FLAG")
    args = parser.parse_args()
    tuning, evaluation = rows(ROOT / "safety" / "tuning"), rows(ROOT / "safety" / "eval")
    shipped = (learned.model().acute_at, semantic.message_model().thresholds["acute"])
    print(f"shipped: n-gram acute_at {shipped[0]:.3f}, semantic acute {shipped[1]:.3f}")
    print(f"{'n-gram':>7} {'semantic':>8}  tuning: " + " / ".join(figures(tuning, *shipped)))
    for ngram_at in sorted({round(shipped[0], 3), 0.8, 0.7, 0.6, 0.5}, reverse=True):
        for semantic_at in (0.8, 0.7, 0.6, 0.5, 0.4):
            t, e = (
                figures(tuning, ngram_at, semantic_at),
                figures(evaluation, ngram_at, semantic_at),
            )
            shown = " ".join(f"{v:6.1%}" for v in t.values())
            print(f"{ngram_at:7.3f} {semantic_at:8.2f}  {shown}  | {_acute_tail(e)}")
    m = learned.model()
    alone = {0.95, 0.93, 0.9, 0.875, 0.85}
    sweep(m, "alone_at", alone, "alone", tuning, evaluation, shipped, _acute_tail)
    flags = {0.85, 0.825, 0.8, 0.775, 0.75, 0.7, 0.6}  # where it raises none to concern
    sweep(m, "flag_at", flags, "flag ", tuning, evaluation, shipped, _flag_tail)
    if args.flag_at is not None:
        m.header["flag_at"] = args.flag_at
        safety = ROOT / "psymitrix_cli" / "domain" / "safety"
        (safety / learned.MODEL_FILE).write_bytes(m.to_bytes())
        print(f"wrote n-gram flag_at {args.flag_at}")
    if args.write:
        ngram_at, semantic_at, alone_at = args.write
        safety = ROOT / "psymitrix_cli" / "domain" / "safety"
        m.header.update(acute_at=ngram_at, alone_at=alone_at)
        (safety / learned.MODEL_FILE).write_bytes(m.to_bytes())
        s = semantic.message_model()
        s.header["thresholds"] = {**s.header["thresholds"], "acute": semantic_at}
        packed = gzip.compress(s.to_bytes(), compresslevel=9, mtime=0)
        (safety / semantic.MESSAGE_FILE).write_bytes(packed)
        print(f"wrote n-gram acute_at {ngram_at} (alone {alone_at}), semantic acute {semantic_at}")


if __name__ == "__main__":
    main()
