"""Abuse happening now, written from where the person is hiding; method questions asked
the way people ask a pharmacist; medicine put by, a method rehearsed and a cover story:
acute, with the everyday lines that share their words left alone. The lines were written
for this test, not taken from the corpus or any evaluation round."""

from __future__ import annotations

import pytest

from psymitrix_cli.domain.safety import screen_message
from tests.driver import Cli

ABUSE_NOW = [
    "I'm under the stairs cupboard. He's going room by room looking for me.",
    "typing this from the bathroom floor, hes kicking the door and shouting",
    "my husband is standing in the hallway with the hammer and I've locked the bedroom door",
    "She's got the kitchen knife and she's screaming at me, I'm in the car with the baby",
    "he has his hands round my throat, he let go to answer his phone",
    "my ex is at the front door right now and there's a restraining order, he's trying the handle",
    "they've locked me in the back room and took my phone, I'm on my old tablet",
    "she poured boiling water on me and she's still in the kitchen",
    "my stepdad is hitting my mum right now and I'm in my room with my little brother",
    "my parents are taking me to Bangladesh tomorrow to get married and they took my passport",
    "mi novio me está pegando ahora, estoy escondida en el baño, tiene un cuchillo",
    "ele está me batendo agora e eu me tranquei no quarto",
    "my boyfriend just slashed my hand with a bottle and he's still in the flat",
]

PHARMACIST = [
    "what is the most amitriptyline a person can take before it kills them",
    "how much of my insulin would stop me waking up, asking properly",
    "would the quarry drop be enough, it's about 30 metres, I just want it to be certain",
    "how long after taking the co-codamol is it too late for the hospital",
    "I won't be here in the morning. Look after the dog.",
    "which floor would I need to go from so that I do not survive it",
    "i just needed one person to know before i go",
    "The fast train doesn't slow down at the crossing behind my house. Tonight.",
    "I gave my rabbit to my cousin and told him it was only for the holidays. It's not.",
    "took them all about forty minutes ago, I feel dizzy and calm",
    "I injected the whole pen of insulin before bed",
    "stopped taking my sertraline so I can save up a proper amount",
    "been getting a box of paracetamol from a different chemist each day so nobody notices",
    "practised the knot again last night, I think I've got it",
    "told everyone I'm going for a walk. going to the railway line now",
]

ORDINARY = [
    "hiding in the loo from the toddler for five minutes, she is singing outside the door",
    "I'm hiding in the bathroom from my kids for some peace, they are screaming about snacks",
    "climbed out of the window of the tent because the zip broke, festival life",
    "hiding in the wardrobe so the kids can't find me, best hide and seek spot ever",
    "is 40 metres of rope enough for the climbing wall at the leisure centre?",
    "the kids locked me out of the bedroom again, pillow fort rules apparently",
    "he's got the bread knife out for the birthday cake, we're all singing",
    "Dad's in the garage with the hammer fixing the shelf, finally",
    "my ex is at the door to drop off the kids, we have a court order for handovers",
    "She poured hot water on the teabags and forgot about them, classic",
    "won't let me leave the party without a slice of cake, my aunt is relentless",
    "what is the most ibuprofen I can take in a day for a bad back",
    "how long can I leave cooked rice out before it goes off",
    "how high does a kite need to be before it catches the wind",
    "I won't be here in the morning, early shift at six",
    "which floor is the shoe department on, I need new trainers",
    "the 8:15 doesn't stop here anymore, I'll have to drive",
    "my sister cut my fringe with the kitchen scissors, it looks awful",
    "gave my old bike to my nephew and told him it was a loan. it was not, he can keep it",
    "took them all to the park and they were asleep by seven, bliss",
    "ate all of them, the whole box of chocolates, feel sick now lol",
    "In the film how much poison does the queen put in the apple",
    "stopped taking the pill so we can try for a baby",
    "practising knots for the sailing course this weekend",
    "went up to the cliff to see where the seals come in",
    "told my wife I'm popping out to the shops and went to the river to fish",
]


@pytest.mark.parametrize("text", ABUSE_NOW)
def test_abuse_happening_now_is_acute_with_its_own_kind(text: str) -> None:
    found = screen_message(text)
    assert (found.tier, found.kind) == ("acute", "abuse_now"), found


@pytest.mark.parametrize("text", PHARMACIST)
def test_method_questions_overdoses_and_preparation_said_plainly_are_acute(text: str) -> None:
    assert screen_message(text).tier == "acute"


@pytest.mark.parametrize("text", ORDINARY)
def test_the_everyday_lines_that_share_the_words_are_not_acute(text: str) -> None:
    assert screen_message(text).tier != "acute"


def test_the_journal_puts_the_emergency_number_first_for_abuse_now(cli: Cli) -> None:
    cli.signup()
    out = cli.ok("journal", "add", ABUSE_NOW[0], "--mood", "2").stdout
    assert out.find("emergency") != -1 and out.find("emergency") < out.find("988"), out
    entry = cli.ok("journal", "add", ABUSE_NOW[1], "--json").json()
    assert (entry["safetyTier"], entry["safetyKind"]) == ("acute", "abuse_now")
