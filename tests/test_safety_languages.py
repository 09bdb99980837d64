"""The screen reads the commonest ways to say it in other languages and scripts, tells the
person it reads English best, and leaves their idioms and everyday talk alone."""

from __future__ import annotations

import pytest

from psymitrix_cli.domain.safety import screen_message

ACUTE = [
    "я больше не могу, хочу умереть",
    "завтра утром покончу с собой, всё решено",
    "я не хочу больше жить",
    "не хочу жити, покінчу з собою",
    "أريد أن أموت الليلة",
    "والله بدي موت",
    "سوف أنتحر بعد أن ينام الجميع",
    "دیگه نمیخوام زنده باشم",
    "אני רוצה למות",
    "θέλω να αυτοκτονήσω",
    "我真的想死，没有人在乎我",
    "我今晚要自杀",
    "我已經寫好了遺書",
    "もう死にたい。限界です",
    "今夜、自殺するつもりです",
    "학교 끝나면 자살할 거야",
    "진짜 죽고 싶어",
    "ฉันอยากตาย",
    "আমি আর বাঁচতে চাই না",
    "aku pengen mati aja, capek",
    "saya akan mengakhiri hidup saya malam ini",
    "em muốn chết lắm rồi",
    "magpapakamatay na ako mamaya",
    "nataka kujiua leo usiku",
    "popełnię samobójstwo w piątek",
    "artık yaşamak istemiyorum",
]

CONCERN = [
    "я обуза для своей семьи",
    "иногда режу себя, когда тяжело",
    "أشعر أنني فقدت الأمل",
    "活着没意思，每天都很累",
    "我有时候会伤害自己",
    "消えたいと毎日思う",
    "요즘 자해를 다시 시작했어",
    "aku merasa putus asa dan jadi beban",
]

ORDINARY = [
    "我想死你了，快回来吧",
    "笑死我了，这个视频太好笑了",
    "我不想自杀，只是最近压力有点大",
    "恥ずかしくて死にたい、プレゼンで噛んだ",
    "死にたくない、まだやりたいことがある",
    "오늘 날씨 진짜 좋다",
    "죽고 싶지 않아, 그냥 피곤해",
    "не хочу умирать, просто устал от работы",
    "сегодня было много работы, я устала",
    "لا أريد أن أموت، أنا فقط متعب",
    "ذهبت إلى السوق واشتريت الخبز",
    "hp ku mati lagi, lupa ngecas",
    "aku tidak mau mati, cuma capek kerja",
    "hôm nay trời đẹp quá",
    "ang sarap ng ulam natin ngayon",
]


@pytest.mark.parametrize("text", ACUTE)
def test_the_commonest_ways_to_say_it_are_acute_and_marked(text: str) -> None:
    found = screen_message(text)
    assert (found.tier, found.non_english) == ("acute", True)


@pytest.mark.parametrize("text", CONCERN)
def test_hopelessness_and_self_harm_are_concern(text: str) -> None:
    assert screen_message(text).tier == "concern"


@pytest.mark.parametrize("text", ORDINARY)
def test_idioms_negations_and_everyday_talk_are_not_flagged(text: str) -> None:
    assert screen_message(text).tier == "none"
