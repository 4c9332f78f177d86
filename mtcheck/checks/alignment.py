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
        if link.src and not link.tgt:
            seg = src[0]
            if len(seg.text) < _MIN_CHARS:
                continue
            yield Finding(
                "omission.sentence",
                Severity.MAJOR if link.score >= 0.5 else Severity.MINOR,
                f"source sentence {seg.index + 1} has no counterpart in the translation",
                src_span=(seg.start, seg.end),
                confidence=link.score,
            )
        elif link.tgt and not link.src:
            seg = mt[0]
            if len(seg.text) < _MIN_CHARS:
                continue
            yield Finding(
                "addition.sentence",
                Severity.MAJOR if link.score >= 0.5 else Severity.MINOR,
                f"translation sentence {seg.index + 1} has no counterpart in the source",
                mt_span=(seg.start, seg.end),
                confidence=link.score,
            )
