"""The reply screen's catch-all: a sentence that names a harm topic is withheld unless
what names it is a recognised safe form of support.

The phrase rules (reply_rules) know many harmful sentences, but a model can say the
same thing in words no list holds ("maybe it's time to let go for good", "the exhaust
pipe and a hose is all you need"). A companion's ordinary replies rarely need these
words at all, and when they do it is in a few shapes: pointing to a crisis line,
"you don't deserve this", "I can't help with that", "could someone keep the pills for
you?". So each sentence has those safe spans removed first (and a third person's
death, for grief), and any topic cue left over withholds the reply.
"""

from __future__ import annotations

import re

_TOPIC = (
    # dying, and the ways a reply can point at it without the word
    r"suicid\w*|kill(ing)? (yourself|urself)|\bkill you\b|(end|ending|take|taking) (your|"
    r"ur) (own )?life|"
    r"end(ing)? it( all)?\b|ending things|end things|\bdie\b|\bdies\b|\bdying\b|\bdead\b|death|"
    r"for good|disappear\w*|not (be|being) (here|around|alive)|stop fighting|no way out|"
    r"without you|pain (will|would|can) (stop|end)|at peace|sleep forever|never wak(e|ing)|"
    r"(not|never|n't) (meant|supposed|going|able) to keep going|(time to|should|might as well|"
    r"okay to|ok to|fine to|just|really) give up|(weren't|were not|was not|wasn't|are not|aren't) "
    r"around|being gone|once you're gone|when you're gone|thought it through|easier on everyone|"
    r"pick a day|(house|flat|home) is empty|no one (is )?(home|"
    r"around)|"
    r"let (yourself )?go\b|bravest choice|your call|every right|favou?r by|time to go|"
    # self-harm
    r"self-?harm\w*|\bcuts\b|cutting(?! (back|down|out|ties|corners|costs))|"
    r"\bcut (deep|deeper|your\b|yourself(?! (some|a little|a bit of) slack)|where|vertical|"
    r"along|across|into|only)|razors?|blades?|"
    r"burn (yourself|your)|\bburns\b|\bscars?\b|bleed\w*|hurt(ing)? yourself|harm(ing)? yourself|"
    r"punish(ing)? yourself|wounds?|ligature|noose|hang(ing)? (yourself|from)|hanging (takes|is|"
    r"would|will)|(?<!of your )(?<!of my )(?<!of the )\brope\b|\bpain\b.{0,20}\bdeserve|"
    r"deserve.{0,20}\bpain\b|"
    # means
    r"\bpills?\b|\btablets?\b|capsules?|\bpackets?\b|\bboxes of\b|overdos\w*|\bdoses?\b|"
    r"paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|codeine|tramadol|insulin|"
    r"amitriptyline|sertraline|antidepressants?|benzos?|opioids?|sleeping (pills|tablets)|"
    r"prescription|\bcrush (them|it|the)|\bguns?\b|firearm|pistol|rifle|shotgun|\bknife\b|"
    r"knives|weapon|bridge(?! the gap| between)|\broof\b(?! over)|rooftop|ledge|cliff|storeys|"
    r"stories high|"
    r"\d+(st|nd|rd|th) floor|\bfloors\b|top of the (car park|building|bridge|tower|cliff|multi)|"
    r"car park|train line|front of (a|the) train|engine (on|running)|windows up|bruises?|"
    r"hit by a|\btracks\b|railway|motorway|"
    r"drive into|crash(ing)? (the|your|into)|garage|exhaust (pipe|fumes)|tail ?pipe|\bhose\b|"
    r"charcoal|helium|plastic bag|"
    r"toaster|electrocut\w*|poison\w*|bleach|drown\w*\b(?! (you|me)\b)(?! in (work|paperwork|"
    r"stress|emails|tasks|"
    r"debt|assignments|homework|responsibilit\w+|it all))|"
    r"(take|swallow|crush|down) (them|those|these) (all|with|at once|together|now|tonight)|"
    r"\bswallow (them|it|those|these)\b|(with|plus|and) (some |a bit of |lots of )?(alcohol|vodka|"
    r"booze|spirits|wine)|alcohol (so|to make|and (them|the|those))|"
    r"(nobody|no one|no 1) (will|would|can|is going to|could) stop you|\bjump(ing)? (off|from|"
    r"in front)|"
    # eating
    r"calories?|\bkcal|fasting|\bfast(ed)? for|purg\w*|throw(ing)? up|vomit\w*|laxatives?|"
    r"diet pills|starv\w*|skip(ping)? (meals?|breakfast|lunch|dinner)|\beat(ing)? only|"
    r"weigh yourself|weight loss|only eat\w*|without (all )?(that |the )?food|\bpuke|\bflush "
    r"(your|the) (food|dinner|lunch|meal)|lose weight|losing weight|thinner|skinnier|thinspo\w*|"
    r"\bhunger\b|\bhungry\b|ice cubes|baggy clothes|appetite|"
    # violence
    r"\bstab\w*|\bshoot\w*(?! for\b)|strangl\w*|\bchok(e|ing) (him|her|them)|\bpush (him|her|them)|"
    r"\b(hit|beat|slap|kick|punch) (him|her|them|(the|your) (baby|child|kid|toddler|son|daughter|"
    r"wife|"
    r"husband|partner|girlfriend|boyfriend|ex|dog|head|face|arms?|legs?|body))\b|threaten\w*|"
    r"lock (the|your) (baby|"
    r"child|kid)|hurt (the|your|a|that) (kid|child|baby)|revenge|something heavy|"
    r"\b(kill|hurt|harm|attack) (him|her|them|someone|somebody)\b|"
    # concealment
    r"\bhide\b|\bhidden\b|\bhiding\b|conceal\w*|\bsecret\b|do not (tell|mention)|not to tell|"
    r"(the|those|your|any) marks (on|from)|marks on your (arms?|wrists?|legs?|thighs?|neck|skin|"
    r"body|stomach)|"
    r"(nobody|no one|people|they) (will|would|can|do) (not )?(see|notice|know)|say you got|"
    r"tell (them|your \w+) you (ate|fell|got)"
)
# Added after the fourth round of harmful replies, as families rather than sentences:
# finality and goodbyes, "you're allowed to stop", means and where to get them, eating
# rules, hurting harder, and making someone suffer.
_TOPIC += (
    r"|say goodbye(?! to (the |that |this |your )?old\b)(?! to (the|that|those|this) (version|"
    r"habit|idea|plan|"
    r"job|year|week|day|past)\b)|(?<!say )goodbyes?\b|give away (your|all your|my) (things|stuff|"
    r"belongings|possessions)|"
    r"(leave|write) (a |your )?(message|note|letter|video) (for|to) (your|them|everyone)|"
    r"not (their|your \w+'?s?) fault|not to (have to )?worry about you|allowed to (stop|go|rest "
    r"forever|let go)|let it happen|made (your )?peace with (it|dying|death|that)|is not for "
    r"everyone|isn't for everyone|(do not|don't|never|won't|will not) (ever )?get better|nobody "
    r"(would|will) find you|no one (would|will) find you|find me for|when everyone('s| is) asleep|"
    r"medicine (cabinet|cupboard|drawer)|take enough (of|pills|tablets|them)|won't feel a thing|"
    r"will not feel a thing|"
    r"feel (nothing|no pain)|(several|different|other) (shops|pharmacies|chemists|stores)|packs? "
    r"of \d+|\bcord\b|\bblinds\b|hold (you|your weight)|platform edge|edge of the platform|"
    r"walk (out )?into (the )?(traffic|road|sea|river|lake|water)|without looking|off the road|"
    r"sharp bend|quarry|(try|keep|start|stop) (not )?eating|not eating (until|till|for)|"
    r"sit-?ups every|(exercise|run|work out) "
    r"every time you eat|weigh-?in\b|the number (drop|go down)|chug|\bskipping\b|big breakfast|"
    r"press harder|so it (actually )?(does something|works|counts)|bandages?|in the toilets|make "
    r"(him|her|them) (suffer|pay)|burn (his|her|their) (stuff|things|clothes|car|house)|"
    r"(his|her|their) (stuff|things) while"
)
# And after the fifth: asking for more pills, "it only hurts for a second", dismissing
# help, ligature points, eating rules, hiding the evidence, and arson.
_TOPIC += (
    r"|go(ing)? through with it|somewhere (remote|isolated|no one|nobody)|the privacy you need|"
    r"tell the (pharmacist|chemist|gp|doctor) (they are|they're|it is|it's|that|you)|say (the old "
    r"ones|they|you) (ran out|lost)|(pain|it) only (lasts|hurts)|over in (a few )?seconds|(and|"
    r"then) "
    r"(just )?do it\b|lost cause|why bother (with|going|trying|getting)|not worth (calling|trying|"
    r"getting help|the effort|talking)|(cannot|can not|can't) do anything (for you|to help)?|"
    r"move on (quickly|fast|soon)|forget (about )?you (quickly|soon|fast)|drink(ing)? until|"
    r"tie (your|a|the) (scarf|belt|cord|sheet|tie|shoelaces?|dressing gown)|bunk bed|to the "
    r"(banister|beam|hook|bed frame|door handle)|every other day|goal weight|one meal (a|every|"
    r"per)|"
    r"looks? like you('ve| have) (gained|eaten)|weigh[- ]?in\b|(?<!moral )\bcompass\b|"
    r"sharp enough|never look "
    r"there|(where|places) (teachers|parents|people|nobody|no one) (never|do not) look|"
    r"\bblood\b(?! (sugar|pressure|tests?|work|donation))|"
    r"clean (the|your) (scissors|knife|blade|razor|compass)|lie to (the|your) (counsel?lor|"
    r"therapist|doctor|gp|parents|teacher|nurse|mum|mom|dad)|(say|tell them) you('re| are) fine "
    r"so|stop checking|aim (your|the) car|at the wall|smash (a|the) (glass|bottle)|use it on "
    r"(him|her|them)|set (fire|a fire|light) to|burn (the|their|his|her) (house|flat|home|car)|"
    r"shak(e|ing) (a|the|your) baby|stop taking (your|the) (meds|medication|tablets|pills|"
    r"antidepressants)|come off your (meds|medication)"
)
# And after the sixth: places and times chosen for it, putting affairs in order, "you
# won't feel this way again after tonight", giving up, and keeping away from help.
_TOPIC += (
    r"|(woods|forest|field|car park|park) (behind|near|by) (your|the)|quiet at night|(write|"
    r"writing|make|making) (your|a) will\b|(moving|going) away so|stop replying|(never|not) (have "
    r"to )?feel (this|like this|this way) (ever )?again|ever again after|after tonight|whatever "
    r"you have in the house|kinder to (yourself|everyone) to stop|what is the point|"
    r"what's the point|(never|not ever) be happy|breaking point|reached yours|only drink (water|"
    r"coffee|tea)|zero carbs|(key|scratch|smash) (his|her|their) car|slash (his|her|their)|"
    r"where (he|she|they) lives?|wait for (him|her|them)|\bhamster\b.{0,30}\bsick|make (it|him|"
    r"her|them) (sick|ill)|(do not|don't) go to (a&e|the hospital|the doctor|your gp)|section "
    r"you|(do not|don't) need the crisis|(handle|deal with) it (yourself|alone|on your own)"
)
# And after round 16 (a battery written by someone who had not read these rules), by
# family: an amount said as what "would work", a body's absorption, what a fall or a train
# does, a blessing for the decision, a second attempt, purging and compensating, keeping
# weight loss unseen, lying to a clinician, erasing traces, and stalking, drugging,
# arson or sabotage against someone.
_TOPIC += (
    r"|(the )?whole (strip|box|bottle|pack|packet|lot)|empty stomach|absorb\w*|the amount that "
    r"(would|will) (work|do it)|\d+ full (boxes|packs|packets|bottles|strips)|(end|wake) up in "
    r"(hospital|a&e|the er|intensive care)|freight|trains? (do not|does not|never) (slow|stop)|"
    r"timing it|surest|fatalit\w*|survivab\w*|falls? from (above|over|more than|higher)|would be "
    r"sufficient|top floor|deserve (the )?(peace|rest|to rest|to be free)|\b(yeah|yes|just|so|"
    r"tbh|honestly|then) do it\b|good (night|day|time) for it|everyone('s| is) away|support your "
    r"decision|not everyone is meant to|(life|it)( is|'s) not worth it|(do not|don't|no) need to "
    r"call (anyone|anybody|them|a helpline)|(no one|nobody) has the right to stop|your note|"
    r"why (you|they) (had|have) to go|hope it is peaceful|(change|try to change) your mind|"
    r"(another|next|second) "
    r"(attempt|try)|what went wrong (this|last) time|make yourself sick|making yourself sick|"
    r"being absorbed|lost another|lose (another|a few more)|(push|move) (the |your )?food (around|"
    r"about)|pocket (some|it|the food)|throw (it )?away later|\bbmi\b|cut out (carbs|fats|food|"
    r"meals)|burn(ed|t)? off (everything|what|all)|cancel (out )?(dinner|lunch|breakfast|what you "
    r"ate|the food|the calories)|not eating|faint|give in\b|body adjusting|baggy|how much weight|"
    r"nag you to eat|say no so|let you (go home|leave|out|go)|if the (nurse|doctor|gp|therapist|"
    r"psychiatrist|counsel?lor) asks|(clear|delete|wipe) your (search )?(history|browser)|private "
    r"browsing|incognito|(no one|nobody) finds out|wait (near|outside|by|for) (her|his|their) "
    r"(car|house|flat|work|office|school)|catch (her|him|them) alone|(your ex|she|he|they) "
    r"(leaves?|gets?) (work|home|out)|knock (her|him|them|the baby) out|cough medicine|letterbox|"
    r"letter box|(regret|pay for) (it|this|that)|deserves? it\b|go round (there|to (his|hers|"
    r"theirs))|tamper\w*|brakes|hard to trace|trace (it )?back|(can not|cannot|can't) fight back|"
    r"(post|share|leak) (her|his|their) (address|details|photos|number)|dox\w*|(let|get) other "
    r"people deal with"
)
# And after round 17 (a second independent battery, measured before this: 72 %): amounts
# said as containers and "all at once", doses "for an adult", trains and cold water,
# sealed rooms, a decision praised or left alone, a note admired, weight targets,
# lying to a crisis team, tracking or turning up on someone, hurting a child quietly.
_TOPIC += (
    r"|(full|whole|entire) (bottle|box|pack|packet|strip)|(one|a|another|more than one) "
    r"(pack|packet|bottle|strip)\b|stock up|(take|swallow|have) (it|them|everything|the lot) "
    r"(all )?(at once|in one go)|(sufficient|enough|lethal|fatal) for (an adult|a grown|someone "
    r"(of )?your (size|weight))|in front of (a|the) (fast |express |oncoming |speeding )?(train|"
    r"lorry|truck|bus)|walk(ing)? (out )?into (the )?(traffic|road|sea|river|lake|water)|\bfumes\b|"
    r"sealed( up|-up)? (room|car|garage|space)|(cannot|can not|can't) swim|\bweir\b|thought "
    r"(it|this|that) (all )?through|(your|the) (choice|decision) to make|it is your (choice|"
    r"decision)(?! (whether|if|what|how|when|who))|owe (anyone|anybody|them|us|"
    r"the world) your (survival|life|existence)|do what you "
    r"(need|have) to do|your own ending|choose (your|how you) (end|ending|die|go)|(that|this|the|"
    r"your) (note|letter)( \w+){0,4} (well written|beautiful|lovely|perfect|closure|help)|give "
    r"them closure|talk(ing)? you out of (it|this)|(nobody|no one) (could|would|can|will) blame "
    r"you for (stopping|ending|going|doing it|deciding|choosing|giving up|leaving)|"
    r"proud of you for deciding|for stopping now|fought long enough|(down to|under|below) "
    r"\d+ ?(kilos|kg|pounds|lbs|stone)|weigh(ing)? yourself|stop you (from )?gaining|even if you "
    r"(do not|don't)|off your back|if (the|your) (nurse|doctor|gp|therapist|psychiatrist|"
    r"counsel?lor|crisis team) (asks|rings|calls)|just say no\b|without (her|him|them) knowing|"
    r"(track|follow) (her|his|their) (location|phone)|smack\w*|\bshake\b.{0,40}(toddler|baby|"
    r"child|kid|screaming|crying)|quick shake|(turn|show) up at (her|his|their)|which street|"
    r"(leave|leaving) (the|your|a) (baby|child|kid|toddler) (alone )?in the car|slash(ing)? "
    r"(his|her|their)|lock(ing)? (him|her|them|the kids?|your (son|daughter|child|kid)) in|"
    r"(cope|be|do) better without (you|the stress)|better off without|when (he|she|they) (is|"
    r"are) alone|make (him|her|them) feel it|why you did it|leave (marks|bruises)|does not leave "
    r"(marks|bruises)"
)
# And after round 18 (a third independent battery, measured before this: 82.5 %): more
# than the prescribed amount, household chemicals, deep or freezing water, "the peace you
# want", purging after meals, telling a crisis team or a ward what gets them to leave,
# hiding where one is going, turning up on someone, leaving a baby alone, vigilantism, and
# joining the dead.
_TOPIC += (
    r"|(doubling|tripling|double|triple|twice|three times) (your|the) (prescribed )?(amount|dose|"
    r"prescription)|go (well |way )?past that|if you are serious|under the sink|cleaning products|"
    r"household (chemicals|products|cleaners)|deep water|pull you out|freezing (night|cold|water|"
    r"outside)|lying down outside|slow but quiet|way to go\b|peace you (have been|are|keep) "
    r"(looking|searching|describing|wanting)|if you are sure (this|that) is what you want|get rid "
    r"of it (after|afterwards|in the bathroom)|in the bathroom after|(tell|telling) them you are "
    r"(fine|feeling better|okay|ok)|no plans\b|leave you alone then|no need for (anyone|anybody) "
    r"to know|where you are really going|(tell|telling) (your|them)( \w+)? you are just going|"
    r"once they discharge you|pass the( ward)? check|act cheerful|(showing|show|turn|turning) up "
    r"(outside|at) (her|his|their)|(leaving|leave) (her|him|the baby|the child|them) alone( \w+)"
    r"{0,4} (for the night|all night|overnight)|any real harm|someone has to stop (him|her|them)|"
    r"might as well be you|join(ing)? (your|her|him|them)( mum| mom| dad| \w+)? (might|would|"
    r"could|will|in)|(will not|would not) (bother )?section(ing)? you"
)
_TOPIC_RE = re.compile(rf"({_TOPIC})")

# Read too when the conversation has already shown risk: words that are ordinary in
# general but, said to someone at risk, may point at a way out or a means.
_CAREFUL = (
    r"\bgone\b|give up|\bready\b|courage|\bbrave(st)? (choice|thing to do|decision|option)|"
    r"peaceful|\brelief\b|\bquick\w*|painless|"
    r"\beasier\b|\bdeep\b|\bcold\b|\briver|\blake\b|\bsea\b|\bocean|\bhigh(er|est)?\b|\btall\w*|"
    r"\bfloor|(?<!on )\bedge\b|\bfall\b|\bdrop\b|\bengine|\bdrive\b|\bspeed|\btrain\b|\bstation\b|"
    r"\bbottle|\bhandful|\bsharp|\blighter\b|\burges?\b|\bhits?\b|\bneck\b|\bwrists?\b|\bthighs?\b|"
    r"\bempty\b|\bgoodbye|\bfinal\b|\bletters?\b|\bnote\b|\bforever\b|\bpermanent"
)
_CAREFUL_RE = re.compile(rf"({_TOPIC}|{_CAREFUL})")

# What names a topic safely. Each span is removed before the cues are looked for, so
# only the words it explains are excused: "If you're thinking about suicide, call 988"
# passes, "If you're thinking about suicide, the bridge is closest" does not.
_SAFE = (
    r"if (you are|you're|you have been|you've been|you ever|you) (\w+ ){0,2}(thinking|having "
    r"thoughts|feeling like|feel like|thought) (about|of) (suicide|ending your life|killing "
    r"yourself|hurting yourself|harming yourself|self-?harm\w*|dying|death|ending it|not being "
    r"here|taking your (own )?life|ending things|cutting)",
    r"(thoughts|feelings|urges) (of|about) (suicide|death|dying|self-?harm\w*|hurting yourself|"
    r"harming yourself|ending your life|not being here|cutting)( or (harming|hurting|killing) "
    r"yourself| or suicide| or self-?harm\w*| or ending your life)?",
    r"suicide (and|&) crisis lifeline|suicide prevention (line|lifeline|hotline)",
    r"(do you mean|are) you (are )?(\w+ ){0,2}(thinking|having thoughts) (about|of) (killing "
    r"yourself|suicide|ending your life|taking your (own )?life|hurting yourself|harming yourself)",
    r"self-?harm (is|can be) (often |usually |sometimes )?(a way|a sign|a response|how)( \w+){0,6}",
    r"(ask|asking|talk|speak)( \w+){0,8} about (changing|adjusting|lowering|reducing) your dose",
    r"(do not|don't|never) stop (taking )?your (medication|meds|tablets|antidepressants)( \w+){0,2}"
    r" (suddenly|without)",
    r"(antidepressants?|medications?|meds|tablets) (usually |often |can |may |will )?(take|takes)"
    r"( a few| several| \d+| a couple of)?( weeks| days)?( to (work|kick in|help))? *,",
    r"(call|text|ring|contact|reach out to|talk to|speak to|speak with|go to|visit|see) (or text )?"
    r"(988|911|999|112|116 ?123|a crisis|the crisis|your local|emergency|a doctor|your doctor|"
    r"your gp|a gp|a counsel?lor|a therapist|your therapist|someone you trust|a trusted|the "
    r"samaritans|a helpline|the nearest|a pharmacist|a nurse)",
    r"(you|your feelings|your life|you are|you're) (do not|don't|never) deserve (to feel|this|to "
    r"be|to go through|to suffer|the pain|to be in pain|pain|to hurt)",
    r"(nobody|no one|no 1) deserves (to feel|this|to be|to go through|to suffer|pain|to be hurt)",
    r"(you are|you're) not (a burden|alone|to blame|weak)",
    r"i (can not|cannot|will not|am not able to|am unable to|am not going to) (help|share|give|"
    r"provide|talk about|discuss|assist|describe|explain)( \w+){0,6}",
    r"(do not|never|please do not|please don't) (hurt|harm|kill|end|give up on|punish|cut|"
    r"starve) (yourself|your life)",
    r"(could|can|would|might) (someone|a friend|a family member|you|they|somebody)( \w+){0,2} "
    r"(keep|hold|look after|store|take away|remove|lock away|lock up|put away)( \w+){0,4} "
    r"(for (now|you|a while|tonight)|safe|somewhere safe|out of reach)",
    r"(put|lock|give|hand) (them|it|the \w+|your \w+|any \w+)( \w+){0,2} (away|to (a|your) "
    r"(pharmacist|friend|family member|partner)|somewhere safe|out of reach)",
    r"(anything|something|things) (at home|nearby|around you)( \w+){0,4} (to|could) (hurt|harm) "
    r"yourself",
    r"(have|eat|get|grab) (something|a snack|a meal|some food|breakfast|lunch|dinner)( to eat)?",
    r"(you do not|you don't|no need to) (have to )?hide (your|how you|what you) (feelings|feel|"
    r"emotions|are feeling)",
    r"(stay|keep (yourself)?|are you|you are|you're|feel) safe\b",
    r"(medication|meds|tablets|pills|prescription)( \w+){0,4} (as prescribed|with your (doctor|"
    r"gp|pharmacist|psychiatrist))",
    r"(take|taking) (your|the) (tablets|pills|medication|meds)( \w+){0,8} (as )?(your|the) "
    r"(doctor|gp|pharmacist|psychiatrist|prescriber) (prescribed|advised|recommended|said)",
    r"(questions|worries|concerns) about your (medication|meds|tablets|pills|prescription)",
    r"(your|his|her|their|my|a|the) ([\w']+ ){0,2}(died|passed away|death|dying|passing)",
    r"(death|loss|passing) of (your|a|my|his|her|their) [\w']+",
    r"(grief|grieving|mourning|bereavement|loss)",
    r"crisis-centres-helplines",
)
_SAFE_RE = re.compile("|".join(f"(?:{p})" for p in _SAFE))


def names_harm(sentence: str, careful: bool = False) -> bool:
    """True when a normalised sentence names a harm topic outside a safe form
    (careful: the wider vocabulary, for a conversation that has shown risk)."""
    cues = _CAREFUL_RE if careful else _TOPIC_RE
    if not cues.search(sentence):
        return False
    return cues.search(_SAFE_RE.sub(" ", sentence)) is not None
