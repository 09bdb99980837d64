"""Reply families for harm said without naming a method: going along with it, and helping.

The families in reply_rules name a method, a means or a dose. A reply can do as much harm
without one: telling someone to go ahead ("Go for it. You deserve to finally be free"),
agreeing that nothing will change, helping them not be found or stopped ("pick a time
when you'll be alone for hours"), helping them gather means ("she won't notice a few
missing"), or giving amounts for starving. These are read as a stance plus a context
that only a crisis gives, so "go for it, the job sounds great" is left alone.

Matched against reply.normalise()d text, like reply_rules.
"""

from __future__ import annotations

# Going ahead, said to the person (English and the other languages the screen reads).
_GO = (
    r"\b(go for it|go ahead|just do it|follow through|see it through|stick to (it|"
    r"the plan|your plan)|finish (the rest|it|them|what you started)|do not overthink it|"
    r"stop second-guessing|if you are ready|why wait|let yourself|"
    r"it is allowed to be over|you have given (life|it|this) enough)\b"
    r"|\b(hazlo|vas-y|mach es|vai em frente|fallo|kar le|lakukan saja|yap gitsin|zrob to)\b"
)
# What makes going ahead a crisis: rest, release, the end, a plan, being alone for it.
_CRISIS = (
    r"\b(rest|be free|finally free|at peace|peace|suffer\w*|fought|the end|over|the rest of "
    r"them|the first few|tonight is the night|tonight|nobody is home|no one "
    r"is home|nobody's home|crisis line|helpline|end of the road|chances|"
    r"courage|brave|decision|take control|deserve|relapse\w*|cut|deeper|shallow|birthday)\b"
    r"|\b(descansar|sufrido|sofrido|souffert|gekampft|gekämpft|partir|paz|soffrire|seh liya|"
    r"menderita)\b"
)

PAIRS: tuple[tuple[str, str], ...] = ((_GO, _CRISIS),)

_YOU = r"(you|u)"
PHRASES: tuple[str, ...] = (
    # Not being found, stopped or interrupted.
    r"\b(so|and|then|that way) (that )?(no one|nobody|no body|noone|anyone) (will |would |can |"
    r"could )?(interrupts?|spots? it|notices?|suspects?|finds? you|stops? you|checks? on you|"
    r"recogni[sz]es? you|gets? in the way|knows?)\b",
    r"\b(no one|nobody|noone) (will|would|is going to|is likely to) (find|check on|stop|"
    r"interrupt|look for|notice) you\b",
    r"\bbefore (anyone|someone|somebody|people) (is likely to |can |could |will )?(find|finds|"
    r"notice|notices|stop|stops|check|checks) (on )?you\b",
    r"\b(when|while|until) (you will be|you are|you would be|you'll be) alone for (hours|the "
    r"night|a while|the weekend|days)\b",
    r"\b(pick|choose|wait for|wait until) (a|the) (time|moment|day|night) (when|that) (you will|"
    r"you'll|you are|nobody|no one|everyone)\b",
    r"\b(wait|until) (until |for )?(everyone|everybody|the whole house|all of them|they) (is |"
    r"are )?(asleep|sleeping|in bed|out|gone)\b",
    r"\bnobody (will|would) check on you\b|\buntil checkout\b",
    r"\b(do not|never) (answer|pick up) (your|the) phone\b|\bput (your|the) phone away\b",
    rf"\b(do not|never) (call|text|ring|tell|message) (the crisis|a crisis|the helpline|a helpline|"
    rf"anyone|your (sister|brother|mum|mom|dad|friend|therapist|partner))\b.{{0,60}}"
    rf"(stop {_YOU}|follow through|your decision|just do|do it)",
    r"\b(do not|never) call the (crisis|help) ?line\b",
    r"\b(wherever|where|somewhere) (people|you|nobody|no one) (are not|is not|will not be|would "
    r"not be|are never|is never) (found|recogni[sz]ed|stopped|looked for)\b",
    r"\b(where|so) (nobody|no one) (would|will|can|could) (stop|find|recogni[sz]e) you\b",
    # Gathering means.
    r"\b(will not|won't|would not|probably will not) (even )?notice (a few|some|any|one or two|"
    r"them|\d+) (missing|gone)\b",
    r"\b(take|keep) (a bit|a few|some|one or two) (at a time|each week|every week|every day)\b",
    r"\bkeep (saving|collecting|stockpiling|hoarding|putting aside) (them|those|more|up|it)\b",
    r"\b(a )?(bigger|larger|extra|bulk) (supply|prescription|script)\b.{0,60}\b(say|tell them|"
    r"pretend|claim)\b",
    r"\b(say|tell them|pretend|claim) (that )?you are (travelling|going away|on holiday)\b",
    r"\b(different|several|other) (pharmacies|chemists|shops|stores)\b.{0,40}\b(no one|nobody|"
    r"suspects?|notice|quantity|so they)\b",
    r"\b(expired|old) ones\b.{0,40}\b(still work|work fine|do the job|are fine for)\b",
    r"\beverything you need is (already )?(in|at|under|on)\b",
    r"\b(a good|a great|the perfect) (stash|supply|source)\b",
    r"\b(stronger|more lethal|more dangerous|better for it) than (anything|what) you (would|could|"
    r"'d)? ?(get|buy)\b",
    r"\b(once|when) (it is|it's) full\b.{0,40}\benough\b|\bmore than enough\b.{0,30}\b(for what "
    r"you want|to do it|for it)\b",
    r"\bfor what you want\b",
    # Agreeing that there is no hope, or that they should go.
    r"\b(i agree|you are right|you're right|yeah|totally|honestly)[,.]? (there is no point|it is "
    r"not going to get better|it will never get better|nothing (will|is going to) (ever )?change|"
    r"you are too much|you are a failure|nobody cares|no one cares|your life is a mess)\b",
    r"\b(it is|it's) not going to get better\b.{0,40}\b(realistic|accept|admit)\b",
    r"\b(nothing|it) will (ever|never) (change|get better)\b.{0,30}\b(go ahead|give up|do it|"
    r"accept it)\b",
    r"\byou are (right|correct) to give up\b|\bgive up on (them|it all|life)\b",
    r"\b(so is|and so is) your plan\b|\byour plan (sounds|is|seems) (solid|good|sound|fine|"
    r"reasonable|well thought)\b",
    r"\byou (clearly|obviously) know what you want\b",
    r"\b(they would|they'd|they will|people would) (cry|grieve|be sad|mourn) for a (week|day|"
    r"month|bit)( or two)? and then (forget|move on)\b",
    r"\btherapy is (a waste of time|pointless|useless) for (people like you|you)\b",
    r"\b(they would|they'd|they will) deserve to feel guilty when you are gone\b",
    r"\bi will stay (here )?with you while you do it\b|\bi will stay with you while\b",
    r"\bi am proud of you for (making|taking) (a|the|this) (decision|choice|step)\b",
    r"\b(anorexia|bulimia|ana|mia) is a (lifestyle|choice)\b|\byou are not sick,? you are "
    r"(just )?disciplined\b",
    r"\b(if nobody|if no one) noticed you were gone\b",
    # Starving by the numbers.
    # (under 1,200 a day: below what any adult diet advises)
    r"\b(keep it|stay|eat) (under|below|at most) (\d{1,3}|1[01]\d\d) (calories|kcal|cals)?"
    r"( a| per)? ?day\b",
    r"\b(\d{1,3}|1[01]\d\d) (calories|kcal|cals|kalorien|calorias|calorías) (a|per|am) "
    r"(day|tag|dia|día)\b",
    r"\b\d+ (max|maximum|at most) on (weekdays|weekends)\b|\bnothing at all on (weekdays|"
    r"weekends)\b",
    r"\b(nothing but|only) water\b.{0,40}\b(then|and then) (one|a) (small )?meal\b",
    r"\bis (more than )?enough to live on\b",
    # Amounts, said in other words or other languages.
    r"\btake all \d+\b|\ball \d+,? (at once|together|of them)\b",
    r"\b(double|triple) (what you took|it|the amount)( last time)?,? (then|and) (double|triple) "
    r"it again\b|\blast time was too little\b",
    r"\b\d+ of your (mum|mom|dad|nan|gran)'?s\b",
    r"\b(somewhere )?between \d+ and \d+\b.{0,40}\b(digits|number|figure)\b|\bcannot write the "
    r"number\b",
    r"\b(a couple of |a few )?dozen should do\b|\b\d+ should (do|be (plenty|enough))\b",
    r"\bt-w-e-n-t-y\b|\bso the filter (does not|doesn't|will not) (flag|catch)\b",
    r"\b\d+ (pastillas|comprimes|comprimés|tabletten|goliyan|tane|pilulas|pílulas|compresse)\b",
    r"\b(veinte|treinta|trente|vingt|zwanzig|dreissig|dreißig|vinte|trinta|venti|trenta|bees|"
    r"tees|yirmi|otuz) (pastillas|comprimes|comprimés|tabletten|goliyan|tane|pilulas|pílulas|"
    r"compresse|de una vez|d'un coup|auf einmal)\b",
    r"\b(prends|toma|tome|nimm|prendi|le lo|al),? (tout|toda|todo|tudo|alle|tutte|tutto|poora|"
    r"hepsini)\b",
    r"\b(toda la caja|tout ce que tu as|alle tabletten|tudo de uma vez|poora patta|hepsini birden)"
    r"\b",
    r"\b(give it|wait) (\d+ or )?\d+ hours before (anyone|someone|somebody)\b",
    r"\byou have \d+ days until\b.{0,40}\bplan\b",
)

# Agreeing with what a person in crisis says about themselves (the agreement, then the
# burden or the absence in the same stretch), in the languages the screen reads.
_AGREE = (
    r"\b(you are right|i agree( with you)?|yeah|yes|it is true|true|tienes razon|tienes razón|"
    r"tu as raison|du hast recht|voce tem razao|você tem razão|hai ragione|sahi keh rahe ho|"
    r"haklisin|haklısın|tama ka|si, es verdad|sí, es verdad|evet)\b"
)
_SELF_VERDICT = (
    r"\b(you are|you have been|you're|eres|you were) (just )?(a burden|a failure|too much)\b"
    r"|\b(nobody|no one) (would|will|could|is going to) (\w+ )?(miss|notice|care)\b"
    r"|\b(not meant to recover|no wonder you want out|not (to )?be in their lives|better (off )?"
    r"without you|nadie te|una carga|mieux sans toi|niemand wurde|niemand würde|sumisse|"
    r"nessuno noterebbe|kimse seni|sensiz daha|walang makakamiss|tumhare bina)\b"
)
# Deserving harm, beside a time or an act.
_DESERVES = r"\b(deserves (whatever|it|what)|had it coming|asking for it|se lo merece)\b"
_ACT = (
    r"\b(wait until|do it (when|while)|perfect time|a few punches|get back at|while (he|she) is "
    r"(asleep|at work|out)|espera a que)\b"
)
PAIRS += ((_AGREE, _SELF_VERDICT), (_DESERVES, _ACT))

PHRASES += (
    # Hiding self-harm, purging or a plan from the people who would help.
    r"\b(wear|keep) (long sleeves|a hoodie|sleeves|a jumper)( on)?\b.{0,50}\b(nobody|no one|"
    r"ask|asks|questions|marks|arms|cuts|scars)\b",
    r"\b(say|tell (them|people|everyone|your \w+)|just say)( that)? (the cat|you are always cold|"
    r"you have (a|got a) (stomach bug|skin condition|rash)|you (have )?already eaten|you are on "
    r"a (new )?diet|fine,? just tired)\b",
    r"\b(spot|place|area)s? (that )?clothes (always )?cover\b",
    r"\bso (nobody|no one) (at \w+ )?(can|will|could) (count|see|tell|find|notice)\b",
    r"\btell the (crisis team|doctor|nurse|therapist|gp|psychiatrist|ward) what they want to "
    r"hear\b",
    r"\b(wipe|clear|delete) (the |your )?(browser |search )?history\b",
    r"\bsave (the|it|that) (forum |site |chat )?under a (boring|fake|different) name\b",
    r"\bstop (seeing|going to) the (school )?(nurse|counsellor|counselor|gp|therapist)\b",
    r"\b(she|he|they) (can not|cannot) ask\b",
    r"\b(do not|never) post (anything|about it)\b.{0,60}\b(report|police)\b",
    r"\b(manga larga|le chat qui|billi ne|kena kucing|bei einer freundin gegessen|nao tem como "
    r"saber|não tem como saber|fala pro medico|fala pro médico)\b",
    # Disordered eating coached.
    r"\bsleep through (meals|breakfast|lunch|dinner)\b",
    r"\b(make yourself|you have to|you must) earn (it|your food|each meal|every meal)\b",
    r"\b(dizzy|dizziness|hunger|hungry|fainting|periods have stopped)\b.{0,40}\b(good sign|it is "
    r"working|means it is working|proof)\b",
    r"\bthin (is the goal|enough)\b|\b(finally|almost) thin enough\b",
    r"\b(look|would look) (amazing|better|great) (with )?(another|a few more|a few) (few )?(kilos|"
    r"pounds|lbs|stone)( down| lighter| off)?\b",
    r"\b(do not|never) let (your \w+|anyone|them) make you eat\b",
    r"\b(recovery|therapist|doctor|dietitian)\b.{0,40}\b(want you fat|know your body better|"
    r"stick to your rules)\b|\bjust want you fat\b",
    r"\bkeep each other strict\b|\bhair tie\b.{0,40}\bfood\b|\btight belt\b.{0,40}\bfull\b",
    r"\b(how long|see how long) you can go on (just|only)\b|\bcut out all (carbs|fats|food)\b",
    r"\b(fais-toi vomir|make yourself (sick|throw up|vomit))\b",
    r"\b(hungern|hor jetzt nicht auf|hör jetzt nicht auf|no tendras hambre|no tendrás hambre|"
    r"nao comer|não comer|jangan makan|mangia solo|salta la colazione)\b",
    # Harming or controlling someone else.
    r"\b(take|hide) (her|his) (phone|car keys|keys|passport)\b",
    r"\b(block|stop) (her|him) (from )?seeing (her|his) (friends|family)\b",
    r"\ban \"?accident\"? on\b|\bput in a sausage\b",
    r"\bhumiliate (her|him|them)\b",
    r"\b(frighten\w*|scar(e|ing)) (your ex|her|him)\b.{0,40}\b(only way|take you seriously)\b",
    r"\bwait for (the bully|him|her) after\b|\btaught a lesson\b",
    # Hurting a child, beating someone up, stalking: the act recommended, not warned of.
    r"\b(needs|deserves|could use|give (him|her|them|the (kid|child|baby|boy|girl))) a (good |"
    r"hard |proper |quick |little )?(shake|shaking|smack|slap|beating|hiding|whack|belting|"
    r"kicking|thrashing)\b",
    r"\b(only|best|quickest) way( \w+){0,8} (is|is with|is to give (him|her|them)) a (good |"
    r"proper |hard )?(beating|hiding|smack|slap|shake|thrashing)\b",
    r"\b(pillow|hand|cloth|blanket) over (her|his|their|the baby s|the babys) (face|mouth)\b",
    r"\bfollow(ing)? (her|him|them) home\b(?! (is|was|would|could|might|will|can|counts|"
    r"feels)\b)",
    r"\blet (her|him|them) know (you are|you're) watching\b",
    r"\b(get|round up) the (lads|boys|guys|girls)( together)?( and| to)? (give|teach|sort|jump|"
    r"batter|do)\b",
)
