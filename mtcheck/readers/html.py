"""HTML pages: the title and the article body, without navigation,
breadcrumbs, related links, share widgets, comments or cookie notices.

Extraction is trafilatura's (maintained, and the best scorer on the public
boilerplate-removal benchmarks); fragments such as a ninjs body are read
block by block with lxml."""

from __future__ import annotations

import re

from ..errors import InputError
from .base import Body, join_paragraphs

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "dt", "figcaption"}


def _text_of(el) -> str:
    return " ".join("".join(el.itertext()).split())


def html_paragraphs(fragment: str) -> list[str]:
    """Block-level text of an HTML fragment, in document order."""
    from lxml import html as lhtml

    try:
        root = lhtml.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on junk
        return [" ".join(re.sub(r"<[^<>]+>", " ", fragment).split())]  # not [^>]: quadratic on "<<<<"
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        # skip blocks nested in another block: their text is in the parent's
        if any(isinstance(a.tag, str) and a.tag in _BLOCKS for a in el.iterancestors()):
            continue
        t = _text_of(el)
        if t:
            out.append(t)
    if not out:
        t = _text_of(root)
        out = [t] if t else []
    return out


def read_html(text: str, name: str = "input") -> Body:
    import trafilatura
    from lxml import etree

    def extract(with_metadata: bool):
        return trafilatura.extract(
            text,
            output_format="xml",
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
            with_metadata=with_metadata,
            deduplicate=False,
            # the page's date is not used; its extensive search loads every dateparser locale on the
            # first date-like text: seconds of start-up for one page
            date_extraction_params={"original_date": True, "extensive_search": False},
        )

    try:
        xml = extract(True)
    except AssertionError:  # htmldate, dating the page for the metadata, drops the root of some junk ("<iframe><html>")
        xml = extract(False)  # the body without the title
    if not xml:
        raise InputError(f"{name}: no article body found in the HTML page")
    root = etree.fromstring(xml.encode())
    title = root.get("title") or None
    paragraphs = []
    main = root.find("main")
    for el in (main if main is not None else root).iter("p", "head", "item", "quote", "list"):
        if el.tag == "list":
            continue
        t = " ".join("".join(el.itertext()).split())
        if t:
            paragraphs.append(t)
    if not paragraphs:
        raise InputError(f"{name}: no article body found in the HTML page")
    if title and " ".join(paragraphs[0].split()) != " ".join(title.split()):
        paragraphs.insert(0, title)
    m = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", text[:5000], re.I)
    body, spans = join_paragraphs(paragraphs)
    return Body(text=body, paragraphs=spans, title=title, lang=m.group(1).lower() if m else None)
