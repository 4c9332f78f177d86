"""IPTC NewsML-G2 (2.x) newsItem: headline plus body, as one article.

Namespace ``http://iptc.org/std/nar/2006-10-01/`` (elements are matched by
local name, so a feed that drops the namespace reads too). The item is the
root ``newsItem``, or the one ``newsItem`` of a ``newsMessage``.

- language: ``contentMeta/language/@tag``, else ``xml:lang`` of the body
  element (or of the XHTML ``html``), else of ``newsItem``; given as its
  primary subtag ("en-GB" -> "en"), as the HTML reader does;
- title: the first ``contentMeta/headline``;
- body: of the ``contentSet`` alternatives, the first ``inlineXML`` whose
  ``contenttype`` is XHTML, else one without a ``contenttype``, else the
  first ``inlineData`` (plain text: paragraphs at blank lines; an HTML
  ``contenttype`` is read as an HTML fragment), else another ``inlineXML``
  (NITF, say) read the XHTML way. An alternative with no text gives way to
  the next; ``remoteContent`` is not fetched.

XHTML (``<html><body>…`` or bare elements, any namespace): each block
element (p, h1-h6, li, blockquote, pre, td, dd, dt, figcaption) is a
paragraph, in document order; text outside the blocks of a container (div,
section, ul…) is a paragraph of its own; ``head``, ``script`` and ``style``
are not read; ``br`` is a space. The headline comes first, unless it already
is the first block."""

from __future__ import annotations

import re

from ..errors import InputError
from .base import Body, join_paragraphs, paragraphs_in
from .bilingual import XML_LANG, child, children, local, parse_xml, primary

NAR = "http://iptc.org/std/nar/2006-10-01/"

_PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
               "figcaption", "caption", "hl1", "hl2"}  # hl1, hl2: NITF headlines
_CONTAINERS = {"html", "body", "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
               "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "address", "hr"}
_SKIP = {"head", "script", "style", "title", "template", "noscript"}
_WS = re.compile(r"[ \t\r\n]+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip(" ")


def _text(el) -> str:
    return _norm("".join(t for t in el.itertext() if isinstance(t, str)))


def xhtml_paragraphs(el) -> list[str]:
    """Block-level text of an XHTML tree (or bare XHTML elements), in document order."""
    out: list[str] = []
    buf: list[str] = []

    def flush():
        t = _norm("".join(buf))
        buf.clear()
        if t:
            out.append(t)

    def walk(e):
        name = local(e)
        boundary = name in _PARAGRAPHS or name in _CONTAINERS
        if boundary:
            flush()
        if e.text:
            buf.append(e.text)
        for c in e:
            if isinstance(c.tag, str):
                cname = local(c)
                if cname == "br":
                    buf.append(" ")
                elif cname not in _SKIP:
                    walk(c)
            if c.tail:
                buf.append(c.tail)
        if boundary:
            flush()

    walk(el)
    flush()
    return out


def _news_item(root, name: str):
    kind = local(root)
    if kind == "newsItem":
        return root
    if kind == "newsMessage":
        found = [e for e in root.iter() if local(e) == "newsItem"]
        if len(found) == 1:
            return found[0]
        if not found:
            raise InputError(f"{name}: the NewsML-G2 newsMessage holds no newsItem")
        raise InputError(f"{name}: the NewsML-G2 newsMessage holds {len(found)} newsItems; give one article per file")
    raise InputError(f"{name}: not a NewsML-G2 newsItem (the root element is <{kind or root.tag}>)")


def _candidates(item):
    """The contentSet alternatives, in the order they are tried."""
    xml, data = [], []
    for cs in children(item, "contentSet"):
        for alt in cs:
            if local(alt) == "inlineXML":
                xml.append(alt)
            elif local(alt) == "inlineData":
                data.append(alt)
    ctype = lambda e: (e.get("contenttype") or "").lower()
    first = [e for e in xml if "xhtml" in ctype(e)]
    untyped = [e for e in xml if not ctype(e)]
    rest = [e for e in xml if ctype(e) and "xhtml" not in ctype(e)]  # the others (no list search: linear)
    return first + untyped + data + rest


def _paragraphs(alt) -> list[str]:
    if local(alt) == "inlineXML":
        return xhtml_paragraphs(alt)
    value = "".join(t for t in alt.itertext() if isinstance(t, str))
    if "html" in (alt.get("contenttype") or "").lower():
        from .html import html_paragraphs

        return [p for p in html_paragraphs(value) if p.strip()] if value.strip() else []
    return [value[s:e] for s, e in paragraphs_in(value)]


def _lang_of(alt) -> str | None:
    if alt is None:
        return None
    for e in (alt, *(x for x in alt.iter() if local(x) == "html")):
        v = e.get(XML_LANG) or (e.get("lang") if e is not alt else None)
        if v and v.strip():
            return v
    return None


def read_newsml(text: str, name: str = "input") -> Body:
    item = _news_item(parse_xml(text, name), name)
    meta = child(item, "contentMeta")
    headline = None
    lang = None
    if meta is not None:
        h = child(meta, "headline")
        headline = _text(h) if h is not None else None
        lg = child(meta, "language")
        lang = lg.get("tag") if lg is not None else None
    headline = headline or None
    paragraphs: list[str] = []
    chosen = None
    for alt in _candidates(item):
        paragraphs = _paragraphs(alt)
        if paragraphs:
            chosen = alt
            break
    if not paragraphs:
        raise InputError(f"{name}: no article body in the NewsML-G2 item")
    if headline and _norm(paragraphs[0]) != headline:
        paragraphs.insert(0, headline)
    lang = (lang or "").strip() or _lang_of(chosen) or item.get(XML_LANG)
    body, spans = join_paragraphs(paragraphs)
    return Body(text=body, paragraphs=spans, title=headline, lang=primary(lang))
