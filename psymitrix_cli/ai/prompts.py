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

SUMMARY_SYSTEM_PROMPT = """\
You summarise a conversation between a person and the PsyMitrix wellness companion, \
for the person's own history. Write to the person as "you". Do not diagnose or add \
advice. Reply in exactly this format and nothing else:
TITLE: <a short title, at most 60 characters>
SUMMARY: <two to four sentences about what the person talked about and how they felt>"""

SUMMARY_REQUEST = "Summarise the conversation above in the required TITLE/SUMMARY format."


def build_system_prompt(
    memory: Sequence[str], extra: str | None = None, recalled: Sequence[str] = ()
) -> str:
    """SYSTEM_PROMPT, earlier session summaries, entries recalled for this message, then an
    optional turn-specific rule."""
    parts = [SYSTEM_PROMPT]
    summaries = [" ".join(s.split()) for s in memory if s and s.strip()]
    if summaries:
        parts.append(MEMORY_HEADING + "\n" + "\n".join(f"- {s}" for s in summaries))
    if recalled:
        parts.append(RECALL_HEADING + "\n" + "\n".join(f"- {r}" for r in recalled))
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
