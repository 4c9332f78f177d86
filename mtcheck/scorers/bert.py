"""A BERT encoder in plain torch, for the embedded e5-small: the same
modules and parameter names as transformers' ``BertModel`` (so a state
dict, a forward hook on ``encoder.layer[k]`` and the QE adapter's LoRA sites
carry over), without importing transformers, which costs seconds at start-up
that a CI job checking one article pays every time.

Only what the encoder uses: absolute positions, one token type, post-layer
norm, exact (erf) GELU, no dropout, no pooler. ``tests/scorers/test_bert.py``
holds its outputs equal to transformers' on a small random model."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

WEIGHTS = "weights.bin"  # float32, tensors one after another, little-endian
INDEX = "weights.json"  # config and name -> (offset, shape)


@dataclass(frozen=True)
class BertConfig:
    vocab_size: int
    hidden_size: int
    num_hidden_layers: int
    num_attention_heads: int
    intermediate_size: int
    max_position_embeddings: int
    type_vocab_size: int = 1
    layer_norm_eps: float = 1e-12
    pad_token_id: int = 0


# Layers whose parameters start empty, on the meta device, and are filled by
# ``load``: torch's own modules would first draw random initial weights (on
# the meta device that runs torch's Python decompositions: seconds at start-up).
def _param(*shape: int) -> nn.Parameter:
    return nn.Parameter(torch.empty(*shape, device="meta"))


class Linear(nn.Module):
    def __init__(self, in_features: int, out_features: int):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight, self.bias = _param(out_features, in_features), _param(out_features)

    def forward(self, x):
        return F.linear(x, self.weight, self.bias)


class LayerNorm(nn.Module):
    def __init__(self, size: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight, self.bias = _param(size), _param(size)

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, self.eps)


class Embedding(nn.Module):
    def __init__(self, n: int, size: int):
        super().__init__()
        self.weight = _param(n, size)

    def forward(self, ids):
        return F.embedding(ids, self.weight)


class _Embeddings(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.word_embeddings = Embedding(c.vocab_size, c.hidden_size)
        self.position_embeddings = Embedding(c.max_position_embeddings, c.hidden_size)
        self.token_type_embeddings = Embedding(c.type_vocab_size, c.hidden_size)
        self.LayerNorm = LayerNorm(c.hidden_size, c.layer_norm_eps)

    def forward(self, ids):
        pos = torch.arange(ids.shape[1], device=ids.device)
        x = self.word_embeddings(ids) + self.position_embeddings(pos)[None] + self.token_type_embeddings.weight[0]
        return self.LayerNorm(x)


class _SelfAttention(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.heads = c.num_attention_heads
        self.query = Linear(c.hidden_size, c.hidden_size)
        self.key = Linear(c.hidden_size, c.hidden_size)
        self.value = Linear(c.hidden_size, c.hidden_size)

    def forward(self, x, mask):
        b, n, h = x.shape

        def split(t):
            return t.view(b, n, self.heads, h // self.heads).transpose(1, 2)

        out = F.scaled_dot_product_attention(split(self.query(x)), split(self.key(x)), split(self.value(x)),
                                             attn_mask=mask)
        return out.transpose(1, 2).reshape(b, n, h)


class _Output(nn.Module):
    def __init__(self, d_in: int, d_out: int, eps: float):
        super().__init__()
        self.dense = Linear(d_in, d_out)
        self.LayerNorm = LayerNorm(d_out, eps)

    def forward(self, x, residual):
        return self.LayerNorm(self.dense(x) + residual)


class _Attention(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.self = _SelfAttention(c)
        self.output = _Output(c.hidden_size, c.hidden_size, c.layer_norm_eps)

    def forward(self, x, mask):
        return self.output(self.self(x, mask), x)


class _Intermediate(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.dense = Linear(c.hidden_size, c.intermediate_size)

    def forward(self, x):
        return F.gelu(self.dense(x))


class _Layer(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.attention = _Attention(c)
        self.intermediate = _Intermediate(c)
        self.output = _Output(c.intermediate_size, c.hidden_size, c.layer_norm_eps)

    def forward(self, x, mask):
        a = self.attention(x, mask)
        return self.output(self.intermediate(a), a)


class _Encoder(nn.Module):
    def __init__(self, c: BertConfig):
        super().__init__()
        self.layer = nn.ModuleList(_Layer(c) for _ in range(c.num_hidden_layers))


@dataclass
class Output:
    last_hidden_state: torch.Tensor


class BertModel(nn.Module):
    def __init__(self, config: BertConfig):
        super().__init__()
        self.config = config
        self.embeddings = _Embeddings(config)
        self.encoder = _Encoder(config)

    def forward(self, input_ids, attention_mask=None) -> Output:
        x = self.embeddings(input_ids)
        mask = None
        if attention_mask is not None:  # [b, 1, 1, n]: True where a key may be attended to
            mask = attention_mask.bool()[:, None, None, :]
        for layer in self.encoder.layer:
            x = layer(x, mask)
        return Output(x)


def save(dest: Path, config: BertConfig, tensors: dict[str, np.ndarray]) -> None:
    """The weights as one flat float32 file and a JSON index, so that loading
    is a memory map, not a parse."""
    index, offset = {}, 0
    dest.mkdir(parents=True, exist_ok=True)
    with open(dest / WEIGHTS, "wb") as fh:
        for name, arr in tensors.items():
            arr = np.ascontiguousarray(arr, dtype="<f4")
            fh.write(arr.tobytes())
            index[name] = [offset, list(arr.shape)]
            offset += arr.size
    (dest / INDEX).write_text(json.dumps({"config": asdict(config), "tensors": index}), encoding="utf-8")


def load(folder: Path, embeddings: nn.Module | None = None) -> BertModel:
    """The model saved by ``save``; every parameter must be there, no other.
    The file is mapped copy-on-write, so a tensor is read when it is used.
    ``embeddings``: another loaded model's embedding module, shared (most of
    e5-small's weights are its vocabulary's embeddings)."""
    meta = json.loads((Path(folder) / INDEX).read_text(encoding="utf-8"))
    config = BertConfig(**meta["config"])
    flat = np.memmap(Path(folder) / WEIGHTS, dtype="<f4", mode="c")
    model = BertModel(config)
    state = {}
    for name, (offset, shape) in meta["tensors"].items():
        if embeddings is not None and name.startswith("embeddings."):
            continue
        size = int(np.prod(shape))
        if offset + size > flat.size:
            raise ValueError(f"{folder}: {WEIGHTS} is shorter than its index says")
        state[name] = torch.from_numpy(flat[offset : offset + size].reshape(shape))
    if embeddings is not None:
        model.embeddings = embeddings
        missing, unexpected = model.load_state_dict(state, strict=False, assign=True)
        if unexpected or [m for m in missing if not m.startswith("embeddings.")]:
            raise ValueError(f"{folder}: the checkpoint does not match the model ({(missing + unexpected)[:3]})")
    else:
        model.load_state_dict(state, strict=True, assign=True)
    return model.eval()
