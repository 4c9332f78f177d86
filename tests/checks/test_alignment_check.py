"""Omissions and additions only where the evidence holds: a sentence merged
into its neighbour's translation, or left over opposite an unscored one, is
none."""

from mtcheck.checks import Pair
from mtcheck.checks.alignment import unaligned
from mtcheck.types import Alignment, Article, Link, Segment


def article(sentences, lang):
    text = " ".join(sentences)
    segs, pos = [], 0
    for i, s in enumerate(sentences):
        segs.append(Segment(i, pos, pos + len(s), 0, s))
        pos += len(s) + 1
    return Article("a", text, lang, paragraphs=((0, len(text)),), segments=tuple(segs))


def found(src, mt, links):
    pair = Pair(mt=article(mt, "en"), src=article(src, "de"), alignment=Alignment(tuple(links)),
                src_lang="de", tgt_lang="en")
    return [(f.rule, f.confidence) for f in unaligned(pair)]


SRC = ["Die Wahl fand am Sonntag in Bayern statt.", "Die Wahlbeteiligung lag bei 66 Prozent in Bayern.",
       "Die CSU gewann deutlich vor den Grünen."]


def test_a_sentence_with_numbers_found_nowhere_in_the_translation_is_omitted():
    mt = ["The election took place in Bavaria on Sunday.", "The CSU won clearly ahead of the Greens."]
    links = [Link((0,), (0,)), Link((1,), (), 0.5), Link((2,), (1,))]
    assert found(SRC, mt, links) == [("omission.sentence", 0.8)]


def test_a_sentence_merged_into_its_neighbours_translation_is_no_omission():
    mt = ["The election took place in Bavaria on Sunday, with a turnout of 66 percent.",
          "The CSU won clearly ahead of the Greens."]
    links = [Link((0,), (0,)), Link((1,), (), 0.5), Link((2,), (1,))]
    assert found(SRC, mt, links) == []


def test_a_source_and_a_translated_sentence_left_over_in_one_gap_are_no_omission_and_addition():
    mt = ["The election took place in Bavaria on Sunday.", "Turnout was sixty-six percent in Bavaria.",
          "The CSU won clearly ahead of the Greens."]
    links = [Link((0,), (0,)), Link((1,), (), 0.9), Link((), (1,), 0.9), Link((2,), (2,))]
    assert found(SRC, mt, links) == []
