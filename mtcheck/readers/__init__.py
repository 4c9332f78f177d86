"""Readers: one module per input format, each returning a ``Body``.

``read_article`` picks the reader by extension (or by sniffing), decodes the
bytes, and turns the result into an ``Article`` with reader notes."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..types import Article, Finding
from .base import Body
from .decode import decode_bytes

FORMATS = ("text", "markdown", "html", "ninjs")
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


def sniff_format(path: Path, text: str) -> str:
    fmt = _BY_EXT.get(path.suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        return "ninjs"
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
    return to_article(body, article_id or path.stem, str(path), decoded.repairs, decoded.example, decoded.encoding)


def to_article(body: Body, article_id: str, source: str, repairs: int = 0, example=None, encoding="utf-8") -> Article:
    notes = []
    if repairs:
        garbled, fixed = example
        notes.append(
            Finding(
                rule="format.mojibake",
                message=f"repaired {repairs} garbled character sequence(s) from a wrong encoding, "
                f"e.g. {garbled!r} read as {fixed!r}",
            )
        )
    if encoding not in ("utf-8", "utf-8-sig"):
        notes.append(
            Finding(rule="format.encoding", message=f"read as {encoding}, not UTF-8")
        )
    return Article(
        id=article_id,
        text=body.text,
        lang=body.lang,
        title=body.title,
        paragraphs=body.paragraphs,
        notes=tuple(notes),
        source=source,
    )
