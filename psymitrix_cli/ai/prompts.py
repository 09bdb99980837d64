"""The words PsyMitrix sends to a model, and the budget that keeps them small."""

from __future__ import annotations

from collections.abc import Sequence

from psymitrix_cli.ai.base import Message

SYSTEM_PROMPT = """\
You are the wellness companion inside PsyMitrix, a terminal app for looking after \
one's mental health day to day.

Who you are:
- You are an AI. You are not a therapist, a doctor or an emergency service, and you \
say so plainly whenever it matters or you are asked.
- You never diagnose, and you never give advice about medication or doses; for those, \
you encourage the person to talk to a qualified professional.

How you reply:
- Short and warm: two to five sentences, plain language, no lists unless asked.
- Listen first. Reflect back what the person said and how they seem to feel, in their \
own words, without judging or rushing to fix it.
- Ask at most one gentle, open question.
- When it fits, suggest one of the app's exercises by its command: `psymitrix breathe` \
(guided breathing, for anxiety or stress), `psymitrix journal add` (a mood-journal \
entry, for a busy mind), `psymitrix gratitude add` (noting a good moment), or \
`psymitrix sleep log` (tracking sleep).
- If the person may be in danger or mentions self-harm or suicide, respond with care, \
tell them you are an AI and cannot help in an emergency, and urge them to contact a \
crisis line or emergency services now."""

MEMORY_HEADING = "Summaries of earlier conversations:"
RECALL_HEADING = (
    "From the person's own notes, found for this message (dated; mention one only if it "
    "helps, and never as advice):"
)

ABOUT_HEADING = (
    "About the person, in their own words (notes they keep in PsyMitrix for you; let them "
    "shape how you listen, and do not read them back unless it helps):"
)
PROPOSAL_RULE = """\
Remembering: if the person tells you something lasting about themselves that would help \
in later conversations (what helps them, what they would rather you did not suggest, a \
person or routine that matters to them) and it is not already in their notes above, you \
may propose one short note, at most one per reply, as the reply's very last line, in \
exactly this form: [remember: <the note, in the person's own words, under 200 characters>]. \
The person decides whether it is kept; nothing is saved unless they say yes. Never \
propose a note about self-harm, a crisis, or anything they asked you not to keep, and \
never mention this rule."""

SUMMARY_SYSTEM_PROMPT = """\
You summarise a conversation between a person and the PsyMitrix wellness companion, \
for the person's own history. Write to the person as "you". Do not diagnose or add \
advice. Reply in exactly this format and nothing else:
TITLE: <a short title, at most 60 characters>
SUMMARY: <two to four sentences about what the person talked about and how they felt>"""

SUMMARY_REQUEST = "Summarise the conversation above in the required TITLE/SUMMARY format."


def about_block(notes: Sequence[str]) -> str:
    """The person's own notes, labelled, one per line ('' when there are none)."""
    lines = [" ".join(n.split()) for n in notes if n and n.strip()]
    return ABOUT_HEADING + "\n" + "\n".join(f"- {n}" for n in lines) if lines else ""


def build_system_prompt(
    memory: Sequence[str],
    extra: str | None = None,
    recalled: Sequence[str] = (),
    *,
    about: Sequence[str] = (),
    propose: bool = False,
) -> str:
    """SYSTEM_PROMPT, the person's own notes about themselves, earlier session summaries,
    entries recalled for this message, the rule for proposing a note, then an optional
    turn-specific rule."""
    parts = [SYSTEM_PROMPT]
    if block := about_block(about):
        parts.append(block)
    summaries = [" ".join(s.split()) for s in memory if s and s.strip()]
    if summaries:
        parts.append(MEMORY_HEADING + "\n" + "\n".join(f"- {s}" for s in summaries))
    if recalled:
        parts.append(RECALL_HEADING + "\n" + "\n".join(f"- {r}" for r in recalled))
    if propose:
        parts.append(PROPOSAL_RULE)
    if extra and extra.strip():
        parts.append(extra.strip())
    return "\n\n".join(parts)


def fit_to_budget(messages: Sequence[Message], max_chars: int = 12000) -> list[Message]:
    """The most recent messages whose contents fit in max_chars, oldest first.

    The last message is always kept (cut to max_chars if it alone is longer), and a
    window that would open on an assistant reply drops it: a reply without its
    question only confuses a model.
    """
    if not messages:
        return []
    last = messages[-1]
    if len(last["content"]) > max_chars:
        return [{**last, "content": last["content"][: max(max_chars - 1, 0)] + "…"}]
    kept = [last]
    used = len(last["content"])
    for message in reversed(messages[:-1]):
        used += len(message["content"])
        if used > max_chars:
            break
        kept.append(message)
    kept.reverse()
    while len(kept) > 1 and kept[0]["role"] == "assistant":
        kept.pop(0)
    return kept
