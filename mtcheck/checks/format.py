"""Format checks that need no source: empty output, control characters,
encoding repairs the reader made, a translation that copies the source."""

from __future__ import annotations

import re

from ..types import Finding
from . import Pair, register

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\ufffd]")


@register("format", needs_source=False, rules=("format.mojibake", "format.encoding", "format.control", "omission.empty"))
def fmt(pair: Pair):
    yield from pair.mt.notes
    if not pair.mt.text.strip():
        yield Finding("omission.empty", "the translation is empty", mt_span=(0, 0))
        return
    for m in _CONTROL.finditer(pair.mt.text):
        name = "replacement character U+FFFD" if m.group() == "\ufffd" else f"control character U+{ord(m.group()):04X}"
        yield Finding(
            "format.control",
            f"{name} in the text",
            mt_span=(m.start(), m.end()),
            suggestion="",
        )


_WORD = re.compile(r"[^\W\d_]{3,}")


@register("copy", needs_source=True, rules=("untranslated.copy",))
def copied(pair: Pair):
    """A segment left in the source language: the same words as its source.
    Names and numbers are the same in both, so only long segments whose words
    are nearly all shared count."""
    for link, src, mt in pair.linked():
        if not src or not mt:
            continue
        # lower-case words only: names and titles are the same in both languages
        s_words = [w for seg in src for w in _WORD.findall(seg.text) if w.islower()]
        m_words = [w for seg in mt for w in _WORD.findall(seg.text) if w.islower()]
        if len(m_words) < 4 or len(s_words) < 4:
            continue
        shared = len(set(m_words) & set(s_words)) / len(set(m_words))
        if shared >= 0.8 and pair.src_lang != pair.tgt_lang:
            yield Finding(
                "untranslated.copy",
                "this sentence is left untranslated: its words are the source's",
                src_span=(src[0].start, src[-1].end),
                mt_span=(mt[0].start, mt[-1].end),
                confidence=min(1.0, shared),
            )
