"""Omissions and additions only where the evidence holds: a sentence merged
into its neighbour's translation, or left over opposite an unscored one, is
none."""

import re

from mtcheck.checks import Pair
from mtcheck.checks.alignment import unaligned
from mtcheck.types import Alignment, Link

from tests.checks.build import article


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


def test_a_sentence_opposite_one_of_several_left_over_in_its_gap_is_no_omission():
    # each of the other side's leftovers is tried on its own, not only all together
    mt = ["The election took place in Bavaria on Sunday.", "Turnout was sixty-six percent in Bavaria.",
          "A fox was seen crossing the square at noon.", "The CSU won clearly ahead of the Greens."]
    links = [Link((0,), (0,)), Link((1,), (), 0.9), Link((), (1,), 0.9), Link((), (2,), 0.9), Link((2,), (3,))]
    pair = Pair(mt=article(mt, "en"), src=article(SRC, "de"), alignment=Alignment(tuple(links)),
                src_lang="de", tgt_lang="en", facts={"similarity": _toy_similarity})
    assert [(f.rule, pair.mt.text[slice(*f.mt_span)]) for f in unaligned(pair)] == [
        ("addition.sentence", "A fox was seen crossing the square at noon.")]


def _toy_similarity(a: str, b: str) -> float:
    """Shared words over all words: enough to tell the turnout sentence from the weather."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return 0.5 + 0.5 * len(wa & wb) / max(1, len(wa | wb)) + (0.3 if "66" in a + b and "sixty-six" in a + b else 0.0)


def test_a_sentence_whose_numbers_went_to_the_neighbour_is_carried_with_a_model_too():
    src = ["The show opens on Saturday, Jan. 13, with a reception from 6-8 p.m. It runs through Sunday, March 3."]
    mt = ["Die Ausstellung wird am Samstag, dem 13. Januar, mit einem Empfang von 18 bis 20 Uhr eröffnet.",
          "Sie läuft bis Sonntag, den 3. März."]
    links = [Link((0,), (0,)), Link((), (1,), 1.0)]
    pair = Pair(mt=article(mt, "de"), src=article(src, "en"), alignment=Alignment(tuple(links)),
                src_lang="en", tgt_lang="de", facts={"similarity": lambda a, b: 0.8})
    assert list(unaligned(pair)) == []


def test_a_sentence_that_closes_its_neighbours_quotation_is_no_addition():
    src = ['"New year, same behaviour," the congressman said. "We are not seeking an omnibus bill."',
           "Congress has not passed all twelve bills separately since the year 1996."]
    mt = ["„Neues Jahr, gleiches Verhalten“, sagte der Abgeordnete. „Wir wollen kein Sammelgesetz.",
          "Ich bin nicht für einen Stillstand der Regierung.“",
          "Der Kongress hat seit dem Jahr 1996 nicht alle zwölf Gesetze einzeln verabschiedet."]
    links = [Link((0,), (0,)), Link((), (1,), 0.99), Link((1,), (2,))]
    pair = Pair(mt=article(mt, "de"), src=article(src, "en"), alignment=Alignment(tuple(links)),
                src_lang="en", tgt_lang="de", facts={"similarity": lambda a, b: 0.8})
    assert list(unaligned(pair)) == []
    # a sentence of its own, quotation marks and all, is still an addition
    mt[1] = "„Ich bin nicht für einen Stillstand der Regierung“, sagte er dann noch."
    pair = Pair(mt=article(mt, "de"), src=article(src, "en"), alignment=Alignment(tuple(links)),
                src_lang="en", tgt_lang="de", facts={"similarity": lambda a, b: 0.8})
    assert [f.rule for f in unaligned(pair)] == ["addition.sentence"]


# -- with a model: the neighbour's length, the gap's best match, the competing links --

def _table(values: dict, default: float = 0.8):
    """A similarity read from a table of (source, translation) texts."""
    return lambda a, b: values.get((a, b), default)


def _omissions(src, mt, links, values, src_lang="de", tgt_lang="en"):
    pair = Pair(mt=article(mt, tgt_lang), src=article(src, src_lang), alignment=Alignment(tuple(links)),
                src_lang=src_lang, tgt_lang=tgt_lang, facts={"similarity": _table(values)})
    return [(f.rule, (pair.src if f.src_span else pair.mt).text[slice(*(f.src_span or f.mt_span))],
             round(f.confidence, 3)) for f in unaligned(pair)]


BUDGET = ["Die Regierung hat am Montag einen neuen Haushalt für das kommende Jahr vorgelegt.",
          "Der Finanzminister sprach von einem schwierigen, aber notwendigen Kompromiss.",
          "Die Opposition kündigte Widerstand im Parlament an.",
          "Die Abstimmung ist für Ende März geplant."]
BUDGET_EN = ["The government presented a new budget for the coming year on Monday.",
             "The opposition announced resistance in parliament.",
             "The vote is planned for the end of March."]
BUDGET_LINKS = [Link((0,), (0,)), Link((1,), (), 0.9), Link((2,), (1,)), Link((3,), (2,))]


def test_a_sentence_that_raises_its_neighbours_similarity_is_dropped_when_the_translation_is_too_short_for_it():
    # the encoder finds the minister's sentence on the budget's subject, but
    # the English sentence is as long as the German one before it alone
    values = {(BUDGET[0], BUDGET_EN[0]): 0.90, (f"{BUDGET[0]} {BUDGET[1]}", BUDGET_EN[0]): 0.91,
              (BUDGET[1], BUDGET_EN[0]): 0.90}
    assert _omissions(BUDGET, BUDGET_EN, BUDGET_LINKS, values) == [("omission.sentence", BUDGET[1], 0.9)]


def test_two_short_sentences_merged_into_one_translated_sentence_are_no_omission():
    src = ["Der Zug hatte am Morgen Verspätung.", "Er kam erst um neun Uhr in Berlin an.", *BUDGET[2:]]
    mt = ["The morning train was late and did not reach Berlin until nine.", *BUDGET_EN[1:]]
    values = {(src[0], mt[0]): 0.86, (f"{src[0]} {src[1]}", mt[0]): 0.90, (src[1], mt[0]): 0.86}
    assert _omissions(src, mt, BUDGET_LINKS, values) == []


# a gap: the aligner left two German sentences and one English one unlinked
GAP_SRC = [BUDGET[0], "Die Umweltminister einigten sich vor Weihnachten auf ein Verhandlungsmandat.",
           "„Unsere Position ist klar“, schrieb der Verband der Brauer an die Abgeordneten.", *BUDGET[2:]]
GAP_LINKS = [Link((0,), (0,)), Link((1,), (), 0.9), Link((2,), (), 0.9), Link((), (1,), 0.9),
             Link((3,), (2,)), Link((4,), (3,))]


def test_a_sentence_beside_the_one_a_leftover_translates_is_dropped():
    mt = [BUDGET_EN[0], "Environment ministers agreed a negotiating mandate before Christmas.", *BUDGET_EN[1:]]
    values = {(GAP_SRC[1], mt[1]): 0.83, (GAP_SRC[2], mt[1]): 0.81}  # both above the gap's floor
    assert _omissions(GAP_SRC, mt, GAP_LINKS, values) == [("omission.sentence", GAP_SRC[2], 0.9)]


def test_a_leftover_long_enough_for_both_sentences_of_its_gap_carries_both():
    mt = [BUDGET_EN[0], "Environment ministers agreed a negotiating mandate before Christmas, and the brewers' "
                        "association wrote to the members that its position was clear.", *BUDGET_EN[1:]]
    values = {(GAP_SRC[1], mt[1]): 0.83, (GAP_SRC[2], mt[1]): 0.81}
    assert _omissions(GAP_SRC, mt, GAP_LINKS, values) == []


def test_a_source_sentence_split_in_two_left_over_is_no_addition():
    src = [BUDGET[0], "Die Umweltminister einigten sich vor Weihnachten auf ein Verhandlungsmandat, das den "
                      "Weg für Gespräche im Parlament ebnet.", *BUDGET[2:]]
    mt = [BUDGET_EN[0], "Environment ministers agreed a negotiating mandate before Christmas.",
          "It paves the way for talks in parliament.", *BUDGET_EN[1:]]
    links = [Link((0,), (0,)), Link((1,), (), 0.9), Link((), (1,), 0.9), Link((), (2,), 0.9),
             Link((2,), (3,)), Link((3,), (4,))]
    values = {(src[1], mt[1]): 0.83, (src[1], mt[2]): 0.80}
    assert _omissions(src, mt, links, values) == []


def test_a_sentence_each_translated_neighbour_of_which_renders_its_own_source_better_is_lost():
    # Czech and Ukrainian: a sentence on the same subject scores near a
    # translation, so the aligner doubts (0.39); but each Ukrainian sentence
    # around matches its own Czech sentence by 0.04 more
    values = {(BUDGET[0], BUDGET_EN[0]): 0.92, (BUDGET[1], BUDGET_EN[0]): 0.88,
              (BUDGET[2], BUDGET_EN[1]): 0.92, (BUDGET[1], BUDGET_EN[1]): 0.88}
    links = [Link((0,), (0,)), Link((1,), (), 0.39), Link((2,), (1,)), Link((3,), (2,))]
    values[(BUDGET[3], BUDGET_EN[2])] = 0.95
    # 1 / (1 + exp(-10 * 0.04 / 0.15)), the aligner's units and slope
    assert _omissions(BUDGET, BUDGET_EN, links, values) == [("omission.sentence", BUDGET[1], 0.935)]


def test_a_translated_neighbour_that_renders_the_sentence_as_well_as_its_own_leaves_the_aligners_doubt():
    values = {(BUDGET[0], BUDGET_EN[0]): 0.92, (BUDGET[1], BUDGET_EN[0]): 0.93,
              (BUDGET[2], BUDGET_EN[1]): 0.92, (BUDGET[1], BUDGET_EN[1]): 0.88, (BUDGET[3], BUDGET_EN[2]): 0.95}
    links = [Link((0,), (0,)), Link((1,), (), 0.39), Link((2,), (1,)), Link((3,), (2,))]
    assert _omissions(BUDGET, BUDGET_EN, links, values) == [("omission.sentence", BUDGET[1], 0.39)]


# -- with word links: a translated sentence split off the end its neighbour leaves unaligned --

SPLIT_SRC = [BUDGET[0], "Die Umweltminister einigten sich vor Weihnachten auf ein Verhandlungsmandat, das den "
                        "Weg für Gespräche im Parlament ebnet.", *BUDGET[2:]]
SPLIT_MT = [BUDGET_EN[0], "Environment ministers agreed a negotiating mandate before Christmas.",
            "It paves the way for talks in parliament.", *BUDGET_EN[1:]]
SPLIT_LINKS = [Link((0,), (0,)), Link((1,), (1,)), Link((), (2,), 0.99), Link((2,), (3,)), Link((3,), (4,))]


def _split(src, mt, linked_up_to: str):
    """Additions found when link 1's word links join the source words up to
    ``linked_up_to`` (inclusive), each to the first word of its translation."""
    from mtcheck.types import WordLink

    s_art, m_art = article(src, "de"), article(mt, "en")
    seg, tgt = s_art.segments[1], m_art.segments[1]
    upto = seg.start + seg.text.index(linked_up_to) + len(linked_up_to)
    words = [(seg.start + m.start(), seg.start + m.end()) for m in re.finditer(r"\w+", seg.text)]
    wl = tuple(WordLink(1, w, (tgt.start, tgt.start + 11), 0.8) for w in words if w[1] <= upto)
    pair = Pair(mt=m_art, src=s_art, alignment=Alignment(tuple(SPLIT_LINKS)), src_lang="de", tgt_lang="en",
                facts={"similarity": lambda a, b: 0.8}, word_links=wl)
    return [(f.rule, m_art.text[slice(*f.mt_span)]) for f in unaligned(pair)]


def test_a_sentence_split_off_the_unaligned_end_of_its_neighbours_source_is_no_addition():
    assert _split(SPLIT_SRC, SPLIT_MT, "Verhandlungsmandat") == []


def test_a_sentence_beside_a_neighbour_whose_source_is_aligned_to_the_end_is_an_addition():
    assert _split(SPLIT_SRC, SPLIT_MT, "ebnet") == [("addition.sentence", SPLIT_MT[2])]


def test_a_sentence_much_longer_than_the_unaligned_end_beside_it_is_an_addition():
    mt = [*SPLIT_MT[:2], "It paves the way for talks in parliament, where the opposition has promised a long "
                         "and bitter fight over every line of the spending plans.", *SPLIT_MT[3:]]
    assert _split(SPLIT_SRC, mt, "Verhandlungsmandat") == [("addition.sentence", mt[2])]
