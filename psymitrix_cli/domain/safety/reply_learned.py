"""The learned reply layer: a hashed n-gram classifier of harmful model replies.

The phrase rules and the topic catch-all (reply_rules, reply_cues) know the harmful
replies their authors imagined; a model says the same things in words no list holds.
This layer reads the same hashed character and word n-grams as the message layer
(learned_features) over the whole text it is given, and says "withhold" at a P(harmful)
chosen out of fold on hand-written replies (`safety/train_reply.py`). It can only add a
withholding, never remove one. Its weights (`reply_model.bin.gz`, int8) load on the first
reply screened, so a command that never screens a reply pays nothing.
"""

from __future__ import annotations

import gzip
import math
from array import array
from functools import cache
from importlib import resources
from typing import Any

from psymitrix_cli.domain.safety import weights as envelope
from psymitrix_cli.domain.safety.learned_features import hashed, segments

MODEL_FILE = "reply_model.bin.gz"
MAGIC = b"PSYR1"
BITS = 18
MASK = (1 << BITS) - 1


class Model:
    def __init__(self, header: dict[str, Any], weights: array) -> None:
        if int(header["bits"]) != BITS or len(weights) != MASK + 1:
            raise ValueError("reply model does not match this version's features")
        self.header = header
        self.weights = weights
        self.scale = float(header["scale"])
        self.bias = float(header["bias"])
        self.withhold_at = float(header["withhold_at"])
        # Once the conversation has shown risk: lower, so more is withheld (train_reply.py).
        self.careful_at = float(header.get("careful_at", self.withhold_at))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Model:
        return cls(*envelope.unpack(blob, MAGIC, "reply model"))

    def to_bytes(self) -> bytes:
        return envelope.pack(MAGIC, self.header, self.weights)

    def withholds(self, text: str, careful: bool = False) -> bool:
        at = self.careful_at if careful else self.withhold_at
        return bool(text.strip()) and self.probability(text) >= at

    def probability(self, text: str) -> float:
        total = sum(self.weights[i] for i in features(text)) * self.scale + self.bias
        return 1 / (1 + math.exp(-max(min(total, 60.0), -60.0)))


def features(text: str) -> list[int]:
    """Each hashed n-gram of the text's sentences, once (present or absent)."""
    return sorted({i for segment in segments(text) for i in hashed(segment, MASK)})


@cache
def load() -> Model:
    blob = gzip.decompress(
        resources.files("psymitrix_cli.domain.safety").joinpath(MODEL_FILE).read_bytes()
    )
    return Model.from_bytes(blob)


def probability(text: str) -> float:
    """P(harmful) of a model reply (or a window of one)."""
    return load().probability(text)


def flags(text: str, careful: bool = False) -> bool:
    """True when the layer would withhold this reply (`careful`: in a conversation that
    has shown risk, at the lower threshold)."""
    return load().withholds(text, careful)
