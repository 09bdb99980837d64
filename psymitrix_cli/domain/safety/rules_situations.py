"""Acute situations said without a suicide word: the person is somewhere, or holds
something, and the message says what it is for.

Found by fresh evaluation round 15 (written before any of these rules): a place to fall
from with a reason to be there, means bought or kept for one method, a plan named by
its parts, a date chosen, affairs put in order for afterwards, belongings left where
people walk into water. Each phrase is a *pair* (a place or a means, and what makes it
more than an errand), so "the knife set arrived" or "we went cliff walking" stay ordinary.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import SH, SI, rule
from psymitrix_cli.domain.safety.vocab import DRUGS, HIGH, INTENT, TRAVEL, WEAPON, WHEN

# At a pool's edge, working up the nerve is for a dive.
_DIVING = r"\b(pool|diving board|dive|diving|swim|swimming|springboard|high board)\b"
_WATER = r"(sea|ocean|river|lake|canal|reservoir|water|waves|tide)"
_PLACE_ON = (
    r"(standing|stood|sitting|sat|stepped|stepping|climbed|climbing|perched|balanced|"
    r"balancing|leaning|hanging)( \w+){0,2} (on|onto|over|out on|up on)"
)
_AT_A_HEIGHT = rf"(on|at|by|near|up) (the|a|this|my)( top of (the|a|this))? {HIGH}"
# Ambivalence at the edge is still acute: the person is there.
_THERE_FOR_IT = (
    r"\b(jump|jumping|let go|step off|go over|drive over|fall|scared|nerve|courage|"
    r"looking down|do it|end it|want to go|not coming (back|down)|this is it|goodbye)\b"
)
_DAY = (
    r"((on )?(the )?\d{1,2}(st|nd|rd|th)( of \w+)?|on (monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"in (an|one|two|three|\d+) (hour|hours|minutes)|in a (few|couple of) (hours|minutes)|"
    rf"{WHEN})"
)

SITUATIONS = (
    rule(
        # A place to fall from, and the reason to be there.
        rf"{_PLACE_ON} (the|a|my|this)( \w+)? {HIGH}( \w+)? (railing|rail|ledge|edge|parapet|"
        r"wall|barrier|fence)",
        rf"{_PLACE_ON} (the|a) (ledge|edge|railing|parapet)",
        rf"(at|on) the top of (the|a|this) {HIGH}",
        rf"(parked|sitting|standing|waiting) (at|on|by) the ({HIGH}) (edge|top)",
        rf"(parked|sitting|standing|waiting) (at|on|by|near) the edge of (the|a) {HIGH}",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=_THERE_FOR_IT,
        unless=_DIVING,
    ),
    rule(
        # A train that will not stop, seen from the platform or the line.
        r"(the )?next (express|train|fast train|freight|one)( train)? (does not|will not|"
        r"is not going to|never) (stop|stops)( here)?",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(i am|standing|waiting|sitting)( \w+){0,3} (on|at|by) the (train )?(platform|"
        r"tracks|track|edge|line|station|level crossing)\b",
        unless=r"\b(so i|catch|take the|get the|change at|slow one|delayed|late|timetable)\b",
    ),
    rule(
        # A named train that will not slow down, chosen: "the 11:40 does not slow down. that
        # is the one."
        r"(the )?(\d{1,2}[:.]?\d{2}|\d{2}|express|fast one|fast train|freight|last train) "
        r"(does not|will not|never|is not going to) (stop|stops|slow down|slows down)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(that is the one|tonight|standing on|waiting on|by the tracks|on the tracks|"
        r"behind my (flat|house))\b",
        unless=r"\b(catch|take the|get the|change at|slow one|delayed|timetable|commute|"
        r"anymore|bus)\b",
    ),
    rule(
        # Means bought or kept for one method.
        r"(bought|buying|ordered|got|have got|have|getting|picked up) (a |the |some |my )?"
        r"(hose|hosepipe|tube|pipe)( \w+){0,3} (for|to fit|that fits|to reach) (the|my) "
        r"(exhaust|car)",
        r"charcoal( \w+){0,3} (and|with) (the |some )?(duct )?tape",
        r"(tape|duct tape)( \w+){0,3} (and|with) (the |some )?charcoal",
        r"(charcoal|a hose|the hose|the pipe)( \w+){0,6} (the car|the garage|my room) to myself",
        rf"{DRUGS}( \w+){{0,6}} {INTENT} (drink|swallow|down|take|inject) (it|them|the lot|"
        r"all of it|all of them)",
        r"(bottle|tub|can) of (bleach|antifreeze|weedkiller|poison|drain cleaner)( \w+){0,4} "
        r"(going to|gonna|will|about to|want to) (drink|swallow|down) (it|some|the lot)",
        rf"(put|hid|hidden|keeping|kept|keep)( \w+){{0,2}} (the|a|my) {WEAPON}( \w+){{0,4}} "
        r"(for later|for tonight|for when|ready for)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=r"\b(bbq|barbecue|grill|garden|plants|watering|cleaning|clean the|mop|"
        r"pool|wash|drawing|art|sketch)\b",
    ),
    rule(
        # Access to a gun someone else keeps: whose gun it is does not lower it.
        r"(gun|guns|rifle|shotgun|pistol|firearm)s?( \w+){0,6} (and )?i (now )?(know|found|have|"
        r"got) (where )?(the )?(code|combination|key)( is| now)?",
        r"(know|found|got|have) (the )?(code|combination|key) (to|for) (the|his|her|my|our) "
        r"(gun|rifle|shotgun|pistol|firearm) (safe|cabinet|case|locker)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        person=False,
        unless=r"\b(clay|shooting (range|club)|hunting|hunt|range|licen[cs]e|course|training|"
        r"club)\b",
    ),
    # Rules read one clause at a time (commas and full stops split them), so a sign that
    # is spread over a list ("a plan, the means, and a date") is one phrase in its clause
    # and `needs` for the rest of the message.
    rule(
        r"(i have|i have got|i got|got|i have now got) (a |the |my )?(plan|method)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(the|a) means\b",
        unless=r"\b(business|fund|funds|funding|pay|afford|budget|money|project|company|"
        r"startup|mortgage|loan|deposit|savings)\b",
    ),
    rule(
        r"(the|my) plan is (simple|easy|clear|set|made|sorted|ready|done)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(pills|tablets|rope|noose|gun|overdose)\b",
    ),
    rule(
        rf"{INTENT} (drink|swallow|down) (it|them|the lot|all of it|all of them)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(bleach|antifreeze|weedkiller|poison|drain cleaner|pills|tablets)\b",
    ),
    rule(
        r"(gave|given|giving) (away )?(the|my) (cat|dog|pets?|rabbit|guitar|things|stuff|"
        r"belongings|possessions)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(i have decided|i decided|made up my mind|my mind is made up|it is "
        r"decided)\b(?! to)",
        unless=rf"\b(charity|charities|declutter\w*|donat\w*|look after|looking after|"
        rf"car boot|sell|selling|sold|rehom\w*)\b|{TRAVEL}",
    ),
    rule(
        r"nothing (is )?left for (anyone|anybody|them|my family|the family) to (deal with|sort "
        r"out|clean up|do)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(affairs|in order|cancelled|paperwork|will|goodbyes?|letters?|note)\b",
    ),
    rule(
        # On the railing or the ledge of a height: being there is the sign.
        rf"{_PLACE_ON} (the|a|my|this)( \w+)? {HIGH} (railing|parapet|ledge)",
        rf"{_PLACE_ON} the (railing|parapet|ledge) of (the|a|this) {HIGH}",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=r"\b(photo|photos|picture|pictures|selfie|selfies|pic|pics|video|painting|"
        r"repair\w*|fixing|work|working|job)\b",
    ),
    rule(
        r"(scheduled|set a date|booked|planned) (myself )?to (end|finish) (it|things|everything|"
        r"my life)",
        rf"(end|finish) (it|things|everything|it all|my life) {_DAY}",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
    ),
    rule(
        # Afterwards, without saying what comes before it.
        r"(no one|nobody|no one else|none of you|you|they|my family) (will|is going to|are "
        r"going to|would) (have to )?(deal with|worry about|put up with|look after|clean up "
        r"after|sort out) me (after|from|past|beyond|by) ",
        r"(no one|nobody|none of you) (will|is going to) (have to )?(deal with|worry about|put "
        r"up with) me (anymore|any more|much longer|for much longer|ever again)",
        r"(put|putting|got|getting|sorted|sorting) (all )?my (affairs|things|life|paperwork) in "
        r"order( \w+){0,12} (after|afterwards|once i am gone|when i am gone|for them|for "
        r"anyone|nothing (is )?left)",
        r"then it is time$",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(after|afterwards|gone|will|note|letters?|goodbyes?|pills|tablets|rope|"
        r"order|time)\b",
        unless=r"\b(holiday|move|moving|retire|retiring|retirement|new job|surgery|operation|"
        r"solicitor|lawyer|accountant)\b",
    ),
    rule(
        # Belongings left on the shore; walking or swimming out and not back.
        r"(leav(e|ing)|left) my (phone|wallet|shoes|clothes|keys|bag|things|note|coat)( and "
        rf"(my )?\w+)? (on|at|by) the (beach|shore|bank|bridge|cliff|pier|edge|{_WATER})",
        rf"(swim|swimming|walk|walking|wade|wading) (out|into the {_WATER})( \w+){{0,3}} (and "
        r"not (come|coming) back|until i (cannot|can not|sink|go under)|and let go|and go "
        r"under|as far as i can and)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
    ),
    rule(
        # Self-harm that is escalating, or meant to be the last.
        r"(started|been|am|keep) cutting (deeper|deep|more)",
        r"(want|need|going|planning) (it|this|tonight|this time) to be the last (time|one)",
        tier="acute",
        kind=SH,
        negated="concern",
        history=True,
        needs=r"\b(cut|cutting|blade|razor|pills|tablets|rope|bleed|bleeding|hurt|harm)\w*\b",
    ),
)
