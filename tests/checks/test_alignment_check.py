"""Omissions and additions only where the evidence holds: a sentence merged
into its neighbour's translation, or left over opposite an unscored one, is
none."""

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
