"""A foreign name held to the form the translation gives it elsewhere
(Chinese characters, katakana): cut and replaced names."""

import re

from mtcheck.checks import Pair
from mtcheck.checks.name_renderings import renderings
from mtcheck.names.name import Name
from mtcheck.types import Alignment, Link

from tests.checks.build import article

SRC = ["Simon Spillane said brewers were already leading the way.",
       "Beer kegs are reused around 165 times, he said.",
       "Spillane added that rules should be the same for all drinks."]


def found(mt, tgt="zh", src=SRC, src_people=("Simon Spillane", "Spillane"), mt_people=None):
    def names(sentences, people):
        text = " ".join(sentences)
        out, pos = [], 0
        for p in people:
            at = text.index(p, pos)
            out.append(Name(at, at + len(p), p, "PER", "ner"))
            pos = at + len(p)
        return out

    if mt_people is None:  # what a tagger finds: the names written by sound
        mt_people = [m.group() for m in re.finditer(r"西蒙·斯皮兰|斯皮兰|斯皮|罗森代尔|サイモン・スピレーン|スピレー?ン?", " ".join(mt))]
    pair = Pair(mt=article(mt, tgt), src=article(src, "en"),
                alignment=Alignment(tuple(Link((i,), (i,)) for i in range(len(src)))), src_lang="en", tgt_lang=tgt,
                facts={"src_names": names(src, src_people), "mt_names": names(mt, mt_people)})
    text = pair.mt.text
    return [(f.rule, text[slice(*f.mt_span)], f.suggestion) for f in renderings(pair)]


ZH = ["西蒙·斯皮兰表示，啤酒商已经走在前列。", "他说，啤酒桶大约会被重复使用165次。", "斯皮兰补充说，所有饮品的规则应该相同。"]


def test_the_name_as_the_translation_writes_it_elsewhere_passes():
    assert found(ZH) == []
    # a pronoun where the source repeats the name: nothing to hold it to
    assert found([ZH[0], ZH[1], "他补充说，所有饮品的规则应该相同。"]) == []


def test_the_name_with_its_last_character_gone_is_a_truncated_name():
    assert found([ZH[0], ZH[1], "斯皮补充说，所有饮品的规则应该相同。"]) == [("names.altered", "斯皮", "斯皮兰")]


def test_another_persons_name_where_its_form_belongs_is_a_replaced_name():
    mt = [ZH[0], ZH[1], "罗森代尔补充说，所有饮品的规则应该相同。"]
    assert found(mt, mt_people=("西蒙·斯皮兰", "罗森代尔")) == [("names.replaced", "罗森代尔", "斯皮兰")]
    # the same person named another way is no other name
    assert found([ZH[0], ZH[1], "西蒙补充说，所有饮品的规则应该相同。"], mt_people=("西蒙·斯皮兰", "西蒙")) == []


JA = ["サイモン・スピレーンは、醸造業者はすでに先頭に立っていると述べた。", "ビール樽は約165回再利用されると彼は言った。",
      "スピレーンは、すべての飲料の規則は同じであるべきだと付け加えた。"]


def test_katakana_cut_short_but_not_a_long_vowel_left_out():
    assert found(JA, "ja") == []
    assert found([JA[0], JA[1], "スピレは、すべての飲料の規則は同じであるべきだと付け加えた。"], "ja") == []  # ン gone: no
    got = found([JA[0], JA[1], "スピレーは、すべての飲料の規則は同じであるべきだと付け加えた。"], "ja")
    assert got == [("names.altered", "スピレー", "スピレーン")]


def test_a_name_the_translation_keeps_in_its_own_letters_is_not_held_to_characters():
    src = ["Greggs opened 145 shops, Matt Britzman said.", "The results came in on Tuesday.", "Greggs expects more."]
    mt = ["Greggs开设了145家分店，马特·布里茨曼表示。", "结果于周二公布。", "Greggs预计会有更多。"]
    assert found(mt, src=src, src_people=("Greggs", "Matt Britzman", "Greggs"), mt_people=("马特·布里茨曼",)) == []


def test_a_name_no_sentence_reads_back_gives_no_form_to_hold_others_to():
    mt = ["他表示，啤酒商已经走在前列。", ZH[1], "他补充说，所有饮品的规则应该相同。"]
    assert found(mt) == []


def test_the_first_name_kept_and_another_surname_after_it_is_a_replaced_name():
    mt = ["西蒙·罗森代尔表示，啤酒商已经走在前列。", ZH[1], ZH[2]]
    assert found(mt, mt_people=("西蒙·罗森代尔", "斯皮兰")) == [("names.replaced", "罗森代尔", "斯皮兰")]


def test_characters_read_back_loosely_outside_any_name_give_no_form():
    # 在包装 may be read as Spillane; no tagger calls it a name, so it is no form of it
    mt = ["西蒙表示，啤酒商在包装方面已经走在前列。", ZH[1], "罗森代尔补充说，所有饮品在包装上的规则应该相同。"]
    assert found(mt, mt_people=("西蒙", "罗森代尔")) == []


def test_a_name_moved_to_the_next_sentence_is_looked_for_there():
    # the translator put the attribution of sentence 1 into sentence 2
    src = ["“We have had ample time to do that,” Matt Rosendale said.", "The leadership did not act.",
           "Rosendale voted against the deal."]
    zh = ["“我们本来有足够的时间来做这件事。”", "马特·罗森代尔表示，领导层没有采取行动。", "罗森代尔投票反对该协议。"]
    people = ("Matt Rosendale", "Rosendale")
    assert found(zh, src=src, src_people=people, mt_people=("马特·罗森代尔", "罗森代尔")) == []
    swapped = [zh[0], "马特·法鲁克表示，领导层没有采取行动。", zh[2]]
    assert found(swapped, src=src, src_people=people, mt_people=("马特·法鲁克", "罗森代尔")) == [
        ("names.replaced", "法鲁克", "罗森代尔")]


def test_a_sentence_pair_the_aligner_left_over_is_checked_as_a_block():
    # the swap pushed the third pair under the aligner's floor: one source and
    # one translated sentence left over, still a pair to hold the name to
    from mtcheck.checks.name_renderings import renderings as check

    mt = [ZH[0], ZH[1], "罗森代尔补充说，所有饮品的规则应该相同。"]
    links = (Link((0,), (0,)), Link((1,), (1,)), Link((2,), ()), Link((), (2,)))
    names = {"src_names": [Name(0, 14, "Simon Spillane", "PER", "ner"),
                           Name(" ".join(SRC).index("Spillane added"), " ".join(SRC).index("Spillane added") + 8,
                                "Spillane", "PER", "ner")],
             "mt_names": [Name(0, 6, "西蒙·斯皮兰", "PER", "ner"),
                          Name(" ".join(mt).index("罗森代尔"), " ".join(mt).index("罗森代尔") + 4, "罗森代尔", "PER", "ner")]}
    pair = Pair(mt=article(mt, "zh"), src=article(SRC, "en"), alignment=Alignment(links), src_lang="en",
                tgt_lang="zh", facts=names)
    assert [(f.rule, pair.mt.text[slice(*f.mt_span)]) for f in check(pair)] == [("names.replaced", "罗森代尔")]
