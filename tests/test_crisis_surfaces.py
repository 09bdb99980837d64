"""Everywhere a crisis can show, through the CLI on every backend: journal, gratitude and
check-in text are screened alike; concern gets the resources line at any mood; `--json`
runs get one human line on stderr; the panel after a questionnaire speaks of answers;
PHQ-9 item 9 has its own next step; the GAD-7 stem; emergency first for danger from or
to someone else; and the person's safety plan leads the panel."""

from __future__ import annotations

import pytest

from psymitrix_cli.domain import assessments, crisis
from psymitrix_cli.domain.safety import screen_message
from tests.driver import Cli

CONCERN = "I feel hopeless and worthless lately"
ACUTE = "I want to kill myself tonight"
PANEL = "You don't have to go through this alone"
LINE = "If things feel heavy, support is there"
ENTRY_OPENING = "What you wrote matters"


def test_the_texts_used_here_screen_as_they_claim() -> None:
    # The tests below mean something only if the screen sees these texts this way.
    assert screen_message(CONCERN).tier == "concern"
    assert screen_message(ACUTE).tier == "acute"
    assert screen_message("A calm walk by the sea").tier == "none"


# --- the journal -----------------------------------------------------------------------


@pytest.mark.parametrize("mood", ["5", "3", "1"])
def test_journal_concern_gets_the_resources_at_any_mood(any_cli: Cli, mood: str) -> None:
    any_cli.signup()
    out = any_cli.ok("journal", "add", CONCERN, "--mood", mood)
    if mood == "1":  # today's rule: concern at the lowest mood is the panel
        assert PANEL in out.stdout and ENTRY_OPENING in out.stdout
    else:
        assert LINE in out.stdout and "988" in out.stdout and PANEL not in out.stdout
    calm = any_cli.ok("journal", "add", "A calm walk by the sea", "--mood", mood)
    # The resources line is absent (an entry ID can hold the digits 988, so not those).
    assert LINE not in calm.stdout and "iasp.info" not in calm.stdout


def test_journal_acute_shows_the_panel_and_json_gets_one_stderr_line(any_cli: Cli) -> None:
    any_cli.signup()
    out = any_cli.ok("journal", "add", ACUTE, "--mood", "4")
    assert PANEL in out.stdout and ENTRY_OPENING in out.stdout and "iasp.info" in out.stdout
    for text in (ACUTE, CONCERN):
        as_json = any_cli("journal", "add", text, "--json")
        assert as_json.exit_code == 0
        entry = as_json.json()  # stdout stays JSON only
        assert entry["safetyTier"] in ("acute", "concern") and entry["safetyKind"]
        notice = as_json.stderr.strip().splitlines()
        assert len(notice) == 1 and "988" in notice[0] and "help-now" in notice[0]
    calm = any_cli("journal", "add", "A calm walk", "--json")
    assert calm.stderr == "" and "safetyKind" not in calm.json()


def test_journal_edit_is_screened_too(cli: Cli) -> None:
    cli.signup()
    entry = cli.json("journal", "add", "A calm walk", "--mood", "4")
    out = cli.ok("journal", "edit", entry["id"], "--text", ACUTE)
    assert PANEL in out.stdout


# --- gratitude and the check-in --------------------------------------------------------


def test_gratitude_is_screened_like_the_journal(any_cli: Cli) -> None:
    any_cli.signup()
    acute = any_cli.ok("gratitude", "add", "my cat", ACUTE)
    assert PANEL in acute.stdout and "988" in acute.stdout
    concern = any_cli.ok("gratitude", "add", CONCERN)
    assert LINE in concern.stdout and PANEL not in concern.stdout
    as_json = any_cli("gratitude", "add", ACUTE, "--json")
    assert as_json.json()["crisis"] is True and as_json.json()["safetyTier"] == "acute"
    assert len(as_json.stderr.strip().splitlines()) == 1 and "988" in as_json.stderr
    calm = any_cli("gratitude", "add", "sunshine", "--json")
    assert calm.json()["safetyTier"] == "none" and calm.stderr == ""


def test_checkin_note_and_gratitude_are_screened(any_cli: Cli) -> None:
    any_cli.signup()
    note = any_cli.ok("checkin", "--mood", "4", "--note", CONCERN)
    assert LINE in note.stdout and PANEL not in note.stdout
    thanks = any_cli.ok("checkin", "--sleep", "6", "--gratitude", ACUTE)
    assert PANEL in thanks.stdout
    as_json = any_cli("checkin", "--mood", "3", "--note", ACUTE, "--json")
    result = as_json.json()
    assert result["crisis"] is True and result["journal"]["safetyTier"] == "acute"
    assert len(as_json.stderr.strip().splitlines()) == 1 and "988" in as_json.stderr
    calm = any_cli("checkin", "--mood", "4", "--note", "A good day", "--json")
    assert calm.json()["crisis"] is False and calm.stderr == ""


# --- questionnaires ----------------------------------------------------------------------


def test_phq9_item9_has_its_own_next_step_and_questionnaire_wording(any_cli: Cli) -> None:
    any_cli.signup()
    out = any_cli.ok("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert "few symptoms right now" not in out.stdout
    assert assessments.ITEM9_NEXT_STEP[:60] in out.stdout.replace("\n", " ")
    assert PANEL in out.stdout and "You answered" in out.stdout
    assert ENTRY_OPENING not in out.stdout  # nothing was written: it was an answer
    result = any_cli.json("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,2")
    assert result["nextStep"] == assessments.ITEM9_NEXT_STEP
    shown = any_cli.ok("test", "show", result["id"])
    assert "You answered" in shown.stdout and ENTRY_OPENING not in shown.stdout
    assert any_cli.json("test", "show", result["id"])["nextStep"] == assessments.ITEM9_NEXT_STEP
    low = any_cli.json("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,0")
    assert "few symptoms right now" in low["nextStep"]


def test_the_gad7_and_phq9_stems_are_the_published_ones() -> None:
    assert assessments.GAD7.framing == (
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    )
    assert assessments.PHQ9.framing == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )


# --- danger from or to someone else --------------------------------------------------------


@pytest.mark.parametrize("kind", ["harm_to_others", "abuse_now"])
def test_emergency_number_comes_first_for_danger_from_or_to_others(kind: str) -> None:
    for text in (
        crisis.crisis_notice(None, kind=kind),
        crisis.crisis_message(None, kind=kind),
        crisis.resources_line(None, kind=kind),
        crisis.stderr_notice(None, kind=kind),
    ):
        emergency = text.find("emergency")
        assert emergency != -1 and emergency < text.find("988"), text
    assert crisis.crisis_resources("Local 123", kind=kind)[0].name == "Emergency services"
    assert crisis.crisis_resources("Local 123", kind=kind)[-1].contact == "Local 123"
    ordinary = crisis.crisis_notice(None, kind="suicidal_ideation")
    assert ordinary.find("988") < ordinary.find("Emergency services")
    assert crisis.crisis_resources(None)[0].name.startswith("988")


# --- the plan leads the panel ----------------------------------------------------------------


def test_the_safety_plan_leads_every_crisis_panel(any_cli: Cli) -> None:
    any_cli.signup()
    any_cli.ok("safety-plan", "add", "helpers", "Sam", "--phone", "555 0101")
    any_cli.ok("safety-plan", "add", "coping", "Walk round the block")
    for args in (
        ("journal", "add", ACUTE),
        ("gratitude", "add", ACUTE),
        ("checkin", "--mood", "2", "--note", ACUTE),
        ("test", "phq9", "--answers", "0,0,0,0,0,0,0,0,3"),
    ):
        out = any_cli.ok(*args).stdout
        assert "Your safety plan" in out and "Sam: 555 0101" in out, args
        plan, panel = out.index("Your safety plan"), out.index(PANEL)
        assert plan < panel < out.index("Call or text 988"), args
    calm = any_cli.ok("journal", "add", "A calm walk").stdout
    assert "Your safety plan" not in calm


def test_no_plan_no_plan_panel(cli: Cli) -> None:
    cli.signup()
    out = cli.ok("journal", "add", ACUTE).stdout
    assert PANEL in out and "Your safety plan" not in out


def test_an_activity_is_screened_and_counted_like_the_rest(cli: Cli) -> None:
    cli.signup()
    assert LINE in cli.ok("activity", "add", CONCERN).stdout
    assert PANEL in cli.ok("activity", "add", ACUTE).stdout
    assert cli.json("safety", "report")["bySource"] == {"activity": 2}


ENGLISH_FIRST_WORDS = "safety check reads English best"


@pytest.mark.parametrize(
    "args",
    [
        ["journal", "add", "hoy fue un buen día con mis amigos en el parque"],
        ["gratitude", "add", "je suis allé au marché avec ma soeur"],
    ],
)
def test_text_not_in_english_is_told_the_screen_reads_english_best(
    any_cli: Cli, args: list[str]
) -> None:
    any_cli.signup()
    out = any_cli.ok(*args)
    assert ENGLISH_FIRST_WORDS in " ".join(out.stdout.split())
    english = any_cli.ok("journal", "add", "A calm walk by the sea with friends")
    assert ENGLISH_FIRST_WORDS not in " ".join(english.stdout.split())


def test_a_chat_message_not_in_english_is_told_too(any_cli: Cli) -> None:
    any_cli.signup()
    out = any_cli.ok("chat", "send", "heute war ein guter Tag mit meiner Familie")
    assert ENGLISH_FIRST_WORDS in " ".join((out.stdout + out.stderr).split())
    plain = any_cli.ok("chat", "send", "--continue", "I had a good day at the park")
    assert ENGLISH_FIRST_WORDS not in " ".join((plain.stdout + plain.stderr).split())
