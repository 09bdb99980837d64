"""The learned layer of the screen: a hashed n-gram classifier that ships in the package.

A multinomial logistic regression over three tiers (none, concern, acute), trained by
`safety/train.py` on the corpus in `safety/corpus/`. Its weights are `learned_model.bin.gz`
next to this file: int8, one scale per tier, the "none" tier folded into the other two
(softmax is shift-invariant, so none's logit is 0). Loaded on the first call, not on import,
so a command that never screens pays nothing.

`raise_tier(text, found)` returns `found` or a higher tier, never a lower one. Thresholds
come from the trainer, chosen for few false alarms on ordinary text held out from training.
"""

from __future__ import annotations

import json
import math
import struct
from array import array
from dataclasses import dataclass
from functools import cache

from psymitrix_cli.domain.safety.learned_features import windows
from psymitrix_cli.domain.safety.types import TIER_ORDER, Screen

MODEL_FILE = "learned_model.bin.gz"
MAGIC = b"PSYL1"
KIND = "learned"


@dataclass(frozen=True)
class Scores:
    """The highest probabilities any window of the text reached."""

    acute: float  # P(acute)
    flagged: float  # P(concern) + P(acute)


class Model:
    def __init__(self, header: dict[str, object], acute: array, concern: array) -> None:
        self.header = header
        self.mask = (1 << int(header["bits"])) - 1  # type: ignore[call-overload]
        self.acute_w, self.concern_w = acute, concern
        scale = header["scale"]
        bias = header["bias"]
        self.scale_a, self.scale_c = float(scale[0]), float(scale[1])  # type: ignore[index]
        self.bias_a, self.bias_c = float(bias[0]), float(bias[1])  # type: ignore[index]
        self.acute_at = float(header["acute_at"])  # type: ignore[arg-type]
        self.flag_at = float(header["flag_at"])  # type: ignore[arg-type]

    @classmethod
    def from_bytes(cls, blob: bytes) -> Model:
        if not blob.startswith(MAGIC):
            raise ValueError("not a PsyMitrix safety model")
        (size,) = struct.unpack_from("<I", blob, len(MAGIC))
        start = len(MAGIC) + 4
        header = json.loads(blob[start : start + size])
        buckets = 1 << int(header["bits"])
        body = start + size
        acute, concern = array("b"), array("b")
        acute.frombytes(blob[body : body + buckets])
        concern.frombytes(blob[body + buckets : body + 2 * buckets])
        if len(concern) != buckets:
            raise ValueError("truncated safety model")
        return cls(header, acute, concern)

    def to_bytes(self) -> bytes:
        head = json.dumps(self.header, sort_keys=True).encode()
        return b"".join(
            (
                MAGIC,
                struct.pack("<I", len(head)),
                head,
                self.acute_w.tobytes(),
                self.concern_w.tobytes(),
            )
        )

    def scores(self, text: str) -> Scores:
        best_a = best_f = 0.0
        get_a, get_c = self.acute_w.__getitem__, self.concern_w.__getitem__
        for feats in windows(text, self.mask):
            norm = 1.0 / math.sqrt(len(feats))
            za = self.bias_a + self.scale_a * norm * sum(map(get_a, feats))
            zc = self.bias_c + self.scale_c * norm * sum(map(get_c, feats))
            top = max(0.0, za, zc)  # subtract the largest logit so exp() cannot overflow
            ea, ec, en = math.exp(za - top), math.exp(zc - top), math.exp(-top)
            total = ea + ec + en
            best_a = max(best_a, ea / total)
            best_f = max(best_f, (ea + ec) / total)
        return Scores(best_a, best_f)

    def tier(self, text: str) -> str:
        s = self.scores(text)
        if s.acute >= self.acute_at:
            return "acute"
        return "concern" if s.flagged >= self.flag_at else "none"


@cache
def model() -> Model:
    """The shipped model, read once. A missing file is an install fault, never silence."""
    import gzip
    from importlib.resources import files

    blob = files(__package__).joinpath(MODEL_FILE).read_bytes()
    return Model.from_bytes(gzip.decompress(blob))


def raise_tier(text: str, found: Screen) -> Screen:
    """`found`, or a higher tier when the classifier is confident enough; never lower."""
    if found.tier == "acute" or not text.strip():
        return found
    tier = model().tier(text)
    if TIER_ORDER[tier] > TIER_ORDER[found.tier]:
        return Screen(tier, KIND)  # type: ignore[arg-type]
    return found
