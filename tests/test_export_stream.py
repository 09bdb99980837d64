"""Export streams every format to disk in pages, and writes what it always wrote.

A seeded account (one document of every kind, from a fixed seed, on a fixed clock) is
exported in every format on every backend and compared byte for byte with the output
of the implementation that built the whole export in memory, captured once in
tests/fixtures/export/ (PSYMITRIX_WRITE_EXPORT_FIXTURE=1 writes it again). Random ids
(the account's, and the entry ids and FHIR urns derived from it) are renamed in order
of first appearance, so what is compared is every other byte: layout, order, text.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.driver import Cli

NOW = "2026-01-15T12:00:00+00:00"
FIXTURES = Path(__file__).parent / "fixtures" / "export"
WRITE = os.environ.get("PSYMITRIX_WRITE_EXPORT_FIXTURE") == "1"
RANDOM_IDS = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{24}\b|\b[0-9a-f]{16}\b"
)
WORDS = [
    "tea",
    "rain",
    "☀",
    "park",
    "friends",
    "Ünïcödé",
    "晴れ",
    "walk",
    '"quoted"',
    "a,b",
    "semi;colon",
    "line",
]


def _at(rng: random.Random, day: int) -> str:
    hour, minute = rng.randrange(24), rng.randrange(60)
    return f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}T{hour:02d}:{minute:02d}:00.000000+00:00"


def seeded() -> dict[str, Any]:
    """One export document: several entries of every kind (breathing none, to write `[]`)."""
    rng = random.Random(14)
    text = lambda n: " ".join(rng.choice(WORDS) for _ in range(n))  # noqa: E731
    journal = [
        {
            "id": f"j{i}",
            "at": _at(rng, i * 3),
            "text": text(8) + ("\n\nSecond paragraph *not markup*" if i % 3 == 0 else ""),
            "mood": None if i % 4 == 0 else 1 + i % 5,
            "tags": [w for w in ("work", "joy") if rng.random() < 0.5],
        }
        for i in range(12)
    ]
    gratitude = [
        {"id": f"g{i}", "at": _at(rng, i * 5 + 1), "items": [text(2), text(3)]} for i in range(7)
    ]
    sleep = [
        {"id": f"s{i}", "date": f"2025-02-{1 + i:02d}", "score": 1 + i % 10, "hours": 6.5 + i / 4}
        for i in range(5)
    ]
    tests = [
        {
            "id": f"a{i}",
            "instrument": ("GAD-7", "PHQ-9")[i % 2],
            "answers": [(i + k) % 4 for k in range(7 + 2 * (i % 2))],
            "difficulty": i % 4,
            "takenAt": _at(rng, i * 7),
        }
        for i in range(4)
    ]
    chats = []
    for i in range(3):
        start = _at(rng, 40 + i)
        chats.append(
            {
                "id": f"c{i}",
                "startedAt": start,
                "title": text(3),
                "summary": None if i == 1 else text(6),
                "messages": [
                    {
                        "id": f"c{i}m{k}",
                        "seq": k,
                        "role": ("user", "assistant")[k % 2],
                        "content": text(5),
                        "at": start,
                    }
                    for k in range(1 + 2 * i)
                ],
            }
        )
    activity = [
        {
            "id": f"v{i}",
            "at": _at(rng, 60 + i),
            "text": text(3),
            "done": i % 2 == 0,
            "doneAt": _at(rng, 61 + i) if i % 2 == 0 else None,
            "mastery": i,
            "tags": ["x"] if i else [],
        }
        for i in range(3)
    ]
    plan = [
        {
            "id": "p1",
            "updatedAt": _at(rng, 70),
            "helpers": [{"name": "Sam", "phone": "555"}],
            "warningSigns": [text(3)],
        }
    ]
    return {
        "format": "psymitrix-export",
        "version": 1,
        "user": {"id": "seed-user"},
        "entries": {
            "mood_journal": journal,
            "gratitude": gratitude,
            "sleep": sleep,
            "assessments": tests,
            "breathing": [],
            "chat_sessions": chats,
            "activity": activity,
            "safety_plan": plan,
        },
    }


def renamed(text: str) -> str:
    """Random ids renamed in order of first appearance: the same data, the same bytes."""
    names: dict[str, str] = {}
    return RANDOM_IDS.sub(lambda m: names.setdefault(m.group(0), f"<id{len(names)}>"), text)


def outputs(cli: Cli, tmp_path: Path) -> dict[str, str]:
    tmp_path.mkdir(exist_ok=True)
    found: dict[str, str] = {}
    for name in ("json", "fhir", "md"):
        found[f"export.{name}"] = cli.ok("export", "--format", name).stdout
        path = tmp_path / f"out.{name}"
        cli.ok("export", "--format", name, "-o", str(path))
        assert path.read_text(encoding="utf-8") == found[f"export.{name}"], name
    cli.ok("export", "--format", "csv", "-o", str(tmp_path / "csv"))
    with zipfile.ZipFile(cli_zip(cli, tmp_path)) as archive:
        zipped = {n: archive.read(n) for n in archive.namelist()}
    for path in sorted((tmp_path / "csv").iterdir()):
        assert zipped.pop(path.name) == path.read_bytes(), path.name
        found[path.name] = path.read_bytes().decode("utf-8")
    assert not zipped
    return {name: renamed(text) for name, text in found.items()}


def cli_zip(cli: Cli, tmp_path: Path) -> Path:
    path = tmp_path / "out.zip"
    cli.ok("export", "--format", "csv", "-o", str(path))
    return path


@pytest.fixture
def seeded_cli(any_cli: Cli, tmp_path: Path) -> Cli:
    cli = any_cli.at(NOW)
    cli.signup()
    source = tmp_path / "seed.json"
    source.write_text(json.dumps(seeded(), ensure_ascii=False), encoding="utf-8")
    cli.ok("import", str(source))
    return cli


def test_every_format_writes_the_same_bytes_as_before(seeded_cli: Cli, tmp_path: Path) -> None:
    found = outputs(seeded_cli, tmp_path / "out")
    if WRITE:
        FIXTURES.mkdir(parents=True, exist_ok=True)
        for name, text in found.items():
            (FIXTURES / name).write_bytes(text.encode("utf-8"))
    expected = {p.name: p.read_bytes().decode("utf-8") for p in FIXTURES.iterdir()}
    assert sorted(found) == sorted(expected)
    for name, text in found.items():
        assert text == expected[name], name


def _content(document: dict[str, Any]) -> dict[str, Any]:
    """Every entry without the fields that differ between accounts (id, origin)."""

    def strip(entry: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in entry.items() if k not in ("id", "origin")}
        if "messages" in out:
            out["messages"] = [strip(m) for m in out["messages"]]
        return out

    return {k: [strip(e) for e in v] for k, v in document["entries"].items()}


def test_the_streamed_export_imports_back_on_every_backend(seeded_cli: Cli, tmp_path: Path) -> None:
    """The streamed file is an export import reads: into a new account it brings every
    entry, and the new account's export carries the same content; again, it adds nothing."""
    path = tmp_path / "ann.json"
    seeded_cli.ok("export", "-o", str(path))
    source = json.loads(path.read_text(encoding="utf-8"))
    seeded_cli.ok("logout")
    seeded_cli.signup("bob")
    first = seeded_cli.json("import", str(path))
    assert sum(first["skipped"].values()) == 0
    assert first["imported"]["chat_messages"] == sum(
        len(c["messages"]) for c in source["entries"]["chat_sessions"]
    )
    moved = json.loads(seeded_cli.ok("export").stdout)
    assert _content(moved) == _content(source)
    again = seeded_cli.json("import", str(path))
    assert set(again["imported"].values()) == {0}


@pytest.mark.parametrize("target", ["out.json", "out.md", "out.zip", "csv-dir"])
def test_a_failure_half_way_leaves_no_file(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """The store fails after the first page: no file, no temp file, one line, exit 1."""
    import psymitrix_cli.services.export as export

    cli.signup()
    for i in range(5):
        cli.json("journal", "add", f"entry {i}", "--at", f"2025-01-0{i + 1}T10:00")
    monkeypatch.setattr(export, "PAGE", 2)
    real = export.pages

    def failing(*args: Any, **kwargs: Any) -> Any:
        for i, row in enumerate(real(*args, **kwargs)):
            if i == 2:
                raise sqlite3.OperationalError("disk I/O error")
            yield row

    monkeypatch.setattr(export, "pages", failing)
    folder = tmp_path / "out"
    folder.mkdir()
    suffix = target.rsplit(".", 1)[-1]
    fmt = {"json": "json", "md": "md"}.get(suffix, "csv")
    out = cli("export", "--format", fmt, "-o", str(folder / target))
    assert out.exit_code == 1, out
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr, out
    leftovers = [p.name for p in folder.rglob("*") if p.is_file()]
    assert leftovers == [], leftovers
