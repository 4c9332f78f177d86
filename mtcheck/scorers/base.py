"""One interface for every model score: segment scores, an article score,
and a signature that names model, version and settings (after sacrebleu's),
so that a number can be reproduced."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Sequence


@dataclass(frozen=True)
class Scores:
    name: str
    signature: str
    segments: tuple[float | None, ...]
    article: float | None
    details: dict = field(default_factory=dict)  # per-scorer extras (back-translations, ...)


def article_score(src: Sequence[str], mt: Sequence[str], seg: Sequence[float | None]) -> float | None:
    """Segment scores weighed by length: a long article is scored by all of
    its aligned segments, never truncated."""
    num = den = 0.0
    for s, m, v in zip(src, mt, seg):
        if v is None:
            continue
        w = max(len(s) + len(m), 1)
        num += w * v
        den += w
    return num / den if den else None


def both_sides(src: Sequence[str], mt: Sequence[str]) -> list[int]:
    """Indices of the pairs with text on both sides: the others get no score."""
    return [i for i, (s, m) in enumerate(zip(src, mt)) if s.strip() and m.strip()]


class Scorer(ABC):
    """Subclasses fill ``scored`` (segment scores and any details); ``score``
    is written once."""

    name: str = "scorer"

    @property
    @abstractmethod
    def signature(self) -> str: ...

    @abstractmethod
    def scored(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float | None], dict]: ...

    def score(self, src: Sequence[str], mt: Sequence[str]) -> Scores:
        seg, details = self.scored(src, mt)
        return Scores(self.name, self.signature, tuple(seg), article_score(src, mt, seg), details)
