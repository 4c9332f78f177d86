"""Fuzz targets for the readers, run with hypothesis for a bounded time.

One target per reader: plain text, Markdown, HTML, ninjs, NewsML-G2,
XLIFF 1.2, XLIFF 2.x, TMX, JSONL segment pairs, and the manifest reader
(CSV and JSON Lines, with its inline ninjs items), plus the byte decoder
they all share. Each target writes its input to a temporary file and reads
it as the command line does (``read_article``, ``read_bilingual``,
``read_pairs``, ``read_manifest``).

The contract, on any bytes: the reader returns its value or raises
``InputError`` with a one-line message; never another exception, never a
hang (each example is held to ``LIMIT`` seconds of CPU); and what it returns
holds together: paragraph spans lie inside the text, in order, without
overlap, and not on blank text; segment pairs have string sides and unique
ids; manifest entries have unique ids.

Inputs are built per format (random trees of the format's elements with
random attributes and text; ninjs and JSONL objects with values of any JSON
type; HTML and Markdown soup), then mutated: DOCTYPEs and entities, CDATA,
deep nesting, huge values, long repetitions of one token, byte flips,
truncation, duplication, and other encodings (BOMs, UTF-16/32 without BOM,
cp1252, mojibake). Raw bytes come in every target too.

Hypothesis runs derandomized and without an example database: a run is the
same everywhere. MTCHECK_FUZZ_SCALE (default 1) multiplies the example
counts for a longer search by hand, e.g. MTCHECK_FUZZ_SCALE=10. The tests
at the end are the minimised inputs of the failures found, fixed since.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

import mtcheck.readers as readers
from mtcheck.batch import Inline
from mtcheck.errors import InputError
from mtcheck.readers import read_article, read_text_as
from mtcheck.readers.base import Body
from mtcheck.readers.bilingual import Bilingual, bilingual_format, read_bilingual
from mtcheck.readers.decode import decode_bytes
from mtcheck.readers.jsonl import PairItem, read_pairs
from mtcheck.readers.manifest import Entry, read_manifest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SCALE = float(os.environ.get("MTCHECK_FUZZ_SCALE", "1") or 1)
# CPU seconds one example may take (read and checks, not its generation)
LIMIT = float(os.environ.get("MTCHECK_FUZZ_LIMIT", "1.0") or 1.0)


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


SETTINGS = dict(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)


# -- running a reader -----------------------------------------------------------


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory(prefix="mtcheck-fuzz-") as d:
        _warm(Path(d))
        yield Path(d)


def _warm(d: Path) -> None:
    """First calls import trafilatura, ftfy and lxml: not the reader's time."""
    p = d / "warm.html"
    p.write_text("<html><body><article><h1>Warm</h1><p>" + "Ein Satz über nichts. " * 30 + "</p></article></body></html>", encoding="utf-8")
    read_article(p)
    decode_bytes("Ã© café".encode(), "warm")


def _write(d: Path, data: bytes, suffix: str) -> Path:
    p = d / f"input{suffix}"
    p.write_bytes(data)
    return p


def check_error(e: InputError) -> None:
    msg = str(e)
    assert msg.strip(), "an InputError without a message"
    assert len(msg.splitlines()) == 1, f"a message of more than one line: {msg!r}"


def attempt(fn, *args):
    """``fn(*args)``: its value, or None for an InputError (checked); any
    other exception fails the example, and so does a slow call (timed
    without the garbage collector, whose passes over what hypothesis holds
    in a long run are not the reader's time)."""
    gc.disable()
    t0 = time.process_time()
    try:
        out = fn(*args)
    except InputError as e:
        check_error(e)
        why = str(e).split(": ", 1)[-1]  # without the file name
        outcome = re.sub(r"\d+|'[^']*'|\(.*", "", why)[:50]
        out = None
    else:
        outcome = "read"
    finally:
        took = time.process_time() - t0
        gc.enable()
    if currently_in_test_context():  # what came of it: --hypothesis-show-statistics
        event(f"{getattr(fn, '__name__', fn)}: {outcome}")
    assert took < LIMIT, f"{getattr(fn, '__name__', fn)} took {took:.2f} s of CPU"
    return out


def check_spans(spans, n: int, text: str | None = None) -> None:
    end = 0
    for span in spans:
        s, e = span
        assert type(s) is int and type(e) is int, span
        assert end <= s < e <= n, f"span {span} after {end}, text of {n}"
        if text is not None:
            assert text[s:e].strip(), f"a blank paragraph {span}: {text[s:e]!r}"
        end = e


def check_body(body: Body) -> None:
    assert isinstance(body.text, str)
    body.text.encode("utf-8")  # no lone surrogate
    check_spans(body.paragraphs, len(body.text), body.text)
    assert body.title is None or isinstance(body.title, str)
    assert body.lang is None or isinstance(body.lang, str)


def check_article(art) -> None:
    n = len(art.text)
    assert isinstance(art.id, str) and isinstance(art.text, str)
    art.text.encode("utf-8")
    assert art.paragraphs, "an article without paragraphs"
    check_spans(art.paragraphs, n, art.text)
    assert art.title is None or isinstance(art.title, str)
    assert art.lang is None or isinstance(art.lang, str)
    for f in art.notes:
        assert isinstance(f.message, str) and "\n" not in f.message
        if f.mt_span is not None:
            s, e = f.mt_span
            assert 0 <= s <= e <= n, f.mt_span
    last = 0
    for t, line, col in art.origin:
        assert last <= t <= n and line >= 1 and col >= 0, (t, line, col)
        last = t
    for s, e, rules in art.quiet:
        assert 0 <= s < e <= n and isinstance(rules, frozenset), (s, e, rules)


def read_article_checked(path: Path, fmt: str | None):
    """``read_article``, with the Body its reader returned checked too."""
    bodies: list[Body] = []
    real = readers.parse

    def spy(text, f, name):
        body = real(text, f, name)
        bodies.append(body)
        return body

    readers.parse = spy
    try:
        art = attempt(read_article, path, fmt)
    finally:
        readers.parse = real
    for body in bodies:
        check_body(body)
    if art is not None:
        check_article(art)
    return art


def check_bilingual(b: Bilingual) -> None:
    assert isinstance(b, Bilingual)
    assert b.items, "no pairs, and no InputError"
    for lang in (b.src_lang, b.tgt_lang):
        assert lang is None or (isinstance(lang, str) and lang.strip())
    ids = [it.id for it in b.items]
    assert len(set(ids)) == len(ids), f"duplicate ids {ids}"
    for it in b.items:
        assert isinstance(it, PairItem)
        assert isinstance(it.id, str) and it.id
        assert isinstance(it.src, str) and it.src, it
        assert isinstance(it.mt, str), it
        it.src.encode("utf-8"), it.mt.encode("utf-8")
        assert type(it.line) is int and it.line >= 1


def check_pairs(items) -> None:
    assert items, "no pairs, and no InputError"
    ids = [(type(it.id), it.id) for it in items]
    assert len(set(ids)) == len(ids), f"duplicate ids {ids}"
    for it in items:
        assert type(it.id) in (str, int), it
        assert isinstance(it.src, str) and isinstance(it.mt, str), it
        assert it.ref is None or isinstance(it.ref, str), it
        it.src.encode("utf-8"), it.mt.encode("utf-8")
        if it.ref is not None:
            it.ref.encode("utf-8")
        assert type(it.line) is int and it.line >= 1


def check_manifest(entries) -> None:
    assert entries, "no entries, and no InputError"
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids), f"duplicate ids {ids}"
    for e in entries:
        assert isinstance(e, Entry) and isinstance(e.id, str)
        for lang in (e.src_lang, e.tgt_lang):
            assert lang is None or isinstance(lang, str)
        for side in (e.source, e.translation):
            assert isinstance(side, (Path, Inline)), side
            if isinstance(side, Inline):  # read as the batch reads it
                art = attempt(read_text_as, side.text, side.fmt, e.id, side.name)
                if art is not None:
                    check_article(art)


# -- text pieces ------------------------------------------------------------------

LANGS = ["en", "en-US", "EN-gb", "es", "es-419", "fr", "de-DE", "pt_BR", "ja", "zh-Hans", "ar", "he", "x", "", " ",
         "*all*", "und", "en-", "-", "qaa-x-private"]
WORDS = [
    "Blinken", "Moscú", "said", "Lavrov", "Estocolmo", "la", "the", "of", "a", "que", "dijo", "Ukraine", "NATO",
    "12,5 %", "$3.4bn", "1.000", "2024", "«Hola»", "“quote”", "‘x’", "„Zitat“", "Ünïcödé", "日本語", "东京",
    "مرحبا", "שלום", "Привет", "e\u0301", "\u200b", "\u200d", "\u202e", "\u2066", "\xa0", "\u3000", "\u2028",
    "\ufeff", "\ufffd", "\U0001F600", "\U0001F1EA\U0001F1F8", "Ã©", "â€™", "Ã¼ber", "Â", "Ã", "\t", "&", "&amp;",
    "&nbsp;", "<", ">", "'", '"', "\\", "/", ",", ";", ":", ".", "!", "?", "…", "—", "-", "(", ")", "[", "]", "{",
    "}", "*", "**", "_", "`", "#", "|", "»", "›", "Home", "Related", "Share", "Advertisement", "comments", "mtcheck",
]
# what text handling trips on, and what makes a file binary or XML not well-formed: now and then
NASTY = ["\x00", "\x01", "\x7f", "\x85", "\x0c", "\x0b", "\x1b", "\uffff", "\ufffe", "\ue000", "\U000e0001",
         "\ud7ff", "\U0010ffff"]
_CHAR = st.characters(exclude_categories=["Cs", "Cc", "Co", "Cn"])
_ANY_CHAR = st.characters(exclude_categories=["Cs"])
CLEAN = st.lists(st.sampled_from(WORDS[:30]), min_size=1, max_size=12).map(" ".join)
TEXT = st.one_of(
    CLEAN,
    CLEAN,
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=8).map("".join),
    st.text(_CHAR, max_size=12),
)
# text with a character that makes a file binary or XML not well-formed
NASTY_TEXT = st.lists(st.one_of(st.sampled_from(WORDS + NASTY), st.text(_ANY_CHAR, max_size=3)), max_size=5).map("".join)


def sentence_text(draw, lo: int = 8, hi: int = 40) -> str:
    words = draw(st.lists(st.sampled_from(WORDS[:35]), min_size=lo, max_size=hi))
    return " ".join(words) + draw(st.sampled_from([".", ".", "!", "?", "", "…"]))


# -- mutation and encoding ------------------------------------------------------

COMMON_SNIPPETS = [
    "\x00", "\x00\x00\x00", "\ufeff", "\r", "\r\n", "\n\n", "\u2028", "\x1b[31m", "\ud7ff", "\U0010ffff",
    "Ã©Ã¨", "Ã\xa0", "â€œxâ€\x9d", "í\xa0\x80", "í\xa0½í¸\x80",  # mojibake, and of CESU-8 surrogates
]
XML_SNIPPETS = [
    '<!DOCTYPE r [<!ENTITY a "b">]>', '<!DOCTYPE r SYSTEM "http://example.invalid/r.dtd">', "<!DOCTYPE r>",
    '<!DOCTYPE r [<!ENTITY % p "x"> ]>', '<!DOCTYPE r SYSTEM ">" [<!ENTITY a "b">]>',
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
    "&a;", "&lol2;", "&nbsp;", "&amp;", "&lt;", "&#0;", "&#1;", "&#x1F600;", "&#xD800;", "&#xFFFE;", "&#65;", "&",
    "<![CDATA[<source>x & y</source>]]>", "<![CDATA[", "]]>", "<!-- c -->", "<!--", "-->", "<?pi x?>",
    '<?xml version="1.0" encoding="utf-16"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>', "<?xml>",
    "</source>", "<target>", "<source>", "</tu>", "<seg>", "</body>", "<p>", "<x/>", '<x ctype="lb"/>',
    '<mrk mtype="seg" mid="1">', "</mrk>", '<g id="1">', "</g>", "<a:b xmlns:a='urn:x'>", "xmlns=''",
    ' xml:space="preserve"', ' translate="no"', ' id="1"', ' id=""', " id='", "<", ">", '"', "'",
]
JSON_SNIPPETS = ['"\\ud800"', '"\\udfff"', '"\\ud83d\\ude00"', "NaN", "-Infinity", "1e400", '"\\u0000"', "null",
                 "{", "}", "[", "]", ",", ":", '"', "\\", "//", "true", '{"value": 1}', '[{"value": "x"}]']


REPEATS = st.sampled_from([2, 10, 100, 300, 1000, 5000, 20000])


@st.composite
def mutated_text(draw, doc: str, snippets: list[str], big: list[str], max_repeat: int = 20000) -> str:
    """``doc`` after up to four edits: an inserted snippet, a huge
    repetition, a cut, a duplicated or deleted slice."""
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 9))
        at = draw(st.integers(0, len(doc)))
        if kind <= 3:
            doc = doc[:at] + draw(st.sampled_from(snippets + COMMON_SNIPPETS)) + doc[at:]
        elif kind == 4:
            token = draw(st.sampled_from(big + snippets))
            n = min(draw(REPEATS), max(1, max_repeat // max(1, len(token))))
            doc = doc[:at] + token * n + doc[at:]
        elif kind == 5:
            doc = doc[:at]
        elif kind == 6:
            to = draw(st.integers(at, len(doc)))
            doc = doc[:to] + doc[at:to] + doc[to:]
        elif kind == 7:
            to = draw(st.integers(at, len(doc)))
            doc = doc[:at] + doc[to:]
        else:
            doc = doc[:at] + draw(NASTY_TEXT) + doc[at:]
    return doc


ENCODINGS = ["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "cp1252",
                              "latin-1", "mojibake", "mojibake2"]


def encode(text: str, enc: str) -> bytes:
    if enc == "mojibake":  # UTF-8 read as cp1252 somewhere upstream, saved as UTF-8
        return text.encode("utf-8").decode("cp1252", "replace").encode("utf-8")
    if enc == "mojibake2":
        return text.encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1").encode("utf-8")
    return text.encode(enc, "replace")


@st.composite
def mutated_bytes(draw, data: bytes) -> bytes:
    for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
        kind = draw(st.integers(0, 3))
        at = draw(st.integers(0, len(data)))
        if kind == 0 and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1 :]
        elif kind == 1:
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
        elif kind == 2:
            data = data[:at]
        else:
            data = data[:at] + draw(st.sampled_from([b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80",
                                                      b"\xc0\xaf", b"\x80", b"\xf4\x90\x80\x80"])) + data[at:]
    return data


@st.composite
def document_bytes(draw, doc, snippets: list[str], big: list[str], max_repeat: int = 20000) -> bytes:
    """A document string, mutated, encoded, its bytes perhaps mutated too."""
    text = draw(mutated_text(doc, snippets, big, max_repeat)) if draw(st.integers(0, 2)) == 1 else doc
    data = encode(text, draw(st.sampled_from(ENCODINGS)))
    return draw(mutated_bytes(data))


BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]
RAW = st.one_of(
    st.binary(max_size=300),
    st.tuples(st.sampled_from(BOMS + [b"", b"<?xml", b"{", b"<xliff", b"<tmx", b"<newsItem", b"<html", b"#"]),
              st.binary(max_size=200)).map(b"".join),
    st.tuples(st.text(_ANY_CHAR, max_size=80), st.sampled_from(ENCODINGS)).map(lambda t: encode(*t)),
    st.lists(st.sampled_from([b"\xed\xa0\x80", b"\xed\xa0\xbd\xed\xb8\x80", b"\xc0\xaf", b"\xc3\xa9", b"\xc3",
                              b"\xe2\x80\x99", b"\xc3\x83\xc2\xa9", b"\x00", b"a", b" ", b"\n", b"\r", b"\x92",
                              b"\x81", b"\x8d", b"\xa0", b"\xff"]), max_size=60).map(b"".join),
)


# -- XML trees ---------------------------------------------------------------------

# element: (attributes, children)
XLIFF1 = {
    "__values__": {"version": ["1.2", "1.2", "1.1", "1.0", "2.0", ""]},
    "xliff": (("version",), ("file",)),
    "file": (("source-language", "target-language", "original", "datatype", "translate"), ("body", "header")),
    "header": ((), ("note", "skl")),
    "body": ((), ("trans-unit", "group", "bin-unit")),
    "group": (("id", "translate", "xml:space"), ("trans-unit", "group")),
    "trans-unit": (("id", "translate", "xml:space", "approved"), ("source", "target", "seg-source", "alt-trans", "note")),
    "source": (("xml:lang", "xml:space"), ("g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "mrk")),
    "target": (("xml:lang", "state"), ("g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "mrk")),
    "seg-source": ((), ("mrk", "g", "x")),
    "mrk": (("mid", "mtype"), ("mrk", "g", "x", "ph")),
    "g": (("id", "ctype", "xml:space"), ("g", "x", "mrk", "ph")),
    "x": (("id", "ctype", "equiv-text"), ()),
    "bx": (("id",), ()), "ex": (("id",), ()),
    "ph": (("id", "ctype"), ("sub",)), "bpt": (("id",), ("sub",)), "ept": (("id",), ()), "it": (("pos",), ()),
    "sub": ((), ("g", "x")),
    "alt-trans": ((), ("source", "target")),
    "note": ((), ()), "skl": ((), ()), "bin-unit": (("id",), ()),
}
XLIFF2 = {
    "__values__": {"version": ["2.0", "2.1", "2.2", "2.0", "1.2", ""]},
    "xliff": (("version", "srcLang", "trgLang"), ("file",)),
    "file": (("id", "translate", "original"), ("unit", "group", "skeleton", "notes")),
    "group": (("id", "translate"), ("unit", "group")),
    "unit": (("id", "translate", "name"), ("segment", "ignorable", "originalData", "notes")),
    "segment": (("id", "state", "canResegment"), ("source", "target")),
    "ignorable": (("id",), ("source", "target")),
    "source": (("xml:lang", "xml:space"), ("pc", "ph", "sc", "ec", "sm", "em", "mrk", "cp")),
    "target": (("xml:lang", "xml:space", "order"), ("pc", "ph", "sc", "ec", "sm", "em", "mrk", "cp")),
    "pc": (("id", "dataRefStart", "subType", "translate"), ("pc", "ph", "mrk", "cp")),
    "mrk": (("id", "type", "translate", "value"), ("pc", "ph", "mrk")),
    "ph": (("id", "subType", "disp", "equiv"), ()), "sc": (("id",), ()), "ec": (("startRef",), ()),
    "sm": (("id",), ()), "em": (("startRef",), ()), "cp": (("hex",), ()),
    "originalData": ((), ("data",)), "data": (("id",), ("cp",)),
    "notes": ((), ("note",)), "note": (("category",), ()), "skeleton": (("href",), ()),
}
TMX = {
    "tmx": (("version",), ("body", "header")),
    "header": (("srclang", "adminlang", "segtype", "o-tmf", "datatype", "creationtool", "creationtoolversion"),
               ("prop", "note", "ude")),
    "body": ((), ("tu",)),
    "tu": (("tuid", "srclang", "datatype"), ("tuv", "prop", "note")),
    "tuv": (("xml:lang", "lang", "creationdate"), ("seg", "prop", "note")),
    "seg": (("xml:space",), ("bpt", "ept", "ph", "it", "hi", "ut")),
    "bpt": (("i", "x"), ("sub",)), "ept": (("i",), ("sub",)), "ph": (("x", "type"), ("sub",)), "it": (("pos",), ()),
    "hi": (("type",), ("hi", "ph", "bpt", "ept")), "ut": ((), ("sub",)), "sub": ((), ("hi", "ph")),
    "prop": (("type",), ()), "note": ((), ()), "ude": (("name",), ("map",)), "map": (("unicode",), ()),
}
XHTML_KIDS = ("p", "h1", "h2", "div", "section", "ul", "ol", "table", "blockquote", "pre", "figure", "br", "span",
              "b", "i", "a", "script", "style", "hl1", "hl2", "dl")
NEWSML = {
    "newsMessage": ((), ("itemSet", "header")),
    "header": ((), ("sent", "sender")), "sent": ((), ()), "sender": ((), ()),
    "itemSet": ((), ("newsItem", "packageItem")), "packageItem": (("guid",), ()),
    "newsItem": (("guid", "version", "standard", "standardversion", "xml:lang"),
                 ("contentSet", "contentMeta", "itemMeta", "catalogRef")),
    "catalogRef": (("href",), ()),
    "itemMeta": ((), ("itemClass", "provider", "versionCreated")), "itemClass": (("qcode",), ()),
    "provider": (("qcode",), ()), "versionCreated": ((), ()),
    "contentMeta": ((), ("headline", "language", "slugline", "description", "subject")),
    "headline": (("xml:lang", "role"), ("span", "b")), "language": (("tag",), ()), "slugline": ((), ()),
    "description": ((), ()), "subject": (("qcode",), ("name",)), "name": ((), ()),
    "contentSet": ((), ("inlineXML", "inlineData", "remoteContent")),
    "inlineXML": (("contenttype", "xml:lang", "wordcount"), ("html", "p", "nitf", "div", "body")),
    "inlineData": (("contenttype", "encoding", "xml:lang"), ()),
    "remoteContent": (("href", "contenttype"), ()),
    "html": (("xmlns", "lang", "xml:lang"), ("body", "head")),
    "head": ((), ("title", "meta")), "title": ((), ()), "meta": (("name", "content"), ()),
    "body": (("xml:lang",), XHTML_KIDS), "nitf": ((), ("body", "head")),
    "p": (("class", "lang"), ("span", "b", "i", "a", "br", "em")), "div": (("class",), XHTML_KIDS),
    "section": ((), XHTML_KIDS), "ul": ((), ("li",)), "ol": ((), ("li",)), "li": ((), ("p", "span", "b", "ul")),
    "table": ((), ("tr", "tbody")), "tbody": ((), ("tr",)), "tr": ((), ("td", "th")), "td": ((), ("p", "span")),
    "th": ((), ()), "blockquote": ((), ("p",)), "pre": ((), ()), "figure": ((), ("figcaption", "img")),
    "figcaption": ((), ()), "img": (("src", "alt"), ()), "br": ((), ()), "span": (("class",), ("b", "i")),
    "b": ((), ()), "i": ((), ()), "em": ((), ()), "a": (("href",), ()), "script": ((), ()), "style": ((), ()),
    "h1": ((), ("span",)), "h2": ((), ()), "hl1": ((), ()), "hl2": ((), ()), "dl": ((), ("dt", "dd")),
    "dt": ((), ()), "dd": ((), ()),
}

ATTR_VALUES = {
    "version": ["1.2", "1.1", "2.0", "2.1", "2.2", "1.4", "", "3"],
    "translate": ["yes", "yes", "yes", "yes", "no", "NO", " no ", "", "maybe"],
    "xml:space": ["preserve", "default", ""],
    "mtype": ["seg", "seg", "x-foo", "protected", ""],
    "mid": ["1", "2", "1", "", " ", "a b"],
    "id": ["1", "2", "3", "1", "u1", "a:b", "1:1", "x y"],
    "tuid": ["1", "2", "1", "", " "],
    "ctype": ["lb", "bold", "x-lb"],
    "subType": ["xlf:lb", "xlf:b", ""],
    "contenttype": ["application/xhtml+xml", "text/html", "text/plain", "", "application/nitf+xml", "XHTML", "text/HTML"],
    "xmlns": ["http://www.w3.org/1999/xhtml", "http://iptc.org/std/nar/2006-10-01/", ""],
    "tag": LANGS, "xml:lang": LANGS, "lang": LANGS, "srclang": LANGS, "source-language": LANGS,
    "target-language": LANGS, "srcLang": LANGS, "trgLang": LANGS,
}


def rare(draw, n: int) -> bool:
    """True about once in ``n + 1`` draws (not at 0: hypothesis likes 0 a little more, and shrinks to it)."""
    return draw(st.integers(0, n)) == n // 2


def attr_value(draw, name: str, grammar: dict | None = None) -> str:
    known = (grammar or {}).get("__values__", {}).get(name) or ATTR_VALUES.get(name)
    if known and draw(st.integers(0, 4)):
        return draw(st.sampled_from(known))
    if draw(st.integers(0, 30)) == 15:
        return "x" * draw(st.sampled_from([1000, 100_000]))  # a huge value
    return draw(TEXT)


def esc(s: str, quote: bool = False) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace('"', "&quot;") if quote else s


TEXTUAL = {"source", "target", "seg", "mrk", "g", "pc", "hi", "sub", "p", "h1", "h2", "hl1", "hl2", "li", "td", "th",
           "dd", "dt", "figcaption", "blockquote", "pre", "headline", "inlineData", "span", "b", "i", "em", "a", "title",
           "note", "div"}


ESSENTIAL = {"trans-unit": "source", "unit": "segment", "segment": "source", "tu": "tuv", "tuv": "seg"}


def tree(draw, grammar: dict, name: str, depth: int = 0, max_depth: int = 6) -> str:
    """A random element of ``grammar`` as XML text: its own children most
    of the time, any element of the grammar or a comment, PI or CDATA now
    and then, text between."""
    attrs, kids = grammar.get(name, ((), ()))
    parts = []
    for i, a in enumerate(attrs):  # the first (an id, a language) nearly always, the others half the time
        if not rare(draw, 40) if i == 0 else draw(st.booleans()):
            parts.append(f' {a}="{esc(attr_value(draw, a, grammar), True)}"')
    a = draw(st.sampled_from(list(ATTR_VALUES)))
    if draw(st.integers(0, 12)) == 6 and (a not in attrs or draw(st.integers(0, 9)) == 5):
        parts.append(f' {a}="{esc(attr_value(draw, a), True)}"')
    inner = []
    if name in ESSENTIAL and not rare(draw, 30):  # what a reader needs: a unit's source, a tu's tuv
        inner.append(tree(draw, grammar, ESSENTIAL[name], depth + 1, max(max_depth, depth + 3)))
    elif depth < max_depth:  # first what the element usually holds: text, or one of its children
        if name in TEXTUAL and draw(st.integers(0, 3)):
            inner.append(esc(draw(TEXT)))
        elif kids and draw(st.integers(0, 9)):  # the first of the kids is the one a reader looks for
            kid = kids[0] if draw(st.integers(0, 4)) else draw(st.sampled_from(kids))
            inner.append(tree(draw, grammar, kid, depth + 1, max_depth))
        for _ in range(draw(st.integers(0, 3 if depth < 3 else 1))):
            k = draw(st.integers(0, 11))
            if k < 6 and kids:
                inner.append(tree(draw, grammar, draw(st.sampled_from(kids)), depth + 1, max_depth))
            elif k < 9:
                inner.append(esc(draw(TEXT)))
            elif k == 9:
                inner.append(tree(draw, grammar, draw(st.sampled_from([g for g in grammar if g != "__values__"])), depth + 1, max_depth))
            else:
                inner.append(draw(st.sampled_from(["<!-- note -->", "<?pi data?>", "<![CDATA[a < b & c]]>", "\n  ",
                                                   "<br/>", "&#233;", "&#x20AC;", "&amp;"])))
    if not inner and draw(st.booleans()):
        return f"<{name}{''.join(parts)}/>"
    return f"<{name}{''.join(parts)}>{''.join(inner)}</{name}>"


# the way from the root to the units, for documents built as a reader expects them
SKELETONS = {
    "xliff": {"1": (["xliff", "file", "body"], "trans-unit"), "2": (["xliff", "file"], "unit")},
    "tmx": (["tmx", "body"], "tu"),
    "newsItem": (["newsItem", "contentSet"], "inlineXML"),
    "newsMessage": (["newsMessage", "itemSet", "newsItem", "contentSet"], "inlineData"),
}


def skeleton(draw, grammar: dict, root: str) -> str:
    """The root, the elements down to the units, and a few random units."""
    path, unit = SKELETONS[root]["2" if "unit" in grammar else "1"] if root == "xliff" else SKELETONS[root]
    inner = "".join(tree(draw, grammar, unit, len(path)) for _ in range(draw(st.integers(1, 4))))
    if root == "tmx" and draw(st.integers(0, 3)):
        inner = tree(draw, grammar, "header", 1, 1) + inner
    if root.startswith("news") and draw(st.booleans()):
        inner = inner + tree(draw, grammar, "contentMeta", 2)
    for name in reversed(path):
        full = tree(draw, grammar, name, 0, 0)  # its attributes, no children
        open_tag = full[: -len(f"</{name}>")] if full.endswith(f"</{name}>") else full[:-2] + ">"
        inner = f"{open_tag}{inner}</{name}>"
    return inner


def with_languages(draw, grammar: dict) -> dict:
    """``grammar`` with one language pair for the document's language attributes, mostly."""
    src, tgt = draw(st.sampled_from(LANGS)), draw(st.sampled_from(LANGS))
    values = dict(grammar.get("__values__", {}))
    for a in ("xml:lang", "lang", "tag"):
        values[a] = [src, tgt, src, tgt, draw(st.sampled_from(LANGS))]
    values.update({"srclang": [src, src, src, "*all*"], "source-language": [src] * 4 + [tgt],
                   "target-language": [tgt] * 4 + [src], "srcLang": [src], "trgLang": [tgt]})
    return {**grammar, "__values__": values}


@st.composite
def xml_document(draw, grammar: dict, root: str, ns: list[str]) -> str:
    grammar = with_languages(draw, grammar)
    body = skeleton(draw, grammar, root) if draw(st.booleans()) else tree(draw, grammar, root)
    namespace = draw(st.sampled_from(ns))
    if namespace is not None:
        decl = f' xmlns:p="{namespace}"' if rare(draw, 10) else f' xmlns="{namespace}"'
        body = body.replace(f"<{root}", f"<{root}{decl}", 1)
    head = draw(st.sampled_from(["", '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?>',
                                 "\n<?xml version='1.0' encoding='windows-1252'?>", "<!-- start -->\n",
                                 f"<!DOCTYPE {root}>\n"]))
    return head + body + draw(st.sampled_from(["", "\n", "<!-- end -->", "  \n\n"]))


def xml_bytes(grammar: dict, root: str, ns: list[str], big: list[str]):
    return st.one_of(
        xml_document(grammar, root, ns).flatmap(lambda d: document_bytes(d, XML_SNIPPETS, big)),
        xml_document(grammar, root, ns).flatmap(lambda d: document_bytes(d, XML_SNIPPETS, big)),
        xml_document(grammar, root, ns).flatmap(lambda d: document_bytes(d, XML_SNIPPETS, big)),
        RAW,
    )


XML_BIG = ["<g>", "<g></g>", "<mrk mtype='seg' mid='1'>x</mrk>", "<hi>", "<div>", "&amp;", "<!-- -->", "a ", "\n"]


# -- JSON ------------------------------------------------------------------------------


class Raw:
    """JSON text to put in as it is: a huge number, a lone-surrogate escape, deep nesting.
    (Not a str subclass: hypothesis would take it for one of its own choices.)"""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r}{'...' if len(self.text) > 40 else ''})"


RAW_JSON = st.one_of(
    st.sampled_from(JSON_SNIPPETS[:7] + ['"a\\nb"', "-0", "1.5e-400", '"\\ud800\\ud800"', '"x\\udc00"', "1E2"]),
    st.integers(4290, 4310).map(lambda n: "1" * n),  # Python refuses ints of more than 4300 digits
    st.integers(1, 1500).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 1500).map(lambda n: '{"a":' * n + "0" + "}" * n),
).map(Raw)
JSON_KEYS = st.sampled_from(["value", "role", "contentType", "uri", "type", "language", "headline", "headlines",
                             "body_text", "body_html", "bodies", "id", "src", "mt", "ref", "source", "translation",
                             "a", "", "\u00e9"])
JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT, RAW_JSON)
JSON_VALUE = st.recursive(
    JSON_SCALAR, lambda c: st.lists(c, max_size=3) | st.dictionaries(JSON_KEYS, c, max_size=3), max_leaves=6
)


def dump(v, ascii_: bool = False) -> str:
    if isinstance(v, Raw):
        return v.text
    if isinstance(v, dict):
        return "{" + ", ".join(f"{dump(k, ascii_) if isinstance(k, Raw) else json.dumps(k, ensure_ascii=ascii_)}: "
                               f"{dump(x, ascii_)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x, ascii_) for x in v) + "]"
    return json.dumps(v, ensure_ascii=ascii_)


@st.composite
def html_fragment(draw) -> str:
    out = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(st.sampled_from(["p", "p", "h1", "div", "li", "ul", "blockquote", "span", "b", "br", "pre", "td",
                                    "script", "table", "tr", "a", "figcaption"]))
        out.append(f"<{tag}>" + esc(sentence_text(draw, 1, 12)) + draw(st.sampled_from([f"</{tag}>", "", "<", "</x>"])))
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(["<!--", "-->", "&nbsp;", "&bogus;", "<![CDATA[x]]>", "\x00", "\x01",
                                             "<p", "</", "\n\n", "<?x?>"])))
    return "".join(out)


def plain_body(draw) -> str:
    return draw(st.sampled_from(["\n\n", "\n", " \n\xa0\n", "\r\n\r\n", ""])).join(
        sentence_text(draw, 1, 20) for _ in range(draw(st.integers(1, 4)))
    )


@st.composite
def ninjs_item(draw, what: str):
    """A headline or body item: value, role, contentType, of any type now and then."""
    d = {}
    if not rare(draw, 10):
        if rare(draw, 6):
            d["value"] = draw(st.one_of(TEXT, JSON_VALUE))
        elif what == "body":
            d["value"] = plain_body(draw) if draw(st.booleans()) else draw(html_fragment())
        else:
            d["value"] = draw(st.one_of(CLEAN, TEXT))
    if draw(st.booleans()):
        d["role"] = draw(st.one_of(JSON_SCALAR, JSON_VALUE)) if rare(draw, 4) else draw(st.sampled_from(["main", "summary", "short", ""]))
    if what == "body" and draw(st.booleans()):
        d["contentType"] = draw(st.one_of(JSON_SCALAR, JSON_VALUE)) if rare(draw, 2) else draw(st.sampled_from(
            ["text/plain", "text/html", "application/xhtml+xml", "application/xml", "", "TEXT/HTML"]))
    if rare(draw, 6):
        d[draw(JSON_KEYS)] = draw(JSON_VALUE)
    return d


@st.composite
def ninjs_doc(draw):
    """A ninjs 3.x document (headlines, bodies) or a 1.x/2.x one (headline,
    body_text, body_html); each field of any JSON type now and then."""
    def wild_or(strategy):
        return draw(JSON_VALUE) if rare(draw, 5) else draw(strategy)

    d = {}
    if draw(st.booleans()):
        d["uri"] = wild_or(st.just("urn:x:1"))
    if draw(st.booleans()):
        d["language"] = wild_or(st.sampled_from(LANGS))
    if draw(st.booleans()):  # 3.x
        if draw(st.integers(0, 3)):
            d["headlines"] = wild_or(st.lists(st.one_of(ninjs_item("headline"), JSON_VALUE), min_size=1, max_size=3))
        if draw(st.integers(0, 7)):
            d["bodies"] = wild_or(st.lists(ninjs_item("body"), min_size=1, max_size=3))
    else:
        if draw(st.integers(0, 3)):
            d["headline"] = wild_or(st.one_of(CLEAN, TEXT, ninjs_item("headline")))
        which = draw(st.sampled_from(["html", "text", "both", "none"]))
        if which in ("html", "both"):
            d["body_html"] = wild_or(html_fragment())
        if which in ("text", "both"):
            d["body_text"] = draw(JSON_VALUE) if rare(draw, 5) else plain_body(draw)
    if rare(draw, 4):
        d[draw(JSON_KEYS)] = draw(JSON_VALUE)
    return d


@st.composite
def ninjs_text(draw) -> str:
    doc = draw(JSON_VALUE) if rare(draw, 10) else draw(ninjs_doc())
    text = dump(doc, draw(st.booleans()))
    if rare(draw, 3):
        text = draw(mutated_text(text, JSON_SNIPPETS, ["[", "{\"a\":", "1", "\\u00e9", " "], 20000))
    return text


# -- HTML and Markdown soup --------------------------------------------------------

HTML_TAGS = ["html", "head", "title", "meta", "body", "article", "main", "header", "footer", "nav", "aside", "section",
             "div", "p", "span", "a", "h1", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "blockquote", "pre",
             "code", "br", "img", "script", "style", "noscript", "iframe", "form", "figure", "figcaption", "time",
             "b", "i", "em", "strong", "svg", "math", "template", "textarea", "select", "option", "frameset", "base"]
HTML_ATTRS = ['class="article"', 'class="content"', 'class="comments"', 'class="breadcrumb"', 'class="share"',
              'id="main"', 'lang="es"', 'lang="en-GB"', 'href="/x"', 'style="display:none"', 'hidden', "class=",
              'itemprop="articleBody"', 'role="navigation"', 'lang=\'fr\'', 'x="<p>"', 'data-x="&amp;"']
HTML_TOKENS = ["<!DOCTYPE html>", "<!-- mtcheck: off names -->", "<!-- mtcheck: on -->", "<!-- mtcheck: ignore -->",
               "<!-- mtcheck: ignore quotes.mismatch -->", "<!--", "-->", "&nbsp;", "&amp;", "&#0;", "&#x110000;",
               "&bogus;", "<![CDATA[x]]>", "<![if IE]>", "<?php echo 1; ?>", "<", "</", ">", "\x00", "\x0c",
               "<p", "<a href='", "Home » World » Europe", "Related", "Share this article", "3 comments",
               "Leave a comment", "Advertisement", "We use cookies to improve your experience. Accept"]


@st.composite
def html_soup(draw) -> str:
    out = []
    if draw(st.booleans()):
        out.append("<!DOCTYPE html><html" + draw(st.sampled_from(["", ' lang="es"', " lang=en", ' lang="x-y"'])) + ">")
        out.append("<head><title>" + esc(sentence_text(draw, 1, 10)) + "</title></head><body>")
    for _ in range(draw(st.integers(0, 30))):
        k = draw(st.integers(0, 9))
        if k < 4:
            tag = draw(st.sampled_from(HTML_TAGS))
            attrs = draw(st.lists(st.sampled_from(HTML_ATTRS), max_size=2))
            out.append(f"<{tag}{''.join(' ' + a for a in attrs)}>")
        elif k < 6:
            out.append(f"</{draw(st.sampled_from(HTML_TAGS))}>")
        elif k < 8:
            out.append(esc(sentence_text(draw, 10, 60)) if draw(st.integers(0, 3)) else draw(TEXT))
        else:
            out.append(draw(st.sampled_from(HTML_TOKENS)))
    if draw(st.booleans()):  # an article trafilatura extracts: the reader's code after extraction runs
        paras = "".join(f"<p>{esc(sentence_text(draw, 20, 50))}</p>" for _ in range(draw(st.integers(1, 5))))
        at = draw(st.integers(0, len(out)))
        out.insert(at, f"<article><h1>{esc(sentence_text(draw, 3, 10))}</h1>{paras}</article>")
    return "".join(out)


MD_INLINE = ["**", "*", "_", "__", "`", "[", "]", "(", ")", "![", "](", "<", ">", "\\", "<b>", "</b>", "[x](y)",
             "![a](b.png)", "[ref][1]", "<!-- mtcheck: off -->", "<!-- mtcheck: on -->", "**bold**", "*it*", "`c`"]
MD_LINE_STARTS = ["", "", "", "# ", "## ", "###### ", "####### ", "- ", "* ", "+ ", "1. ", "12) ", "> ", ">> ", "    ",
                  "   > - ", "```", "~~~", "***", "- - -", "___", "===", "---", "<div>", "</div>", "\t"]
MD_BIG = ["**a ", "*a ", "_a ", "__a ", "[", "![", "[a](", "<", "`", "[a]", "** ", "_ a", "a_", "**a*", "# ", "> ",
          "- ", "```\n", "\n", "x"]


@st.composite
def markdown_soup(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(st.sampled_from(MD_LINE_STARTS))
        words = []
        for _ in range(draw(st.integers(0, 12))):
            words.append(draw(st.sampled_from(MD_INLINE)) if draw(st.integers(0, 2)) == 0 else draw(TEXT))
        lines.append(start + draw(st.sampled_from([" ", ""])).join(words))
    return "\n".join(lines)


@st.composite
def plain_text(draw) -> str:
    paras = []
    for _ in range(draw(st.integers(0, 10))):
        k = draw(st.integers(0, 9))
        if k < 5:
            paras.append(sentence_text(draw, 1, 40))
        elif k < 7:
            paras.append(draw(st.sampled_from(HTML_TOKENS[21:] + ["Tags: a, b", "Read more: Something here",
                                                                 "2 thoughts on “Blinken pide a Rusia”",
                                                                 "Your email address will not be published."])))
        elif k == 7:  # a paragraph longer than the analysed maximum
            unit = draw(st.sampled_from(["Una frase corta. ", "palabra ", "x", "日本語。", "a.b ", " "]))
            paras.append(unit * draw(st.sampled_from([100, 1000, 6000])))
        else:
            paras.append(draw(TEXT))
    return "".join(p + draw(st.sampled_from(["\n\n", "\n", "\n \n", "\n\xa0\n", "\r\n\r\n", "\u2028", "\x0c\n\n",
                                             "\n\n\n\n"])) for p in paras)


# -- pairs and manifests ------------------------------------------------------------

ID_VALUES = st.one_of(st.sampled_from([1, "1", "a", 0, -1, "", " ", "1.0"]), st.integers(), TEXT, JSON_VALUE)


@st.composite
def pairs_line(draw) -> str:
    if rare(draw, 20):
        return draw(st.one_of(TEXT, st.sampled_from(["", " ", "{}", "[]", "null", "1", '"x"', "{", '{"id": 1,}'])))
    wild = rare(draw, 6)  # values of any JSON type, keys left out
    obj = {}
    for key in ("id", "src", "mt", "ref"):
        if (draw(st.booleans()) if key == "ref" else not rare(draw, 40)) or wild and draw(st.booleans()):
            if key == "id":
                obj[key] = draw(ID_VALUES) if wild else draw(st.one_of(st.integers(-5, 50), st.sampled_from(IDS)))
            else:
                obj[key] = draw(st.one_of(TEXT, JSON_VALUE)) if wild else draw(st.one_of(TEXT, CLEAN, st.none()))
    if rare(draw, 15):
        obj["src"] = "x" * draw(st.sampled_from([19_999, 20_000, 20_001]))
    return dump(obj, draw(st.booleans()))


IDS = ["1", "2", "a", "b", "", " ", "1.0", "é", "\u200b", "x" * 100]


@st.composite
def pairs_text(draw) -> str:
    lines = draw(st.lists(pairs_line(), min_size=1, max_size=6))
    return draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))


PATHS = st.one_of(st.sampled_from(["a.txt", "b/c.md", "../x.html", "/abs/y.json", "c:\\w\\z.txt", "dir/", "~/n.txt",
                                   "a.txt", "b.txt", "c d.txt", "ü.md", "x" * 300]),
                  st.sampled_from(["", " ", ".", "a\x00b"]), TEXT)
CSV_EXTRA = ["id", "src_lang", "tgt_lang", "", "extra", "Source", " source", "id ", "source", "mt"]


@st.composite
def manifest_csv(draw) -> str:
    header = [] if rare(draw, 10) else [draw(st.sampled_from(["source", "src"])),
                                        draw(st.sampled_from(["translation", "mt", "target"]))]
    header += draw(st.lists(st.sampled_from(CSV_EXTRA), max_size=3))
    header = draw(st.permutations(header))
    rows = [header]
    for _ in range(draw(st.integers(0, 5))):
        row = []
        for col in header:
            k = draw(st.integers(0, 19))
            if k == 7:
                continue  # a short row
            row.append(draw(st.sampled_from(LANGS)) if "lang" in col and k < 15 else draw(PATHS) if k < 17
                       else draw(TEXT) if k < 19 else "x" * draw(st.sampled_from([1000, 131_072, 140_000])))
        if rare(draw, 8):
            row.append(draw(PATHS))  # a long row
        rows.append(row)
    if draw(st.integers(0, 4)):
        buf = io.StringIO()
        csv.writer(buf, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(rows)
        return buf.getvalue()
    # by hand: quotes left open, separators inside fields
    return "\n".join(",".join(draw(st.sampled_from(["", "", '"', "'"])) + f for f in r) for r in rows)


@st.composite
def manifest_jsonl(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        if rare(draw, 20):
            lines.append(draw(st.one_of(TEXT, st.sampled_from(["[]", "1", "{", '{"source": "a.txt"}']))))
            continue
        wild = rare(draw, 6)
        obj = {}
        sides = [draw(st.sampled_from(["source", "src"])), draw(st.sampled_from(["translation", "mt", "target"]))]
        for key in sides + draw(st.lists(st.sampled_from(["source", "src", "translation", "mt", "target"]), max_size=2)):
            if not rare(draw, 30):
                obj[key] = draw(st.one_of(PATHS, ninjs_doc(), JSON_VALUE) if wild else st.one_of(PATHS, ninjs_doc()))
        for key, values in (("id", ID_VALUES if wild else st.one_of(st.integers(-5, 50), st.sampled_from(IDS))),
                            ("src_lang", st.one_of(st.sampled_from(LANGS), JSON_VALUE) if wild else st.sampled_from(LANGS)),
                            ("tgt_lang", st.one_of(st.sampled_from(LANGS), JSON_VALUE) if wild else st.sampled_from(LANGS))):
            if draw(st.booleans()):
                obj[key] = draw(values)
        lines.append(dump(obj, draw(st.booleans())))
    return "\n".join(lines)


def text_bytes(doc_strategy, snippets: list[str], big: list[str], max_repeat: int = 20000, patho=None):
    """Mostly documents of the format, mutated; raw bytes; and, given ``patho``, long repetitions."""
    made = doc_strategy.flatmap(lambda d: document_bytes(d, snippets, big, max_repeat))
    return st.one_of(made, made, made, RAW, *((patho.map(str.encode),) if patho is not None else ()))


# -- long repetitions: what costs a regular expression or a walk more than linear time ---------


@st.composite
def repeated(draw, tokens: list, max_len: int) -> str:
    """One to three runs of a token repeated up to ``max_len`` characters in
    all; a token (open, close) nests: open * n + close * n."""
    out, room = [], max_len
    for _ in range(draw(st.integers(1, 3))):
        token = draw(st.sampled_from(tokens))
        size = sum(map(len, token)) if isinstance(token, tuple) else len(token)
        n = min(draw(st.sampled_from([1, 2, 10, 300, 1000, 3000, 10000, 30000])), max(1, room // size))
        out.append(token[0] * n + token[1] * n if isinstance(token, tuple) else token * n)
        room -= size * n
        if room <= 0:
            break
    return "".join(out)


def pathological(frames: list[tuple[str, str]], tokens: list, max_len: int = 60_000, escape=None):
    """Repetitions inside a frame of the format (prefix, suffix)."""
    return st.tuples(st.sampled_from(frames), repeated(tokens, max_len)).map(
        lambda t: t[0][0] + (escape(t[1]) if escape else t[1]) + t[0][1])


PATHO_TEXT = pathological([("", ""), ("Title\n\n", "\n\nEnd.")],
                          ["Una frase. ", "x", " ", "\n", "\n\n", "Ã©", "a.b ", "\xa0", ".", "\n \n", "é\n", "Home » "])
PATHO_MD = pathological(
    [("", ""), ("# ", "x"), ("# a", "x"), ("Text ", " end.\n\nNext."), ("- ", ""), ("> ", "x"), ("<!-- mtcheck: ignore -->\n\n", "")],
    [" ", "#", "**a ", "*a ", "_a ", " _a", "[", "![", "[a](", "<", "<!-- mtcheck: on ", "<!-- mtcheck: ignore -->\n\nP.\n\n",
     "x", "a_", "`", "[a](u)b\n\n", "**a**b ", "- ", "\n", "=", "- -", ("[", "]"), ("(", ")")])
PATHO_HTML = pathological(
    [("", ""), ("<html><body><article><h1>A title here</h1><p>", "</p></article></body></html>"), ("<html lang=", ">")],
    ["<div>", "<p>", "</p>", "<b>", "a ", "&amp;", "<!-- -->", "<!-- mtcheck: on ", "<", "<html", "<!--",
     "<p>Word word word and more words.</p>\n", "<!-- mtcheck: ignore --><p>Some paragraph.</p>", ("<div>", "</div>")],
    20_000)
PATHO_NINJS = st.one_of(
    pathological([('{"headline": "T", "body_html": ', "}"), ('{"body_text": ', "}"),
                  ('{"bodies": [{"contentType": "text/html", "value": ', "}]}")],
                 ["<", "\x01<", "<p>a</p>", "a\n\n", "<div>", "[", "**", "a ", ("<b>", "</b>")], 30_000, json.dumps),
    pathological([('{"a": ', "}"), ("", "")], ["[", "{\"a\": ", " ", "1", ('[', ']'), ('{"a":', "}")], 30_000),
)
NAR_ITEM = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet>'
PATHO_NEWSML = pathological(
    [(NAR_ITEM, "<inlineData>Body text.</inlineData></contentSet></newsItem>"),
     (NAR_ITEM + "<inlineXML><p>", "</p></inlineXML></contentSet></newsItem>"),
     (NAR_ITEM + '<inlineData contenttype="text/html">', "</inlineData></contentSet></newsItem>"),
     ("<newsMessage><itemSet>", "</itemSet></newsMessage>")],
    ['<inlineXML contenttype="x/y"/>', '<inlineXML contenttype="application/xhtml+xml"/>', "<inlineXML/>", "<p>a</p>",
     "&lt;", "a ", "<b>x</b>", "<br/>", "&amp;lt;p&amp;gt;", "&lt;!-- mtcheck: on ", ("<div>", "</div>"),
     ("<newsItem>", "</newsItem>"), "<newsItem/>"])
XLIFF1_HEAD = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
               '<file source-language="en" target-language="es"><body>')
PATHO_XLIFF = pathological(
    [(XLIFF1_HEAD + '<trans-unit id="1"><source>', "</source><target>x</target></trans-unit></body></file></xliff>"),
     (XLIFF1_HEAD + '<trans-unit id="1"><seg-source>', '</seg-source></trans-unit></body></file></xliff>'),
     (XLIFF1_HEAD, "</body></file></xliff>"),
     ('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="es"><file id="f">'
      '<unit id="u"><segment><source>', "</source></segment></unit></file></xliff>"),
     ('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f"><unit id="u">',
      "</unit></file></xliff>")],
    ["a ", "<g>x</g>", '<x id="1"/>', "<mrk mtype='seg' mid='1'>a</mrk>", "&amp;", "<ph/>", ("<g>", "</g>"),
     ("<pc>", "</pc>"), ("<group>", "</group>"), ("<mrk mtype='seg' mid='m'>", "</mrk>"), "<segment><source>a</source></segment>",
     '<trans-unit id="t" translate="no"><source>a</source></trans-unit>', "<!-- c -->"])
PATHO_TMX = pathological(
    [('<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>', "</seg></tuv></tu></body></tmx>"),
     ('<tmx version="1.4"><header srclang="en"/><body>', "</body></tmx>")],
    ["a ", "<hi>a</hi>", "<ph>x</ph>", ("<hi>", "</hi>"), '<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>',
     '<tu><tuv xml:lang="en-US"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>', "&amp;"])
PATHO_PAIRS = pathological(
    [('{"id": 1, "src": ', ', "mt": "b"}'), ("", "")],
    ["a", "\\u00e9", "\\ud800", " ", '{"id": 1, "src": "a", "mt": "b"}\n', "\n", "[", '{"src": "a"}'], 40_000)
PATHO_CSV = pathological([("source,translation\n", ""), ('source,translation\n"', '",b\n'), ("", "")],
                         ["a.txt,b.txt\n", ",", '"', "x", "\n", '"a","b"\n', "source,"], 40_000)
PATHO_MANIFEST = pathological([('{"source": "a.txt", "translation": "', '"}'), ("", "")],
                              ["x", '{"source": "a.txt", "mt": "b.txt"}\n', "\n", '{"source": {"body_text": "a"}, "mt": "b"}\n'],
                              40_000)


# -- the targets -------------------------------------------------------------------------


@settings(max_examples=examples(300), **SETTINGS)
@given(data=text_bytes(plain_text(), [], ["Una frase. ", "x", " ", "\n", "\n\n", "Ã©", "a.b "], patho=PATHO_TEXT),
       fmt=st.sampled_from(["text", None]), suffix=st.sampled_from([".txt", ".text", "", ".dat"]))
def test_text_reader(workdir, data, fmt, suffix):
    read_article_checked(_write(workdir, data, suffix), fmt)


@settings(max_examples=examples(240), **SETTINGS)
@given(data=text_bytes(markdown_soup(), MD_INLINE, MD_BIG, 40000, PATHO_MD), fmt=st.sampled_from(["markdown", None]))
def test_markdown_reader(workdir, data, fmt):
    read_article_checked(_write(workdir, data, ".md"), fmt)


@settings(max_examples=examples(120), **SETTINGS)
@given(data=text_bytes(html_soup(), HTML_TOKENS, ["<div>", "<p>", "</p>", "<b>", "a ", "&amp;", "<!-- -->"], 20000,
                       PATHO_HTML),
       fmt=st.sampled_from(["html", None]))
def test_html_reader(workdir, data, fmt):
    read_article_checked(_write(workdir, data, ".html"), fmt)


@settings(max_examples=examples(300), **SETTINGS)
@given(text=st.one_of(ninjs_text(), ninjs_text(), ninjs_text(), PATHO_NINJS), enc=st.sampled_from(ENCODINGS), inline=st.booleans())
def test_ninjs_reader(workdir, text, enc, inline):
    if inline:  # as a manifest gives it: the text as is, lone-surrogate escapes and all
        art = attempt(read_text_as, text, "ninjs", "id", "manifest.jsonl:1 (source)")
        if art is not None:
            check_article(art)
    else:
        read_article_checked(_write(workdir, encode(text, enc), ".json"), "ninjs")


@settings(max_examples=examples(60), **SETTINGS)
@given(data=RAW, suffix=st.sampled_from([".json", ".ninjs"]))
def test_ninjs_reader_raw(workdir, data, suffix):
    read_article_checked(_write(workdir, data, suffix), None)


NEWSML_NS = ["http://iptc.org/std/nar/2006-10-01/"] * 2 + [None, "urn:other"]


@settings(max_examples=examples(200), **SETTINGS)
@given(data=st.one_of(xml_bytes(NEWSML, "newsItem", NEWSML_NS, XML_BIG + ["<inlineXML><p>x</p></inlineXML>"]),
                      xml_bytes(NEWSML, "newsMessage", NEWSML_NS, XML_BIG), PATHO_NEWSML.map(str.encode)),
       fmt=st.sampled_from(["newsml", None]))
def test_newsml_reader(workdir, data, fmt):
    read_article_checked(_write(workdir, data, ".xml"), fmt)


def bilingual_target(workdir, data, fmt, suffix):
    path = _write(workdir, data, suffix)
    b = attempt(read_bilingual, path, fmt)
    if b is not None:
        check_bilingual(b)
    head = data[:4000].decode("utf-8", "replace")
    assert bilingual_format(path, head) in (None, "xliff", "tmx")


XLIFF1_NS = ["urn:oasis:names:tc:xliff:document:1.2"] * 3 + [None, None, "urn:oasis:names:tc:xliff:document:2.0"]
XLIFF2_NS = ["urn:oasis:names:tc:xliff:document:2.0"] * 4 + ["urn:oasis:names:tc:xliff:document:2.1", None,
                                                                "urn:oasis:names:tc:xliff:document:1.2"]


@settings(max_examples=examples(240), **SETTINGS)
@given(data=st.one_of(xml_bytes(XLIFF1, "xliff", XLIFF1_NS, XML_BIG), PATHO_XLIFF.map(str.encode)), fmt=st.sampled_from(["xliff", None]),
       suffix=st.sampled_from([".xlf", ".xliff", ".xml", ""]))
def test_xliff12_reader(workdir, data, fmt, suffix):
    bilingual_target(workdir, data, fmt, suffix)


@settings(max_examples=examples(220), **SETTINGS)
@given(data=st.one_of(xml_bytes(XLIFF2, "xliff", XLIFF2_NS, XML_BIG + ["<pc>", "<segment><source>x</source></segment>"]),
                      PATHO_XLIFF.map(str.encode)),
       fmt=st.sampled_from(["xliff", None]), suffix=st.sampled_from([".xlf", ".xml"]))
def test_xliff2_reader(workdir, data, fmt, suffix):
    bilingual_target(workdir, data, fmt, suffix)


@settings(max_examples=examples(250), **SETTINGS)
@given(data=st.one_of(xml_bytes(TMX, "tmx", [None, None, "http://www.lisa.org/tmx14"],
                                XML_BIG + ["<hi>x</hi>", "<tu><tuv xml:lang='en'><seg>a</seg></tuv></tu>"]),
                      PATHO_TMX.map(str.encode)),
       fmt=st.sampled_from(["tmx", None]), suffix=st.sampled_from([".tmx", ".xml"]))
def test_tmx_reader(workdir, data, fmt, suffix):
    bilingual_target(workdir, data, fmt, suffix)


@settings(max_examples=examples(300), **SETTINGS)
@given(data=text_bytes(pairs_text(), JSON_SNIPPETS + ["\n"], ["[", "{\"a\":", "1", "\n", " "], patho=PATHO_PAIRS))
def test_jsonl_pairs_reader(workdir, data):
    items = attempt(read_pairs, _write(workdir, data, ".jsonl"))
    if items is not None:
        check_pairs(items)


@settings(max_examples=examples(250), **SETTINGS)
@given(data=text_bytes(manifest_csv(), [",", '"', "\n", '""', ",,"], ['"', ",", "x"], patho=PATHO_CSV),
       suffix=st.sampled_from([".csv", ".CSV"]))
def test_manifest_csv_reader(workdir, data, suffix):
    entries = attempt(read_manifest, _write(workdir, data, suffix))
    if entries is not None:
        check_manifest(entries)


@settings(max_examples=examples(220), **SETTINGS)
@given(data=text_bytes(manifest_jsonl(), JSON_SNIPPETS + ["\n"], ["[", "{\"a\":", "1", "\n"], patho=PATHO_MANIFEST),
       suffix=st.sampled_from([".jsonl", ".JSONL", ".txt"]))
def test_manifest_jsonl_reader(workdir, data, suffix):
    entries = attempt(read_manifest, _write(workdir, data, suffix))
    if entries is not None:
        check_manifest(entries)


@settings(max_examples=examples(300), **SETTINGS)
@given(data=st.one_of(RAW, plain_text().flatmap(lambda d: document_bytes(d, [], ["Ã©", "x", "\x00"])),
                      PATHO_TEXT.map(lambda t: encode(t, "mojibake"))),
       repair=st.booleans())
def test_decode_bytes(data, repair):
    d = attempt(decode_bytes, data, "input", repair)
    if d is None:
        return
    n = len(d.text)
    d.text.encode("utf-8")
    assert "\r" not in d.text and "\x00" not in d.text
    assert isinstance(d.encoding, str)
    assert all(0 <= a <= b <= n for a, b in d.repaired), d.repaired
    assert d.repairs == len(d.repaired)
    assert all(0 <= p <= n for p in d.nuls)


# -- regressions: the minimised inputs of failures the targets found -------------------
#
# Each input below made a reader fail before the fix named with it: an exception other than
# InputError, or (the time ones) more than LIMIT seconds of CPU, quadratic or worse in the
# input's size; at these sizes the old code took 3 to 50 s, the fixed code takes milliseconds.


def test_regression_ninjs_headline_object_without_value(workdir):
    # KeyError 'value' (ninjs.read_ninjs took headline["value"] of any object)
    art = read_article_checked(_write(workdir, b'{"headline": {}, "body_text": "Blinken."}', ".json"), None)
    assert art.text == "Blinken." and art.title is None


def test_regression_ninjs_content_type_null(workdir):
    # TypeError: argument of type 'NoneType' is not iterable ("html" in ctype); found in a manifest's inline item
    line = (b'{"source": "a.txt", "translation": {"headlines": [{"value": "Blinken"}], '
            b'"bodies": [{"value": "Blinken.", "contentType": null}]}}')
    entries = attempt(read_manifest, _write(workdir, line, ".jsonl"))
    check_manifest(entries)
    art = read_text_as(entries[0].translation.text, "ninjs", "1", "inline")
    assert art.text == "Blinken\n\nBlinken."  # read as plain text, the default
    for ctype in (b"7", b"true", b"[]", b"{}"):
        doc = b'{"bodies": [{"value": "<p>Blinken.</p>", "contentType": ' + ctype + b"}]}"
        assert read_article_checked(_write(workdir, doc, ".json"), None) is not None


BIG_INT = b"1" * 4301  # Python refuses to convert an int of more than 4300 digits: ValueError, not JSONDecodeError


@pytest.mark.parametrize("suffix, data", [
    (".json", b'{"version": "3", "body_text": "x", "value": [' + BIG_INT + b"]}"),
    ("pairs.jsonl", b'{"id": ' + BIG_INT + b', "src": "a", "mt": "b"}'),
    ("manifest.jsonl", b'{"id": ' + BIG_INT + b', "source": "a.txt", "translation": "b.txt"}'),
])
def test_regression_json_number_of_4301_digits(workdir, suffix, data):
    # ValueError: Exceeds the limit (4300 digits) for integer string conversion (base.load_json caught
    # JSONDecodeError and RecursionError only)
    path = _write(workdir, data, suffix)
    read = {".json": lambda p: read_article(p), "pairs.jsonl": read_pairs, "manifest.jsonl": read_manifest}[suffix]
    with pytest.raises(InputError, match=r":1: a number in the JSON is too long|: a number in the JSON is too long") as e:
        read(path)
    check_error(e.value)


def test_regression_csv_field_over_the_csv_module_limit(workdir):
    # _csv.Error: field larger than field limit (131072) (manifest.read_manifest)
    data = b"source,translation\n" + b"x" * 131_073 + b",b.txt\n"
    with pytest.raises(InputError, match=r"input\.csv:2: not a readable CSV row \(field larger than field limit") as e:
        read_manifest(_write(workdir, data, ".csv"))
    check_error(e.value)


@pytest.mark.parametrize("data", [
    b"**a " * 5000,  # bold openers, no closer: (\*\*|__)(?=\S)(.+?)(?<=\S)\1 scanned to the end from each
    b"*a " * 10000,
    b" _a" * 10000,
    b"[" * 20000,  # link text [^\]]+ past other openers
    b"[a](" * 20000,  # link URL [^)]* past other openers
    b"<" * 20000,  # inline HTML <[^>\n]+>
    b"# a" + b" " * 2000 + b"x",  # heading (.*?)\s*#*\s*$: cubic on a line of spaces
])
def test_regression_markdown_in_linear_time(workdir, data):
    assert read_article_checked(_write(workdir, data, ".md"), "markdown") is not None


def test_regression_markdown_kept_its_reading():
    from mtcheck.readers.markdown import read_markdown

    body = read_markdown("# Big *news* ##\n\nSee [the page](https://en.wikipedia.org/wiki/Foo_(bar)) on **snake_case** "
                         "and _2*3_, `code` and ![alt](i.png).")
    assert body.title == "Big news"
    assert body.text == "Big news\n\nSee the page on snake_case and 2*3, code and alt."  # no stray ")" after the link


def test_regression_unclosed_suppression_markers_in_linear_time(workdir):
    # markers._MARK's lazy (.*?)--> ran from each unclosed marker to the end of the file
    data = b"Some text here.\n\n" + b"<!-- mtcheck: on " * 5000
    assert read_article_checked(_write(workdir, data, ".md"), "markdown") is not None


def test_regression_many_ignore_markers_in_linear_time():
    # markers.quiet_spans looked for each "ignore" marker's paragraph from the first paragraph on
    from mtcheck.readers.markers import quiet_spans

    n = 20_000
    paragraphs = tuple((5 * i, 5 * i + 3) for i in range(n))
    origin = tuple((s, 1, 1 + 24 * i) for i, (s, _) in enumerate(paragraphs))
    quiet = attempt(quiet_spans, "<!-- mtcheck: ignore -->" * n, "P.x\n\n" * n, paragraphs, origin)
    assert len(quiet) == n - 1  # the last marker has no paragraph after it


def test_regression_anchors_of_words_not_in_the_file_in_linear_time(workdir):
    # origin.anchors searched 200,000 characters for each paragraph whose first word the file
    # does not hold as such ("[a](u)b" reads "ab"): quadratic in the number of paragraphs
    from mtcheck.readers.origin import anchors

    n = 20_000
    attempt(anchors, "[a](u)b\n\n" * n, "ab\n\n" * n, tuple((4 * i, 4 * i + 2) for i in range(n)))
    assert read_article_checked(_write(workdir, b"[a](u)b\n\n" * 5000, ".md"), "markdown") is not None


def test_regression_newsml_many_alternatives_in_linear_time(workdir):
    # newsml._candidates: "e not in first and e not in untyped", a list search for each alternative
    alts = b"".join(b'<inlineXML contenttype="%s"/>' % (b"application/xhtml+xml" if i % 2 else b"x/y")
                    for i in range(30_000))
    data = NAR_ITEM.encode() + alts + b"<inlineData>Body text.</inlineData></contentSet></newsItem>"
    art = read_article_checked(_write(workdir, data, ".xml"), None)
    assert art.text == "Body text."


def test_regression_html_fallback_in_linear_time():
    # html.html_paragraphs: when lxml refuses a fragment (a control character), <[^>]+> on "<<<<..."
    art = attempt(read_text_as, json.dumps({"body_html": "\x01" + "<" * 60_000 + "p"}), "ninjs", "1", "inline")
    check_article(art)


def test_regression_html_that_trafilatura_dates_with_an_assertion_error(workdir):
    # AssertionError from lxml's drop_tree, called by htmldate when trafilatura reads the page's
    # metadata (html.read_html): found at MTCHECK_FUZZ_SCALE=10; now read without the metadata
    assert read_article_checked(_write(workdir, b"<iframe><html>", ".html"), None) is None  # no body: InputError
    page = b"<iframe><html><body><article><p>" + b"Blinken dijo que la reunion fue util. " * 20 + b"</p></article>"
    read_article_checked(_write(workdir, page, ".html"), "html")


def test_regression_html_page_with_a_date_like_heading_no_dateparser(workdir, monkeypatch):
    # found at MTCHECK_FUZZ_SCALE=10 as one example of 9 s (a first call: 3 s in a fresh process, 2.3 s
    # for this page): trafilatura's metadata asked htmldate for the page's date, whose extensive
    # search hands "日本語 ‘x’ 2024 1.000" to dateparser, which loads all its 200 locales. The date is
    # not used (html.read_html now turns the extensive search off).
    import htmldate.extractors

    calls = []
    real = getattr(htmldate.extractors, "_external_date", None)
    monkeypatch.setattr(htmldate.extractors, "_external_date", lambda *a, **k: calls.append(a) or real(*a, **k),
                        raising=False)
    page = "<html><body><h1>日本語 ‘x’ 2024 1.000</h1><p>" + "Дата: 2024 1.000. " * 20 + "</p></body></html>"
    art = read_article_checked(_write(workdir, page.encode(), ".html"), None)
    assert art.title == "日本語 ‘x’ 2024 1.000" and not calls


def test_huge_attribute_value_is_an_input_error(workdir):
    # libxml2's limit without huge_tree (10,000,000 characters): refused as XML that is not well formed
    data = (XLIFF1_HEAD + '<trans-unit id="1" note="' + "x" * 10_000_001 + '"><source>a</source></trans-unit>'
            "</body></file></xliff>").encode()
    b = attempt(read_bilingual, _write(workdir, data, ".xlf"), None)
    assert b is None
