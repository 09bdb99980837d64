"""`psymitrix report` through the CLI, on every backend: the same document everywhere,
only what the person chose to include, escaped, and files written with care."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from psymitrix_cli import messages
from tests.driver import Cli

NOW = "2026-10-20T21:00:00Z"
EARLIER = "2026-10-08T09:00:00Z"
SCRIPT = "<script>alert(1)</script>"
PHQ9_NOW = "| **2026-10-20** | **PHQ-9** | **6 / 27** | **mild** | **-9** | **yes** |"


@pytest.fixture
def reported(any_cli: Cli) -> Cli:
    """A PHQ-9 of 15 (item 9 at 1) and a GAD-7 of 11 on Oct 8; on Oct 20 a PHQ-9 of 6
    and a GAD-7 of 9; three days of mood, two nights, a breath, a gratitude note."""
    earlier = any_cli.at(EARLIER)
    earlier.signup("ann")
    earlier.json("test", "phq9", "--answers", "2,2,2,2,2,2,1,1,1")
    earlier.json("test", "gad7", "--answers", "2,2,2,2,1,1,1")
    cli = any_cli.at(NOW)
    for at, mood, text in (
        ("2026-10-17T12:00", "2", "a hard morning"),
        ("2026-10-17T18:00", "4", f"better by evening {SCRIPT}"),
        ("2026-10-18T12:00", "5", "a walk with Sam"),
        ("2026-10-19T12:00", "2", "tired"),
    ):
        cli.json("journal", "add", text, "--mood", mood, "--at", at, "--tag", "work")
    cli.json("sleep", "log", "--score", "8", "--hours", "7.5", "--date", "2026-10-17")
    cli.json("sleep", "log", "--score", "5", "--hours", "6", "--date", "2026-10-18")
    cli.json("gratitude", "add", "Tea")
    cli.ok("breathe", "--cycles", "1", "--plain")
    cli.json("test", "phq9", "--answers", "1,1,1,1,1,0,1,0,0")
    cli.json("test", "gad7", "--answers", "2,2,1,1,1,1,1")
    return cli


def test_the_markdown_report_holds_the_figures(reported: Cli) -> None:
    out = reported.ok("report").stdout
    assert out.startswith(f"# {messages.REPORT_TITLE}\n")
    assert "Ann · 2026-07-23 to 2026-10-20" in out  # 90 days up to today by default
    assert "It is not a diagnosis" in out
    # PHQ-9 15 -> 6: -9, at or past the threshold of 5, and from moderately severe to mild.
    assert PHQ9_NOW in out
    assert "a change of -9: reliable and clinically significant improvement." in out
    # GAD-7 11 -> 9: -2, under the threshold of 4.
    assert "| 2026-10-20 | GAD-7 | 9 / 21 | mild | -2 | no |" in out
    assert "not a reliable change (under ±4)" in out
    # Item 9: 1 on Oct 8 (marked), 0 on Oct 20.
    assert "| **2026-10-08** | **1: Several days** |" in out
    assert "| 2026-10-20 | 0: Not at all |" in out
    # Daily moods (2+4)/2 = 3, 5, 2: the mean of days is 10/3 = 3.3; sleep (8+5)/2, (7.5+6)/2.
    assert "averaged 3.3 over 3 day(s)" in out
    assert "averaged 6.5 over 2 night(s), 6.8 h a night." in out
    assert "| 2026-10-15 | 3.3 (3) | 6.5 (2) | 6.8 |" in out  # the week from Oct 15
    assert "| Breathing | 1 session(s), 0.3 min |" in out and "| Gratitude notes | 1 |" in out
    # A text chart: 90 days drawn one character a week, the week with data in the middle.
    (mood_line,) = [ln for ln in out.splitlines() if ln.startswith("**Mood, daily average**")]
    assert "(2026-07-23 to 2026-10-20): `············▅`" in mood_line, mood_line
    # The journal only when asked; the safety plan not at all.
    assert messages.REPORT_JOURNAL_LEFT_OUT in out
    assert "a walk with Sam" not in out and "alert(1)" not in out and "Safety plan" not in out


def test_the_journal_and_the_safety_plan_only_when_chosen(reported: Cli) -> None:
    reported.ok("safety-plan", "add", "coping", "A walk <b>outside</b>")
    assert "A walk" not in reported.ok("report", "--include-journal").stdout
    out = reported.ok("report", "--include-journal", "--include-safety-plan").stdout
    assert "### 2026-10-18 12:00, mood 5/5, tags: work" in out and "a walk with Sam" in out
    assert "## Safety plan" in out and "- A walk &lt;b>outside&lt;/b>" in out
    # Markdown passes HTML through: the entry's tag is written so that it stays text.
    assert "<script" not in out and "better by evening &lt;script>alert(1)&lt;/script>" in out


def test_html_is_self_contained_printable_and_escaped(reported: Cli) -> None:
    reported.ok("safety-plan", "add", "coping", "A walk <b>outside</b>")
    page = reported.ok("report", "-f", "html", "--include-journal", "--include-safety-plan").stdout
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</body></html>")
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A walk &lt;b&gt;outside&lt;/b&gt;" in page
    # Nothing fetched: no scripts, links, images or URLs; the charts are inline SVG.
    for outside in ("<link", "<img", "src=", "href=", "http:", "https:", "url("):
        assert outside not in page, outside
    assert page.count("<svg") == 4  # PHQ-9 and GAD-7 (two results each), mood, sleep
    assert "@page" in page and "@media print" in page and "max-width: 180mm" in page
    assert '<tr class="marked"><td>2026-10-08</td><td>1: Several days</td></tr>' in page
    assert messages.REPORT_NOT_A_DIAGNOSIS.split("{")[0] in page


def test_json_gives_the_document_and_its_period(reported: Cli) -> None:
    out = reported.json("report", "--since", "2026-10-17", "--until", "2026-10-18")
    assert out["format"] == "md" and out["period"] == {
        "start": "2026-10-17", "end": "2026-10-18", "days": 2
    }  # fmt: skip
    # Two days: (2+4)/2 and 5 -> 4.0; the PHQ-9s of Oct 8 and 20 fall outside.
    assert "averaged 4.0 over 2 day(s)" in out["content"]
    assert messages.REPORT_NO_QUESTIONNAIRES in out["content"]


@pytest.mark.parametrize(
    ("args", "word"),
    [(["--since", "2026-10-19", "--until", "2026-10-01"], "--since"),
     (["--until", "2027-01-01"], "--until"), (["--format", "pdf"], "--format")],
)  # fmt: skip
def test_bad_input_is_one_line_and_exit_2(any_cli: Cli, args: list[str], word: str) -> None:
    cli = any_cli.at(NOW)
    cli.signup("bob")
    out = cli("report", *args)
    assert out.exit_code == 2 and word in out.stderr, out


def test_a_file_is_private_atomic_and_never_overwritten_silently(cli: Cli, tmp_path: Path) -> None:
    cli = cli.at(NOW)
    cli.signup("cat")
    cli.json("journal", "add", "first", "--mood", "3")
    target = tmp_path / "report.html"
    written = cli.json("report", "-f", "html", "-o", str(target))
    assert written["path"] == str(target) and written["format"] == "html"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_text()
    assert "averaged 3.0 over 1 day(s)" in before
    cli.json("journal", "add", "second", "--mood", "5")
    again = cli("report", "-f", "html", "-o", str(target))
    assert again.exit_code == 2 and "--force" in again.stderr, again
    assert target.read_text() == before
    cli.ok("report", "-f", "html", "-o", str(target), "--force")
    assert "averaged 4.0 over 1 day(s)" in target.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left
    missing = cli("report", "-o", str(tmp_path / "nowhere" / "r.md"))
    assert missing.exit_code == 2, missing


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")
def test_html_on_a_terminal_is_refused_with_a_hint(cli: Cli) -> None:
    from tests.terminal import run_in_pty

    cli.signup("dan")
    code, screen = run_in_pty(cli, ["report", "--format", "html"], [])
    assert code == 2 and "-o report.html" in " ".join(screen.split()), screen
    code, screen = run_in_pty(cli, ["report"], [])
    assert code == 0 and messages.REPORT_TITLE in screen, screen
