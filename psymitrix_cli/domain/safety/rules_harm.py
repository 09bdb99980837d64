"""Harm to another person and abuse happening now: acute, with their own kinds
(`harm_to_others`, `abuse_now`) so the crisis panel can put the emergency number first.

"I'm going to kill him" is often an idiom ("...he ate my leftovers"), so kill, murder and
hurt aimed at someone are concern (rules_concern) until a time, a weapon or a plan makes
them acute; violent verbs that are rarely idioms (stab, shoot, strangle, poison) and
any threat to a child are acute on their own.
"""

from __future__ import annotations

from psymitrix_cli.domain.safety.engine import AB_NOW, HO, rule
from psymitrix_cli.domain.safety.vocab import CHILD, INTENT, KIN, VICTIM, WEAPON

_VIOLENT = (
    r"(stab|shoot|strangle|smother|suffocate|poison|choke|drown|beat (him|her|them) up|beat|"
    r"set fire to|burn|attack|bash|slit)"
)
_NOT_IDIOM = (
    r"\b(?! (at|in) (chess|cards|football|tennis|a game|the game|fifa|monopoly|pool|golf)| a "
    r"(text|message|look|line|email)| up| some hoops| for (spoiling|eating|taking|borrowing|"
    r"forgetting|being|telling|not))"
)
_ABUSER = rf"(he|she|they|my {KIN}|my {KIN}s|someone|somebody|a man|a guy|a woman|the man)"

HARM = (
    rule(
        r"shoot(ing)? up (the|a|my) (school|office|work|workplace|church|mall|class|mosque|"
        r"synagogue|college|university)",
        rf"(bring|bringing|take|taking|took)( \w+){{0,3}} {WEAPON} (to|into) (school|work|class|"
        r"college|church|the office)",
        rf"{INTENT} run (him|her|them|my {KIN}s?) over",
        rf"(going to|planning to|plan to|will|about to|i am going to|want to) {_VIOLENT} {VICTIM}"
        + _NOT_IDIOM,
        rf"(going to|planning to|plan to|will|about to|want to|i am going to) (kill|hurt|harm|"
        rf"hit|shake|drown|smother) (my|the|our|his|her) {CHILD}",
        r"(scared|afraid|worried|frightened|terrified) (that )?i (will|am going to|might|could) "
        rf"(hurt|harm|kill|shake|smother|drown|hit|suffocate|snap and hurt) (my|the|our) {CHILD}",
        rf"i (shook|hit|hurt|smothered|slapped|punched|choked|threw) (my|the|our) {CHILD}( \w+)"
        r"{0,3} (hard|again|until)",
        rf"(feel like|think) i (am going to|will|might) (hit|hurt|kill|shake) (my|the) {CHILD}",
        rf"({WEAPON}|a bat|a gun|a knife)( \w+){{0,4}} (waiting for (him|her|them)|outside "
        r"(his|her|their) (house|home|flat|work|school)|when (he|she|they) (get|gets|come|comes))",
        r"(burn|set fire to) (down )?(his|her|their|my \w+s?|the) (house|home|flat|car)( \w+){0,3}"
        r" (with (him|her|them)|inside)",
        r"with (him|her|them) (still )?(in|inside)( it)?$",
        tier="acute",
        kind=HO,
        negated="concern",
        person=False,
    ),
    rule(
        rf"{_ABUSER} (is|are)( \w+){{0,3}} (hitting|beating|choking|strangling|hurting|attacking|"
        r"kicking|punching|raping|slapping|threatening|stabbing|dragging|throwing) (me|us|my \w+)",
        r"(he|she|they|someone|somebody|a man|a guy|a car) (is|are|keeps?) (following|stalking) me",
        rf"{_ABUSER} (has |have )?just (hit|punched|slapped|kicked|choked|strangled|hurt|attacked|"
        r"raped|assaulted|stabbed|beat|threw|pushed|shoved|dragged|burned|burnt|bit) me",
        r"(trying|going) to (break|kick|smash) (the|my) door (down|in)",
        r"(breaking|kicking|banging on|smashing) (the|my) door( down)?( right now| now)",
        r"(breaking|kicking|smashing) (the|my) door (in|down)",
        r"(locked|trapped) in( \w+){0,3} (and|but) (he|she|they) (will not|would not|"
        r"is not letting|"
        r"are not letting) (let )?me (out|leave|go)",
        r"i am (hiding|locked in|barricaded|trapped) (in|from|inside|under|behind)( \w+){0,4} "
        r"(because|from|while|and) (he|she|they|my)",
        rf"{_ABUSER} (has|have|has got|have got|is holding|got|is carrying) a (knife|gun|weapon|"
        rf"bat)( \w+){{0,3}} "
        r"(threatening|and|saying)",
        r"(bleeding|hurt) from where (he|she|they) (hit|punched|kicked|cut|stabbed) me",
        r"(will not|does not|do not|are not letting|is not letting) let me (leave|go|out)"
        r"( \w+){0,3} (took|taken|and i am scared|scared|hit|locked)",
        r"(took|taken|have|has) my passport",
        r"(knife|gun|blade|pistol) (to|against|at) my (throat|head|neck|chest|temple)",
        r"(someone|somebody|a man|a guy|people|they|he|she) (broke|has broken|is breaking|are "
        r"breaking|have broken|just broke) (in|into)",
        r"(someone|somebody|a man|a guy|people|they|he|she) (is|are) trying to (get|break|force "
        r"(his|their|her) way) (in|into)",
        rf"{_ABUSER} (is|are)( \w+){{0,3}} threatening to (kill|hurt|stab|shoot|strangle) (me|us|"
        r"my \w+|her|him|them)",
        tier="acute",
        kind=AB_NOW,
        person=False,
    ),
    rule(
        rf"{_ABUSER} (has|have|has got|have got|is holding|got|is carrying|is waving) a (knife|"
        r"gun|weapon|bat|"
        r"machete)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(locked|hiding|scared|threaten\w*|help|kill me|hurt me|right now|terrified)\b",
    ),
    rule(
        r"i am hiding (in|under|from|behind|upstairs|downstairs)",
        tier="acute",
        kind=AB_NOW,
        person=False,
        needs=r"\b(looking for me|coming for me|is drunk|is angry|broke in|hurt me|hit me|he is|"
        r"she is|they are|he will|she will|kill me|hurt me|intruder)\b",
    ),
)
