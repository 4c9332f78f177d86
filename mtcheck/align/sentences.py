"""Sentence alignment inside one article pair.

Dynamic programming over many-to-many links (1-0, 0-1 and every k-l with
k + l <= 5: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 2-3, 3-2, 1-4, 4-1), in two passes so that cost stays linear in article length:

1. a coarse pass with 1-1/1-0/0-1 links inside a wide band around the
   diagonal finds where the translation is;
2. a fine pass with every link type inside a narrow band around that path.

A link's score adds a similarity (sentence embeddings when an encoder is
given, otherwise anchors that survive translation: numbers, capitalised
names, quotation marks, cognate prefixes), a length-ratio penalty, and a
small penalty per extra sentence merged. A block never crosses a paragraph
boundary on its side. Skipped sentences score ``skip``; they become omission
and addition findings downstream.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..numbers.parse import figures
from ..types import Alignment, Link, Segment

def link_types(max_total: int) -> tuple[tuple[int, int], ...]:
    """1-0, 0-1 and every k-l with k, l >= 1 and k + l <= max_total."""
    many = [(k, l) for k in range(1, max_total) for l in range(1, max_total) if k + l <= max_total]
    return ((1, 0), (0, 1), *sorted(many, key=lambda t: (t[0] + t[1], t)))


@dataclass(frozen=True)
class AlignParams:
    skip: float = -0.1  # score of leaving a sentence unaligned
    merge_penalty: float = 0.08  # per sentence beyond 1-1 in a link
    length_weight: float = 0.8
    length_sigma: float = 0.45  # sd of log length ratio for true links
    sim_floor: float = 0.85  # encoder cosine that counts as "unrelated"
    coarse_band: int = 60
    fine_band: int = 8
    concat_blocks: bool = True  # encode merged blocks, not average them
    anchor_weight: float = 0.0  # weight of shared anchors beside encoder similarity
    max_link: int = 5  # largest k + l in a k-l link
    anchor_base: float = 0.15  # similarity of a link with no shared anchor, rules-only


_WORD = re.compile(r"[^\W\d_]{2,}")
_QUOTE = re.compile(r"[\"“”„«»「」『』]")


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def anchors(text: str) -> frozenset[str]:
    """Tokens likely to survive translation unchanged."""
    out = set()
    for _, digits in figures(text):
        out.add("#" + digits)
    for i, m in enumerate(_WORD.finditer(text)):
        w = m.group()
        if len(w) >= 5:
            out.add(_fold(w)[:5])  # cognate prefix: internacional/international
        if w[0].isupper() and i > 0:
            out.add("^" + _fold(w)[:6])
    if _QUOTE.search(text):
        out.add('"')
    return frozenset(out)


_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def text_length(text: str) -> int:
    """Length in Latin-letter equivalents: a Chinese, Japanese or Korean
    character writes about as much as three letters (a word of 1-2 characters
    against one of 5-6 letters and a space), so that sentence lengths compare
    across scripts and the length penalty does not push CJK sentences apart."""
    return len(text) + 2 * len(_DENSE.findall(text))


class _Side:
    """One side's segments, with block texts, lengths and vectors."""

    def __init__(self, segs: Sequence[Segment], encoder, params: AlignParams):
        self.segs = list(segs)
        self.n = len(self.segs)
        self.len = [max(text_length(s.text), 1) for s in self.segs]
        self.par = [s.paragraph for s in self.segs]
        self.anchors = [anchors(s.text) for s in self.segs]
        self.encoder = encoder
        self.params = params
        self.vec = encoder.embed([s.text for s in self.segs]) if encoder and self.n else None
        self._block_vec: dict[tuple[int, int], np.ndarray] = {}

    def ok(self, i: int, k: int) -> bool:
        """Block segs[i:i+k] exists and stays in one paragraph."""
        return i + k <= self.n and (k < 2 or self.par[i] == self.par[i + k - 1])

    def length(self, i: int, k: int) -> int:
        return sum(self.len[i : i + k]) + (k - 1)

    def block_anchors(self, i: int, k: int) -> frozenset[str]:
        if k == 1:
            return self.anchors[i]
        return frozenset().union(*self.anchors[i : i + k])

    def prepare_blocks(self, wanted: set[tuple[int, int]]) -> None:
        """Encode the merged blocks the fine pass will look at, in one batch."""
        if self.vec is None:
            return
        todo = [b for b in wanted if b[1] > 1 and b not in self._block_vec]
        if not todo:
            return
        if self.params.concat_blocks:
            texts = [" ".join(s.text for s in self.segs[i : i + k]) for i, k in todo]
            vecs = self.encoder.embed(texts)
        else:
            vecs = []
            for i, k in todo:
                v = (self.vec[i : i + k] * np.asarray(self.len[i : i + k])[:, None]).sum(0)
                vecs.append(v / max(np.linalg.norm(v), 1e-9))
        for b, v in zip(todo, vecs):
            self._block_vec[b] = v

    def block_vec(self, i: int, k: int) -> np.ndarray:
        return self.vec[i] if k == 1 else self._block_vec[(i, k)]


class _Scorer:
    def __init__(self, src: _Side, tgt: _Side, params: AlignParams):
        self.s, self.t, self.p = src, tgt, params
        total_s = sum(src.len) or 1
        total_t = sum(tgt.len) or 1
        # The article's own expansion rate, clipped: omissions and additions
        # skew it, and news translation between these languages rarely grows
        # or shrinks a text by more than a sixth.
        self.log_ratio = min(max(math.log(total_t / total_s), -0.15), 0.15)

    def anchor_sim(self, i: int, k: int, j: int, l: int) -> float:
        a, b = self.s.block_anchors(i, k), self.t.block_anchors(j, l)
        if not a or not b:
            return 0.0
        return 0.9 * len(a & b) / (len(a) * len(b)) ** 0.5

    def sim(self, i: int, k: int, j: int, l: int) -> float:
        if self.s.vec is None:
            # without an encoder, position and length carry the alignment: a
            # plausible 1-1 pair must beat leaving both sentences unaligned
            return self.p.anchor_base + self.anchor_sim(i, k, j, l)
        c = float(self.s.block_vec(i, k) @ self.t.block_vec(j, l))
        sim = (c - self.p.sim_floor) / (1 - self.p.sim_floor)
        if self.p.anchor_weight:
            sim += self.p.anchor_weight * self.anchor_sim(i, k, j, l)
        return sim

    def score(self, i: int, k: int, j: int, l: int) -> float:
        if k == 0 or l == 0:
            return self.p.skip * (k + l)
        lr = math.log(self.t.length(j, l) / self.s.length(i, k)) - self.log_ratio
        length_pen = self.p.length_weight * min((lr / self.p.length_sigma) ** 2, 9.0) / 9.0
        return self.sim(i, k, j, l) - length_pen - self.p.merge_penalty * (k + l - 2)


def _dp(n: int, m: int, allowed, types, score_fn) -> list[tuple[int, int, int, int]]:
    """Best path from (0,0) to (n,m) through cells allowed(i, j); returns
    (i, k, j, l) steps. Cells are kept in dicts, so memory follows the band."""
    best = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        for j in allowed(i):
            if (i, j) == (0, 0):
                continue
            top, arg = -math.inf, None
            for k, l in types:
                pi, pj = i - k, j - l
                prev = best.get((pi, pj))
                if prev is None:
                    continue
                sc = score_fn(pi, k, pj, l)
                if sc is None:
                    continue
                if prev + sc > top:
                    top, arg = prev + sc, (k, l)
            if arg is not None:
                best[(i, j)] = top
                back[(i, j)] = arg
    if (n, m) not in best:
        raise RuntimeError("alignment band does not reach the end")
    path, cell = [], (n, m)
    while cell != (0, 0):
        k, l = back[cell]
        path.append((cell[0] - k, k, cell[1] - l, l))
        cell = (cell[0] - k, cell[1] - l)
    return path[::-1]


def _band_around(centers: dict[int, list[int]], n: int, m: int, width: int):
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i in range(n + 1):
        for c in centers.get(i, ()):
            lo[i] = min(lo[i], max(0, c - width))
            hi[i] = max(hi[i], min(m, c + width))
    # keep the band monotone and connected so the DP can always reach (n, m)
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n - 1, -1, -1):
        lo[i] = min(lo[i], lo[i + 1])
    lo[0], hi[n] = 0, m
    return lambda i: range(lo[i], hi[i] + 1)


def align_segments(
    src: Sequence[Segment], tgt: Sequence[Segment], encoder=None, params: AlignParams | None = None
) -> Alignment:
    p = params or AlignParams()
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        links = [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
        return Alignment(tuple(links), method="empty")
    S, T = _Side(src, encoder, p), _Side(tgt, encoder, p)
    sc = _Scorer(S, T, p)

    def scored(i, k, j, l):
        if (k and not S.ok(i, k)) or (l and not T.ok(j, l)):
            return None
        return sc.score(i, k, j, l)

    # pass 1: 1-1 and skips in a wide band around the proportional diagonal
    diag = {i: [round(i * m / n)] for i in range(n + 1)}
    coarse = _dp(n, m, _band_around(diag, n, m, p.coarse_band), ((1, 1), (1, 0), (0, 1)), scored)
    centers: dict[int, list[int]] = {}
    for i, k, j, l in coarse:
        centers.setdefault(i, []).append(j)
        centers.setdefault(i + k, []).append(j + l)
    allowed = _band_around(centers, n, m, p.fine_band)
    types = link_types(p.max_link)
    # pass 2: all link types in a narrow band around the coarse path
    if encoder is not None:
        ws, wt = set(), set()
        for i in range(n + 1):
            for j in allowed(i):
                for k, l in types:
                    if k > 1 and i + k <= n:
                        ws.add((i, k))
                    if l > 1 and j + l <= m:
                        wt.add((j, l))
        S.prepare_blocks({b for b in ws if S.ok(*b)})
        T.prepare_blocks({b for b in wt if T.ok(*b)})
    fine = _dp(n, m, allowed, types, scored)
    links = []
    for i, k, j, l in fine:
        raw = sc.score(i, k, j, l)
        conf = 1 / (1 + math.exp(-6 * raw))
        if not k or not l:
            # confidence that the sentence really has no counterpart: how badly
            # it matches its best neighbour on the other side
            conf = _skip_confidence(sc, i, k, j, l, n, m)
        links.append(Link(tuple(range(i, i + k)), tuple(range(j, j + l)), round(conf, 3)))
    return Alignment(tuple(links), method="dp-embed" if encoder is not None else "dp-anchors")


def _skip_confidence(sc: _Scorer, i, k, j, l, n, m) -> float:
    best = -1.0
    if k:  # source sentence i unaligned: compare with nearby target sentences
        for jj in range(max(0, j - 2), min(m, j + 2)):
            best = max(best, sc.score(i, 1, jj, 1))
    else:
        for ii in range(max(0, i - 2), min(n, i + 2)):
            best = max(best, sc.score(ii, 1, j, 1))
    # best = what a 1-1 link with its best neighbour would score; a plausible
    # match scores about anchor_base, an unrelated one below zero
    return 1 / (1 + math.exp(10 * (best - sc.p.anchor_base)))
