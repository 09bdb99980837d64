"""Acute situations said without a suicide word (domain/safety/rules_situations.py), and
the ordinary messages next to them that must stay ordinary. Several of these spread the
sign over a list ("a plan, the means, and a date"), which the screen reads one clause at a
time, so each is checked whole."""

from __future__ import annotations

import pytest

from psymitrix_cli.domain.safety import screen_message


@pytest.mark.parametrize(
    "text",
    [
        "i have a plan, the means, and a date",
        "the plan is simple, pills and then the lake",
        "got a bottle of bleach, going to drink it",
        "i'm standing on the bridge railing",
        "my husband keeps guns in the safe and i know the code now",
        "i've decided. sunday. i already gave the cat to my sister",
        "i put my affairs in order today, cancelled the subscriptions, so nothing is left "
        "for anyone to deal with after",
        "i'm on the train platform and the next express doesn't stop here",
        "bought a hose for the exhaust today",
        "i'm at the top of the multistorey and i'm going to jump",
    ],
)
def test_acute_situations_are_acute(text: str) -> None:
    assert screen_message(text).tier == "acute", text


@pytest.mark.parametrize(
    "text",
    [
        "I decided to declutter, so I gave away my things to charity",
        "the plan is simple, meet at the lake at 6 for a swim",
        "I have a plan for the business, and the means to fund it",
        "my dad keeps his shotgun in a locked cabinet and I know the code, we go clay shooting",
        "we stood on the bridge railing for a photo, scary",
        "I'm reading a thriller where the detective finds a suicide note",
        "the express train doesn't stop at our station, so I take the slow one",
        "I poured the bleach down the toilet, going to drink my tea now",
    ],
)
def test_the_ordinary_messages_beside_them_are_not_acute(text: str) -> None:
    assert screen_message(text).tier != "acute", text
