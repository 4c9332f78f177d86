"""Where the analysed text came from in the input file: line and column.

A reader that drops markup (HTML, Markdown, ninjs) keeps the words, so each
word of the analysed text is looked for in the decoded file, in order, near
where the last one was found. An anchor (text offset, line, column) is kept
wherever the mapping does not simply run on from the previous anchor; a
position between anchors is counted on from the nearest one before it.
Lines and columns count from 1, columns in code points; column 0 means only
the line is known (a JSON Lines pair)."""

from __future__ import annotations

import re
from bisect import bisect_right

Anchor = tuple[int, int, int]  # text offset, line, column

_WORD = re.compile(r"\S{1,64}")
NEAR = 4_000  # a word's next occurrence lies within this many characters of markup
PARAGRAPH_NEAR = 200_000  # a paragraph may follow a long head or a script block
# Characters that the wide searches which find nothing may scan in all: without a bound, a
# text whose paragraphs are not found in the file (markup inside words) costs quadratic time.
WIDE_MISSES = 50_000_000


def line_starts(raw: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", raw)]


def anchors(raw: str, text: str, paragraphs) -> tuple[Anchor, ...]:
    """Anchors from ``text`` (what was analysed) back into ``raw`` (the
    decoded file). Bounded: each word is searched for in a window, never
    the whole file."""
    starts = line_starts(raw)
    out: list[Anchor] = []

    def add(t: int, r: int) -> None:
        line = bisect_right(starts, r)
        col = r - starts[line - 1] + 1
        if out:
            pt, pl, pc = out[-1]
            if pl == line and col - pc == t - pt:
                return  # runs on from the previous anchor
        out.append((t, line, col))

    if text == raw:  # plain text: the same characters, one anchor per line
        for n, s in enumerate(starts):
            out.append((s, n + 1, 1))
        return tuple(out)
    cursor = 0
    misses = WIDE_MISSES
    for ps, pe in paragraphs:
        first = True
        for m in _WORD.finditer(text, ps, pe):
            word = m.group()
            wide = first and misses > 0
            stop = cursor + (PARAGRAPH_NEAR if wide else NEAR) + len(word)
            k = raw.find(word, cursor, stop)
            if k < 0:
                if wide:
                    misses -= min(stop, len(raw)) - cursor
                continue
            add(m.start(), k)
            cursor = k + len(word)
            first = False
    return tuple(out)


def position(origin: tuple[Anchor, ...], offset: int) -> tuple[int, int] | None:
    """(line, column) in the input file of a text offset, or None when the
    text has no anchors (built in memory, not read from a file)."""
    if not origin:
        return None
    i = bisect_right(origin, (offset, 1 << 62, 0)) - 1
    if i < 0:
        t, line, col = origin[0]
        return line, col if col == 0 else 1
    t, line, col = origin[i]
    return line, 0 if col == 0 else col + offset - t
