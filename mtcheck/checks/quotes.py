"""Quotation checks on the translation alone: garbled, misplaced, unclosed
and mixed quotation marks. Each finding's ``mt_span`` covers the mark and
the spaces around it that need to change; its ``suggestion`` is the text
that should replace that span."""

from __future__ import annotations

import re
from collections import Counter

from ..quotes.conventions import INNER_SPACE
from ..quotes.parse import CLOSE, OPEN, Mark, analyse, open_run
from ..types import Finding
from . import Pair, register

# Words that start an attribution right after a quotation.
_ATTRIBUTION = re.compile(
    r"(?:[\w.-]+\s+){0,4}?(said|says|told|added|asked|stressed|explained|declared|noted|warned|insisted|replied|wrote|"
    r"continued|concluded|according|"
    r"dijo|afirmó|añadió|aseguró|explicó|declaró|señaló|subrayó|agregó|indicó|advirtió|"
    r"disse|afirmou|acrescentou|declarou|"
    r"a\s+(?:déclaré|dit|ajouté|affirmé|expliqué|souligné)|"
    r"sagte|erklärte|betonte|fügte|so)\b",
    re.IGNORECASE,
)
_NBSP_NARROW = "\u202f"


def _repair(text: str, m: Mark, start: int, end: int, lang: str | None) -> tuple[tuple[int, int], str]:
    """The span to replace (the mark and the spaces beside it) and its repair."""
    if m.problem == "direction":
        return (m.pos, m.pos + 1), m.expected  # the right glyph, spacing was fine
    left = m.pos
    while left > start and text[left - 1].isspace():
        left -= 1
    right = m.pos + 1
    while right < end and text[right].isspace():
        right += 1
    before = text[left - 1] if left > start else ""
    after = text[right] if right < end else ""
    glyph = m.expected
    inner = (lang or "").lower() in INNER_SPACE and m.pair.open == "«"
    if m.role == CLOSE:
        rep = (_NBSP_NARROW + glyph) if inner else glyph
        if after and (after.isalnum() or after in "“«„(\"["):
            rep += " "
    else:
        rep = (glyph + _NBSP_NARROW) if inner else glyph
        if before and not (before in "([{—–/\"“«„" ):
            rep = " " + rep
    return (left, right), rep


def _describe(m: Mark, text: str, after: str) -> tuple[str, str]:
    side = "opening" if m.role == OPEN else "closing"
    if m.problem == "unclosed":
        return "quotes.unclosed", f"quotation opened with {m.glyph} is never closed"
    if m.problem == "shifted":
        if m.role == CLOSE and _ATTRIBUTION.match(after):
            return (
                "quotes.attribution",
                f"the {side} mark {m.glyph} sits after the space, so the attribution reads as part of the quotation",
            )
        return (
            "quotes.misplaced",
            f"{m.glyph} should be the {side} mark {m.expected}, on the other side of the space: "
            "it moves the quotation by a word",
        )
    if m.problem == "direction":
        return "quotes.direction", f"{m.glyph} is used as a {side} mark; the {side} mark here is {m.expected}"
    if m.problem == "glued":
        if m.glyph != m.expected:
            return (
                "quotes.direction",
                f"{m.glyph} is used as a {side} mark and has no space beside it; the {side} mark here is {m.expected}",
            )
        return "quotes.spacing", f"no space between the {side} mark {m.glyph} and the word beside it"
    if m.problem == "detached":
        return "quotes.spacing", f"stray space around the {side} mark {m.glyph}"
    return "quotes.stray", f"stray quotation mark {m.glyph}"


@register("quotes.marks", needs_source=False, rules=(
    "quotes.unclosed", "quotes.attribution", "quotes.misplaced", "quotes.direction", "quotes.spacing", "quotes.mixed"))
def quote_marks(pair: Pair):
    art = pair.mt
    text = art.text
    analysis = analyse(text, art.paragraphs, pair.tgt_lang or art.lang)
    for m in analysis.marks:
        if m.problem is None:
            continue
        p_start, p_end = art.paragraphs[art.paragraph_of(m.pos)]
        after = text[m.pos + 1 : m.pos + 40].lstrip()
        rule, msg = _describe(m, text, after)
        if m.problem == "unclosed":
            # a source that leaves a quotation open too (one that runs on into the
            # next segment or paragraph) makes this one a faithful copy: a note
            mirrored = pair.src is not None and any(m.problem == "unclosed" for m in _source_analysis(pair).marks)
            if mirrored:
                yield Finding(rule, msg + " (so is one in the source)", mt_span=(m.pos, m.pos + 1), confidence=0.4)
            elif _source_closes_at(pair, open_run(analysis, m, art.paragraphs)):
                # the quotation runs on with no other mark to the end of a
                # paragraph where the source's quotation ends: the words quoted
                # are the same and only the last mark is missing, a slip of
                # typography rather than a quotation of unknown extent
                yield Finding(rule, msg + "; the source's quotation ends with a paragraph it runs over",
                              mt_span=(m.pos, m.pos + 1), confidence=0.6)
            else:
                yield Finding(rule, msg, mt_span=(m.pos, m.pos + 1))
            continue
        span, rep = _repair(text, m, p_start, p_end, pair.tgt_lang or art.lang)
        yield Finding(rule, msg, mt_span=span, suggestion=rep)
    yield from _mixed(analysis, text)


def _source_closes_at(pair: Pair, run: tuple[int, int]) -> bool:
    """Whether a paragraph of the translation that ends inside ``run`` ends a
    sentence aligned to a source sentence that ends with a closing quotation
    mark (only trailing punctuation after it)."""
    if pair.src is None or pair.alignment is None:
        return False
    start, end = run
    ends = {e for s, e in pair.mt.paragraphs if start < e <= end}
    last = {seg.index for seg in pair.mt.segments if any(seg.start < e <= seg.end + 2 for e in ends)}
    segs = [pair.src.segments[i] for link in pair.alignment.links if last & set(link.tgt) for i in link.src]
    src = pair.src.text
    return any(seg.start < q.end <= seg.end and not src[q.end:seg.end].strip(_TRAILING)
               for q in _source_analysis(pair).quotations for seg in segs)


_TRAILING = " \t\n.,;!?…"


def _source_analysis(pair: Pair):
    """The source's quotation marks and quotations, analysed once per pair."""
    key = "src_quote_analysis"
    if key not in pair.facts:
        pair.facts[key] = analyse(pair.src.text, pair.src.paragraphs, pair.src_lang or pair.src.lang)
    return pair.facts[key]


def _mixed(analysis, text: str):
    """Outer quotations in more than one convention within one article."""
    outer = [q for q in analysis.quotations if q.depth == 0]
    styles = Counter(q.pair.name for q in outer)
    if len(styles) < 2:
        return
    main = styles.most_common(1)[0][0]
    for q in outer:
        if q.pair.name != main:
            yield Finding(
                "quotes.mixed",
                f"this quotation uses {q.pair.name} while the rest of the article uses {main}",
                mt_span=(q.start, q.end),
            )
