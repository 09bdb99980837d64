"""The offline companion: reflective listening with no network, no key and no model.

Replies are built from a small feelings lexicon and fixed templates, so they are
deterministic for a given conversation. Phrasing is picked by a stable hash of the
latest message and the turn number, so the companion does not say the same
sentence every turn. The chat service screens for crisis before this runs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from psymitrix_cli.ai.base import Message


@dataclass(frozen=True)
class Feeling:
    key: str
    terms: dict[str, str]  # what a person writes -> how we name it back ("worry" -> "worried")
    openings: tuple[str, ...]  # used with {feeling}
    validations: tuple[str, ...]  # follow a reflection of the person's own words
    questions: tuple[str, ...]
    command: str
    suggestions: tuple[str, ...]  # each names the command
    mention: str = "feeling {feeling}"


def _t(spec: str) -> dict[str, str]:
    """'a, b=c' -> {'a': 'a', 'b': 'c'}: a term, or a term and the name to reflect."""
    pairs = (item.strip().partition("=") for item in spec.split(","))
    return {term: (name or term) for term, _, name in pairs}


# Order is priority: the first feeling found in this order leads the reply.
# fmt: off
FEELINGS: tuple[Feeling, ...] = (
    Feeling(
        "anxious",
        _t("anxious, anxiety=anxious, worried, worry=worried, worries=worried, "
           "worrying=worried, nervous, stressed, stress=stressed, stressful=stressed, "
           "overwhelmed, overwhelming=overwhelmed, panic=panicky, panicking=panicky, "
           "panicky, panicked=panicky, scared, afraid, frightened, tense, on edge, uneasy"),
        ("It sounds like you're feeling {feeling}, and that can take up so much room.",
         "Feeling {feeling} like that is hard to sit with, so thank you for telling me.",
         "Being this {feeling} sounds exhausting to carry around."),
        ("That's a lot to carry.", "That can take up so much room.",
         "No wonder you feel on edge."),
        ("What feels most pressing about it right now?",
         "When did you first notice it building today?",
         "What's weighing on you the most?"),
        "psymitrix breathe",
        ("If it would help, `psymitrix breathe` can walk you through a few slow breaths.",
         "A couple of minutes with `psymitrix breathe` might help your body settle a little.",
         "When you're ready, `psymitrix breathe` offers a short guided breathing exercise."),
    ),
    Feeling(
        "low",
        _t("sad, unhappy, miserable, lonely, isolated, depressed, hopeless, heartbroken, "
           "grieving=full of grief, grief=full of grief, tearful, numb, down, low, empty, "
           "alone, low mood=low, crying=like crying"),
        ("I'm sorry you're feeling {feeling}; that sounds really hard.",
         "Feeling {feeling} can make everything seem heavier, and I'm glad you said it.",
         "It sounds like you've been feeling {feeling}, and that matters."),
        ("I'm sorry it's so hard right now.", "That sounds really heavy.",
         "Thank you for trusting me with that."),
        ("What has today been like for you?",
         "Has anything made it a little easier, even briefly?",
         "How long have you been feeling this way?"),
        "psymitrix gratitude add",
        ("When you feel up to it, noting one small okay moment with "
         "`psymitrix gratitude add` can be a gentle start.",
         "Some people find `psymitrix gratitude add` helps them notice small good moments, "
         "when they're ready."),
    ),
    Feeling(
        "angry",
        _t("angry, anger=angry, frustrated, frustrating=frustrated, frustration=frustrated, "
           "annoyed, irritated, furious, resentful, fed up, pissed off=angry, rage=angry, "
           "mad at=angry"),
        ("It makes sense to feel {feeling} when something gets to you like that.",
         "Feeling {feeling} is often a sign that something matters to you.",
         "It's okay to feel {feeling}; thank you for being honest about it."),
        ("It's okay to feel that way.", "That sounds really frustrating.",
         "Anyone might feel stirred up by that."),
        ("What happened that brought this up?", "What do you need most right now?",
         "What would feel fair to you here?"),
        "psymitrix journal add",
        ("Writing it out with `psymitrix journal add` can help get it off your chest.",
         "If it helps, `psymitrix journal add` is a private place to put those words down."),
    ),
    Feeling(
        "sleep",
        _t("tired, exhausted, drained, worn out, fatigued, sleepy=tired, "
           "insomnia=short on sleep, can't sleep=short on sleep, cannot sleep=short on sleep, "
           "couldn't sleep=short on sleep, can't fall asleep=short on sleep, "
           "trouble sleeping=short on sleep, not sleeping=short on sleep, "
           "barely slept=short on sleep, didn't sleep=short on sleep, "
           "awake all night=short on sleep, no sleep=short on sleep"),
        ("It sounds like you're {feeling}, and that wears on everything else.",
         "Being {feeling} makes every part of the day harder.",
         "That sounds tough; being {feeling} is no small thing."),
        ("That wears on everything else.", "That makes the whole day harder.",
         "Your body and mind both feel that."),
        ("How have your nights been lately?",
         "What usually goes through your mind when you're trying to rest?",
         "What does your evening usually look like before bed?"),
        "psymitrix sleep log",
        ("Tracking your nights with `psymitrix sleep log` can help you spot patterns.",
         "If you'd like, `psymitrix sleep log` can record last night so you can see trends."),
        mention="being {feeling}",
    ),
    Feeling(
        "busy_mind",
        _t("overthinking, racing thoughts, mind is racing=racing thoughts, "
           "mind racing=racing thoughts, can't stop thinking=not being able to stop thinking, "
           "keep thinking=going over things, spiraling, spiralling, ruminating, "
           "replaying=replaying things, too much on my mind=having too much on your mind, "
           "so much on my mind=having so much on your mind, "
           "can't switch off=not being able to switch off, busy mind=a busy mind"),
        ("It sounds like your mind has been busy, going over things again and again.",
         "A mind that won't switch off can be exhausting.",
         "It sounds like your thoughts have been running on a loop."),
        ("That can be exhausting.", "A busy mind is tiring.",
         "It's hard to rest when your thoughts won't."),
        ("What thought keeps coming back the most?",
         "If you wrote down what's on your mind, what would be at the top?",
         "What do you think your mind is trying to solve?"),
        "psymitrix journal add",
        ("Putting it on the page with `psymitrix journal add` can give your mind somewhere "
         "to set it down.",
         "`psymitrix journal add` can be a good place to unload some of those thoughts."),
        mention="{feeling}",
    ),
    Feeling(
        "positive",
        _t("happy, glad, grateful, thankful, proud, excited, joyful, relieved, calm, "
           "peaceful, hopeful, feeling good=good, feel good=good, feeling better=better, "
           "feel better=better, good day=good, great day=great, feeling great=great, "
           "feel great=great"),
        ("That's lovely to hear; it sounds like you're feeling {feeling}.",
         "I'm really glad you're feeling {feeling}.",
         "It's good to hear you sounding {feeling}."),
        ("That's really good to hear.", "I'm glad.", "That sounds like a good moment."),
        ("What do you think helped make it that way?",
         "What part of it would you like to remember?",
         "How would you like to carry this into the rest of your week?"),
        "psymitrix gratitude add",
        ("Moments like this are worth keeping, and `psymitrix gratitude add` can save it.",
         "You could capture it with `psymitrix gratitude add`, so it's there on harder days."),
    ),
)
# fmt: on
_BY_KEY = {f.key: f for f in FEELINGS}


@dataclass(frozen=True)
class Found:
    feeling: Feeling
    term: str  # the lexicon term that matched
    name: str  # how to name it back ("worried", "less than happy")
    start: int  # character offset in the text


_NEGATORS = {"not", "never", "no", "hardly", "nor"}
# Everyday words that only name a feeling right after one of these ("so low", "feel down").
_NEEDS_CUE = {"down", "low", "empty", "alone", "calm"}
_CUES = set(
    _t(
        "feel, feeling, feels, felt, so, really, very, pretty, quite, bit, kinda, super, been, "
        "am, i'm, im, too, all"
    )
)
_WORD = re.compile(r"[a-z']+")


def straighten(text: str) -> str:
    """Curly apostrophes to straight ones; the length stays the same, so offsets hold."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _negative(words: Sequence[str]) -> bool:
    return any(w in _NEGATORS or w.endswith("n't") or w == "cannot" for w in words)


def find_feelings(text: str) -> list[Found]:
    """Feelings named in text, at most one per kind, in priority order.

    A single-word feeling right after a negation ("not anxious") does not count,
    except a negated good feeling ("not happy"), which reads as low mood.
    """
    text = straighten(text)
    found: dict[str, Found] = {}
    for feeling in FEELINGS:
        for term, name in feeling.terms.items():
            pattern = rf"(?<![a-z']){re.escape(term)}(?![a-z'])"
            for match in re.finditer(pattern, text, re.IGNORECASE):
                # Only look back within the clause: "not anxious, just tired" is tired.
                clause = re.split(r"[,.;:!?]", text[: match.start()].lower())[-1]
                before = _WORD.findall(clause)[-3:]
                if term in _NEEDS_CUE and not (before and before[-1] in _CUES):
                    continue
                negated = not _negative(term.split()) and _negative(before)
                if not negated:
                    key, named = feeling.key, name
                elif feeling.key == "positive":
                    key, named = "low", f"less than {name}"
                else:
                    continue
                current = found.get(key)
                if current is None or match.start() < current.start:
                    found[key] = Found(_BY_KEY[key], term, named, match.start())
    return [found[f.key] for f in FEELINGS if f.key in found]


# --- reflecting a person's words back ------------------------------------------------

# Tables are written as "a=b, c" strings (see _t) to keep them readable.
_SWAPS = _t(
    "i=you, me=you, my=your, mine=yours, myself=yourself, i'm=you're, im=you're, "
    "i've=you've, ive=you've, i'd=you'd, i'll=you'll, "
    "we=you, we're=you're, we've=you've, our=your, ours=yours, us=you"
)
_AFTER_I = _t("am=are, was=were")
_SECOND_PERSON = set(_t("you, your, you're, yours, yourself, u, ur"))
_FILLERS = set(_t("honestly, well, and, but, so, just, ugh, um, also, tbh, ok, okay, yeah, hmm"))
_OK_STARTS = set(
    _t(
        "you, you're, you've, you'd, you'll, your, it, it's, everything, things, work, life, "
        "school, this, that, today, lately"
    )
)
# A clause that starts with a verb gets a subject: "can't sleep" -> "you can't sleep".
_PREFIX = _t(
    "feeling=you're, getting=you're, been=you've, feel=you, felt=you, can't=you, "
    "cannot=you, couldn't=you, keep=you, have=you, had=you, get=you, got=you"
)
_CLAUSE_BREAK = re.compile(
    r"(?<=[.!?])\s+|\s*[;\n]+\s*|,?\s+but\s+|,\s+(?:and|so)\s+", re.IGNORECASE
)
_PUNCT = ",.!?:"


def clause_with(text: str, start: int) -> str:
    """The clause of text around character offset start."""
    text = straighten(text)
    begin = 0
    for br in _CLAUSE_BREAK.finditer(text):
        if br.start() > start:
            return text[begin : br.start()]
        begin = br.end()
    return text[begin:]


def reflect(clause: str) -> str | None:
    """Turn "I'm worried about my exam" into "you're worried about your exam".

    None when the clause would not read well after "It sounds like": too short or
    long, addressed to the companion ("you"), or not starting like a statement.
    """
    if _RISKY.search(clause):
        return None  # never say risk back: the reply screen would rightly withhold it
    words = straighten(clause).strip(" .!?,:;-\"'").split()
    while words and words[0].lower().rstrip(_PUNCT) in _FILLERS:
        words.pop(0)
    lowered = [w.lower().rstrip(_PUNCT) for w in words]
    if not 2 <= len(words) <= 18 or _SECOND_PERSON & set(lowered):
        return None
    out: list[str] = []
    for word, low in zip(words, lowered, strict=True):
        after_i = _AFTER_I.get(low) if out and out[-1] == "you" else None
        swapped = _SWAPS.get(low) or after_i
        out.append(swapped + word[len(low) :] if swapped else word)
    first = lowered[0] if out[0] == words[0] else out[0].rstrip(_PUNCT)
    if first == "am":
        out[0] = "you're"
    elif first in _PREFIX:
        out[0] = f"{_PREFIX[first]} {first}"
    elif first in _OK_STARTS:
        out[0] = out[0].lower()
    else:
        return None
    return " ".join(out)


# Words the companion does not repeat back, whoever said them (see reflect).
_RISKY = re.compile(
    r"suicid|self-?harm|\bcut|\bkill|\bdie\b|\bdied\b|\bdying|\bdead\b|death|overdos|pills?\b|"
    r"tablets?\b|disappear|drown|\bend (it|my life)|starv|purg|throw(ing)? up|\bburn|bleed|hang|"
    r"\bgun|knife|blade|razor|bridge|jump|poison|hurt (myself|yourself|me|him|her|them)|"
    r"harm (myself|him|her|them)|not be here|better off without",
    re.IGNORECASE,
)


# --- the provider ---------------------------------------------------------------------

_GREETING = re.compile(
    r"^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening))\b[\s!.,]*"
    r"(there|psymitrix)?[\s!.]*$"
)
_THANKS = re.compile(r"^(thanks|thank you|thx|ty|cheers)\b.{0,30}$")
_WHO = re.compile(r"\bare you (an? )?(real|human|person|therapist|bot|robot|ai|doctor)\b")


class OfflineProvider:
    name = "offline"
    model = "psymitrix-offline-1"

    def stream(self, system: str, messages: Sequence[Message]) -> Iterator[str]:
        # Small word chunks, so the chat UI streams this like any other provider.
        yield from re.findall(r"\S+\s*", self._answer(system, messages))

    def complete(self, system: str, messages: Sequence[Message]) -> str:
        if "TITLE:" in system and "SUMMARY:" in system:
            # Imported here: summarise imports this module for its feelings lexicon.
            from psymitrix_cli.ai.prompts import SUMMARY_REQUEST
            from psymitrix_cli.ai.summarise import extractive_summary

            conversation = [m for m in messages if m["content"] != SUMMARY_REQUEST]
            summary = extractive_summary(conversation)
            return f"TITLE: {summary.title}\nSUMMARY: {summary.text}"
        return self._answer(system, messages)

    def _answer(self, system: str, messages: Sequence[Message]) -> str:
        """The reply, and once in a while what the person wrote before that the search
        found for this message (services/recall.py puts it in the system prompt)."""
        reply = self._reply(messages)
        note = _to_remember(system, messages)
        if note is not None:
            return f"{_KEEPING}\n[remember: {note}]"
        earlier = _recalled(system)
        if earlier is None or any(earlier[1] in m["content"] for m in messages):
            return reply
        day, quote = earlier
        return f"{reply} On {day} you wrote \u201c{quote}\u201d. Does any of that help now?"

    def _reply(self, messages: Sequence[Message]) -> str:
        said = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
        pick = _Picker(f"{len(messages)}\x00{said}")
        text = straighten(said).lower().strip()
        if not text:
            return "I'm here whenever you're ready. What's on your mind?"
        if _GREETING.match(text):
            return pick.one(
                "Hi, I'm glad you're here. I'm PsyMitrix's offline companion: an AI, not a "
                "therapist. How are you feeling today?",
                "Hello! I'm an AI companion, not a therapist, and I'm here to listen. "
                "What's on your mind?",
            )
        if _THANKS.match(text):
            return (
                "You're very welcome. I'm here whenever you want to talk. "
                "Is there anything else on your mind?"
            )
        if _WHO.search(text):
            return (
                "I'm an AI companion, not a person, a therapist or an emergency service. "
                "I can listen and suggest a few exercises. What would you like to talk about?"
            )
        found = find_feelings(said)
        if not found:
            return self._listen(said, pick)
        lead = found[0]
        reflected = reflect(clause_with(said, lead.start))
        if reflected:
            parts = [f"It sounds like {reflected}.", pick.one(*lead.feeling.validations)]
        else:
            parts = [pick.one(*lead.feeling.openings).format(feeling=lead.name)]
        if len(found) > 1:
            also = found[1].feeling.mention.format(feeling=found[1].name)
            parts.append(f"I also noticed you mentioned {also}.")
        parts.append(pick.one(*lead.feeling.questions))
        if not _recently_suggested(messages, lead.feeling.command):
            parts.append(pick.one(*lead.feeling.suggestions))
        return " ".join(parts)

    @staticmethod
    def _listen(said: str, pick: _Picker) -> str:
        first = re.split(r"(?<=[.!?])\s+", said.strip())[0]
        reflected = reflect(first)
        opening = (
            f"It sounds like {reflected}."
            if reflected
            else pick.one("Thank you for sharing that with me.", "I hear you.", "I'm listening.")
        )
        question = pick.one(
            "How has that been sitting with you?",
            "What feels most important about it to you?",
            "Can you tell me a bit more about what that's been like?",
            "How are you feeling about it right now?",
        )
        return f"{opening} {question}"


class _Picker:
    """Chooses among phrasings with a stable hash (not hash(), which varies per run)."""

    def __init__(self, seed: str) -> None:
        self._digest = hashlib.sha256(seed.encode()).digest()
        self._calls = 0

    def one(self, *options: str) -> str:
        offset = (self._calls * 4) % len(self._digest)
        self._calls += 1
        return options[int.from_bytes(self._digest[offset : offset + 4], "big") % len(options)]


def _recently_suggested(messages: Sequence[Message], command: str) -> bool:
    """Don't nag: skip a suggestion made in either of the last two replies."""
    replies = [m["content"] for m in messages if m["role"] == "assistant"][-2:]
    return any(command in reply for reply in replies)


# "remember that I like tea": the one way the offline companion proposes a note.
_REMEMBER = re.compile(
    r"^\s*(?:please\s+)?(?:can you\s+|could you\s+)?remember\s+(?:that\s+)?(?P<note>[^\n]+?)"
    r"[\s.!?]*$",
    re.IGNORECASE,
)
_KEEPING = (
    "Thank you for telling me. I can keep that in mind for our next conversations, if you "
    "like: you decide."
)


def _to_remember(system: str, messages: Sequence[Message]) -> str | None:
    """The note asked for by the person's last message, when proposing is allowed."""
    from psymitrix_cli.ai.prompts import PROPOSAL_RULE

    said = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    found = _REMEMBER.match(said)
    if found is None or PROPOSAL_RULE not in system:
        return None
    return found.group("note").replace("]", ")").strip() or None


_RECALLED = re.compile(r"^- (\d{4}-\d{2}-\d{2}), (journal|gratitude): (.+)$", re.M)


def _recalled(system: str) -> tuple[str, str] | None:
    """The first recalled journal or gratitude line of the system prompt, as
    ("Tuesday 24 November", its first words), or None."""
    from datetime import date

    from psymitrix_cli.ai.prompts import RECALL_HEADING

    if RECALL_HEADING not in system:
        return None
    found = _RECALLED.search(system.split(RECALL_HEADING, 1)[1])
    if found is None:
        return None
    day = date.fromisoformat(found.group(1))
    words = found.group(3).split()
    quote = " ".join(words[:14]).rstrip(".,;:!?\u2026") + ("\u2026" if len(words) > 14 else "")
    return f"{day:%A} {day.day} {day:%B}", quote
