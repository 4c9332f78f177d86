"""Is the translation in the language it claims, and not still in the source's?"""

from __future__ import annotations

from ..langid import known
from ..types import Finding
from . import Pair, register

# A paragraph shorter than this is too short to call its language reliably
# (a byline, a place name, a quoted title).
_MIN_PARAGRAPH = 60


@register(
    "language",
    needs_source=False,
    rules=("untranslated.source_language", "untranslated.paragraph", "format.language"),
)
def language(pair: Pair):
    seen = pair.facts.get("mt_detected")
    if not seen or not seen["code"]:
        return
    code, declared = seen["code"], pair.tgt_lang
    span = (0, len(pair.mt.text))
    if pair.src_lang and code == pair.src_lang and code != declared:
        yield Finding(
            "untranslated.source_language",
            f"the translation is still in the source language ({code}), not {declared}",
            mt_span=span,
            confidence=seen["confidence"],
        )
        return
    if declared and code != declared and known(declared):  # a language the detector cannot tell is not contradicted
        yield Finding(
            "format.language",
            f"declared language is {declared} but the text reads as {code}",
            mt_span=span,
            confidence=seen["confidence"],
        )
        return
    from ..langid import confirm, neighbours

    for (s, e), p_code, conf in seen["paragraphs"]:
        if p_code == code or e - s < _MIN_PARAGRAPH or conf < 0.9:
            continue
        conf = confirm(pair.mt.text[s:e], p_code, code)
        if conf >= 0.9:
            in_source = p_code == pair.src_lang
            if not in_source and neighbours(p_code, code):
                continue  # a neighbour language of the translation's (Czech read as Slovak): a misreading
            yield Finding(
                "untranslated.paragraph",
                f"this paragraph is in {p_code}"
                + (", the source language" if in_source else "")
                + f", not {code}",
                mt_span=(s, e),
                # a third language may be a quoted passage; the source's is untranslated text
                confidence=conf if in_source else conf * 0.7,
            )
