"""Where a finding is in the input files, for the formats that point at
lines (SARIF, GitHub annotations, JUnit): the file each side was read from
and the line and column of a span, through the reader's anchors."""

from __future__ import annotations

from pathlib import Path, PurePath
from urllib.parse import quote

from ..readers.origin import position
from ..types import Article, ArticleResult, Finding


def uri(path: str) -> str:
    """A relative path stays a relative URI reference; an absolute one is a file: URI."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePath(path).as_posix(), safe="/:")


def region(article: Article, span) -> dict | None:
    """startLine/startColumn/endLine/endColumn (1-based, end column
    exclusive, code points) of a span, or None where the text has no
    anchors. A column of 0 means only the line is known: it is left out."""
    if span is None:
        return None
    start = position(article.origin, span[0])
    end = position(article.origin, max(span[1], span[0]))
    if start is None or end is None:
        return None
    out = {"startLine": start[0]}
    if start[1]:
        out["startColumn"] = start[1]
    if end[0] > start[0] or end[1] > start[1]:
        out["endLine"] = end[0]
        if end[1] and start[1]:
            out["endColumn"] = end[1]
    return out


def primary(a: ArticleResult, f: Finding) -> tuple[Article, tuple[int, int] | None]:
    """The side a finding is shown on: the translation where it has a span
    there, else the source where it has one, else the translation as a whole."""
    if f.mt_span is not None or f.src_span is None or a.src is None:
        return a.mt, f.mt_span
    return a.src, f.src_span


def path_of(article: Article, fallback: str) -> str:
    return article.source or fallback


def suggested(f: Finding) -> str:
    """The suggestion as the end of a one-line message."""
    return f" (suggested: “{f.suggestion.strip()}”)" if f.suggestion and f.suggestion.strip() else ""
