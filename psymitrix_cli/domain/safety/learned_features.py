"""What the learned layer reads: normalised text, its windows, and their hashed n-grams.

Shared by inference (`learned.py`) and the trainer (`safety/train.py`), so the two can
never disagree about a feature. Stdlib only; `zlib.crc32` is a stable hash (Python's own
`hash()` is salted per process) and runs in C.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise
from zlib import crc32

# Sentences are scored alone and in adjacent pairs, so one risky sentence in the middle of
# a long ordinary message is read without the rest diluting it.
_SPLIT = re.compile(r"[.!?;\n\r]+|\s[-\u2013\u2014]+\s|\s{3,}")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "`": "'", "\u00b4": "'"})
_APOSTROPHE = re.compile(r"(\w)'(\w)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "soooo" -> "soo"
_ODD = re.compile(r"\bod'?d\b|\bod'?ing\b")  # "od'd" would become the word "odd"
# Chat shorthand spelled out, so "ima kms tmrw" reads like "I am going to kill myself tomorrow".
_SLANG = {
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "od": "overdose",
    "ima": "im going to",
    "imma": "im going to",
    "gonna": "going to",
    "goin": "going",
    "wanna": "want to",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "tonite": "tonight",
    "2nite": "tonight",
    "rn": "right now",
    "u": "you",
    "ur": "your",
    "cuz": "because",
    "bc": "because",
    "myslef": "myself",
    "pls": "please",
    "ppl": "people",
}

MAX_WORDS = 24  # a run-on sentence is read in overlapping chunks of this many words
_STRIDE = 12
_WORD_SEED = 0x5EED  # word features hash from another start value than character ones


def normalise(text: str) -> str:
    """Lower-case ASCII words: accents stripped, apostrophes closed up ("I'm" -> "im")."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHE.sub(r"\1\2", _ODD.sub("overdosed", text))
    text = _REPEATS.sub(r"\1\1", _NON_WORD.sub(" ", text))
    return " ".join(_SLANG.get(word, word) for word in text.split())


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


def hashed(segment: str, mask: int, grams: tuple[int, ...] = (3, 4, 5)) -> list[int]:
    """Bucket indices of character n-grams (3-5 by default) (over " words ") and word 1-2-grams."""
    data = f" {segment} ".encode()
    size = len(data)
    out = [crc32(data[i : i + n]) & mask for n in grams for i in range(size - n + 1)]
    words = segment.encode().split()
    out += [crc32(w, _WORD_SEED) & mask for w in words]
    out += [crc32(a + b" " + b, _WORD_SEED) & mask for a, b in pairwise(words)]
    return out


@lru_cache(maxsize=2048)
def hashed_once(segment: str, mask: int, grams: tuple[int, ...]) -> tuple[int, ...]:
    """`hashed`, remembered: a conversation is screened again with each new turn."""
    return tuple(hashed(segment, mask, grams))


def windows(text: str, mask: int, grams: tuple[int, ...] = (3, 4, 5)) -> list[list[int]]:
    """Features of every sentence alone and of every adjacent pair of sentences."""
    per = [hashed(s, mask, grams) for s in segments(text)]
    pairs = [a + b for a, b in pairwise(per)]
    return per + pairs
