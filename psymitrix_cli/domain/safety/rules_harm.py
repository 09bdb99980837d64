"""Harm to another person and abuse happening now: acute, with their own kinds
(`harm_to_others`, `abuse_now`) so the crisis panel can put the emergency number first.

"I'm going to kill him" is often an idiom ("...he ate my leftovers"), so kill, murder and
hurt aimed at someone are concern (rules_concern) until a time, a weapon or a plan makes
them acute; violent verbs that are rarely idioms (stab, shoot, strangle, poison) and
any threat to a child are acute on their own.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import AB_NOW, HO, rule
from psymitrix_cli.domain.safety.vocab import CHILD, HELD_NOW, INTENT, KIN, VICTIM, WEAPON

_VIOLENT = (
    r"(stab|shoot|strangle|smother|suffocate|poison|choke|drown|beat (him|her|them) up|beat|"
    r"set fire to|burn|attack|bash|slit)"
)
_NOT_IDIOM = (
    r"\b(?! (at|in) (chess|cards|football|tennis|a game|the game|fifa|monopoly|pool|golf)| a "
    r"(text|message|look|line|email)| up| some hoops| for (spoiling|eating|taking|borrowing|"
    r"forgetting|being|telling|not))"
)
_ABUSER = rf"(he|she|they|my {KIN}|my {KIN}s|someone|somebody|a man|a guy|a woman|the man)"

# Abuse happening now, as people write it from where they are hiding: where they are
# (under the bed, locked in the bathroom, the door barricaded), beside what the other
# person is doing or holding this minute. Each is a pair, so "hiding in the loo from the
# toddler" or "locked myself out" stays ordinary.
_HIDING = (
    r"(i am|we are|i have been|been|am|typing this|texting|texting you)( \w+){0,3} (hiding|hidden|"
    r"locked|shut|barricaded|crouched|curled up)( \w+){0,3} (in|under|behind|inside)",
    r"(hiding|hid) (in|under|behind|inside|at) (the|my|a|our|his|her) \w+",
    r"i (have )?(locked|shut|barricaded) (myself|us|me and the \w+|me and my \w+)( \w+){0,2} "
    r"(in|inside)",
    r"(i am|we are|typing this|texting|texting you)( \w+){0,2} (in|from|under) (the|my) "
    r"(wardrobe|closet|cupboard|loo|toilet|bathroom|garage|shed|attic|loft|stockroom|spare "
    r"room|back bedroom|shower|bath|covers|bed)",
    r"(pushed|put|wedged|dragged) (the|a|my) \w+( \w+){0,3} (against|behind|in front of) the "
    r"door",
    r"(climbed|climb|got|jumped|had to climb) out (of )?(the|a|my) window",
    r"(just )?(escaped|got away from (him|her|them)|ran out of the (house|flat))",
    r"(he|she|they) (does not|do not) know (i have my phone|where i am|i am here|i am texting)",
    r"(he|she|they) (thinks|think) i am asleep",
)
# What the other person is doing this minute, to the writer or to the door between them.
_THREAT_NOW = (
    r"\b(knife|knives|gun|machete|axe|crowbar|hit me|hits me|beat me|beating me|kicking me|"
    r"punching me|strangl\w*|chok\w*|kill (me|us)|hurt (me|us)|threaten\w*|looking for me|"
    r"coming for me|coming up the stairs|find me|found me|trying the (back |front )?(door|"
    r"handle)|break the door|screaming at me|shouting at me|going room by room|calling my "
    r"name|(he|she|they) (is|are) (coming|outside|downstairs|at the door|knocking|back|inside "
    r"with|kicking|banging|smashing|hitting)|is going to (kill|hurt|stab|gut)|said (he|she|"
    r"they) (will|would|is going to) (kill|hurt)|throwing (things|stuff|\w+) at me|in my room "
    r"(again|right now)|(kicking|banging on|smashing) (the|my) (front |back |bedroom |bathroom )"
    r"?door|blocking the door|not supposed to know|not allowed near)\b"
)
# With a weapon in hand, what makes it a threat and not the cooking or the shelves.
_MENACE = (
    r"\b(kill me|hurt me|kill us|hurt us|going to (kill|hurt|stab|gut|do|cut) (me|us|my face)|"
    r"threaten\w*|hiding|hid|locked myself|doors? (is )?locked|locked the door|scared|terrified|"
    r"screaming at me|shouting at me|coming for me|looking for me|cornered|wants my|do my face|"
    r"police|999|911|112|next one|thinks i am asleep|passport|does not know where i am)\b"
)
_WITH_WEAPON = (
    r"(knife|knives|gun|bat|baseball bat|hammer|claw hammer|belt|scissors|blade|machete|axe|"
    r"screwdriver|crowbar|bread knife|kitchen knife)"
)

HARM = (
    rule(
        r"shoot(ing)? up (the|a|my) (school|office|work|workplace|church|mall|class|mosque|"
        r"synagogue|college|university)",
        rf"(bring|bringing|take|taking|took)( \w+){{0,3}} {WEAPON} (to|into) (school|work|class|"
        r"college|church|the office)",
        rf"{INTENT} run (him|her|them|my {KIN}s?) over",
        rf"(going to|planning to|plan to|will|about to|i am going to|want to) {_VIOLENT} {VICTIM}"
        + _NOT_IDIOM,
        rf"(going to|planning to|plan to|will|about to|want to|i am going to) (kill|hurt|harm|"
        rf"hit|shake|drown|smother) (my|the|our|his|her) {CHILD}",
        r"(scared|afraid|worried|frightened|terrified) (that )?i (will|am going to|might|could) "
        rf"(hurt|harm|kill|shake|smother|drown|hit|suffocate|snap and hurt) (my|the|our) {CHILD}",
        rf"i (shook|hit|hurt|smothered|slapped|punched|choked|threw) (my|the|our) {CHILD}( \w+)"
        r"{0,3} (hard|again|until)",
        rf"(feel like|think) i (am going to|will|might) (hit|hurt|kill|shake) (my|the) {CHILD}",
        rf"({WEAPON}|a bat|a gun|a knife)( \w+){{0,4}} (waiting for (him|her|them)|outside "
        r"(his|her|their) (house|home|flat|work|school)|when (he|she|they) (get|gets|come|comes))",
        r"(burn|set fire to) (down )?(his|her|their|my \w+s?|the) (house|home|flat|car)( \w+){0,3}"
        r" (with (him|her|them)|inside)",
        r"with (him|her|them) (still )?(in|inside)( it)?$",
        tier="acute",
        kind=HO,
        negated="concern",
        person=False,
    ),
    rule(
        rf"{_ABUSER} (is|are)( \w+){{0,3}} (hitting|beating|choking|strangling|hurting|attacking|"
        r"kicking|punching|raping|slapping|threatening|stabbing|dragging|throwing) (me|us|my \w+)",
        r"(he|she|they|someone|somebody|a man|a guy|a car) (is|are|keeps?) (following|stalking) me",
        rf"{_ABUSER} (has |have )?just (hit|punched|slapped|kicked|choked|strangled|hurt|attacked|"
        r"raped|assaulted|stabbed|beat|threw|pushed|shoved|dragged|burned|burnt|bit) me",
        r"(trying|going) to (break|kick|smash) (the|my) door (down|in)",
        r"(breaking|kicking|banging on|smashing) (the|my) door( down)?( right now| now)",
        r"(breaking|kicking|smashing) (the|my) door (in|down)",
        r"(locked|trapped) in( \w+){0,3} (and|but) (he|she|they) (will not|would not|"
        r"is not letting|"
        r"are not letting) (let )?me (out|leave|go)",
        r"i am (hiding|locked in|barricaded|trapped) (in|from|inside|under|behind)( \w+){0,4} "
        # Hiding from the kids or the dog for five minutes' peace is not this.
        r"(because|from|while|and) (he|she|they|my(?! (kids|children|toddler|baby|little ones|"
        r"dog|cat|puppy)\b))",
        rf"{_ABUSER} (has|have|has got|have got|is holding|got|is carrying) a (knife|gun|weapon|"
        rf"bat)( \w+){{0,3}} "
        r"(threatening|and|saying)",
        r"(bleeding|hurt) from where (he|she|they) (hit|punched|kicked|cut|stabbed) me",
        r"(will not|does not|do not|are not letting|is not letting) let me (leave|go|out)"
        r"( \w+){0,3} (took|taken|and i am scared|scared|hit|locked)",
        r"(took|taken|have|has) my passport",
        r"(knife|gun|blade|pistol) (to|against|at) my (throat|head|neck|chest|temple)",
        r"(someone|somebody|a man|a guy|people|they|he|she) (broke|has broken|is breaking|are "
        r"breaking|have broken|just broke) (in|into)",
        r"(someone|somebody|a man|a guy|people|they|he|she) (is|are) trying to (get|break|force "
        r"(his|their|her) way) (in|into)",
        rf"{_ABUSER} (is|are)( \w+){{0,3}} threatening to (kill|hurt|stab|shoot|strangle) (me|us|"
        r"my \w+|her|him|them)",
        tier="acute",
        kind=AB_NOW,
        person=False,
    ),
    rule(
        rf"{_ABUSER} (has|have|has got|have got|is holding|got|is carrying|is waving) a (knife|"
        r"gun|weapon|bat|"
        r"machete)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(locked|hiding|scared|threaten\w*|help|kill me|hurt me|right now|terrified)\b",
    ),
    rule(
        *_HIDING,
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=_THREAT_NOW,
        unless=r"\b(hide and seek|hide-and-seek|hide n seek|sardines|surprise party|playing)\b",
    ),
    rule(
        # The other person, here, with a weapon.
        rf"{_ABUSER} (is|are) (standing|sitting|waiting|coming|outside|downstairs|upstairs|at the "
        rf"door|in the \w+)( \w+){{0,6}} with (a|the|his|her|their) ({_WITH_WEAPON}|\w+ "
        rf"{_WITH_WEAPON})",
        rf"{_ABUSER} (has|have|has got|have got|got|found|is found|has found|is holding|grabbed|"
        rf"picked up|is waving|is carrying) (the|his|her|their) ({_WITH_WEAPON}|\w+ "
        rf"{_WITH_WEAPON})",
        rf"(waiting|was waiting|standing) (for me )?with (a|the) ({_WITH_WEAPON})",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=_MENACE,
    ),
    rule(
        # Being hurt this minute, or someone in the house is.
        r"(has|got|put) (his|her|their) hands? (round|around|on) my (neck|throat)",
        r"(is|are|keeps|kept) (banging|smashing|hitting|slamming) my head (on|against|into)",
        r"(threw|poured|thrown|put) (boiling|hot) (water|oil|tea|coffee)( \w+){0,2} (over|on|at) "
        r"me",
        r"(threw|poured|thrown) (bleach|acid|petrol)( \w+){0,2} (over|on|at) me",
        r"(put|held) (a|the|his|her) (lighter|cigarette|iron|flame)( \w+){0,2} to my (arm|hand|"
        r"face|hair|leg|skin|neck|chest|back)",
        r"(sitting|kneeling) on (me|my chest)( \w+){0,6} breathe",
        r"(will not|does not) let me breathe",
        r"(dads|dad is|father is|stepdad is|husband is|he is|she is|mums boyfriend is) (hitting|"
        r"beating|hurting|kicking|punching|strangling|choking) (mum|mom|my mum|my mom|my mother|"
        r"my sister|my brother|my little \w+|the kids|the baby|her|him)( \w+){0,2} (again|right "
        r"now|now)",
        r"(is|are|has been|have been) (hitting|beating|kicking|punching) (me|us) (for|since) "
        r"(an hour|hours|ages|the last)",
        r"(drive|drop|throw|push) (us|us all|her|him|the kids|the baby|them|my \w+)( all)? (off|"
        r"into|over) the (bridge|balcony|cliff|river|sea|edge|roof|window|canal|quarry|motorway)",
        r"(set fire to|burn|burn down) (the|my|our) (house|flat|home|car)( \w+){0,2} with (me|us|"
        r"the kids|the baby) in",
        r"(found|tracked|followed) me (to|at) the (refuge|shelter|safe house)",
        rf"{_ABUSER} (just |has just |has )?(cut|slashed|stabbed|burned|burnt|scalded) (me|my (arm|"
        r"hand|face|leg|neck|back|chest))( \w+){0,3} with (a|the|her|his) \w+",
        r"(is|am|are) being (dragged|beaten|attacked|kicked|punched|strangled|choked|hit|raped)"
        r"( \w+){0,8} (right now|now)",
        r"(has|have|had) (me|us) locked in",
        r"(just )?(been )?(kicked|punched|stabbed|strangled|beaten|hit) (me )?in the (stomach|"
        r"face|head|chest|belly|ribs)( \w+){0,4} (bleeding|pregnant|cannot|he is|she is|they are)",
        tier="acute",
        kind=AB_NOW,
        person=False,
    ),
    rule(
        # A threat to kill, said just now, with what makes it tonight's.
        rf"{_ABUSER} (said|says|is saying|keeps saying|is screaming|screamed|shouted|is shouting|"
        r"texted|told me)( that)?( if i (leave|go|call|tell|run)( \w+){0,2})? (he|she|they) (is|"
        r"are|will|would|is going to|are going to|going to)( \w+){0,2} "
        r"(kill|stab|gut|shoot|strangle|burn|drown|hurt) (me|us|the kids|my \w+|the dog)",
        rf"{_ABUSER} (is|are)( \w+){{0,5}} (screaming|shouting|saying)( that)? (he|she|they) (is|"
        r"are) going to (kill|stab|gut|shoot|strangle|burn|cut|do) (me|us|my face)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(right now|now|tonight|if i (leave|go|call|run)|knife|gun|door|hiding|locked|"
        r"terrified|police|petrol|in the (hall|house|garden|kitchen)|outside|with me in it|the "
        r"kids)\b",
    ),
    rule(
        # Someone the person is protected from, at the door now; held from leaving; held.
        rf"{_ABUSER} (is|are) (outside|at) (my|the) (house|door|flat|front door|back door|window|"
        r"school gates|work|gate)",
        rf"{_ABUSER} (is|are) (at|outside) the (front|back) door",
        rf"{_ABUSER} (has|have) just (turned up|walked in|come in|arrived)",
        r"(will not|does not|is not|are not|would not) (let|letting) me (leave|out|go)",
        r"(is|are) trying the (door )?handle",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=HELD_NOW + r"|\blocked\b",
    ),
    rule(
        r"(has|got|grabbed|has got) (hold of )?my (hair|arm|wrist|throat|neck)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(dragged|dragging|banging my head|hitting me|got away|for a second|police|help "
        r"me|hurting me)\b",
    ),
    rule(
        # A forced marriage about to happen.
        r"(forcing|force|make|making) me (to )?marry",
        r"(taking|sending|take|send) me (to \w+ )?(tomorrow |tonight |next week |this week )?to "
        r"(marry|be married|get married)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(tomorrow|tonight|today|this week|passport|lock me|locked|flight|plane|taking "
        r"me)\b",
    ),
    rule(
        r"i am hiding (in|under|from|behind|upstairs|downstairs)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(looking for me|coming for me|is drunk|is angry|broke in|hurt me|hit me|he is|"
        r"she is|they are|he will|she will|kill me|hurt me|intruder)\b",
        unless=r"\bfrom (my|the) (kids|children|toddler|baby|little ones|dog|cat|puppy)\b",
    ),
)
