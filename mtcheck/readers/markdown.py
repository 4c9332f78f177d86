"""Markdown: block structure kept as paragraphs, inline markup removed."""

from __future__ import annotations

import re

from .base import Body, join_paragraphs

# closing #s are stripped in code, not by "(.*?)\s*#*\s*$": that costs cubic time on a line of spaces
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# Linear time: a match never runs past the next opening bracket or delimiter
# (a lazy ".+?" to a closer that never comes costs quadratic time on a
# paragraph of openers, "**a **a **a ..."). A URL may hold one level of
# parentheses, a bold span no delimiter of its own, an emphasis only
# intra-word ones (snake_case, 2*3).
_URL = r"\((?:[^()]|\([^()]*\))*\)"
_INLINE = (
    (re.compile(r"!\[([^\[\]]*)\]" + _URL), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\[\]]+)\]" + _URL), r"\1"),  # links -> link text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),
    (re.compile(r"<[^<>\n]+>"), ""),  # inline html
    (re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)((?:[^*]|(?<=\w)\*(?=\w))+?)(?<=\S)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)((?:[^_]|(?<=\w)_(?=\w))+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)


def _inline(s: str) -> str:
    for pat, rep in _INLINE:
        s = pat.sub(rep, s)
    return s


def read_markdown(text: str) -> Body:
    blocks: list[str] = []
    current: list[str] = []
    title = None
    in_fence = False

    def flush():
        if current:
            blocks.append(_inline(" ".join(x.strip() for x in current)))
            current.clear()

    for line in text.split("\n"):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue  # code is not article text
        if _SETEXT.match(line) and current:  # the line above was a heading
            heading = _inline(" ".join(x.strip() for x in current))
            current.clear()
            blocks.append(heading)
            title = title or heading
            continue
        if not line.strip() or _RULE.match(line):
            flush()
            continue
        h = _HEADING.match(line)
        if h:
            flush()
            heading = _inline(h.group(2).rstrip().rstrip("#").rstrip())
            blocks.append(heading)
            title = title or heading
            continue
        if _LIST.match(line):
            flush()
            line = _LIST.sub("", line)
        line = _QUOTE.sub("", line)
        current.append(line)
    flush()
    body, spans = join_paragraphs(blocks)
    return Body(text=body, paragraphs=spans, title=title)
