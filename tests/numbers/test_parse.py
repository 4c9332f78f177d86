"""Numbers read from text: values across locales, kinds, spans."""

from fractions import Fraction

import pytest

from mtcheck.numbers import extract, figures, render
from mtcheck.numbers.compare import converts, pair_up


def values(text, lang):
    return [(n.text, n.kind, n.value) for n in extract(text, lang)]


def same(a, la, b, lb):
    x, y = extract(a, la), extract(b, lb)
    pairs, left_a, left_b = pair_up(x, y)
    return not left_a and not left_b and len(pairs) == len(x)


@pytest.mark.parametrize("a, la, b, lb", [
    ("unos 94.000 soldados", "es", "some 94,000 soldiers", "en"),
    ("3,5 millones de euros", "es", "3.5 million euros", "en"),
    ("cinco mil millones", "es", "five billion", "en"),
    ("5 mil millones de dólares", "es", "$5bn", "en"),
    ("un billón de dólares", "es", "a trillion dollars", "en"),
    ("3 Mrd. Euro", "de", "3 billion euros", "en"),
    ("2,5 Mio. Menschen", "de", "2.5 million people", "en"),
    ("4 milliards d'euros", "fr", "4 billion euros", "en"),
    ("1.000,5 km", "de", "1,000.5 km", "en"),
    ("1 000,5 km", "fr", "1,000.5 km", "en"),
    ("10 тыс. человек", "ru", "10,000 people", "en"),
    ("2 млн рублей", "ru", "2 million roubles", "en"),
    ("5 mld. Kč", "cs", "5 billion crowns", "en"),
    ("417.6万例", "zh", "4.176 million cases", "en"),
    ("1億3600万ドル", "ja", "136 million dollars", "en"),
    ("34万亿美元", "zh", "$34 trillion", "en"),
    ("um 20.30 Uhr", "de", "at 8:30 p.m.", "en"),
    ("um 22 Uhr", "de", "at 10 p.m.", "en"),
    ("à 20h30", "fr", "at 8:30 pm", "en"),
    ("15时50分", "zh", "at 15:50", "en"),
    ("двух миллионов", "ru", "2 million", "en"),
    ("a dozen eggs", "en", "12 huevos", "es"),
    ("in the 1990s", "en", "в 90-х годах", "ru"),
    ("treinta y dos", "es", "thirty-two", "en"),
    ("zweiundzwanzig", "de", "22", "en"),
    ("quatre-vingt-dix ans", "fr", "90 years", "en"),
    ("tři týdny", "cs", "three weeks", "en"),
    ("नौ बार", "hi", "nine times", "en"),
    ("९ बार", "hi", "9 times", "en"),
    ("未来三天", "zh", "the next three days", "en"),
    ("el lunes 24 de julio", "es", "on Monday, July 24", "en"),
    ("24.07.2020", "de", "July 24, 2020", "en"),
    ("20 por ciento", "es", "20%", "en"),
    ("７割", "ja", "70%", "en"),
    ("26年度", "ja", "2026年度", "zh"),
    ("from 1981-87", "en", "de 1981 a 1987", "es"),
    ("more than two decades", "en", "více než dvacet let", "cs"),
    ("COVID-19", "en", "Covid-19", "de"),
])
def test_one_figure_written_two_ways_is_the_same(a, la, b, lb):
    assert same(a, la, b, lb)


@pytest.mark.parametrize("a, la, b, lb", [
    ("unos 94.000 soldados", "es", "some 49,000 soldiers", "en"),
    ("400 euros", "fr", "4,000 euros", "en"),
    ("3,5 millones", "es", "3.5 billion", "en"),
    ("mil millones", "es", "a million", "en"),
    ("un billón", "es", "a billion", "en"),
    ("um 20.30 Uhr", "de", "at 8:30 a.m.", "en"),
    ("three days", "en", "nueve días", "es"),
    ("F-35", "en", "F-43", "en"),
])
def test_two_different_figures_differ(a, la, b, lb):
    assert not same(a, la, b, lb)


def test_a_spanish_dot_groups_thousands_and_an_english_one_is_a_decimal_point():
    assert extract("94.000", "es")[0].value == 94000
    assert extract("1.5", "en")[0].value == Fraction(3, 2)
    assert extract("3,5", "es")[0].value == Fraction(7, 2)


def test_kinds_and_spans():
    text = "On Monday, 24 July, 3,000 people paid $5m, 20% more, at 10 p.m., in the 1990s and 24th place."
    got = [(n.text, n.kind) for n in extract(text, "en")]
    assert got == [("Monday", "weekday"), ("24", "plain"), ("July", "month"), ("3,000", "plain"), ("$5m", "money"),
                   ("20%", "percent"), ("10 p.m.", "time"), ("1990s", "decade"), ("24th", "ordinal")]
    for n in extract(text, "en"):
        assert text[n.start:n.end] == n.text


def test_figures_inside_names_and_codes_are_tokens():
    assert [(n.text, n.kind) for n in extract("G7, COVID-19, iPhone6 and 3D", "en")] == [
        ("G7", "token"), ("COVID-19", "token"), ("iPhone6", "token"), ("3D", "token")]
    assert extract("see https://example.com/2024/05 now", "en") == []


def test_words_that_are_no_figure():
    # the article, a scale word alone, a modal verb, a Chinese word made with a numeral
    assert values("una persona, millones de personas", "es") == []
    assert values("It may rain", "en") == []
    assert values("一些人统一了", "zh") == []
    assert values("between two and three", "en") == [("two", "plain", 2), ("three", "plain", 3)]


def test_unit_conversions_within_rounding():
    mi, km = extract("10 miles", "en")[0], extract("16 km", "en")[0]
    assert converts(mi, km)
    assert not converts(mi, extract("26 km", "en")[0])


def test_figures_and_render():
    assert figures("2 500 and 1,000.5") == [((0, 5), "2500"), ((10, 17), "10005")]
    assert render(Fraction(94000), "en") == "94,000"
    assert render(Fraction(94000), "es") == "94.000"
    assert render(Fraction(7, 2), "de") == "3,5"
