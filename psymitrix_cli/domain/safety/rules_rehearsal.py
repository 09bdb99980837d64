"""Preparation a clinician asks about by name: medicine put by (stopped to save, bought
from shop after shop, a prescription "lost" for another), a method rehearsed, and the
cover story told so nobody follows.

Written from the corpus's pharmacist-and-GP and helpline authors (handwritten_m.txt,
handwritten_l.txt), whose lines the first rules read as nothing. Each phrase names the
medicine or the method with the act, so "saving the good biscuits" or "practising knots
for sailing" stay ordinary.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import SI, rule
from psymitrix_cli.domain.safety.vocab import DRUGS, HIGH

_PLACE = (
    rf"({HIGH}|train line|railway|railway line|tracks|level crossing|motorway|weir|river|sea|"
    r"reservoir|woods|barn|garage|top field)"
)

REHEARSAL = (
    rule(
        # Medicine put by.
        rf"(stopped|stopping|not) taking (my |the |his |her )?({DRUGS}|\w+) (so|to) (i can )?"
        r"(save|keep|stockpile|store|collect|have)",
        rf"(buying|bought|getting|got) (one|a|a single) (pack|box|packet|bottle)( of {DRUGS})? "
        r"(from|at) (every|each|different|a different|another) (shop|chemist|pharmacy|"
        r"supermarket|garage)",
        rf"{DRUGS}( \w+){{0,4}} so (nobody|no one|they do not|the chemist does not|the pharmacist "
        r"does not) (notices?|knows?|suspects?|asks?)",
        rf"(told|tell|telling) (the )?(surgery|doctor|gp|chemist|pharmacy|pharmacist) i (had )?"
        rf"(lost|dropped|spilled) (my |the )?({DRUGS}|prescription|repeat)",
        rf"(keeping|kept|putting|put|holding) (back|aside|by) (one|two|three|a couple|some|a few|"
        rf"half)( of (my|the) {DRUGS})?( \w+){{0,2}} (a|every|each) (day|night|week)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
    ),
    rule(
        # A method rehearsed.
        r"(practicing|practising|practised|practiced|rehearsing|rehearsed|tried out|trying out) "
        r"(the|a|my) (knot|noose|ligature)",
        r"(tested|testing|test) (the|a|my|if the) (rope|beam|branch|belt|knot|banister|hook)"
        r"( \w+){0,4} (hold|holds|take|takes) (my|the|a grown \w+s?) weight",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=r"\b(sailing|scouts|climbing|climber|boat|knot tying|for the boat|abseil\w*)\b",
    ),
    rule(
        # The place looked over for the way in: the broken fence, the drop, the cameras.
        rf"(drove|walked|went|been) (out )?(to|up to|down to) the {_PLACE}( \w+){{0,4}} (to see|to "
        r"check|to look|to work out) (where|how|if|the)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(know where to go|i know where|fence is|fence was|gap in|broken fence|railing|"
        r"barrier|cameras?|how high|the drop|how deep|nobody would|no one would|would not be "
        r"seen)\b",
    ),
    rule(
        # The cover story, beside a place to die.
        r"(told|telling|tell) (the family|them|everyone|my \w+|her|him|the kids) (i am|i was|"
        r"that i am) (going|just going|popping|nipping) (out )?(for a walk|out|to the shops|for a "
        r"drive|to work)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b(going|go|drive|driving|heading|walk|walking) (to|up to|down to|out to) the "
        rf"{_PLACE}\b",
    ),
)
