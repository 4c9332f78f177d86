"""Flag and pass examples for the quotation-mark checks, per convention."""

import pytest
from dataclasses import replace

from mtcheck.checks import Pair
from mtcheck.checks.quotes import quote_marks
from mtcheck.decide import Policy, severity
from mtcheck.readers.text import read_text
from mtcheck.types import Article

NB = "\u202f"


def lint(text, lang):
    """The check's findings, with the severity the decision engine gives them."""
    art = Article("a", text, lang, paragraphs=read_text(text).paragraphs)
    return [replace(f, severity=severity(f, Policy())) for f in quote_marks(Pair(mt=art, tgt_lang=lang))]


def repaired(text, f):
    s, e = f.mt_span
    return text[:s] + f.suggestion + text[e:]


PASS = [
    ("en", "“We ask Russia to respect the sovereignty of Ukraine,” said Blinken."),
    ("en", "He said the talks were “constructive” and would go on."),
    ("en", "“He told me: ‘we don’t agree’,” she said."),
    ("en", 'The minister called it "a disgrace" and left.'),
    ("en", "“No conflict”"),
    ("en", "1 thought on “The US urges Russia to seek a diplomatic solution to the Ukrainian crisis”"),
    ("en", "“The first paragraph of a long quote.\n\n“The second paragraph reopens it.”"),
    ("es", "«Pedimos a Rusia que respete la soberanía de Ucrania», dijo el secretario."),
    ("es", "«Me dijo: “no lo haremos” y se fue», contó."),
    ("es", "Lavrov aseguró que Rusia no quiere “ningún conflicto”."),
    ("pt", "«Estamos prontos», disse o ministro."),
    ("it", "«Siamo pronti», ha detto il ministro."),
    ("ru", "«Мы готовы», — сказал министр."),
    ("uk", "«Ми готові», — сказав міністр."),
    ("fr", f"«{NB}Nous serons aux côtés des habitants{NB}», a déclaré le ministre."),
    ("fr", "« Nous sommes prêts », a-t-il dit."),
    ("de", "„Die Lage ist ernst, aber unter Kontrolle“, sagte Söder."),
    ("de", "Er nannte es »eine Katastrophe« und ging."),
    ("cs", "„Jsme připraveni,“ řekl ministr."),
    ("pl", "„Jesteśmy gotowi” – powiedział minister."),
    ("hu", "„Készen állunk” – mondta a miniszter."),
    ("ja", "彼は「準備はできている」と述べた。"),
    ("zh", "他说：“我们准备好了。”"),
]


@pytest.mark.parametrize("lang,text", PASS)
def test_well_formed_quotations_pass(lang, text):
    assert lint(text, lang) == []


FLAG = [
    # (lang, text, rule, severity, repaired text)
    ("en", "warned of the “serious consequences“that an invasion would have.", "quotes.direction", "minor",
     "warned of the “serious consequences” that an invasion would have."),
    ("en", "“We ask Russia to respect the sovereignty of Ukraine, “said the Secretary.", "quotes.attribution", "major",
     "“We ask Russia to respect the sovereignty of Ukraine,” said the Secretary."),
    ("en", "“This is what I hope to discuss with Sergei, “the secretary of state told reporters.", "quotes.attribution", "major",
     "“This is what I hope to discuss with Sergei,” the secretary of state told reporters."),
    ("en", "accused NATO of refusing “proposals to prevent dangerous incidents. ” In his opinion", "quotes.spacing", "minor",
     "accused NATO of refusing “proposals to prevent dangerous incidents.” In his opinion"),
    ("en", "He said it “ soon” would end.", "quotes.spacing", "minor", "He said it “soon” would end."),
    ("en", "He said it“soon” would end.", "quotes.spacing", "minor", "He said it “soon” would end."),
    ("en", "The talks were “constructive and would go on.", "quotes.unclosed", "major", None),
    ("en", '"We are ready, said the minister.', "quotes.unclosed", "major", None),
    ("es", "«Pedimos a Rusia que respete la soberanía, »dijo el secretario.", "quotes.attribution", "major",
     "«Pedimos a Rusia que respete la soberanía,» dijo el secretario."),
    ("es", "»Estamos listos«, dijo.", "quotes.direction", "minor", "«Estamos listos«, dijo."),
    ("fr", "«Nous sommes prêts », a-t-il dit.", "quotes.spacing", "minor", f"«{NB}Nous sommes prêts », a-t-il dit."),
    ("de", "„Die Lage ist ernst, aber unter Kontrolle„, sagte Söder.", "quotes.direction", "minor",
     "„Die Lage ist ernst, aber unter Kontrolle“, sagte Söder."),
    ("de", "„Die Lage ist ernst“sagte Söder.", "quotes.spacing", "minor", "„Die Lage ist ernst“ sagte Söder."),
    ("pl", "„Jesteśmy gotowi„ – powiedział minister.", "quotes.direction", "minor", "„Jesteśmy gotowi” – powiedział minister."),
    ("ja", "彼は「準備はできている「と述べた。", "quotes.direction", "minor", "彼は「準備はできている」と述べた。"),
]


@pytest.mark.parametrize("lang,text,rule,severity,fixed", FLAG)
def test_garbled_quotations_are_flagged_with_a_repair(lang, text, rule, severity, fixed):
    found = lint(text, lang)
    assert [(f.rule, f.severity.label) for f in found][:1] == [(rule, severity)]
    if fixed is not None:
        assert repaired(text, found[0]) == fixed


def test_shifted_pair_is_two_misplaced_marks():
    text = "while being” very concerned “by the evidence."
    found = lint(text, "en")
    assert [(f.rule, text[f.mt_span[0]:f.mt_span[1]], f.suggestion) for f in found] == [
        ("quotes.misplaced", "” ", " “"),
        ("quotes.misplaced", " “", "” "),
    ]


def test_paragraph_that_does_not_reopen_leaves_the_quote_unclosed():
    text = "“The first paragraph of a long quote.\n\nThe second paragraph does not reopen it."
    found = lint(text, "en")
    assert [(f.rule, f.mt_span) for f in found] == [("quotes.unclosed", (0, 1))]


def test_mixed_conventions_in_one_article():
    text = "«Estamos listos», dijo. Luego añadió: “no habrá acuerdo”. «Nunca», repitió."
    found = lint(text, "es")
    assert [(f.rule, text[f.mt_span[0]:f.mt_span[1]]) for f in found] == [("quotes.mixed", "“no habrá acuerdo”")]


def test_an_unclosed_quotation_that_the_source_leaves_open_too_is_a_note():
    from mtcheck.pipeline import Options, Session, check_segment_pair

    s = Session(Options(src_lang="de", tgt_lang="en", use_models=False))
    mt = "“All condolences will not be enough, the president said."
    open_too = check_segment_pair(s, "x", "„Alle Beileidsbekundungen werden nicht ausreichen, sagte der Präsident.", mt)
    closed = check_segment_pair(s, "x", "„Alle Beileidsbekundungen werden nicht ausreichen“, sagte der Präsident.", mt)
    assert [(f.rule, f.severity.label) for f in open_too.findings if f.category == "quotes"] == [("quotes.unclosed", "info")]
    assert [(f.rule, f.severity.label) for f in closed.findings if f.category == "quotes"][:1] == [("quotes.unclosed", "major")]


def test_a_quotation_that_the_source_closes_at_the_paragraph_end_is_minor_when_left_open():
    from mtcheck.pipeline import Options, Session, check_segment_pair

    def quotes(src, mt, tgt="cs"):
        s = Session(Options(src_lang="en", tgt_lang=tgt, use_models=False))
        return [(f.rule, f.mt_span, f.severity.label) for f in check_segment_pair(s, "x", src, mt).findings
                if f.category == "quotes"]

    src = '"Our position is clear," the association wrote. "The rules must apply to all drinks."'
    # the last quotation runs to the paragraph's end, where the source closes it
    assert quotes(src, "„Náš postoj je jasný,“ napsala asociace. „Pravidla musí platit pro všechny nápoje.") == [
        ("quotes.unclosed", (41, 42), "minor")]
    # the source's quotation ends before its attribution: where this one ends is unknown
    src2 = '"Our position is clear," the association wrote. "The rules must apply to all drinks," it added.'
    assert quotes(src2, "„Náš postoj je jasný,“ napsala asociace. „Pravidla musí platit pro všechny nápoje, dodala.") == [
        ("quotes.unclosed", (41, 42), "major")]
    # another mark after the open one: the first quotation's end is unknown
    mt = '"Nuestra posición es clara, escribió la asociación. "Las normas deben aplicarse a todas las bebidas".'
    assert quotes(src, mt, "es") == [("quotes.unclosed", (0, 1), "major")]


def test_an_opening_mark_after_a_quotation_carried_over_paragraphs_opens_a_new_one():
    # the first paragraph's last quotation was never closed: the „ two
    # paragraphs on opens a quotation of its own, it does not close that one
    text = ("„Náš postoj je jasný,“ napsala asociace. „Pravidla musí platit pro všechny nápoje.\n\n"
            "Výjimka by platila i pro víno.\n\nPivovarníci „jdou v čele,“ řekl Spillane.")
    assert [(f.rule, f.mt_span) for f in lint(text, "cs")] == [("quotes.unclosed", (41, 42))]


def test_a_quotation_left_open_before_another_is_one_unclosed_mark():
    # the translator merged two quotations and closed only the second: one
    # missing mark, not two misplaced ones that pair up as a quotation themselves
    text = 'Spillane dijo que "defendemos un PPWR ambicioso, con cada sector, "cualquier otro enfoque nos perjudica".'
    found = lint(text, "es")
    assert [(f.rule, f.mt_span, f.severity.label) for f in found] == [("quotes.unclosed", (18, 19), "major")]


def test_a_quotation_may_run_on_into_the_next_paragraph_and_close_there():
    text = "Hann sagði: „Það er orðið ljóst að iðnaðurinn þarf að breytast.\n\nSkotland hefur sett sér markmið.“ Svo fór hann."
    assert lint(text, "is") == []
    # not closed there either: unclosed
    text = "Hann sagði: „Það er orðið ljóst að iðnaðurinn þarf að breytast.\n\nSkotland hefur sett sér markmið."
    assert [f.rule for f in lint(text, "is")] == ["quotes.unclosed"]


def test_guillemets_nested_in_guillemets_are_read_as_nested():
    text = "«Уявіть собі світанок і цей «приватний» показ. Ваше завдання передати цю красу далі», каже вона."
    assert lint(text, "uk") == []


def test_a_polish_closing_mark_after_a_german_opening_one_is_the_wrong_glyph():
    text = "Die Ausstellung „Memories of the Land and Water” wird gezeigt. Er sagte: „Gut.“"
    assert [(f.rule, f.severity.label, f.suggestion) for f in lint(text, "de")] == [("quotes.direction", "minor", "“")]


def test_a_curly_mark_before_the_attribution_is_misplaced_not_a_new_quotation():
    # the directional glyph tells its role: the reading with a quotation left
    # open is tried for straight marks and guillemets only
    text = ("“We ask Russia to respect the sovereignty of Ukraine, “said the Secretary of State, while being” "
            "very concerned “by the evidence.")
    assert [f.rule for f in lint(text, "en")][:1] == ["quotes.attribution"]


def test_an_unclosed_quotation_is_read_to_run_at_most_over_the_next_paragraph():
    from mtcheck.quotes.parse import analyse, open_run

    text = "Er sagte: „Wir bleiben.\n\nDie Firma wächst.\n\nSpäter sagte er: „Wir gehen.“"
    paragraphs = read_text(text).paragraphs
    a = analyse(text, paragraphs, "de")
    unclosed = next(m for m in a.marks if m.problem == "unclosed")
    # to the end of the next paragraph, not on to the third one's marks
    assert open_run(a, unclosed, paragraphs) == (unclosed.pos, paragraphs[1][1])
