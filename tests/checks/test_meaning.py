"""The negation check: exact findings on aligned pairs, flag and pass cases per language."""

import re

import pytest

from mtcheck.checks import Pair
from mtcheck.checks.meaning import negation
from mtcheck.decide import Policy, apply
from mtcheck.meaning.negation import polarity
from mtcheck.types import Alignment, Link, WordLink

from tests.checks.build import article


def pair_of(src, mt, sl, tl, word_links=None):
    links = [Link((i,), (i,)) for i in range(len(src))]
    return Pair(mt=article(mt, tl), src=article(src, sl), alignment=Alignment(tuple(links)), src_lang=sl,
                tgt_lang=tl, word_links=word_links)


def found(src, mt, sl, tl, **kw):
    p = pair_of([src], [mt], sl, tl, **kw)
    out = []
    # the check's own scores: what the fitted curve makes of them is test_decide's
    for f in apply(negation(p), Policy(calibrate=False), p.src.text, p.mt.text):
        s = p.src.text[slice(*f.src_span)] if f.src_span else None
        m = p.mt.text[slice(*f.mt_span)] if f.mt_span else None
        out.append((f.rule, f.severity.label, s, m))
    return out


def flags(src, mt, sl, tl, **kw):
    """Findings an editor sees (an info note is not a flag)."""
    return [f for f in found(src, mt, sl, tl, **kw) if f[1] != "info"]


SIGNED = "The minister signed the agreement."


def links(src, mt, words):
    """Word links of sentence link 0 from (source word, translated word) pairs."""
    out = []
    for a, b in words:
        i, j = src.index(a), mt.index(b)
        out.append(WordLink(0, (i, i + len(a)), (j, j + len(b)), 0.9))
    return tuple(out)


@pytest.mark.parametrize("src,lang,marker,verb", [
    ("El ministro no firmó el acuerdo.", "es", "no", "firmó"),
    ("O ministro não assinou o acordo.", "pt", "não", "assinou"),
    ("Le ministre n'a pas signé l'accord.", "fr", "n'", "signé"),
    ("Il ministro non ha firmato l'accordo.", "it", "non", "firmato"),
    ("Der Minister hat das Abkommen nicht unterzeichnet.", "de", "nicht", "unterzeichnet"),
    ("Министр не подписал соглашение.", "ru", "не", "подписал"),
    ("Міністр не підписав угоду.", "uk", "не", "підписав"),
    ("Minister nie podpisał umowy.", "pl", "nie", "podpisał"),
    ("Ministr nepodepsal dohodu.", "cs", "nepodepsal", "nepodepsal"),
    ("部长没有签署协议。", "zh", "没", "签署"),
    ("大臣は協定に署名しなかった。", "ja", "なかった", "署名"),
    ("मंत्री ने समझौते पर हस्ताक्षर नहीं किए।", "hi", "नहीं", "हस्ताक्षर"),
])
def test_a_source_negation_lost_in_a_short_sentence_is_critical(src, lang, marker, verb):
    # the negation word itself is left unlinked; its verb is linked to "signed"
    wl = links(src, SIGNED, [(verb, "signed")])
    assert found(src, SIGNED, lang, "en", word_links=wl) == [("adequacy.negation", "minor", marker, "signed")]
    # without the word alignment the count alone is a note
    assert found(src, SIGNED, lang, "en") == [("adequacy.negation", "info", marker, SIGNED)]


def test_a_negation_added_to_the_translation_is_critical():
    mt = "Der Minister hat das Abkommen nicht unterzeichnet."
    wl = links(SIGNED, mt, [("minister", "Minister"), ("signed", "unterzeichnet"), ("agreement", "Abkommen")])
    assert found(SIGNED, mt, "en", "de", word_links=wl) == [("adequacy.negation", "minor", "signed", "nicht")]


def test_a_negation_added_in_two_clauses_is_flagged():
    src, mt = ("El equipo ganó el partido y celebró con sus aficionados.",
               "The team did not win the match and did not celebrate with its fans.")
    wl = links(src, mt, [("ganó", "win"), ("celebró", "celebrate"), ("equipo", "team")])
    assert found(src, mt, "es", "en", word_links=wl) == [("adequacy.negation", "minor", "ganó", "not")]


def test_the_word_alignment_gives_the_counterpart():
    src, mt = "El ministro no firmó el acuerdo.", SIGNED
    wl = links(src, mt, [("ministro", "minister"), ("no", "signed"), ("firmó", "signed"), ("acuerdo", "agreement")])
    assert found(src, mt, "es", "en", word_links=wl) == [("adequacy.negation", "minor", "no", "signed")]


def test_a_negation_nothing_links_to_is_a_note():
    src, mt = "El ministro no firmó el acuerdo.", SIGNED
    wl = links(src, mt, [("ministro", "minister")])
    assert found(src, mt, "es", "en", word_links=wl) == [("adequacy.negation", "info", "no", SIGNED)]


def test_negations_the_alignment_links_to_each_other_are_a_note():
    # "nadie" is read as absorbed by "no", the translation has two markers:
    # the alignment says they correspond, so the counts differ by grammar
    src, mt = "No vino nadie.", "No one did not come."
    wl = links(src, mt, [("No", "No"), ("nadie", "one"), ("nadie", "not"), ("vino", "come")])
    assert flags(src, mt, "es", "en", word_links=wl) == []


@pytest.mark.parametrize("src,mt,sl,tl", [
    # lexicalised negation: the translator put it into the word
    ("El equipo no logró clasificarse.", "The team failed to qualify.", "es", "en"),
    ("No fue posible llegar a un acuerdo.", "An agreement was impossible.", "es", "en"),
    ("他一直无法用药物来缓解疼痛。", "He has been unable to relieve the pain with medication.", "zh", "en"),
    ("La compañía lo catalogó como «no grave».", "The company listed it as \"non-serious\".", "es", "en"),
    # "without" and "sin" are one negation each
    ("Llegó sin su abrigo.", "He arrived without his coat.", "es", "en"),
    ("Er kam ohne Mantel.", "He came without a coat.", "de", "en"),
    # negative concord: one negation however many negative words
    ("No dijo nada a nadie.", "He said nothing to anyone.", "es", "en"),
    ("Nadie dijo nada.", "Nobody said anything.", "es", "en"),
    ("Он никогда не был в Париже.", "He has never been to Paris.", "ru", "en"),
    ("Не было ни воды, ни еды.", "There was neither water nor food.", "ru", "en"),
    ("Non è mai venuto.", "He never came.", "it", "en"),
    ("Não disse nada.", "He said nothing.", "pt", "en"),
    ("Nikt nie przyszedł.", "Nobody came.", "pl", "en"),
    ("Nikdy tam nebyl.", "He was never there.", "cs", "en"),
    ("Il n'a jamais rien dit.", "He never said anything.", "fr", "en"),
    # "ne ... que" restricts, it does not negate; "ne" alone is expletive
    ("Il n'a que cinq ans.", "He is only five.", "fr", "en"),
    ("Il est parti avant qu'elle ne revienne.", "He left before she came back.", "fr", "en"),
    # fixed phrases with a negative word that negate nothing
    ("Sin embargo, el plan fue aprobado.", "However, the plan was approved.", "es", "en"),
    ("Not only did he win, he broke the record.", "Er gewann nicht nur, er brach auch den Rekord.", "en", "de"),
    ("Тем не менее, план был одобрен.", "Nevertheless, the plan was approved.", "ru", "en"),
    ("Los precios están más altos que nunca.", "Prices are higher than ever.", "es", "en"),
    ("Non appena arrivato, ha parlato.", "As soon as he arrived, he spoke.", "it", "en"),
    ("他不仅赢了比赛，还打破了纪录。", "He won the race and also broke the record.", "zh", "en"),
    ("未来几年这非常重要。", "This will be very important in the coming years.", "zh", "en"),
    ("雨が降るかもしれない。", "It may rain.", "ja", "en"),
    ("彼は必ず来ます。", "He will certainly come.", "ja", "en"),
    ("距離を保たなければいけません。", "You must keep your distance.", "ja", "en"),
    ("Nejlepší hráč nebo trenér přišel.", "The best player or coach came.", "cs", "en"),
    ("राम ने किताब पढ़ी।", "Ram read the book.", "hi", "en"),
    # a double negation in one clause says the positive
    ("Das ist nicht ohne Risiko.", "That is risky.", "de", "en"),
    # both sides negate
    ("El ministro no firmó el acuerdo.", "The minister did not sign the agreement.", "es", "en"),
    ("部长没有签署协议。", "The minister didn't sign the agreement.", "zh", "en"),
])
def test_translations_that_keep_the_polarity_pass(src, mt, sl, tl):
    assert flags(src, mt, sl, tl) == []
    # with every word linked to every word (the loosest alignment), still no flag
    ws = [(m.start(), m.end()) for m in re.finditer(r"\w+", src)]
    wm = [(m.start(), m.end()) for m in re.finditer(r"\w+", mt)]
    wl = tuple(WordLink(0, a, b, 0.5) for a in ws for b in wm)
    assert flags(src, mt, sl, tl, word_links=wl) == []


def test_a_long_sentence_of_many_clauses_is_not_critical():
    src = ("El ministro, que llegó ayer a la capital tras una gira por el norte del país, dijo que el gobierno "
           "estudiará la propuesta, que no firmará el acuerdo hasta el lunes y que la oposición, según él, "
           "tendrá la última palabra en el parlamento cuando se vote la ley.")
    mt = ("The minister, who arrived in the capital yesterday after a tour of the north of the country, said that "
          "the government will study the proposal, that it will sign the agreement on Monday and that the "
          "opposition, according to him, will have the last word in parliament when the law is voted on.")
    wl = links(src, mt, [("firmará", "sign"), ("ministro", "minister")])
    assert [f[1] for f in found(src, mt, "es", "en", word_links=wl)] in (["minor"], ["info"])


def test_a_language_without_a_marker_table_gives_nothing():
    assert found("Ráðherrann skrifaði ekki undir samninginn.", SIGNED, "is", "en") == []


@pytest.mark.parametrize("text,lang,count", [
    ("He didn't go, nor did she.", "en", 1),
    ("No vino nadie.", "es", 1),
    ("No logró llegar sin ayuda.", "es", 2),
    ("Il ne mange pas.", "fr", 1),
    ("Il n'a que 5 ans.", "fr", 0),
    ("Он никогда не был там.", "ru", 1),
    ("Er kam nicht, nicht nur heute.", "de", 1),
    ("He is No. 5 in the world.", "en", 0),
    ("行かなかった。", "ja", 1),
])
def test_negations_are_counted_as_the_grammar_makes_them(text, lang, count):
    assert polarity(text, lang).count == count


def test_a_bare_contrast_restated_is_not_critical():
    # "but not prices": a contrast translators restate ("keep prices unchanged")
    src, mt = ("The firm plans to raise its branch network but not prices.",
               "Das Unternehmen will sein Filialnetz ausweiten, aber die Preise gleich lassen.")
    wl = links(src, mt, [("prices", "Preise"), ("network", "Filialnetz")])
    assert [f[1] for f in found(src, mt, "en", "de", word_links=wl)] == ["minor"]


def test_a_negation_gone_into_a_word_is_not_even_a_note():
    assert found("El BCE mantuvo los tipos sin cambios.", "The ECB kept rates unchanged.", "es", "en") == []
