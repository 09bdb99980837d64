"""Reply families a fluent model writes without naming a weapon or a dose: helping to hurt,
control or frighten someone; a place to die described by what would not stop the person;
amounts said as "thirty of your sleeping ones" or in another language.

Written from the reply authors k and n (safety/corpus/replies_k.txt, replies_n.txt), whose
harmful replies the earlier families let through to the learned layer. Matched against
reply.normalise()d text (numbers in words are digits, contractions spelled out).
"""

from __future__ import annotations

_PARTNER = (
    r"(her|his|their|your (wife|husband|partner|girlfriend|boyfriend|ex|ex-wife|ex-husband|"
    r"mum|mother|dad|father|son|daughter|boss|coworker|colleague|neighbou?r))"
)

# Helping to hurt, control, frighten or stalk a person.
OTHERS = (
    r"\b(he|she|they) (will not|would not) see it coming\b",
    r"\bjump (him|her|them) (after|when|outside|on|in|before)\b",
    r"\b(finish|finishing|deal with|dealing with|sort out|take care of) (him|her|them|both of "
    r"them)( off)? (with (the|a|your) \w+|tonight|before)\b",
    r"\b(deserves?|deserved) to be (run over|hurt|beaten|stabbed|shot|punished|scared|afraid)\b",
    r"\b(burn|burning|torch|torching|set fire to|setting fire to) (their|his|her|your \w+'?s?) "
    r"(house|flat|car|home|place)( down)?\b",
    r"\b(throw|throwing) (the |some )?(acid|bleach|boiling water)\b",
    r"\block (the door|her in|him in|them in)( \w+){0,3} so (she|he|they) (can not|cannot) "
    r"(leave|get out|go)\b",
    r"\b(a |one )?(shake|slap|smack|hard slap|good hiding|clip round the ear)( \w+){0,3} (will|"
    r"would|is the only)( \w+){0,3} (sort|settle|calm|shut|stop|language|lesson)\b",
    r"\b(tracker|airtag|gps tracker|tracking app|monitoring app|spy app|spyware|keylogger)\b"
    rf".{{0,60}}\b({_PARTNER}|while (she|he) (sleeps|is asleep|is in the shower)|never "
    r"know|without (her|him|them) knowing)\b",
    r"\b(slip|slipped|hide|hidden|put|install|installed|sew|sewn)( a| the)? (small |little )?"
    rf"(tracker|airtag|gps tracker|monitoring app|spy app|spyware) (in|on|into|under) {_PARTNER}",
    rf"\b(?<!not okay to )(?<!do not )(?<!never )(?<!not to )(go through|read|check|look "
    rf"through) {_PARTNER} (messages|phone|texts|emails?|dms|"
    r"whatsapp)\b",
    rf"\blog (into|in to) {_PARTNER}( \w+)? (email|account|phone|facebook|instagram)\b",
    r"\b(withheld|private|blocked|hidden) number( \w+){0,4} (every|at) (\d|night|morning|day)",
    r"\bspread (a |the )?rumou?rs?\b",
    r"\b(tell|report|say|accuse)\b[\w ,]{0,80}\beven if it (is not|was not) true\b",
    r"\b(remind|reminding|tell|telling) (her|him|them)( every day| every night| daily)? (that )?"
    r"(nobody|no one) (will|would) ever (love|want|believe) (her|him|them)\b",
    r"\blet (her|him|them) (find out|know|feel|see) what it is like to be (afraid|scared|"
    r"frightened|hurt)\b",
    r"\b(make|making) (them|him|her) (all )?watch\b",
    r"\b(needs?|need) (a bit of|some|a little) (fear|pain|scaring|roughing up)\b",
    r"\b(dale|dales|darle) una leccion\b|\bsabak sikhao\b|\bmerite de souffrir\b",
    r"\bkeep ringing( the bell)?( \w+){0,3} until (she|he|they) (lets|let|opens|answers)\b",
    r"\b(go|going) (round|over) (to )?(his|her|their) (house|place|flat)( \w+){0,5} (make "
    r"(him|her|them) (apologi[sz]e|pay|sorry)|until (she|he) lets you in)\b",
    r"\b(when|once) (he|she|they) (is|are|ends up|end up) in (hospital|a wheelchair)\b",
    r"\b(justified|fair enough|within your rights)( \w+){0,3} (going after|to go after|to hurt|"
    r"to hit|taking something to school|to scare)\b",
    r"\bso (she|he|they) (can not|cannot) afford to leave\b",
    r"\b(take|taking|use|move|empty)( \w+){0,3} (pension|savings|money|card)( \w+){0,5} "
    r"(she|he|they) (will not|would not) (remember|notice|know)\b",
)

# A place to die, described by what would not stop the person (two sentences at a time).
PLACE = (
    r"\b(multi-?stor(e)?y|car park|bridge|roof|top level|top floor|platform|train|trains|"
    r"railway|tracks|crossing|river|reservoir|quarry|weir|canal|viaduct|pier|cliffs?|dam|"
    r"the sea|bends|loft|beam|banister|bannister|hook|boat|wall)\b"
)
NO_STOP = (
    r"\b(no (barriers?|fence|fences|railings?|netting|cameras?|one around|one up there)|nobody "
    r"(around|up there|about)|hardly (ever )?anyone|deserted|menschenleer|no tiene valla|without "
    r"stopping|does not stop|do not stop|come through fast|cold and fast|strong enough|fast "
    r"enough|would do it|will do it|leave the life ?jacket|everything you need|open top level)\b"
)

# Amounts said without a pill word, or in another language.
AMOUNTS = (
    r"\b\d{2,} (of )?(your |the |those |these |them |my )?(\w+ ){0,2}(ones|patches)\b",
    r"\b(swallow|take|go for|start with) (all )?\d{2,}\b(?! (minutes|mins|seconds|hours|days|"
    r"weeks|breaths|steps|pages|reps|squats|times|percent|pounds|calories|grams))",
    r"\b(diez|veinte|treinta|cuarenta|cincuenta|cien|dix|vingt|trente|quarante|cinquante|cent|"
    r"zehn|zwanzig|dreissig|vierzig|funfzig|hundert|dieci|venti|trenta|quaranta|cinquanta|"
    r"\d{2,})\b.{0,30}\b(pastillas|pildoras|comprimidos|comprimes|comprimés|cachets|pilules|"
    r"tabletten|pillen|pastiglie|compresse|goliyan)\b",
    r"\b(the )?whole (month'?s?|week'?s?) (supply|worth)( of)?\b",
    r"\bdouble what you think\b",
)
