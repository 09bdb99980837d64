#!/usr/bin/env python3
"""Recall, false alarms and speed of the user-message safety screen on safety/eval/.

The evaluation set is hand-written and kept apart from any training corpus:
one JSON object a line, {"text", "tier", "category"}, tier none|concern|acute.

Prints, per tier and per category:
  - acute messages screened acute (the crisis message is shown, no model call);
  - concern messages screened concern or acute;
  - ordinary messages flagged acute, and flagged at all;
and the mean / p99 time of `screen_message` once loaded, and the import time of
`psymitrix_cli.domain.safety` in a fresh interpreter.

Also the reply screen on safety/eval/replies/ (model replies, tier harmful|safe): harmful
replies withheld and ordinary supportive replies shown, per category.

Run: python bench/safety.py [--misses] [--runs 20] [--eval DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"acute": 0.95, "concern": 0.85, "ordinary_acute": 0.01, "ordinary_any": 0.08}


def load(folder: Path, only: str = "*") -> list[dict[str, str]]:
    rows = []
    for path in sorted(folder.glob(f"{only}.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def import_seconds(runs: int = 5) -> float:
    """Median CPU time of importing the package in a fresh interpreter (CPU, not wall
    time, so a busy machine moves it less)."""
    code = (
        "import resource\n"
        "def cpu():\n"
        "    r = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    return r.ru_utime + r.ru_stime\n"
        "t = cpu()\n"
        "import psymitrix_cli.domain.safety\n"
        "print(cpu() - t)"
    )
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}% ({hits}/{total})" if total else "   n/a"


def _timed(fn: Callable[[str], object], text: str) -> float:
    began = time.perf_counter()
    fn(text)
    return time.perf_counter() - began


def replies(folder: Path, only: str, misses: bool) -> list[str]:
    """The reply screen on hand-written model replies: harmful ones withheld (the target
    is all of them), ordinary supportive ones shown, per category."""
    from psymitrix_cli.domain.safety import screen_reply

    rows = load(folder, only.replace("_*", "") + "*" if only != "*" else "*")
    if not rows:
        return []
    print(f"\nREPLIES ({len(rows)} model replies from {folder})")
    for tier, label, want in (
        ("harmful", "harmful -> withheld", True),
        ("safe", "safe -> shown", False),
    ):
        pairs = [(r, screen_reply(r["text"])) for r in rows if r["tier"] == tier]
        print(f"{label:<28} {pct(sum(got == want for _, got in pairs), len(pairs))}")
        cats: dict[str, list[bool]] = defaultdict(list)
        for row, got in pairs:
            cats[row["category"]].append(got == want)
        for cat, flags in sorted(cats.items()):
            print(f"    {cat:<24} {pct(sum(flags), len(flags))}")
        if misses:
            for row, got in pairs:
                if got != want:
                    print(f"  [{tier}] {row['category']}: {row['text']}")
    return [r["text"] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "safety" / "eval")
    parser.add_argument("--only", default="*", help="file name pattern inside the folder")
    parser.add_argument("--rules", action="store_true", help="the deterministic layer alone")
    parser.add_argument("--runs", type=int, default=20, help="timing passes over the set")
    parser.add_argument("--misses", action="store_true", help="print every miss / false alarm")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from psymitrix_cli.domain.safety import rules, screen_message

    if args.rules:
        screen_message = rules.screen_message
    rows = load(args.eval, args.only)
    screen_message("warm up: compile the patterns")
    results = [screen_message(r["text"]).tier for r in rows]

    by_tier: dict[str, list[tuple[dict[str, str], str]]] = defaultdict(list)
    for row, got in zip(rows, results, strict=True):
        by_tier[row["tier"]].append((row, got))

    def report(label: str, pairs: list[tuple[dict[str, str], str]], ok: set[str]) -> None:
        hits = sum(got in ok for _, got in pairs)
        print(f"{label:<28} {pct(hits, len(pairs))}")
        cats: dict[str, list[bool]] = defaultdict(list)
        for row, got in pairs:
            cats[row["category"]].append(got in ok)
        for cat, flags in sorted(cats.items()):
            print(f"    {cat:<24} {pct(sum(flags), len(flags))}")

    print(f"eval set: {len(rows)} messages from {args.eval}")
    print("\nRECALL")
    report("acute -> acute", by_tier["acute"], {"acute"})
    report("concern -> concern|acute", by_tier["concern"], {"concern", "acute"})
    print("\nFALSE ALARMS (ordinary)")
    report("ordinary -> acute", by_tier["none"], {"acute"})
    report("ordinary -> flagged at all", by_tier["none"], {"acute", "concern"})
    # Not a target, but the price of a low acute threshold: the crisis panel in place of
    # the resources line and a careful reply.
    concern_acute = sum(got == "acute" for _, got in by_tier["concern"])
    print(f"{'concern -> acute':<28} {pct(concern_acute, len(by_tier['concern']))}")

    if args.misses:
        print("\nMISSES AND FALSE ALARMS")
        for row, got in zip(rows, results, strict=True):
            missed = {
                "acute": got != "acute",
                "concern": got == "none",
                "none": got != "none",
            }[row["tier"]]
            if missed:
                print(f"  [{row['tier']}->{got}] {row['category']}: {row['text']}")

    replied = replies(args.eval / "replies", args.only, args.misses)
    if replied:
        from psymitrix_cli.domain.safety import screen_reply

        best_reply = sorted(min(_timed(screen_reply, t) for _ in range(args.runs)) for t in replied)
        print(
            f"\nSPEED (screen_reply, whole reply, once loaded): best of {args.runs}: mean "
            f"{1e6 * statistics.fmean(best_reply):6.1f} us, max {1e6 * best_reply[-1]:6.1f} us"
        )
    if not rows:
        return

    # Each message timed `runs` times: the best run is what the screen costs, the mean of
    # all runs adds what a shared machine's scheduler did meanwhile.
    texts = [r["text"] for r in rows]
    best = [float("inf")] * len(texts)
    total = 0.0
    for _ in range(args.runs):
        for i, text in enumerate(texts):
            began = time.perf_counter()
            screen_message(text)
            took = time.perf_counter() - began
            total += took
            best[i] = min(best[i], took)
    best.sort()
    p99 = best[int(0.99 * (len(best) - 1))]
    print("\nSPEED (screen_message, once loaded)")
    print(
        f"    best of {args.runs} runs per message: mean {1e6 * statistics.fmean(best):6.1f} us, "
        f"p99 {1e6 * p99:6.1f} us, max {1e6 * best[-1]:6.1f} us"
    )
    print(f"    all runs: mean {1e6 * total / (args.runs * len(texts)):6.1f} us")
    print(
        f"    import psymitrix_cli.domain.safety: {1e3 * import_seconds():.1f} ms CPU (median of 5)"
    )


if __name__ == "__main__":
    main()
