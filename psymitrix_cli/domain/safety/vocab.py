"""Word classes the rules share (regex fragments over normalised text)."""

from __future__ import annotations

INTENT = (
    r"(going to|want to|will|about to|planning to|plan to|ready to|need to|have to|"
    r"decided to|might|should just|should i|should i just|think i will|i will|i am going to|"
    r"intend to|got to|wish to|gonna|finally going to|really want to|just want to)"
)
WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)"
WHEN = (
    r"(tonight|today|tomorrow( (night|morning))?|right now|now|soon|this (weekend|week|evening|"
    rf"morning|afternoon|{WEEKDAY})|on {WEEKDAY}|next {WEEKDAY}|next week|on my birthday|"
    r"at midnight|after (work|school|class|my \w+|the \w+|everyone|they|he|she)|before "
    r"(christmas|my birthday|the weekend|morning)|when (everyone|they|the house|it) is "
    r"(asleep|empty|quiet|out|gone)|once (everyone|they) (is|are|has|have) (asleep|gone|out))"
)
# Named drugs are already "pills" (normalise.py).
DRUGS = (
    r"(pills|pill|tablets|tablet|meds|medication|medicine|capsules|insulin|heroin|"
    r"prescription|bleach|antifreeze|rat poison|weedkiller|pesticide|poison)"
)
LOTS = (
    r"(all (of )?(my|the|them|these|those)|all|a bunch of|too many|a (whole|full|entire) "
    r"(bottle|box|pack|packet|strip|month) of|the (whole|entire) (bottle|box|pack|packet) of|"
    r"\d{2,}|twenty|thirty|forty|fifty|sixty|a hundred|loads of|handfuls of|a handful of|"
    r"a load of|a lot of|lots of|a ton of|tons of|heaps of|a few (packets|boxes|strips) of|"
    r"(two|three|four|five) (packets|boxes|strips) of|a whole lot of|every one of|way too many|"
    r"every one of my|enough|every|all the|all of the)"
)
WEAPON = (
    r"(gun|guns|rifle|shotgun|pistol|revolver|handgun|firearm|knife|knives|blade|blades|"
    r"razor|razors|razor blades?|machete|axe|bat|baseball bat|hammer)"
)
MEANS = rf"(rope|noose|belt|cord|{WEAPON}|{DRUGS}|charcoal|hose|exhaust|helium)"
# Somewhere high enough to fall from (no platforms: people wait on those).
HIGH = (
    r"(bridge|roof|rooftop|ledge|cliff|cliffs|balcony|building|tower|overpass|flyover|"
    r"car park|parking garage|multi storey|multistorey|top floor|\d+(th|st|nd|rd) floor|window|dam|"
    r"quarry)"
)
HEIGHT = (
    r"(bridge|roof|rooftop|ledge|cliff|cliffs|balcony|building|tower|overpass|flyover|"
    r"car park|parking garage|multi storey|multistorey|top floor|window|tracks|train tracks|"
    r"platform|"
    r"motorway bridge|dam|quarry)"
)
SELF_METHOD = (
    r"(kill(ing)? myself|hang(ing)? myself|shoot(ing)? myself|stab(bing)? myself|top myself|"
    r"off myself|do myself in|do away with myself|finish myself off|take myself out|"
    r"drown(ing)? myself|poison(ing)? myself|gas(sing)? myself|electrocute myself|"
    r"suffocate myself|smother myself|set myself on fire|burn myself alive|"
    r"slit(ting)? my (wrists?|throat)|cut(ting)? my (wrists?|throat)|blow my brains out|"
    r"put a bullet in my (head|brain)|(throw|yeet|chuck|fling|launch)(ing)? myself (off|from|"
    r"in front of|under|into)|"
    r"(step|walk|run|jump)(ping|ing)? in front of (a|the) (train|bus|car|lorry|truck|tube|van)|"
    r"walk(ing)? into (the )?(sea|ocean|river|lake|traffic)( and not come back)?|"
    r"(drive|driving|steer|steering|swerve|swerving|veer|veering) (my car |the car )?(into|off) "
    r"(a|the) (wall|tree|bridge|cliff|river|lorry|lorries|truck|trucks|traffic|oncoming|bus)|"
    r"crash(ing)? my car on purpose|crash(ing)? (my|the) car( \w+){0,4} (into|off) (a|the)|"
    r"end(ing)? (myself|my (own )?life)|tak(e|ing) my (own )?life|end my suffering|"
    r"commit(ting)? suicide|end it all|end everything|kill me off)"
)
KIN = (
    r"(partner|husband|boyfriend|wife|girlfriend|dad|father|stepdad|stepfather|mom|mum|mother|"
    r"stepmom|stepmum|stepmother|parents?|brother|sister|uncle|aunt|ex|ex husband|ex wife|"
    r"boss|teacher|neighbour|neighbor|flatmate|roommate|grandad|grandpa|grandma|son|daughter|"
    r"stepson|stepdaughter|cousin|coach|manager|colleague|coworker|classmate|friend|best friend|"
    r"mate|landlord|tutor|doctor|therapist|carer|pastor|priest)"
)
CHILD = r"(baby|babies|newborn|son|daughter|kids?|child|children|toddler|infant|little one)"
PEOPLE = (
    r"(everyone|everybody|people|them all|all of them|my (whole )?(class|classmates|school|"
    r"coworkers|colleagues|family)|the (whole )?(class|school|office))"
)
VICTIM = rf"(him|her|them|someone|somebody|{PEOPLE}|my {KIN}s?|my {CHILD}|the {CHILD})"
HARM_VERB = (
    r"(kill|stab|shoot|murder|strangle|smother|suffocate|poison|beat|hurt|harm|choke|drown|"
    r"shake|attack|burn|hit)"
)
# The message is about a film, a game, a book, a class or a job: a topic, not a disclosure.
CONTEXT = (
    r"\b(movie|movies|film|films|show|series|episode|season|book|books|novel|chapter|"
    r"character|characters|song|lyrics|poem|poems|poet|play|scene|documentary|podcast|"
    r"article|news|headline|game|games|gaming|level|respawn\w*|minecraft|fortnite|sims?|"
    r"essay|class|lecture|course|module|studying|studied|lesson|teacher|homework|research|"
    r"thesis|paramedic|nurse|singer|band|album|musician|actor|actress|celebrity|rapper|"
    r"nursing|doctor|volunteer|charity|counsellor|counselor|training|plot|spoiler|"
    r"the ending|at the end|in the end|protagonist|villain|hamlet|romeo|juliet|netflix|"
    r"anime|manga|comic|story|stories|history|thriller|detective|mystery|crime novel)\b"
)
# Nothing follows but this, so "end it" is not "end it with him".
END_OK = (
    rf"( (all|now|for good|once and for all|forever|fr|for real|lol|tbh|honestly|ngl|no cap|"
    rf"istg|seriously|already|finally|{WHEN}))*$"
)
# The person is going away, not dying: "i will not be here next week, i am on holiday".
TRAVEL = (
    r"\b(holiday|holidays|vacation|trip|travel\w*|flight|flying|fly|camping|abroad|moving (to|"
    r"house|away|abroad)|visiting|conference|festival|in laws|work trip|business trip|off to|"
    r"emigrat\w*|new job|gap year|airport|cruise|retreat|honeymoon|day off|off work|annual leave|"
    r"on leave|out of office|week off|weekend away|sleepover|staying at)\b"
)
# A plan, a time chosen or means at hand: raises `boost` concern to acute.
BOOST = (
    r"\b((picked|chosen|set) (the|a) (date|day|time|place|spot)|made up my mind|(i have|i have "
    r"got|i got) a plan|(know|decided|worked out|figured out|planned|thought about|thought out) "
    r"(exactly )?(how|when|where)( i|$)|(make|making) it happen|(want|need) to (do|cut|burn) "
    r"(it )?(more|again|deeper)|i (am going to|will) (do it|make sure|fix that|go through "
    r"with it|act on it)|make sure of (that|it)|(scared|afraid|worried|terrified) i (will|might|"
    r"am going to|could) (do it|act on it|go through with it|actually do it)|everything is "
    r"ready|(the|my) (pills|tablets|rope|gun|knife|blade|razor|blades)s? (are |is )?(right )?"
    r"(here|with me|in my (bag|pocket|hand))|(have|got) (the|a) (pills|tablets|rope|gun|knife|"
    r"blade|razor|blades)\b|tonight is the night|i am ready|(cannot|can not) (stop|control) "
    r"myself|at peace with (it|my decision|dying)|(am|i am) going through with it|this time i am|"
    r"(i have )?made sure( of (it|that))?|made certain|"
    r"(know|picked|found|chosen) (which|the|a) (tree|"
    r"bridge|building|spot|place|beam|rafter|cliff))"
)
# For harm to others, a time, a weapon or knowing where they are also make it a plan.
HARM_BOOST = (
    rf"\b({WHEN}|{WEAPON}|i swear|i mean it|not joking|(i )?know where (he|she|they) (lives?|"
    r"works?|sleeps?|is)|when (he|she|they) (gets?|comes?) (home|back|in)|(cannot|can not) "
    r"(stop|control) myself|going to do it|i will do it|while (he|she|they) (sleeps|sleep|"
    r"is asleep|"
    r"are asleep)|when (he|she|they) (falls?|is) asleep)\b"
)
# Abuse that is happening now: raises abuse concern to acute.
NOW = (
    r"\b(right now|(is|are) (home|here|back|outside|downstairs|upstairs|in the (next|other) "
    r"room)( now)?|on (his|her|their) way|coming (back|home|for me)|standing outside|(he|she|"
    r"they) (is|are) (still )?(here|in the (house|flat|room))|still in the (house|flat|room)|"
    r"i am (hiding|locked|trapped)|trapped in|(is|are) (drinking|drunk|angry|home|here|back) now|"
    r"gets? home|(is|are) home now|tonight|outside (my|the) (door|room|"
    r"house|window)|looking for me|i am (so )?(scared|terrified|frightened)|please help|help me|"
    r"coming up the stairs|(getting|is getting) (angry|drunk|worse) (again )?now|(will not|does "
    r"not) let me (leave|go out|out|go)|(has|took|taken) my (phone|keys)|just now|i am bleeding|"
    r"(in|at) the doorway|(typing|texting|"
    r"writing) this (quietly|secretly|in secret)|i can hear (him|her|them))\b"
)
# Held or found by someone the person is protected from, this minute.
HELD_NOW = (
    r"\b((non molestation|non-molestation|restraining|protection|protective|exclusion) order|"
    r"injunction|not allowed (near|to come|within|to contact)|not supposed to|bail conditions|"
    r"on bail|trying the (back |front )?(door|handle)|(hitting|kicking|punching) me|(kicking|"
    r"banging on|smashing) (the|my) (front |back |bedroom |bathroom )?door|knife|found me|"
    r"terrified|blocking the door|dragged|dragging|got away|taken my (phone|keys|car keys|"
    r"passport|wheelchair|money|bank cards?)|took my (phone|keys|car keys|passport|wheelchair|"
    r"money)|no food|since yesterday)\b"
)
# Signs that the writer means to act, and soon, in their own words: decided, ready, a
# time, means gathered or at hand, a place to fall from. Beside ideation or burden the
# writer states themselves (not negated, not past, not someone else's), any one of them
# makes the message acute. Built from the word classes above, so it reads the category
# ("i am ready to let them be free", "saved up sixty of my ...") rather than sentences.
ESCALATE = (
    rf"\b(tonight|tomorrow( night| morning)?|this (week|weekend|evening|{WEEKDAY})|(on|next|"
    rf"by|before) {WEEKDAY}|right now|in (an|one|two|a few|\d+) (hours?|minutes)|"
    r"i am (finally |really |just )?(going to|about to|ready to|doing|done)\b|"
    r"i (will|have decided|decided|am decided)\b|made (up )?my mind|my mind is made up|"
    r"(it is|its) time\b|it is happening|(have|got|found) the (nerve|courage|guts) to|make (that|"
    r"it) happen|(got|have|have got) (everything|all) i need|no (going|turning) back|"
    rf"\b{WEEKDAY}\b|not (stepping|going|turning) back|"
    r"(this|that) is (the|my) last|(the|my) last (one|time|message|chat|night|day|goodbye)|"
    rf"(have|got|bought|ordered|saved|saving|stockpiled|stockpiling|collected|hoarded|kept|"
    rf"keeping) (up |aside |away )?((the|my|some|enough|all|loads of|a lot of|\d+) )*(of )?"
    rf"(my |the |his |her )?{MEANS}|\d+ of (my|the|his|her|mum's|dad's) \w+|"
    rf"(on|at|near|towards|toward|by|off|to) (the )?(top of (the|a) )?(edge|{HIGH}|tracks|"
    r"railway|rail line|crossing|viaduct|river|sea|motorway)|booked (a|the) (hotel|room)|"
    r"i mean it|for real this time|goodbye|sorry for everything|forgive me|"
    r"(let|set) them (be )?free|give them that|fix that|take care of it|end (this|it)\b|"
    # means looked at, held or got out, and all of it about to be taken
    rf"(looking|staring|looked|stared) at (the |my |his |her )?(\w+'?s )?{MEANS}|"
    rf"(holding|got out|taken out|took out|unlocked) (the |my |his |her )?(\w+'?s )?{MEANS}|"
    rf"(took|got|taken|getting|taking) (the |my |his |her )?(\w+'?s )?{MEANS} (out|down)\b|"
    r"(taking|take|swallow|swallowing|drink|drinking) (all|the whole|every one|the lot) of "
    r"(it|them|the bottle|the box|the pack))"
)
