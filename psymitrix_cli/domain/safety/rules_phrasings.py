"""Acute, in more words: the phrasings the fresh evaluation rounds (safety/eval/round*_)
showed the first rules missing. Same readings as rules_acute: intent, means at hand,
method questions, finality, preparation, recent attempts.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import SH, SI, rule
from psymitrix_cli.domain.safety.rules_acute import _si
from psymitrix_cli.domain.safety.vocab import (
    DRUGS,
    HIGH,
    INTENT,
    SELF_METHOD,
    TRAVEL,
    WEAPON,
)

MORE = (
    # Means at hand, said in more ways.
    rule(
        r"(knife|blade|razor|glass|scissors)( \w+){0,3} (against|on|to|at|across) my (wrists?|"
        r"throat|neck|arms?|skin|chest|veins?)",
        r"(in|into) the bath with (a|the|my) (razor|blade|knife|pills|toaster|hairdryer)",
        r"(tied|tying|fastened|hung|attached|knotted) (the |a |my )?(belt|rope|cord|scarf|sheet|"
        r"cable|ligature|tie|dressing gown cord)( \w+){0,3} (to|round|around|on|from|over) (the |"
        r"my )?(door|handle|door handle|banister|bannister|beam|ceiling|neck|rail|hook|bed|tree|"
        r"pipe|wardrobe|loft hatch|light fitting)",
        r"(counting|counted|lining|lined|laying|laid|sorting) (out|up) (my |the |all )?(\w+ )?"
        r"(pills|tablets|meds|capsules)",
        r"(know where|found) (the|his|my \w+|my) (gun|shotgun|rifle|pistol|shells|bullets|ammo|"
        r"cartridges|key to the gun cabinet)",
        r"(climbing|climbed|leaning|hanging|stepping|stepped)( over| onto| off| out of)? (the )?"
        r"(railing|rail|edge|barrier|side|balcony|parapet|fence|wall|window)",
        r"(sitting|standing|sat|stood) (at|on|by) the (edge|ledge|top)",
        r"(climbing|climbed|leaning) (over|out)( (the|it|now|right now))?$",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        # At a pool's edge, working up the nerve is for a dive; a climbing wall, a tent
        # with a broken zip, or being locked out are not a height to fall from either.
        unless=r"\b(pool|diving board|dive|diving|swim|swimming|springboard|high board|climbing "
        r"(wall|centre|center|gym)|bouldering|abseil\w*|tent|zip|locked out|fire drill)\b",
        needs=rf"\b({HIGH}|{DRUGS}|{WEAPON}|rope|belt|cord|bath|wrist|wrists|throat|neck|"
        r"tonight|right now|now|shells|bullets)\b",
    ),
    rule(
        r"(that|this|these|it|they|those|\d+|twenty|thirty|forty|fifty) should (do it|be enough|do "
        r"the job|be plenty|be more than enough|finish it)",
        r"so (i|that i) (have|will have|have got) enough",
        tier="acute",
        kind=SI,
        negated="concern",
        needs=rf"\b({DRUGS}|{WEAPON}|rope|pills|tablets)\b",
    ),
    # Method questions, said in more ways.
    rule(
        r"(enough|high enough|strong enough|deep enough|long enough|fast enough|far enough) to "
        r"(die|kill (me|myself|you|someone|a person|yourself)|be fatal|end it|not survive|"
        r"make sure)",
        r"(does|would|will|is|do) (slitting|cutting|slashing) (your|my|the|their) (wrists?|throat)"
        r"( \w+){0,3}",
        r"(does|would|will|is) (hanging|drowning|overdosing|shooting (yourself|myself)|jumping|"
        r"bleeding out|suffocating|electrocution|dying)( \w+){0,4} (hurt|painful|painless|quick|"
        r"work|instant|fast|peaceful)",
        r"(jumping|falling|a fall|a jump) (from|off) (a |the )?(\d+|ten|five|twenty|\w+) "
        r"(floors?|storeys?|stories|metres|meters|feet|ft|m)\b",
        tier="acute",
        kind=SI,
        person=False,
    ),
    # Finality and preparation, said in more ways.
    _si(
        r"(will not|not going to|never going to|am not going to) (see|make it to|live to see|be "
        r"here for|be around for) (another|next|my next|the next|my) (birthday|christmas|year|"
        r"summer|week|morning|new year|sunrise)",
        r"(will be|is going to be|going to be) my (very )?last (night|day|week|message|post)"
        r"\b(?! (in|at|as|of|before|with|off|here at|shift|working))",
        r"(explaining|explain|to explain) why i (did|am doing|have done|had to do) (it|this)",
        r"(whoever|the person who|whoever it is that) finds? me",
        r"when (they|someone|you|somebody|my \w+) finds? me",
        r"(wrote|written|finished|left|writing) (the|my) (note|letter|letters)$",
        r"(best|kindest|right|only) thing( \w+){0,6} (is|would be|is to) (to )?(not be here|die|"
        r"disappear|kill myself|end it|be gone|end my life|not exist)",
        r"(end|ending|finish) (it|things|everything) (permanently|for good|forever)",
        r"(goodbye|saying goodbye|say goodbye|said goodbye)( \w+){0,3} (forever|for the last "
        r"time|for good)",
        # The last of something that only ends with a life: "the last entry i will ever write".
        r"last (journal entry|entry|message|post|text|letter|words|sunrise|sunset|breath|"
        r"goodbye) i will ever (write|see|send|post|type|take|say|watch)",
        r"(the|my) last (breath|heartbeat)s? (i take |i will take )?(will be|is going to be)",
        r"(tell|let|show) (whoever|everyone|the person|my (kids|children|family|mum|mom|dad|"
        r"parents|wife|husband|partner|sister|brother|son|daughter|friends))( \w+){0,3} (that )?"
        r"(it was not|it is not|none of this (is|was)|this is not|this was not|it was never) "
        r"(their|your|his|her|anyones|anyone is) fault( (at all|i|and|please|ever|okay|ok|"
        r"whatever happens|i love|i am sorry)\b.*)?$",
        r"(after|when|once) i am gone (tonight|tomorrow|this (week|weekend)|by (the )?(morning|"
        r"weekend|friday|saturday|sunday|monday))",
    ),
    rule(
        # The last sunrise, or missing an occasion, from someone who will not be there: not
        # a last sunset on holiday, or a birthday missed for work.
        r"(watch|watched|watching|see|saw|seeing|seen) my (very )?last (sunrise|sunset)s?"
        r"\b(?! (in|here|there|together|of (the|this|our|my) (trip|holiday|stay|summer)))",
        r"(will not|am not going to|not going to) be (around|alive) (to see|for) (easter|"
        r"thanksgiving|diwali|eid|hanukkah|the holidays|new year|the new year|(his|her|their|my|"
        r"your|our|the) (\w+ )?(next )?(birthday|graduation|wedding|exams|results|birth|"
        r"first birthday|first day at school))",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        unless=TRAVEL + r"|\b(work|working|shift|busy|away|abroad|booked|on call|at the office|"
        r"the office|deployment|deployed|posted|tour|contract|in (another|a different) "
        r"(city|country|state)|(we|i) (are|am|will be) (in|at|away|out|off|visiting|going)|"
        r"(leave|leaving|go|going|head|heading|drive|driving) home|check(ing)? out)\b",
    ),
    rule(
        r"goodbye (cruel )?world",
        tier="acute",
        kind=SI,
        negated="concern",
        unless=r"\b(see you|see ya|talk (to you )?(tomorrow|later|soon)|chat (tomorrow|later|"
        r"soon)|good ?night|off to bed|going to bed|lol|haha|brb|for now|for the night|for today|"
        r"hello world)\b",
    ),
    rule(
        r"(bleeding|blood|it|the bleeding) (will not|cannot|does not|is not|would not) stop(ping)?",
        r"(cannot|can not) stop (the )?bleeding",
        r"cut (myself )?(really|so|too|very|quite|way too) deep",
        tier="acute",
        kind=SH,
        negated="none",
        history=True,
    ),
    rule(
        rf"i (jumped|stepped|threw myself) (off|from|in front of) (a|the|my)( \w+)? ({HIGH}|train|"
        r"bus|car|lorry|truck)",
        tier="acute",
        kind=SH,
        negated="none",
        history=True,
        # A fall in a game, or by accident, is not an attempt.
        unless=r"\b(by accident|accidentally|minecraft|roblox|fortnite|in (the|a) game|my "
        r"character|my avatar)\b",
    ),
    # More ways again.
    _si(
        r"(do|doing) (something|things|it) to myself",
        r"(not|no way i am|will not|never) (get|getting|make it|making it) through (tonight|the "
        r"night|today|this night)",
        r"suicidal (af|as fuck|right now|now|tonight|today|again)",
        r"(so|really|very|extremely|severely|actively) suicidal",
        r"(this is|it is) the last time (you|anyone|they|people) (will|are going to) (hear|see) "
        r"(from )?(me|of me)",
        r"(tonight|today|this) is the (night|day)( that)?( i| when i)? (finally )?(go|do it|die|"
        r"end "
        r"it|leave|kill myself)",
        r"(leaving|going|gone) for good( tonight| today| now| soon)",
        r"(know|understand) it (was not|is not|was never) (their|your|his|her|anyones|anyone is) "
        r"fault",
        r"(note|letter|letters)( \w+){0,4} (explaining|to explain) (everything|why)",
        r"remov(e|ing) myself( \w+){0,4} (permanently|forever|for good)",
        rf"{INTENT} (drink|swallow|take|eat|inject|down) (the |a bottle of |some |"
        r"a cup of )?(bleach|"
        r"antifreeze|poison|"
        r"weedkiller|"
        r"rat poison|drain cleaner|pesticide)",
        r"(a lot of|so much|loads of|too much|lots of) blood",
        r"cut (myself )?(really |so |very )?(badly|bad|deep)( \w+){0,3} (blood|bleeding)",
    ),
    rule(
        rf"{INTENT} (take|swallow|down|neck|have) (the lot|them all|all of them|the whole lot|"
        r"every "
        r"one|every single one|all|the whole (bottle|box|packet|pack))",
        r"(knew|know|picked|found|chosen) (which|the|a) (tree|beam|rafter|spot|place|bridge|cliff)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({DRUGS}|rope|noose|belt|cord|{WEAPON})\b",
    ),
    rule(
        rf"(standing|sitting|stood|sat|i am) (on|at) (the|a|this) {HIGH}( right)? now",
        tier="acute",
        kind=SI,
        negated="concern",
        needs=r"\b(water|drop|jump|edge|height|down|below|fall|cold|end it|goodbye|over)\b",
    ),
    rule(
        r"(way|ways|method|methods) to (kill (yourself|oneself)|end (your|one is) life)",
        r"(best|what|which|right|enough) height to (jump|fall|die)",
        rf"(which|what)( \w+)? {DRUGS}( \w+){{0,3}} (the )?(most )?(lethal|deadly|fatal|toxic|"
        r"dangerous to overdose)",
        r"(will|would|can|could|does) (an |a )?overdose( of( \w+){1,2})? (kill|be fatal|work|hurt)",
        r"(nearest|closest) (high|tall|tallest|highest) (bridge|cliff|building|tower|car park|roof|"
        r"point)",
        tier="acute",
        kind=SI,
        person=False,
        unless=r"\b(writing|writer|novel|screenplay|script|my (book|story|character)|for a story|"
        r"for my (book|story|novel|essay))\b",
    ),
    rule(
        r"(would|will) be (so much |much |a lot )?(happier|better off|relieved|glad|better)$",
        tier="acute",
        kind=SI,
        negated="concern",
        person=False,
        needs=r"\b(killed myself|i died|i was dead|i was gone|without me|not here|i am gone|kill "
        r"myself)\b",
    ),
    # And more.
    _si(
        r"i (end|finish) (it|things|everything|my life)( tonight| today| now| tomorrow)?$",
        r"(ending|end) (it|things|everything)( all)? (tonight|today|tomorrow|now|right now|soon|"
        r"this (week|weekend))",
        r"(something )?to remember me by",
        r"(will not|never|am not going to) be a (problem|burden|bother|pain)( for| to)? (anyone|"
        r"anybody|you|them|everyone|my family)( anymore| much longer)?",
        r"(this is|it is) the end (for me|of me|of the road for me)",
        r"(will not|not going to|never going to) make it (to|through|until|past) (the weekend|"
        r"tomorrow|tonight|the night|monday|christmas|next week|my birthday|the morning)",
        r"(going to|will|want to) stop being (one|a burden|a problem|a bother)",
        r"(better|happier|relieved|glad|easier)( off)?( \w+){0,2} if i just (died|was gone|"
        r"was dead|"
        r"disappeared|killed myself)",
        r"(make|made|making|tie|tied|tying) (a|the|my) noose",
        r"(locked myself|i am|shut myself) in (the|my) (bathroom|room|car|garage|bedroom|"
        r"shed) with "
        r"(the|a|my|some|all my)( \w+)? (razor|razors|blades?|knife|pills|tablets|rope|gun)",
        r"(lying|lay|laying|sitting|standing|sat|stood) (on|across|in the middle of) (the )?(train "
        r"|railway )?(tracks|railway line|train line|motorway)",
        r"(rocks|stones|weights) in (my|a|the) (pockets|bag|coat)|(bag|pockets) (full of|with) "
        r"(rocks|stones)",
        r"(would|will|could|to|enough to) stop (my|your|someones|someone is|a person is|the) heart",
        r"overdose( of( \w+){1,3})? (kill|kills|to kill|would kill|will kill|killing)",
        r"(least painful|most painless|quickest|easiest|surest|best) (way|method) to (go|die|"
        r"do it)",
    ),
    rule(
        r"(in|into) my (hand|hands|mouth|lap|pocket)",
        r"(have|got|bought|saved|collected) (\d{2,}|twenty|thirty|forty|fifty|sixty|a hundred|\w+ "
        r"hundred)( \w+)? (pills|tablets|paracetamol)( and)?( \w+){0,3} (whisky|whiskey|vodka|"
        r"alcohol|wine|gin|rum|booze)",
        r"(can|could|would|will) (you|i|someone|a person|people) die (from|of|if)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({WEAPON}|{DRUGS}|rope|noose|overdose|bleach|poison|jump\w*|bleed\w*)\b",
        unless=r"\b(chopping|cooking|carving|slicing|peeling|dinner|turkey|vegetables|onions?|bread|"
        r"meat|kitchen|recipe|the kids|fever|headache)\b",
    ),
    # And more.
    _si(
        r"(will not|not going to|am not going to) be (around|here|alive) (after|past) (tonight|"
        r"today|"
        r"this (week|weekend)|the weekend|tomorrow)",
        r"holding (a|the|my|my \w+)( loaded)? (gun|revolver|pistol|shotgun|rifle|firearm)",
        r"(wrote|written|writing|left) (notes|letters|messages|goodbyes?|my goodbyes) (to|for) "
        r"(everyone|all the people|the people|each of)",
        r"(written|wrote|writing|recorded) (my )?goodbyes",
        r"scheduled (them|messages|emails|posts|the messages|texts) to (send|go out|be sent)",
        r"bleed(ing)? to death|(painful|painless|quick|hurt) to (bleed|die|drown|hang|overdose)",
        r"(can|could|would|will|should) i overdose on",
        r"(way|ways|method|methods) to (hang|shoot|drown|poison|gas) (yourself|myself|oneself)",
        r"(will not|not going to|never) (see|live to see|make it to) (tomorrow|the morning|another "
        r"day|the weekend|next week|sunrise)",
        r"(held|kept|locked up) (against my will|prisoner|hostage)",
    ),
    rule(
        r"(saying|said|say) (my )?goodbyes?( to (everyone|everybody|you all|all of you))?( now| "
        r"tonight| today)$",
        r"(saying|said|say) (my )?goodbyes? to everyone$",
        tier="acute",
        kind=SI,
        negated="concern",
        unless=TRAVEL,
    ),
    rule(
        r"(i am|i will|going to|i am going to) (take|taking|swallow|swallowing|use|using) (them|it|"
        r"these|those|this)( all)?( tonight| today| now| soon| after (dinner|work|school|tea|"
        r"this)| together| at once| in one go| with (the |my )?\w+|$)",
        r"(save|saving|store|storing|stash|stashing) (them|these|those|it) up",
        r"(hiding|hidden|hid) (my|the|all my)( \w+)? (tablets|pills|meds)\b(?! from (my|the) (kids|"
        r"children|dog|brother|sister|son|daughter))",
        r"so (i|that i) (would have|had|will have|have) enough",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({DRUGS}|rope|noose|belt|{WEAPON})\b",
    ),
    # And more.
    _si(
        r"(planning|plan|planned) my (death|suicide|own death)",
        r"(tied|tying|hung|hanging|put up|set up) (a|the) (rope|noose|belt|cord)( \w+){0,3} (in|"
        r"from|"
        r"to|over) (the|my) (garage|loft|attic|wardrobe|tree|beam|shed|room|ceiling|stairs|"
        r"banister|bannister)",
        r"(emptied|poured|tipped) (all )?(my |the )?(pill bottles|pills|tablets|meds|bottles|"
        r"packets)( \w+){0,2} (onto|on|into|out)",
        r"what (happens|would happen|will happen) if (you|i|someone|a person) (take|took|swallow|"
        r"swallowed|have|had) (\d{2,}|twenty|thirty|forty|fifty|all|a whole|a bottle|the whole)",
        r"(where|how) (can i|do i|to|could i|would i) (get|buy|find|order|obtain|get hold of) "
        r"(cyanide|arsenic|strychnine|sodium nitrite|an exit bag|a helium tank|nitrogen|"
        r"pentobarbital|nembutal)",
        r"(how many|what) (storeys|stories|floors|metres|meters|feet)( \w+){0,6} (to die|die|fatal|"
        r"survive|kill)",
        r"(there will not|there is not going to) be (a|another) tomorrow|no tomorrow for me",
        r"(last|final) (night|day|week) (i am going to|i will) be (alive|here|around)",
        r"(last|final) (night|day) (of my life|alive|on earth)",
        r"(will not|do not|never) have to (worry about|deal with|put up with|look after|"
        r"care for) me"
        r"( \w+)? (much longer|anymore|for long|soon)",
    ),
    # And more.
    _si(
        r"(belt|rope|cord|scarf|noose|ligature|cable|tie|wire)( \w+){0,2} (around|round|"
        r"on) my neck",
        r"(drown(ing)?|poison(ing)?|gas(sing)?|stab(bing)?|suffocat(e|ing)|electrocut(e|"
        r"ing)) myself",
        r"set(ting)? myself on fire",
        rf"{INTENT}( \w+){{0,4}} and {SELF_METHOD}",
        r"already (took|taken|swallowed|had) (the|my|all the|all my|all of the)( \w+)? (pills|"
        r"tablets|"
        r"meds)",
    ),
    rule(
        r"loading (it|the gun|my gun|the shotgun|the rifle|the pistol|the revolver)",
        r"(the )?(train|lorry|bus|truck) is coming",
        r"(about|around|like|maybe|over|nearly) (\d{2,}|twenty|thirty|forty|fifty) of them",
        r"(ledge|window|balcony|roof|edge)( \w+){0,5} (\d+|two|three|four|five|six|seven|eight|"
        r"nine|"
        r"ten|\w+teen|twenty) (floors|storeys|stories) up",
        r"(how long|how much time)( \w+){0,6} to die",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({WEAPON}|{DRUGS}|bridge|tracks|railway|platform|line|road|motorway|ledge|window|"
        r"balcony|roof|hang|drown|bleed|overdose|suffocate|noose|rope|starve|carbon)\w*\b",
    ),
    # And more.
    _si(
        r"(no intention|not planning|no plan|do not plan) (of|on) (being alive|living|being here|"
        r"waking up|being around)",
        rf"(on|at) the (ledge|railing|parapet) of (the|a|my|this) {HIGH}",
        r"so (i|that i) can (overdose|do it|end it|die|kill myself|end my life)",
        r"(free|spare|release|relieve) (everyone|them|my family|you all|the world|people) (from|"
        r"of) "
        r"(me|having to|dealing|the burden)",
        rf"{INTENT} (just )?(take|have|do) an overdose",
        r"i (just |have just )?(hanged|tried to hang|tried to strangle) myself",
        r"(the )?(rope|belt|cord|noose) (broke|snapped|came loose)",
    ),
    # And more.
    _si(
        r"(decided|chosen|choose|made up my mind) to die",
        r"(best|easiest|quickest|surest|fastest) way to (overdose|od)",
        r"(the )?last thing i (will|am going to) (ever )?(write|say|post|send)",
        r"(so|then) (i am|i will be) not a (burden|problem)( anymore| to anyone)?",
        rf"{INTENT} (just )?end (it|things|everything|my life) so",
    ),
    rule(
        r"(rope|noose|belt)( \w+){0,4} (ready|set up|in place)",
        r"(chair|stool|ladder)( \w+){0,3} (ready|under the (beam|rope|noose))",
        r"(standing|stood|stand) on (a|the|my) (chair|stool|ladder)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=r"\b(rope|noose|belt|beam|cord)\b",
    ),
    # And more.
    _si(
        r"(chosen|picked|set|decided on|know) (the )?(day|date|night|time) (i die|i will die|"
        r"i do it|"
        r"to die|i kill myself|i am going to die)",
    ),
    rule(
        r"to use (it |them )?(tonight|later|today|on myself|when)",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({WEAPON}|{DRUGS}|rope|noose|belt)\b",
        unless=r"\b(chopping|cooking|carving|recipe|dinner|kitchen|garden|prescribed|"
        r"doctor said)\b",
    ),
    rule(
        r"(\d+|two|three|four|five|several) (packs?|packets?|boxes|bottles|strips) of (pills|"
        r"tablets|meds)",
        r"(take|swallow|have) (them )?all at once|(all|everything) in one go",
        r"(worth of|supply of) (pills|tablets|meds)( \w+)? saved",
        tier="acute",
        kind=SI,
        negated="concern",
        history=True,
        needs=rf"\b({DRUGS})\b(?s:.*)\b(tonight|tonight is the night|gin|vodka|whisky|whiskey|wine|"
        r"alcohol|booze|rum|saved|take them|all at once|in one go|end it|die)\b",
    ),
)
