"""Gratitude through the CLI, on every backend: add, list, show, reflect, delete, bad input."""

from __future__ import annotations

from typing import Any

import pytest

from tests.driver import PASSWORD, Cli, backend
from tests.terminal import run_in_pty


def count(cli: Cli) -> int:
    return int(cli.json("me")["userData"]["gratitudeCount"])


def stored(result: dict[str, Any]) -> dict[str, Any]:
    """An add's result without the screen's verdict: the entry as show/list give it."""
    return {k: v for k, v in result.items() if k not in ("crisis", "safetyTier", "safetyKind")}


def listed(cli: Cli) -> list[dict[str, Any]]:
    return list(cli.json("gratitude", "list", "-n", "200")["items"])


def test_add_show_list_and_count(any_cli: Cli) -> None:
    any_cli.signup(timezone="Asia/Kolkata")
    one = any_cli.json("gratitude", "add", "  Morning light  ")
    assert one["items"] == ["Morning light"]
    # Gratitude text is screened like the journal: the result says what the screen found.
    assert set(one) == {"id", "at", "items", "createdAt", "crisis", "safetyTier"}
    assert (one["crisis"], one["safetyTier"]) == (False, "none")
    three = any_cli.json(
        "gratitude", "add", "Coffee", "A friend's call", "Rain", "--at", "2026-01-05T20:00"
    )
    assert three["items"] == ["Coffee", "A friend's call", "Rain"]
    assert three["at"] == "2026-01-05T14:30:00.000000+00:00"  # 20:00 in India
    screen = ("crisis", "safetyTier")
    shown = any_cli.json("gratitude", "show", three["id"])
    assert shown == {k: v for k, v in three.items() if k not in screen}
    assert [e["id"] for e in listed(any_cli)] == [one["id"], three["id"]]
    assert count(any_cli) == 2
    assert any_cli.json("me")["userData"]["gratitude"][0]["items"] == ["Morning light"]
    human = any_cli.ok("gratitude", "list")
    assert "2026-01-05 20:00" in human.stdout and "A friend's call" in human.stdout
    assert "Rain" in any_cli.ok("gratitude", "show", three["id"]).stdout


def test_list_pages_with_a_cursor(any_cli: Cli) -> None:
    any_cli.signup()
    added = [
        any_cli.json("gratitude", "add", f"thing {i}", "--at", f"2026-01-0{1 + i}T10:00")["id"]
        for i in range(5)
    ]
    seen: list[str] = []
    cursor: list[str] = []
    while True:
        page = any_cli.json("gratitude", "list", "-n", "2", *cursor)
        assert len(page["items"]) <= 2
        seen += [e["id"] for e in page["items"]]
        if page["nextCursor"] is None:
            break
        cursor = ["--cursor", page["nextCursor"]]
    assert seen == added[::-1]
    assert "--cursor" in any_cli.ok("gratitude", "list", "-n", "2").stdout


BAD_ADDS = [
    ([], "no terminal"),
    (["a", "b", "c", "d"], "1 to 3 items; got 4"),
    ([""], "cannot be empty"),
    (["fine", "  "], "Gratitude item 2 cannot be empty"),
    (["x" * 501], "too long"),
    (["tab\there"], "control characters"),
    (["ok", "--at", "around noon-ish"], "not a date I can read"),
    (["ok", "--at", "2999-01-01"], "in the future"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ADDS)
def test_bad_add_exits_2_and_writes_nothing(any_cli: Cli, args: list[str], message: str) -> None:
    any_cli.signup()
    out = any_cli("gratitude", "add", *args)
    assert out.exit_code == 2, out
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert listed(any_cli) == [] and count(any_cli) == 0


def test_item_at_the_limit_is_accepted(cli: Cli) -> None:
    cli.signup()
    assert cli.json("gratitude", "add", "x" * 500)["items"] == ["x" * 500]


@pytest.mark.parametrize("limit", ["0", "-1", "500"])
def test_bad_page_size_exits_2(cli: Cli, limit: str) -> None:
    cli.signup()
    out = cli("gratitude", "list", "-n", limit)
    assert out.exit_code == 2 and "between 1 and 200" in out.stderr


def test_reflect_with_nothing_yet_is_kind_and_exit_0(any_cli: Cli) -> None:
    any_cli.signup()
    out = any_cli.ok("gratitude", "reflect", "--json")
    assert out.json() is None
    human = any_cli.ok("gratitude", "reflect")
    assert "Nothing to look back on yet" in human.stdout


def test_reflect_returns_one_of_the_entries(any_cli: Cli) -> None:
    any_cli.signup()
    entries = {
        e["id"]: stored(e)
        for e in (any_cli.json("gratitude", "add", f"thing {i}") for i in range(3))
    }
    picked = set()
    for _ in range(25):
        result = any_cli.json("gratitude", "reflect")
        assert entries[result["id"]] == result
        picked.add(result["id"])
    assert len(picked) > 1  # random: all 25 the same has probability 3 × (1/3)^25
    out = any_cli.ok("gratitude", "reflect")
    assert "A moment from" in out.stdout and "thing" in out.stdout


def test_delete_and_privacy(any_cli: Cli) -> None:
    any_cli.signup("ann")
    keep = stored(any_cli.json("gratitude", "add", "ann's secret joy"))
    gone = any_cli.json("gratitude", "add", "to delete")
    out = any_cli("gratitude", "delete", gone["id"])
    assert out.exit_code == 2 and "--yes" in out.stderr and count(any_cli) == 2
    any_cli.ok("gratitude", "delete", gone["id"], "--yes")
    assert count(any_cli) == 1 and [e["id"] for e in listed(any_cli)] == [keep["id"]]
    out = any_cli("gratitude", "show", gone["id"])
    assert out.exit_code == 2 and "No gratitude entry with ID" in out.stderr
    assert any_cli("gratitude", "delete", gone["id"], "--yes").exit_code == 2

    any_cli.signup("bob")
    for args in (("show", keep["id"]), ("delete", keep["id"], "--yes")):
        out = any_cli("gratitude", *args)
        assert out.exit_code == 2 and "No gratitude entry with ID" in out.stderr, out
        assert "secret" not in out.stdout + out.stderr
    assert any_cli.json("gratitude", "reflect") is None
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert count(any_cli) == 1 and any_cli.json("gratitude", "show", keep["id"]) == keep


def test_frequency(cli: Cli) -> None:
    clock = "2026-05-31T12:00:00Z"
    cli.at(clock).signup()
    for day in ("2026-05-31", "2026-05-20", "2026-04-01"):
        cli.json("gratitude", "add", "x", "--at", f"{day}T08:00", env={"PSYMITRIX_CLOCK": clock})
    with backend(cli, PSYMITRIX_CLOCK=clock) as psy:
        frequency = psy.gratitude.frequency()  # type: ignore[attr-defined]
    assert frequency == {
        "count": 3,
        "lastAt": "2026-05-31T08:00:00.000000+00:00",
        "last7": 1,
        "last30": 2,
    }


def test_interactive_add_asks_for_up_to_three(cli: Cli) -> None:
    cli.signup()
    code, screen = run_in_pty(
        cli,
        ["gratitude", "add"],
        [
            (b"1:", b"\r"),
            (b"1:", b"Warm socks\r"),
            (b"2:", b"\x07bad\r"),
            (b"2:", b"Tea\r"),
            (b"3:", b"\r"),
        ],
    )
    assert code == 0, screen
    assert "control characters" in screen
    assert [e["items"] for e in listed(cli)] == [["Warm socks", "Tea"]]


def test_gratitude_list_searches_the_items(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("gratitude", "add", "warm tea", "the sun")
    any_cli.ok("gratitude", "add", "my sister's call")
    found = any_cli.json("gratitude", "list", "--search", "TEA")["items"]
    assert [i["items"] for i in found] == [["warm tea", "the sun"]]
    assert any_cli.json("gratitude", "list", "--search", "sister call")["items"][0]["items"] == [
        "my sister's call"
    ]
    none = any_cli.ok("gratitude", "list", "--search", "bicycle")
    assert none.exit_code == 0 and "bicycle" not in none.stdout
    assert any_cli.json("gratitude", "list", "--search", "bicycle")["items"] == []
