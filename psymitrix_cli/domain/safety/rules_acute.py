"""Acute: intent, a plan, means at hand, preparation, method-seeking, finality, a recent
attempt, harm to another person, abuse happening now.

The caller shows the fixed crisis message and no model sees the turn.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import SH, SI, rule
from psymitrix_cli.domain.safety.vocab import (
    DRUGS,
    END_OK,
    HEIGHT,
    HIGH,
    INTENT,
    LOTS,
    SELF_METHOD,
    TRAVEL,
    WEAPON,
    WHEN,
)


def _si(*phrases: str) -> object:
    """Suicidal intent: a negation or a history marker lowers it to concern."""
    return rule(*phrases, tier="acute", kind=SI, negated="concern", history=True)


_SUBJECT_NOT_OTHER = r"(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bwho )"

ACUTE = (
    # Method-seeking: a drug, a height, a means, named in a question.
    rule(
        r"how (do|can|could|would|should|to|does) (i |you |one |someone |a person )?(kill "
        r"(myself|yourself|oneself)|commit suicide|die painlessly|end (my|your|a) life|overdose|"
        r"hang (myself|yourself)|tie a noose)",
        r"(lethal|fatal|deadly|toxic) (dose|doses|amount|quantity|level)( of)?",
        r"painless(ly)? (way|ways|method|methods) (to|of) (die|dying|go|end|kill|suicide)",
        r"(painless|quick|quickest|easiest|best|surest|fastest|cleanest) (death|way to (die|go|"
        r"end it|end my life|kill myself)|method|methods|way out)",
        r"(way|ways) to (die|kill myself|end it|end my life|not wake up)",
        r"how (long|quickly|fast) (does it take |would it take |will it take |until you |"
        r"before you |to )?(to )?(bleed out|die|drown|suffocate|lose consciousness|pass out)\b(?! "
        r"(a|the|my|your) (plant|plants|fish|bug|ant|ants|lawn|garden|seeds?|roots?|wasp|spider))",
        r"bleed(ing)? out",
        r"(which|what) (vein|veins|artery|arteries)",
        r"how deep (do i|should i|would i|to|you|must i)( \w+){0,3} cut",
        r"(is|does|would) (drowning|hanging|an overdose|overdosing|jumping|bleeding out|dying|"
        r"suffocating|carbon monoxide)( \w+){0,4} (painful|painless|hurt|quick|peaceful|work)",
        r"carbon monoxide\b(?! (detector|alarm|sensor|leak|test|monitor|poisoning (symptoms|"
        r"signs)))( \w+){0,6} (kill|die|painless|painful|lethal|fatal|how long|quick|in (a|the|my) "
        r"(car|garage))",
        r"(how long|how much|how quick|how quickly)( \w+){0,6} carbon monoxide",
        r"(tallest|highest) (bridge|building|cliff|tower|car park|point|place|structure)s? "
        r"(near|close to|around|in) (me|here|my (town|city|area))",
        r"(what|how much|which) height( \w+){0,4} (die|dead|death|survive|over|kill|fatal)",
        r"how (high|tall|far)( \w+){0,8} (to die|to kill|to be fatal|definitely die|not survive|"
        r"so (it is|its) over|to make sure)",
        r"(where|how) (can i|do i|could i|to|would i|should i) (buy|get|get hold of|find|"
        r"obtain)( \w+){0,2} (gun|firearm|pistol|handgun|rifle|shotgun|rope|noose|helium|"
        r"charcoal)\b(?! (safe|case|cabinet|licen[cs]e|lock|course))( \w+){0,3} "
        r"(fast|quick|quickly|today|tonight|now|asap|without|no questions|right now)",
        r"(mix|combine)( \w+){0,3} to (not|never) wake up",
        rf"(how many|how much|what amount|what dose|what quantity|enough)( \w+){{0,3}} ({DRUGS}|"
        r"mg|milligrams|grams|units|carbon monoxide|co|gas|helium|exhaust fumes)( \w+){0,6} "
        r"(to die|die|dying|kill|killing|lethal|fatal|deadly|overdose|(not|never) wake up|"
        r"survive|too many|be over|end it|to make sure|be enough)",
        rf"overdose on( \w+)? {DRUGS}( \w+){{0,3}} (how many|how much|would it take|enough)",
        r"how (quickly|fast|long)( \w+){0,3} (an )?overdose( of( \w+)?( \w+)?)? (work|take|"
        r"kill)",
        rf"{DRUGS}( \w+){{0,4}} (to|so i|so that i|and) (not|never|do not|will not) wake up",
        tier="acute",
        kind=SI,
        person=False,
        unless=r"\b(writing|writer|novel|screenplay|script|my (book|story|character)|for a story|"
        r"for my (book|story|novel|essay))\b",
    ),
    # Means at hand, stockpiles, plans.
    rule(
        r"(stockpil\w*|hoard\w*|stash(ed|ing)?|squirrel(led|ing)? away|stor(ed|ing) up|(been )?"
        rf"sav(ed|ing) up|been saving|been collecting|collecting|collected)( \w+){{0,3}} {DRUGS}"
        r"\b(?! (receipts|bottles|boxes|prescriptions for)|( \w+){0,2} (from|at) (the )?(pharmacy|"
        r"chemist|doctor|gp|hospital|drugstore|clinic|surgery))",
        rf"(a stash|stash|a stockpile|stockpile|a supply|a hoard) of( \w+){{0,2}} {DRUGS}",
        rf"(enough|\d{{2,}}|twenty|thirty|forty|fifty|sixty)( \w+){{0,2}} {DRUGS}( \w+){{0,3}} "
        r"(saved|stashed|hidden|stored|collected|to do it|to die|to end it|to overdose|to "
        r"not wake up|to kill)",
        rf"{DRUGS}( \w+){{0,2}} (saved up|stashed|counted out|lined up|set aside|in front of "
        r"me|out on the (table|bed|floor|desk))",
        r"(pills|tablets|meds|rope|noose|gun|blades|razor|razors) (are |is )?(ready|lined up|"
        r"counted out|in front of me|set aside)\b(?! (for (pickup|collection|pick up|collecting|"
        r"the "
        r"pharmacy|you|(my|the|our) (holiday|trip|week|journey|flight|travels|month))|to be|at|"
        r"to (pick up|collect|be collected))\b)",
        r"(gun|rifle|pistol|shotgun|revolver) (is |was )?(loaded|cocked|in my (hand|lap|mouth))",
        r"(gun|barrel|pistol) (to|against|in) my (head|temple|mouth|chest)",
        r"loaded (the |my |a )?(gun|rifle|pistol|shotgun)",
        r"rope( \w+){0,3} (tied|round|around|over|to) (the |my )?(beam|ceiling|banister|"
        r"bannister|neck|tree|door|loft|rafter|hook|rail)",
        r"(tied|tie|tying|made|making|bought|have|got) (a|the|my) noose",
        r"(bought|buying|ordered|got) (a |some )?(rope|noose|hose|charcoal|helium)( \w+){0,3} "
        r"(for myself|to (hang|use on) myself)",
        rf"{INTENT} use (it|them|this|that|the \w+) on myself",
        r"(is|be) the (night|day|time) i (jump|do it|die|end it|go|kill myself|end my life)",
        r"(engine|car|motor) (is |was )?(running|on)( \w+){0,6} (garage|door shut|doors shut|"
        r"windows shut|door closed|sealed)",
        r"(hose|pipe|tube)( \w+){0,2} (from|on|to|into|through) (the|my) (exhaust|car window|"
        r"window)",
        r"charcoal( \w+){0,3} (in|inside) (my|the) (bedroom|room|car|tent|bathroom|flat)",
        r"(sealed|taped|taped up) (the |my )?(windows|doors|vents|room|car)",
        r"(standing|sitting|stood|sat|climbed|perched|balanced)( \w+){0,2} (on|onto|over) (the|a) "
        rf"(edge|ledge|railing|rail|side|parapet|top)( of)?( (the|a|my|this))? {HIGH}",
        rf"(on|at) the (edge|ledge|railing|parapet|top) of (the|a|my|this) {HEIGHT}( \w+){{0,3}} "
        r"(right now|now|looking down|going to jump|want to jump|ready to jump)",
        r"standing on (the|a) ledge",
        rf"(on|at|in|by) the {HEIGHT}( \w+){{0,4}} (i am )?(going to|about to|want to|ready to|"
        r"will) (jump|step off|let go)",
        r"(at|on|by|near) the (railway |rail |train )?(tracks|line|railway|platform edge|bridge|"
        r"crossing)( \w+){0,3} waiting for (the|a) (next |\d+ )?(one|train|\d+)",
        rf"{_SUBJECT_NOT_OTHER}{INTENT} (just )?(jump|throw myself|leap|step) "
        r"(off|from|in front of|"
        r"under|onto the tracks)",
        r"(thinking|thought|think) (about|of) (jumping|throwing myself|leaping) (off|from|in "
        r"front of)",
        rf"(holding|grabbed|got|have|picked up) (the|a|my|some)( \w+)? ({WEAPON}|rope|noose)( "
        r"\w+){{0,2} (right now|now|in my hand|and i am going to|to use on myself|for myself|"
        r"to (do it|end it|kill myself))",
        rf"({WEAPON}|rope|noose|pills|tablets)( \w+){{0,3}} (in my (hand|lap|pocket|bag)|next to "
        r"me|with me) (right now|now|and)",
        rf"{_SUBJECT_NOT_OTHER}{INTENT} (just )?(overdose|(take|swallow|down|neck) {LOTS}( \w+)? "
        rf"{DRUGS})",
        rf"{INTENT} (just )?{SELF_METHOD}",
        rf"{INTENT} (just )?(end|finish) (it|things|this|my life|everything){END_OK}",
        rf"(end|finish|do) (it|it all|things|this) ({WHEN})",
        r"(thinking (of|about)|considering|contemplating|decided on) end(ing)? (it|things|"
        rf"everything|my life){END_OK}",
        r"(picked|chosen|set|decided on|know) (the|a|my) (date|day|time|place|spot|method)( \w+)"
        r"{0,2} (to|for|when|where) (i )?(do it|die|end it|go|kill myself|jump)",
        r"(worked out|figured out|planned|written down|decided|know|knew) (exactly )?(how|when|"
        r"where) i (am going to|will|would|could|should) (do it|die|end it|kill myself|jump)",
        r"(i have|i have got|i got) a plan (to|for) (do it|die|end it|kill myself|end my life)",
        r"(do|doing) (something|anything) (stupid|drastic)( tonight| today| now)?",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
    ),
    # Recent attempt.
    rule(
        r"(took|taken|swallowed|downed|necked|had)( like| about| around| maybe| over| nearly| "
        rf"almost| roughly| at least)? {LOTS}( of)?( \w+){{0,2}} {DRUGS}",
        r"(took|taken|swallowed|drank|drunk) (an overdose|((most|half|the rest|all) of )?a "
        r"(whole )?(bottle|box|pack|packet) of "
        rf"{DRUGS}|(some |a bottle of )?(bleach|antifreeze|poison|weedkiller))",
        r"i (have |just |have just )?overdosed",
        r"(tried|attempted) to (kill myself|hang myself|end (it|my life)|overdose)( \w+){0,3} "
        r"(an hour|hours|minutes|last night|tonight|today|earlier|this morning)",
        r"(cut|slit|slashed) my (wrists?|throat|arm|arms)( \w+){0,4} (bleeding|blood|deep)",
        tier="acute",
        kind=SI,
        negated="none",
        history=True,
    ),
    rule(
        # A note found in a story is the plot, not the writer's note.
        r"(goodbye|farewell|suicide|final|last) (note|notes|letter|letters)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=r"\b(thriller|detective|novel|film|movie|series|episode|character|mystery|"
        r"crime drama|in the book|the plot)\b",
    ),
    _si(
        r"(posted|sent|wrote|left|recorded) a (goodbye|farewell|suicide) (message|post|note|"
        r"letter|video)",
        r"(note|letter|letters)( \w+){0,3} where (my \w+|they|he|she|someone|people|everyone) "
        r"(will|would|can) find",
        r"(note|letter|letters|message|messages)( \w+){0,2} (for|to) (my \w+|everyone|them|him|"
        r"her|my \w+ \w+|the kids|people) to (find|read)",
        r"(after|once|when) i am (gone|dead|no longer (here|around|alive))( for good)?$",
        r"(after|once) i am (gone|dead)",
        r"by the time (you|anyone|someone|somebody|they|people) (reads?|sees?|finds?|get)( this)?",
        r"(this is|here is) my (goodbye|last message|final message|last post|final post|goodbye "
        r"message)",
        r"goodbye (forever|everyone i love)",
        r"(sent|texted|messaged|posted|left)( me)? (a )?(message|text|note|post|"
        r"voicemail)( \w+){0,2}"
        r" (saying|that said) goodbye",
        r"(my )?(final|last) goodbye",
        r"(goodbye|bye)( \w+){0,3} (i love you|love you all|i am sorry|sorry for everything)",
        r"(i am sorry|sorry)( \w+){0,4} (and )?goodbye",
        r"(kill(ing)? myself|hang(ing)? myself|commit(ting)? suicide|attempted suicide|shoot"
        r"(ing)? myself|slit(ting)? my wrists|blow(ing)? my brains out)",
        r"end(ing)? (myself|my (own )?life)",
        r"tak(e|ing) my (own )?life",
        r"end (it all|everything)( for good)?",
        r"remov(e|ed|ing) myself (for good|from (the|this) world|permanently)",
        r"feel like dying",
    ),
    _si(
        r"(i am|i feel|i felt|i have been|i was|i get|feeling|been|getting)( \w+){0,3} "
        r"(?P<core>suicidal)\b(?! (thoughts|ideation|feelings|urges))",
    ),
    _si(
        r"(thinking|thought|think|considering|contemplating|planning)( \w+){0,2} (about |of )?"
        r"(?P<core>suicide|my suicide|killing myself)",
    ),
    _si(
        r"(have|had|having|get|getting)( \w+){0,2} (?P<core>suicidal (thoughts|ideation|feelings|"
        r"urges)|thoughts of suicide)",
    ),
    # A general phrase: negated ("i do not want to die") it is no sign of risk on its own.
    rule(
        r"(want|wanted|plan|planning|need|ready|deserve|wish|longing|going|would like|like) to "
        r"(die|be dead)"
        r"( tonight| today| now| soon)?\b(?! (alone|old|young|happy|of old age|in my sleep))",
        r"(no longer|not|never|do not|does not) want to (live|be alive|exist)\b(?! like this| this "
        r"way| in| with| without| there| here with)",
        tier="acute",
        kind=SI,
        negated="none",
        history=True,
    ),
    rule(
        # Finality: "there will be no tomorrow for me" (not "i will not be here, i am away").
        r"(will not|am not going to|not going to) be (around|here|alive)( much| for)? (longer|"
        r"long|anymore|tomorrow|by (then|tomorrow|the (weekend|end))|for (christmas|your "
        r"birthday|much longer|long)|next (week|year|month)|by (the )?morning|by tonight|"
        r"to see (the new year|christmas|my birthday|next year|another)|"
        r"this time tomorrow|by this time|"
        r"by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the "
        r"weekend)|by (the "
        r"end of )?(today|the day|the week))",
        r"(will not|am not going to|not going to) (be alive|survive) (by|after|past|until|much|"
        r"tonight|the night|till)",
        r"(this is|tonight is|today is|it is) my (very )?last (night|day|week|message|post|"
        r"entry|time)( (on earth|alive|ever|here|of my life))?\b(?! (in|at|as|of|before|with|off|"
        r"on (the|this|my) (job|course|island|team)|here at|shift|working))",
        r"last night on earth",
        r"(this is|this will be|it is) the last time i will (talk|speak|write|message|post|be)",
        r"you will (not|never) (hear|see) (from )?(me|of me) again",
        r"(do not|not) (plan|planning|intend|intending|expect|expecting|going) (on|to) "
        r"(wake|waking) up( tomorrow)?",
        r"i will be (gone|dead)( (by|soon|before|after|tonight|tomorrow|for good))",
        r"(it will|it is going to) (all )?be over( soon)? (for me|soon for me)",
        r"(go|gone|leave) for good\b(?! (from (the|this) (job|company|city|country)))",
        r"ready to (go|leave this (world|life|earth)|let go)( now| for good)?$",
        r"(deserve|deserves) to die",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=TRAVEL,
    ),
    rule(
        # Burden: "they" is the family, and the one who would be gone is the writer.
        r"(better|happier|relieved|glad|easier|fine|okay|ok)( off)?( \w+){0,2} (if i (was|were|am|"
        r"had) (gone|dead|not (here|around|alive)|never (born|here))|if i (died|disappeared|killed "
        r"myself|left for good)|without me( around| here| alive)?|with me (gone|dead))",
        r"(be|is|would be) (better|happier) off dead",
        r"(world|everyone|family|they) (would|will) be (a )?better( place)? without me",
        r"no (reason|point) (for me )?(in |of )?(me )?(to )?(be|being) (alive|here|around)",
        r"no reason (for me )?to (live|go on|keep living|exist)",
        r"(nothing|no one|nobody) (left )?to live for",
        tier="acute",
        kind=SI,
        negated="concern",
        person=False,
    ),
    rule(
        r"(engine|car|motor) (is |was |still )?(running|on)\b(?! (rough|badly|fine|well|hot|smooth"
        r"|smoothly|low|empty|again|okay|ok|loud|noisy|diesel|petrol))",
        tier="acute",
        kind=SI,
        negated="concern",
        needs=r"\b((in|inside) (the|my) (closed |shut |locked )?garage|(door|doors|windows|garage)"
        r" (is |are )?(shut|closed|locked|sealed)|sealed|hose|exhaust)\b",
    ),
    rule(
        r"(on|onto|over|at) (the|a|this|my)( \w+){0,3} (ledge|edge|railing|parapet|rail)",
        r"(going|put it|putting it|goes|it is) (in|into|to|against) my (mouth|head|temple)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"(?s)(?=.*\b({HEIGHT}|{WEAPON})s?\b)(?=.*\b(right now|now|looking down|jump|"
        r"let go|tonight|step off|loaded|pull the trigger)\b)",
        unless=r"\b(pool|diving board|dive|diving|swim|swimming|springboard|high board)\b",
    ),
    rule(
        r"i will be (gone|dead)$",
        r"(it|nothing) will not matter (anymore|soon|after)",
        tier="acute",
        kind=SI,
        negated="concern",
        unless=TRAVEL,
        needs=rf"\b{WHEN}\b",
    ),
    rule(
        rf"{INTENT} (just )?(jump|drive off|step off|let go)( off| from)?( {WHEN})?$",
        r"(when|where|how) i (will|am going to) do it",
        r"(going back|go back|heading back|going)( \w+){0,2} to (jump|do it|end it)$",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({HEIGHT}|when (the house|everyone|no one|nobody) is (empty|asleep|home|out)|"
        r"(pills|tablets|rope|gun|knife|blade)s?)\b",
    ),
    # Self-harm now.
    rule(
        r"(will not|cannot|does not|did not|won't) stop bleeding",
        r"bleeding (a lot|heavily|badly|everywhere)",
        r"blood everywhere",
        r"cut( myself)? too deep",
        r"cut (deeper|deep|my (wrists?|arms?|legs?|thighs?|throat))( this time| tonight| now)",
        rf"{INTENT} (cut|hurt|harm|burn|hit|punish|starve|bleed)( myself)?( \w+){{0,2}} (deep|"
        r"deeper|badly|really badly|until|tonight|to death)",
        rf"{INTENT} (cut|hurt|harm|burn|starve) myself",
        r"(burned|burnt|cut) myself( \w+){0,4} (and|but) i want (to do )?more",
        r"starve myself (to death|until i die)",
        r"(need|have|want) to cut( myself)?( right now| now| tonight| so bad)",
        tier="acute",
        kind=SH,
        negated="none",
        history=True,
    ),
)
