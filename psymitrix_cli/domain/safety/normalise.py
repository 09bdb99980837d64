"""Text normalisation for the rules: one canonical spelling for what people type.

Lower-case, straight quotes, accents off, letters repeated three times or more cut to
two ("dieeee" -> "diee" -> "die"), contractions and slang expanded ("im gonna kms
tonite" -> "i am going to kill myself tonight"), then split into clauses.

Every rewrite whose apostrophe is optional must not turn a real word into something
else: "were" is a word, so only "we're" (with the apostrophe) becomes "we are"; "ill"
is a word, so it becomes "i will" only before a verb; "its" and "dads" keep their
meaning as possessives (a possessive "'s" loses its apostrophe, it never becomes "is").
"""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


QUOTES = str.maketrans(
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
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00df": "ss",
    }
)
SPACES = re.compile(r"\s+")

# "'s" means "is" after these; after a noun it is a possessive ("my dad's gun" -> "dads").
_IS_AFTER = words(
    "it that what there here he she who where how when everything nothing life this today "
    "tonight everyone everybody nobody noone someone something one time world which why "
    # Means and places, where "'s" is far likelier "is" than a possessive ("the gun's loaded").
    "gun rifle pistol shotgun knife blade rope noose car engine door bath garage bottle plan "
    "note letter window roof bridge"
)
_NOT_STEMS = words("do does did is are was were would could should has have had must need")
_DRUG_NAMES = words(
    "paracetamol acetaminophen tylenol ibuprofen advil aspirin codeine tramadol oxycodone oxy "
    "oxycontin morphine fentanyl sertraline zoloft fluoxetine prozac citalopram escitalopram "
    "lexapro amitriptyline venlafaxine mirtazapine quetiapine seroquel lithium diazepam valium "
    "xanax alprazolam lorazepam zopiclone zolpidem ambien benadryl diphenhydramine nytol "
    "propranolol benzos opioids opiates methadone pregabalin gabapentin lamotrigine "
    "antidepressants painkillers cocodamol codamol dihydrocodeine dydramol naproxen temazepam "
    "clonazepam olanzapine digoxin warfarin nortriptyline dosulepin"
)
# One token in, its canonical words out. Named drugs become "pills": the rules ask what a
# person means to do with them, not which one.
_TOKENS: dict[str, str] = {
    **{f"{stem}nt": f"{stem} not" for stem in _NOT_STEMS},
    **{f"{stem}n't": f"{stem} not" for stem in _NOT_STEMS},
    **dict.fromkeys(_DRUG_NAMES, "pills"),
    **dict.fromkeys(["cant", "can't"], "cannot"),
    **dict.fromkeys(["wont", "won't"], "will not"),
    **dict.fromkeys(["aint", "ain't"], "am not"),
    "dnt": "do not",
    **dict.fromkeys(["im", "i'm", "iam"], "i am"),
    **dict.fromkeys(["ive", "i've"], "i have"),
    "i'll": "i will",
    "i'd": "i would",
    **dict.fromkeys(["youre", "you're"], "you are"),
    **dict.fromkeys(["theyre", "they're"], "they are"),
    "we're": "we are",  # apostrophe required: "were" is a word
    **{f"{w}s": f"{w} is" for w in ("that", "what", "there", "he", "she", "it")},
    "wats": "what is",
    **dict.fromkeys(["wat", "wut"], "what"),
    **dict.fromkeys(["imma", "ima"], "i am going to"),
    **dict.fromkeys(["gonna", "gunna", "gona", "gna", "finna"], "going to"),
    **dict.fromkeys(["wanna", "wana"], "want to"),
    **dict.fromkeys(["wnat", "wamt", "wan", "wna", "wnna"], "want"),
    "gotta": "got to",
    **dict.fromkeys(
        ["tonite", "2nite", "2night", "tonigh", "tonyt", "tonght", "tnight"], "tonight"
    ),
    "2day": "today",
    **dict.fromkeys(
        ["2moro", "2morrow", "tmrw", "tmr", "tomoz", "tommorow", "tomorow", "tommorrow"],
        "tomorrow",
    ),
    "rn": "right now",
    "tn": "tonight",
    **dict.fromkeys(["boutta", "bouta", "aboutta"], "about to"),
    "wnt": "want",
    **dict.fromkeys(["abt", "bout"], "about"),
    **dict.fromkeys(["rly", "rlly", "realy"], "really"),
    "u": "you",
    **dict.fromkeys(["bc", "cuz", "coz", "cos"], "because"),
    "tho": "though",
    "idk": "i do not know",
    **dict.fromkeys(["pils", "pillz"], "pills"),
    **dict.fromkeys(["myslef", "meself", "myselfe", "myselve", "myselv"], "myself"),
    **dict.fromkeys(["kil", "kille"], "kill"),
    **dict.fromkeys(["kils"], "kills"),
    **dict.fromkeys(["kiling"], "killing"),
    **dict.fromkeys(["kiled"], "killed"),
    "kms": "kill myself",
    "unalive": "kill",
    "unaliving": "killing",
    "unalived": "killed",
    **dict.fromkeys(["ded", "dedd"], "dead"),
    "soo": "so",
    "diee": "die",
    **dict.fromkeys(["iwant", "iwanna"], "i want"),
    **dict.fromkeys(["ineed"], "i need"),
    **dict.fromkeys(["iwill"], "i will"),
    **dict.fromkeys(["sucide", "suicde", "suiside", "suicied", "suicidee"], "suicide"),
    **dict.fromkeys(["sucidal", "suicdal", "suicidial", "suisidal", "suicidle"], "suicidal"),
}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Phrases that a token map cannot see, before and after it.
_BEFORE: tuple[tuple[str, str], ...] = (
    (r"([a-z])\1{2,}", r"\1\1"),  # "dieeee" -> "diee" (-> "die"), "killll" -> "kill"
    (r"\bun-aliv(e|ing|ed)\b", r"unaliv\1"),
    # "unalive" with no one after it is said of oneself ("i want to unalive").
    (
        r"\bunalive\b(?! (myself|yourself|himself|herself|themselves|him|her|them|you|me|someone))",
        "unalive myself",
    ),
    (r"\bco-codamol\b", "cocodamol"),
    (r"\bself[- ]harm", "selfharm"),
    (r"\bmy sel[fv]e?\b", "myself"),
    (r"\bdi{1,2}e{1,2}\b", "die"),  # "diie", "diee" after the cut to two
)
_VERBS_AFTER_ILL = (
    r"kill|end|do|jump|take|be|never|just|cut|hang|overdose|die|make|go|probably|finally|"
    r"always|hurt|shoot|stab|try|leave|see|miss|walk|drive|swallow"
)
_AFTER: tuple[tuple[str, str], ...] = (
    (rf"\bill ({_VERBS_AFTER_ILL})\b", r"i will \1"),
    (r"\bid (rather|never|be|just|love|like|kill|do)\b", r"i would \1"),
    (r"\b(want|going|need|have|ready|about|got) 2\b", r"\1 to"),
    (r"\bto b\b", "to be"),
    # "kys" said of oneself ("i wanna kys") is "kill myself"; otherwise it is aimed at someone.
    (r"\b(i|to|should|might|will|just) kys\b", r"\1 kill myself"),
    (r"\bkys myself\b", "kill myself"),
    (r"\bkys\b", "kill yourself"),
    (r"\bkill myself myself\b", "kill myself"),
    (r"\b(self ?delete|delete myself|sewer ?slide|commit sudoku)\b", "commit suicide"),
    (r"\bto od\b", "to overdose"),
    (r"\b(he|she|it) is got\b", r"\1 has got"),  # "he's got a knife"
    (r"\bcommit die\b", "commit suicide"),
    # "i want to dye" with nothing dyed is a typo for "die".
    (
        r"\b(want to|going to|ready to|wish i could|i could just) dye\b(?! (my|your|her|his|it|the|"
        r"them|this|that|our|their|a|some))",
        r"\1 die",
    ),
    # "no way i would kill myself" is a negation the word-window check cannot see.
    (r"\bno way i (would|will)\b", r"i \1 never"),
    (r"\bno way (am i|i am) going to\b", "i am never going to"),
)
_CLAUSE_SPLIT = re.compile(r"[.!?;:,\n()\"]+|\b(?:but|though|although|however)\b")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_compiled: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _rewrites(name: str, specs: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    if name not in _compiled:
        _compiled[name] = [(re.compile(p), r) for p, r in specs]
    return _compiled[name]


def _token(match: re.Match[str]) -> str:
    word = match.group()
    found = _TOKENS.get(word)
    if found is not None:
        return found
    stem, _, suffix = word.partition("'")
    if not suffix:
        return word
    if suffix == "s":
        return f"{stem} is" if stem in _IS_AFTER else f"{stem}s"
    return stem + {"ll": " will", "d": " would", "ve": " have", "re": " are"}.get(suffix, suffix)


def fold(text: str) -> str:
    """Lower-case, straight quotes and no accents: the shape every language's rules read."""
    text = unicodedata.normalize("NFKD", text.lower().translate(QUOTES))
    if not text.isascii():
        text = "".join(ch for ch in text if not "\u0300" <= ch <= "\u036f")
    return text


def normalise(text: str, folded: bool = False) -> str:
    """The English canonical form of a whole message (one string, words and punctuation)."""
    if not folded:
        text = fold(text)
    for pattern, replacement in _rewrites("before", _BEFORE):
        text = pattern.sub(replacement, text)
    text = _TOKEN.sub(_token, text)
    for pattern, replacement in _rewrites("after", _AFTER):
        text = pattern.sub(replacement, text)
    return text


def clauses(norm: str) -> list[str]:
    """Split a normalised message into clauses of plain words."""
    out = []
    for raw in _CLAUSE_SPLIT.split(norm):
        clause = SPACES.sub(" ", _NON_WORD.sub(" ", raw)).strip()
        if clause:
            out.append(clause)
    return out


# --- is this message mainly in English? ------------------------------------------

_ENGLISH = words(
    "the and you i my it is to of that this was for with have not be are on at just "
    "so but what all me we they he she do can will would about feel like want know "
    "am been get got its im dont cant really very today"
)
# Common words of the languages people most often write in here that English lacks.
_FOREIGN = words(
    # Spanish
    "que el los las una estoy quiero muy pero por para yo es esta tengo puedo nada mas voy "
    "matar suicidar vou morrer quero "
    "ya mi vida todo hoy porque cuando como tambien soy hacer morir vivir "
    # French
    "je ne pas les et est suis mais moi mon ma veux vais plus tout avec pour une des "
    "j'ai c'est envie mourir vivre rien jamais aujourd'hui "
    # German
    "ich nicht und der das bin ist mich mir will sein ein eine auch aber mehr heute "
    "nur habe kann sterben leben wirklich immer "
    # Portuguese
    "eu nao voce um estou vou mais muito com minha meu quero morrer viver hoje tambem "
    # Italian
    "io non che di il sono voglio mi ma piu per con oggi della anche sempre morire "
    "vivere niente "
    # Dutch
    "ik niet het een ben wil dat maar mijn ook nog geen "
    # Hindi / Urdu, romanised
    "mujhe main hai hoon hun nahi nahin kya mera meri aaj bahut koi kuch lagta karna "
    "hain tha thi aur kyun ab bhi jaana chahta chahti zindagi"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def looks_non_english(text: str, folded: str | None = None) -> bool:
    """True when a message seems to be mainly in another language or script.

    A heuristic for telling the person that the screen reads English best: letters
    mostly outside Latin script, or more common words of other languages than of English.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    if sum(not ch.isascii() and not _latin(ch) for ch in letters) > len(letters) * 0.3:
        return True
    words = _WORD.findall(fold(text) if folded is None else folded)
    english = sum(w in _ENGLISH for w in words)
    foreign = sum(w in _FOREIGN for w in words)
    return foreign >= 1 and foreign > english


def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")
