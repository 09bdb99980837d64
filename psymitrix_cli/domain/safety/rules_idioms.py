"""Readings that must win before anything else: specific harms first, then idioms.

Idioms ("this deadline is killing me", "to die for", "kill the process", "i killed
myself in the game") are blanked out of the clause so later rules never see them.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import AB, AB_NOW, SH, SI, rule
from psymitrix_cli.domain.safety.vocab import DRUGS, HELD_NOW, KIN

_ABUSER = rf"(he|she|they|my {KIN}|his \w+|her \w+)"

# Before the idioms, so "kill me" inside them is read for what it is.
SPECIFIC = (
    rule(
        # Locked in now, with the phone taken or no food: acute before the concern reading
        # below blanks the words.
        r"(locked|locks|has locked|have locked) me in (the|my|a|our) \w+",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=HELD_NOW,
    ),
    rule(
        rf"{_ABUSER} (has |have )?(threatened|threatens|is threatening|keeps threatening|said "
        r"(he|she|they) (would|will)|says (he|she|they) (will|would)|said if i \w+ \w+ (he|she|"
        r"they) (would|will)) (to )?(kill|hurt|murder|stab|shoot) me",
        r"(he|she|they) (will|would|is going to|are going to) (kill|hurt|murder) me if i (tell|"
        r"leave|go|call|talk|speak)",
        r"(saying|says|said|screaming|shouting|yelling|threatening|swears?|swearing) (that )?(he|"
        r"she|they) (will|would|is going to|are going to) (kill|hurt|murder|stab|shoot) me",
        r"(locked|locks|trapped|tied) me (in|up|inside)",
        r"(threw|throws|pushed|pushes|shoved|shoves|dragged|drags) me (down|into|against|across|"
        r"out|to the floor|on the floor)",
        tier="concern",
        kind=AB,
        consume=True,
    ),
    rule(
        r"(scared|afraid|terrified|frightened) (that )?(he|she|they) (will|is going to|might|are "
        r"going to|would) (kill|hurt|murder) me",
        r"(told|tell|tells|telling|said|says|keeps? saying|keep telling) me to (go )?"
        r"(kill|hang|hurt) (myself|yourself)",
        tier="concern",
        kind=AB,
        consume=True,
    ),
    rule(
        r"(which|what|would|will|could|can)( \w+){0,4} (kill me|be fatal|be lethal) if i "
        r"(drank|drink|took|take|ate|eat|swallowed|swallow|mixed|mix)",
        rf"(enough|how many|how much)( \w+){{0,3}} {DRUGS}( \w+){{0,3}} (to )?kill me",
        tier="acute",
        kind=SI,
        consume=True,
    ),
    rule(
        r"want (someone|somebody|something|you) to kill me", tier="concern", kind=SI, consume=True
    ),
    rule(
        r"(cut|cutting|hurt|hurting|burned|burnt|burn|burning|injured|hit|"
        r"hitting) myself( \w+){0,5}"
        r" on purpose",
        tier="concern",
        kind=SH,
        consume=True,
    ),
)

IDIOMS = (
    rule(
        r"(kill|kills|killing|killed) me( now)?",
        r"kill(ing|ed)? (it|time|some time|the (process|lights|engine|vibe|mood|server|job|task|"
        r"app|power|spider|bug|dragon|boss)|two birds)",
        r"kill (\-9|all|-9)",
        r"kill (someone |somebody |anyone )?for (a|an|some)",
        r"dying (to|of|for)",
        r"to die for$",
        r"(die|dying|died) (of|from|with) (embarrassment|shame|laughter|laughing|boredom|cringe|"
        r"curiosity|hunger|thirst|cuteness|happiness|joy|excitement|jealousy|envy|suspense|heat|"
        r"cold|old age)",
        r"(died|dying|dead|die) laughing",
        r"(die|dye|dying|dyeing) (my|your|her|his|their) hair",
        r"rather die than",
        r"(i will|i would|i could|i am going to|going to) die if (he|she|they|you|i have|i do not|"
        r"this|that|my|i see)",
        r"could (just )?die",
        r"drop dead (gorgeous|beautiful|handsome|stunning)",
        r"dead (serious|tired|on|ringer|end|weight|wrong|right|funny|cute|set)",
        r"(over my|on my) dead body",
        r"death of me",
        r"suicide (squad|doors?|sprints?|drills?|mission|runs?|squeeze|prevention|awareness|"
        r"hotline|helpline|line|crisis|research|statistics|rates?|bombers?|watch)",
        r"killing myself (at|over|trying|to (finish|get|meet|make|keep|pay)|for (this|that|work))",
        r"(cut|hurt|burned|burnt|burn|injured|shot|killed) myself( \w+){0,4} (shaving|cooking|"
        r"chopping|slicing|on (a|the|some|my)|by accident|accidentally|while|at the gym|playing|"
        r"lifting|running|when i fell|with the (oven|iron|kettle|knife))",
        r"(kill(ed)?|shot|shoot|blew up|blow up|drowned|hanged) myself (in|on|during) (the|a|"
        r"this|my|that) (game|level|match|round|map|raid|quest|mission)",
        r"cut myself (some )?slack",
        r"burn(ing|t|ed)? myself out",
        r"(shoot|shot|shoots|shooting) (myself|himself|herself|themselves|yourself|ourselves) in "
        r"the foot",
        r"(kick|kicking|kicked) myself",
        r"overdos\w* on (caffeine|coffee|sugar|chocolate|candy|netflix|tv|carbs|cuteness|memes|"
        r"energy drinks|water|vitamins?|vitamin \w+|fruit|sun|sunshine)",
        r"hopeless (at|with|romantic|case)",
        r"worthless at",
        r"(hit|hits) me up",
        r"(hit|hits) me with (a|an|the|some|that|this|his|her)( \w+)? (idea|question|news|fact|"
        r"truth|joke|"
        r"song|reality|surprise|line|request|bill|compliment|pun|story)",
        r"could (just )?(sleep|have slept) forever",
        r"(lethal|fatal|toxic|safe) (dose|amount)( of \w+)? for (a|my|the|our) (dog|cat|pet|puppy|"
        r"kitten|horse|rabbit|child|baby|kid)",
        r"so (bad|boring|awkward|embarrassing|cringe|long|dull)( \w+){0,3} (i|that i) (wanted|want)"
        r" to die",
        r"(disappear|vanish) into (a|the|my)",
        r"disappear for (a|the|two|a few|few|one) (week|weekend|day|days|month|while|bit|holiday|"
        r"year)",
        r"(lethal|fatal|toxic) (dose|amount) of (caffeine|coffee|water|sugar|vitamin \w+|energy "
        r"drinks?|salt|chocolate|nutmeg|carrots|bananas)",
        r"(not going to|will not|never going to) survive (this|the|today|tomorrow|monday|another)"
        r"( \w+)? (week|exam|exams|meeting|day|shift|class|lecture|trip|party|workout|term|"
        r"semester)",
        r"(beat|beats|beaten) me (at|in|to|by)",
        r"kick(s|ed)? me out",
        r"shoot (him|her|them|someone|you|me) (a|an) (text|message|email|line|dm|look)",
        r"(cutting|cut) (ties|carbs|back|down|corners|costs|sugar|gluten|dairy)",
        r"cut (my|the|his|her) (hair|nails|fringe|losses)",
        r"end (it|things) with (him|her|them|my \w+)",
        r"ending things with",
        r"bleeding (edge|money|heart)",
        r"(jump|jumping|jumped) (in|into|on|onto) (the )?(lake|pool|sea|river|water|trampoline|"
        r"bed|sofa|call|train)",
        r"(jump|jumping) (out of|from) (a|the) plane",
        r"(bungee|sky|base) ?jump\w*",
        r"play(ed|ing|s)? dead",
        r"(at the end of my|end of my) rope",
        r"one foot in the grave",
        r"(on its|on my|on their) last legs",
        r"lose my mind if",
        r"(go|going) (in|out) for the kill",
        r"killer (workout|app|deal|song|view|heels|queen|instinct)",
        r"starving myself (until|till|for) (the|dinner|lunch|tonight|later|tomorrow)",
        r"cannot cope with how",
        r"(thank you|thankyou|thanks|birthday|love|shopping|sticky|post it|reminder|cute|sweet|"
        r"welcome|christmas|valentines?|lunchbox|good luck|congratulations) (note|notes|letter|"
        r"letters|card|message)",
        # Asking how to help someone else is not a disclosure.
        r"(warning )?signs (that )?(someone|a friend|somebody|a person|my \w+)( \w+)? (is|might "
        r"be|may be|could be|wants to) (suicidal|selfharming|kill (himself|herself|themselves))",
        r"how (do|can|could|should|to) (i |we )?(support|help|talk to) (someone|a friend|somebody|"
        r"my \w+|a \w+) (who|that|with)( \w+)? (selfharm\w*|suicidal|is suicidal|thoughts of "
        r"suicide|cuts)",
        r"hate myself for (eating|forgetting|buying|missing|not|sleeping|being late|saying)",
        tier="none",
        consume=True,
    ),
)
