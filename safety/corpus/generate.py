"""Write safety/corpus/corpus.jsonl: templates x slots x noise, seeded, reproducible.

Run: python safety/corpus/generate.py   (stdlib only; same seed, same file)

Each template family has an id ("group"); train.py splits train/held-out by group, so the
held-out figures measure sentences from templates the model never saw, not near-copies.
The slot vocabularies and templates below were written by hand for this corpus.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from slots import SLOTS
from templates import FAMILIES, FILLER
from templates_life import LIFE, LIFE_SLOTS
from templates_more import MORE, MORE_SLOTS

SLOTS.update(MORE_SLOTS)
SLOTS.update(LIFE_SLOTS)
MANY = {"life_day": 30, "plans_ok": 12, "mood_ok": 12, "verbs_ok": 12}  # wide slot families

HERE = Path(__file__).resolve().parent
SEED = 20261202
PER_TEMPLATE = 8  # fills drawn per template with slots (deduplicated)
PER_FIXED = 3  # a template without slots: itself and noisy variants
PER_LINE = 3  # a hand-written line: itself and noisy variants

_SLOT = re.compile(r"\{(\w+)\}")
_WHOLE = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        return rng.choice(SLOTS[m.group(1)])

    out = template
    for _ in range(3):  # slots may hold slots
        out = _SLOT.sub(one, out)
    return re.sub(r"\s+", " ", out).strip()


# --- noise: the way people actually type -------------------------------------------

_SLANG = [
    (r"\bI'm\b", ["im", "i'm", "Im", "I am"]),
    (r"\bgoing to\b", ["gonna", "going to", "goin to"]),
    (r"\bwant to\b", ["wanna", "want to"]),
    (r"\byou\b", ["u", "you"]),
    (r"\btonight\b", ["tonite", "tonight", "2nite"]),
    (r"\bright now\b", ["rn", "right now"]),
    (r"\bbecause\b", ["cuz", "bc", "because"]),
    (r"\bdon't\b", ["dont", "don't", "do not"]),
    (r"\bcan't\b", ["cant", "can't", "cannot"]),
    (r"\bI've\b", ["ive", "I've", "i have"]),
    (r"\bkill myself\b", ["kill myself", "kms", "kill my self", "unalive myself"]),
    (r"\bthe\b", ["the", "teh", "the"]),
    (r"\bmyself\b", ["myself", "my self", "myslef"]),
    (r"\bsuicide\b", ["suicide", "sucide", "suicde"]),
    (r"\bsomething\b", ["something", "smth", "sth"]),
    (r"\bpeople\b", ["people", "ppl"]),
]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:  # drop
        return word[:i] + word[i + 1 :]
    if op == 1:  # swap
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    if op == 2:  # double
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1 :]


_OPENERS = [
    "honestly ",
    "ok so ",
    "I don't know how to say this but ",
    "can I be honest? ",
    "idk ",
    "so yeah, ",
    "today, ",
    "Not sure why I'm telling you this but ",
    "tbh ",
    "Hey. ",
    "Just wanted to say, ",
    "I'll be real, ",
    "Update: ",
    "Another day. ",
]
_CLOSERS = [
    " anyway",
    " I guess",
    " so yeah",
    " and that's it",
    " not sure what else to say",
    " that's all",
    " whatever",
    " you know?",
]


def noisy(text: str, rng: random.Random) -> str:
    if rng.random() < 0.25:
        text = rng.choice(_OPENERS) + text[0].lower() + text[1:]
    if rng.random() < 0.15:
        text = text.rstrip(".!?") + rng.choice(_CLOSERS)
    for pattern, options in _SLANG:
        if rng.random() < 0.5:
            text = re.sub(pattern, lambda _m, o=options: rng.choice(o), text, flags=re.I)
    if rng.random() < 0.35:
        words = text.split(" ")
        for _ in range(rng.randint(1, 2)):
            j = rng.randrange(len(words))
            words[j] = _typo(words[j], rng)
        text = " ".join(words)
    r = rng.random()
    if r < 0.35:
        text = text.lower()
    elif r < 0.40:
        text = text.upper()
    if rng.random() < 0.3:
        text = text.rstrip(".!?")
    if rng.random() < 0.1:
        text = text + rng.choice(["...", "!!", " idk", " lol", " tbh", " :(", " ugh"])
    return text


def embed(core: str, rng: random.Random) -> str:
    """Hide one sentence in the middle of a long, otherwise ordinary message."""
    before = rng.sample(FILLER, rng.randint(1, 4))
    after = rng.sample(FILLER, rng.randint(1, 3))
    core = core[0].upper() + core[1:] if core else core
    if not core.endswith((".", "!", "?")):
        core += "."
    return " ".join([*before, core, *after])


def handwritten() -> list[tuple[str, str, str]]:
    """(tier, category, line) from handwritten.txt, then each handwritten_*.txt (lines by
    other authors, read after it so the first file's groups keep their numbers);
    "## tier category" opens a section."""
    out = []
    for path in [HERE / "handwritten.txt", *sorted(HERE.glob("handwritten_*.txt"))]:
        tier, category = "", ""
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line.startswith("## "):
                tier, category = line[3:].split()[:2]
            elif line and not line.startswith("#"):
                out.append((tier, category, line))
    return out


def generate() -> list[dict[str, str]]:
    rng = random.Random(SEED)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(text: str, tier: str, category: str, group: str) -> None:
        key = text.lower()
        if key in seen:
            return
        seen.add(key)
        source = "hand" if group.startswith("hand/") else "template"
        rows.append(
            {"text": text, "tier": tier, "category": category, "group": group, "source": source}
        )

    for family in FAMILIES + MORE + LIFE:
        fid, tier, category = family["id"], family["tier"], family["category"]
        for t_index, template in enumerate(family["templates"]):
            whole = _WHOLE.fullmatch(template)
            if whole:  # a slot of whole sentences: each sentence is its own group
                for v_index, value in enumerate(SLOTS[whole.group(1)]):
                    group = f"{fid}/{t_index}/{v_index}"
                    add(value, tier, category, group)
                    for _ in range(PER_FIXED - 1):
                        add(noisy(value, rng), tier, category, group)
                continue
            group = f"{fid}/{t_index}"
            n = MANY.get(fid, PER_TEMPLATE) if "{" in template else PER_FIXED
            for k in range(n):
                base = fill(template, rng)
                text = base if k == 0 else noisy(base, rng)
                add(text, tier, category, group)
            if rng.random() < 0.35:
                add(embed(fill(template, rng), rng), tier, category, group)
    for i, (tier, category, line) in enumerate(handwritten()):
        group = f"hand/{i}"
        add(line, tier, category, group)
        for _ in range(PER_LINE - 1):
            add(noisy(line, rng), tier, category, group)
        if rng.random() < 0.3:
            add(embed(line, rng), tier, category, group)
    # Long ordinary messages: many sentences, none of them risky.
    for i in range(350):
        add(" ".join(rng.sample(FILLER, rng.randint(3, 7))), "none", "ordinary", f"filler/{i % 50}")
    return rows


def main() -> None:
    rows = generate()
    out = HERE / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["tier"]] = counts.get(row["tier"], 0) + 1
    print(f"{len(rows)} rows -> {out.name}: {counts}")


if __name__ == "__main__":
    main()
