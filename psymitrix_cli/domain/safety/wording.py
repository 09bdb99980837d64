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

AI_REMINDER = (
    "A reminder: I'm PsyMitrix, an AI companion, not a person, a therapist or an emergency service."
)

# Shown when what a person wrote does not look like English: the screen reads it less well.
ENGLISH_FIRST = (
    "PsyMitrix's safety check reads English best, so it may miss what you wrote. If you are "
    "in danger, call your local emergency number, or find a line in your language at "
    "https://www.iasp.info/crisis-centres-helplines/."
)

AGE_NOTICE = (
    "PsyMitrix is made for adults and may not be suitable for anyone under 18. If you're under "
    "18, please also talk with a parent, carer or another adult you trust."
)

# What a model sees in place of an acute turn and the crisis message that answered it:
# that it happened, never what was said.
ACUTE_MARKER = (
    "Note from PsyMitrix (not from the person): an earlier message in this conversation was "
    "screened as a possible crisis and is withheld; the person was shown a fixed crisis message "
    "with 988, the IASP directory and their local line. Do not ask them to repeat it; gently "
    "check whether they are safe right now."
)

# One line on stderr for `chat send --json`, whose stdout is the machine's.
JSON_ACUTE_NOTICE = (
    "This message was screened as a possible crisis, so the reply is the crisis message. If "
    "you are in danger, call or text 988 (US) or your local emergency number now."
)
JSON_CONCERN_NOTICE = (
    "This message was screened as a concern; the reply ends with crisis resources (988 in the "
    "US, https://www.iasp.info/crisis-centres-helplines/)."
)
