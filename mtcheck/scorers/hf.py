"""transformers back-ends: sentence encoders, seq2seq translators, causal LMs.

A model argument is a local path when that path exists, otherwise a hub id
(as COMET does). Loading never goes to the network unless the user allows it
with MTCHECK_ALLOW_DOWNLOAD=1: without it, ``local_files_only`` is set and a
model that is not in the local cache gives a clear message, not a stack of
HTTP errors. torch and transformers are imported here only, on first use."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Sequence

from .encoder import CachedEncoder, ModelUnavailable


def _imports():
    try:
        import torch
        import transformers
    except ImportError as e:
        raise ModelUnavailable(
            "the transformers back-ends need torch and transformers (pip install 'mtcheck[hf]')"
        ) from e
    return torch, transformers


def downloads_allowed() -> bool:
    """May a model missing locally be fetched from its hub? Only when the user says so."""
    return os.environ.get("MTCHECK_ALLOW_DOWNLOAD") == "1"


def _source(spec: str) -> tuple[str, dict]:
    """The name to give from_pretrained, and the loading options."""
    if Path(spec).expanduser().exists():
        return str(Path(spec).expanduser()), {"local_files_only": True}
    return spec, {"local_files_only": not downloads_allowed()}


def _load(loader, spec: str, what: str):
    name, kw = _source(spec)
    try:
        return loader.from_pretrained(name, **kw)
    except (OSError, ValueError) as e:
        if kw.get("local_files_only") and not Path(name).exists():
            raise ModelUnavailable(
                f"{what} {spec!r} is neither a local folder nor in the local model cache; "
                "pass a local path, or set MTCHECK_ALLOW_DOWNLOAD=1 to fetch it once"
            ) from e
        raise ModelUnavailable(f"cannot load {what} {spec!r}: {e}") from e


def _tokenizer_and_model(spec: str, auto_class: str, what: str):
    """torch, the tokenizer and the model (in eval mode) for a generative back-end."""
    torch, transformers = _imports()
    _threads(torch)
    tok = _load(transformers.AutoTokenizer, spec, "tokenizer")
    model = _load(getattr(transformers, auto_class), spec, what)
    model.eval()
    return torch, tok, model


def _threads(torch) -> None:
    # one process per machine is the usual deployment: use every core, but
    # do not oversubscribe when a caller has set a limit already
    if not os.environ.get("OMP_NUM_THREADS"):
        torch.set_num_threads(max(1, os.cpu_count() or 1))


@functools.lru_cache(maxsize=4)
def hf_encoder(spec: str, pooling: str | None = None, prefix: str | None = None, dtype: str = "float32") -> CachedEncoder:
    """A sentence encoder from any transformers model.

    Pooling follows the model card: mean over tokens for the e5 family (with
    the "passage: " prefix), the pooler output for LaBSE, else mean."""
    torch, transformers = _imports()
    _threads(torch)
    tok = _load(transformers.AutoTokenizer, spec, "tokenizer")
    model = _load(transformers.AutoModel, spec, "encoder")
    model.eval()
    low = spec.lower()
    if pooling is None:
        pooling = "pooler" if "labse" in low else "mean"
    if prefix is None:
        prefix = "passage: " if "e5" in low else ""
    torch_dtype = {"float32": torch.float32, "bfloat16": torch.bfloat16}[dtype]
    if torch_dtype != torch.float32:
        model = model.to(torch_dtype)

    def batch(texts: Sequence[str]):
        enc = tok([prefix + t for t in texts], padding=True, truncation=True, max_length=512, return_tensors="pt")
        with torch.inference_mode():
            out = model(**enc)
        if pooling == "pooler" and getattr(out, "pooler_output", None) is not None:
            vec = out.pooler_output
        elif pooling == "cls":
            vec = out.last_hidden_state[:, 0]
        else:
            mask = enc["attention_mask"].unsqueeze(-1).to(out.last_hidden_state.dtype)
            vec = (out.last_hidden_state * mask).sum(1) / mask.sum(1).clamp(min=1)
        return vec.float().numpy()

    version = getattr(transformers, "__version__", "?")
    return CachedEncoder(f"hf:{Path(spec).name}|pool:{pooling}|{dtype}", f"transformers-{version}", batch)


class HFTranslator:
    """A seq2seq model (Marian/opus-mt, NLLB, M2M100) through ``generate()``:
    transformers 5 removed the translation pipeline."""

    def __init__(self, spec: str, src_lang: str | None = None, tgt_lang: str | None = None, max_new_tokens: int = 256):
        self.torch, self.tok, self.model = _tokenizer_and_model(spec, "AutoModelForSeq2SeqLM", "translation model")
        self.spec = spec
        self.max_new_tokens = max_new_tokens
        self.forced_bos = None
        # NLLB and M2M100 name the languages with special tokens; Marian does not
        src_code, tgt_code = _code(self.tok, src_lang), _code(self.tok, tgt_lang)
        if src_code and hasattr(self.tok, "src_lang"):
            self.tok.src_lang = src_code
        if tgt_code:
            self.forced_bos = self.tok.convert_tokens_to_ids(tgt_code)

    @property
    def name(self) -> str:
        return f"hf:{Path(self.spec).name}"

    def translate(self, texts: Sequence[str]) -> list[str]:
        out = []
        for k in range(0, len(texts), 16):
            enc = self.tok(list(texts[k : k + 16]), padding=True, truncation=True, max_length=512, return_tensors="pt")
            kw = {"max_new_tokens": self.max_new_tokens, "num_beams": 1, "do_sample": False}
            if self.forced_bos is not None:
                kw["forced_bos_token_id"] = self.forced_bos
            with self.torch.inference_mode():
                # input ids and mask only: a tokenizer may add token_type_ids, which older generate() rejects
                ids = self.model.generate(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"], **kw)
            out += self.tok.batch_decode(ids, skip_special_tokens=True)
        return out


def _code(tok, lang: str | None) -> str | None:
    """The tokenizer's token for a language: __es__ (M2M100), spa_Latn (NLLB)."""
    if not lang:
        return None
    specials = set(getattr(tok, "additional_special_tokens", None) or [])
    if f"__{lang}__" in specials:
        return f"__{lang}__"
    prefix = _NLLB.get(lang)
    return next((t for t in sorted(specials) if prefix and t.startswith(prefix)), None)


_NLLB = {"en": "eng_", "es": "spa_", "fr": "fra_", "de": "deu_", "pt": "por_", "it": "ita_", "ru": "rus_", "zh": "zho_"}


class HFFluency:
    """Per-sentence perplexity under a causal language model, normalised for
    length (the mean negative log-likelihood per token)."""

    def __init__(self, spec: str):
        self.torch, self.tok, self.model = _tokenizer_and_model(spec, "AutoModelForCausalLM", "language model")
        self.spec = spec

    @property
    def name(self) -> str:
        return f"hf-lm:{Path(self.spec).name}"

    def perplexities(self, texts: Sequence[str]) -> list[float]:
        import math

        out = []
        for t in texts:
            ids = self.tok(t, return_tensors="pt", truncation=True, max_length=512)["input_ids"]
            if ids.shape[1] < 2:
                out.append(float("nan"))
                continue
            with self.torch.inference_mode():
                loss = self.model(input_ids=ids, labels=ids).loss
            out.append(math.exp(float(loss)))
        return out
