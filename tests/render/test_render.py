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
    assert "ministro &lt;b&gt;" in html
    assert "replace “Blink” with “Blinken”<br>…The minister &lt;b&gt;<del>Blink</del><ins>Blinken</ins>&lt;/b&gt; spoke" in html
    assert '<mark class="critical"' in html  # the altered name, highlighted
    assert html.count("<mark") >= 3  # name on both sides, quotation mark in the translation
    assert html.count("<script") == 1  # the page's own, admitted by its hash


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


def _ids(html):
    import re

    return re.findall(r'\bid="([^"]+)"', html), re.findall(r'href="#([^"]+)"', html)


def test_html_anchors_are_unique_and_every_link_lands(report):
    from dataclasses import replace

    two = replace(report, articles=(report.articles[0], replace(report.articles[0], id="y")))
    html = render(two, "html")
    ids, hrefs = _ids(html)
    assert len(ids) == len(set(ids))  # two articles, no id twice
    assert set(hrefs) <= set(ids)  # every link lands somewhere
    # each finding row links to its span and the span back to the row, in each article
    for k in (1, 2):
        assert f'href="#a{k}-m1"' in html and f'id="a{k}-m1"' in html and f'href="#a{k}-f1"' in html


def test_html_triage_first_and_a_safe_page(report):
    from dataclasses import replace

    from mtcheck.types import Verdict

    clean = replace(report.articles[0], id="clean<script>", findings=(), verdict=Verdict.PASS, risk=0.0)
    html = render(replace(report, articles=(clean, report.articles[0]), notices=("<img src=x onerror=alert(1)>",)),
                  "html")
    # the blocked article comes first, the passing one is collapsed
    assert html.index('<section id="a2">') < html.index('<section id="a1">')
    assert "<details><summary>clean&lt;script&gt;: pass</summary>" in html
    assert html.count("<script") == 1 and "<img" not in html and "&lt;img src=x" in html
    import base64
    import hashlib
    import re

    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html  # the CSP admits exactly this script
    assert "Content-Security-Policy\" content=\"default-src 'none'" in html
    assert "http://" not in html and "https://" not in html  # nothing remote
    assert "Names<span class=\"cat\">names.altered</span>" in html  # a label an editor reads, and the rule id
    assert "By category (minor or above): Names 1, Quotations 1" in html


def test_markdown_carries_no_active_markup_from_the_article(report):
    from dataclasses import replace

    a = report.articles[0]
    evil = replace(a.findings[0], message="see [here](javascript:alert(1)) <img src=x onerror=y>\n| new | row |")
    md = render(replace(report, articles=(replace(a, id="<script>x</script>", findings=(evil,)),),
                        notices=("**bold** `code`",)), "md")
    assert "<script>" not in md and "<img" not in md and "[here](" not in md
    assert "## &lt;script&gt;x&lt;/script&gt;: BLOCK" in md
    row = next(l for l in md.splitlines() if l.startswith("| critical |"))
    assert row.count(" | ") == 5  # one row, six cells: the newline and the pipes did not break it
    assert "see \\[here\\](javascript:alert(1)) &lt;img src=x onerror=y&gt; \\| new \\| row \\|" in row
    assert "> Notice: \\*\\*bold\\*\\* \\`code\\`" in md


def test_a_report_is_readable_like_any_file_the_user_writes(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.html", "x")
        assert (tmp_path / "r.html").stat().st_mode & 0o777 == 0o644
        (tmp_path / "mine.md").write_text("old")
        os.chmod(tmp_path / "mine.md", 0o600)  # a mode the user chose is kept
        write_atomic(tmp_path / "mine.md", "new")
        assert (tmp_path / "mine.md").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_html_filters_csv_and_several_repairs_in_one_sentence():
    from urllib.parse import unquote

    src = "Antony Blinken said 94,000 soldiers left."
    mt = "Antony Blink dijo que 49.000 soldados se fueron."
    s = Session(Options(src_lang="en", tgt_lang="es", use_models=False))
    rep = s.report([check_article(s, art(src), art(mt, id="=cmd"))], "check")
    html = render(rep, "html")
    # one corrected sentence with both repairs
    assert ("<td>Antony <del>Blink</del> dijo que <del>49.000</del> soldados se fueron.</td>"
            "<td>Antony <ins>Blinken</ins> dijo que <ins>94.000</ins> soldados se fueron.</td>") in html
    # filters: a checkbox per severity and category present, read by CSS
    assert '<input type="checkbox" id="show-critical" checked>' in html
    assert "body:has(#show-critical:not(:checked)) tr[data-sev=critical]{display:none}" in html
    assert 'data-sev="critical" data-cat="names" data-rule="names.altered"' in html
    # the CSV: one row per finding, a formula-like cell made inert
    href = html.split('download="mtcheck-findings.csv" href="data:text/csv;charset=utf-8,', 1)[1].split('"', 1)[0]
    rows = unquote(href).split("\r\n")
    assert rows[0].startswith("article,verdict,severity,rule")
    assert rows[1].startswith("'=cmd,block,critical,names.altered,names,")
    assert len([r for r in rows if r]) == 3
