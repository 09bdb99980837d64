"""The patterns behind the reply screen, one family per kind of harm.

A model reply is withheld when any family matches. Two shapes of rule:
- PHRASES: a phrase that is harmful wherever it appears ("nobody would miss you");
- PAIRS: two cues that are harmless alone but not together in one passage of two
  sentences ("paracetamol" and "40", "the bridge" and "die").

Strict on purpose: a reply wrongly withheld costs one safe, fixed message, while a
reply wrongly shown can cost a life. Refusals that name no means pass.
"""

from __future__ import annotations

import re

from psymitrix_cli.domain.safety import reply_others, reply_stance

# Everything is matched against normalise()d text: lower case, straight quotes,
# "n't" spelled out, numbers in words turned into digits, single spaces.

_YOU = r"(you|u|ya)"
_PILLS = (
    r"\b(pills?|tablets?|capsules?|caplets?|meds|medications?|medicines?|painkillers?|"
    r"sleeping pills?|sleeping tablets?|doses?)\b"
)
_DRUGS = (
    r"\b(paracetamol|acetaminophen|tylenol|panadol|ibuprofen|advil|nurofen|aspirin|naproxen|"
    r"co-?codamol|codeine|tramadol|morphine|oxy(codone|contin)?|fentanyl|heroin|opioids?|"
    r"opiates?|methadone|benzos?|benzodiazepines?|xanax|alprazolam|valium|diazepam|"
    r"lorazepam|clonazepam|klonopin|ambien|zolpidem|zopiclone|diphenhydramine|benadryl|"
    r"insulin|lithium|antidepressants?|sertraline|fluoxetine|citalopram|amitriptyline|"
    r"venlafaxine|quetiapine|seroquel|antipsychotics?|barbiturates?|sleeping aids?|"
    r"sedatives?|antifreeze|bleach|rat poison|weed ?killer|pesticides?|paraquat|cyanide|"
    r"arsenic|nitrites?|sodium nitrite|drain cleaner)\b"
)
_DEATH = (
    r"\b(die|dies|dying|died|death|dead|kill|kills|killing(?! (you|me|it)\b)|fatal|fatally|lethal|"
    r"deadly|"
    r"overdos\w*|od|suicide|suicidal|end (your|my|their|his|her) life|it to be over|"
    r"stop (your |their |you )?breathing|never wake|not wake|sleep forever|liver (failure|damage)|"
    r"organ failure|kidney failure|bleed out|bled out|poison\w*|toxic|unconscious|"
    r"brain damage|cardiac arrest|heart stop\w*|(liver|kidneys?|organs?|heart) (to )?(fail\w*|"
    r"shut down|give out|gives out|stop\w*))\b"
)
# With a drug or a means named, these also read as "it would work".
_DEATH_LOOSE = (
    rf"({_DEATH}|\b(end it|be over|pass out|go through with it|do the job|do it|does it|did it|"
    r"would work|will work|works|(?<!weeks to )(?<!days to )work|quickly|to be sure|be sure|enough|"
    r"knock you out|"
    r"put you to sleep|for good|effective|quick|"
    r"quickest|fastest|painless|instant\w*|guarantee\w*|certain|surest))\b"
)
_NUMBER = r"\b\d+(\.\d+)?\b"
_MEANS = (
    r"\b(bridges?|roofs?|rooftops?|ledges?|cliffs?|balcon(y|ies)|tower|skyscraper|"
    r"multi-?stor(e)?y|car park|parking garage|overpass|top floor|\d+(th|st|nd|rd)? floor|"
    r"storeys?|stories high|height|heights|high enough|tall enough|the fall|a fall|"
    r"train|tracks|railway|traffic|motorway|highway|rope|noose|ligature|belt|cord|"
    r"plastic bag|helium|nitrogen|carbon monoxide|exhaust|charcoal|garage|"
    r"gun|guns|firearm|pistol|handgun|revolver|rifle|shotgun|bullets?|ammo|ammunition|"
    r"knife|knives|blade|blades|razor|razors|scissors|shard|glass|wrists?|veins?|"
    r"arter(y|ies)|throat|neck|drown\w*|river|lake|the sea|ocean|electrocut\w*|"
    r"jump|jumping|hang|hanging)\b"
)
_HARM = (
    rf"({_DEATH}|\b(end it|end your life|hurt yourself|harm yourself|injur\w*|bleed\w*|survive|"
    r"survivable|instant\w*|painless\w*|guarantee\w*|certain death|high enough|tall enough|"
    r"deep enough|strong enough|hold your weight)\b)"
)

_ENCOURAGE = (
    # Telling the person to die or harm themselves.
    rf"\b{_YOU} (should|could|might as well|may as well|ought to|need to|have to|must) "
    r"(just |really |simply |probably |honestly )?(end it|end things|end your life|"
    r"kill yourself|die|disappear for good|give up on life|go through with it|do it tonight|"
    r"do it now|hurt yourself|harm yourself|cut yourself|cut deeper|punish yourself|"
    r"starve yourself|stop eating|not be here|not exist|take them all|take all of them|"
    r"take the pills|jump(?! (in|into|on|at|straight) (the |a |your )?(day|task|list|work|chance|"
    r"it|conversation|project|something))\b)",
    r"\b(just )?(end it|kill yourself|go through with it)(,| -|\.|!)? (already|tonight|now|"
    r"then|before)\b",
    r"\bgo ahead(,)? (and )?(do it|end it|end things|kill yourself|hurt yourself|cut|jump|take "
    r"them|take the|take all|if you (want|must|have to|need to))",
    r"\b(do it|go ahead)(,)? (it is|it would be|you will be) (for the best|"
    r"worth it)\b",
    r"\b(nobody|no 1|no one|noone|not a single person|not anyone|no body) (would|will|is going "
    r"to|is gonna|could) (really |even |actually |ever |truly )?"
    r"(miss|mourn|notice|care|cry for|grieve|remember) ?(you|if you|about you|when you)?",
    r"\b(everyone|everybody|they|your family|your friends|your parents|the world|people|your kids|"
    r"your children|your partner|your mum|your mom|your dad|your wife|your husband) "
    r"(would|will|might|could|is going to|are going to|really) (be|feel) (so )?(much )?"
    r"(better|happier|relieved|lighter|fine) (off )?(without you|if you (were|was|are) gone|"
    r"if you died|if you (were|was) dead|when you are gone|once you are gone|with you gone)",
    r"\bthe world (would|will) be (a )?better( place)? without you\b",
    rf"\b{_YOU} (are|were) (just |only |really )?(a burden|worthless|better off dead|"
    r"better off gone|not worth saving|nothing but a burden|a waste of space|pathetic|hopeless)",
    r"\b(burden|burdens|waste of space|worthless|pathetic|useless) (like|such as) (you|u)\b",
    rf"\b{_YOU} (do not|do n't|dont) deserve to (live|be alive|exist|be happy|be here|get better)",
    rf"\b{_YOU} (really |truly |totally |fully |kind of |probably )?deserve (to )?(feel |be in |"
    r"be )?"
    r"(pain|suffer\w*|to suffer|punish\w*|hurt|to hurt|to be hurt|to die|death|die|it|this pain|"
    r"to bleed|misery|to starve|what you get)\b",
    r"\bit (is|would be|'s) (your|a|completely your|entirely your) (choice|decision|call|right|"
    r"life|body)(,|\.|;| -| and| so)? (so )?(go ahead|do it|if you want to (die|end|go)|i will "
    r"not stop you|i won't stop you|i respect (that|it))",
    r"\bi (will not|won't|can not|cannot|am not going to) (try to )?stop you\b",
    rf"\b(if|since|once) {_YOU} (have|'ve|really) (made up your mind|decided|want to die|"
    r"want to end)",
    r"\b(i|we) (support|respect|accept|understand|back) (your|the) (decision|choice|plan|wish) "
    r"to (die|end|kill|leave this|go|hurt|stop eating|starve)",
    r"\byou have (my|our) (blessing|support|permission) to (die|end|go|do it|hurt|leave)",
    r"\b(suicide|killing yourself|ending your life|ending it|dying|death|self-?harm|cutting|"
    r"starving yourself|not eating|hurting yourself|purging) (is|can be|may be|might be|would "
    r"be|seems|sounds) (like )?(a |an |the |really |quite |totally |completely )*(valid|"
    r"reasonable|rational|good|great|brave|courageous|noble|honourable|honorable|right|fine|"
    r"okay|ok|acceptable|understandable|sensible|logical|peaceful|beautiful|best|only|smart|"
    r"healthy|helpful|answer|solution|option|choice|escape|way out|release|relief|relieving|"
    r"freedom|way to cope|coping|mercy)\b",
    r"\b(death|dying|being dead|not being here|not existing) (would|will|could|might) "
    r"(be|bring|give you|feel like) (a |the )?(relief|release|peace|peaceful|freedom|rest|"
    r"escape|mercy|better|best)",
    r"\b(there is|there's|theres) (really )?(no|nothing) (point|reason|hope|use) (in |for |to )?"
    rf"({_YOU}|your|living|going on|trying|staying|carrying on|life)",
    rf"\b{_YOU} (have|got) nothing (left )?to live for\b",
    r"\byour life (is not|isn't) worth living\b|\b(your life|living|life) is (worthless|"
    r"meaningless|pointless|not worth it)\b",
    r"\b(it is|it's|that's|that is) (okay|ok|fine|alright|all right|normal|natural|valid|"
    r"understandable|reasonable|sensible|right) (to|that you|if you) (want to |wanting to |would "
    r"want to |wish to |decide to |choose to )?(die|end it|end your life|kill yourself|"
    r"hurt yourself|harm yourself|self-?harm|cut yourself(?! (some|a little|a bit of) slack)|"
    r"burn yourself|starve|stop "
    r"eating|not eat|purge|disappear for good|not be alive|not live)\b",
    rf"\b(makes sense|make sense) (that {_YOU}|for {_YOU}|to) (want to |would want to )?(die|end "
    r"it|end your life|kill yourself|hurt yourself|self-?harm|cut|stop eating|starve)",
    r"\bif (cutting|self-?harm|hurting yourself|burning yourself|starving|purging) "
    r"(helps|works|makes you feel better|gives you relief|calms you)[^.!?\n]{0,40}(then |keep|"
    r"continue|fine|okay|ok|go|do it|that is|that's)",
    r"\b(a little|a bit of|some|small|minor|shallow|superficial) (cutting|cuts|self-?harm|"
    r"burns|scratching) (is|are|can be|won't|will not|never|isn't) ",
    r"\b(you'll|you will|you'd|you would) (finally )?(be|feel) (at peace|free|released|"
    r"relieved|out of pain|better off) (once|when|after|if) (you('re| are)? )?(gone|dead|you die|"
    r"it is over|it's over|you end|you do it|you go)",
    r"\bend (it|things|your life|yourself|everything) (for good|once and for all|tonight|today|"
    r"right now)\b",
    r"\btake (them|all of them|the lot|every one|everything you have)( all)?( now| tonight| at "
    r"once| together)\b",
)

_EATING = (
    r"\b(thinspo\w*|thinspiration|meanspo|bonespo|fitspo|pro-?ana|pro-?mia|ana buddy|ana coach|"
    r"ana tips|mia tips)\b",
    r"\b(fasting|fast|starving|starvation|restriction|restricting|purging|diet(ing)?) "
    r"(tips?|tricks?|hacks?|secrets?|rules?|plan|challenge|guide)\b",
    r"\b(water fast\w*|dry fast\w*|extended fast\w*|juice cleanse|chew and spit|chewing and "
    r"spitting|body check\w*|ice chips|appetite suppress\w*|suppress(ing)? (your )?(appetite|"
    r"hunger)|curb (your )?(appetite|hunger)|ignore (your |the )?hunger|hunger is (weakness|"
    r"good|a sign)|hunger pangs (are|mean))\b",
    r"\b(purge|purging|make yourself (sick|throw up|vomit)|throw up after|vomit after|"
    r"induce vomiting|self-?induced vomiting|fingers down your throat|toothbrush down)\b",
    r"\b(laxatives?|diuretics?|diet pills|water pills|syrup of ipecac|ipecac|enemas?)\b",
    r"\b(skip|skipping|skipped|cut out|cutting out) (a |your |all |every |the )?(meals?|"
    r"breakfast|lunch|dinner|food|eating|carbs entirely)\b|\bmissing meals\b",
    r"\b(under|below|less than|no more than|max(imum)?|at most|only|fewer than|stay at|keep to|"
    r"stick to|limit (yourself )?to|cap (it )?at|keep (it|yourself|your intake) (to|under|"
    r"below)) \d+ ?(k?cal\w*|kcals?)\b",
    r"\b\d+ ?(calories|cals|kcals?) (a|per|each) day\b",
    r"\b(lose|losing|drop|dropping|shed) \d+ ?(pounds|lbs?|kg|kilos?|stone|sizes) (in|by|within) "
    r"(a|an|\d+|the next)",
    r"\b(drink|drinking|chew|chewing) (lots of |plenty of )?(water|coffee|black coffee|tea|gum|"
    r"diet coke|diet soda|ice)( \w+){0,3} (to|so you|so that you) (feel full|stay full|stop "
    r"(feeling )?hungry|(do not|will not|never) (feel|get) hungry|not (feel|be) hungry|"
    r"avoid eating|skip|curb|suppress|fill up|trick)",
    r"\b(hide|hiding|conceal|concealing|cover up|covering up|disguise|disguising) (the fact "
    r"(that )?)?(you('re| are) )?(not eating|your eating|that you('re| are)? not eating|your "
    r"weight loss|weight loss|how little you eat|what you eat|your food|food|the food|"
    r"purging|vomiting|your restriction)",
    r"\b(tell|say to|telling) (them|your parents|your family|people|everyone|your mum|your mom|"
    r"your dad|your doctor) (that )?(you('ve| have)? )?(already )?(ate|eaten|had (lunch|dinner|"
    r"breakfast|something)|are not hungry|aren't hungry|ate at)",
    r"\b(pretend|act like|make it look like) (that )?(you('ve| have)? )?(ate|eaten|to eat|you "
    r"are eating|you're eating)",
    r"\b(you('ll| will)|you would|you'd) (look|feel) (so much )?(better|prettier|happier|"
    r"more attractive|beautiful) (when|once|if) (you('re| are) )?(thinner|skinnier|you lose|"
    r"you drop|lighter)",
    r"\b(you|your body) (do not|doesn't|does not|don't) (really )?need (to eat|food|that meal|"
    r"breakfast|lunch|dinner)",
    r"\b(get|stay|become|be) (even )?(skinnier|thinner|bonier)\b",
    r"\b(thigh gap|collarbones? (showing|sticking)|hip bones? (showing|sticking)|ribs (showing|"
    r"sticking))",
)

_CONCEAL = (
    r"\b(hide|hiding|conceal|concealing|cover|covering|cover up|covering up|disguise|"
    r"disguising|mask|masking) (up )?(the |your |any |those |these |fresh |new )?(cuts?|scars?|"
    r"marks|wounds?|burns?|bruises?|scratches|self-?harm|injur(y|ies)|bandages?|blood|pills|"
    r"tablets|meds|blades?|razors?|stash|the evidence)",
    r"\b(long sleeves|hoodie|bracelets?|wristbands?|makeup|concealer|plasters|band-?aids?)"
    r"( \w+){0,4} (to|so|so that) (hide|cover|nobody|no one|no 1|noone|your parents (will not|"
    r"do not|never)|people (will not|do not|never)|they (will not|do not|never))",
    r"\b(so|so that) (your |the )?(parents|mum|mom|dad|family|doctor|gp|therapist|teacher|"
    r"nurse|counsel?lor|school|friends|partner|anyone|nobody|no one|no 1|they|people|staff) "
    r"(will not|wo not|do not|does not|never|cannot|can not|would not)( ever)? (notice|find "
    r"out|see|know|ask|suspect|check)",
    r"\b(without|before) (your |the )?(parents|mum|mom|dad|family|doctor|gp|therapist|teacher|"
    r"nurse|counsel?lor|school|friends|partner|anyone|anybody|they|people|staff) (notice|"
    r"noticing|find out|finding out|knowing|seeing|suspecting|checking|finds out|notices)",
    r"\b(do not|don't|never|no need to|you don't have to|you do not have to) (tell|let|show|"
    r"mention (it )?to|say anything to|admit (it )?to) (your |the )?(parents|mum|mom|dad|"
    r"family|doctor|gp|therapist|teacher|nurse|counsel?lor|school|anyone|anybody|psychiatrist|"
    r"partner|friends)( \w+){0,3} (about|know|see|that you|what)",
    r"\b(keep|keeping) (it|this|the cutting|your self-?harm|the pills|your plan|them) "
    r"(a )?(secret|hidden|to yourself|between us|quiet) (from|so)",
    r"\b(say|tell (them|people|everyone|your parents|your doctor)|explain (it|them|the (cuts|"
    r"scars|marks|burns))|claim|pretend) (that )?(it was|it is from|they were|they are from|"
    r"you (fell|got scratched)|away as) (a |an |the |your |from )?(cat|dog|accident|scratch|"
    r"fall|sport|rose bush|bush|kitchen|cooking|pet)",
    r"\b(tell|telling) (the |your )?(nurse|doctor|gp|teacher|parents|mum|mom|dad|school|"
    r"therapist|counsel?lor|a&e|hospital|staff) (that )?(you|it was) (fell|tripped|slipped|"
    r"got scratched|an accident|the cat|the dog|cooking)",
    r"\b(scratches|cuts|marks|scars|burns|bruises) (are|were|came|come) from (a |an |the |your )?"
    r"(cat|dog|pet|accident|rose bush|bush|sport|kitchen|cooking|fall)",
    r"\b(where|how) to (hide|store|keep|stash) (the |your |them|pills|tablets|meds|blades?|"
    r"razors?|rope|a rope)",
    r"\b(places|spots|ways) to (hide|stash|conceal) ",
    r"\b(cut|cutting|harm|burn)( \w+){0,3} (where|somewhere|in places) (nobody|no one|no 1) "
    r"(can|will|would|could) (see|notice|find|look)",
    r"\b(cut|cutting|harm|burn) (where|somewhere|in places) (nobody|no one|no 1|people|they|it) "
    r"(can not|cannot|can't|will not|won't|would not|wouldn't|does not|doesn't|do not|don't)",
    r"\b(thighs?|stomach|hips?|upper arms?|places) (where|that) (nobody|no one|no 1|people|"
    r"they|clothes|your clothes) (can not|cannot|can't|will not|won't|would not|wouldn't|"
    r"cover|hide)",
)

_METHOD = (
    r"\b(lethal|fatal|deadly|toxic|killing|overdose) (dose|doses|amount|amounts|quantity|"
    r"level|threshold|number|limit)\b",
    r"\b(most |more |least |less )?(painless|effective|reliable|quick|quickest|fastest|easiest|"
    r"lethal|certain|peaceful|surest|best|simplest|successful|foolproof|sure-?fire) (way|ways|"
    r"method|methods|means|option|options) (to|of|for) (die|dying|kill|killing|end it|end your "
    r"life|end things|suicide|commit suicide|death|hurt yourself|harm yourself|self-?harm|"
    r"overdos\w*|not wake)",
    r"\b(suicide|self-?harm|overdose|od) (methods?|techniques?|options|tips|kit|guide|"
    r"instructions|success rates?)\b|\b(hanging|cutting) (methods?|techniques?|success)\b",
    r"\b(methods|ways|way|means) (of|to|for) (suicide|kill(ing)? yourself|end(ing)? (your|my) "
    r"life|self-?harm|hurt(ing)? yourself|die|dying|overdos\w*|end it)\b",
    r"\b(cut|cutting|slit|slitting|slash|slashing|open|opening) (your|the|along the|across the|"
    r"down the|up the|into the) (wrists?|veins?|arter(y|ies)|throat|forearms?|femoral)",
    r"\b(how|where) (deep |hard |long )?to cut\b(?! (back|down|out|costs|corners|ties|"
    r"spending|caffeine|sugar|alcohol|screen|the|through))|\bcut (deeper|vertically|lengthwise|"
    r"down the|up the)\b|\bacross the street\b.{0,30}\bdown the road\b",
    r"\b((cut|cuts|wound|wounds) deep enough|deeper cuts|sterili[sz]e (the |your )?(blade|razor)|"
    r"clean (the |your )?"
    r"(blade|razor)s?|sharp(er)? (blade|razor|knife)|razor blades?|pencil sharpener)",
    r"\b(get|grab|buy|find|bring|use|fetch) (a |the |some |your |an )?(rope|noose|ligature|"
    r"beam|hook|sturdy hook|stool to stand on|chair to stand on)\b",
    r"\b(tie|tying|make|making|fashion|loop) (a |the )?(noose|knot|ligature|rope|belt|cord)\b",
    r"\b(hang|hanging) (yourself|from)\b|\bdoor ?(frame|knob|handle)\b.{0,40}\b(belt|rope|"
    r"cord|ligature|scarf)|\b(belt|rope|cord|ligature|scarf)\b.{0,40}\bdoor ?(frame|knob|handle)\b",
    r"\b(belt|rope|cord|scarf|ligature|cable|wire|tie|strap|sheet)s? (around|round|to|on) "
    r"(your |the )?(neck|throat)\b|\baround your neck\b",
    r"\b(exit bag|suicide bag|inert gas|helium (tank|hood|bag)|nitrogen (tank|hood|gas)|"
    r"plastic bag over|bag over your head)\b",
    r"\b(carbon monoxide|exhaust fumes?|tail ?pipe|hose(pipe)? (from|to|into|through) the|"
    r"engine running|car running|leave the engine|run the engine|charcoal (burning|burner|"
    r"grill|briquettes?|in)|burn(ing)? charcoal|disposable barbecue|bbq in|barbecue in|"
    r"seal (the |a |your )?(room|car|garage|windows|doors|gaps|vents|tent)|co detector|"
    r"carbon monoxide detector|gas oven|put your head in the oven|gas leak)",
    r"\b(jump|jumping|jumped|leap|leaping|fall|falling|throw yourself|throwing yourself) (off|"
    r"from|in front of|into|under|onto|out of) (a |the |that |your |an )?(bridge|roof|rooftop|"
    r"building|ledge|cliff|balcony|tower|window|overpass|train|bus|lorry|truck|car|traffic|"
    r"tracks|railway|car park|parking garage|skyscraper|top floor|river|sea|motorway|highway)",
    r"\b(step|stepping|walk|walking|lie|lying) (in front of|under|onto|off) (a |the |that |an )?"
    r"(train|bus|lorry|truck|car|traffic|tracks|ledge|roof|bridge|cliff|balcony)",
    r"\b(tallest|highest|high enough|tall enough|high up enough|\d+ (feet|foot|ft|metres|meters|"
    r"m|storeys|stories|floors) (high|up|tall|drop|fall)) (bridges?|buildings?|roofs?|cliffs?|"
    r"places?|spots?|drop|fall|jump|would|to|is|are|will|enough|should|from)",
    r"\b(the fall|a fall|the drop|the impact|hitting the (water|ground)) (would|will|should|"
    r"is|could) (kill|be fatal|be lethal|do it|finish)",
    r"\b(lie|lying|lay|laying|stand|standing) (down )?on the (tracks|railway|rails|"
    r"motorway|highway)",
    r"\b(train|trains) (schedule|times|timetable|comes|pass|passes)( \w+){0,4} (to|so|when "
    r"you|step|jump)",
    r"\b(drown|drowning) yourself|\bwalk into the (sea|ocean|river|lake|water)\b|"
    r"\b(weigh|weight) (yourself )?down with\b|\bstones in your pockets\b",
    r"\b(bleed|bleeding) out\b|\bhow long (it takes |does it take |would it take )?to (bleed|"
    r"die|lose consciousness|pass out|stop breathing)|\bblood loss (would|will|is|to)",
    r"\b(electrocut\w*|toaster in the bath|hairdryer in the bath|live wire)",
    r"\b(burn|burning|cut|cutting|hit|hitting|punch|punching|scratch|scratching|bruise|"
    r"bruising|starve|starving|choke|choking|strangle|strangling|suffocate|suffocating) "
    r"yourself (with|by|using|until|where|so(?!me slack)|harder|deeper|more|on|in|without)",
    rf"\b({_YOU} can|{_YOU} could|try|start|start by|just|then) (burn|burning|cut|cutting|hit|"
    r"hitting|punch|punching|scratch|scratching|starve|starving|choke|strangle|hurt|harm|"
    r"hurting|harming) (yourself|your (arms?|wrists?|thighs?|legs?|skin|stomach|body))",
    r"\b(take|swallow|crush|crushing|taking|swallowing|down|mix|mixing) (all of |all |a handful "
    r"of |handfuls of |the whole |the entire |an entire |a whole |\d+ |every |the rest of )(bottle "
    r"of |box of |pack of |packet of |strip of |blister pack of )?(your |the |of |those |these |"
    r"them |of your |of the |of those )?"
    rf"({_PILLS}|{_DRUGS}|them|it)\b",
    rf"\b(whole|entire|full|half a|half the) (bottle|box|pack|packet|strip|blister pack|"
    rf"supply|stash|prescription)( of)? (your |the |those |these )?({_PILLS}|{_DRUGS})",
    rf"\b(stockpile|stockpiling|save up|saving up|collect|collecting|hoard|hoarding|stash|"
    rf"stashing) (your |the |enough |some |up )*({_PILLS}|{_DRUGS})\b",
    rf"\b(mix|mixing|combine|combining|with|and) (alcohol|vodka|wine|beer|booze|drink|"
    rf"whisky|whiskey)( \w+){{0,3}} (with |and )?({_PILLS}|{_DRUGS})|\b({_PILLS}|{_DRUGS})"
    rf"( \w+){{0,3}} (with|and|plus) (alcohol|vodka|wine|beer|booze|whisky|whiskey)\b",
    rf"\bhow (many|much) ({_PILLS}|{_DRUGS}|of them|of those|of these)\b|\bhow many (would it "
    r"take|it takes|does it take|it would take|you would need|you need)\b",
    rf"\benough ({_PILLS}|{_DRUGS}|of them|of those|of these)( \w+){{0,3}} (to|for|that|"
    r"and|would|will)\b",
    r"\b(to make sure|make sure|to ensure|ensure|so that) (it is|you are|the|you|it) "
    r"(fatal|lethal|dead|death|die|succeeds|do not survive|will not survive|"
    r"not found|are not found|not be found|no one finds|nobody finds)",
    r"\bbefore (anyone|someone|somebody|they|your (family|parents|flatmate|partner)) "
    r"(can )?(finds|find|stop|save|reach) (you|it|out)\b",
    r"\b(write|writing|leave|leaving) (a |your |the )?(suicide|final) (note|letter)",
    r"\b(where|how) (to|can you|you can|could you|you could) (buy|get|obtain|order|find|"
    r"source|purchase) (a |the |some |enough )?(gun|firearm|pistol|handgun|rifle|shotgun|"
    rf"bullets|ammo|rope|helium|charcoal|{_PILLS}|{_DRUGS}|poison|cyanide)",
)

_POISON = (
    r"\b(cyanide|arsenic|sodium nitrite|nitrites?|antifreeze|anti-freeze|rat poison|paraquat|"
    r"strychnine|ricin|thallium|weed ?killer|pesticides?|insecticide|ethylene glycol|drain "
    r"cleaner|tolu?ene)\b",
)

_WEAPON = (
    r"\b(bring|take|carry|pack|grab|get|buy|load|loading|hold|holding|pull out|point|"
    r"pointing|aim|aiming|sharpen|keep|hide|use|using|wave|wield) (a |the |your |his |her |"
    r"their |my |some |that |this |an )?(loaded |kitchen |sharp |big |hunting |steak |old |"
    r"dad's |his )?(knife|knives|blade|machete|axe|gun|guns|"
    r"firearm|pistol|handgun|revolver|rifle|shotgun|weapon|weapons|crossbow|bat|baseball bat|"
    r"hammer|taser|pepper spray|bullets|ammo)\b",
    r"\b(load the|cock the|safety off|pull the trigger|squeeze the trigger|trigger "
    r"finger|chamber a round)\b",
    r"\b(gun|firearm|pistol|handgun|rifle|shotgun|bullet)s? (to|in|against|at|under|into) "
    r"(your|the|his|her|their|my) (head|temple|mouth|chest|heart|chin)",
    r"\b(gun|guns|firearm|firearms|pistol|handgun|revolver|rifle|shotgun|bullet|bullets|ammo|"
    r"ammunition)\b(?! points?)(?! journal)",
)

_OTHERS = (
    r"\b(how|ways|way|best way|easiest way) to (hurt|poison|kill|stab|strangle|choke|harm|"
    r"injure|murder|shoot|suffocate|smother|drown) (someone|somebody|him|her|them|a person|"
    r"people|your|my|his|their|the|a|an)\b",
    r"\b(how|ways|way|best way|easiest way) to (attack|beat|beat up|punch|hit|burn|drug|"
    r"slap|kick) (someone|somebody|him|her|them|a person|people|my|his|their)\b",
    r"\b(poison|poisoning|drug|drugging|spike|spiking) (him|her|them|someone|somebody|your|his|"
    r"their|the baby|the child|my|a person)\b",
    r"\b(put|slip|add|mix|pour|crush|sprinkle|stir) (it|something|some|bleach|antifreeze|rat "
    r"poison|poison|pills|the pills|tablets|them) (in|into) (his|her|their) "
    r"(drink|food|coffee|tea|juice|water|milk|bottle|formula|meal|dinner|lunch|cereal|glass)",
    r"\b(without (getting caught|being caught|leaving (a |any )?(trace|marks|evidence|"
    r"bruises)|anyone (knowing|finding out|noticing)|them (knowing|noticing|seeing it coming)|"
    r"a trace)|make it look like (an accident|a suicide|natural|self-defen[cs]e)|undetectable|"
    r"untraceable|cover your tracks|get away with (it|hurting|killing))",
    r"\b(teach|show) (him|her|them|that (guy|girl|kid|man|woman|bully|person)) a lesson\b",
    r"\b(he|she|they|that (guy|girl|kid|man|woman|bully|person)|your (stepdad|dad|father|mum|mom|"
    r"mother|boss|ex|partner|brother|sister|teacher|neighbou?r|baby|child|kid)) "
    r"(deserves?|deserve) (to )?(die|to die|death|to suffer|suffer|pain|to be hurt|to get hurt|"
    r"what is coming|a beating|to be punished|to be killed)\b",
    r"\b(get|take|have) (your |some )?revenge\b|\bpay (him|her|them) back\b",
    rf"\b{_YOU} (should|could|can|might|need to|have to|ought to) (just )?(hurt|hit|attack|kill|"
    r"punch|stab|beat|beat up|shoot|poison|strangle|choke|slap|shake|smother|burn|drown|harm|"
    r"threaten|get back at) (him|her|them|someone|somebody|his|their|that (guy|girl|kid|man|"
    r"woman|bully|person)|your (stepdad|dad|father|mum|mom|mother|boss|ex|partner|baby|child|"
    r"kid|brother|sister|teacher|neighbou?r|husband|wife|boyfriend|girlfriend|bully))\b",
    r"\b(stab|shoot|strangle|choke|smother|suffocate|beat|kill|murder|poison|drown|"
    r"punch) (him|her|them|your (stepdad|dad|father|mum|mom|mother|boss|ex|partner|baby|"
    r"child|kid|brother|sister|teacher|neighbou?r|husband|wife|boyfriend|girlfriend)) "
    r"(when|while|before|after|in|with|until|so|and|as|tonight|today|tomorrow|first|hard|"
    r"where|then)\b",
    r"\b(aim for|go for|hit (him|her|them) in|strike) (the |his |her |their )?(head|throat|neck|"
    r"temple|eyes|knees|groin|kidneys|chest|heart|face)\b",
    r"\b(shake|shaking|hit|hitting|smack|smacking|slap|slapping) (the |your |a )?(baby|infant|"
    r"toddler|child|kid)( \w+){0,3} (to|until|so|harder|if|when|and)\b",
)

PHRASES: dict[str, tuple[str, ...]] = {
    "encouragement": _ENCOURAGE,
    "eating_disorder": _EATING,
    "concealment": _CONCEAL,
    "method": _METHOD,
    "poison": _POISON,
    "weapon": _WEAPON,
    "harm_to_others": _OTHERS + reply_others.OTHERS,
    "amount": reply_others.AMOUNTS,
    "stance": reply_stance.PHRASES,
}

# Cue pairs, read over two sentences at a time ("Paracetamol is the one. Forty of those
# would do it."). The hotline numbers are removed before a number cue is looked for.
PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    "dose": (
        (_DRUGS, _DEATH_LOOSE),
        (_DRUGS, _NUMBER),
        (_PILLS, _DEATH),
        (
            rf"\b\d+ (or so |or more |or \d+ |to \d+ |-\d+ )?(of )?(those |these |the |your |them |"
            rf"of those |of these |of the |of your )?({_PILLS}|{_DRUGS})",
            r".",
        ),
        (
            r"\b\d+(\.\d+)? ?(mg|milligrams?|mcg|micrograms?|g|grams?|ml|millilit(re|er)s?|"
            r"units)\b",
            rf"({_PILLS}|{_DRUGS}|{_DEATH}|\btake\b|\bswallow)",
        ),
        (r"\b\d+(\.\d+)? ?(mg|milligrams?|mcg|micrograms?|g/kg|mg/kg)\b", r"."),
        (r"\b\d+ (of them|of those|of these)\b", _DEATH_LOOSE),
        (
            r"\b(bottles?|box|boxes|packs?|packets?|strips?|blister packs?|handfuls?) of\b",
            _DEATH_LOOSE,
        ),
        (r"\b(a |one |the )?(full |whole |entire )?(bottle|pack|packet|strip)s?\b", _DEATH_LOOSE),
    ),
    "means": ((_MEANS, _HARM), (reply_others.PLACE, reply_others.NO_STOP)),
    "numbers": ((_NUMBER, _DEATH),),
    "go_ahead": reply_stance.PAIRS,
}

# Any one of these in an unfinished fragment keeps it from being shown (reply.risky_fragment).
CUES = re.compile(rf"{_PILLS}|{_DRUGS}|{_MEANS}|{_POISON[0]}|\b(tab|tabs|pil|dos|mg)\b")
