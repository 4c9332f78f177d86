"""Sentences the aligner could not pair: omissions and additions."""

from __future__ import annotations

from ..types import Finding, Severity
from . import Pair, register

# A skipped sentence this short is usually a dateline, a byline or a stray
# heading, not lost content.
_MIN_CHARS = 25


@register("alignment", needs_source=True, rules=("omission.sentence", "addition.sentence"))
def unaligned(pair: Pair):
    for link, src, mt in pair.linked():
        if link.src and link.tgt:
            continue
        omitted = bool(link.src)
        seg = src[0] if omitted else mt[0]
        if len(seg.text) < _MIN_CHARS:
            continue
        span = (seg.start, seg.end)
        yield Finding(
            "omission.sentence" if omitted else "addition.sentence",
            Severity.MAJOR if link.score >= 0.5 else Severity.MINOR,
            f"source sentence {seg.index + 1} has no counterpart in the translation"
            if omitted
            else f"translation sentence {seg.index + 1} has no counterpart in the source",
            src_span=span if omitted else None,
            mt_span=None if omitted else span,
            confidence=link.score,
        )
