"""Inline suppression markers in HTML and Markdown sources, as linters have
them: an editor who has checked a passage says so in the file, and the
findings there are shown as suppressed.

    <!-- mtcheck: ignore names.added -->   the next paragraph, these rules (none named: all)
    <!-- mtcheck: off quotes -->           from here ...
    <!-- mtcheck: on -->                   ... to here (or to the end)

The comments are found in the decoded file and placed in the analysed text
through the reader's anchors (readers/origin.py)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .origin import line_starts

_MARK = re.compile(r"<!--\s*mtcheck\s*:\s*(off|on|ignore)\b(.*?)-->", re.I | re.S)
_RULES = re.compile(r"[A-Za-z_]+(?:\.[A-Za-z_]+)?")


def quiet_spans(raw: str, text: str, paragraphs, origin) -> tuple[tuple[int, int, frozenset[str]], ...]:
    # not past the last "-->": from a marker left open after it the lazy (.*?) would scan to the end
    # of the file, and from each one of many: quadratic time; before it, every marker finds its end
    marks = list(_MARK.finditer(raw, 0, raw.rfind("-->") + 3))
    if not marks or not origin:
        return ()
    starts = line_starts(raw)
    raw_at = [starts[line - 1] + col - 1 for _, line, col in origin]  # nondecreasing: the anchors run forward

    def text_at(r: int) -> int:
        i = bisect_left(raw_at, r)
        return origin[i][0] if i < len(origin) else len(text)

    ends = [e for _, e in paragraphs]  # increasing: the paragraphs run forward without overlap
    out, open_at = [], None
    for m in marks:
        kind, rules = m.group(1).lower(), frozenset(_RULES.findall(m.group(2)))
        t = text_at(m.end())
        if kind == "ignore":
            i = bisect_right(ends, t)  # the first paragraph that ends after t
            nxt = paragraphs[i] if i < len(paragraphs) else None
            if nxt is not None:
                out.append((max(nxt[0], t), nxt[1], rules))
        elif kind == "off":
            if open_at is not None:
                out.append((open_at[0], t, open_at[1]))
            open_at = (t, rules)
        elif open_at is not None:
            out.append((open_at[0], t, open_at[1]))
            open_at = None
    if open_at is not None:
        out.append((open_at[0], len(text), open_at[1]))
    return tuple(sp for sp in out if sp[1] > sp[0])
