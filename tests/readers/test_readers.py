import codecs
import json

import pytest

from mtcheck.errors import InputError
from mtcheck.readers import read_article
from mtcheck.readers.jsonl import read_pairs
from mtcheck.readers.markdown import read_markdown
from mtcheck.readers.ninjs import read_ninjs
from mtcheck.readers.text import read_text


def paras(body):
    return [body.text[s:e] for s, e in body.paragraphs]


def test_text_paragraphs_keep_offsets_into_the_file_text():
    text = "Title\n\n  First para\nstill first.\n\n\n\nSecond.\n"
    body = read_text(text)
    assert body.text == text
    assert paras(body) == ["Title", "First para\nstill first.", "Second."]


def test_markdown_blocks_and_inline_markup():
    md = "# Big *news*\n\nA [link](http://x.y) and **bold** and `code`.\n\n- item one\n- item two\n\n```\nprint(1)\n```\n\nSub\n---\n\n> quoted\n"
    body = read_markdown(md)
    assert body.title == "Big news"
    assert paras(body) == ["Big news", "A link and bold and code.", "item one", "item two", "Sub", "quoted"]


PAGE = """<!DOCTYPE html><html lang="es"><head><title>Blinken pide a Rusia una salida diplomática | Diario</title></head>
<body>
<nav><ul><li><a href="/">Inicio</a></li><li><a href="/mundo">Mundo</a></li></ul></nav>
<div class="breadcrumbs">Inicio » Mundo » Blinken</div>
<article>
<h1>Blinken pide a Rusia una salida diplomática</h1>
<p>El secretario de Estado de EE.UU., Antony Blinken, advirtió este jueves a Moscú de las graves consecuencias que tendría una invasión rusa de Ucrania, en una reunión en Estocolmo.</p>
<p>Blinken se reunió con su homólogo ruso, Serguéi Lavrov, al margen de la reunión ministerial anual de la Organización para la Seguridad y la Cooperación en Europa.</p>
<p>«Pedimos a Rusia que respete la soberanía y la integridad territorial de Ucrania», dijo el secretario de Estado durante su intervención ante los ministros.</p>
</article>
<aside class="related"><h3>Noticias relacionadas</h3><ul><li><a href="/a">Otra noticia sobre la OTAN que no es parte del artículo</a></li></ul></aside>
<div class="share">Compartir en Facebook Compartir en Twitter</div>
<section id="comments"><h3>1 comentario</h3><p>Me parece muy bien lo que dice este señor, espero que no haya guerra.</p></section>
<div class="cookie-banner">Usamos cookies para mejorar su experiencia. Aceptar</div>
<footer>Este sitio usa Akismet para reducir el spam.</footer>
</body></html>"""


def test_html_keeps_title_and_body_and_drops_boilerplate(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    art = read_article(p)
    text = art.text
    assert art.lang == "es"
    assert "Antony Blinken, advirtió" in text
    assert "«Pedimos a Rusia" in text
    for junk in ("Inicio", "Noticias relacionadas", "Compartir", "comentario", "cookies", "Akismet", "espero que no haya guerra"):
        assert junk not in text, junk
    first = text[art.paragraphs[0][0] : art.paragraphs[0][1]]
    assert first.startswith("Blinken pide a Rusia una salida diplomática")


def test_html_without_body_is_an_input_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article body"):
        read_article(p)


NINJS = {
    "uri": "urn:test:1",
    "type": "text",
    "language": "en",
    "headlines": [{"role": "main", "value": "Captain on trial"}],
    "bodies": [
        {"role": "main", "contentType": "text/plain", "value": "First paragraph.\n\nSecond paragraph."},
        {"role": "richtext", "contentType": "application/xhtml+xml", "value": "<p>ignored</p>"},
    ],
}


def test_ninjs_headline_and_plain_body():
    body = read_ninjs(json.dumps(NINJS))
    assert body.title == "Captain on trial"
    assert body.lang == "en"
    assert paras(body) == ["Captain on trial", "First paragraph.", "Second paragraph."]


def test_ninjs_html_body_and_old_versions():
    doc = {"headline": "Old style", "body_html": "<p>One <b>bold</b>.</p><p>Two.</p>"}
    assert paras(read_ninjs(json.dumps(doc))) == ["Old style", "One bold.", "Two."]


@pytest.mark.parametrize("doc,msg", [("[1]", "JSON object"), ("{", "not valid JSON"), ('{"headline": "x"}', "no body")])
def test_ninjs_errors(doc, msg):
    with pytest.raises(InputError, match=msg):
        read_ninjs(doc)


def test_jsonl_pairs_and_errors(tmp_path):
    p = tmp_path / "p.jsonl"
    p.write_text('{"id": 1, "src": "Hola.", "mt": "Hello."}\n\n{"id": "b", "src": "Sí.", "mt": "", "ref": "Yes."}\n', encoding="utf-8")
    items = read_pairs(p)
    assert [(i.id, i.src, i.mt, i.ref) for i in items] == [(1, "Hola.", "Hello.", None), ("b", "Sí.", "", "Yes.")]
    for bad, msg in [
        ('{"id": 1, "src": "x"}', "missing 'mt'"),
        ("nope", "not valid JSON"),
        ('{"id": 1, "src": "x", "mt": 3}', "'mt' must be a string"),
        ('{"id": 1, "src": "a", "mt": "b"}\n{"id": 1, "src": "a", "mt": "b"}', "duplicate id"),
        ('{"id": 1, "src": "a", "mt": "b"}\n{"id": "1", "src": "c", "mt": "d"}', r":2: duplicate id '1'"),
    ]:
        p.write_text(bad, encoding="utf-8")
        with pytest.raises(InputError, match=msg):
            read_pairs(p)


def test_missing_and_directory_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def test_mojibake_becomes_a_reader_note(tmp_path):
    p = tmp_path / "m.txt"
    p.write_bytes("La reuniÃ³n terminÃ³ tarde.".encode("utf-8"))
    art = read_article(p)
    assert art.text == "La reunión terminó tarde."
    assert [n.rule for n in art.notes] == ["format.mojibake"]


def _notes(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    art = read_article(p)
    return art.text, [(n.rule, n.message, n.mt_span) for n in art.notes]


def test_mojibake_note_says_where_in_the_text(tmp_path):
    text, notes = _notes(tmp_path, "m.txt", "La reuniÃ³n en MoscÃº terminÃ³.\n\nOtra Ã³.".encode("utf-8"))
    assert text == "La reunión en Moscú terminó.\n\nOtra ó."
    assert notes == [("format.mojibake", "repaired 4 garbled character sequence(s) from a wrong encoding, "
                      "e.g. 'Ã³' read as 'ó' at characters 8-9, 18-19, 26-27, 35-36", (8, 9))]


def test_mojibake_note_places_survive_markup(tmp_path):
    # Markdown drops "# " and "**": the places are found again in the text as analysed
    text, notes = _notes(tmp_path, "m.md", "# TÃ­tulo\n\nLa **reuniÃ³n** terminÃ³.".encode("utf-8"))
    assert text == "Título\n\nLa reunión terminó."
    assert notes == [("format.mojibake", "repaired 3 garbled character sequence(s) from a wrong encoding, "
                      "e.g. 'Ã\\xad' read as 'í' at characters 1-2, 16-17, 25-26", (1, 2))]
    assert [text[s:e] for s, e in [(1, 2), (16, 17), (25, 26)]] == ["í", "ó", "ó"]


def test_nul_bytes_are_removed_and_reported(tmp_path):
    text, notes = _notes(tmp_path, "n.txt", b"Hola\x00 mundo.\x00\x00 Adios.")
    assert text == "Hola mundo. Adios."
    assert notes == [("format.control", "removed 3 NUL characters (U+0000) from the input at characters 4, 11", (4, 4))]


@pytest.mark.parametrize(
    "data,encoding",
    [
        ("Él dijo «sí».".encode("utf-16"), "utf-16"),
        ("Él dijo «sí».".encode("utf-32"), "utf-32"),
        ("Plain news.".encode("utf-16-le"), "utf-16"),
        ("Él dijo «sí».".encode("cp1252"), "cp1252"),
        ("Café \x81 ok.".encode("latin-1"), "latin-1"),
    ],
)
def test_other_encodings_are_reported(tmp_path, data, encoding):
    _, notes = _notes(tmp_path, "e.txt", data)
    assert notes == [("format.encoding", f"read as {encoding}, not UTF-8", None)]


@pytest.mark.parametrize("data", ["Él dijo «sí».".encode("utf-8"), codecs.BOM_UTF8 + "Él dijo «sí».".encode("utf-8")])
def test_utf8_with_or_without_bom_has_no_note(tmp_path, data):
    # the byte-order mark is a signature, not text: dropping it changes nothing an editor reads
    assert _notes(tmp_path, "u.txt", data) == ("Él dijo «sí».", [])


def test_long_paragraph_is_analysed_in_parts_text_unchanged(tmp_path):
    from mtcheck.readers import MAX_PARAGRAPH

    line = "La reunión terminó tarde. " * (MAX_PARAGRAPH // 10)
    p = tmp_path / "long.txt"
    p.write_text(line + "\n\nFin.", encoding="utf-8")
    art = read_article(p)
    assert art.text == line + "\n\nFin."
    paras = art.paragraphs
    assert all(e - s <= MAX_PARAGRAPH for s, e in paras)
    assert [art.text[s:e] for s, e in paras][-1] == "Fin."
    # each part ends at a sentence end and the parts cover the line
    assert all(art.text[e - 1] == "." for s, e in paras)
    assert "".join(art.text[s:e] + " " for s, e in paras[:-1]) == line


def test_article_over_the_character_limit_is_refused(tmp_path, monkeypatch):
    import mtcheck.readers as readers

    monkeypatch.setattr(readers, "MAX_CHARS", 100)
    p = tmp_path / "big.txt"
    p.write_text("word " * 30, encoding="utf-8")
    with pytest.raises(InputError, match=r"big.txt: 150 characters of text is more than the 100 an article may have"):
        read_article(p)


def test_pair_segment_over_the_limit_is_refused(tmp_path):
    from mtcheck.readers.jsonl import MAX_SEGMENT

    p = tmp_path / "p.jsonl"
    p.write_text(json.dumps({"id": 1, "src": "Hola.", "mt": "x " * MAX_SEGMENT}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"p.jsonl:1: 'mt' has {2 * MAX_SEGMENT} characters, more than the {MAX_SEGMENT} a segment"):
        read_pairs(p)
