"""A deterministic safety screen for chat text. Pure, stdlib-only, microseconds.

Every user message is screened before it reaches a model:
- "acute": current intent, a plan, means at hand, method-seeking, or a recent
  attempt. The caller replies with the fixed crisis message and keeps the chat open.
- "concern": passive ideation ("I wish I could disappear"), hopelessness,
  worthlessness, self-harm (ongoing or past), abuse, or suicide mentioned in passing.
  The model gets SAFETY_INSTRUCTION and the reply gets CONCERN_FOOTER.
- "none": everything else, including idioms ("this deadline is killing me").

Choices, on purpose:
- Errors lean towards showing help: "I want to die" is acute, "kms" is read as
  "kill myself" even when it may be a joke.
- A negated suicide phrase ("I'm not going to kill myself", "I'm not suicidal")
  is "concern": the topic is live, so a gentle check-in fits. A negated general
  phrase ("I don't want to die", "I would never hurt myself") is "none": people say
  that during panic or to reassure, and it is no sign of risk on its own.
- Past tense with a history marker ("I tried to kill myself when I was 15",
  "I used to cut myself") is "concern", not "acute".
- Third parties ("my friend wants to kill herself") are "concern".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from psymitrix_cli.domain.safety.types import NONE as _NONE
from psymitrix_cli.domain.safety.types import TIER_ORDER, Screen, Tier

# --- normalisation ---------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)

# Order matters: specific contractions before the generic "'s"/"'d" ones.
_REWRITES = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\bcan'?t\b", "cannot"),
        (r"\bwon'?t\b", "will not"),
        (r"\bain'?t\b", "am not"),
        (
            r"\b(do|does|did|is|are|was|were|would|could|should|has|have|had|must|need)n'?t\b",
            r"\1 not",
        ),
        (r"\bi'?m\b", "i am"),
        (r"\bi'?ve\b", "i have"),
        (r"\bi'll\b", "i will"),
        (r"\bi'd\b", "i would"),
        (r"\b(you|we|they)'?re\b", r"\1 are"),
        (r"\b(that|what|there|it|he|she)s\b", r"\1 is"),
        (r"\b(\w+)'s\b", r"\1 is"),
        (r"\b(\w+)'ll\b", r"\1 will"),
        (r"\b(\w+)'d\b", r"\1 would"),
        (r"\b(\w+)'ve\b", r"\1 have"),
        (r"\bim+a\b", "i am going to"),
        (r"\bgonna\b", "going to"),
        (r"\bwann?a\b", "want to"),
        (r"\bgotta\b", "got to"),
        (r"\b(my ?sel[fv]e?|myslef|meself)\b", "myself"),
        (r"\bkil(l?)(ing|ed|s)?\b", r"kill\2"),
        (r"\bkms\b", "kill myself"),
        (r"\bkys\b", "kill yourself"),
        (r"\bun-?aliv(e|ing|ed)\b", r"kill\1"),
        (r"\bkille\b", "kill"),
        (r"\b(self[- ]?delete|delete myself)\b", "kill myself"),
        (r"\bcommit sudoku\b", "commit suicide"),
        (r"\b(sucide|suicde|suiside|suicied|sewer ?slide)\b", "suicide"),
        (r"\b(sucidal|suicdal|suicidial|suisidal|suicidle)\b", "suicidal"),
        (r"\bto od\b", "to overdose"),
        (r"\bded\b", "dead"),
        (r"\bself[- ]harm", "selfharm"),
        # "no way i would kill myself" is a negation the word-window check cannot see.
        (r"\bno way i (would|will)\b", r"i \1 never"),
        (r"\bno way (am i|i am) going to\b", "i am never going to"),
    )
)
_CLAUSE_SPLIT = re.compile(r"[.!?;:,\n()\"]+|\b(?:but|though|although|however)\b")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> list[str]:
    """Lower-case, straighten quotes, expand contractions and slang, split into clauses."""
    text = text.lower().translate(_QUOTES)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    clauses = []
    for raw in _CLAUSE_SPLIT.split(text):
        clause = _SPACES.sub(" ", _NON_WORD.sub(" ", raw)).strip()
        if clause:
            clauses.append(clause)
    return clauses


# --- rules -----------------------------------------------------------------------

_NEGATIONS = frozenset({"not", "never", "no", "refuse", "nobody"})
# A negation only reaches the phrase if no new subject or conjunction intervenes:
# "i am not okay i want to die" must stay acute.
_SCOPE_BREAKS = frozenset({"i", "and", "so", "because", "if", "then", "when", "just"})
_HISTORY = re.compile(
    r"\b(used to|years ago|a year ago|months ago|last (year|month|summer|winter|spring|autumn"
    r"|fall)|when i was|in the past|as a (kid|child|teen|teenager)|in (high school|college"
    r"|school|uni)|back (then|in)|in (19|20)\d\d|a long time ago)\b|\bbefore$"
)

_INTENT = (
    r"(going to|want to|will|about to|planning to|plan to|ready to|need to|have to|"
    r"decided to|might|should just|should i|should i just|think i will)"
)
_PEOPLE = (
    r"(everyone|everybody|people|them all|all of them|my (whole )?(class|classmates|"
    r"school|coworkers|colleagues|family))"
)
_RELATIONS = (
    r"(he|she|they|my (partner|husband|boyfriend|wife|girlfriend|dad|father|stepdad|"
    r"stepfather|mom|mum|mother|stepmom|stepmother|parents?|brother|sister|uncle|ex|"
    r"boss))"
)
_DRUGS = r"(pills|tablets|meds|medication|medicine|painkillers|sleeping pills|paracetamol|tylenol)"
_LOTS = (
    r"(all (of )?my|a bunch of|too many|a whole (bottle|box|pack|packet) of|\d{2,}|twenty|"
    r"thirty|forty|fifty)"
)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    tier: Tier
    kind: str | None
    negated: Tier | None  # the tier when a negation governs the phrase; None = ignore negation
    history: bool  # a history marker ("used to", "when i was") downgrades acute to concern
    consume: bool  # blank the span so later rules cannot see it


def _r(
    *phrases: str,
    tier: Tier,
    kind: str | None = None,
    negated: Tier | None = None,
    history: bool = False,
    consume: bool = False,
) -> _Rule:
    pattern = re.compile(r"\b(?:" + "|".join(phrases) + r")\b")
    return _Rule(pattern, tier, kind, negated, history, consume)


SI, SH, HO, HOPE, AB = "suicidal_ideation", "self_harm", "harm_to_others", "hopelessness", "abuse"


def _acute_si(*phrases: str) -> _Rule:
    """Suicidal intent: a negation makes it concern, a history marker makes it concern."""
    return _r(*phrases, tier="acute", kind=SI, negated="concern", history=True)


# Evaluated in order within each clause. A negation is looked for just before the
# match, or before its "core" group when the pattern has one.
_RULES: tuple[_Rule, ...] = (
    # Specific readings first, so the idioms below cannot swallow them.
    _r(
        rf"{_RELATIONS} (has |have )?(threatened|threatens|is threatening|said (he|she|they) "
        r"(would|will)|says (he|she|they) (will|would)) (to )?(kill|hurt) me",
        tier="concern",
        kind=AB,
        consume=True,
    ),
    _r(
        r"(told|tell|tells|telling|said|says) me to (go )?kill (myself|yourself)",
        tier="concern",
        kind=AB,
        consume=True,
    ),
    _r(r"want (someone|somebody|something|you) to kill me", tier="concern", kind=SI, consume=True),
    # Idioms: never a signal.
    _r(
        r"(kill|kills|killing|killed) me",
        r"kill(ing)? (it|time|the (process|lights|engine|vibe|mood))",
        r"kill (someone |somebody |anyone )?for (a|an|some)",
        r"dying (to|of|for)",
        r"(die|dying|died) (of|from) (embarrassment|shame|laughter|laughing|boredom|cringe|"
        r"curiosity)",
        r"die (my|your|her|his|their) hair",
        r"rather die than",
        r"suicide (squad|doors?|sprints?|drills?|mission|runs?|squeeze)",
        r"killing myself (at|over|trying|to (finish|get|meet|make|keep|pay))",
        r"(cut|hurt) myself (shaving|cooking|chopping|slicing|on (a|the|some)|by accident|"
        r"accidentally|while|at the gym|playing|lifting|running|when i fell)",
        r"cut myself (some )?slack",
        r"burn(ing|t|ed)? myself out",
        r"overdos\w* on (caffeine|coffee|sugar|chocolate|candy|netflix|tv|carbs|cuteness)",
        r"hopeless (at|with|romantic|case)",
        r"(hit|hits) me (with|up)",
        r"(beat|beats) me (at|in|to)",
        r"kick(s|ed)? me out",
        r"shoot (him|her|them|someone|you|me) (a|an) (text|message|email|line|dm)",
        tier="none",
        consume=True,
    ),
    # Acute: method-seeking, means, recent attempts, plans, farewells.
    _r(
        r"how (do|can|could|would|should|to) (i |you |one |someone |a person )?(kill (myself|"
        r"yourself)|commit suicide|die painlessly|end (my|your) life|overdose|hang (myself|"
        r"yourself))",
        r"lethal (dose|amount)",
        r"painless(ly)? (way|ways|method|methods) (to|of) (die|dying|go|end|kill|suicide)",
        r"painless death",
        r"how many (\w+ )?(pills|tablets|mg|milligrams) (would it take|does it take|"
        r"to (die|kill|overdose)|(is|are) (lethal|fatal))",
        tier="acute",
        kind=SI,
    ),
    _r(
        rf"(stockpil\w*|sav(e|ed|ing) up|hoard\w*) (my |the |all |all my |some |enough )?{_DRUGS}",
        r"(pills|tablets|meds|rope|noose|gun|blades|razor|razors)( \w+){0,3} "
        r"(ready|lined up|counted out|in front of me|set aside)\b(?! (for|to be|at)\b)",
        tier="acute",
        kind=SI,
        negated="concern",
    ),
    _acute_si(rf"{_INTENT} (just )?(overdose|(take|swallow) {_LOTS}( \w+)? {_DRUGS})"),
    _r(
        rf"(took|taken|swallowed) {_LOTS}( \w+)? {_DRUGS}",
        r"(took|taken) an overdose",
        tier="acute",
        kind=SI,
        negated="none",
        history=True,
    ),
    _acute_si(
        r"noose",
        r"goodbye (forever|cruel world|world)",
        r"(goodbye|farewell|suicide) (note|letter)s?",
        r"(my )?(final|last) goodbye",
        r"standing on (the|a) ledge",
        r"(jump|jumping) (off|from|in front of) (a|the|this) (bridge|roof|building|cliff|balcony|"
        r"ledge|train|bus|car|truck)",
        r"(kill(ing)? myself|hang(ing)? myself|commit(ting)? suicide|attempted suicide)",
        r"end(ing)? (myself|my (own )?life)",
        r"tak(e|ing) my (own )?life",
        r"end (it all|everything)",
        r"i (have |just |have just )?overdosed",
        r"feel like dying",
    ),
    # "end it" is only suicidal when nothing follows but a time: not "end it with him".
    _acute_si(
        rf"({_INTENT} (just )?end|(thinking (of|about)|considering|contemplating) end(ing)?) "
        r"(it|things)( (tonight|today|now|soon|for good|once and for all|this week|tomorrow))?$"
    ),
    _acute_si(
        r"(i am|i feel|i felt|i have been|i was|i get|feeling|been|getting)( \w+){0,3} "
        r"(?P<core>suicidal)\b(?! (thoughts|ideation|feelings|urges))"
    ),
    _acute_si(
        r"(thinking|thought|think|considering|contemplating|planning)( \w+){0,2} (about |of )?"
        r"(?P<core>suicide)"
    ),
    _acute_si(
        r"(have|had|having|get|getting)( \w+){0,2} "
        r"(?P<core>suicidal (thoughts|ideation|feelings|urges)|thoughts of suicide)"
    ),
    _r(
        r"(want to|ready to|deserve to|wish to|need to|longing to) die",
        r"want to be dead",
        r"(no longer|not|never) want to (live|be alive)\b(?! like this| this way| in)",
        tier="acute",
        kind=SI,
        negated="none",
        history=True,
    ),
    _r(
        r"(will not|cannot|does not|did not) stop bleeding",
        r"bleeding (a lot|heavily|badly)",
        r"cut (myself )?too deep",
        tier="acute",
        kind=SH,
    ),
    _r(
        rf"{_INTENT} (cut|hurt|harm|burn|hit|punish|starve) myself",
        tier="acute",
        kind=SH,
        negated="none",
        history=True,
    ),
    _r(
        r"shoot(ing)? up (the|a|my) (school|office|work|workplace|church|mall|class)",
        r"(bring|bringing|take|taking) a (gun|knife|weapon) to (school|work|class)",
        rf"(going to|planning to|plan to|will|about to) (kill|shoot|stab|murder) {_PEOPLE}",
        tier="acute",
        kind=HO,
        negated="concern",
    ),
    # Concern: passive ideation, burdensomeness, hopelessness, self-harm, abuse.
    _r(
        r"kill(s|ing|ed)? (himself|herself|themselves|themself|yourself)",
        r"wants to die",
        r"wanted to die",
        r"suicid\w*",
        r"overdose",
        r"better off dead",
        r"better off without me",
        r"(would|had) rather (be dead|not exist|not be alive)",
        r"wish(ed)? i (was|were) (dead|never born)",
        r"wish i (had )?never (been born|existed)",
        r"(never|not) wake up",
        r"sleep forever",
        r"no reason to (live|go on|keep going)",
        r"nothing to live for",
        r"not worth living",
        r"(no|what is the) point (in |of )?(living|life|going on|existing)",
        r"(nobody|no one) (would|will) (miss|care|notice)",
        r"give up on (life|living)",
        r"(tired|sick) of (living|life|being alive|existing)",
        r"done with (life|living)",
        r"giving away my (stuff|things|belongings)",
        r"(thoughts|thinking|think) (about|of) (dying|death|being dead)",
        r"(wish i could|want to|going to) (disappear|vanish|stop existing|cease to exist)"
        r"( forever| from (everything|this world|existence))?$",
        r"do not want to (exist|be here|wake up)( anymore)?",
        tier="concern",
        kind=SI,
        negated="none",
    ),
    _r(
        r"selfharm\w*",
        r"(been|keep|kept|started|start|stop) (cutting|hurting|harming|burning|starving) myself",
        r"(cut|cutting|burn|burning|harm|harming) myself",
        r"urges? to (cut|hurt|harm|burn)( myself)?",
        r"self injur\w*",
        r"(been|started|start|keep|kept) cutting( again)?$",
        r"cutting again",
        tier="concern",
        kind=SH,
        negated="none",
    ),
    _r(
        rf"{_RELATIONS} (hits|hit|beats|beat|hurts|chokes|choked|strangles|strangled|abuses|"
        r"abused|rapes|raped|kicks|kicked|slaps|slapped|punches|punched) me",
        r"touched me (inappropriately|sexually|without)",
        r"i am being (abused|beaten|hurt|raped|stalked|hit)",
        r"i was (raped|abused|molested|sexually assaulted|assaulted)",
        r"(afraid|scared) (to go home|of my (partner|husband|boyfriend|wife|girlfriend|dad|father|"
        r"mom|mum|mother|stepdad|parents))",
        tier="concern",
        kind=AB,
    ),
    _r(
        r"(want to|going to|will|planning to|thinking about|fantasi[sz](e|ing) about) (kill|"
        r"killing|hurt|hurting|stab|stabbing|shoot|shooting|murder|murdering) "
        rf"(him|her|them|someone|somebody|{_PEOPLE})",
        tier="concern",
        kind=HO,
        negated="none",
    ),
    _r(
        r"(feel|feeling|felt|am|so|completely|totally|utterly) hopeless",
        r"hopelessness",
        r"(life|living|everything|it all) (is|feels|seems) (hopeless|pointless|meaningless)",
        r"what is the point( of (anything|everything|it all|trying|even trying|getting up|me))?$",
        r"(there is )?no point in (anything|trying|going on)",
        r"no way out",
        r"(feel|feeling|am) (so )?(trapped|worthless|useless)",
        r"i am (a|such a) (burden|failure)",
        r"(a )?burden (to|on) (everyone|my family|others|them)",
        r"i hate myself",
        r"(nobody|no one) (cares|loves|wants) (about )?me",
        r"cannot (go on|do this anymore|live like this|take (it|this|much more) anymore|"
        r"keep going)",
        r"(do not|no longer) want to live like this",
        r"want (the|this) pain to (stop|end)",
        r"want it all to (stop|end)",
        r"dead inside",
        tier="concern",
        kind=HOPE,
        negated="none",
    ),
)


def _negated(clause: str, start: int) -> bool:
    for token in reversed(clause[:start].split()[-5:]):
        if token in _NEGATIONS:
            return True
        if token in _SCOPE_BREAKS:
            return False
    return False


def _screen_clause(clause: str) -> Screen:
    best = _NONE
    for rule in _RULES:
        spans = []
        for match in rule.pattern.finditer(clause):
            spans.append(match.span())
            if rule.tier == "none":
                continue
            tier: Tier = rule.tier
            core = match.start("core") if "core" in rule.pattern.groupindex else match.start()
            if rule.negated is not None and _negated(clause, core):
                tier = rule.negated
            elif rule.history and tier == "acute" and _HISTORY.search(clause):
                tier = "concern"
            if TIER_ORDER[tier] > TIER_ORDER[best.tier]:
                best = Screen(tier, rule.kind if tier != "none" else None)
        if rule.consume:
            for begin, end in spans:
                clause = clause[:begin] + " " * (end - begin) + clause[end:]
        if best.tier == "acute":
            return best
    return best


def screen_message(text: str) -> Screen:
    """Screen one user message: the highest tier across its clauses, with its kind."""
    best = _NONE
    for clause in _normalise(text):
        screen = _screen_clause(clause)
        if TIER_ORDER[screen.tier] > TIER_ORDER[best.tier]:
            best = screen
            if best.tier == "acute":
                break
    return best
