"""Readers: one module per input format, each returning a ``Body``.

``read_article`` picks the reader by extension (or by sniffing), decodes the
bytes, and turns the result into an ``Article`` with reader notes."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..types import Article, Finding
from .base import Body
from .boilerplate import without_chrome
from .decode import Decoded, decode_bytes

FORMATS = ("text", "markdown", "html", "ninjs", "newsml")
_BY_EXT = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "ninjs",
    ".ninjs": "ninjs",
}
MAX_BYTES = 20 * 1024 * 1024  # a news article is far smaller; refuse what would exhaust memory
# Limits that keep a run's time bounded (bench/limits.py; README, "Input formats"). The longest
# news features run to some 60,000 characters; the rules check about 5,000 characters a second.
MAX_CHARS = 1_000_000  # of text as analysed, per side: more is refused (exit 2)
# Segmentation and the name cues cost more than linear time within a paragraph: a longer one
# (a feed that lost its line breaks) is analysed in parts, cut at a sentence end or a space.
MAX_PARAGRAPH = 5_000


def sniff_format(path: Path, text: str) -> str:
    fmt = _BY_EXT.get(path.suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        return "ninjs"
    # NewsML-G2 (usually .xml): the root newsItem, or a newsMessage's, before the HTML sniff
    if re.search(r"<(?:[\w.-]+:)?news(?:item|message)\b", text.lstrip()[:2000].lower()):
        return "newsml"
    if head.startswith("<!doctype html") or "<html" in head or "<body" in head:
        return "html"
    return "text"


def parse(text: str, fmt: str, name: str) -> Body:
    if fmt == "text":
        from .text import read_text

        return read_text(text)
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(text)
    if fmt == "html":
        from .html import read_html

        return read_html(text, name)
    if fmt == "ninjs":
        from .ninjs import read_ninjs

        return read_ninjs(text, name)
    if fmt == "newsml":
        from .newsml import read_newsml

        return read_newsml(text, name)
    raise InputError(f"unknown input format {fmt!r}; expected one of {', '.join(FORMATS)}")


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is more than the {MAX_BYTES} an article may have")
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None


def read_article(path: str | os.PathLike, fmt: str | None = None, article_id: str | None = None) -> Article:
    path = Path(path)
    decoded = decode_bytes(read_bytes(path), str(path))
    fmt = fmt or sniff_format(path, decoded.text)
    body = parse(decoded.text, fmt, str(path))
    if not body.paragraphs:
        raise InputError(f"{path}: no text found")
    from .origin import anchors

    article = to_article(body, article_id or path.stem, str(path), decoded)
    origin = anchors(decoded.text, body.text, body.paragraphs)  # every paragraph, chrome too: notes point there
    quiet = ()
    if fmt in ("markdown", "html"):
        from .markers import quiet_spans

        quiet = quiet_spans(decoded.text, body.text, body.paragraphs, origin)
    return replace(article, origin=origin, quiet=quiet)


def read_text_as(text: str, fmt: str, article_id: str, name: str) -> Article:
    """A document given as text (a ninjs item inside a manifest), read as a file would be."""
    body = parse(text, fmt, name)
    if not body.paragraphs:
        raise InputError(f"{name}: no text found")
    return to_article(body, article_id, name)


def _locate(decoded: str, span: tuple[int, int], body: str, start: int = 0) -> tuple[int, int] | None:
    """``span`` of the decoded text in the reader's text. They are the same
    text for plain text; a reader that drops markup keeps the words, so the
    run of letters and digits around the span is looked for in its text."""
    if body is decoded:
        return span
    s, e = span
    ws, we = s, e
    while ws > max(0, s - 32) and decoded[ws - 1].isalnum():  # a bounded word: scripts without spaces
        ws -= 1
    while we < min(len(decoded), e + 32) and decoded[we].isalnum():
        we += 1
    word = decoded[ws:we]
    if not word.strip():
        return None
    k = body.find(word, start)
    return (k + s - ws, k + e - ws) if k >= 0 else None


def _places(spans, decoded: str, body: str, limit: int = 5) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for sp in spans[:limit]:
        at = _locate(decoded, sp, body, cursor)
        if at is not None:
            out.append(at)
            cursor = at[0]
    return out


def _where(places, total: int) -> str:
    if not places:
        return ""
    shown = ", ".join(f"{s}-{e}" if e > s else f"{s}" for s, e in places)
    more = f" and {total - len(places)} more" if total > len(places) else ""
    return f" at character{'s' if total > 1 else ''} {shown}{more}"


_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*\s+")


def bounded_paragraphs(text: str, paragraphs, limit: int = MAX_PARAGRAPH) -> tuple[tuple[int, int], ...]:
    """Paragraph spans of at most ``limit`` characters: a longer paragraph is
    cut at its last sentence end before the limit, else at its last space,
    else at the limit. The text is not changed."""
    out = []
    for s, e in paragraphs:
        while e - s > limit:
            window = text[s : s + limit]
            ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
            cut = ends[-1] if ends else (window.rfind(" ", limit // 2) + 1 or limit)
            piece = text[s : s + cut].rstrip()
            if piece:
                out.append((s, s + len(piece)))
            s += cut
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def to_article(body: Body, article_id: str, source: str, decoded: Decoded | None = None) -> Article:
    """The reader's body with the decoder's changes as notes: each says
    where, in the article's text, the change is (the first one is its span)."""
    if len(body.text) > MAX_CHARS:
        raise InputError(f"{source}: {len(body.text)} characters of text is more than the {MAX_CHARS} an article may have")
    notes = []
    if decoded is not None and decoded.repairs:
        garbled, fixed = decoded.example
        places = _places(decoded.repaired, decoded.text, body.text)
        notes.append(
            Finding(
                rule="format.mojibake",
                message=f"repaired {decoded.repairs} garbled character sequence(s) from a wrong encoding, "
                f"e.g. {garbled!r} read as {fixed!r}" + _where(places, decoded.repairs),
                mt_span=places[0] if places else None,
            )
        )
    if decoded is not None and decoded.nuls:
        where = list(dict.fromkeys(decoded.nuls))  # a run of NULs is one place
        places = _places([(p, p) for p in where], decoded.text, body.text)
        n = len(decoded.nuls)
        notes.append(
            Finding(
                rule="format.control",
                message=f"removed {n} NUL character{'s' if n > 1 else ''} (U+0000) from the input"
                + _where(places, len(where)),
                mt_span=places[0] if places else None,
            )
        )
    encoding = decoded.encoding if decoded is not None else "utf-8"
    if encoding not in ("utf-8", "utf-8-sig"):
        notes.append(
            Finding(rule="format.encoding", message=f"read as {encoding}, not UTF-8")
        )
    # site chrome (breadcrumb, related links, comments): the text keeps it, the checks do not see it
    paragraphs, chrome = without_chrome(body.text, body.paragraphs)
    notes.extend(chrome)
    return Article(
        id=article_id,
        text=body.text,
        lang=body.lang,
        title=body.title,
        paragraphs=bounded_paragraphs(body.text, paragraphs),
        notes=tuple(notes),
        source=source,
    )
