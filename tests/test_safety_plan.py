"""The safety plan through the CLI on every backend: show, add, remove, set, edit from a
file (text or JSON) and in $EDITOR, delete; one plan per person; bad input is one line,
exit 2, nothing written; export and import carry it; and GET/PUT /v1/safety-plan."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from psymitrix_cli.domain import safety_plan as rules
from tests.driver import PASSWORD, Cli, stored_token
from tests.fixtures.server import ApiServer
from tests.terminal import run_in_pty


def plan(cli: Cli) -> dict[str, Any]:
    return dict(cli.json("safety-plan"))


def test_no_plan_yet(any_cli: Cli) -> None:
    any_cli.signup()
    empty = plan(any_cli)
    assert empty["exists"] is False and empty["updatedAt"] is None
    assert all(empty[s.key] == [] for s in rules.SECTIONS)
    assert "don't have a safety plan yet" in any_cli.ok("safety-plan").stdout


def test_add_remove_set_and_show(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("safety-plan", "add", "warning-signs", "Not sleeping", "Skipping meals")
    any_cli.ok("safety-plan", "add", "helpers", "Sam", "--phone", "555 0101")
    any_cli.ok("safety-plan", "add", "helpers", "Mum: 0711 222 333")
    any_cli.ok("safety-plan", "add", "professionals", "Dr Lee (GP): 020 7946 0000")
    any_cli.ok("safety-plan", "add", "reasons", "My niece")
    got = plan(any_cli)
    assert got["exists"] is True and got["createdAt"] and got["updatedAt"]
    assert got["warningSigns"] == ["Not sleeping", "Skipping meals"]
    assert got["helpers"] == [
        {"name": "Sam", "phone": "555 0101"},
        {"name": "Mum", "phone": "0711 222 333"},
    ]
    assert got["professionals"] == [{"name": "Dr Lee (GP)", "phone": "020 7946 0000"}]
    any_cli.ok("safety-plan", "remove", "warning-signs", "1")
    any_cli.ok("safety-plan", "remove", "helpers", "mum")  # by name, any case
    any_cli.ok("safety-plan", "set", "coping", "Cold water on my face", "A walk")
    after = plan(any_cli)
    assert after["warningSigns"] == ["Skipping meals"]
    assert after["helpers"] == [{"name": "Sam", "phone": "555 0101"}]
    assert after["copingStrategies"] == ["Cold water on my face", "A walk"]
    assert after["createdAt"] == got["createdAt"]
    shown = any_cli.ok("safety-plan", "show").stdout
    for text in ("Warning signs", "Skipping meals", "Sam: 555 0101", "My reasons for living"):
        assert text in shown
    any_cli.ok("safety-plan", "set", "coping")  # no lines: the section is emptied
    assert plan(any_cli)["copingStrategies"] == []


BAD = [
    (("add", "feelings", "x"), "no safety-plan section 'feelings'"),
    (("add", "coping", "x", "--phone", "555"), "--phone"),
    (("add", "helpers", "A", "B", "--phone", "555"), "--phone"),
    (("add", "coping", "   "), "cannot be empty"),
    (("add", "coping", "x" * 301), "too long"),
    (("add", "coping", "bell\x07"), "control characters"),
    (("remove", "helpers", "7"), "has no item"),
    (("remove", "coping", "1"), "nothing to remove"),
    (("remove", "helpers", "Nobody"), "has no item"),
    (("edit",), "terminal"),
    (("delete",), "--yes"),
]


@pytest.mark.parametrize(("args", "message"), BAD)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    any_cli: Cli, args: tuple[str, ...], message: str
) -> None:
    any_cli.signup()
    any_cli.ok("safety-plan", "add", "helpers", "Sam: 555")
    before = plan(any_cli)
    out = any_cli("safety-plan", *args)
    assert out.exit_code == 2, out
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1, out
    assert "Traceback" not in out.stderr
    assert plan(any_cli) == before


def test_too_many_items_in_a_section(cli: Cli) -> None:
    cli.signup()
    cli.ok("safety-plan", "set", "coping", *[f"thing {i}" for i in range(rules.ITEMS_MAX)])
    out = cli("safety-plan", "add", "coping", "one more")
    assert out.exit_code == 2 and f"at most {rules.ITEMS_MAX}" in out.stderr
    assert len(plan(cli)["copingStrategies"]) == rules.ITEMS_MAX


def test_edit_from_a_text_file_or_json_on_stdin(any_cli: Cli, tmp_path: Path) -> None:
    any_cli.signup()
    text = rules.to_text(rules.SafetyPlanPayload())  # the template the editor starts from
    text = text.replace(
        "## Warning signs\n", "## Warning signs\n- Lying awake past 3am\n* Not answering texts\n"
    ).replace(
        "## Professionals and services I can contact\n",
        "## Professionals and services I can contact\n- Crisis team: 0800 123 456\n",
    )
    path = tmp_path / "plan.txt"
    path.write_text(text)
    any_cli.ok("safety-plan", "edit", "--file", str(path))
    got = plan(any_cli)
    assert got["warningSigns"] == ["Lying awake past 3am", "Not answering texts"]
    assert got["professionals"] == [{"name": "Crisis team", "phone": "0800 123 456"}]
    body = {"copingStrategies": ["Music"], "helpers": [{"name": "Sam", "phone": None}]}
    any_cli.ok("safety-plan", "edit", "--file", "-", input=json.dumps(body))
    replaced = plan(any_cli)  # a file replaces the whole plan
    assert replaced["warningSigns"] == [] and replaced["copingStrategies"] == ["Music"]
    assert replaced["helpers"] == [{"name": "Sam", "phone": None}]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("## Feelings\n- x\n", "line 1: there is no section 'Feelings'"),
        ("- x before any heading\n", "line 1: an item before any"),
        ('{"coping": ["x"]}', "no safety-plan section 'coping'"),
        ('{"helpers": [{"name": 3}]}', "helpers[0].name"),
        ("[1, 2]", "line 1"),
        ("{not json", "not valid JSON"),
    ],
)
def test_a_bad_file_writes_nothing(cli: Cli, tmp_path: Path, content: str, message: str) -> None:
    cli.signup()
    cli.ok("safety-plan", "add", "coping", "Music")
    path = tmp_path / "bad.txt"
    path.write_text(content)
    out = cli("safety-plan", "edit", "--file", str(path))
    assert out.exit_code == 2 and message in out.stderr, out
    assert plan(cli)["copingStrategies"] == ["Music"]
    missing = cli("safety-plan", "edit", "--file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2 and "Cannot read" in missing.stderr


def test_delete_and_an_empty_plan(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("safety-plan", "add", "coping", "Music")
    assert any_cli.json("safety-plan", "delete", "--yes")["exists"] is False
    assert plan(any_cli)["exists"] is False
    any_cli.ok("safety-plan", "add", "coping", "Music")
    any_cli.ok("safety-plan", "remove", "coping", "1")  # the last line gone: no plan at all
    assert plan(any_cli)["exists"] is False


def test_one_plan_each_and_private(any_cli: Cli) -> None:
    any_cli.signup("ann")
    any_cli.ok("safety-plan", "add", "coping", "ann's walk")
    any_cli.ok("safety-plan", "add", "coping", "ann's tea")
    any_cli.signup("bob")
    assert plan(any_cli)["exists"] is False
    any_cli.ok("safety-plan", "add", "coping", "bob's run")
    assert plan(any_cli)["copingStrategies"] == ["bob's run"]
    any_cli.ok("login", "ann", "--password-stdin", input=PASSWORD + "\n")
    assert plan(any_cli)["copingStrategies"] == ["ann's walk", "ann's tea"]


def test_needs_a_login(cli: Cli) -> None:
    out = cli("safety-plan")
    assert out.exit_code == 3


def test_exported_and_imported_with_the_rest(any_cli: Cli, tmp_path: Path) -> None:
    any_cli.signup("ann")
    any_cli.ok("safety-plan", "add", "helpers", "Sam: 555 0101")
    any_cli.ok("safety-plan", "add", "environment", "Mum keeps my tablets")
    path = tmp_path / "export.json"
    any_cli.ok("export", "--output", str(path))
    document = json.loads(path.read_text())
    [exported] = document["entries"]["safety_plan"]
    assert exported["helpers"] == [{"name": "Sam", "phone": "555 0101"}]
    again = any_cli.json("import", str(path))  # into the same account: already there
    assert again["imported"]["safety_plan"] == 0 and again["skipped"]["safety_plan"] == 1
    any_cli.signup("bob")
    dry = any_cli.json("import", str(path), "--dry-run")
    assert dry["imported"]["safety_plan"] == 1 and plan(any_cli)["exists"] is False
    first = any_cli.json("import", str(path))
    assert first["imported"]["safety_plan"] == 1
    got = plan(any_cli)
    assert got["safeEnvironment"] == ["Mum keeps my tablets"] and got["helpers"][0]["name"] == "Sam"
    any_cli.ok("safety-plan", "add", "coping", "bob's own")
    assert any_cli.json("import", str(path))["skipped"]["safety_plan"] == 1  # bob's is kept
    assert plan(any_cli)["copingStrategies"] == ["bob's own"]


def test_a_bad_plan_in_an_import_names_it(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    document = {
        "format": "psymitrix-export",
        "version": 1,
        "entries": {"safety_plan": [{"id": "p", "updatedAt": "2026-01-01T00:00:00Z", "x": 1}]},
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**document, "entries": {"safety_plan": [{"id": "p"}]}}))
    out = cli("import", str(path))
    assert out.exit_code == 2 and "safety_plan[0]" in out.stderr
    bad = {"id": "p", "updatedAt": "2026-01-01T00:00:00Z", "helpers": "Sam"}
    path.write_text(json.dumps({**document, "entries": {"safety_plan": [bad]}}))
    out = cli("import", str(path))
    assert out.exit_code == 2 and "helpers" in out.stderr
    assert plan(cli)["exists"] is False


def test_csv_export_has_the_plan(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    cli.ok("safety-plan", "add", "helpers", "Sam: 555")
    cli.ok("export", "--format", "csv", "--output", str(tmp_path / "out"))
    text = (tmp_path / "out" / "safety_plan.csv").read_text()
    assert text.splitlines()[0].startswith("id,warningSigns") and "Sam: 555" in text


def test_edit_in_the_editor(cli: Cli, tmp_path: Path) -> None:
    cli.signup()
    cli.ok("safety-plan", "add", "coping", "Music")
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        "old = open(path, encoding='utf-8').read()\n"
        "head = '## My reasons for living\\n'\n"
        "new = old.replace(head, head + '- My dog\\n')\n"
        "open(path, 'w', encoding='utf-8').write(new)\n"
    )
    env = {"EDITOR": f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"}
    code, screen = run_in_pty(cli, ["safety-plan", "edit", "--editor"], [], env=env)
    assert code == 0, screen
    got = plan(cli)
    assert got["copingStrategies"] == ["Music"] and got["reasonsForLiving"] == ["My dog"]


def test_interactive_questions(cli: Cli) -> None:
    cli.signup()
    steps = [(b"Add a line", b"Not sleeping\r"), (b"Add a line", b"\r")]  # warning signs
    steps += [(b"Add a line", b"Music\r"), (b"Add a line", b"-1\r"), (b"Add a line", b"\r")]
    steps += [(b"Add a line", b"\r")]  # distractions
    steps += [(b"Name: phone", b"Sam: 555\r"), (b"Name: phone", b"\r")]  # helpers
    steps += [(b"Name: phone", b"\r"), (b"Add a line", b"\r"), (b"Add a line", b"\r")]
    code, screen = run_in_pty(cli, ["safety-plan", "edit"], steps)
    assert code == 0, screen[-2000:]
    got = plan(cli)
    assert got["warningSigns"] == ["Not sleeping"] and got["copingStrategies"] == []
    assert got["helpers"] == [{"name": "Sam", "phone": "555"}]


# --- the HTTP door -------------------------------------------------------------------------


def test_get_and_put_over_http(cli: Cli, sqlite_api_server: ApiServer) -> None:
    import httpx

    api = Cli(cli.env, {"PSYMITRIX_BACKEND": "api", "PSYMITRIX_API_URL": sqlite_api_server.url})
    api.signup()
    headers = {"Authorization": f"Bearer {stored_token(api)}"}
    url = f"{sqlite_api_server.url}/v1/safety-plan"
    with httpx.Client(headers=headers, timeout=10) as http:
        assert http.get(url).json()["exists"] is False
        body = {"warningSigns": ["Not sleeping"], "helpers": [{"name": "Sam", "phone": "555"}]}
        put = http.put(url, json=body)
        assert put.status_code == 200 and put.json()["helpers"] == body["helpers"]
        assert http.put(url, json=body).json()["createdAt"] == put.json()["createdAt"]
        bad = http.put(url, json={"helpers": [{"name": ""}]})
        assert bad.status_code == 422
        unknown = http.put(url, json={"feelings": ["x"]})
        assert unknown.status_code == 422
        assert http.get(url).json()["warningSigns"] == ["Not sleeping"]
        assert httpx.get(url).status_code == 401
        assert http.delete(url).json()["exists"] is False
    assert plan(api)["exists"] is False
