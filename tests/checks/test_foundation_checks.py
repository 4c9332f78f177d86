"""Flag and pass examples for the checks the foundation ships: language,
alignment gaps, format, copied source."""

from mtcheck.checks import Pair, run_checks
from mtcheck.pipeline import Options, Session, check_article, lint_article
from mtcheck.readers.text import read_text
from mtcheck.types import Article


def art(text, id="a"):
    return Article(id, text, paragraphs=read_text(text).paragraphs)


def rules(result):
    return [(f.rule, f.severity.label) for f in result.findings]


def check(src, mt, **kw):
    s = Session(Options(use_models=False, **kw))
    return check_article(s, art(src), art(mt))


ES = "El Gobierno aprobó ayer el presupuesto para el año próximo. La oposición votó en contra de todas las medidas."
EN = "The government approved the budget for next year yesterday. The opposition voted against all the measures."


def test_clean_pair_passes():
    r = check(ES, EN, src_lang="es", tgt_lang="en")
    assert rules(r) == []
    assert r.verdict.value == "pass"


def test_translation_still_in_source_language_is_critical():
    r = check(ES, ES, src_lang="es", tgt_lang="en")
    assert ("untranslated.source_language", "critical") in rules(r)
    assert r.verdict.value == "block"


def test_declared_language_disagrees_with_text():
    fr = "Le gouvernement a approuvé hier le budget pour l'année prochaine. L'opposition a voté contre toutes les mesures."
    r = check(ES, fr, src_lang="es", tgt_lang="en")
    assert rules(r) == [("format.language", "major")]


def test_foreign_paragraph_in_a_translation_is_flagged_in_lint():
    text = (
        EN
        + "\n\n"
        + "La oposición anunció que presentará un recurso ante el Tribunal Constitucional la semana que viene."
    )
    r = lint_article(Session(Options(use_models=False, tgt_lang="en")), art(text))
    assert rules(r) == [("untranslated.paragraph", "major")]
    f = r.findings[0]
    assert text[f.mt_span[0] : f.mt_span[1]].startswith("La oposición anunció")


def test_short_english_paragraph_with_foreign_names_passes_lint():
    text = EN + "\n\nThe Transport Minister, Clément Beaune, called on both sides to resume talks."
    r = lint_article(Session(Options(use_models=False, tgt_lang="en")), art(text))
    assert rules(r) == []


def test_dropped_sentence_is_an_omission_with_its_source_span():
    src = ES + " El ministro de Hacienda defendió las cuentas durante más de dos horas en el Congreso."
    r = check(src, EN, src_lang="es", tgt_lang="en")
    assert [f.rule for f in r.findings] == ["omission.sentence"]
    f = r.findings[0]
    assert src[f.src_span[0] : f.src_span[1]].startswith("El ministro de Hacienda")
    assert f.mt_span is None


def test_added_sentence_is_an_addition():
    mt = EN + " Critics said the plan would cost taxpayers billions over the next decade."
    r = check(ES, mt, src_lang="es", tgt_lang="en")
    assert [f.rule for f in r.findings] == ["addition.sentence"]


def test_sentence_left_in_source_language_is_untranslated_copy():
    src = ES + " «No aceptaremos estos recortes en sanidad ni en educación», dijo la portavoz."
    mt = EN + " «No aceptaremos estos recortes en sanidad ni en educación», dijo la portavoz."
    r = check(src, mt, src_lang="es", tgt_lang="en")
    assert ("untranslated.copy", "critical") in rules(r)


def test_control_characters_and_mojibake_notes():
    from mtcheck.types import Finding

    note = Finding("format.mojibake", "repaired")
    a = Article("a", "Hello\u200b world.", paragraphs=((0, 13),), notes=(note,))
    found = run_checks(Pair(mt=a, tgt_lang="en"), bilingual=False)
    assert [(f.rule, f.mt_span) for f in found] == [("format.mojibake", None), ("format.control", (5, 6))]


IS = ("Endurnýtingarfyrirtæki fyrir byggingarframkvæmdir hefur opnað nýja verksmiðju í Cumbernauld. "
      "Flutningurinn mun einnig stuðla að því að umbreyta illa förnu svæði á landi Gartshore Works.")
EN_IS = ("A recycling business for construction sites has opened a new plant in Cumbernauld. "
         "The move will also help transform a derelict site on the Gartshore Works land.")


def test_a_declared_language_outside_the_usual_set_is_still_recognised():
    # Icelandic is not among the languages most news is syndicated in; declared, it is told
    r = check(EN_IS, IS, src_lang="en", tgt_lang="is")
    assert [x for x in rules(r) if x[0].startswith(("format.language", "untranslated"))] == []
    # and a translation in another language is still caught
    r = check(EN_IS, ES, src_lang="en", tgt_lang="is")
    assert ("format.language", "major") in rules(r)


def test_a_paragraph_read_as_a_neighbour_language_is_no_untranslated_passage():
    from mtcheck.langid import neighbours

    assert neighbours("cs", "sk") and neighbours("sv", "nb") and not neighbours("cs", "pl")
    cs = ("Vláda ve středu schválila rozpočet na příští rok, opozice hlasovala proti všem opatřením. "
          "Ministr financí řekl, že deficit klesne.")
    sk = "Spoločnosť FTSE 250 plánuje otvoriť od 140 do 160 nových predajní v tomto roku, uviedol jej šéf."
    r = check("The government approved the budget. The minister said the deficit will fall.\n\nFTSE 250 firm plans to open shops.",
              cs + "\n\n" + sk, src_lang="en", tgt_lang="cs")
    assert [x for x in rules(r) if x[0] == "untranslated.paragraph"] == []
