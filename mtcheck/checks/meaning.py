"""Reversed meaning: a negation on one side of an aligned pair only.

Each side's negations are counted as its grammar makes them
(mtcheck.meaning.negation: "no ... nada" and "не ... никогда" are one, "ne
... que" none, "sin embargo" and 不过 none). When the counts differ in parity,
one side says the opposite of the other, unless the translator put the
negation into a word ("no logró" -> "failed to", "not possible" ->
"impossible"), which no marker list can see.

Confidence follows the evidence: a short sentence, one side with no negation
at all, and a word alignment that links the negation to a plain word on the
other side make a reversal near-certain. A long sentence with many clauses
(where a negation moves between clauses or turns into a lexical one), counts
that differ on both sides negated, or a lexical negation on the side without
a marker make it a note."""

from __future__ import annotations

import re

from ..meaning.negation import Polarity, contrastive, no_spaces, polarity
from ..types import Finding
from . import Pair, register

# one side negated, the other not at all; both negated a different number of
# times (an odd difference / an even one, which leaves the polarity of a
# single clause as it was more often)
_ONE_SIDED = 0.9
_BOTH, _BOTH_EVEN = 0.55, 0.4
# two negations a few words apart against none: a double negation ("not
# without", "nicht ohne", "no ... sin") says the positive
_DOUBLE = 0.3
_DOUBLE_GAP = 3  # words between the two
# sentence length (words of the longer side) past which a negation moves more often
_LONG, _VERY_LONG = 25, 40
_LONG_COST, _VERY_LONG_COST = 0.1, 0.15
_MANY_CLAUSES, _CLAUSE_COST = 4, 0.1
# a lexical negation on the side without a marker, where the alignment puts it
# opposite the negation / anywhere in that sentence; a restriction or limit
# ("only", "until") anywhere there
_CUE_ALIGNED_CAP = 0.3
_CUE_ANYWHERE_COST = 0.45
_PREFIX_CUE_COST = 0.25
# Chinese 不, 无, 非, 未 and Japanese ず are bound morphemes, read without word
# segmentation: many of those found are inside lexical words (不变
# "unchanged", 不愿 "reluctant", 久未 "long not", せずに "without doing"),
# translated without a negation; 没有 and the inflection ない stand alone
_BOUND_COST = 0.25
_WEAK_CUE_COST = 0.1
# the alignment links the surplus negation to a negation on the other side:
# the counts differ by grammar (concord, a marker this table lacks), not meaning
_MATCHED_CAP = 0.3
# ... links it to a plain word: the other side says the thing without negating it
_UNMATCHED_GAIN = 0.05
# Without the word alignment, or where it links the negation to nothing, a
# count is all there is: professional translators restate negations often
# enough ("holding prices" -> "die Preise nicht ändern", "nebylo zvykem" ->
# "було незвично"; a quarter of clean WMT24 articles have one such sentence)
# that a count alone is a note
_UNALIGNED_CAP = 0.45
# below this the negation has most likely gone into a word ("sin cambios" ->
# "unchanged"): not even a note
_FLOOR = 0.25
# every surplus negation a bare contrast ("but not prices"): often restated
_CONTRAST_COST = 0.25


def _shift(p: Polarity, off: int) -> Polarity:
    from dataclasses import replace

    return replace(p, markers=tuple(replace(m, start=m.start + off, end=m.end + off) for m in p.markers),
                   cues=tuple((a + off, b + off) for a, b in p.cues))


_BOUND = {"zh": ("不", "无", "非", "未"), "ja": ("ず",)}


def _double(p: Polarity, text: str) -> bool:
    """Negations in pairs, each close behind the other: a double negation."""
    neg = p.negated
    if len(neg) % 2:
        return False
    return all(len(re.findall(r"\w+", text[a.end:b.start])) <= _DOUBLE_GAP for a, b in zip(neg[::2], neg[1::2]))


_VERB_FINAL = {"hi", "ja"}
_NEAR = 3  # words (characters in Chinese and Japanese) around a negation read as what it negates


def _near(pair: Pair, k: int, side: str, text: str, m) -> list:
    """The other side's words linked to the words just after the marker
    (before it, where none follow: a verb-final negation, 署名しなかった)."""
    lang = pair.src_lang if side == "src" else pair.tgt_lang
    art = pair.src if side == "src" else pair.mt
    seg = next(sg for sg in art.segments if sg.start <= m.start < sg.end)
    if no_spaces(lang):
        windows = [[(m.end, min(seg.end, m.end + _NEAR))], [(max(seg.start, m.start - _NEAR), m.start)]]
    else:
        after = [(x.start(), x.end()) for x in re.finditer(r"\w+", text[m.end:seg.end])]
        before = [(x.start(), x.end()) for x in re.finditer(r"\w+", text[seg.start:m.start])]
        windows = [[(a + m.end, b + m.end) for a, b in after[:_NEAR]],
                   [(a + seg.start, b + seg.start) for a, b in before[-_NEAR:]]]
    # the words after, unless none follow (a negation that ends its sentence)
    def words(ws):
        return [sp for sp in ws if re.search(r"\w", text[sp[0]:sp[1]])]

    aligned = lambda spans: sorted({t for sp in spans for t in pair.aligned(k, side, sp)})
    # in a verb-final language the negated verb stands before the negation
    # (हस्ताक्षर नहीं किए: "signature not did"); elsewhere before it is the subject
    after = aligned(words(windows[0]))
    if after or ((lang or "").split("-")[0].lower() not in _VERB_FINAL and words(windows[0])):
        return after
    return aligned(words(windows[1]))


def _overlaps(span, spans) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


# At most a minor flag: professional translators restate negations ("not
# pursuing" -> "schlössen ... aus"), and the word alignment links something in
# nearly every sentence, so on clean WMT24 references a stronger finding fell
# on 20-32 % of articles (bench/RESULTS.md). A question for the editor, never
# a reason to stop an article, until a literalness gate is calibrated.
_FLAG_CAP = 0.7


@register("meaning", needs_source=True, rules=("adequacy.negation",))
def negation(pair: Pair):
    for k, (link, src, mt) in enumerate(pair.linked()):
        if not (src and mt):
            continue
        s0, s1 = src[0].start, src[-1].end
        m0, m1 = mt[0].start, mt[-1].end
        ps = polarity(pair.src.text[s0:s1], pair.src_lang)
        pm = polarity(pair.mt.text[m0:m1], pair.tgt_lang)
        # counts, not parity: a negation put into two clauses of an affirmative
        # sentence is two, and a double negation in one clause is told apart below
        if ps is None or pm is None or ps.count == pm.count:
            continue
        ps, pm = _shift(ps, s0), _shift(pm, m0)
        more_side = "src" if ps.count > pm.count else "mt"
        more, less = (ps, pm) if more_side == "src" else (pm, ps)
        less_span = (m0, m1) if more_side == "src" else (s0, s1)
        less_text = pair.mt.text if more_side == "src" else pair.src.text
        more_text = pair.src.text if more_side == "src" else pair.mt.text
        if less.count == 0:
            conf = _DOUBLE if _double(more, more_text) else _ONE_SIDED
        else:
            conf = _BOTH if (more.count - less.count) % 2 else _BOTH_EVEN
        words = max(ps.words, pm.words)
        conf -= _LONG_COST * (words > _LONG) + _VERY_LONG_COST * (words > _VERY_LONG)
        conf -= _CLAUSE_COST * (max(ps.clauses, pm.clauses) >= _MANY_CLAUSES)
        more_lang = (pair.src_lang if more_side == "src" else pair.tgt_lang) or ""
        bound = _BOUND.get(more_lang.split("-")[0].lower(), ())
        conf -= _BOUND_COST * all(m.text in bound for m in more.negated)
        conf -= _CONTRAST_COST * all(contrastive(more_text, m.start) for m in more.negated)
        marker = more.negated[0]
        there: list = []
        if pair.word_links:
            less_markers = [(m.start, m.end) for m in less.markers]
            unmatched = []
            for m in more.negated:
                aligned = pair.aligned(k, more_side, (m.start, m.end))
                if not aligned:
                    # a negation word is often left unlinked: its verb shows
                    # what it negates ("not push" / "schubste")
                    aligned = _near(pair, k, more_side, more_text, m)
                if not any(_overlaps(a, less_markers) for a in aligned):
                    unmatched.append((m, aligned))
            if not unmatched:
                conf = min(conf, _MATCHED_CAP)
            else:
                marker, there = next(((m, a) for m, a in unmatched if a), unmatched[0])
                if there:
                    conf += _UNMATCHED_GAIN
                if there and any(_overlaps(a, less.cues + less.prefix_cues) for a in there):
                    conf = min(conf, _CUE_ALIGNED_CAP)
        if not there:
            conf = min(conf, _UNALIGNED_CAP)
        if less.cues and conf > _CUE_ALIGNED_CAP:
            conf -= _CUE_ANYWHERE_COST
        conf -= _PREFIX_CUE_COST * bool(less.prefix_cues) + _WEAK_CUE_COST * bool(less.weak_cues)
        here = (marker.start, marker.end)
        other = (min(a for a, _ in there), max(b for _, b in there)) if there else less_span
        if more_side == "src":
            msg = (f"the source negates (“{marker.text}”) where the translation does not: "
                   f"“{less_text[other[0]:other[1]]}”" if there else
                   f"the source negates (“{marker.text}”) and the translation does not")
            src_span, mt_span = here, other
        else:
            msg = (f"the translation negates (“{marker.text}”) where the source does not: "
                   f"“{less_text[other[0]:other[1]]}”" if there else
                   f"the translation negates (“{marker.text}”) and the source does not")
            src_span, mt_span = other, here
        if conf < _FLOOR:
            continue
        yield Finding("adequacy.negation", msg, src_span=src_span, mt_span=mt_span,
                      confidence=round(min(conf, _FLAG_CAP), 3))
