"""Renderers: article text is escaped, spans are highlighted on both sides,
writes are atomic."""

import json

import pytest

from mtcheck.output import write_atomic
from mtcheck.pipeline import Options, Session, check_article
from mtcheck.readers.text import read_text
from mtcheck.render import render
from mtcheck.types import Article


def art(text, id="x"):
    return Article(id, text, paragraphs=read_text(text).paragraphs)


@pytest.fixture(scope="module")
def report():
    src = "El ministro <b>Blinken</b> habló con Lavrov. «No habrá guerra», dijo."
    mt = "The minister <b>Blink</b> spoke with Lavrov. “There will be no war,“said he."
    s = Session(Options(src_lang="es", tgt_lang="en", use_models=False))
    return s.report([check_article(s, art(src), art(mt))], "check")


def test_html_escapes_article_text_and_highlights_spans(report):
    html = render(report, "html")
    # the article's own "<b>" is text, escaped; mtcheck's bold marks the span and its repair
    assert "ministro <b>" not in html and "minister <b>" not in html
    assert "ministro &lt;b&gt;" in html and "&lt;b&gt;<b>Blinken</b>&lt;/b&gt;" in html
    assert '<mark class="critical"' in html  # the altered name, highlighted
    assert html.count("<mark") >= 3  # name on both sides, quotation mark in the translation
    assert "<script" not in html


def test_markdown_and_json_agree_on_findings(report):
    md = render(report, "md")
    doc = json.loads(render(report, "json"))
    rules = [f["rule"] for f in doc["articles"][0]["findings"]]
    assert rules == ["names.altered", "quotes.direction"]
    for r in rules:
        assert f"| {r} |" in md
    text = doc["articles"][0]["text"]["mt"]
    f = doc["articles"][0]["findings"][0]
    assert text[f["mt_span"][0] : f["mt_span"][1]] == "Blink"


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "r.md"
    write_atomic(target, "first")

    with pytest.raises(Exception):
        write_atomic(target, object())  # not text: the write fails midway
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left
