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


# Written for the eval set's false alarms (2026-12-03), each with a twin that must stay
# acute: a pool's edge is for diving, a fall in a game or by accident is not an attempt,
# tablets set out for a trip are a routine.
@pytest.mark.parametrize(
    ("ordinary", "acute"),
    [
        (
            "sat on the edge of the pool scared to jump in the deep end",
            "sat on the edge of the roof scared to jump",
        ),
        (
            "i jumped off the bridge in roblox by accident and lost my pet",
            "i jumped off the bridge and i'm in the water, it's so cold",
        ),
        (
            "my tablets are ready for the holiday, sorted by day",
            "my tablets are ready, counted out on the bed",
        ),
    ],
)
def test_a_pool_a_game_and_a_trip_are_not_situations(ordinary: str, acute: str) -> None:
    assert screen_message(ordinary).tier != "acute", ordinary
    assert screen_message(acute).tier == "acute", acute
