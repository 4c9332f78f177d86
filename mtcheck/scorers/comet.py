"""COMET back-end (unbabel-comet): CometKiwi and xCOMET read the source and
the translation and estimate quality without a reference.

Optional and never installed by default: unbabel-comet 2.2.7 requires
transformers < 5 and numpy < 2, so it lives in its own environment
(``pip install 'mtcheck[hf]' unbabel-comet``). The model argument is a
checkpoint file (``.../checkpoints/model.ckpt`` with ``hparams.yaml`` two
folders up, as COMET saves them), a model folder holding one, or a hub id,
fetched only when MTCHECK_ALLOW_DOWNLOAD=1. The encoder a checkpoint names
(``pretrained_model`` in hparams.yaml, e.g. xlm-roberta-large) must be at
hand as well: COMET is told to look for it locally only, unless downloads
are allowed."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from .base import Scorer, both_sides
from .encoder import ModelUnavailable
from .hf import downloads_allowed


def checkpoint_file(spec: str) -> Path | None:
    """The checkpoint for a file or model folder, or None when ``spec`` is no local path."""
    p = Path(spec).expanduser()
    if p.is_file():
        return p
    if p.is_dir():
        found = p / "checkpoints" / "model.ckpt"
        if found.is_file():
            return found
        raise ModelUnavailable(f"COMET model {spec!r}: no checkpoints/model.ckpt in that folder")
    return None


class CometScorer(Scorer):
    name = "comet"

    def __init__(self, model, spec: str, version: str, batch_size: int = 16):
        self.model, self.spec, self.version, self.batch_size = model, spec, version, batch_size

    @property
    def signature(self) -> str:
        return f"comet:{Path(self.spec).name or self.spec}|unbabel-comet:{self.version}|bs:{self.batch_size}"

    def scored(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float | None], dict]:
        idx = both_sides(src, mt)
        out: list[float | None] = [None] * len(src)
        if idx:
            data = [{"src": src[i], "mt": mt[i]} for i in idx]
            pred = self.model.predict(data, batch_size=self.batch_size, gpus=0, progress_bar=False)
            for i, v in zip(idx, pred.scores):
                out[i] = float(v)
        return out, {}


def _referenceless(model) -> bool:
    """Can the model score a translation from its source alone? COMET-QE and
    the unified metrics that read the source (CometKiwi, xCOMET) can; the
    regression and ranking metrics need a reference."""
    kind = type(model).__name__
    if kind == "ReferencelessRegression":
        return True
    segments = dict(model.hparams).get("input_segments") or []
    return kind in ("UnifiedMetric", "XCOMETMetric") and "src" in segments


@functools.lru_cache(maxsize=4)
def load_comet(spec: str) -> CometScorer:
    """A referenceless COMET model, loaded once per process."""
    try:
        import comet
    except ImportError as e:
        raise ModelUnavailable(
            "the COMET back-end needs unbabel-comet, which requires transformers < 5: "
            "install it in its own environment (pip install 'mtcheck[hf]' unbabel-comet)"
        ) from e
    import logging

    for name in ("pytorch_lightning", "lightning.pytorch", "lightning_fabric", "comet"):
        logging.getLogger(name).setLevel(logging.ERROR)  # no trainer banners on a report's stderr
    allow = downloads_allowed()
    path = checkpoint_file(spec)
    if path is None:
        if not allow:
            raise ModelUnavailable(
                f"COMET model {spec!r} is not a local checkpoint; pass its folder or model.ckpt, "
                "or set MTCHECK_ALLOW_DOWNLOAD=1 to fetch it once"
            )
        path = Path(comet.download_model(spec))
    try:
        model = comet.load_from_checkpoint(str(path), local_files_only=not allow)
    except Exception as e:  # COMET raises bare Exceptions for bad paths and hparams
        raise ModelUnavailable(f"cannot load COMET model {spec!r}: {e}") from e
    if not _referenceless(model):
        raise ModelUnavailable(f"COMET model {spec!r} needs a reference; use a referenceless one (CometKiwi, xCOMET)")
    model.eval()
    return CometScorer(model, spec, getattr(comet, "__version__", "?"))
