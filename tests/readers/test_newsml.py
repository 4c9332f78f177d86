from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.readers import FORMATS, read_article, sniff_format
from mtcheck.readers.newsml import read_newsml

DATA = Path(__file__).resolve().parents[1] / "data" / "formats"
NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"


def paras(body):
    return [body.text[s:e] for s, e in body.paragraphs]


def item(content_set: str, meta: str = "<headline>Big news</headline>", attrs: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="{NAR}" guid="g" version="1" standard="NewsML-G2"{attrs}>\n'
            f"<contentMeta>{meta}</contentMeta>\n<contentSet>{content_set}</contentSet>\n</newsItem>\n")


def test_inline_xhtml_item_read_as_an_article():
    art = read_article(DATA / "item_xhtml.xml")  # .xml: sniffed by content
    assert art.lang == "en"  # contentMeta/language en-GB, primary subtag
    assert art.title == "Floods close schools in the valley"  # the first headline, inline span kept
    assert [art.text[s:e] for s, e in art.paragraphs] == [
        "Floods close schools in the valley",
        "Heavy rain closed 40 schools on Friday, officials said.",
        "Roads cut",
        "Route 9 is shut.",
        "Route 12 is open.",
        '"We have never seen this," the mayor said.',
        "She asked for help.",
        "Reporting by A. Writer Editing by B. Editor",
    ]
    # the XHTML alternative wins over the inlineData listed before it; head, comments, script not read
    for junk in ("Plain-text alternative", "Ignored page title", "editor's comment", "track()", "short"):
        assert junk not in art.text


def test_inline_data_item_paragraphs_at_blank_lines():
    art = read_article(DATA / "item_text.xml")
    assert art.lang == "de"  # no contentMeta/language: the inlineData's xml:lang de-AT
    assert art.title == "Parlament stimmt über Haushalt ab"
    assert [art.text[s:e] for s, e in art.paragraphs] == [
        "Parlament stimmt über Haushalt ab",
        "Der Nationalrat stimmt am Dienstag\nüber den Haushalt ab.",
        "Die Opposition kündigte Widerstand an.",
    ]


def test_bare_xhtml_elements_and_headline_already_first():
    text = item(f'<inlineXML contenttype="application/xhtml+xml"><h1 xmlns="{XHTML}">Big  news</h1>'
                f'<p xmlns="{XHTML}">First <em>line</em>.</p><p>No namespace given.</p></inlineXML>',
                attrs=' xml:lang="fr-CA"')
    body = read_newsml(text, "x.xml")
    assert paras(body) == ["Big news", "First line.", "No namespace given."]  # the headline is not repeated
    assert (body.title, body.lang) == ("Big news", "fr")  # newsItem xml:lang, last resort


def test_empty_xhtml_gives_way_to_inline_data():
    text = item('<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml">'
                '<body>  </body></html></inlineXML><inlineData contenttype="text/plain">Only text.</inlineData>',
                meta="")
    body = read_newsml(text, "x.xml")
    assert paras(body) == ["Only text."]
    assert body.title is None and body.lang is None


def test_inline_xml_other_than_xhtml_is_the_last_resort():
    nitf = ('<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
            "<body><body.head><hedline><hl1>Big news</hl1></hedline></body.head>"
            "<body.content><p>From NITF.</p></body.content></body></nitf></inlineXML>")
    assert paras(read_newsml(item(nitf), "x.xml")) == ["Big news", "From NITF."]
    both = nitf + '<inlineData contenttype="text/plain">From inlineData.</inlineData>'
    assert paras(read_newsml(item(both), "x.xml")) == ["Big news", "From inlineData."]


def test_news_message_with_one_item():
    inner = item('<inlineData>Body text.</inlineData>').split("\n", 1)[1]
    text = f'<newsMessage xmlns="{NAR}"><header><sent>2024-03-01T10:00:00Z</sent></header><itemSet>{inner}</itemSet></newsMessage>'
    assert paras(read_newsml(text, "m.xml")) == ["Big news", "Body text."]
    two = text.replace("</itemSet>", inner + "</itemSet>")
    with pytest.raises(InputError, match=r"^m.xml: the NewsML-G2 newsMessage holds 2 newsItems; give one article per file$"):
        read_newsml(two, "m.xml")


def test_no_body_is_refused():
    text = item('<remoteContent href="http://example.com/a.jpg" contenttype="image/jpeg"/>')
    with pytest.raises(InputError, match=r"^x.xml: no article body in the NewsML-G2 item$"):
        read_newsml(text, "x.xml")
    with pytest.raises(InputError, match=r"^x.xml: no article body in the NewsML-G2 item$"):
        read_newsml(item("").replace("<contentSet></contentSet>", ""), "x.xml")


def test_other_root_is_refused():
    with pytest.raises(InputError, match=r"^x.xml: not a NewsML-G2 newsItem \(the root element is <packageItem>\)$"):
        read_newsml(f'<packageItem xmlns="{NAR}"/>', "x.xml")


def test_malformed_newsml_gives_line(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_text(item("<inlineData>Text</inlineDta>"), encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_article(p)
    assert str(e.value).startswith(f"{p}:4: not well-formed XML (Opening and ending tag mismatch: inlineData line 4 and inlineDta")


def test_newsml_xxe_is_refused(tmp_path):
    p = tmp_path / "evil.xml"
    p.write_text(f'<!DOCTYPE newsItem [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<newsItem xmlns="{NAR}">'
                 "<contentSet><inlineData>&e;</inlineData></contentSet></newsItem>", encoding="utf-8")
    with pytest.raises(InputError, match="DOCTYPE declares entities") as e:
        read_article(p)
    assert "root:" not in str(e.value)


def test_newsml_is_registered_and_sniffed():
    assert "newsml" in FORMATS
    nitem = f'<?xml version="1.0"?>\n<newsItem xmlns="{NAR}">'
    assert sniff_format(Path("a.xml"), nitem) == "newsml"
    assert sniff_format(Path("a"), f'<nar:newsItem xmlns:nar="{NAR}">') == "newsml"
    assert sniff_format(Path("a.xml"), f'<newsMessage xmlns="{NAR}"><header/>') == "newsml"
    # .xml without a newsItem: as before
    assert sniff_format(Path("a.xml"), "<html><body><p>x</p></body></html>") == "html"
    assert sniff_format(Path("a.xml"), '<?xml version="1.0"?><notes>x</notes>') == "text"
    # the extension still wins
    assert sniff_format(Path("a.txt"), nitem) == "text"


def test_newsml_format_given_explicitly(tmp_path):
    p = tmp_path / "story.dat"
    p.write_text(item("<inlineData>Explicit.</inlineData>"), encoding="utf-8")
    art = read_article(p, fmt="newsml")
    assert [art.text[s:e] for s, e in art.paragraphs] == ["Big news", "Explicit."]
