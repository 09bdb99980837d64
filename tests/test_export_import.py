"""Own your data, on every backend: export (json, csv, zip) and import (idempotent, validated
before anything is written, counters exact), jrnl import, and moving between accounts."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.domain import formats
from psymitrix_cli.domain.export_format import ENTRY_KINDS
from psymitrix_cli.store.base import COUNTERS
from tests.driver import Cli

COUNTS = COUNTERS
KINDS = ENTRY_KINDS
ACCOUNT_FIELDS = {"id", "origin"}  # differ between accounts by design


@pytest.fixture
def data_cli(any_cli: Cli) -> Cli:
    """The CLI on every backend (local SQLite, MongoDB, and a served API)."""
    return any_cli


def rich_history(cli: Cli) -> None:
    """A bit of everything a person can have, through the real commands."""
    cli.json(
        "journal", "add", "Ein schöner Tag ☀ — 晴れ", "--mood", "5", "--tag", "Joy", "-t", "work"
    )
    cli.json("journal", "add", "Tired, but okay", "--mood", "3", "--at", "2025-06-01T08:30")
    cli.json("journal", "add", "No mood today", "--tag", "notes")
    cli.json("gratitude", "add", "Tea", "Rain; on the roof", "Ünïcödé friends")
    cli.json("sleep", "log", "--score", "7", "--hours", "7.5", "--date", "2025-06-01")
    cli.json("sleep", "log", "--score", "4", "--date", "2025-06-02", "--note", "Woke at 3 ☾")
    # A simulated clock plays the 16-second box cycle instantly. Started 20 s ago, it ends
    # in the past (import refuses the future) yet after the token's issue time less the
    # verifier's 30 s leeway (a token issued after "now" is refused).
    started = (datetime.now(UTC) - timedelta(seconds=20)).isoformat()
    cli.ok("breathe", "--cycles", "1", "--plain", env={"PSYMITRIX_CLOCK": started})
    cli.json("test", "phq9", "--answers", "0,1,2,3,0,1,2,3,1", "--difficulty", "2")
    cli.json("test", "gad7", "--answers", "1,1,1,1,1,1,1")
    cli.ok("chat", "send", "Hello there, I had a good day at the park")
    cli.ok("chat", "send", "Thanks, that helps", "--continue")


def export(cli: Cli, *args: str) -> dict[str, Any]:
    return json.loads(cli.ok("export", *args).stdout)


def counts(cli: Cli) -> dict[str, int]:
    data = cli.json("me")["userData"]
    return {c: data[c] for c in COUNTS}


def content(document: dict[str, Any]) -> dict[str, Any]:
    """What must survive a move: every entry without its account-specific fields, and counts."""

    def strip(entry: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in entry.items() if k not in ACCOUNT_FIELDS}
        if "messages" in out:
            out["messages"] = [strip(m) for m in out["messages"]]
        return out

    entries = {
        kind: sorted((strip(e) for e in document["entries"][kind]), key=json.dumps)
        for kind in KINDS
    }
    return {"entries": entries, "counts": {c: document["userData"][c] for c in COUNTS}}


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --- the round trip ------------------------------------------------------------------------


def test_round_trip_to_a_new_account_and_reimport_adds_nothing(
    data_cli: Cli, tmp_path: Path
) -> None:
    data_cli.signup("ann", timezone="Europe/Berlin")
    rich_history(data_cli)
    source = export(data_cli)
    assert source["format"] == "psymitrix-export" and source["version"] == 1
    assert set(source["entries"]) == set(KINDS)
    assert {"passwordHash", "tokenVersion"}.isdisjoint(source["user"])
    assessments = source["entries"]["assessments"]
    assert sorted(len(a["answers"]) for a in assessments) == [7, 9]
    (chat,) = source["entries"]["chat_sessions"]
    assert [m["role"] for m in chat["messages"]] == ["user", "assistant"] * 2
    assert [m["seq"] for m in chat["messages"]] == [0, 1, 2, 3]
    path = write(tmp_path / "ann.json", source)

    data_cli.ok("logout")
    data_cli.signup("bob")
    first = data_cli.json("import", str(path))
    assert first["dryRun"] is False
    assert first["imported"]["mood_journal"] == 3 and first["imported"]["sleep"] == 2
    assert sum(first["skipped"].values()) == 0
    moved = export(data_cli)
    assert content(moved) == content(source)
    before = counts(data_cli)
    assert before == {c: source["userData"][c] for c in COUNTS}

    again = data_cli.json("import", str(path))
    assert set(again["imported"].values()) == {0}
    assert again["skipped"] == first["imported"]
    assert counts(data_cli) == before
    assert content(export(data_cli)) == content(source)


def test_a_round_trip_back_to_the_first_account_adds_nothing(cli: Cli, tmp_path: Path) -> None:
    cli.signup("ann")
    rich_history(cli)
    ann = write(tmp_path / "ann.json", export(cli))
    cli.ok("logout")
    cli.signup("bob")
    cli.json("import", str(ann))
    cli.json("journal", "add", "Written on the other side", "--mood", "4")
    bob = write(tmp_path / "bob.json", export(cli))
    cli.ok("logout")
    cli.ok("login", "ann", "--password-stdin", input="correct-horse-9\n")
    before = counts(cli)
    back = cli.json("import", str(bob))
    assert back["imported"]["mood_journal"] == 1  # only what was new on the other side
    assert sum(back["imported"].values()) == 1
    after = counts(cli)
    assert after["moodJournalCount"] == before["moodJournalCount"] + 1
    assert {k: v for k, v in after.items() if k != "moodJournalCount"} == {
        k: v for k, v in before.items() if k != "moodJournalCount"
    }


def test_importing_your_own_export_adds_nothing(data_cli: Cli, tmp_path: Path) -> None:
    data_cli.signup()
    rich_history(data_cli)
    path = write(tmp_path / "me.json", export(data_cli))
    before = counts(data_cli)
    result = data_cli.json("import", str(path))
    assert set(result["imported"].values()) == {0}
    assert counts(data_cli) == before


def test_dry_run_counts_and_writes_nothing(data_cli: Cli, tmp_path: Path) -> None:
    data_cli.signup("ann")
    rich_history(data_cli)
    path = write(tmp_path / "ann.json", export(data_cli))
    data_cli.ok("logout")
    data_cli.signup("bob")
    result = data_cli.json("import", str(path), "--dry-run")
    assert result["dryRun"] is True
    assert result["imported"]["assessments"] == 2 and result["imported"]["sleep"] == 2
    assert set(counts(data_cli).values()) == {0}
    assert all(export(data_cli)["entries"][k] == [] for k in KINDS)
    human = data_cli.ok("import", str(path), "--dry-run")
    assert "Dry run" in human.stdout


def test_export_reads_in_pages(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import psymitrix_cli.services.export as data

    cli.signup()
    for i in range(5):
        cli.json("journal", "add", f"entry {i}", "--at", f"2025-01-0{i + 1}T10:00")
    monkeypatch.setattr(data, "PAGE", 2)
    entries = export(cli)["entries"]["mood_journal"]
    assert [e["text"] for e in entries] == [f"entry {i}" for i in range(5)]  # oldest first


def test_a_chat_session_keeps_its_messages_and_counts(data_cli: Cli, tmp_path: Path) -> None:
    """Built by hand, so it runs whether or not `chat` exists on this backend yet."""
    data_cli.signup()
    now = datetime.now(UTC) - timedelta(days=2)
    at = [(now + timedelta(minutes=i)).isoformat() for i in range(4)]
    session = {
        "id": "s1",
        "startedAt": at[0],
        "lastActivityAt": at[3],
        "endedAt": at[3],
        "title": "A walk",
        "summary": "We talked about a walk.",
        "provider": "offline",
        "model": "offline",
        "summarisedAt": at[3],
        "messages": [
            {"id": "m2", "seq": 2, "role": "user", "content": "and rain ☔", "at": at[2]},
            {"id": "m0", "seq": 0, "role": "user", "content": "a walk", "at": at[0]},
            {"id": "m1", "seq": 1, "role": "assistant", "content": "Nice.", "at": at[1]},
            {"id": "m3", "seq": 3, "role": "assistant", "content": "Lovely.\n", "at": at[3]},
        ],
    }
    empty = {"id": "s2", "startedAt": at[1], "messages": []}
    document = {
        "format": "psymitrix-export",
        "version": 1,
        "user": {"id": "someone"},
        "entries": {"chat_sessions": [session, empty]},
    }
    path = write(tmp_path / "chat.json", document)
    result = data_cli.json("import", str(path))
    assert result["imported"]["chat_sessions"] == 2 and result["imported"]["chat_messages"] == 4
    assert counts(data_cli)["chatSessionCount"] == 1  # the empty session is not counted
    (walk, blank) = sorted(
        export(data_cli)["entries"]["chat_sessions"], key=lambda s: s["startedAt"]
    )
    assert [m["content"] for m in walk["messages"]] == [
        "a walk",
        "Nice.",
        "and rain ☔",
        "Lovely.\n",
    ]
    assert walk["messageCount"] == 4 and walk["userMessageCount"] == 2
    assert walk["summary"] == "We talked about a walk." and blank["messages"] == []
    assert data_cli.json("import", str(path))["imported"]["chat_messages"] == 0
    assert counts(data_cli)["chatSessionCount"] == 1


# --- bad files: exit 2, one line, nothing written -------------------------------------------


def _valid(tmp_path: Path | None = None) -> dict[str, Any]:
    day = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    breath = {"pattern": "box", "label": "4-4-4-4", "cycles": 1, "durationSeconds": 16}
    message = {"id": "m1", "seq": 0, "role": "user", "content": "hi", "at": day}
    return {
        "format": "psymitrix-export",
        "version": 1,
        "user": {"id": "abc"},
        "entries": {
            "mood_journal": [{"id": "j1", "at": day, "text": "fine", "mood": 3, "tags": ["a"]}],
            "gratitude": [{"id": "g1", "at": day, "items": ["tea"]}],
            "sleep": [{"id": "s1", "date": "2025-01-01", "score": 5}],
            "assessments": [
                {"id": "a1", "instrument": "GAD-7", "answers": [0] * 7, "takenAt": day},
            ],
            "breathing": [
                {"id": "b1", **breath, "startedAt": day, "endedAt": day, "completed": True}
            ],
            "chat_sessions": [{"id": "c1", "startedAt": day, "messages": [message]}],
            "activity": [
                {"id": "v1", "at": day, "text": "a walk", "done": True, "doneAt": day, "mastery": 6}
            ],
            "safety_plan": [{"id": "p1", "updatedAt": day, "helpers": [{"name": "Sam"}]}],
            "memory": [{"id": "n1", "text": "Walks help me", "createdAt": day}],
        },
    }


def _changed(edit: Any) -> Any:
    def make(tmp_path: Path) -> Path:
        document = _valid()
        edit(document)
        return write(tmp_path / "bad.json", document)

    return make


def _truncated(tmp_path: Path) -> Path:
    text = json.dumps(_valid(tmp_path))
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2])
    return path


def _junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk.bin"
    with path.open("wb") as handle:
        handle.write(b"\x00PK\x03\x04")
        for _ in range(50):
            handle.write(os.urandom(1024 * 1024))
    return path


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.write(b"{")
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    return path


def _set(path: str, value: Any) -> Any:
    def edit(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return _changed(edit)


BAD_FILES = [
    ("truncated", _truncated, "ends early"),
    ("junk-50mb", _junk, "not a JSON object"),
    ("too-large", _too_large, "the limit is 64 MB"),
    ("not-an-object", lambda p: write(p / "list.json", [1, 2]), "not a JSON object"),
    ("wrong-format", _set("format", "something-else"), "format"),
    ("wrong-version", _set("version", 2), "version: 2 is not one"),
    ("mood-as-text", _set("entries.mood_journal.0.mood", "high"), "mood_journal[0].mood"),
    ("answer-out-of-range", _set("entries.assessments.0.answers", [0] * 6 + [4]), "answer 7"),
    ("wrong-total", _set("entries.assessments.0.total", 3), "add up to 0"),
    ("bad-date", _set("entries.sleep.0.date", "2025-13-01"), "sleep[0].date"),
    ("future-instant", _set("entries.mood_journal.0.at", "2999-01-01T00:00:00Z"), "future"),
    ("score-too-high", _set("entries.sleep.0.score", 11), "Sleep score"),
    ("unknown-kind", _set("entries.diary", []), "unknown kind"),
    ("breathing-label", _set("entries.breathing.0.label", "9-9-9-9"), "breathing[0]: Label"),
    ("chat-role", _set("entries.chat_sessions.0.messages.0.role", "system"), "messages[0].role"),
    ("entries-not-a-list", _set("entries.gratitude", {"a": 1}), "expected a list"),
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_exits_2_and_writes_nothing(
    data_cli: Cli, tmp_path: Path, name: str, make: Any, message: str
) -> None:
    data_cli.signup()
    path = make(tmp_path)
    out = data_cli("import", str(path))
    assert out.exit_code == 2, out
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Nothing was imported" in lines[0], out
    assert set(counts(data_cli).values()) == {0}
    assert all(export(data_cli)["entries"][k] == [] for k in KINDS)


def test_the_valid_sample_is_valid(cli: Cli, tmp_path: Path) -> None:
    """The bad files above are each one change away from a file that imports."""
    cli.signup()
    result = cli.json("import", str(write(tmp_path / "ok.json", _valid(tmp_path))))
    assert set(result["imported"].values()) == {1}
    assert set(counts(cli).values()) == {0, 1} and counts(cli)["chatSessionCount"] == 1


# --- the registry of formats ----------------------------------------------------------------


def test_every_exporter_carries_every_exported_kind_or_says_why_not() -> None:
    """A kind added to the registry and left out of an exporter fails here, not silently."""
    assert set(KINDS) == {k for e in formats.EXPORTERS for k in e.carries} | {
        k for e in formats.EXPORTERS for k in e.leaves_out
    }
    for exporter in formats.EXPORTERS:
        carried, left_out = set(exporter.carries), set(exporter.leaves_out)
        assert carried | left_out == set(KINDS), (exporter.name, set(KINDS) - carried - left_out)
        assert not carried & left_out, exporter.name
        assert all(why.strip() for why in exporter.leaves_out.values()), exporter.name


def test_every_exporter_writes_what_it_says_it_carries(cli: Cli, tmp_path: Path) -> None:
    """An export holding every kind; each exporter's output changes when a kind it carries
    is taken away, and does not when a kind it leaves out is."""
    cli.signup()
    cli.ok("import", str(write(tmp_path / "all.json", _valid())))
    document = export(cli)
    assert all(document["entries"][k] for k in KINDS), "the sample must hold every kind"
    for exporter in formats.EXPORTERS:
        whole = exporter.render(document)
        for kind in KINDS:
            without = {**document, "entries": {**document["entries"], kind: []}}
            changed = exporter.render(without) != whole
            assert changed == (kind in exporter.carries), (exporter.name, kind)


def test_the_choices_and_their_help_come_from_the_registry(cli: Cli) -> None:
    text = " ".join(cli.ok("export", "--help").stdout.split())
    for exporter in formats.EXPORTERS:
        assert exporter.name in text and exporter.help in text, exporter.name
    text = " ".join(cli.ok("import", "--help").stdout.split())
    for importer in formats.IMPORTERS:
        assert importer.name in text and importer.help in text, importer.name
    # The one-line summary in `psymitrix --help` is kept by hand (it imports nothing).
    (summary,) = [ln for ln in cli.ok("--help").stdout.splitlines() if ln.split()[:1] == ["export"]]
    assert all(exporter.name in summary for exporter in formats.EXPORTERS), summary
    cli.signup()
    for args in (["export", "--format", "xml"], ["import", "-", "--from", "md"]):
        out = cli(*args, input="{}")
        assert out.exit_code == 2 and args[-1] in out.stderr, out


def test_markdown_export_reads_by_date_in_the_persons_time(data_cli: Cli, tmp_path: Path) -> None:
    """jrnl's layout (a heading a year, a month, an entry), journal and gratitude
    interleaved, local times, a person's text kept as text."""
    data_cli.signup(timezone="Europe/Berlin")
    data_cli.json("journal", "add", "Fireworks <3\n# not a heading", "--mood", "5",
                  "--tag", "party", "--at", "2026-01-01T00:30")  # fmt: skip
    data_cli.json("gratitude", "add", "Tea", "Rain", "--at", "2025-12-31T18:00")
    data_cli.json("sleep", "log", "--score", "7", "--date", "2025-12-31")
    out = data_cli.ok("export", "--format", "md").stdout
    assert out == (
        "# 2025\n\n## December\n\n### 2025-12-31 18:00 · Grateful for\n\n- Tea\n- Rain\n\n"
        "# 2026\n\n## January\n\n### 2026-01-01 00:30 · mood 5/5 (great) · #party\n\n"
        "Fireworks &lt;3  \n\\# not a heading\n"
    )
    path = tmp_path / "journal.md"
    written = data_cli.json("export", "-f", "md", "-o", str(path))
    assert written["entries"] == 2 and path.read_text(encoding="utf-8") == out  # sleep: not md's
    assert mode(path) == 0o600


def test_import_reads_standard_input(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    result = cli.json("import", "-", input=json.dumps(_valid(tmp_path)))
    assert result["imported"]["sleep"] == 1


def test_a_missing_file_is_one_line(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    out = cli("import", str(tmp_path / "nope.json"))
    assert out.exit_code == 2 and "Cannot import" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


# --- jrnl -------------------------------------------------------------------------------------

JRNL = {
    "tags": {"@work": 1, "@Happy": 1},
    "entries": [
        {"date": "2024-05-01", "time": "09:30", "title": "Morning pages.",
         "body": "Coffee and a plan ☕", "tags": ["@work", "@Happy", "@not valid!"],
         "starred": False},
        {"date": "2024-05-02", "time": "21:05", "title": "Evening.", "body": "", "tags": [],
         "starred": True},
    ],
}  # fmt: skip


def test_jrnl_import_keeps_dates_and_tags_and_is_idempotent(data_cli: Cli, tmp_path: Path) -> None:
    data_cli.signup(timezone="Asia/Kolkata")
    path = write(tmp_path / "jrnl.json", JRNL)
    first = data_cli.json("import", "--from", "jrnl", str(path))
    assert first["imported"]["mood_journal"] == 2
    second = data_cli.json("import", "--from", "jrnl", str(path))
    assert second["imported"]["mood_journal"] == 0 and second["skipped"]["mood_journal"] == 2
    assert counts(data_cli)["moodJournalCount"] == 2
    entries = data_cli.json("journal", "list")["items"]
    morning = next(e for e in entries if e["text"].startswith("Morning"))
    assert morning["text"] == "Morning pages.\n\nCoffee and a plan ☕"
    assert morning["at"] == "2024-05-01T04:00:00.000000+00:00"  # 09:30 in India
    assert morning["tags"] == ["work", "happy"] and morning["mood"] is None
    evening = next(e for e in entries if e["text"] == "Evening.")
    assert evening["at"] == "2024-05-02T15:35:00.000000+00:00"


def test_a_bad_jrnl_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    bad = {"entries": [{"date": "May 1st", "title": "x"}]}
    out = cli("import", "--from", "jrnl", str(write(tmp_path / "j.json", bad)))
    assert out.exit_code == 2 and "entries[0].date" in out.stderr, out
    assert counts(cli)["moodJournalCount"] == 0


# --- csv, files and modes ----------------------------------------------------------------------


def _tables(files: dict[str, bytes]) -> dict[str, list[dict[str, str]]]:
    return {
        name: list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        for name, data in files.items()
    }


def _check_tables(tables: dict[str, list[dict[str, str]]]) -> None:
    assert set(tables) == {f"{k}.csv" for k in (*KINDS, "chat_messages")}
    journal = tables["mood_journal.csv"]
    assert len(journal) == 3 and journal[0]["text"] == "Tired, but okay"  # oldest first
    assert any(r["text"] == "Ein schöner Tag ☀ — 晴れ" and r["tags"] == "joy;work" for r in journal)
    assert tables["gratitude.csv"][0]["items"] == "Tea;Rain; on the roof;Ünïcödé friends"
    assert [r["note"] for r in tables["sleep.csv"]] == ["", "Woke at 3 ☾"]
    phq = next(r for r in tables["assessments.csv"] if r["instrument"] == "PHQ-9")
    assert phq["answers"] == "0;1;2;3;0;1;2;3;1" and phq["total"] == "13"
    assert phq["crisis"] == "true" and phq["difficulty"] == "2"
    assert tables["breathing.csv"][0]["pattern"] == "box"


def test_csv_to_a_directory_and_to_a_zip(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    rich_history(cli)
    out = tmp_path / "csv-out"
    cli.ok("export", "--format", "csv", "--output", str(out))
    files = {p.name: p.read_bytes() for p in out.iterdir()}
    assert all(mode(out / name) == 0o600 for name in files)
    _check_tables(_tables(files))
    header = files["mood_journal.csv"].decode().splitlines()[0]
    assert header == "id,at,mood,moodLabel,tags,text,createdAt,updatedAt"

    archive = tmp_path / "export.zip"
    result = cli.json("export", "-f", "csv", "-o", str(archive))
    assert result["path"] == str(archive) and mode(archive) == 0o600
    with zipfile.ZipFile(archive) as zipped:
        _check_tables(_tables({name: zipped.read(name) for name in zipped.namelist()}))


def test_csv_default_directory_is_dated(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    cli.json("journal", "add", "hello")
    cli.ok("export", "-f", "csv")
    (made,) = [p for p in tmp_path.iterdir() if p.name.startswith("psymitrix-export-")]
    assert (made / "mood_journal.csv").exists()


def test_output_files_are_private_and_match_stdout(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    rich_history(cli)
    path = tmp_path / "out.json"
    summary = cli.json("export", "--output", str(path))
    assert summary["path"] == str(path) and summary["entries"] >= 10
    assert mode(path) == 0o600
    written = json.loads(path.read_text(encoding="utf-8"))
    assert content(written) == content(export(cli))
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    fhir = shared / "out.fhir.json"
    cli.ok("export", "-f", "fhir", "-o", str(fhir))
    assert mode(fhir) == 0o600 and json.loads(fhir.read_text())["resourceType"] == "Bundle"
    assert mode(shared) == 0o755  # a folder the person chose is left as it was


def test_overwriting_keeps_the_file_private(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    path = tmp_path / "old.json"
    path.write_text("old")
    path.chmod(0o644)
    cli.ok("export", "-o", str(path))
    assert mode(path) == 0o600 and json.loads(path.read_text())["version"] == 1


def test_no_progress_bar_when_not_a_tty(cli: Cli) -> None:
    cli.signup()
    out = cli.ok("export")
    assert out.stderr == ""
    json.loads(out.stdout)


def test_a_progress_bar_only_for_large_exports_on_a_terminal() -> None:
    from rich.console import Console

    from psymitrix_cli.ui.terminal import Terminal
    from psymitrix_cli.ui.views import data as views

    def shown(total: int) -> str:
        term = Terminal()
        buffer = io.StringIO()
        term.__dict__["err"] = Console(file=buffer, force_terminal=True, width=80)
        with views.progress(term) as report:
            assert report is not None
            report(total // 2, total)
            report(total, total)
        return buffer.getvalue()

    assert "Exporting" in shown(views.LARGE_EXPORT * 2)
    assert shown(10) == ""
