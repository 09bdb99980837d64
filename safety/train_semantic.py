"""Train the semantic safety layer and write its two model files.

    pip install wordllama==0.4.0.post1 scikit-learn   # build time only, never at run time
    python safety/train_semantic.py            # write the model
    python safety/train_semantic.py --check    # and score held-out folds first

Where the embeddings come from: the WordLlama package ships a 256-dimension static token
embedding table (`l2_supercat_256`, 32,000 word pieces of the Llama 2 vocabulary) inside
its wheel, so building needs no download. Only the pieces that normalised text can match
(lower-case ASCII letters and digits) are kept. A one-hidden-layer network (64 ReLU
units) is trained on the mean embedding of each training instance; what ships is each
piece's embedding multiplied by the first layer, int8 with one scale per unit, plus the
second layer: the same network, evaluated as a sum of rows (`domain/safety/semantic.py`).

Training data (never safety/eval/, which is only measured): safety/corpus/*.jsonl less
safety/train.py's test split; instances shaped like what is scored (a short text is one; a
long ordinary text gives each sentence and pair; a long risky text is skipped, since which
sentence holds the risk is unlabelled).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from array import array
from itertools import pairwise
from pathlib import Path
from typing import Any
from zlib import crc32

import numpy as np
import wordllama
from safetensors.numpy import load_file
from sklearn.neural_network import MLPClassifier

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from psymitrix_cli.domain.safety import semantic  # noqa: E402
from psymitrix_cli.domain.safety.learned_features import segments  # noqa: E402

CORPUS = ROOT / "safety" / "corpus"
OUT = ROOT / "psymitrix_cli" / "domain" / "safety"
HIDDEN = int(os.environ.get("HIDDEN", 64))
ALPHA = float(os.environ.get("ALPHA", 1.0))
ITERS = int(os.environ.get("ITERS", 60))
FOLDS = 5
SEED = 7
# P(acute) needed to raise a message the layers before found concern to acute. Chosen on
# eval rounds 16-18 screened by the rules as they were before those rounds (so neither
# layer had seen them); lowered to 0.7 by safety/tune.py on safety/tuning/ (round 20), and
# back to 0.8 when author k's lines came in (safety/tune.py's rule). The layer reads
# nothing the layers before found ordinary: on those rounds, raising none to concern or
# acute added false alarms faster than it found risk.
ACUTE_AT = 0.8
_KEEP = re.compile(f"^{semantic.WORD_START}?[a-z0-9]+$")


def embeddings() -> tuple[list[str], np.ndarray]:
    """The pieces normalised text can match, and their embeddings (float32)."""
    here = Path(wordllama.__file__).parent
    table = load_file(str(here / "weights" / "l2_supercat_256.safetensors"))
    matrix = table["embedding.weight"].astype(np.float32)
    config = json.loads((here / "tokenizers" / "l2_supercat_tokenizer_config.json").read_text())
    vocab: dict[str, int] = config["model"]["vocab"]
    kept = sorted((i, p) for p, i in vocab.items() if _KEEP.match(p))
    return [p for _, p in kept], matrix[[i for i, _ in kept]]


class Features:
    """Mean embeddings of spans, pieces found by the shipped tokenizer."""

    def __init__(self, pieces: list[str], matrix: np.ndarray) -> None:
        header = {"classes": ["x"], "width": 1, "scale": [1], "bias1": [0], "weights2": [[0]]}
        header |= {"bias2": [0], "thresholds": {}, "pieces": pieces}
        self.tokens = semantic.Model(header, array("b", bytes(len(pieces))))
        self.matrix = matrix

    def ids(self, segment: str) -> list[int]:
        return self.tokens.pieces(segment)

    def mean(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self.matrix.shape[1], np.float32)
        return self.matrix[ids].mean(0)

    def spans(self, text: str) -> list[list[int]]:
        """What inference scores: each sentence, each adjacent pair, the whole text."""
        per = [p for p in (self.ids(s) for s in segments(text)) if p]
        spans = per + [a + b for a, b in pairwise(per)]
        if len(per) > 2:
            spans.append([i for p in per for i in p])
        return spans

    def instances(self, rows: list[dict[str, Any]], labels: list[str]) -> tuple[Any, Any]:
        xs, ys = [], []
        for row in rows:
            label = labels.index(row["tier"])
            per = [p for p in (self.ids(s) for s in segments(row["text"])) if p]
            if not per:
                continue
            if len(per) <= 3:
                xs.append(self.mean([i for p in per for i in p]))
                ys.append(label)
            elif label == 0:
                for span in self.spans(row["text"]):
                    xs.append(self.mean(span))
                    ys.append(0)
        return np.array(xs), np.array(ys)

    def best(self, net: MLPClassifier, texts: list[str]) -> np.ndarray:
        """Per text, the highest probability of each class over its spans."""
        out = np.zeros((len(texts), len(net.classes_)))
        for n, text in enumerate(texts):
            spans = self.spans(text)
            if spans:
                out[n] = net.predict_proba(np.array([self.mean(s) for s in spans])).max(0)
        return out


def network() -> MLPClassifier:
    return MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, max_iter=ITERS, random_state=SEED
    )


def threshold(scores: np.ndarray, rate: float, floor: float) -> float:
    """The lowest threshold that at most `rate` of ordinary scores reach (never below floor)."""
    ranked = np.sort(scores)[::-1]
    allowed = int(rate * len(ranked))
    cut = float(ranked[allowed]) if allowed < len(ranked) else 0.0
    return max(floor, cut + 1e-6)


def fold_of(group: str) -> int:
    return crc32(group.encode()) % 10 % FOLDS


def pack(net: MLPClassifier, feats: Features, classes: list[str], info: dict[str, Any]) -> bytes:
    projected = feats.matrix @ net.coefs_[0]  # pieces x hidden: the first layer, done once
    scale = np.abs(projected).max(0) / 127.0
    scale[scale == 0] = 1.0
    table = np.clip(np.rint(projected / scale), -127, 127).astype(np.int8)
    weights2, bias2 = net.coefs_[1].T, net.intercepts_[1]
    if len(weights2) == 1:  # two classes: one logistic unit, i.e. logits (0, z)
        weights2, bias2 = np.vstack([np.zeros_like(weights2), weights2]), np.r_[0.0, bias2]
    header = {
        "classes": classes,
        "width": int(projected.shape[1]),
        "scale": [round(float(s), 9) for s in scale],
        "bias1": [round(float(b), 7) for b in net.intercepts_[0]],
        "weights2": [[round(float(w), 7) for w in row] for row in weights2],
        "bias2": [round(float(b), 7) for b in bias2],
        "pieces": feats.tokens.header["pieces"],
        "source": "WordLlama l2_supercat_256 token embeddings (wordllama 0.4.0.post1)",
        **info,
    }
    model = semantic.Model(header, array("b", table.tobytes()))
    return gzip.compress(model.to_bytes(), compresslevel=9, mtime=0)


def out_of_fold(feats: Features, rows: list[dict[str, Any]], labels: list[str]) -> np.ndarray:
    """Each ordinary row's best class scores from a network that never saw its group."""
    ordinary = []
    for fold in range(FOLDS):
        fit = [r for r in rows if fold_of(r["group"]) != fold]
        held = [r["text"] for r in rows if fold_of(r["group"]) == fold and r["tier"] == labels[0]]
        net = network().fit(*feats.instances(fit, labels))
        ordinary.append(feats.best(net, held))
        print(f"fold {fold + 1}/{FOLDS} done", file=sys.stderr)
    return np.concatenate(ordinary)


def corpus_rows() -> list[dict[str, Any]]:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [r for r in rows if crc32(r["group"].encode()) % 10 != 5]  # train.py's test split


def build(feats: Features, check: bool) -> None:
    labels = ["none", "concern", "acute"]
    rows = corpus_rows()
    thresholds = {"acute": ACUTE_AT}
    if check:  # how many ordinary corpus rows, unseen by their network, would be acute
        oof = out_of_fold(feats, rows, labels)[:, 2]
        print(f"out-of-fold ordinary rows >= {ACUTE_AT}: {np.mean(oof >= ACUTE_AT):.2%}")
    net = network().fit(*feats.instances(rows, labels))
    info = {"thresholds": thresholds, "trained_rows": len(rows)}
    (OUT / semantic.MESSAGE_FILE).write_bytes(pack(net, feats, labels, info))
    print(f"wrote {semantic.MESSAGE_FILE}: {len(rows)} rows, thresholds {thresholds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="also score held-out folds")
    build(Features(*embeddings()), parser.parse_args().check)


if __name__ == "__main__":
    main()
