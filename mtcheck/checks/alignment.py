"""Sentences the aligner could not pair: omissions and additions.

A sentence left unaligned is lost content only when its neighbours do not
carry it: translators merge two sentences into one and split one into two,
and a sentence so merged scores badly on its own. So before an omission is
reported, the sentence is tried as part of each neighbouring link; when the
translation of that link says at least as much with it as without it, the
sentence was merged there, not dropped, provided the link's length agrees:
a translation only as long as its own source sentence does not say a second
one. A sentence of the other side left over beside it is its counterpart
only if it matches this sentence best, or is long enough for both; and the
confidence that the sentence is lost rises where each translated sentence
around it matches its own link better than it matches this one."""

from __future__ import annotations

import math
import re
import statistics

from ..align.sentences import AlignParams, anchors, text_length
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


def _len(text: str) -> int:
    """Length in the aligner's units (a Chinese character counts three)."""
    return max(text_length(text), 1)


def _rate(links) -> float:
    """The article's own expansion rate: the median log length ratio,
    translation over source, of its links with both sides (a median, so that
    the links with an omission or an addition in them do not move it)."""
    ratios = [math.log(_len(" ".join(m.text for m in ms)) / _len(" ".join(s.text for s in ss)))
              for _, ss, ms in links if ss and ms]
    return statistics.median(ratios) if ratios else 0.0


def _fits_merged(text: str, omitted: bool, src: str, mt: str, rate: float) -> bool:
    """Is the neighbour's length at least as plausible with the sentence
    merged in as without it, at the article's own rate? A translation as
    long as its own source sentence does not also say a second one (Gale and
    Church's length model, each side's length against the other's)."""
    extra = _len(text) + 1
    s, m = _len(src), _len(mt)
    without = math.log(m / s) - rate
    merged = math.log(m / (s + extra)) - rate if omitted else math.log((m + extra) / s) - rate
    return abs(merged) <= abs(without)


def _carried(text: str, omitted: bool, neighbours, similarity, lang: str | None = None,
             rate: float | None = None) -> bool:
    """Is this unaligned sentence carried by a neighbouring link? With a
    model: when merging it in does not lower the link's similarity and the
    link's length fits it merged (``rate``: the article's, see ``_rate``).
    The encoder alone is not enough: a sentence on the link's subject often
    raises its similarity a little, merged or not (a dropped sentence of a
    report on jails, beside another on jails)."""
    for _, ss, ms in neighbours:
        src = " ".join(s.text for s in ss)
        mt = " ".join(m.text for m in ms)
        if _continues_quotation(text, src if omitted else mt, lang):
            return True
        if similarity is not None:
            before = similarity(src, mt)
            after = similarity(f"{src} {text}", mt) if omitted else similarity(src, f"{mt} {text}")
            if after > before - _MERGE_SLACK and (rate is None or _fits_merged(text, omitted, src, mt, rate)):
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


def _gap(links, k: int, omitted: bool) -> tuple[list[str], list[str]]:
    """The sentences left over in the same gap as link k (the run of
    one-sided links around it): this side's, in order, and the other side's,
    each and all together."""
    lo = hi = k
    while lo > 0 and not (links[lo - 1][1] and links[lo - 1][2]):
        lo -= 1
    while hi + 1 < len(links) and not (links[hi + 1][1] and links[hi + 1][2]):
        hi += 1
    own = [seg.text for _, ss, ms in links[lo:hi + 1] for seg in (ss if omitted else ms)]
    other = [seg.text for _, ss, ms in links[lo:hi + 1] for seg in (ms if omitted else ss)]
    return own, (other + [" ".join(other)] if len(other) > 1 else other)


def _paired_in_gap(text: str, omitted: bool, links, k: int, similarity, rate: float) -> bool:
    """Is the sentence the counterpart of a sentence of the other side left
    over in its gap, a link the aligner scored too low? A leftover is the
    counterpart of the sentence of this side it matches best; another
    sentence of the gap is carried by that pair only when the leftover's
    length says it holds both (a translator merged the two, or split one
    source sentence in two), not when it is as long as its best match alone:
    then the other sentence was dropped beside it. The encoder's similarity
    cannot tell here: it scored the pair below a link already."""
    own, partners = _gap(links, k, omitted)
    for p in partners:

        def sim(o: str) -> float:
            return similarity(o, p) if omitted else similarity(p, o)

        best = max(own, key=sim)
        if sim(best) < _GAP_PAIR:
            continue
        if best == text:
            return True
        src, mt = (best, p) if omitted else (p, best)
        if _fits_merged(text, omitted, src, mt, rate):
            return True
    return False


def _claimed(text: str, omitted: bool, links, k: int, similarity) -> float:
    """Confidence that none of the other side's sentences around it (the
    four the aligner weighed it against) is its counterpart, because each
    matches the sentences of its own link better: a translated sentence
    renders the source it matches best, and one that renders its own source
    says nothing of this one. The aligner's confidence looks at similarity
    alone, and where the encoder puts two languages close together (Czech and
    Ukrainian) a sentence on the same subject scores like a translation. In
    the aligner's units (cosine above its floor) and at its slope; 0 when one
    of them has no link of its own (a leftover, which ``_paired_in_gap``
    judged)."""
    others = []  # the other side's sentences in order, each with its own link's sentences of this side
    for _, ss, ms in links:
        for seg in ms if omitted else ss:
            others.append((seg.text, " ".join(s.text for s in (ss if omitted else ms))))
    pos = sum(len(ms if omitted else ss) for _, ss, ms in links[:k])
    window = others[max(0, pos - 2):pos + 2]
    if not window or any(not own for _, own in window):
        return 0.0

    def sim(this: str, other: str) -> float:
        return similarity(this, other) if omitted else similarity(other, this)

    margin = min(sim(own, other) - sim(text, other) for other, own in window)
    return 1 / (1 + math.exp(-10 * margin / (1 - AlignParams().sim_floor)))


# A word of a script written with spaces, or one character of one without.
_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


_LINKED_SHARE = 5


def _unlinked_end(pair: Pair, j: int, side: str, segments, at_end: bool) -> str:
    """The run of words at one end of ``side`` of sentence link ``j`` that
    word links leave (nearly all) unjoined to the other side: at the end
    (``at_end``) or the start."""
    covered = pair.linked_words(j, side)
    if not covered:
        return ""  # no word alignment here: nothing to tell the end from the rest
    text = (pair.src if side == "src" else pair.mt).text
    words = [(seg.start + m.start(), seg.start + m.end()) for seg in segments for m in _WORDS.finditer(seg.text)]
    # the longest run from that end that starts on an unlinked word and has
    # at most one linked word in five: argmax alignment links a few words of
    # a sentence with no counterpart to near misses (should -> würden)
    order = list(reversed(words)) if at_end else words
    linked, best = 0, 0
    for n, (a, b) in enumerate(order, 1):
        hit = any(a < e and s < b for s, e in covered)
        linked += hit
        if not hit and linked * _LINKED_SHARE <= n:
            best = n
    run = order[:best]
    if len(run) < 3:
        return ""
    lo, hi = min(a for a, _ in run), max(b for _, b in run)
    return text[lo:hi]


def _split_off(text: str, omitted: bool, pair: Pair, links, k: int, similarity, rate: float) -> bool:
    """Is this sentence the part of a neighbouring link's sentence that the
    translator split off (or, for a source sentence, merged into it)? The
    word alignment of that link leaves the neighbour's end that faces this
    sentence unaligned, and that run says as much as this sentence: same
    length at the article's rate, and related by the encoder. An
    embedding of the joined sentences cannot tell, as the cosine of a
    concatenation falls with its length."""
    if pair.word_links is None or similarity is None:
        return False
    for j, at_end in ((k - 1, True), (k + 1, False)):
        if not 0 <= j < len(links) or not (links[j][1] and links[j][2]):
            continue
        _, ss, ms = links[j]
        run = _unlinked_end(pair, j, "mt" if omitted else "src", ms if omitted else ss, at_end)
        if not run or _len(run) < _MIN_CHARS:
            continue
        src, mt = (text, run) if omitted else (run, text)
        fits = abs(math.log(_len(mt) / _len(src)) - rate) <= AlignParams().length_sigma
        if fits and similarity(src, mt) >= _GAP_PAIR:
            return True
    return False


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
    rate = _rate(links)
    for k, (link, src, mt) in enumerate(links):
        if link.src and link.tgt:
            continue
        omitted = bool(link.src)
        seg = src[0] if omitted else mt[0]
        if len(seg.text) < _MIN_CHARS:
            continue
        near = list(_neighbours(links, k))
        if _carried(seg.text, omitted, near, similarity, pair.src_lang if omitted else pair.tgt_lang, rate):
            continue
        if similarity is None:
            if _gap(links, k, omitted)[1]:
                continue  # a link the aligner could not score: left to the adequacy scores
        elif _paired_in_gap(seg.text, omitted, links, k, similarity, rate):
            continue  # a link the aligner scored too low: left to the adequacy scores
        elif _split_off(seg.text, omitted, pair, links, k, similarity, rate):
            continue
        confidence = link.score
        if similarity is None and _lost_anchors(seg.text, omitted, near):
            confidence = max(confidence, 0.8)
        if similarity is not None:
            confidence = max(confidence, _claimed(seg.text, omitted, links, k, similarity))
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
