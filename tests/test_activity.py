"""The activity log (behavioural activation) as a person uses it, on every backend:
plan, do, rate, list, show, delete; refused input writes nothing; it is counted in `me`
and on the dashboard, exported (json, csv, fhir), imported once, and part of the check-in.

Every call runs on a simulated clock (`Cli.at`), signed up on it too: a token issued
after the clock's "now" is refused."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.driver import Cli

NOW = "2026-11-20T09:00:00Z"  # a Friday
NOW_STORED = "2026-11-20T09:00:00.000000+00:00"
NEXT_WEEK = "2026-11-27"
TOMORROW = "2026-11-21T09:00:00Z"
FIELDS = {
    "id", "at", "text", "planned", "done", "doneAt", "moodBefore", "moodAfter",
    "mastery", "pleasure", "tags", "createdAt", "updatedAt",
}  # fmt: skip
SAVED = FIELDS | {"crisis", "safetyTier"}  # an add or edit also says what the screen decided


@pytest.fixture
def ann(any_cli: Cli) -> Cli:
    """Ann, signed up on the simulated clock, every call at NOW."""
    at_now = any_cli.at(NOW)
    at_now.signup("ann", timezone="Europe/London")
    return at_now


def count(cli: Cli) -> int:
    return int(cli.json("me")["userData"]["activityCount"])


def items(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return list(cli.json("activity", "list", *args)["items"])


def test_plan_an_activity_then_do_it(ann: Cli) -> None:
    planned = ann.json(
        "activity", "add", "walk by the river", "--planned", NEXT_WEEK, "--mood-before", "2"
    )
    assert set(planned) == SAVED and planned["crisis"] is False
    assert planned["planned"] == NEXT_WEEK and planned["done"] is False
    assert planned["doneAt"] is None and planned["moodBefore"] == 2
    assert planned["at"] == "2026-11-27T12:00:00.000000+00:00"  # noon on the day, London
    listed = ann.ok("activity", "list").stdout
    assert "walk by the river" in listed and f"planned {NEXT_WEEK}" in listed

    done = ann.json(
        "activity", "done", planned["id"], "--mood-after", "4", "--mastery", "6",
        "--pleasure", "8",
    )  # fmt: skip
    assert done["id"] == planned["id"] and done["done"] is True
    # Done ahead of its day, it belongs to the day it was done; the plan's day is kept.
    assert done["doneAt"] == done["at"] == NOW_STORED and done["planned"] == NEXT_WEEK
    assert (done["moodBefore"], done["moodAfter"]) == (2, 4)  # the plan's mood is kept
    assert (done["mastery"], done["pleasure"]) == (6, 8)
    shown = ann.json("activity", "show", planned["id"])
    assert set(shown) == FIELDS
    assert {k: shown[k] for k in FIELDS} == {k: done[k] for k in FIELDS}
    text = ann.ok("activity", "show", planned["id"]).stdout
    assert "mood 2→4" in text and "mastery 6/10" in text and "pleasure 8/10" in text
    assert f"Planned for  {NEXT_WEEK}" in text
    assert count(ann) == 1


def test_log_an_activity_already_done(ann: Cli) -> None:
    entry = ann.json(
        "activity", "add", "tea with Sam", "--done", "--mood-before", "2", "--mood-after", "4",
        "--mastery", "0", "--pleasure", "10", "--tag", "Friends", "--tag", "outdoors",
    )  # fmt: skip
    assert entry["done"] is True and entry["at"] == entry["doneAt"] == NOW_STORED
    assert (entry["mastery"], entry["pleasure"]) == (0, 10)  # both ends of the scale
    assert entry["tags"] == ["friends", "outdoors"] and entry["planned"] is None
    page = ann.json("activity", "list")
    assert set(page) == {"items", "nextCursor"} and page["nextCursor"] is None
    (listed,) = page["items"]
    assert set(listed) == FIELDS and listed["id"] == entry["id"]
    assert [i["id"] for i in items(ann, "--tag", "friends")] == [entry["id"]]
    assert items(ann, "--tag", "work") == []
    assert "Done: a nap" in ann.ok("activity", "add", "a nap", "--done").stdout


def test_list_is_newest_first_and_filters_by_day(ann: Cli) -> None:
    swim = ann.json("activity", "add", "swim", "--done", "--at", "2026-11-18T10:00")
    assert swim["at"] == swim["doneAt"] == "2026-11-18T10:00:00.000000+00:00"  # done then
    ann.ok("activity", "add", "bake", "--done")
    ann.ok("activity", "add", "call mum", "--planned", NEXT_WEEK)
    assert [i["text"] for i in items(ann)] == ["call mum", "bake", "swim"]
    assert [i["text"] for i in items(ann, "--until", "2026-11-19")] == ["swim"]
    assert [i["text"] for i in items(ann, "--since", "2026-11-20", "--until", "2026-11-20")] == [
        "bake"
    ]


BAD = [
    (["x", "--mastery", "11"], "--mastery"),
    (["x", "--pleasure", "-1"], "--pleasure"),
    (["x", "--mood-before", "6"], "--mood-before"),
    (["x", "--done", "--mood-after", "0"], "--mood-after"),
    (["x", "--mood-after", "4"], "--done"),  # how it felt after goes with doing it
    (["x", "--planned", "2026-13-01"], "--planned"),
    (["x", "--planned", "tomorrow-ish"], "--planned"),
    (["x", "--planned", "2031-01-01"], "--planned"),  # years ahead is not a plan
    (["x", "--done", "--at", "2026-11-25T10:00"], "--at"),  # done in the future
    ([""], "activity"),
    (["   "], "activity"),
    (["x" * 501], "activity"),
    (["x", "--tag", "no spaces allowed"], "tag"),
]


def test_bad_input_is_one_line_exit_2_and_writes_nothing(ann: Cli) -> None:
    for args, names in BAD:
        out = ann("activity", "add", *args)
        assert out.exit_code == 2, (args, out)
        assert names in out.stderr.lower(), (args, out)
        assert len(out.stderr.strip().splitlines()) == 1, (args, out)
        assert "Traceback" not in out.stderr
    assert count(ann) == 0 and items(ann) == []


def test_done_and_delete_refuse_what_is_wrong_and_change_nothing(ann: Cli) -> None:
    entry = ann.json("activity", "add", "walk", "--planned", NEXT_WEEK)
    for args in (["--mastery", "11"], ["--pleasure", "x"], ["--mood-after", "9"]):
        out = ann("activity", "done", entry["id"], *args)
        assert out.exit_code == 2 and len(out.stderr.strip().splitlines()) == 1, (args, out)
    assert ann.json("activity", "show", entry["id"])["done"] is False
    for command in (["done", "nope"], ["show", "nope"], ["delete", "nope", "--yes"]):
        out = ann("activity", *command)
        assert out.exit_code == 2 and "No activity with ID 'nope'" in out.stderr, out
    out = ann("activity", "delete", entry["id"])  # no terminal to confirm on
    assert out.exit_code == 2 and "--yes" in out.stderr
    assert [i["id"] for i in items(ann)] == [entry["id"]]
    ann.ok("activity", "delete", entry["id"], "--yes")
    assert items(ann) == []
    assert ann("activity", "show", entry["id"]).exit_code == 2


def test_counted_in_me_and_on_the_dashboard(ann: Cli) -> None:
    status = ann.json("status")
    assert status["today"]["activity"] is False
    assert status["counts"]["activity"] == {"count": 0, "lastAt": None, "last7": 0, "last30": 0}
    # A plan for next week is not something done today, nor in the last 7 days.
    ann.ok("activity", "add", "dentist", "--planned", NEXT_WEEK)
    status = ann.json("status")
    assert status["today"]["activity"] is False
    assert status["counts"]["activity"]["last7"] == 0
    ann.ok("activity", "add", "swim", "--done", "--at", "2026-11-01T10:00")
    ann.ok("activity", "add", "bake", "--done")
    status = ann.json("status")
    assert status["today"]["activity"] is True
    counts = status["counts"]["activity"]
    assert counts["count"] == 3 and counts["last7"] == 1 and counts["last30"] == 2
    me = ann.json("me")["userData"]
    assert me["activityCount"] == 3
    assert sorted(a["text"] for a in me["activities"]) == ["bake", "dentist", "swim"]
    text = ann.ok("status").stdout
    assert "Activities" in text and "✓ activity" in text
    # The plan for next week, done today ahead of its day, counts today.
    dentist = next(i for i in items(ann) if i["text"] == "dentist")
    ann.ok("activity", "done", dentist["id"])
    counts = ann.json("status")["counts"]["activity"]
    assert counts["count"] == 3 and counts["last7"] == 2 and counts["lastAt"] == NOW_STORED
    # Tomorrow the checklist starts empty again.
    assert ann.json("status", env={"PSYMITRIX_CLOCK": TOMORROW})["today"]["activity"] is False


def test_one_thing_you_did_today_in_the_checkin(ann: Cli) -> None:
    result = ann.json("checkin", "--mood", "3", "--activity", "called mum")
    activity = result["activity"]
    assert activity["text"] == "called mum" and activity["done"] is True
    assert activity["doneAt"] == NOW_STORED and "checkin" in activity["tags"]
    assert result["journal"]["mood"] == 3
    assert ann.json("status")["today"]["activity"] is True
    assert [i["text"] for i in items(ann)] == ["called mum"]
    assert "activity" in ann.ok("checkin", "--activity", "a short walk").stdout
    assert count(ann) == 1  # the day's check-in, updated
    assert [i["text"] for i in items(ann)] == ["a short walk"]
    ann.ok("checkin", "--activity", "read a chapter", "--new")
    assert count(ann) == 2


def test_a_bad_activity_in_the_checkin_writes_no_part_of_it(ann: Cli) -> None:
    for activity in ("", "   ", "x" * 501):
        out = ann("checkin", "--mood", "4", "--sleep", "7", "--activity", activity)
        assert out.exit_code == 2 and len(out.stderr.strip().splitlines()) == 1, out
    data = ann.json("me")["userData"]
    assert data["activityCount"] == data["moodJournalCount"] == data["sleepLogCount"] == 0


def _history(cli: Cli) -> None:
    cli.ok("activity", "add", "walk by the river", "--planned", NEXT_WEEK, "--mood-before", "2")
    cli.ok(
        "activity", "add", "tea with Sam", "--done", "--mood-before", "2", "--mood-after", "4",
        "--mastery", "3", "--pleasure", "7", "--tag", "friends",
    )  # fmt: skip


def _content(document: dict[str, Any]) -> list[dict[str, Any]]:
    kept = [{k: v for k, v in e.items() if k not in ("id", "origin")} for e in document]
    return sorted(kept, key=lambda e: json.dumps(e, sort_keys=True))


def test_exported_as_json_and_csv_and_imported_once(ann: Cli, tmp_path: Path) -> None:
    _history(ann)
    document = json.loads(ann.ok("export").stdout)
    exported = document["entries"]["activity"]
    assert len(exported) == 2 and all(set(e) == FIELDS for e in exported)
    assert document["userData"]["activityCount"] == 2

    ann.ok("export", "--format", "csv", "--output", str(tmp_path / "csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "activity.csv").read_text())))
    by_text = {r["text"]: r for r in rows}
    assert set(by_text) == {"walk by the river", "tea with Sam"}
    assert by_text["tea with Sam"]["done"] == "true" and by_text["tea with Sam"]["pleasure"] == "7"
    assert by_text["walk by the river"]["planned"] == NEXT_WEEK
    assert by_text["walk by the river"]["moodAfter"] == ""
    bundle = json.loads(ann.ok("export", "--format", "fhir").stdout)
    observed = [
        e["resource"]["valueString"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
    ]
    assert sorted(observed) == ["tea with Sam", "walk by the river"]

    path = tmp_path / "ann.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ann.ok("logout")
    ann.signup("bob")
    first = ann.json("import", str(path))
    assert first["imported"]["activity"] == 2 and first["skipped"]["activity"] == 0
    again = ann.json("import", str(path))
    assert again["imported"]["activity"] == 0 and again["skipped"]["activity"] == 2
    assert count(ann) == 2
    moved = json.loads(ann.ok("export").stdout)["entries"]["activity"]
    assert _content(moved) == _content(exported)
    # Done on the new account, it is the same entry, not a new one.
    planned = next(i for i in items(ann) if not i["done"])
    ann.ok("activity", "done", planned["id"], "--pleasure", "5")
    assert count(ann) == 2


def test_an_import_is_checked_by_the_same_rules(ann: Cli, tmp_path: Path) -> None:
    _history(ann)
    document = json.loads(ann.ok("export").stdout)
    document["entries"]["activity"][0]["mastery"] = 12
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ann.ok("logout")
    ann.signup("bob")
    out = ann("import", str(path))
    assert out.exit_code == 2 and "entries.activity[0].mastery" in out.stderr, out
    assert len(out.stderr.strip().splitlines()) == 1
    assert count(ann) == 0
