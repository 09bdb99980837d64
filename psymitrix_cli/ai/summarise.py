"""Session titles and summaries: asked of the provider, with an offline fallback.

Summaries become the companion's memory of earlier sessions, so a failed or
garbled model answer must never lose one: the extractive fallback always works.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from psymitrix_cli.ai.base import Message, Provider
from psymitrix_cli.ai.offline import FEELINGS, clause_with, find_feelings, reflect
from psymitrix_cli.ai.prompts import SUMMARY_REQUEST, SUMMARY_SYSTEM_PROMPT, fit_to_budget
from psymitrix_cli.errors import ProviderError

TITLE_MAX = 60
SUMMARY_MAX = 600
SUMMARY_BUDGET = 12000  # characters of conversation sent to the provider


@dataclass(frozen=True)
class Summary:
    title: str
    text: str


def summarise(provider: Provider, messages: Sequence[Message]) -> Summary:
    """A title and 2-4 sentence summary from the provider, else extractive_summary."""
    conversation = [m for m in messages if m["content"].strip()]
    if not any(m["role"] == "user" for m in conversation):
        return extractive_summary(messages)
    request = [
        *fit_to_budget(conversation, SUMMARY_BUDGET),
        {"role": "user", "content": SUMMARY_REQUEST},
    ]
    try:
        answer = provider.complete(SUMMARY_SYSTEM_PROMPT, request)
    except ProviderError:
        return extractive_summary(messages)
    return parse_summary(answer) or extractive_summary(messages)


_MARKUP = " \t*_#>\"'`"
_TITLE = re.compile(r"^[\s*_#>-]*title[\s*_]*:(?P<value>.*)$", re.IGNORECASE | re.MULTILINE)
_SUMMARY = re.compile(
    r"^[\s*_#>-]*summary[\s*_]*:(?P<value>.*)", re.IGNORECASE | re.MULTILINE | re.DOTALL
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def parse_summary(answer: str) -> Summary | None:
    """Read "TITLE: ...\\nSUMMARY: ..." (tolerating markdown), or None if it isn't there."""
    title_match, summary_match = _TITLE.search(answer or ""), _SUMMARY.search(answer or "")
    if title_match is None or summary_match is None:
        return None
    title = _clip(" ".join(title_match["value"].split()).strip(_MARKUP), TITLE_MAX)
    text = " ".join(summary_match["value"].split()).strip(_MARKUP)
    if not title or not text:
        return None
    sentences = _SENTENCE_END.split(text)
    return Summary(title=title, text=_clip(" ".join(sentences[:4]), SUMMARY_MAX))


# --- the offline fallback -------------------------------------------------------------

_STOPWORDS = frozenset(
    re.findall(
        r"\S+",
        """a about above after again all also am an and any are as at be because been before
        being below between both but by can can't cannot could couldn't did didn't do does
        doesn't doing don't down during each even ever every feel feeling feels felt few for
        from get gets getting go going got had hadn't has hasn't have haven't having he her
        here hers him his how i i'd i'll i'm i've if im in into is isn't it it's its just keep
        know like lot lots me more most much my myself no nor not now of off on once only or
        other our out over own really right same she should so some still such than that
        that's the their them then there these they thing things this those through to too
        under until up very was wasn't we were what when where which while who why will with
        won't would wouldn't yeah you your hi hello hey thanks thank okay ok um ugh honestly
        maybe kind sort lately""",
    )
)


def extractive_summary(messages: Sequence[Message]) -> Summary:
    """A deterministic title and 2-4 sentences built from what the person wrote."""
    said = [" ".join(m["content"].split()) for m in messages if m["role"] == "user"]
    said = [s for s in said if s]
    if not said:
        return Summary(
            title="Quiet check-in",
            text="You opened a conversation but didn't share anything yet. "
            "The companion was here to listen.",
        )
    sentences = [_about(said[0], "You said {}.", 'You started with "{}".')]
    later = max(said[1:], key=_weight, default=None)  # the fullest later message
    later_sentence = None
    if later is not None and _weight(later) > 0:
        later_sentence = _about(later, "Later you said {}.", 'Later you said "{}".')
    mentions = _feeling_mentions(said, skip=f"{sentences[0]} {later_sentence or ''}".lower())
    if mentions:
        sentences.append(f"You mentioned {_join(mentions)}.")
    if later_sentence:
        sentences.append(later_sentence)
    commands = _suggested([m["content"] for m in messages if m["role"] == "assistant"])
    if commands:
        sentences.append(f"The companion suggested {_join(commands)}.")
    if len(sentences) < 2:
        sentences.append("It was a short check-in.")
    return Summary(title=_title(said[0]), text=" ".join(sentences[:4]))


def _title(text: str) -> str:
    words: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", text.replace("\u2019", "'")):
        if len(word) > 2 and word.lower() not in _STOPWORDS and word.lower() not in words:
            words.append(word.lower())
    title = _clip(" ".join(words[:6]), TITLE_MAX)
    return title[:1].upper() + title[1:] if title else "Check-in"


def _about(text: str, reflected_form: str, quoted_form: str) -> str:
    first = _SENTENCE_END.split(text.strip())[0]
    reflected = reflect(clause_with(first, 0))
    if reflected:
        return reflected_form.format(_clip(reflected, 120))
    return quoted_form.format(_clip(first.rstrip(".!? "), 100))


def _feeling_mentions(said: Sequence[str], skip: str) -> list[str]:
    mentions: list[str] = []
    for text in said:
        for found in find_feelings(text):
            if found.term in skip or found.name in skip:
                continue
            mention = found.feeling.mention.format(feeling=found.name)
            if mention not in mentions:
                mentions.append(mention)
    return mentions[:3]


def _suggested(replies: Sequence[str]) -> list[str]:
    commands = dict.fromkeys(f.command for f in FEELINGS)  # ordered, unique
    return [f"`{c}`" for c in commands if any(c in reply for reply in replies)]


def _weight(text: str) -> int:
    return sum(1 for w in re.findall(r"[a-z']+", text.lower()) if w not in _STOPWORDS)


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return (cut or text[: limit - 1]) + "…"
