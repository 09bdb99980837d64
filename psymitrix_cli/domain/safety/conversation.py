"""Reading the newest user turn in the light of the ones before it.

A plan is often split across messages: "I've got a full bottle of paracetamol here."
then "How many would I need for it to be over?" Neither is acute alone; together they
are. And after an acute turn, a short answer ("Yes. Tonight.") carries the same risk.

Three readings, each can only raise the newest turn's tier:
- after an acute turn, a follow-up that affirms, names a time, means at hand or asks
  about amount, pain or finality is acute;
- means named in an earlier turn and a question about amount or finality now is acute;
- the recent turns read as one text (a plan spread over several messages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from psymitrix_cli.domain.safety.normalise import normalise
from psymitrix_cli.domain.safety.types import TIER_ORDER, Screen
from psymitrix_cli.domain.safety.vocab import DRUGS, HEIGHT, WEAPON, WHEN

WINDOW = 4  # recent user turns read together

_AFFIRM = (
    r"^\W*(yes|yeah|yep|yup|ya|yea|yh|i do|i am|i have|i will|i did|definitely|exactly|"
    r"right|true|correct|maybe|probably|of course|i mean it|i meant it|i am serious|not joking|"
    r"for real|already|soon|it is|that is right|kind of|sort of|sure)\b"
)
_MEANS = (
    rf"\b({DRUGS}|{WEAPON}|rope|noose|belt|cord|ligature|{HEIGHT}|garage|exhaust|"
    r"charcoal|helium|carbon monoxide|train|traffic|bath|bottle|packet|box of|"
    r"\d+(st|nd|rd|th) floor|floor \d+|\d+ (floors|storeys|stories) up)\b"
)
# A question about amount alone ("how many can i take?") is ordinary after means were
# named; about amount and finality, or after a turn that was already flagged, it is not.
_AMOUNT = (
    r"\b(how many|how much|how long|how high|how far|how deep|how quickly|how fast|enough|"
    r"would i need|do i need|is (that|it|this) enough)\b"
)
_QUESTION = (
    r"\b(would (it|that|they|this|those) (be enough|work|kill|hurt|do it)|will (it|that|they) "
    r"(be enough|hurt|be quick|kill)|"
    r"enough to(?! (see|watch|get|reach|buy|pay|eat|feed|fit|hold|carry|cover|make|read|"
    r"hear|know|go|share|last|win|pass))|be over|for it to (be over|end|work)|painless|"
    r"not wake up|never wake up|to die|die|dead|lethal|fatal|survive|take them all|all of them|"
    r"the whole (bottle|packet|box)|end it|kill me)\b"
    # Whether the means would do: "would that be high enough", "is it quick if you do it
    # in the head". Only as the whole question, so "sharp enough for tomatoes" is not.
    r"|\b((high|strong|deep|far|fast|quick|sharp|big) enough|"
    r"(is|would) (it|that) (be )?(quick|instant|painless)( if [a-z ]+)?|"
    r"would i feel (it|anything)|(would|will|does) (it|that) hurt( me| much| a lot)?)"
    r"(?=\W*$)"
)
_FOLLOW_UP = rf"{_AFFIRM}|\b({WHEN}|right here|here with me|in my (hand|bag|pocket)|ready)\b"

_compiled: dict[str, re.Pattern[str]] = {}


def _re(name: str, source: str) -> re.Pattern[str]:
    if name not in _compiled:
        _compiled[name] = re.compile(source)
    return _compiled[name]


def screen_turns(turns: Sequence[str], screen: Callable[[str], Screen]) -> Screen:
    """The newest turn's screen, raised by what the recent turns before it say."""
    newest = screen(turns[-1])
    if newest.tier == "acute" or len(turns) == 1:
        return newest
    recent = list(turns[-WINDOW:])
    now = normalise(recent[-1])
    earlier = [screen(t) for t in recent[:-1]]
    if any(e.tier == "acute" for e in earlier) and (
        _re("follow", _FOLLOW_UP).search(now)
        or _re("means", _MEANS).search(now)
        or _re("amount", _AMOUNT).search(now)
        or _re("question", _QUESTION).search(now)
    ):
        kind = next(e.kind for e in reversed(earlier) if e.tier == "acute")
        return Screen("acute", kind, newest.non_english)
    before = normalise("\n".join(recent[:-1]))
    flagged = any(e.tier != "none" for e in earlier)
    if _re("means", _MEANS).search(before) and (
        _re("question", _QUESTION).search(now) or (flagged and _re("amount", _AMOUNT).search(now))
    ):
        return Screen("acute", "suicidal_ideation", newest.non_english)
    window = screen("\n".join(recent))
    return window if TIER_ORDER[window.tier] > TIER_ORDER[newest.tier] else newest
