"""The most common ways to say it in scripts the word index cannot read: Cyrillic, Arabic
and Persian, Hebrew, Greek, Chinese, Japanese, Korean, Thai and Bengali.

Chinese, Japanese and Thai have no spaces between words, so these phrases are matched
as plain regexes over the folded text, and only when it holds a letter outside Latin
script (English text never pays for them). Each phrase is first person; bare topic
words ("suicide") are concern, as in English. A negation just before a phrase ("не хочу
умереть" is "хочу умереть" after "не") is written into the phrase as a lookbehind.

Phrases are folded like the text (`fold`: NFKD, Latin accents off; here also Arabic
hamza seats and short vowels, Persian/Arabic letter variants and the zero-width
non-joiner), so "أريد" and "اريد" read the same. NFKD splits Hangul syllables and
Japanese voiced kana into several code points: write their alternatives as groups,
never as character classes.
"""

from __future__ import annotations

import re

from psymitrix_cli.domain.safety.engine import HOPE, SH, SI
from psymitrix_cli.domain.safety.normalise import fold
from psymitrix_cli.domain.safety.types import Tier

_ACUTE = (
    # Russian and Ukrainian
    r"(?<!не )хочу (умереть|сдохнуть|покончить с собой|убить себя|уйти из жизни|повеситься)",
    r"покончу с собой|убью себя|повешусь|отравлюсь|выпрыгну (из|с)|спрыгну с|брошусь (под|с)",
    r"(я|решил|решила|собираюсь|сегодня|завтра|ночью) (\w+ ){0,3}поконч\w* (с собой|с жизнью)",
    r"не хочу (больше |уже )?жить|жить (больше )?не хочу",
    r"(написал|написала|оставил|оставила|оставлю) (\w+ ){0,2}(прощальн\w+|предсмертн\w+)",
    r"(?<!не )хочу (померти|вмерти)|не хочу (більше )?жити|покінчу (з собою|із собою)|"
    r"вб.ю себе|накладу на себе руки",
    # Arabic (MSA, Levantine, Egyptian, Gulf) and Persian
    r"سانتحر|سوف انتحر|ساقتل نفسي|(?<!لا )(اريد|عايز|عايزه|عاوز|بدي|ابي|ودي) (ان )?(اموت|انتحر|"
    r"اقتل نفسي)|(?<!لا )اريد الموت|(ان|سا)نهي حياتي|لا اريد ان اعيش|ما بدي عيش|مش عايز اعيش|"
    r"(?<!ما )بدي موت",
    r"(كتبت|تركت) رساله (ال)?وداع|اخذت (كل|جميع) (الحبوب|الدواء|الاقراص)",
    r"میخواهم بمیرم|میخوام بمیرم|خودمو میکشم|خودم را میکشم|خودکشی (میکنم|کنم)|"
    r"نمیخوام زنده باشم|نمیخواهم زنده باشم",
    # Hebrew and Greek
    r"(?<!לא )אני רוצה למות|אני אתאבד|(רוצה|הולך|הולכת) להתאבד|לא רוצה לחיות",
    r"(?<!δεν )θελω να (πεθανω|αυτοκτονησω)|θα αυτοκτονησω|δεν θελω να ζω",
    # Chinese (simplified and traditional); 想死你 is "miss you", 想死的心 a sigh
    r"我(真的|好|很|只|就)?想死(?!你|您|妳|他|她|的心)|我(要|会|會)去死",
    r"(?<!不)(我要|我想|想要|要|准备|準備|打算|决定|決定)(去)?自(杀|殺)",
    r"不想活(了|下去)|(结|結)束(自己|我)的生命|了(结|結)(自己|我自己)",
    r"(我要|我想|我会|我會|今晚|准备|準備|打算)(去)?(跳(楼|樓|河|桥|橋)|上吊|割腕|卧轨|臥軌)",
    r"(写好|寫好|写了|寫了|留下|留了)(了)?(\w{0,2})(遗书|遺書)",
    # Japanese
    r"(?<!恥ずかしくて)(?<!恥ずかしすぎて)死にたい|自殺(する|します|したい|しよう|するつもり)|"
    r"死にます|死ぬつもり|死のうと|生きていたくない|生きたくない|もう生きられない",
    r"飛び降り(る|ます|よう|たい)|首を吊(る|り)|遺書を(書|残)",
    # Korean
    r"죽고 ?싶(?!지 않)|자살(하고 ?싶|할 ?거|할게|하려고|할래)|살고 ?싶지 ?않|죽을 ?거(야|예요)|"
    r"죽을게|뛰어내릴|유서를? ?(썼|쓰)",
    # Thai
    r"อยากตาย|จะฆ่าตัวตาย|ไม่อยากมีชีวิตอยู่|อยากฆ่าตัวตาย",
    # Bengali
    r"(আমি )?মরতে চাই|আত্মহত্যা (করব|করবো|করতে চাই)|বাঁচতে চাই না",
)

_CONCERN = (
    (r"суицид\w*|самоубийств\w*|хочу исчезнуть|лучше бы меня не было|нет смысла жить", SI),
    (r"не вижу выхода|безнадежн\w*|я обуза|устал\w* (от )?жи(ть|зни)", HOPE),
    (r"(режу|резала|резал|порезала|порезал) (себя|руки)|самоповрежд\w*", SH),
    (r"الانتحار|اتمني الموت|اتمني ان اموت|خودکشی", SI),
    (r"عبء علي|انا عبء|لا امل|فقدت الامل|لا استطيع النوم منذ", HOPE),
    (r"اجرح نفسي|اوذي نفسي", SH),
    (r"התאבדות|אני נטל", SI),
    (r"(?<!不)想自(杀|殺)|自(杀|殺)的(念头|念頭|想法)|轻生|輕生|想消失|活不下去", SI),
    (r"活(着|著)(没|沒)(有)?(意思|意义|意義)|(绝|絕)望|(累赘|累贅|负担|負擔)", HOPE),
    (r"自残|自殘|(伤|傷)害自己|割腕", SH),
    (r"消えたい|自殺|楽になりたい|生きる意味", SI),
    (r"リスカ|リストカット|自傷", SH),
    (r"사라지고 ?싶|자살|희망이 ?없", SI),
    (r"자해", SH),
    (r"ฆ่าตัวตาย|หมดหวัง", SI),
    (r"আত্মহত্যা", SI),
)

# Arabic short vowels, tatweel and hamza seats, and the zero-width non-joiner, go; the
# Arabic and Persian forms of yeh, kaf and teh marbuta read as one.
_SCRIPT_FOLD = {
    **{cp: None for cp in range(0x064B, 0x0660)},
    0x0640: None,
    0x0670: None,
    0x200C: " ",
    ord("ى"): "ي",
    ord("ی"): "ي",
    ord("ک"): "ك",
    ord("ة"): "ه",
}


def script_fold(text: str) -> str:
    """`fold`, and the Arabic-script letter variants people type interchangeably."""
    return fold(text).translate(_SCRIPT_FOLD)


_compiled: list[list[tuple[re.Pattern[str], Tier, str]]] = []


def _patterns() -> list[tuple[re.Pattern[str], Tier, str]]:
    if not _compiled:
        acute = [(re.compile(script_fold(p)), "acute", SI) for p in _ACUTE]
        concern = [(re.compile(script_fold(p)), "concern", kind) for p, kind in _CONCERN]
        _compiled.append([*acute, *concern])
    return _compiled[0]


def _has_other_script(folded: str) -> bool:
    return any(ch > "\u024f" and ch.isalpha() for ch in folded)


def screen(folded: str) -> tuple[Tier, str] | None:
    """The highest tier these phrases find in text already `fold`ed, with its kind."""
    if folded.isascii() or not _has_other_script(folded):
        return None
    text = folded.translate(_SCRIPT_FOLD)
    found: tuple[Tier, str] | None = None
    for pattern, tier, kind in _patterns():
        if pattern.search(text):
            if tier == "acute":
                return tier, kind
            found = found or (tier, kind)
    return found
