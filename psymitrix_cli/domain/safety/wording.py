"""Fixed, human-written text the safety path adds to a conversation."""

from __future__ import annotations

SAFETY_INSTRUCTION = (
    "Safety note for this turn: the person may be struggling with hopelessness, self-harm or "
    "thoughts of suicide. Respond with warmth and without judgement. Reflect what they said, "
    "and gently ask whether they are safe right now. Encourage them to reach out to someone "
    "they trust or to a crisis line (988 in the US, or the IASP directory for other "
    "countries). Remind them, kindly, that you are an AI and not a crisis service. Never "
    "describe methods, means, doses or ways to hide self-harm, and never judge, argue or lecture."
)

CONCERN_FOOTER = (
    "If things feel heavy, you can call or text 988 (US) or find a local line at "
    "https://www.iasp.info/crisis-centres-helplines/."
)

AI_DISCLOSURE = (
    "I'm PsyMitrix, an AI companion, not a human. I'm not a therapist and this isn't therapy, "
    "and I'm not an emergency service. If you're in danger or thinking about ending your life, "
    "call or text 988 (US), contact your local emergency number, or find a line at "
    "https://www.iasp.info/crisis-centres-helplines/."
)
