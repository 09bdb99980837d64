"""Method questions and overdoses taken, as people ask at a chemist's counter: an amount, a
height or a time, and the outcome they want from it, said without the word "suicide".

Written from the corpus's pharmacist-and-GP author (safety/corpus/handwritten_m.txt): the
first rules caught "how many pills to die" but not "what is the most pills you can take
before it kills you", "how much insulin would it take to stop someone waking up" or "i
took them all about an hour ago". Each phrase pairs the question or the act with what
makes it more than a dose question, so "what is the most ibuprofen I can take for a
headache" and "how long can I leave the chicken out" stay ordinary.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import SI, rule
from psymitrix_cli.domain.safety.vocab import CONTEXT, DRUGS, HIGH, TRAVEL

_ASK = (
    r"(how (much|many)|what (dose|amount|number|quantity|floor|height|storey)|which floor|"
    r"what is the (most|max|maximum|highest dose|safest amount)|how (high|tall|far|long|deep|"
    r"cold)|would (that|it|they|this) be enough|is (that|it|this) enough|would it (work|be "
    r"quick|be quicker|be painless)|which (is|would be|of them would) (less painful|faster|"
    r"quicker|more sure|surer|do it))"
)
_OUTCOME = (
    r"(kills? (you|me|someone|a person|them|him|her|a grown man)|to die|you die|i die|would die|"
    r"be fatal|"
    r"be lethal|(not|never) (wake|waking) up|stop (someone |me |you )?(from )?(waking up|"
    r"breathing)|(do not|not|never) come round|finish (you|me|someone) off|(definitely|sure to|"
    r"for sure)( \w+)? (die|not survive|do not survive)|(do not|not|never) survive|to be sure|"
    r"(is|be|so it is) definite|too late|break (your|my|a) neck|stop (my|your|the) (breathing|"
    r"heart)|make it count|do it|to go to sleep and stay there|without (hurting|pain|"
    r"suffering|feeling anything)|so i do not feel)"
)
# What the question is about: a medicine, a height, a means (not the chicken or a kite).
_MEANS = (
    rf"\b({DRUGS}|{HIGH}|drop|fall|floors?|storeys?|metres|feet|rope|beam|belt|exhaust|fumes|"
    r"hose|hosepipe|car|engine|garage|train|trains|railway|line|sea|river|water|reservoir|"
    r"gun|shotgun|bleed|wrists?|charcoal|helium|bag|overdose|dose|patches|pen|pens|whisky|"
    r"vodka|alcohol)\b"
)
_STORY = rf"{CONTEXT}|\b(for my (novel|story|essay|homework|class|coursework|exam)|writing a)\b"

QUESTIONS = (
    rule(
        # Gone by the morning: not for a holiday or an early shift.
        r"(will not|am not going to|not going to) be (around|here|alive) (in the morning|when "
        r"(you|they|everyone|the kids|she|he|my \w+) (wake|wakes|get|gets) (up|home|back))",
        r"(wanted|want|needed|need) (someone|somebody|you|people|one person|anyone) to know "
        r"before i (go|am gone)$",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=TRAVEL + r"|\b(early|night|late|morning|double) shift\b|\bshift (at|starts)\b",
    ),
    rule(
        # A question of amount, height or time, and the outcome wanted from it.
        rf"{_ASK}( \w+){{0,12}} {_OUTCOME}",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=_MEANS,
        unless=_STORY + r"|\b(die|dying) of (boredom|laughter|laughing|embarrassment|cringe)\b",
    ),
    rule(
        # An overdose just taken: all of them, with when or how it feels.
        r"(took|taken|swallowed|necked|downed|had) (them all|all of them|the (whole|entire) "
        r"(lot|box|bottle|pack|packet|strip)|every (one|last one)( of them)?)",
        r"(injected|put in|used|did) (all|the whole)( of)? (the |my |his |her )?(insulin|pen|pens|"
        r"syringe)",
        r"(put|stuck) (all )?(the|his|her|my|nans|dads|mums) (\w+ )?patches on,? all of them",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        # A medicine named, or when it was taken beside how it feels.
        needs=r"\b(pills|insulin|patches|overdose|meds)\b|(?=.*\b(ago|minutes|an hour|just "
        r"now)\b)(?=.*\b(sleepy|sick|dizzy|drowsy|shaking|sweating|calm|weird|strange|heart)\b)",
        unless=_STORY,
    ),
)
