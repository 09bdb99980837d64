"""Train the learned reply layer and write psymitrix_cli/domain/safety/reply_model.bin.gz.

    pip install scikit-learn             # build time only, never at run time
    python safety/train_reply.py         # cross-validate, measure, write the model

A binary logistic regression (harmful vs safe model reply) over the same hashed
character 3-5-grams and word 1-2-grams the message layer reads
(`domain/safety/learned_features.py`), present or absent, over the whole reply. It is
trained on the hand-written replies in `safety/corpus/replies_*.txt` (independent authors
who never saw the rules; "## harmful <family>" / "## safe <family>" sections), never on
`safety/eval/replies/` or `safety/heldout/`, which are only measured.

The threshold is chosen by 5-fold cross-validation on the training replies alone: the
lowest P(harmful) at which no more than FALSE_WITHHELD of the safe replies, each scored by
a model that did not see it, would be withheld. The authors wrote those safe replies as
near twins of harmful ones (real doses, knives in cooking, bridges), so this is a hard
bar. A second, lower threshold (at most FALSE_WITHHELD_CAREFUL) is used once the
conversation has shown risk. What ships is int8 weights with one scale and the bias;
scoring is a sum and a sigmoid, stdlib only (`domain/safety/reply_learned.py`).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from array import array
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from psymitrix_cli.domain.safety import reply_learned  # noqa: E402
from psymitrix_cli.domain.safety.reply import screen_reply  # noqa: E402

CORPUS = ROOT / "safety" / "corpus"
EVAL = ROOT / "safety" / "eval" / "replies"
OUT = ROOT / "psymitrix_cli" / "domain" / "safety" / reply_learned.MODEL_FILE
C = 4.0
FALSE_WITHHELD = 0.05  # of the training authors' safe near twins, out of fold
# Once a conversation has shown risk (the reply screen's `careful`), a wrongly withheld
# reply costs the person the safe message and a harmful one could cost much more.
FALSE_WITHHELD_CAREFUL = 0.15
# Chosen instead on a stranger's replies (safety/tuning/replies, round 20): at the
# out-of-fold 0.892 the layer added little there; at 0.5 it withholds 81 -> 92 % of
# round 20's harmful replies and not one more of its safe ones (the eval replies: 99.4 ->
# 97.6 % shown). The training authors' near twins are harder than what a companion says.
TUNED_WITHHOLD_AT = 0.5
FOLDS = 5
SEED = 7


def read_sections(path: Path) -> list[tuple[str, str, str]]:
    """(tier, family, text) from a hand-written file of '## tier family' sections."""
    out, tier, family = [], "", ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            tier, family = line[3:].split()[:2]
        elif line and not line.startswith("#"):
            out.append((tier, family, line))
    return out


def instances(rows: list[tuple[str, str, str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Each reply whole, and each sentence of a safe reply alone (texts, harmful, reply index).

    A harmful reply often opens kindly and slips the harm in later; trained on whole
    replies alone, the model learned that kind openings go with harm. Every sentence of
    a safe reply is safe, so each is also a safe instance; which sentence of a harmful
    reply holds the harm is not labelled, so those stay whole."""
    texts, harmful, index = [], [], []
    for i, (tier, _, text) in enumerate(rows):
        parts = [text] if tier == "harmful" else [text, *_sentences(text)]
        for part in dict.fromkeys(parts):
            texts.append(part)
            harmful.append(tier == "harmful")
            index.append(i)
    return texts, np.array(harmful), np.array(index)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 2]


def matrix(texts: list[str]) -> csr_matrix:
    rows, cols = [], []
    for i, text in enumerate(texts):
        features = reply_learned.features(text)
        rows += [i] * len(features)
        cols += features
    data = np.ones(len(rows), dtype=np.float32)
    return csr_matrix((data, (rows, cols)), shape=(len(texts), reply_learned.MASK + 1))


def fit(x: csr_matrix, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=4000, solver="liblinear").fit(x, y)


def main() -> None:
    rows = [r for path in sorted(CORPUS.glob("replies_*.txt")) for r in read_sections(path)]
    texts, y, index = instances(rows)
    x = matrix(texts)
    whole = np.array([tier == "harmful" for tier, _, _ in rows])
    print(f"{len(rows)} training replies: {int(whole.sum())} harmful, {int((~whole).sum())} safe")
    print(f"  {len(texts)} instances with the safe replies' sentences")

    # Folds by reply, so no sentence is scored by a model that saw its reply.
    out_of_fold = np.zeros(len(rows))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for train_replies, test_replies in folds.split(np.zeros(len(rows)), whole):
        train = np.isin(index, train_replies)
        model = fit(x[train], y[train])
        for i in test_replies:
            out_of_fold[i] = model.predict_proba(matrix([rows[i][2]]))[0, 1]
    safe_scores = np.sort(out_of_fold[~whole])

    def withholding(rate: float) -> float:
        """The lowest P(harmful) that withholds at most `rate` of the safe replies."""
        at = float(safe_scores[int(np.ceil((1 - rate) * len(safe_scores))) - 1])
        return max(at + 1e-6, 0.5)

    oof_at = withholding(FALSE_WITHHELD)
    print(f"out of fold, at most {FALSE_WITHHELD:.0%} of safe replies withheld: {oof_at:.3f}")
    threshold = TUNED_WITHHOLD_AT
    careful_at = min(threshold, withholding(FALSE_WITHHELD_CAREFUL))
    shipped = reply_learned.flags
    reply_learned.flags = lambda text, careful=False: False  # the rules alone
    rules = np.array([screen_reply(text) for _, _, text in rows])
    reply_learned.flags = shipped
    for name, at in (("threshold", threshold), ("careful", careful_at)):
        flagged = out_of_fold >= at
        print(f"{name} P(harmful) >= {at:.3f} (out of fold, {FOLDS} folds):")
        for label, want in (("harmful", whole), ("safe", ~whole)):
            print(
                f"  {label} withheld: rules {rules[want].mean():.1%}, "
                f"model {flagged[want].mean():.1%}, either {(rules | flagged)[want].mean():.1%}"
            )

    final = fit(x, y)
    weights = final.coef_[0]
    scale = float(np.abs(weights).max() / 127) or 1.0
    quantised = array("b", np.clip(np.round(weights / scale), -127, 127).astype(int).tolist())
    header = {
        "bits": reply_learned.BITS,
        "scale": scale,
        "bias": float(final.intercept_[0]),
        "withhold_at": threshold,
        "careful_at": careful_at,
        "trained_on": len(rows),
    }
    payload = reply_learned.Model(header, quantised).to_bytes()
    OUT.write_bytes(gzip.compress(payload, mtime=0))
    print(f"wrote {OUT.name} ({OUT.stat().st_size // 1024} KiB)")

    reply_learned.load.cache_clear()
    measured = [json.loads(line) for path in sorted(EVAL.glob("*.jsonl")) for line in path.open()]
    if measured:
        harmful = [r["text"] for r in measured if r["tier"] == "harmful"]
        safe = [r["text"] for r in measured if r["tier"] == "safe"]
        caught = sum(reply_learned.flags(t) for t in harmful) / len(harmful)
        withheld = sum(reply_learned.flags(t) for t in safe) / len(safe)
        print(f"eval replies (never trained on), the model alone: harmful withheld {caught:.1%},")
        print(f"  safe withheld {withheld:.1%}")


if __name__ == "__main__":
    main()
