"""Handouts through the CLI: a breathing pattern or a blank questionnaire as Markdown or
HTML, to stdout or a file; no account, nothing stored; bad input is exit 2."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from psymitrix_cli.domain.assessments import GAD7, PHQ9
from tests.driver import Cli


class Page(HTMLParser):
    """The text of an HTML page, and whether every opened tag was closed."""

    VOID: ClassVar[set[str]] = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self, text: str) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: list[str] = []
        self.cells: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.open and self.open[-1] in ("td", "th"):
            self.cells.append(data)


def home_is_empty(cli: Cli) -> bool:
    home = Path(cli.env["PSYMITRIX_HOME"])
    return not home.exists() or not any(home.iterdir())


def test_a_breathing_handout_in_markdown_has_the_timing_and_the_how_to(cli: Cli) -> None:
    page = cli.ok("handout", "breathe", "--pattern", "4-7-8").stdout
    assert page.startswith("# Breathing: 478 (4-7-8-0)\n")
    assert "| Inhale | 4 |\n| Hold | 7 |\n| Exhale | 8 |" in page
    assert "One cycle takes 19 seconds" in page
    assert "2. Breathe in gently through your nose for 4 seconds." in page
    assert "4. Breathe out slowly through your mouth for 8 seconds." in page
    assert home_is_empty(cli)  # no account, no database


def test_the_sigh_handout_names_the_second_inhale(cli: Cli) -> None:
    page = cli.ok("handout", "breathe", "-p", "sigh").stdout
    assert "second, smaller breath in for 1 second." in page


def test_an_html_handout_is_one_well_formed_page_in_a_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "box.html"
    out = cli.ok("handout", "breathe", "--format", "html", "-o", str(target))
    assert str(target) in out.stdout.replace("\n", "")
    page = Page(target.read_text(encoding="utf-8"))
    assert page.open == []  # every tag closed
    text = "".join(page.text)
    assert "Breathing: box (4-4-4-4)" in text and "@media print" in text
    assert page.cells[:4] == ["Step", "Seconds", "Inhale", "4"]


@pytest.mark.parametrize("instrument", [PHQ9, GAD7])
def test_a_blank_questionnaire_with_its_scoring_bands(cli: Cli, instrument: object) -> None:
    from psymitrix_cli.domain.assessments import Instrument

    assert isinstance(instrument, Instrument)
    page = cli.ok("handout", instrument.key).stdout
    assert page.startswith(f"# {instrument.title}\n")
    for number, item in enumerate(instrument.items, start=1):
        assert f"| {number}. | {item} | ☐ | ☐ | ☐ | ☐ |" in page
    for low, high, band in instrument.bands:
        assert f"| {low}-{high} | {band} |" in page
    assert f"____ / {instrument.max_total}" in page
    assert "screening, not a diagnosis" in page
    # Item 9's crisis resources on the PHQ-9 only.
    assert ("988" in page) is (instrument.key == "phq9")


def test_the_phq9_handout_lists_the_configured_local_line_escaped_in_html(cli: Cli) -> None:
    out = cli.ok("handout", "phq9", "-f", "html", env={"PSYMITRIX_CRISIS_LINE": "<b>0800 1</b>"})
    assert "&lt;b&gt;0800 1&lt;/b&gt;" in out.stdout and "<b>0800" not in out.stdout
    page = Page(out.stdout)
    assert page.open == [] and page.cells.count("☐") == 9 * 4


def test_a_saved_pattern_has_a_handout_too(cli: Cli) -> None:
    cli.ok("breathe", "patterns", "add", "calm", "--inhale", "4", "--exhale", "6",
           "--hold-after", "2")  # fmt: skip
    page = cli.ok("handout", "breathe", "--pattern", "calm").stdout
    assert "# Breathing: calm (4-0-6-2)" in page and "| Hold | 2 |" in page


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("breathe", "--format", "pdf"), "Unknown handout format 'pdf'"),
        (("phq9", "-f", "docx"), "Unknown handout format"),
        (("breathe", "--pattern", "nope"), "Unknown breathing pattern 'nope'"),
        (("gad7", "-o", "missing/dir/g.md"), "does not exist"),
    ],
)
def test_bad_input_is_exit_2_and_writes_nothing(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    out = cli("handout", *args)
    assert out.exit_code == 2, out
    assert says in out.stderr and out.stdout == ""
    assert not (tmp_path / "missing").exists() and home_is_empty(cli)
