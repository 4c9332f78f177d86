"""What every reader returns, and helpers to build it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Span


@dataclass(frozen=True)
class Body:
    """A reader's output before it becomes an Article: text, paragraph spans
    into it, a title and a language if the format declares them."""

    text: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    lang: str | None = None  # declared by the format (ninjs "language", <html lang>)


_BLANK = re.compile(r"\n[ \t\u00a0]*\n")


def paragraphs_in(text: str) -> tuple[Span, ...]:
    """Blocks separated by blank lines, whitespace trimmed, offsets kept."""
    spans = []
    pos = 0
    for m in list(_BLANK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        stripped = block.strip()
        if stripped:
            s = pos + (len(block) - len(block.lstrip()))
            spans.append((s, s + len(stripped)))
        if m:
            pos = m.end()
    return tuple(spans)


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    """Paragraph strings to one text with blank lines between them."""
    parts, spans, pos = [], [], 0
    for p in paragraphs:
        p = " ".join(p.split()) if "\n" not in p.strip() else p.strip()
        if not p:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append((pos, pos + len(p)))
        parts.append(p)
        pos += len(p)
    return "".join(parts), tuple(spans)
