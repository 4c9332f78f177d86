"""The numbers check: exact findings on aligned pairs."""

from mtcheck.checks import Pair
from mtcheck.checks.numbers import numbers
from mtcheck.decide import Policy, apply
from mtcheck.types import Alignment, Link, Severity, WordLink

from tests.checks.build import article


def pair_of(src, mt, sl, tl, links=None, word_links=None):
    links = links or [Link((i,), (i,)) for i in range(len(src))]
    return Pair(mt=article(mt, tl), src=article(src, sl), alignment=Alignment(tuple(links)), src_lang=sl,
                tgt_lang=tl, word_links=word_links)


def found(src, mt, sl, tl, **kw):
    p = pair_of(src, mt, sl, tl, **kw)
    out = []
    for f in apply(numbers(p), Policy(), p.src.text, p.mt.text):
        s = p.src.text[slice(*f.src_span)] if f.src_span else None
        m = p.mt.text[slice(*f.mt_span)] if f.mt_span else None
        out.append((f.rule, f.severity.label, s, m, f.suggestion))
    return out


def test_the_sample_corpus_soldiers_94000_to_49000_is_a_changed_number():
    got = found(["Rusia ha desplegado unos 94.000 soldados cerca de la frontera."],
                ["Russia has deployed some 49,000 soldiers near the border."], "es", "en")
    assert got == [("numbers.changed", "critical", "94.000", "49,000", "94,000")]


def test_the_sample_corpus_bonus_400_to_4000_euros_is_a_changed_number():
    got = found(["La direction a proposé une prime de 400 euros."], ["Management offered a bonus of 4,000 euros."],
                "fr", "en")
    assert got == [("numbers.changed", "critical", "400 euros", "4,000 euros", "400 euros")]


def test_locale_and_scale_renderings_pass():
    src = ["Rusia ha desplegado unos 94.000 soldados.", "El fondo tiene 3,5 millones de euros.",
           "La deuda es de 5 mil millones de dólares."]
    mt = ["Russia has deployed some 94,000 soldiers.", "The fund holds 3.5 million euros.",
          "The debt is 5 billion dollars."]
    assert found(src, mt, "es", "en") == []


def test_a_time_written_on_the_24_hour_clock_and_with_pm_passes():
    assert found(["Die Sitzung beginnt um 20.30 Uhr, die Wahl um 22 Uhr."],
                 ["The meeting starts at 8:30 p.m., the vote at 10 p.m."], "de", "en") == []


def test_a_time_changed_is_flagged():
    got = found(["Die Sitzung beginnt um 20.30 Uhr."], ["The meeting starts at 9:30 p.m."], "de", "en")
    assert got == [("numbers.changed", "critical", "20.30 Uhr", "9:30 p.m.", "20.30 Uhr")]


def test_words_for_digits_and_dates_rewritten_pass():
    src = ["Zwei Millionen Menschen kamen am Montag, dem 24.07.2020.", "Ein Dutzend Häuser brannte."]
    mt = ["Two million people came on Monday, July 24, 2020.", "12 houses burned."]
    assert found(src, mt, "de", "en") == []


def test_a_number_in_words_changed_is_a_major_flag():
    got = found(["Los partidarios dicen que la protesta tuvo lugar en nueve estados."],
                ["Supporters say the protest took place in six states."], "es", "en")
    assert got == [("numbers.changed", "major", "nueve", "six", "nueve")]


def test_same_tokens_pass_and_a_changed_code_is_flagged():
    assert found(["El G7 habló de la COVID-19."], ["The G7 discussed COVID-19."], "es", "en") == []
    got = found(["Polonia compra aviones F-35."], ["Poland buys F-43 jets."], "es", "en")
    assert got == [("numbers.changed", "critical", "F-35", "F-43", "F-35")]


def test_a_conversion_stated_beside_the_figure_is_no_added_number():
    assert found(["La tormenta avanzó 16 km."], ["The storm moved 10 miles (16 km)."], "es", "en") == []
    assert found(["La tormenta avanzó 16 km."], ["The storm moved 10 miles."], "es", "en") == []


def test_a_figure_dropped_is_missing_and_a_year_dropped_is_a_note():
    got = found(["El paro bajó al 12 % en 2024."], ["Unemployment fell this year."], "es", "en")
    assert got == [("numbers.missing", "minor", "12 %", None, None), ("numbers.missing", "info", "2024", None, None)]


def test_the_word_for_one_against_an_article_is_no_flag():
    got = found(["Vive con uno de sus hijos y una hija."], ["She lives with one of her sons and a daughter."],
                "es", "en")
    assert got == [("numbers.added", "info", None, "one", None)]  # a note, not a flag


def test_word_alignment_pairs_a_figure_with_its_counterpart():
    src = ["Llegaron 30 personas y 50 coches."]
    mt = ["Came 50 cars and 31 people."]
    p = pair_of(src, mt, "es", "en")
    s30 = src[0].index("30")
    m31 = mt[0].index("31")
    links = (WordLink(0, (s30, s30 + 2), (m31, m31 + 2), 0.9),)
    got = found(src, mt, "es", "en", word_links=links)
    assert got == [("numbers.changed", "critical", "30", "31", "30")]
    assert p is not None


def test_a_figure_carried_by_the_neighbouring_link_is_not_lost():
    src = ["El incendio quemó 400 hectáreas.", "Los bomberos lo controlaron."]
    mt = ["The fire burned.", "Firefighters controlled the 400 hectares."]
    assert found(src, mt, "es", "en") == []


def test_a_changed_figure_among_several_unaligned_is_less_sure():
    got = found(["Hubo 30 heridos, 50 detenidos."], ["There were 31 injured, 52 arrested."], "es", "en")
    assert [(r, s) for r, s, *_ in got] == [("numbers.changed", "major"), ("numbers.changed", "major")]
    assert [(a, b) for _, _, a, b, _ in got] == [("30", "31"), ("50", "52")]


def test_severity_comes_from_confidence():
    p = pair_of(["Llegaron 30 personas."], ["Came 31 people."], "es", "en")
    (f,) = numbers(p)
    assert f.rule == "numbers.changed" and f.confidence >= 0.75
    assert apply([f], Policy(), p.src.text, p.mt.text)[0].severity == Severity.CRITICAL


def test_a_figure_shared_out_by_each_may_be_written_for_each_one():
    # 男女各8人: 8 boys and 8 girls; the source's １ of １つ is the translation's 一个
    got = found(["男女各８人が１つのトーナメントで対戦した。"], ["8位男生和8位女生将组成一个小组赛对决。"], "ja", "zh")
    assert [g for g in got if g[1] != "info"] == []
    # the other way: two figures of the source are one after 各
    assert found(["8 boys and 8 girls played."], ["男女各8人参加了比赛。"], "en", "zh") == []
    # without 各 the second figure is another one
    got = found(["男女８人が１つのトーナメントで対戦した。"], ["8位男生和8位女生将组成一个小组赛对决。"], "ja", "zh")
    assert [g[:4] for g in got if g[1] != "info"] == [("numbers.changed", "critical", "１", "8")]
