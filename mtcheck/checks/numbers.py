"""Numbers: every figure of a source sentence must be in its translation.

For each alignment link, the numbers of both sides (mtcheck.numbers: digits
in any locale, scale words, money, units, times, dates, numbers in words,
months and weekdays) are paired by value. A source figure with no equal,
opposite a translated figure with no equal that could stand in its place,
is a changed number; a figure left over on one side only is missing or
added, with less confidence: translators drop a year into "this year", turn
"two" into "both" and "one" into an article.

Confidence follows the evidence: two figures in digits of one kind are
almost surely one changed into the other; a number in words, a figure among
several left over with nothing to tell which goes with which, or the word
for one, are weaker."""

from __future__ import annotations

import re

from ..numbers import compare
from ..numbers.parse import FIGURE, readings, extract
from ..numbers.value import (
    DATE, DECADE, DIGITS, MONTH, NAME, TIME, TOKEN, WEEKDAY, WORDS, YEAR, Number, fmt, render,
)
from ..types import Finding
from . import Pair, register

# Confidence that two figures left over opposite each other are one changed
# into the other, by how they are written (the weaker of the two).
_CHANGED = {DIGITS: 0.9, NAME: 0.8, WORDS: 0.65}
# ... with no word alignment to tell which goes with which among several
_AMBIGUOUS = 0.2
# figures of very different size (2019 and 5) are seldom one changed into the other
_UNLIKE = 0.2
_ALIGNED = 0.06
# a figure left over on one side only
_ONE_SIDED = 0.55
_ONE_SIDED_WEAK = 0.3
# a figure found in the translation only is more often a rendering of source
# words not read as numbers (octavos de final -> last 16, ordinals, idioms)
# than an invented one
_ADDED = 0.45


def _side(pair: Pair, segs, lang) -> list[Number]:
    art = pair.src if segs and pair.src is not None and segs[0] in pair.src.segments else pair.mt
    out = []
    for seg in segs:
        out.extend(n.shifted(seg.start) for n in extract(art.text[seg.start:seg.end], lang))
    return out


def _weight(n: Number) -> float:
    if n.written == WORDS and n.value == 1:
        return 0.3  # "one" is as often a pronoun or an article
    return _CHANGED.get(n.written, 0.65)


def _one_sided_confidence(n: Number, added: bool = False) -> float:
    if n.written == DIGITS and n.kind not in (YEAR, DATE, TIME, TOKEN, DECADE) and n.value >= 10:
        return _ADDED if added else _ONE_SIDED
    return _ONE_SIDED_WEAK


def _suggestion(s: Number, m: Number, lang: str | None) -> str:
    """The translation's figure with the source's value, written as the
    translation writes it (its scale word, currency and unit kept)."""
    if s.kind in (TIME, DATE, MONTH, WEEKDAY) or m.kind in (TIME, DATE, MONTH, WEEKDAY) or m.written != DIGITS:
        return s.text
    core = FIGURE.search(m.text)
    vals = readings(core.group(), lang) if core else []
    if not core or not vals or vals[0] == 0:
        return s.text
    scale = m.value / vals[0]
    return m.text[:core.start()] + render(s.value / scale, lang) + m.text[core.end():]


def _distributive(text: str, n: Number) -> bool:
    """Is the figure the count of each of several (各 just before it)?"""
    return text[max(0, n.start - 2):n.start].rstrip().endswith("各")


def _digits_like(a: Number, b: Number) -> bool:
    """Figures of about one size (a digit changed, two swapped)."""
    if a.value == 0 or b.value == 0:
        return False
    r = a.value / b.value
    return 1 / 30 <= r <= 30


@register("numbers", needs_source=True, rules=("numbers.changed", "numbers.missing", "numbers.added"))
def numbers(pair: Pair):
    links = list(pair.linked())
    sides = [(_side(pair, src, pair.src_lang), _side(pair, mt, pair.tgt_lang)) for _, src, mt in links]
    left = {}
    for k, (link, src, mt) in enumerate(links):
        if not (src and mt):
            continue
        a, b = sides[k]
        if not a and not b:
            continue
        s0, s1 = src[0].start, src[-1].end
        m0, m1 = mt[0].start, mt[-1].end
        pairs, ls, lm = compare.pair_up(a, b, lambda n: (n.start - s0) / max(1, s1 - s0),
                                        lambda n: (n.start - m0) / max(1, m1 - m0))
        got_a, got_b = {i for i, _ in pairs}, {j for _, j in pairs}
        ls = [i for i in ls if not compare.restated(a[i], a, got_a, pair.src.text)]
        lm = [j for j in lm if not compare.restated(b[j], b, got_b, pair.mt.text)]
        # 男女各8人 ("8 each of boys and girls") is 8 boys and 8 girls: one
        # figure after a distributive 各 stands for as many as it is shared by
        lm = [j for j in lm if not any(_distributive(pair.src.text, n) and n.same(b[j]) for n in a)]
        ls = [i for i in ls if not any(_distributive(pair.mt.text, n) and n.same(a[i]) for n in b)]
        left[k] = (ls, lm, (s0, s1), (m0, m1))
    for k, (ls, lm, sspan, mspan) in left.items():
        a, b = sides[k]
        # a figure left over here and opposite in a neighbouring link went
        # there (sentences merged or split otherwise than the aligner paired them)
        near_b = [sides[kk][1][j] for kk in (k - 1, k + 1) if kk in left for j in left[kk][1]]
        near_a = [sides[kk][0][i] for kk in (k - 1, k + 1) if kk in left for i in left[kk][0]]
        ls = [i for i in ls if not any(a[i].same(n) for n in near_b)]
        lm = [j for j in lm if not any(b[j].same(n) for n in near_a)]
        yield from _findings(pair, k, a, b, ls, lm, sspan, mspan)


def _findings(pair: Pair, k: int, a, b, ls, lm, sspan, mspan):
    changes = []
    # word alignment first: the translated words a source figure links to
    if pair.word_links:
        for i in list(ls):
            there = pair.aligned(k, "src", a[i].span)
            for j in lm:
                if any(x < b[j].end and b[j].start < y for x, y in there) and compare.compatible(a[i], b[j]):
                    changes.append((i, j, True))
                    ls.remove(i)
                    lm.remove(j)
                    break
    # then by position, among figures that could stand for each other
    pos_a = {i: (a[i].start - sspan[0]) / max(1, sspan[1] - sspan[0]) for i in ls}
    pos_b = {j: (b[j].start - mspan[0]) / max(1, mspan[1] - mspan[0]) for j in lm}
    # a figure changed into another keeps its kind, its way of writing and
    # about its size (15% -> 10%, not 15% -> "Tier One"); then the nearest
    cands = sorted(((a[i].kind != b[j].kind) + (a[i].written != b[j].written) + 2 * (not _digits_like(a[i], b[j])),
                    abs(pos_a[i] - pos_b[j]), i, j) for i in ls for j in lm if compare.compatible(a[i], b[j]))
    n_cands = {}
    for _, _, i, j in cands:
        n_cands[("a", i)] = n_cands.get(("a", i), 0) + 1
        n_cands[("b", j)] = n_cands.get(("b", j), 0) + 1
    used_a, used_b = set(), set()
    for _, _, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        changes.append((i, j, False))
    for i, j, aligned in changes:
        s, m = a[i], b[j]
        conf = min(_weight(s), _weight(m))
        if aligned:
            conf += _ALIGNED
        elif n_cands.get(("a", i), 0) > 1 and n_cands.get(("b", j), 0) > 1:
            conf -= _AMBIGUOUS
        if not _digits_like(s, m):
            conf -= _UNLIKE
        conf = round(max(0.05, min(conf, 0.98)), 3)
        yield Finding(
            "numbers.changed",
            f"the source's {s.text} ({fmt(s.value)}) is {m.text} ({fmt(m.value)}) in the translation",
            src_span=s.span, mt_span=m.span, suggestion=_suggestion(s, m, pair.tgt_lang), confidence=conf,
        )
    for i in ls:
        if i in used_a:
            continue
        s = a[i]
        yield Finding("numbers.missing", f"the source's {s.text} is not in the translation", src_span=s.span,
                      confidence=_one_sided_confidence(s))
    for j in lm:
        if j in used_b:
            continue
        m = b[j]
        yield Finding("numbers.added", f"the translation's {m.text} is not in the source", mt_span=m.span,
                      confidence=_one_sided_confidence(m, added=True))
