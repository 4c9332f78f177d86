"""IPTC ninjs JSON (1.x to 3.x): headline plus body, as one article."""

from __future__ import annotations


from ..errors import InputError
from .base import Body, join_paragraphs, load_json


def _first(values, role="main"):
    if isinstance(values, str):
        return values
    if isinstance(values, list):
        items = [v for v in values if isinstance(v, dict) and isinstance(v.get("value"), str)]
        for v in items:
            if v.get("role", "main") == role:
                return v
        return items[0] if items else None
    return None


def read_ninjs(text: str, name: str = "input") -> Body:
    doc = load_json(text, name)
    if not isinstance(doc, dict):
        raise InputError(f"{name}: a ninjs document is a JSON object")
    headline = _first(doc.get("headlines")) or doc.get("headline")
    if isinstance(headline, dict):
        headline = headline.get("value")
    paragraphs: list[str] = [headline] if isinstance(headline, str) and headline.strip() else []
    body = _first(doc.get("bodies"))
    if isinstance(body, dict):
        ctype = body.get("contentType")
        ctype = ctype if isinstance(ctype, str) else "text/plain"
        value = body["value"]
    else:  # ninjs 1.x/2.x
        ctype, value = ("text/html", doc["body_html"]) if isinstance(doc.get("body_html"), str) else (
            "text/plain",
            doc.get("body_text"),
        )
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name}: ninjs document has no body")
    if "html" in ctype or "xml" in ctype:
        from .html import html_paragraphs

        paragraphs += html_paragraphs(value)
    else:
        from .base import paragraphs_in

        paragraphs += [value[s:e] for s, e in paragraphs_in(value)]
    text, spans = join_paragraphs(paragraphs)
    lang = doc.get("language") if isinstance(doc.get("language"), str) else None
    return Body(text=text, paragraphs=spans, title=headline if isinstance(headline, str) else None, lang=lang)
