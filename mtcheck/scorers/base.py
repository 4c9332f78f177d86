"""One interface for every model score: segment scores, an article score,
and a signature that names model, version and settings (after sacrebleu's),
so that a number can be reproduced; and the cached encoder under every
sentence-vector back-end (pooled vectors and token states)."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np


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


class ModelUnavailable(RuntimeError):
    """A model was asked for but is not installed or not at hand offline."""


@dataclass(frozen=True, eq=False)
class TokenStates:
    """One text's contextual token states: a span (into the text as given) and
    an L2-normalised float32 vector per piece, special tokens and the
    encoder's prefix left out. A piece with no visible character (the bare
    metaspace) has an empty span."""

    spans: tuple[tuple[int, int], ...]
    vectors: np.ndarray  # [n, H]
    pieces: tuple[str, ...] = ()


def _unit(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.linalg.norm(x, axis=-1, keepdims=True).clip(1e-9)


class CachedEncoder:
    """Wraps a raw batch function with a per-text cache and length sorting.

    ``states_fn(texts, layer) -> (vectors, [TokenStates])``, where the
    back-end has one, gives the pooled vectors and one layer's token states
    from the same forward pass. ``embed`` then keeps the states of
    ``state_layer`` too, so word alignment after sentence alignment costs
    no second pass. States are 20-50 times the size of a vector: they are
    kept in float16, in an LRU bounded by ``state_bytes`` (a miss only
    costs a recomputation)."""

    def __init__(self, name: str, version: str, batch_fn, batch_size: int = 64, *,
                 states_fn=None, state_layer: int | None = None, state_bytes: int = 128 << 20):
        self.name = name
        self.version = version
        self._fn = batch_fn
        self._states_fn = states_fn
        self.state_layer = state_layer
        self._cache: dict[str, np.ndarray] = {}
        self._states: OrderedDict[tuple[str, int], TokenStates] = OrderedDict()
        self._state_bytes, self._state_cap = 0, state_bytes
        self._batch = batch_size
        self._lock = threading.Lock()

    @property
    def signature(self) -> str:
        return f"enc:{self.name}|v:{self.version}"

    @property
    def has_token_states(self) -> bool:
        return self._states_fn is not None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            todo = sorted({t for t in texts if t not in self._cache}, key=len)
            keep = self._states_fn is not None and self.state_layer is not None
            for k in range(0, len(todo), self._batch):
                chunk = todo[k : k + self._batch]
                if keep:
                    self._run(chunk, self.state_layer)
                else:
                    for t, v in zip(chunk, _unit(self._fn(chunk))):
                        self._cache[t] = v
            if not texts:
                return np.zeros((0, 0), dtype=np.float32)
            return np.stack([self._cache[t] for t in texts])

    def token_states(self, texts: Sequence[str], layer: int | None = None) -> list[TokenStates] | None:
        """Each text's token states at ``layer`` (default ``state_layer``);
        None when the back-end has none."""
        if self._states_fn is None:
            return None
        layer = self.state_layer if layer is None else layer
        if layer is None:
            return None
        with self._lock:
            got: dict[str, TokenStates] = {}
            for t in texts:
                if (t, layer) in self._states:
                    self._states.move_to_end((t, layer))
                    got[t] = self._states[(t, layer)]
            todo = sorted({t for t in texts if t not in got}, key=len)
            for k in range(0, len(todo), self._batch):
                got.update(self._run(todo[k : k + self._batch], layer))
            return [TokenStates(got[t].spans, _unit(got[t].vectors), got[t].pieces) for t in texts]

    def _run(self, chunk: list[str], layer: int) -> dict[str, TokenStates]:
        """One forward pass: cache the vectors and the layer's states."""
        vecs, states = self._states_fn(chunk, layer)
        out = {}
        for t, v, st in zip(chunk, _unit(vecs), states):
            self._cache.setdefault(t, v)
            st = TokenStates(tuple(st.spans), _unit(st.vectors).astype(np.float16), tuple(st.pieces))
            out[t] = st
            self._remember((t, layer), st)
        return out

    def _remember(self, key: tuple[str, int], st: TokenStates) -> None:
        old = self._states.pop(key, None)
        if old is not None:
            self._state_bytes -= old.vectors.nbytes
        self._states[key] = st
        self._state_bytes += st.vectors.nbytes
        while self._state_bytes > self._state_cap and len(self._states) > 1:
            _, gone = self._states.popitem(last=False)
            self._state_bytes -= gone.vectors.nbytes

    def clear(self) -> None:
        """Forget every vector and state (benchmarks time a cold cache)."""
        with self._lock:
            self._cache.clear()
            self._states.clear()
            self._state_bytes = 0
