"""Finality said by what will not happen again, and the everyday lines that share its words."""

from __future__ import annotations

import pytest

from psymitrix_cli.domain.safety import screen_message

ACUTE = [
    "This is the last entry I'll ever write in here.",
    "that was the last message i will ever send you",
    "Watched my last sunrise from the kitchen window.",
    "My last breath is going to be on my own terms.",
    "I won't be around to see my daughter's graduation.",
    "im not going to be around for easter",
    "Tell my parents none of this was their fault.",
    "please tell whoever finds this it is not anyones fault. i love you",
    "The cat goes to my sister when I'm gone, and it won't be long.",
    "i've left the will on the desk for when i'm gone this weekend",
]

ORDINARY = [
    "That's the last car I'll ever buy from that dealer.",
    "Watched my last sunset in Crete before the flight home.",
    "watched my last sunrise at the cabin, we drive home tomorrow",
    "I won't be around for her birthday, I'm working a double shift.",
    "won't be around for easter, we are visiting my in laws",
    "Tell my sister it wasn't her fault the car broke down.",
    "I'll send the slides after lunch, which won't be long.",
    "It was the last day of the course and we all went for a meal.",
]


@pytest.mark.parametrize("text", ACUTE)
def test_finality_said_by_what_will_not_happen_again_is_acute(text: str) -> None:
    assert screen_message(text).tier == "acute"


@pytest.mark.parametrize("text", ORDINARY)
def test_a_holiday_a_shift_or_a_purchase_is_not_acute(text: str) -> None:
    assert screen_message(text).tier != "acute"
