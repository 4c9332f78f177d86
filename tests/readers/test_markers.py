"""Inline suppression markers in HTML and Markdown: the findings under them
stay in the report, marked suppressed, and count for nothing."""

import pytest

from mtcheck.pipeline import Options, Session, check_article
from mtcheck.readers import read_article

SRC = "# News\n\nAntony Blinken said on Monday that there would be consequences.\n\nThe 94,000 soldiers left.\n"
MD = "# Noticias\n\n{m1}\nAntony Blink dijo el lunes que habría consecuencias.\n\n{m2}\n\nLos 49.000 soldados se fueron.\n\n{m3}\n"
HTML = ("<html><body><article><h1>Noticias</h1>\n{m1}<p>Antony Blink dijo el lunes que habría consecuencias.</p>\n"
        "{m2}\n<p>Los 49.000 soldados se fueron.</p>{m3}\n<p>Fin de la noticia, con más texto para el lector.</p>"
        "</article></body></html>\n")


def check(tmp_path, ext, template, **marks):
    (tmp_path / f"en.{ext}").write_text(SRC if ext == "md" else
                                        "<html><body><article><h1>News</h1><p>" + SRC.split("\n\n")[1] + "</p><p>"
                                        + SRC.split("\n\n")[2].strip() + "</p><p>End of the story, with more text "
                                        "for the reader.</p></article></body></html>")
    filled = template.format(**{k: marks.get(k, "") for k in ("m1", "m2", "m3")})
    (tmp_path / f"es.{ext}").write_text(filled)
    s = Session(Options(src_lang="en", tgt_lang="es", use_models=False))
    r = check_article(s, read_article(tmp_path / f"en.{ext}"), read_article(tmp_path / f"es.{ext}"))
    assert (tmp_path / f"es.{ext}").read_text() == filled  # the input is not touched
    return [(f.rule, f.suppressed) for f in r.findings if f.severity > 0], r.verdict.value


@pytest.mark.parametrize("ext, template", [("md", MD), ("html", HTML)])
def test_markers_suppress_what_they_name_where_they_stand(tmp_path, ext, template):
    assert check(tmp_path, ext, template) == ([("names.altered", False), ("numbers.changed", False)], "block")
    # the next paragraph, the names rules only
    assert check(tmp_path, ext, template, m1="<!-- mtcheck: ignore names -->") == (
        [("names.altered", True), ("numbers.changed", False)], "block")
    # a rule it does not name is not suppressed
    assert check(tmp_path, ext, template, m1="<!-- mtcheck: ignore quotes -->") == (
        [("names.altered", False), ("numbers.changed", False)], "block")
    # off ... on: every rule between them, nothing after
    assert check(tmp_path, ext, template, m1="<!-- mtcheck: off -->", m2="<!-- mtcheck: on -->") == (
        [("names.altered", True), ("numbers.changed", False)], "block")
    # off to the end
    assert check(tmp_path, ext, template, m2="<!-- mtcheck: off -->") == (
        [("names.altered", False), ("numbers.changed", True)], "block")
    both = check(tmp_path, ext, template, m1="<!-- mtcheck: off names, numbers -->", m3="<!-- mtcheck: on -->")
    assert both == ([("names.altered", True), ("numbers.changed", True)], "pass")


def test_a_marker_in_plain_text_is_text(tmp_path):
    (tmp_path / "en.txt").write_text(SRC)
    (tmp_path / "es.txt").write_text(MD.format(m1="<!-- mtcheck: off -->", m2="", m3=""))
    assert read_article(tmp_path / "es.txt").quiet == ()
