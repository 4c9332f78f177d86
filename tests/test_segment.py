import pytest

from mtcheck.readers.text import read_text
from mtcheck.segment import presegmented, segment, split_spans
from mtcheck.types import Article


def sents(text, lang):
    return [text[s:e] for s, e in split_spans(text, lang)]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("es", "El Sr. García llegó a EE.UU. el martes. Luego se fue.", ["El Sr. García llegó a EE.UU. el martes.", "Luego se fue."]),
        ("es", "Costó 3.5 millones aprox. en total. Fin.", ["Costó 3.5 millones aprox. en total.", "Fin."]),
        ("es", "La Dra. Pérez habló con la Sra. Ruiz. ¿Vendrá? ¡Sí!", ["La Dra. Pérez habló con la Sra. Ruiz.", "¿Vendrá?", "¡Sí!"]),
        ("en", "Dr. J. R. R. Tolkien wrote it. It sold well.", ["Dr. J. R. R. Tolkien wrote it.", "It sold well."]),
        ("en", "It weighs approx. 3.2 kg. Prices rose 2.5% in Jan. last year.", ["It weighs approx. 3.2 kg.", "Prices rose 2.5% in Jan. last year."]),
        ("en", "“Are you there?” he asked. Yes.", ["“Are you there?” he asked.", "Yes."]),
        # a quotation of several sentences stays one segment, its closing mark with it
        ("en", "He said: “We ask Russia to respect it. And to stop.” Then he left.", ["He said: “We ask Russia to respect it. And to stop.”", "Then he left."]),
        ("es", "Dijo: «Vamos bien. Seguiremos». Luego se fue.", ["Dijo: «Vamos bien. Seguiremos».", "Luego se fue."]),
        ("fr", "M. Dupont est arrivé. « Nous sommes prêts. » Il a dit.", ["M. Dupont est arrivé.", "« Nous sommes prêts. »", "Il a dit."]),
        ("de", "Er kam am 3. Oktober. Das ist z.B. gut. Danach ging er.", ["Er kam am 3. Oktober.", "Das ist z.B. gut.", "Danach ging er."]),
        ("de", "„Die Lage ist ernst. Aber unter Kontrolle“, sagte er. Gut.", ["„Die Lage ist ernst. Aber unter Kontrolle“, sagte er.", "Gut."]),
        ("pt", "A Sra. Silva chegou. O Dr. Costa saiu.", ["A Sra. Silva chegou.", "O Dr. Costa saiu."]),
        ("it", "Il sig. Rossi è arrivato. Il dott. Bianchi no.", ["Il sig. Rossi è arrivato.", "Il dott. Bianchi no."]),
        ("zh", "他说：「我们准备好了。」然后离开了。", ["他说：「我们准备好了。」", "然后离开了。"]),
        ("xx", "Unknown language. Still split. Decimals 3.14 stay.", ["Unknown language.", "Still split.", "Decimals 3.14 stay."]),
        # an abbreviation that may end a sentence, then a word that only starts one
        ("en", "A reception runs from 6-8 p.m. The exhibition is on view until March 3.",
         ["A reception runs from 6-8 p.m.", "The exhibition is on view until March 3."]),
        ("en", "It ended at 5 p.m. on Friday. He met the U.S. President.", ["It ended at 5 p.m. on Friday.", "He met the U.S. President."]),
        ("en", "He joined Apple Inc. The company said so.", ["He joined Apple Inc.", "The company said so."]),
    ],
)
def test_split(lang, text, expected):
    assert sents(text, lang) == expected


def test_segments_never_cross_paragraphs_and_keep_offsets():
    text = "First one. Second one\n\nThird. Fourth."
    art = segment(Article("a", text, "en", paragraphs=read_text(text).paragraphs))
    assert [(s.text, s.paragraph) for s in art.segments] == [("First one.", 0), ("Second one", 0), ("Third.", 1), ("Fourth.", 1)]
    for s in art.segments:
        assert text[s.start : s.end] == s.text


def test_presegmented_lines_are_segments_numbered_by_line():
    text = "uno\n\n  tres  \n"
    art = presegmented(Article("a", text))
    assert [(s.index, s.text) for s in art.segments] == [(0, "uno"), (1, ""), (2, "tres")]
    assert text[art.segments[2].start : art.segments[2].end] == "tres"
