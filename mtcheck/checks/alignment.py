"""Sentences the aligner could not pair: omissions and additions.

A sentence left unaligned is lost content only when its neighbours do not
carry it: translators merge two sentences into one and split one into two,
and a sentence so merged scores badly on its own. So before an omission is
reported, the sentence is tried as part of each neighbouring link; when the
translation of that link says at least as much with it as without it, the
sentence was merged there, not dropped."""

from __future__ import annotations

from ..align.sentences import anchors
from ..quotes.conventions import conventions
from ..types import Finding
from . import Pair, register

# A skipped sentence this short is usually a dateline, a byline or a stray
# heading, not lost content.
_MIN_CHARS = 25
# Below this cosine a source sentence and a translated one left over at the
# same place are unrelated (e5's cosines of unrelated sentences sit near 0.7,
# of translations above 0.8): an omission and an addition, not one link.
_GAP_PAIR = 0.76
# A merged sentence must raise its neighbour link's similarity by more than
# this: the translation then says more with it than without it. (A slack of
# 0.01 let dropped sentences pass as merged: bench/RESULTS.md.)
_MERGE_SLACK = 0.0


def _neighbours(links, k: int):
    """The nearest links before and after link k with both sides."""
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(links) and not (links[j][1] and links[j][2]):
            j += step
        if 0 <= j < len(links):
            yield links[j]


def _carried(text: str, omitted: bool, neighbours, similarity, lang: str | None = None) -> bool:
    """Is this unaligned sentence carried by a neighbouring link?"""
    for _, ss, ms in neighbours:
        src = " ".join(s.text for s in ss)
        mt = " ".join(m.text for m in ms)
        if _continues_quotation(text, src if omitted else mt, lang):
            return True
        if similarity is not None:
            before = similarity(src, mt)
            after = similarity(f"{src} {text}", mt) if omitted else similarity(src, f"{mt} {text}")
            if after > before - _MERGE_SLACK:
                return True
        # the sentence's anchors (numbers, names) are in the neighbour's other
        # side and not in its own: its content went there ("March 3" of a
        # source sentence the segmenter did not split). With a model only
        # numbers count, as similarity already weighs the words.
        own = _names_and_numbers(text)
        near, other = (anchors(mt), anchors(src)) if omitted else (anchors(src), anchors(mt))
        spare = own & near - other
        numbers = {a for a in own if a[0] == "#"}
        if numbers and numbers <= spare:
            return True  # its numbers went there (names may be nouns capitalised in German)
        if similarity is None and own and not numbers and len(spare) * 2 >= len(own):
            return True
    return False


def _balance(text: str, lang: str | None) -> int:
    """Opening minus closing double quotation marks, in the language's own
    conventions (“ opens in English and closes in German)."""
    pairs = [p for p in conventions(lang) if p.open != p.close]
    opening = {p.open for p in pairs}
    closing = {p.close for p in pairs} - opening
    return sum(c in opening for c in text) - sum(c in closing for c in text)


def _continues_quotation(text: str, neighbour: str, lang: str | None) -> bool:
    """The sentence closes a quotation its neighbour opens, or opens one its
    neighbour closes: one quotation, cut in two by the segmenter, that the
    translator kept whole (…完成此流程。” after “新的一年…)."""
    own, near = _balance(text, lang), _balance(neighbour, lang)
    return own != 0 and near != 0 and (own > 0) != (near > 0)


def _gap_partners(links, k: int, omitted: bool) -> list[str]:
    """The other side's sentences left over in the same gap as link k (the
    run of one-sided links around it), each and all together: a source
    sentence the aligner could not score against them is more likely the
    translation of one of them than lost."""
    lo = hi = k
    while lo > 0 and not (links[lo - 1][1] and links[lo - 1][2]):
        lo -= 1
    while hi + 1 < len(links) and not (links[hi + 1][1] and links[hi + 1][2]):
        hi += 1
    other = [seg.text for _, ss, ms in links[lo:hi + 1] for seg in (ms if omitted else ss)]
    return other + [" ".join(other)] if len(other) > 1 else other


def _names_and_numbers(text: str) -> set[str]:
    """The anchors that survive translation unchanged: numbers and names."""
    return {a for a in anchors(text) if a[0] in "#^"}


def _lost_anchors(text: str, omitted: bool, neighbours) -> bool:
    """Rules only: the sentence has numbers or names and none of them is on
    the other side of its neighbours, so they did not go elsewhere."""
    own = _names_and_numbers(text)
    other = set()
    for _, ss, ms in neighbours:
        other |= anchors(" ".join(m.text for m in ms) if omitted else " ".join(s.text for s in ss))
    return bool(own) and not own & other


@register("alignment", needs_source=True, rules=("omission.sentence", "addition.sentence"))
def unaligned(pair: Pair):
    links = list(pair.linked())
    similarity = pair.facts.get("similarity")
    for k, (link, src, mt) in enumerate(links):
        if link.src and link.tgt:
            continue
        omitted = bool(link.src)
        seg = src[0] if omitted else mt[0]
        if len(seg.text) < _MIN_CHARS:
            continue
        near = list(_neighbours(links, k))
        if _carried(seg.text, omitted, near, similarity, pair.src_lang if omitted else pair.tgt_lang):
            continue
        partners = _gap_partners(links, k, omitted)
        if partners and (similarity is None or max(similarity(seg.text, p) for p in partners) >= _GAP_PAIR):
            continue  # a link the aligner scored too low: left to the adequacy scores
        confidence = link.score
        if similarity is None and _lost_anchors(seg.text, omitted, near):
            confidence = max(confidence, 0.8)
        span = (seg.start, seg.end)
        yield Finding(
            "omission.sentence" if omitted else "addition.sentence",
            f"source sentence {seg.index + 1} has no counterpart in the translation"
            if omitted
            else f"translation sentence {seg.index + 1} has no counterpart in the source",
            src_span=span if omitted else None,
            mt_span=None if omitted else span,
            confidence=confidence,
        )
