"""The optional model-based moderation pass over a person's chat message.

It runs when the turn goes to Groq or Gemini (never for the offline companion) and
`PSYMITRIX_MODERATION` is not "off":
- Groq: a Llama Guard model through the groq SDK's chat completions; it answers
  "safe", or "unsafe" and a line of hazard codes ("unsafe\\nS11").
- Gemini: the configured Gemini model with a one-word classification prompt; a
  prompt Gemini blocks outright counts as concern.

It can only RAISE the tier the deterministic screen found, never lower it, and it
fails safe: a timeout (TIMEOUT seconds, enforced on a thread of its own), an error
or an answer it cannot read leaves the deterministic result standing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from psymitrix_cli.ai.base import AISettings
from psymitrix_cli.config import PROVIDERS_BY_NAME
from psymitrix_cli.domain.safety import TIER_ORDER, Screen

TIMEOUT = 2.0
GROQ_GUARD_MODEL = "meta-llama/llama-guard-4-12b"

# Llama Guard 4's hazard codes that matter here (MLCommons taxonomy): S11 suicide and
# self-harm is acute; violent crimes and the sexual exploitation of children call for care.
GUARD_TIERS: dict[str, Screen] = {
    "S11": Screen("acute", "self_harm_moderation"),
    "S1": Screen("concern", "violence_moderation"),
    "S3": Screen("concern", "sexual_violence_moderation"),
    "S4": Screen("concern", "child_exploitation_moderation"),
}

CLASSIFIER_PROMPT = """\
You are the safety classifier of a wellness companion app; you never reply to the person. \
Read their message and answer with exactly one word:
ACUTE - current suicidal intent, a plan or time, means at hand, a recent attempt, asking for \
a method or a dose, intent to harm another person, or abuse happening now;
CONCERN - passive wishes to die, self-harm, hopelessness, an eating disorder, substance \
misuse, or severe distress;
NONE - anything else."""

_WORD_TIERS = {
    "ACUTE": Screen("acute", "moderation"),
    "CONCERN": Screen("concern", "moderation"),
    "NONE": Screen("none", None),
}


def raise_tier(found: Screen, text: str, provider: str, settings: AISettings) -> Screen:
    """`found`, or a higher tier if the provider's moderation says so."""
    if not settings.moderation or found.tier == "acute":
        return found
    _load_sdk(provider)
    if provider == "groq":
        verdict = _bounded(lambda: groq_verdict(text, settings))
    elif provider == "gemini":
        verdict = _bounded(lambda: gemini_verdict(text, settings))
    else:
        return found
    if verdict is None or TIER_ORDER[verdict.tier] <= TIER_ORDER[found.tier]:
        return found
    return verdict


REPLY_CLASSIFIER_PROMPT = """\
You are the safety classifier of a wellness companion app; you never reply to anyone. \
You are given a person's message and the companion's reply. Answer with exactly one word:
UNSAFE - the reply encourages or validates suicide, self-harm or harming others, gives a \
method, means, place, time, dose or amount, helps hide self-harm or an eating disorder, \
gives eating-disorder tips, or discourages seeking help;
SAFE - anything else."""


def reads_replies(provider: str, settings: AISettings) -> bool:
    """Whether replies are read by the provider's moderation (see reply_flagged)."""
    spec = PROVIDERS_BY_NAME.get(provider)
    return settings.moderation and spec is not None and spec.moderates


def reply_flagged(asked: str, reply: str, provider: str, settings: AISettings) -> bool:
    """True when the provider's moderation finds the reply unsafe.

    Used for sessions that have shown risk, on the whole reply before it is shown.
    A timeout, an error or an unreadable answer is False: the deterministic reply
    screen, which the reply has already passed, stands.
    """
    if not reads_replies(provider, settings):
        return False
    _load_sdk(provider)
    if provider == "groq":
        verdict = _bounded(lambda: groq_reply_verdict(asked, reply, settings))
    else:
        verdict = _bounded(lambda: gemini_reply_verdict(asked, reply, settings))
    return verdict is not None and verdict.tier != "none"


def _load_sdk(provider: str) -> None:
    """Import the provider's SDK before the clock starts: the deadline is for the answer,
    and the turn is about to use the same SDK anyway (google-genai alone can take over a
    second to import on a busy machine, which once cost the whole pass)."""
    try:
        if provider == "groq":
            import groq  # noqa: F401
        elif provider == "gemini":
            from google import genai  # noqa: F401
    except ImportError:
        pass  # the bounded call fails safe on its own


def _bounded(call: Callable[[], Screen | None]) -> Screen | None:
    """Run `call` with a hard deadline; None on timeout or any error.

    The SDK's own timeout bounds each read, not the whole answer, so the wait is
    bounded here too; a call still running after it is left to finish on its own
    (daemon) thread, and its answer is ignored.
    """
    result: list[Screen | None] = []

    def run() -> None:
        try:
            result.append(call())
        except Exception:  # fail safe: the deterministic screen stands
            result.append(None)

    worker = threading.Thread(target=run, daemon=True, name="psymitrix-moderation")
    worker.start()
    worker.join(TIMEOUT + 0.25)
    return result[0] if result else None


def parse_guard(answer: str) -> Screen | None:
    """Llama Guard's "safe" / "unsafe\\nS1,S11": the highest tier of the codes given."""
    lines = [line.strip() for line in answer.strip().splitlines() if line.strip()]
    if not lines or lines[0].lower() not in ("safe", "unsafe"):
        return None
    if lines[0].lower() == "safe":
        return Screen("none", None)
    codes = [c.strip().upper() for line in lines[1:] for c in line.replace(" ", ",").split(",")]
    found = [GUARD_TIERS[c] for c in codes if c in GUARD_TIERS]
    return max(found, key=lambda s: TIER_ORDER[s.tier], default=Screen("none", None))


def parse_word(answer: str) -> Screen | None:
    words = answer.strip().split()
    return _WORD_TIERS.get(words[0].strip(".:,").upper()) if words else None


def groq_verdict(text: str, settings: AISettings) -> Screen | None:
    import groq

    client = groq.Groq(
        api_key=(settings.groq_api_key or "").strip(), timeout=TIMEOUT, max_retries=0
    )
    response = client.chat.completions.create(
        model=GROQ_GUARD_MODEL, messages=[{"role": "user", "content": text}], stream=False
    )
    if not response.choices:
        return None
    return parse_guard(response.choices[0].message.content or "")


def gemini_verdict(text: str, settings: AISettings) -> Screen | None:
    from google import genai
    from google.genai import types

    client = genai.Client(
        api_key=settings.gemini_api_key,
        vertexai=False,
        http_options=types.HttpOptions(
            timeout=round(TIMEOUT * 1000), retry_options=types.HttpRetryOptions(attempts=1)
        ),
    )
    response = client.models.generate_content(
        model=settings.gemini_model,
        contents=[{"role": "user", "parts": [{"text": text}]}],
        config=types.GenerateContentConfig(system_instruction=CLASSIFIER_PROMPT),
    )
    feedback = getattr(response, "prompt_feedback", None)
    if feedback is not None and feedback.block_reason:
        return Screen("concern", "moderation_blocked")
    return parse_word(response.text or "")


def groq_reply_verdict(asked: str, reply: str, settings: AISettings) -> Screen | None:
    """Llama Guard classifies the last turn of a conversation: here, the reply."""
    import groq

    client = groq.Groq(
        api_key=(settings.groq_api_key or "").strip(), timeout=TIMEOUT, max_retries=0
    )
    response = client.chat.completions.create(
        model=GROQ_GUARD_MODEL,
        messages=[{"role": "user", "content": asked}, {"role": "assistant", "content": reply}],
        stream=False,
    )
    if not response.choices:
        return None
    found = parse_guard(response.choices[0].message.content or "")
    if (
        found is not None
        and found.tier == "none"
        and "unsafe" in (response.choices[0].message.content or "").lower()
    ):
        return Screen("concern", "moderation")  # any hazard at all, for a reply
    return found


def gemini_reply_verdict(asked: str, reply: str, settings: AISettings) -> Screen | None:
    from google import genai
    from google.genai import types

    client = genai.Client(
        api_key=settings.gemini_api_key,
        vertexai=False,
        http_options=types.HttpOptions(
            timeout=round(TIMEOUT * 1000), retry_options=types.HttpRetryOptions(attempts=1)
        ),
    )
    text = f"The person wrote:\n{asked}\n\nThe companion replied:\n{reply}"
    response = client.models.generate_content(
        model=settings.gemini_model,
        contents=[{"role": "user", "parts": [{"text": text}]}],
        config=types.GenerateContentConfig(system_instruction=REPLY_CLASSIFIER_PROMPT),
    )
    words = (response.text or "").strip().split()
    if not words:
        return None
    answer = words[0].strip(".:,").upper()
    if answer == "UNSAFE":
        return Screen("acute", "unsafe_reply_moderation")
    return Screen("none", None) if answer == "SAFE" else None
