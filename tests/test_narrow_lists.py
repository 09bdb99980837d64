"""Lists read well at 80 columns and in a pipe: every row's full ID, date, mood and tags
(issue 11: at 80 columns Mood and Tags had no width and IDs were cut, so none could be
copied)."""

from __future__ import annotations

import pytest

from tests.driver import Cli

AT = "2026-11-10T09:00:00Z"
LATER = "2026-11-10T09:05:00Z"
LONG = "A long entry about the day, the walk by the river and the rain, " * 3


@pytest.fixture
def busy(cli: Cli) -> Cli:
    clocked = cli.at(AT)
    clocked.signup("ann")
    clocked.json("journal", "add", LONG, "--mood", "2", "--tag", "work", "--tag", "rain")
    clocked.json("gratitude", "add", LONG, "tea")
    clocked.json("sleep", "log", "--score", "6", "--hours", "7", "--note", LONG)
    clocked.json("activity", "add", LONG, "--done", "--mood-before", "2", "--mood-after", "4")
    clocked.ok("chat", "send", LONG)
    clocked.ok("breathe", "--cycles", "1", "--plain")
    return cli.at(LATER)


LISTS = {
    "journal": (["journal", "list"], "id", ["2026-11-10 09:00", "2 bad", "#work #rain"]),
    "gratitude": (["gratitude", "list"], "id", ["2026-11-10 09:00"]),
    "sleep": (["sleep", "list"], "date", ["6/10", "7 h"]),  # a night is named by its date
    "activity": (["activity", "list"], "id", ["2026-11-10 09:00"]),
    "chat": (["chat", "sessions"], "id", ["2026-11-10 09:00"]),
    "breathe": (["breathe", "list"], "id", ["2026-11-10 09:00", "box", "1"]),
}


@pytest.mark.parametrize("width", ["80", "100"])
@pytest.mark.parametrize("name", list(LISTS))
def test_every_column_that_identifies_a_row_is_whole(busy: Cli, name: str, width: str) -> None:
    args, key, cells = LISTS[name]
    listed = busy.json(*args)["items"]
    assert listed, name
    out = busy.ok(*args, env={"COLUMNS": width, "NO_COLOR": "1"}).stdout
    lines = out.splitlines()
    assert all(len(line) <= int(width) for line in lines), out
    for item in listed:
        # An ID is shown as its unique prefix (8+ characters), which any command accepts.
        shown = item[key][:8] if key == "id" else item[key]
        row = next((line for line in lines if shown in line), None)
        assert row is not None, f"{name}: the {key} {shown} is not whole on one line:\n{out}"
        for cell in cells:
            assert cell in row, f"{name}: {cell!r} missing from {row!r}"


@pytest.mark.parametrize(
    ("kind", "old"), [("sleep", "history"), ("breathe", "history"), ("test", "history")]
)
def test_every_kind_lists_with_list_and_the_old_name_still_works(
    busy: Cli, kind: str, old: str
) -> None:
    assert busy.json(kind, "list") == busy.json(kind, old)
    assert f" {old} " not in busy.ok(kind, "--help").stdout  # the alias is not advertised
