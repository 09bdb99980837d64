"""Acute risk said obliquely: the burden named by what the death would give others, the
method asked about by its effect, the end announced by its timing, affairs closed for
whoever comes after, and harm to someone said as a threat with its means.

Found by fresh evaluation round 16 (written before these rules; the rules saw 51 % of
its acute messages). Each family is written from the category's grammar, with the
shared word classes, rather than from its sentences: what the person says their death
would do ("they would be free if i died"), what they ask a means to do ("enough to stop
my breathing"), how they announce it ("whoever reads this ... it is time").
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import DIS, ED, HO, HOPE, SI, SUB, rule
from psymitrix_cli.domain.safety.vocab import DRUGS, HIGH, KIN, LOTS, WEAPON, WHEN

_GONE = (
    r"if i (died|was dead|were dead|was gone|were gone|was not here|were not here|was not "
    r"around|disappeared|did not exist|killed myself|ended it)"
)
_OTHERS = rf"(they|everyone|everybody|my family|my parents|my kids|people|my {KIN}s?|he|she)"
_STOP_BODY = r"(stop|slow|shut down) ((my|your|the|someone is|a persons) )?(breathing|heart|lungs)"

OBLIQUE = (
    rule(
        # Money the death would bring, counted: the death is being weighed concretely.
        rf"(the )?(insurance|life insurance|payout|inheritance)( \w+){{0,4}} (would|will|could) "
        rf"(pay|cover|clear|sort)( \w+){{0,5}} {_GONE}",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
    ),
    rule(
        # What the death would give others: relief, freedom, one less problem.
        rf"{_OTHERS} (would|will) (honestly |finally |all |just )?(be )?(free|relieved|"
        rf"happier|better|richer|lighter|fine|okay|ok)( \w+){{0,3}} {_GONE}",
        r"(the most useful|the best thing|the kindest thing|the only useful thing|the best "
        r"gift)( \w+){0,3} i (will|could|can) (ever )?(be|do|give)( \w+){0,2} (to|for) (them|"
        r"everyone|my family|my \w+)",
        r"(taking|take|get|getting) myself out of (the|their|everyone is) (picture|way|lives)",
        r"one less (mouth|problem|burden|thing for them|worry)( to (feed|worry about))?",
        r"(let|set) them (be )?free",
        tier="concern",
        kind=SI,
        negated="none",
        boost=True,
    ),
    rule(
        # A means asked about by what it does to a body, or whether it is enough.
        rf"(enough|strong enough|sufficient|would it|will it|is that|does it)( \w+){{0,4}} "
        rf"{_STOP_BODY}",
        rf"(would|will|is|are) (\d+|all|the whole|a full)( \w+){{0,3}} (of )?(my |the |these )?"
        rf"{DRUGS}( \w+){{0,2}} (be )?enough\b",
        rf"(mix|mixing|take|taking|combine|combining) (my |the |some |all my )?{DRUGS} "
        r"(with|and) (a |the )?(bottle|vodka|alcohol|drink|wine|whisky|gin|booze|other)( \w+)"
        r"{0,8} (enough|kill|die|fatal|lethal|stop|not wake|never wake)",
        rf"(buy|get|order|find) (enough|a lot of|loads of|a bunch of|lots of) {DRUGS} without (a )?"
        r"prescription",
        r"(what|which|how much|how high a) (height|drop|fall|floor|storey|story)( \w+){0,8} (fatal|"
        r"lethal|to die|kill you|"
        r"survive|survivable|be sure|definitely)",
        r"(detectable|show up|traceable|found) (after|in an?) (death|autopsy|post mortem|"
        r"postmortem|toxicology)",
        rf"(which|what|a|the) ({HIGH}|railway|line|crossing)( \w+){{0,5}} (has|with|have) no "
        r"(barriers|barrier|fence|fences|nets|net|railing|railings|cameras|security)",
        r"(asking|it is|this is) for (me|myself)( not| and not| honestly)?( a| for)?( \w+)?$",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=r"\b(dog|cat|pet|puppy|kitten|horse|vet|rabbit|story|novel|character|essay|"
        r"homework|class|exam|physics|film|game)\b",
        needs=rf"\b({DRUGS}|fatal|lethal|die|dying|death|dead|breathing|heart|jump|fall|"
        r"barriers?|fences?|nets?|height|drop|insulin|asking for me|for myself)\b",
    ),
    rule(
        # The end announced: to whoever finds it, the last one, it is time.
        r"(to|for|tell) (whoever|anyone who|whoever is) (reads|finds|sees) (this|it|me)",
        r"(whoever|anyone who|the person who) (finds|reads) (this|me|it)",
        r"this is (the|my) last (one|message|chat|time|post|goodbye|thing i will (say|write))",
        r"(thanks|thank you) for (the|all the|everything)( \w+)?( goodbye| bye)$",
        r"(tonight|today|this week|this weekend|this) is (the|my) last (night|day|week|weekend|"
        r"time|"
        r"one) (i am|i will|i can|"
        r"of (this|me|my life)|alive|on earth|here)\b",
        r"(about|of) not waking up( again)?",
        r"(nobody|no one) (will|would) (wonder|notice|know|look for me|realise|realize|"
        r"miss me)( \w+)"
        r"{0,4} (till|until|for days|before)",
        r"i know what i am (doing|going to do) with (it|them|the \w+)",
        r"i will not be (here|around) to (use|see|need|enjoy|read) (it|them|this)",
        r"(sad|upset) for a (month|while|bit|week|few weeks)( and)? then (free|fine|over it|"
        r"move on)",
        r"doing them (a|all a) favou?r",
        r"(removing|remove|taking|take|getting|get) myself (out )?(is|"
        r"would be)( \w+){0,3} (kindest|"
        r"best|right|only)",
        r"(what i would do|what i will do|what i am going to do) to (her|him|them)",
        r"(removing|remove|taking|take|getting|get) myself (out )?(is|"
        r"would be)( \w+){0,3} (kindest|"
        r"best|right|only)",
        r"(what i would do|what i will do|what i am going to do) to (her|him|them)",
        tier="concern",
        kind=SI,
        negated="none",
        boost=True,
    ),
    rule(
        # Time and place chosen for a way to go: a last train, a room that is not left.
        r"i am not (checking|coming|going|walking) (out|back|home)( again| this time)?$",
        r"(tonight|this time|today|now) i am not (stepping|going|moving|turning) back",
        r"(know|found out|learned|checked) (the|what) time( \w+){0,3} (last |next |fast "
        r"|freight )?(train|trains) (goes|go|passes|pass|comes|come|runs|run)",
        r"(timing|timed|watching|counting) the (freight |fast |express )?(trains|train)",
        r"(taking|take|bringing|bring) (everything|all) i have (saved|stockpiled|collected|"
        r"kept)( up)?",
        r"(saved|stockpiled|collected|hoarded) (up )?(about |around |over |nearly |maybe )?"
        rf"{LOTS}( \w+){{0,2}} (of )?(my |the )?(pills|tablets|meds)",
        r"(just )?need to (pick|choose|set) the (night|day|date|time)",
        r"(working|building) (myself )?up to (the|it)( edge| jump| end)?$",
        rf"{WHEN} i am (ending|finishing) (it|this|things|everything)( all)?\b",
        r"(timing|timed|worked out|working out) how long it takes to (walk|get|drive|climb) to the "
        r"(middle|top|edge)",
        r"(say|said|saying) (bye|goodbye) to (something|someone|somebody|anyone|you) before i go",
        rf"({WHEN}) i am (ending|finishing) (it|this|things|everything)( all)?\b",
        r"(timing|timed|worked out|working out) how long it takes to (walk|get|drive|climb) to the "
        r"(middle|top|edge)",
        r"(say|said|saying) (bye|goodbye) to (something|someone|somebody|anyone|you) before i go",
        r"(the )?\d{1,2} ?\d{2}( train| express| freight| one)? (does not|will not|never) (slow|"
        r"stop)",
        r"(putting|put|setting|set|kept|keeping|saving|hiding) (my |the |all my )?(pills|tablets|"
        r"meds)"
        r" (aside|away|by)( for (weeks|months|a while|ages))?",
        r"(tin|box|drawer|jar|bag|bottle) full of (them|pills|tablets)",
        r"(took|swallowed|taken|downed) (everything|all|whatever was) (in|from) the (medicine "
        r"(cabinet|cupboard|box|drawer)|bathroom cabinet|cupboard)",
        r"(better off|happier|richer) with (the )?(life )?(insurance|money|payout) than (with )?me",
        r"(will not|do not) need (these|this|the|my|any more) (sessions|chats|app|appointments|"
        r"therapy|meds) (after|past|beyond) (tonight|today|tomorrow|this week|friday|the weekend)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=r"\b(photo|photos|hobby|trainspotting|spotting|timetable|commute|commuting|"
        r"model railway|hotel review|holiday|vacation|checkout time|late checkout)\b",
    ),
    rule(
        # Said of oneself to someone ("i want someone to know i will not be waking up"), or
        # asked of "someone": the person named first is not the one at risk.
        r"(i|that i) (will not|am not going to) be waking up( tomorrow| again| in the morning)",
        r"(car|engine)( running| on)? in (a|the) (closed|shut|locked|sealed) garage",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        person=False,
        unless=r"\b(alarm|jet lag|early|lie in|lie-in|holiday|day off|mechanic|repair|story)\b",
    ),
    rule(
        # A threat to someone with the means and a when.
        rf"(bringing|bring|taking|take|grab|grabbing|get|getting) (my |his |her |a |the |my \w+s )?"
        rf"{WEAPON}( \w+){{0,3}} (and )?(end|ending|finish|finishing|do|doing|sort|sorting) "
        r"(him|her|them)( in| off)?",
        rf"(make|making) (him|her|them) pay( \w+){{0,8}} ({WEAPON}|petrol|gasoline|lighter|"
        rf"acid|{WHEN})",
        rf"(he|she|they|\w+) (is|are) going to pay( for (what|this|it)( \w+){{0,3}})?( \w+){{0,3}} "
        rf"({WEAPON}|know where|{WHEN})",
        r"(make|making) \w+ (hurt|suffer) (the way|like|as)",
        r"(watching|watched|following) (his|her|their) (house|flat|car|work)( for)?",
        r"(know|found out) when (he|she|they) (is|are) (alone|home alone|on (his|her|their) own)",
        r"(drive|crash|steer) us (both )?(into|off)",
        r"(going to|gonna|will|want to) shake (her|him|them|the baby|my baby) (until|so|till)",
        r"(have got|got|have|bought|brought) (the |some |a can of )?(petrol|gasoline|lighter "
        r"fluid|acid)( \w+){0,4} (in the (boot|car|trunk)|with me|ready)",
        tier="acute",
        kind=HO,
        negated="concern",
        history=True,
        person=False,
        unless=r"\b(lawn ?mower|mower|generator|bbq|barbecue|garden|camping|strimmer|chainsaw|"
        r"film|game|story)\b",
        needs=rf"\b(him|her|them|ex|{KIN}|he|she|they)\b",
    ),
)

# Concern said without the usual words: passive wishes, hopelessness as a verdict,
# compensating after eating, drinking to get through the day.
OBLIQUE_CONCERN = (
    rule(
        r"(if|when) (a|the) (bus|car|truck|lorry|train|van)( \w+){0,2} (hit|hits|ran over|runs "
        r"over) me( \w+){0,12} (relieved|relief|fine|okay|ok|glad|would not mind|not mind)",
        r"(sleep|go to sleep|be asleep) for (a year|a month|months|years|ever|a very long time)"
        r"( and)? (skip|miss|not wake|never wake|not have to|not exist)",
        tier="concern",
        kind=SI,
        negated="none",
    ),
    rule(
        r"i am (just )?(broken|beyond (help|fixing|repair))( and that is it| for good| for ever|"
        r" forever| and always will be)?$",
        r"(tried|done|had) (therapy|meds|medication|everything|the lot)( \w+){0,6} (nothing|"
        r"none of it) (works|worked|helps|helped|changes)",
        tier="concern",
        kind=HOPE,
        negated="none",
    ),
    rule(
        r"(binge|binged|binging|bingeing|eat|ate)( \w+){0,4} (and then|then|and) (do|did|spend|"
        r"spent|run|ran)( \w+){0,4} (to make up for|to burn|to burn off|to undo|to compensate)",
        r"(exercise|run|train|work out)( \w+){0,3} (to make up for|to burn off|to undo) (it|what i "
        r"ate|eating|the food|every)",
        tier="concern",
        kind=ED,
        negated="none",
    ),
    rule(
        r"(start|started|starting|begin) drinking (at|before|by) (lunch|noon|breakfast|midday|"
        r"work|11|10)",
        r"(drink|drinking|alcohol|wine|vodka|pills|weed|using)( \w+){0,6} (the )?only way i "
        r"(get|can get|make it) through( the)?( \w+)?",
        tier="concern",
        kind=SUB,
        negated="none",
    ),
    rule(
        r"(can not|cannot) (picture|imagine|see) (a|any|my) future",
        tier="concern",
        kind=HOPE,
        negated="none",
    ),
    rule(
        r"(been|keep|started|start|kept|keeps) (skipping|missing) (meals|breakfast|lunch|dinner)",
        r"skipping meals",
        r"(noticing|notice|see|find out)( \w+){0,3} (i am|that i am) (skipping|not eating)",
        tier="concern",
        kind=ED,
        negated="none",
    ),
    rule(
        r"(been )?(hospitali[sz]ed|sectioned|admitted)( \w+){0,3} (for this|before|twice|again|for "
        r"(my|this) (mental health|depression|stuff))",
        r"(found|saw|noticed) blood on (her|his|their) (towel|sheets|sleeves|clothes|arms?)",
        r"said something (dark|worrying|scary|really dark)",
        r"(has not|have not) (come out of|left) (his|her|their) room in days",
        r"abusive (relationship|partner|ex|marriage|home|husband|wife|boyfriend|girlfriend)",
        tier="concern",
        kind=DIS,
        negated="none",
        person=False,
    ),
    rule(
        r"(the )?only way i (get|can get|make it) through the (day|afternoon|night|evening|week)",
        tier="concern",
        kind=DIS,
        negated="none",
    ),
)
