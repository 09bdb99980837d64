"""What the learned layer reads: normalised text, its windows, and their hashed n-grams.

Shared by inference (`learned.py`) and the trainer (`safety/train.py`), so the two can
never disagree about a feature. Stdlib only; `zlib.crc32` is a stable hash (Python's own
`hash()` is salted per process) and runs in C.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from zlib import crc32

# Sentences are scored alone and in adjacent pairs, so one risky sentence in the middle of
# a long ordinary message is read without the rest diluting it.
_SPLIT = re.compile(r"[.!?;\n\r]+|\s[-\u2013\u2014]+\s|\s{3,}")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "`": "'", "\u00b4": "'"})
_APOSTROPHE = re.compile(r"(\w)'(\w)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "soooo" -> "soo"

MAX_WORDS = 24  # a run-on sentence is read in overlapping chunks of this many words
_STRIDE = 12
_WORD_SEED = 0x5EED  # word features hash from another start value than character ones


def normalise(text: str) -> str:
    """Lower-case ASCII words: accents stripped, apostrophes closed up ("I'm" -> "im")."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHE.sub(r"\1\2", text)
    text = _NON_WORD.sub(" ", text)
    return _REPEATS.sub(r"\1\1", text).strip()


def segments(text: str) -> list[str]:
    """Normalised sentences; a sentence longer than MAX_WORDS becomes overlapping chunks."""
    out: list[str] = []
    for piece in _SPLIT.split(text):
        words = normalise(piece).split()
        if len(words) <= MAX_WORDS:
            if words:
                out.append(" ".join(words))
            continue
        for start in range(0, len(words) - _STRIDE, _STRIDE):
            out.append(" ".join(words[start : start + MAX_WORDS]))
    return out


def hashed(segment: str, mask: int) -> list[int]:
    """Bucket indices of character 3-5-grams (over " words ") and word 1-2-grams."""
    data = f" {segment} ".encode()
    size = len(data)
    out = [crc32(data[i : i + n]) & mask for n in (3, 4, 5) for i in range(size - n + 1)]
    words = segment.encode().split()
    out += [crc32(w, _WORD_SEED) & mask for w in words]
    out += [crc32(a + b" " + b, _WORD_SEED) & mask for a, b in pairwise(words)]
    return out


def windows(text: str, mask: int) -> list[list[int]]:
    """Features of every sentence alone and of every adjacent pair of sentences."""
    per = [hashed(s, mask) for s in segments(text)]
    pairs = [a + b for a, b in pairwise(per)]
    return per + pairs
