"""Concern: passive ideation, hopelessness, burden, self-harm (past or ongoing), abuse,
thoughts of harming others, eating-disorder behaviour, substance misuse, severe distress.

The model gets the safety instruction and the reply gets the resources line.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import AB, DIS, ED, HO, HOPE, SH, SI, SUB, rule
from psymitrix_cli.domain.safety.vocab import CONTEXT, KIN, PEOPLE, VICTIM

_FOOD = r"(dinner|lunch|breakfast|meals?|eating|food|every meal|each meal|i eat|i ate|snacks?)"
_DAYS = r"(\d+|two|three|four|five|six|seven|several|a few|many|multiple|ten) (days|nights|weeks)"

CONCERN = (
    # Someone else, or a topic: none when the message is about a film, a game, a class.
    rule(
        r"kill(s|ing|ed)? (himself|herself|themselves|themself|yourself)",
        r"(shoots|shot|hangs|hanged|hung|drowns|drowned|stabs|stabbed) (himself|herself|"
        r"themselves)",
        r"(cutting|hurting|harming|burning|starving|cuts|hurts|harms|burns|starves) (himself|"
        r"herself|"
        r"themselves)",
        r"cuts on (her|his|their) (arm|arms|wrists?|legs?|thighs?)",
        r"end(ing|s|ed)? (his|her|their) (own )?life",
        r"(wants|wanted) to die",
        r"died by suicide|took (his|her|their) (own )?life",
        r"suicid\w*",
        r"overdos\w*",
        r"selfharm\w*",
        r"self injur\w*",
        tier="concern",
        kind=SI,
        unless=CONTEXT,
    ),
    # Passive ideation and burden.
    rule(
        r"(would|had) rather (be dead|not exist|not be alive|not be here)",
        r"wish(ed|es|ing)? i (was|were|could be) (dead|never born|gone)",
        r"wish(ed)? i (had |would )?never (been born|existed)",
        r"(better|easier) if i (had |would |would have )?never (been born|existed)",
        r"(never|not|do not|did not|would not) wake up",
        r"sleep forever",
        r"not worth living",
        r"(no|what is the|what is even the) point (in |of )?(living|life|going on|existing|being "
        r"alive)",
        r"(nobody|no one) (would|will) (even |really |ever )?(miss|care|notice)",
        r"would (anyone|anybody) (even )?(notice|care|miss me)",
        r"give up on (life|living)",
        r"(tired|sick) of (living|life|being alive|existing)",
        r"done with (life|living)",
        r"(thoughts|thinking|think|thought) (about|of) (dying|death|being dead|not existing|not "
        r"being here|disappearing|ending it|swerving|crashing|jumping|stepping in front)",
        r"(wish|want|wanting|wishing)( i could)?( just)? (to )?(disappear|vanish|fade away|stop "
        r"existing|cease to exist|not exist|not be here|be gone)",
        r"(to|just) (not exist|stop existing|disappear forever)",
        r"(do not|no longer)( really)? want to (exist|be here|wake up|be around)( anymore)?",
        r"(would not|do not|would not really) (mind|care) if (i|a bus|a car|something) (died|die|"
        r"hit me|killed me|did not wake|never woke|got hit)",
        r"if i died( \w+){0,8} (relieved|relief|would not mind|would not care|better)",
        r"(easier|better) if i (just )?(was not|were not|was gone|were gone|was not here|"
        r"did not exist|disappeared|died|faded away|was dead|were dead)",
        r"(hope|wish|wishes|hoping)( \w+){0,4} (get sick and die|die|would die|do not wake up)",
        r"(envy|jealous of) (people|those|the ones) who (die|died)",
        r"(better|easier) (to be|being) dead",
        r"(do not|not sure i|do not think i|not sure if i)( really)? want to (be alive|live|"
        r"be here)",
        r"wish i (would|had) (never|not) (woken|woke) up",
        r"(why|reason) (i )?(should|would|do i) (keep|go on|carry on) (living|going)",
        r"death (does not|do not|no longer) (scare|frighten)s? me|(death|dying) sounds like (rest|"
        r"peace|relief)",
        r"(think|thinking|thought) about (not waking up|not being alive|not living|ending it all)",
        r"(hope|hoping|wish) i (get|got|am|will be|would get)( \w+){0,2} (accident|hit by|killed|"
        r"run over|cancer)",
        r"stop being( alive| here)?$",
        r"care if i (killed myself|died|was dead|was gone|disappeared)",
        r"(if|when) i (just )?(was not|were not|was no longer|were no longer) (around|here|alive)",
        r"(easier|better) (to|if i)( \w+)? not (be alive|be here|exist|wake up|be around)",
        r"(death|dying|being dead|not existing|not being here) (seems|sounds|feels|looks|would be|"
        r"is) (so |really |quite )?(peaceful|nice|appealing|like a relief|better|easier|tempting|"
        r"inviting|good|comforting)",
        r"asleep forever|(fall|go) to sleep (and|forever)",
        r"wish i (was not|were not|was never|were never|was no longer) (alive|here|born|around)",
        r"(everyone|everybody|they|my family|people) (would|will) be (fine|ok|okay|better|happier|"
        r"better off) without me",
        r"(do not|no longer|not) (want|wanting) to be (here|alive|around)( anymore)?",
        r"before i (go|die|am gone)$",
        r"(dying|death|being dead)( \w+){0,2} (would not|would|might not|might) be (so |that )?"
        r"(bad|a relief|easier|nice|better|peaceful)",
        r"(i am|i feel like) (a|such a|just a) burden",
        r"(a )?burden (to|on) (everyone|my family|others|them|people|you)",
        tier="concern",
        kind=SI,
        negated="none",
        boost=True,
    ),
    rule(
        r"(i would|i will|i could|i might)( \w+)? (never|not)( actually| really| ever)? (kill "
        r"myself|do it|end it|go through with it)",
        tier="concern",
        kind=SI,
    ),
)

# Preparation that is ordinary alone ("i made a will, we just had a baby"): two of them
# in one message, or one beside another sign, are acute (see rules.py).
PREPARATION = rule(
    r"(when|if) i am (gone|dead)",
    r"(put|got|getting|putting|sorted|sorting) (all )?my affairs in order",
    r"deleted (all )?my (accounts|social media|socials|profiles|instagram|facebook)",
    r"paid off (all )?my (last )?(debts?|loans?|bills)( \w+){0,3} so (nobody|no one|they|my \w+) "
    r"(inherits?|is left with|has to pay)",
    r"(gave|giving|give) (away )?(all )?my (stuff|things|belongings|possessions|cat|dog|pets?)"
    r"\b(?! to (the )?charity| to the (charity|shop))",
    r"(looked after|taken care of|sorted) (when|after|once) i am (gone|not here)",
    r"made my peace( with (it|everything|dying|death|the world|god|this))?$",
    r"(wrote|written|left|writing) (a |my )?(note|letter|letters) (for|to) (my (mum|mom|dad|"
    r"parents|family|wife|husband|partner|kids|children|sisters?|brothers?|boyfriend|girlfriend|"
    r"sons?|daughters?|friends)|"
    r"everyone|each of)",
    r"(so|then) (no one|nobody|they|my family|my \w+) (has|have|will not have|does not have|"
    r"would not have|will not) (to )?(deal with|sort|clean|have to)",
    r"(cleaned|tidied|cleared) (out )?my (room|flat|desk)( \w+){0,3} (letters|note|notes|ready)",
    r"(instructions|plans|wishes) for my funeral|my funeral (plans|instructions|wishes)",
    r"(^|i )will not (need|be needing) (it|them|this|that|these|those|anything|"
    r"any of (it|this|them))"
    r"( anymore| any more| soon| where i am going| after)?$",
    r"(passwords|bank details)( \w+){0,4} (find|will find|to find)",
    r"(written|wrote|writing) down (all )?my (passwords|pin numbers|bank details)",
    r"where the (insurance|will|bank) (papers|documents|details) (are|is)",
    r"(will not|do not) (need|have) to fight over (it|them|my (stuff|things))",
    r"nothing left that (anyone|anybody|they|my family|you) (will|would) (have to )?(deal with|"
    r"sort( out)?|clean up)",
    r"everything is ready( now)?$",
    tier="concern",
    kind="preparation",
    person=False,
)

# Ordinary even as the only sign (a will after a baby, goodbyes at the airport).
PREPARATION_WEAK = rule(
    r"(made|making|wrote|written|writing|updated|done) (a|my) will",
    r"said (my )?goodbyes?( to (everyone|everybody|them|my \w+))",
    r"sa(y|id|ying) goodbye to (everyone|everybody|my \w+)",
    r"(gave|given|giving) away my \w+",
    r"gave (my|him|her|them)( \w+){0,2} my \w+",
    r"said goodbye$",
    r"(left|leaving) (a|my|the) (note|letter)( \w+){0,3} (on|in) (the|my) (kitchen )?(table|desk|"
    r"pillow|bed|drawer|fridge)",
    r"(left|leaving) (a|my|the) (note|letter)( \w+){0,4} for (whoever|anyone who)",
    r"paid off (my|the) (last )?(debts?|credit cards?|loans?|overdraft)",
    r"(gave|given|giving) (the|my) (cat|dog|pets?|rabbit|hamster|fish) to",
    r"(cancelled|canceled|cancelling|cancel) (my|the) (phone|contract|subscriptions?|gym|plans|"
    r"appointments|phone contract)",
    tier="concern",
    kind="preparation_weak",
    person=False,
)

CONCERN = (
    *CONCERN,
    # Self-harm, ongoing or past.
    rule(
        r"(i|been|started|keep|kept|still|my|stop|stopped|to|not|and) selfharm\w*",
        r"(been|keep|kept|started|start|stop|stopped) (cutting|hurting|harming|burning|starving|"
        r"hitting|scratching) myself",
        r"(cut|cutting|burn|burning|harm|harming|hurt|hurting|hit|hitting|scratch|scratching|"
        r"punish|punishing) myself",
        r"urges? to (cut|hurt|harm|burn)( myself)?",
        r"(been|started|start|keep|kept) cutting( again)?$",
        r"cut(ting)? again",
        r"(scratch|scratched|scratching|pick|picking) (my )?(arms|skin|legs)( \w+){0,2} "
        r"(until|till) (they|it) (bleed|bled)",
        r"(scars|cuts|wounds)( \w+){0,3} (hiding|hide|cover|covering) them|(hiding|hide|cover|"
        r"covering) (my|the) (scars|cuts|wounds)",
        r"(pulling|pull|pulled) (my )?hair out( \w+){0,2} (until|till)",
        r"(bang|banging|hit|hitting) my head (against|on)(?! (the|a) (cupboard|door|shelf|car|"
        r"ceiling|table|corner|beam|cabinet|bunk))",
        r"(punch|punching|punched|slap|slapping|slapped|bite|biting|pinch|pinching) myself",
        r"(burned|burnt|cut|hit|hurt|scratched|bruised) (my|myself)( \w+)? on purpose",
        r"fresh (cuts|scars|wounds|burns)|cuts (on|all over) my (arm|arms|wrist|wrists|legs|"
        r"thighs)",
        r"(cutting|cut|burning|burn|burnt|scratching|scratched|hitting|carving|carved|slicing|"
        r"sliced) my (thighs?|arms?|"
        r"legs?|wrists?|stomach|skin|hips?|body)\b(?! (on|while|opening|chopping|cooking|shaving|"
        r"by "
        r"accident|accidentally|at the|in the|playing))",
        r"(picking|pick|picked|scratch|scratching)( at)? my (skin|arms|legs|face)( \w+){0,3} "
        r"(until|till) (it|they) (bleeds?|bled)",
        r"punch(ing)? walls? (until|till)",
        r"pull(ing)? (my )?hair out( \w+){0,3} (patches|bald|bleed)",
        r"relapsed (with|on|into) (self harm|selfharm|cutting)",
        tier="concern",
        kind=SH,
        negated="none",
        boost=True,
    ),
    # Abuse (happening now is acute, in rules_acute).
    rule(
        rf"(he|she|they|my {KIN})( \w+){{0,4}} (used to |would |always |keeps? |still )?(hits|hit|"
        r"beats|beat|hurts|chokes|choked|strangles|strangled|abuses|abused|rapes|raped|kicks|"
        r"kicked|slaps|slapped|punches|punched|molested|touches|touched|pushes|pushed|shoves|"
        r"shoved|grabs|grabbed|bites|bit|burns|burned|spits on) me",
        r"forced (me )?(to have sex|myself on me|me into sex)|made me have sex|raped me",
        r"(hands?|arm) (round|around|on) my (throat|neck)",
        r"(trapped|locked) in (the|my|his|her) (house|flat|room|car)",
        r"(took|takes|taken|hides|hid) my (keys|phone|money|passport|car keys)",
        r"touched me (inappropriately|sexually|without)",
        r"i (am|was|have been|got) (being )?(abused|beaten|hurt|raped|stalked|hit|molested|"
        r"sexually assaulted|assaulted|groomed)",
        r"(afraid|scared|terrified) (to go home|of my (partner|husband|boyfriend|wife|girlfriend|"
        r"dad|father|mom|mum|mother|stepdad|parents|ex))",
        rf"(my {KIN}|he|she|they) (will not|does not|do not|is not|are not) (let|letting|allow) "
        r"me (see|talk|go|leave|have|work|out)",
        r"(not allowed|never allowed) to (see|leave|go out|work|have money|talk)",
        r"controls? (all )?(the|my) (money|phone|finances)",
        r"checks? my phone",
        r"controls? (everything|all of|what) (i do|i wear|i eat|i say|me)",
        r"call(s|ed|ing)? me (worthless|stupid|useless|fat|ugly|a waste|pathetic)",
        r"(comes?|coming|came) into my (room|bed) at night",
        r"(scream|screams|shout|shouts|yell|yells)( \w+)? at me( \w+){0,3} (every day|all the time|"
        r"constantly|call)",
        tier="concern",
        kind=AB,
    ),
    # Thoughts of harming others.
    rule(
        r"(want to|wanting to|thinking about|think about|thought about|thoughts of|"
        r"fantasi[sz](e|ed|ing) about|urges? to|"
        r"imagine|keep imagining) (kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|murder|"
        r"murdering|harm|harming|smother|smothering) (him|her|them|someone|somebody|people|"
        rf"{PEOPLE}|my \w+)",
        rf"(going to|will|about to|planning to|i am going to|i will) (kill|murder|hurt|harm|hit|"
        rf"beat) {VICTIM}\b(?! (at|in) (chess|cards|football|tennis|a game|the game|fifa|"
        r"monopoly|pool|golf)| a (text|message|look)| up| for (spoiling|eating|taking|borrowing|"
        r"forgetting|being|telling|not|using|leaving|breaking))",
        r"(angry|furious|rage)( \w+){0,5} could (really )?(hurt|kill|strangle|murder) "
        r"(him|her|them)",
        tier="concern",
        kind=HO,
        negated="none",
        boost=True,
    ),
    # Eating-disorder behaviour.
    rule(
        r"(made|make|making) myself (throw up|be sick|sick|vomit|puke)",
        r"(fingers?|toothbrush|spoon) down my throat",
        r"(been|started|keep|kept|i|and|then) purg(e|ed|ing)\b(?! (the|old|my (files|inbox|"
        r"emails|wardrobe|closet|photos)|cache|files|logs|emails|clothes))",
        r"laxatives\b(?! for (constipation|my (stomach|bowels?)))",
        r"(only|barely|just) (eat|eating|ate|let myself (have|eat)|allow myself|had)( \w+){0,2} "
        r"\d+ (calories|kcal|cals)",
        r"\d+ (calories|kcal|cals) a day",
        rf"(have not|not|did not|had not|have barely|barely) eaten( anything)? (in|for) ({_DAYS}|"
        r"days)",
        r"starv(e|ed|ing) myself",
        r"restrict(ing|ed)?( my)? (again|food|eating|calories|intake)",
        r"(binged|bingeing|binging)\b(?! on (netflix|tv|the series|the show))|binge eat\w*",
        r"(chew|chewing)( \w+){0,3} (and )?spit",
        r"skip(ping)? meals( \w+){0,2} (to lose|so i|because i am fat)|"
        r"skip(ping)? meals on purpose|(do not|never) deserve to eat",
        r"weigh myself (\d+|ten|five|many|so many) times",
        r"bmi is (1[0-7]|[0-9])\b",
        r"(scared|terrified|afraid) of (eating|food|gaining weight|getting fat)",
        rf"(throw|threw|throwing) up after {_FOOD}",
        rf"fast(ed|ing) for {_DAYS}",
        r"burn off (everything|all|every calorie|what) i (ate|eat|eaten)",
        r"(hide|hiding|hid) (my )?food",
        r"(still|even though)( \w+){0,4} (want to|need to) lose (more|weight)",
        r"(i am|feel) (so )?(fat|disgusting)( \w+){0,3} (after|when) i eat|feel disgusting after",
        r"(one|1|a single) meal (a|every|per|in) (day|two days|2 days|few days|three days|week)",
        r"(need|want|going|have) to stop eating( completely| altogether| entirely|$)",
        r"(i am|i weigh|at|down to) \d+ ?(kg|kilos|lbs|pounds|stone)( \w+){0,5} (lose more|still|"
        r"too fat|need to lose|want to lose)",
        r"restrict(ing|ed)? to|under \d+ (calories|kcal|cals)",
        r"by not eating|(not|stopped) eating( \w+){0,3} to lose",
        r"(have not|not|did not) eaten( anything)?( \w+){0,2} on purpose",
        r"(eating|eat|ate|having|had) nothing but",
        r"(exercise|exercising|run|running|working out|workout)( \w+){0,4} (burn (off )?(calories|"
        r"everything|it off)|until i am sick|until i (faint|pass out|throw up|collapse))",
        r"(have not|not) slept since (monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        r"the weekend|last \w+)",
        r"(eating|eat|ate) once (every|a) (couple of|few|two|2|three|3) days",
        r"(have not|not) eaten( anything)? since (monday|tuesday|wednesday|thursday|friday|"
        r"saturday|"
        r"sunday|yesterday|last \w+|the weekend)",
        r"only (eat|ate|eating|have|had) (an?|one) (apple|banana|yoghurt|cracker|rice cake|meal)"
        r"( a day)?",
        r"(ate|eaten|eat)( \w+){0,6} (get rid of it|throw it up|purge it|burn it off)",
        r"(stopped|stop) eating\b(?! (meat|dairy|sugar|gluten|fish|pork|beef|junk|out|takeaway|"
        r"fast food|at|so late|after))",
        tier="concern",
        kind=ED,
    ),
    # Substance misuse.
    rule(
        r"drinking every (night|day|morning)( \w+){0,3}( to| just)",
        r"(drinking|drink|drank)( \w+){0,6} every (night|day|morning)( \w+){0,2} (to|just to) "
        r"(switch off|cope|forget|sleep|numb|get through|feel|stop)",
        r"(bottle|bottles) of (wine|vodka|gin|whisky|whiskey|rum)( \w+){0,2} every (night|day)",
        r"need a drink (just )?to (get|function|start|cope|face|sleep)",
        r"relapsed( on| with)?( \w+)?( (heroin|coke|cocaine|meth|alcohol|drinking|drugs|using|"
        r"pills|crack|weed))?",
        r"cannot stop (using|drinking|taking|smoking|snorting|injecting)( (cocaine|coke|drugs|"
        r"pills|"
        r"heroin|meth|weed|it|them|alcohol|booze|xanax|ketamine|painkillers|crack))?$",
        r"i am an? (alcoholic|addict|junkie)",
        r"(using|drinking) again",
        r"spent (all )?my (rent|savings|wages|benefits) on (coke|drugs|booze|alcohol|gambling|"
        r"weed|pills)",
        r"drank (a|the) (whole |entire )?bottle of (vodka|gin|whisky|whiskey|rum|wine|tequila)",
        r"(blacked|blacking) out( \w+){0,2} (from|drinking|after drinking|again)",
        r"(using|drinking|taking) more and more",
        r"(taking|take|took) more( of my)?( \w+)? than (i am |i was )?prescribed",
        r"(smoke|smoking) weed all day",
        r"drinking( alone| by myself| on my own)? every (night|day|morning)",
        r"drinking (a lot )?more than (usual|before|i should)",
        r"drinking (too much|heavily|a lot|so much)( \w+){0,2} every (night|day)",
        r"(drinking|drink|using|smoking|taking)( \w+){0,4} to (numb|forget|escape|not feel|cope|"
        r"get through|deal with)",
        r"(cannot|can not) (get through|face|start) the day without (a drink|drinking|weed|pills|a "
        r"joint|using)",
        r"(using|on|taking|doing|smoking|injecting) (heroin|crack|meth|fentanyl|spice)( again)?",
        r"need (a drink|to drink|to smoke|weed|pills|coke|to use|to get high)( \w+){0,2} to (get "
        r"through|cope|function|sleep|face)",
        r"(doing|using|taking|on) (coke|cocaine|ket|ketamine|mdma|pills|meth|speed)( \w+){0,2} "
        r"every (weekend|week|day|night)",
        r"drink(ing)? (from|as soon as|when) (the moment )?i (wake|get)( up)?|drinking in the "
        r"morning",
        r"(high|drunk|wasted|stoned|off my face) (right now|again|every day|all the time|and "
        r"(everything|i feel|i hate))",
        r"(using|taking|doing|on|snorting|smoking) (ketamine|ket|coke|cocaine|heroin|meth|crack|"
        r"mdma|spice|benzos|pills|opioids|weed)( \w+){0,2} (every|each) (day|night)",
        r"more( of my)?( \w+)? than (i am (meant|supposed|allowed) to|i should|prescribed)",
        r"(less than|under|fewer than) \d+ (calories|kcal|cals)",
        r"(will|am going to) never (get|be|feel) better",
        r"(bottle|bottles) of (wine|vodka|gin|whisky|whiskey|rum)( \w+){0,2} (a|every|each|per) "
        r"(night|day)",
        r"mixing( \w+){0,2} (xanax|benzos|pills|valium|oxy|codeine) (and|with) "
        r"(alcohol|booze|drink|vodka|wine)",
        r"cannot go a day without (drinking|a drink|using|weed|pills|coke)",
        r"(drinking|using|drug use) is (out of control|getting worse)|out of control drinking",
        r"addicted to",
        r"hooked on (painkillers|pills|drugs|heroin|coke|cocaine|meth|crack|ketamine|xanax|benzos|"
        r"opioids|alcohol|booze|gambling)",
        r"(i am|feeling) (drunk|high|wasted) and( \w+){0,2} (feel|feeling) (terrible|awful|"
        r"worthless|so low|like shit)",
        r"drinks? until (i|she|he|they) (pass|passes) out",
        r"(just )?to feel nothing",
        tier="concern",
        kind=SUB,
    ),
    # Severe distress.
    rule(
        r"cannot cope( anymore| any more|$| with (this|it|any of (this|it)|anything|everything|"
        r"life|my life))",
        rf"(have not|not|barely|did not|have barely) slept( properly)? (in|for) ({_DAYS}|days)",
        rf"no sleep (in|for) ({_DAYS}|days)|(days|nights) without (any )?sleep",
        r"(having|keep having|keep getting|getting|constant|so many|another|daily|\d+)( a)? panic "
        r"attacks?",
        r"panic attacks? (every|all|again)",
        r"cannot (stop (shaking|crying|screaming|panicking)|breathe)",
        r"(been )?crying (for hours|all day|all night|non stop|every day)",
        r"falling apart",
        r"(feel|feeling) like i am (losing|going to lose) my mind",
        r"(think|feel like) i am going (crazy|mad|insane)",
        r"(feel|feeling|felt) like i am dying",
        r"panic(king)? again|panicking (all the time|constantly|every day)",
        r"(at )?breaking point",
        r"breaking down|nervous breakdown|having a breakdown",
        r"(everything|it all|it) is (all )?too much",
        r"(so |too )?overwhelmed( \w+){0,2} (cannot|can not) (function|cope|think|breathe)",
        r"(feel|feeling) like i am drowning( and|$)",
        r"(i am|i am really|i am just) not (ok|okay|alright|fine)\b(?! with)",
        r"nightmares (about|of) (what happened|it|the (attack|accident|assault|abuse))",
        r"(hearing|hear) voices|voices (telling|tell) me",
        r"(feel|feeling) (so )?(numb|disconnected|empty inside)",
        r"(like|as if) i am not real",
        r"cannot (take|handle|do) (it|this|this anymore|it anymore)( anymore)?$",
        r"cannot (go on|do this anymore|live like this|take (it|this|much more) anymore|"
        r"keep going)",
        r"i am (a )?(complete |total )?mess",
        r"spiral(l)?ing",
        r"(had|having) (\w+ )?panic attacks?",
        r"slept (in|for) (48|72|\d{3}|[4-9]\d) hours",
        r"awake (for )?(\d+|two|three|four|five|several) (days|nights)",
        r"(slept|sleep|sleeping)( more than)? (an hour|\d+ hours?|two hours)( a night)?( \w+){0,3} "
        r"(all week|for days|in days|this week)",
        r"i am losing it$",
        r"(in a )?(really |very |so )?dark place",
        r"(terrified|scared|anxious|panicking|panicky) all the time",
        r"(having a|complete|total|full|massive) meltdown",
        r"shaking all (day|night)|(cannot|can not) (eat|sleep) (at all|anymore)|and (cannot|"
        r"can not) "
        r"eat",
        r"(feel like|think) i am going to (explode|snap|break)",
        r"(feel like|think) i am losing control|losing control of (myself|my mind|my thoughts)",
        r"(thoughts|mind|head) (will not stop|are|is|keep|keeps) racing|racing thoughts",
        r"(cannot|can not) calm (myself )?down",
        r"panic attacks? (are|is) (getting worse|so bad|constant|every day)",
        r"(anxious|panicking|scared|stressed)( \w+){0,3} (throwing up|being sick|cannot breathe)",
        r"scared of (my own|my) (thoughts|mind|head)|(head|mind) is (so )?(loud|noisy)",
        r"not coping",
        r"dissociat\w*|nothing feels real",
        r"(seeing|hearing) things",
        r"(cannot|can not) (leave|get out of) (the house|bed|my room)",
        r"(cannot|can not) handle (any of )?(this|it|anything|everything|life)( anymore)?",
        r"flashbacks",
        r"(completely|totally|so|really|very|utterly) overwhelmed",
        r"anxiety (is )?(through the roof|out of control|unbearable|so bad|crippling)",
        tier="concern",
        kind=DIS,
        negated="none",
    ),
    # Hopelessness and worthlessness.
    rule(
        r"(feel|feeling|felt|am|so|completely|totally|utterly) hopeless",
        r"hopelessness",
        r"(life|living|everything|it all) (is|feels|seems) (hopeless|pointless|meaningless)",
        r"what is (even )?the point( (of|in) (anything|everything|it all|any of (it|this)|trying|"
        r"even "
        r"trying|getting up|me|life))?( anymore| tbh| honestly| really| though| ngl| lol| now)*$",
        r"(there is )?no point in (anything|trying|going on)",
        r"(do not|cannot) see the point (in|of) (anything|everything|living|trying|going on)",
        r"no way out",
        r"(feel|feeling|am|i am)( so| just| completely| totally| utterly| really| absolutely)? "
        r"(trapped|worthless|useless|empty)\b(?! at)",
        r"(cannot|do not|can not) see (a|any) future",
        r"point (of|in) me( even)? (being|living|existing|trying|here)",
        r"want (everything|it all|it|this|the pain|all of this|all this) to (stop|end|be over)",
        r"i am (a|such a) failure",
        r"(i am|i feel like|i feel) (a|such a|just a|nothing but a) (loser|waste of (space|oxygen|"
        r"air|"
        r"life|time)|mistake|disappointment|nobody|nothing)",
        r"nothing i do (ever )?(matters|helps|is good enough|works|is right)",
        r"useless at everything|(cannot|never) do anything right",
        r"(cannot|can not|will never) be fixed|i am (so )?broken",
        r"(i am|i feel) (so|completely|totally|all) alone",
        r"(always|forever) be alone|(will|am going to) (always |forever )?die alone",
        r"not good at anything|good for nothing",
        r"everything (i do |i touch )?(goes|turns out) wrong|i am cursed",
        r"(feel like|want to|going to|ready to) give up( on (everything|life|myself))?$|giving up$",
        r"(cannot|do not|can not) see a way (forward|out|through)",
        r"(cannot|can not|do not) see (things|it|anything|life|my life) (ever )?(getting|get|"
        r"going to "
        r"get) better",
        r"(i am|i feel like i am|feel) worth nothing|not worth anything",
        r"nothing good (in my life|about me|ever happens)",
        r"(i am|i feel like) (a|such a|just a) waste$",
        r"nothing (ever )?(changes|gets better|works out)",
        r"never (going to )?be happy( again)?",
        r"nothing makes sense( anymore)?|(i am|feel|feeling) so lost",
        r"i have (no one|nobody|no friends|nothing left)",
        r"(feel like|feel) i am (nothing|worthless|a nobody|invisible)",
        r"(tired|sick) of (trying|fighting|pretending|being me|being alive)",
        r"(nothing|not anything) to look forward to",
        r"no hope (for me|left|anymore)|(have|has) no hope",
        r"(never|not) (be )?good enough",
        r"(life|living|everything|my life) (has no|has lost (its|all)|does not have any|has no "
        r"more) (meaning|point|purpose)",
        r"nothing left (for me|to live for|in me)|there is nothing left",
        r"hate (who|what) i am|hate (my life|everything about me|being me|being alive|my body|"
        r"myself)",
        r"(total |complete |such a |utter )?failure (at|in) life|i am a (total |complete |utter )?"
        r"failure",
        r"i hate myself",
        r"(nobody|no one) (cares|loves|wants) (about )?me",
        r"(do not|no longer) want to live like this",
        r"want (the|this) pain to (stop|end)",
        r"want it all to (stop|end)",
        r"dead inside",
        r"nothing (is ever going to|will ever|is going to) (get|be) better",
        r"(never|not ever) going to (get|be) better",
        r"no future for me|(do not|cannot) see a future",
        r"(cannot|do not) see a way out",
        r"why (do|would|should) i (even )?(bother|try)",
        r"(given|give) up on (things|everything|myself|ever)",
        r"(tired|sick) of everything",
        r"nothing (helps|matters)\b(?! more| as much| to (him|her|them))",
        r"i ruin everything",
        r"stopped caring about (anything|everything)",
        r"(always|forever) (feel|be) like this",
        r"(it is|it will|this is) never going to change",
        tier="concern",
        kind=HOPE,
        negated="none",
    ),
)
