"""The semantic layer: a small network over static word-piece embeddings, shipped in the package.

The n-gram layer (`learned.py`) knows spellings; this one knows meaning a little, so
"tablets" reads near "pills" and "not be here by Sunday" near "end it", in words no rule
or n-gram has seen. Its inputs are word-piece embeddings taken once, at build time, from
a pretrained static embedding model (see `safety/train_semantic.py` for where they come
from); what ships is each piece's embedding already multiplied by the network's first
layer, as int8, so screening is a sum of small rows, a ReLU and a 3-way softmax: stdlib
only, about a millisecond a message, no download.

It reads a person's message (tiers none, concern, acute). Each sentence, each adjacent
pair of sentences and the whole text are scored; the highest score counts, so one risky
sentence in a long message is not diluted by the rest. It only ever raises a concern the
layers before it found to acute ("I keep thinking about it" beside "Saturday, when they
are all out"); text they found ordinary is never read, so most entries never load it.

Loaded on the first call, not on import.
"""

from __future__ import annotations

import math
from array import array
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from psymitrix_cli.domain.safety import weights

MAGIC = b"PSYS1"
MESSAGE_FILE = "semantic_message.bin.gz"
WORD_START = "\u2581"  # how the word-piece vocabulary marks the start of a word


class Model:
    """Word pieces, their projected int8 rows, and the network's second layer."""

    def __init__(self, header: dict[str, Any], table: array) -> None:
        self.header = header
        self.classes: list[str] = list(header["classes"])
        self.width = int(header["width"])
        self.scale: list[float] = [float(s) for s in header["scale"]]
        self.bias1: list[float] = [float(b) for b in header["bias1"]]
        self.weights2: list[list[float]] = [[float(w) for w in row] for row in header["weights2"]]
        self.bias2: list[float] = [float(b) for b in header["bias2"]]
        self.thresholds: dict[str, float] = {k: float(v) for k, v in header["thresholds"].items()}
        pieces: list[str] = header["pieces"]
        self.piece_id = {piece: i for i, piece in enumerate(pieces)}
        self.longest = max(map(len, pieces))
        self.table = table
        if len(table) != len(pieces) * self.width:
            raise ValueError("truncated semantic model")

    @classmethod
    def from_bytes(cls, blob: bytes) -> Model:
        return cls(*weights.unpack(blob, MAGIC, "semantic model"))

    def to_bytes(self) -> bytes:
        return weights.pack(MAGIC, self.header, self.table)

    def pieces(self, segment: str) -> list[int]:
        """Greedy longest-match word pieces of a normalised segment (the trainer uses the
        same function, so training and screening can never disagree)."""
        return list(_pieces(self, segment))

    def sums(self, ids: list[int]) -> list[int]:
        """The element-wise sum of the pieces' rows (ints; scaled later, once)."""
        width, table = self.width, self.table
        total = [0] * width
        for i in ids:
            row = table[i * width : (i + 1) * width]
            total = [a + b for a, b in zip(total, row, strict=True)]
        return total

    def probabilities(self, total: list[int], count: int) -> list[float]:
        """Class probabilities for a span whose rows sum to `total` over `count` pieces."""
        inv = 1.0 / count  # count > 0: scores() drops spans without pieces
        hidden = [
            max(0.0, s * t * inv + b) for s, t, b in zip(self.scale, total, self.bias1, strict=True)
        ]
        logits = [
            b + sum(w * h for w, h in zip(row, hidden, strict=True))
            for row, b in zip(self.weights2, self.bias2, strict=True)
        ]
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        norm = sum(exps)
        return [e / norm for e in exps]

    def scores(self, text: str) -> dict[str, float]:
        """For each class, the highest probability any span of the text reached (spans: each
        sentence, each adjacent pair, and the whole text)."""
        from psymitrix_cli.domain.safety.learned_features import segments  # only once used

        per = [self.pieces(s) for s in segments(text)]
        per = [p for p in per if p]
        if not per:
            return dict.fromkeys(self.classes, 0.0)
        sums = [self.sums(p) for p in per]
        spans: list[tuple[list[int], int]] = [(s, len(p)) for s, p in zip(sums, per, strict=True)]
        for i in range(len(per) - 1):
            pair = [a + b for a, b in zip(sums[i], sums[i + 1], strict=True)]
            spans.append((pair, len(per[i]) + len(per[i + 1])))
        if len(per) > 2:
            whole = [sum(col) for col in zip(*sums, strict=True)]
            spans.append((whole, sum(map(len, per))))
        best = dict.fromkeys(self.classes, 0.0)
        for total, count in spans:
            for name, p in zip(self.classes, self.probabilities(total, count), strict=True):
                best[name] = max(best[name], p)
        return best


@lru_cache(maxsize=4096)
def _word_pieces(model: Model, word: str) -> tuple[int, ...]:
    out: list[int] = []
    text, start = WORD_START + word, 0
    while start < len(text):
        for end in range(min(len(text), start + model.longest), start, -1):
            found = model.piece_id.get(text[start:end])
            if found is not None:
                out.append(found)
                start = end
                break
        else:
            start += 1  # a character no piece holds adds nothing
    return tuple(out)


def _pieces(model: Model, segment: str) -> list[int]:
    return [i for word in segment.split() for i in _word_pieces(model, word)]


def read(name: str) -> Model:
    """A model file beside this module (a missing file is an install fault, never silence)."""
    import gzip  # here, not at import: a command that never screens pays nothing

    blob = (Path(__file__).parent / name).read_bytes()
    return Model.from_bytes(gzip.decompress(blob))


@cache
def message_model() -> Model:
    return read(MESSAGE_FILE)


def message_tier(text: str, found: str) -> str | None:
    """Acute when the layers before `found` concern and the model reads `text` as acute."""
    if found != "concern" or not text.strip():
        return None
    m = message_model()
    return "acute" if m.scores(text)["acute"] >= m.thresholds["acute"] else None
