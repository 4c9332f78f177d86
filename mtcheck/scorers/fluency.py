"""Fluency as a Scorer: per-sentence perplexity under a causal LM (lower is
better), normalised for length by the model's mean per-token loss."""

from __future__ import annotations

from typing import Sequence

from .base import Scorer


class FluencyScorer(Scorer):
    name = "perplexity"

    def __init__(self, lm):
        self.lm = lm

    @property
    def signature(self) -> str:
        return f"ppl:{self.lm.name}"

    def scored(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float | None], dict]:
        keep = [i for i, m in enumerate(mt) if m.strip()]
        ppl = self.lm.perplexities([mt[i] for i in keep])
        out: list[float | None] = [None] * len(mt)
        for i, p in zip(keep, ppl):
            out[i] = None if p != p else round(p, 3)  # NaN: too short to score
        return out, {}
