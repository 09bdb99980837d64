"""The learned layer of the screen: a hashed n-gram classifier that ships in the package.

A multinomial logistic regression over three tiers (none, concern, acute), trained by
`safety/train.py` on the corpus in `safety/corpus/`. Its weights are `learned_model.bin`
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
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from psymitrix_cli.domain.safety.types import TIER_ORDER, Screen

# Stored raw: gunzipping it cost ~7 ms of every screened command, and the wheel (a zip)
# and git compress it anyway.
MODEL_FILE = "learned_model.bin"
MAGIC = b"PSYL1"
KIND = "learned"


@dataclass(frozen=True)
class Scores:
    """The highest probabilities any window of the text reached."""

    acute: float  # P(acute)
    flagged: float  # P(concern) + P(acute)
    window: tuple[int, ...] = ()  # features of the window that reached `flagged`


class Model:
    """Two tier heads (acute, concern; none is 0) and a kind head, as int8 arrays."""

    def __init__(self, header: dict[str, Any], heads: list[array]) -> None:
        self.header = header
        self.mask = (1 << int(header["bits"])) - 1
        self.kind_mask = (1 << int(header.get("kind_bits", 0))) - 1
        self.acute_w, self.concern_w, *self.kind_w = heads
        self.scale_a, self.scale_c = map(float, header["scale"])
        self.bias_a, self.bias_c = map(float, header["bias"])
        self.kinds: list[str] = list(header.get("kinds", []))
        self.kind_scale = float(header.get("kind_scale", 1.0))
        self.kind_bias: list[float] = list(header.get("kind_bias", [0.0] * len(self.kinds)))
        self.acute_at = float(header["acute_at"])
        self.alone_at = float(header.get("alone_at", self.acute_at))
        self.flag_at = float(header["flag_at"])
        self.grams = tuple(header.get("grams", (3, 4, 5)))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Model:
        if not blob.startswith(MAGIC):
            raise ValueError("not a PsyMitrix safety model")
        (size,) = struct.unpack_from("<I", blob, len(MAGIC))
        at = len(MAGIC) + 4
        header = json.loads(blob[at : at + size])
        at += size
        sizes = [1 << int(header["bits"])] * 2
        sizes += [1 << int(header.get("kind_bits", 0))] * len(header.get("kinds", []))
        heads = []
        for n in sizes:
            head = array("b")
            head.frombytes(blob[at : at + n])
            if len(head) != n:
                raise ValueError("truncated safety model")
            heads.append(head)
            at += n
        return cls(header, heads)

    def to_bytes(self) -> bytes:
        head = json.dumps(self.header, sort_keys=True).encode()
        heads = [self.acute_w, self.concern_w, *self.kind_w]
        return b"".join((MAGIC, struct.pack("<I", len(head)), head, *(h.tobytes() for h in heads)))

    def scores(self, text: str) -> Scores:
        """Every sentence alone and every adjacent pair; the model is linear, so a pair's
        sums are its two sentences' sums and each sentence is summed once."""
        from psymitrix_cli.domain.safety.learned_features import hashed_once, segments

        per = [hashed_once(s, self.mask, self.grams) for s in segments(text)]
        get_a, get_c = self.acute_w.__getitem__, self.concern_w.__getitem__
        sums = [(sum(map(get_a, f)), sum(map(get_c, f)), len(f)) for f in per]
        spans = [(i, i + 1) for i in range(len(per))] + [(i, i + 2) for i in range(len(per) - 1)]
        best_a = best_f = 0.0
        best_span = (0, 0)
        for lo, hi in spans:
            part = sums[lo:hi]
            norm = 1.0 / math.sqrt(sum(p[2] for p in part))
            za = self.bias_a + self.scale_a * norm * sum(p[0] for p in part)
            zc = self.bias_c + self.scale_c * norm * sum(p[1] for p in part)
            top = max(0.0, za, zc)  # subtract the largest logit so exp() cannot overflow
            ea, ec, en = math.exp(za - top), math.exp(zc - top), math.exp(-top)
            total = ea + ec + en
            best_a = max(best_a, ea / total)
            if (ea + ec) / total > best_f:
                best_f, best_span = (ea + ec) / total, (lo, hi)
        window = tuple(h for f in per[best_span[0] : best_span[1]] for h in f)
        return Scores(best_a, best_f, window)

    def kind(self, window: tuple[int, ...]) -> str:
        """The most likely kind of risk in one window (only asked once a tier is raised)."""
        if not self.kinds or not window:
            return KIND
        norm = self.kind_scale / math.sqrt(len(window))
        idx = [h & self.kind_mask for h in window]
        logits = [
            bias + norm * sum(map(w.__getitem__, idx))
            for bias, w in zip(self.kind_bias, self.kind_w, strict=True)
        ]
        return self.kinds[logits.index(max(logits))]

    def tier(self, text: str, found: str = "none") -> str:
        """The tier this model gives `text`, given what the rules found.

        Calling a message acute replaces the companion's reply, so the model alone (the rules
        found nothing) needs more confidence for that than when it agrees with the rules'
        concern. Either way, below acute it can still say concern.
        """
        return self.decide(self.scores(text), found)

    def decide(self, s: Scores, found: str = "none") -> str:
        if s.acute >= (self.acute_at if found == "concern" else self.alone_at):
            return "acute"
        return "concern" if s.flagged >= self.flag_at else "none"


@cache
def model() -> Model:
    """The shipped model, read once. A missing file is an install fault, never silence."""
    from pathlib import Path

    # Beside this module in every install (wheel, editable, source); importlib.resources
    # would only add its own import time (~10 ms) to the first screened message.
    blob = (Path(__file__).parent / MODEL_FILE).read_bytes()
    return Model.from_bytes(blob)


def raise_tier(text: str, found: Screen) -> Screen:
    """`found`, or a higher tier when the classifier is confident enough; never lower."""
    if found.tier == "acute" or not text.strip():
        return found
    m = model()
    scores = m.scores(text)
    tier = m.decide(scores, found.tier)
    if TIER_ORDER[tier] <= TIER_ORDER[found.tier]:
        return found
    kind = _fit(m.kind(scores.window), tier)
    return replace(found, tier=tier, kind=kind)  # keeps what the rules noted (non_english)


def kind_for(text: str, found: Screen, tier: str) -> str:
    """The kind a raised tier carries: what the rules named, else the kind head's guess."""
    if found.kind and found.tier != "none":
        return _fit(found.kind, tier)
    m = model()
    return _fit(m.kind(m.scores(text).window), tier)


_ACUTE_KINDS = frozenset({"suicidal_ideation", "self_harm", "harm_to_others", "abuse_now"})


def _fit(kind: str, tier: str) -> str:
    """A kind the tier cannot carry becomes the nearest one that it can."""
    if tier == "acute":
        if kind == "abuse":
            return "abuse_now"  # so the emergency number comes first
        return kind if kind in _ACUTE_KINDS else "suicidal_ideation"
    return "abuse" if kind == "abuse_now" else kind
