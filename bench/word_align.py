"""Which layer of e5-small, and which SimAlign method, aligns words best?

There is no gold word alignment in the shared corpora, so a silver one: a
capitalised source word (4+ letters, once in its sentence) that occurs once
in the translation written the same (Latin scripts), or whose anyascii
transliteration is the word on the other side (Cyrillic), is a pair. From
DEMETR (``src_sent`` -> clean ``mt_sent``, English), the WMT24 references
(English paragraph i -> reference paragraph i, up to 120 words) and, as
those have few Cyrillic pairs, WMT22 MQM en-ru MT rated above the mean.
Groups: Latin (the same spelling on both sides), Cyrillic (either side
Cyrillic, by transliteration), and Replaced, the harder one, nearest to what
the names check asks: DEMETR's replaced names (a source name, written the
same in the clean MT, replaced in the perturbed MT; its pair is whatever
words were put in its place). Layers 4..12 read in one pass, argmax and
itermax: recall (the source word linked to its pair) and precision (of the
source word's links, the share to its pair). Then a demo, and the time of
word alignment against embedding the same 100 sentence pairs.

    python bench/word_align.py [--corpora ../shared/corpora] [--per-group 200]
"""

from __future__ import annotations

import argparse
import csv
import difflib
import glob
import json
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from anyascii import anyascii  # noqa: E402

from mtcheck.align.words import METHODS, sentence_word_links, word_links  # noqa: E402
from mtcheck.scorers.base import CachedEncoder, TokenStates  # noqa: E402
from mtcheck.scorers.e5torch import e5_torch_encoder  # noqa: E402
from mtcheck.types import Alignment, Article, Link, Segment  # noqa: E402

LAYERS = range(4, 13)
LATIN_DEMETR = ("german", "polish", "czech", "french", "spanish", "italian")


def words(text: str) -> list[tuple[str, int, int]]:
    """Runs of letters, marks and digits: the aligner's word units."""
    out, start = [], None
    for i, c in enumerate(text + " "):
        if unicodedata.category(c)[0] in "LMN":
            start = i if start is None else start
        elif start is not None:
            out.append((text[start:i], start, i))
            start = None
    return out


def cyrillic(w: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in w)


def silver_names(src: str) -> dict[str, tuple[int, int]]:
    """Capitalised words of 4+ letters that occur once in the source."""
    sw = words(src)
    count = Counter(w for w, _, _ in sw)
    return {w: (a, b) for w, a, b in sw if len(w) >= 4 and w[0].isupper() and w.isalpha() and count[w] == 1}


def gold_pairs(src: str, tgt: str, translit: bool) -> list[tuple[tuple[int, int], frozenset]]:
    """Silver pairs of one sentence pair: (source word span, {target word span})."""
    key = (lambda w: anyascii(w) if cyrillic(w) else w) if translit else (lambda w: w)
    t_by_key: dict[str, list] = {}
    for w, a, b in words(tgt):
        t_by_key.setdefault(key(w), []).append((a, b))
    out = []
    for w, span in silver_names(src).items():
        hits = t_by_key.get(key(w), [])
        if len(hits) == 1 and (not translit or cyrillic(w) != cyrillic(tgt[hits[0][0]:hits[0][1]])):
            out.append((span, frozenset(hits)))
    return out


def replaced_pairs(src: str, mt: str, pert: str) -> list[tuple[tuple[int, int], frozenset]]:
    """DEMETR's replaced names: a source name written the same in the clean
    MT, replaced in the perturbed one; its pair is the words put in its place."""
    names = silver_names(src)
    mw, pw = words(mt), words(pert)
    once = Counter(w for w, _, _ in mw)
    ops = difflib.SequenceMatcher(a=[w for w, _, _ in mw], b=[w for w, _, _ in pw], autojunk=False).get_opcodes()
    out = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace" and i2 - i1 <= 4 and j2 - j1 <= 4:
            for w, _, _ in mw[i1:i2]:
                if w in names and once[w] == 1:
                    out.append((names[w], frozenset((a, b) for _, a, b in pw[j1:j2])))
    return out


GROUPS = ("Latin", "Cyrillic", "Replaced")


def load_items(corpora: Path, per_group: int, seed: int = 1):
    """(group, source, translation, gold pairs), about per_group pairs per group."""
    items: dict[str, list] = {g: [] for g in GROUPS}
    demetr = corpora / "demetr"
    for line in (demetr / "base_id35_reference.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["lang_tag"] in LATIN_DEMETR or r["lang_tag"] == "russian":
            group = "Cyrillic" if r["lang_tag"] == "russian" else "Latin"
            items[group].append((r["src_sent"], r["mt_sent"], None))
    for pair in ("en-cs", "en-de", "en-is", "en-ru", "en-uk"):
        group = "Cyrillic" if pair in ("en-ru", "en-uk") else "Latin"
        for f in sorted(glob.glob(str(corpora / "wmt24-news-refs" / pair / "*.json"))):
            doc = json.loads(Path(f).read_text(encoding="utf-8"))
            for s, t in zip(doc["src"], doc["ref"]):
                if s.strip() and t.strip() and len(s.split()) <= 120:
                    items[group].append((s, t, None))
    # Cyrillic pairs are few in the two above: add WMT22 MQM en-ru MT rated above the mean
    mqm = corpora / "wmt22-mqm/dev/en-ru/en-ru-mqm.2022_dev.csv"
    if mqm.exists():
        seen = set()
        for r in csv.DictReader(mqm.open(encoding="utf-8")):
            if float(r["z_score"]) >= 0 and (r["src"], r["mt"]) not in seen:
                seen.add((r["src"], r["mt"]))
                items["Cyrillic"].append((r["src"], r["mt"], None))
    for line in (demetr / "critical_id9_ne_replaced.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["lang_tag"] in LATIN_DEMETR and r["pert_check"]:
            items["Replaced"].append((r["src_sent"], r["pert_sent"], r["mt_sent"]))
    rng = random.Random(seed)
    out = []
    for group, rows in items.items():
        rows = [(s, t, g) for s, t, clean in rows
                if (g := replaced_pairs(s, clean, t) if clean else gold_pairs(s, t, group == "Cyrillic"))]
        rng.shuffle(rows)
        npairs = 0
        for s, t, g in rows:
            if npairs >= per_group:
                break
            out.append((group, s, t, g))
            npairs += len(g)
    return out


def as_articles(pairs: list[tuple[str, str]]):
    """All pairs as one article pair, pair i = segment i = link i: one batched call."""
    def art(texts):
        segs, pos = [], 0
        for i, t in enumerate(texts):
            segs.append(Segment(i, pos, pos + len(t), i, t))
            pos += len(t) + 1
        return Article("bench", "\n".join(texts), segments=tuple(segs))

    return art([s for s, _ in pairs]), art([t for _, t in pairs]), Alignment(tuple(Link((i,), (i,)) for i in range(len(pairs))))


def layer_states(enc, tok, texts):
    """{layer: [TokenStates]} for LAYERS from one forward pass: what
    ``enc.token_states(texts, layer=L)`` gives, without a pass per layer."""
    import torch

    from mtcheck.scorers.e5torch import batch_tensors

    encs = tok.encode_spans(list(texts), "passage: ")
    inp, mask = batch_tensors([ids for ids, _, _ in encs], tok.special["pad"])
    with torch.inference_mode():
        hidden = enc.bert(input_ids=inp, attention_mask=mask, output_hidden_states=True).hidden_states
    out = {}
    for layer in LAYERS:
        h = hidden[layer].float().numpy()
        out[layer] = []
        for i, (_, spans, pieces) in enumerate(encs):
            keep = [k for k, sp in enumerate(spans) if sp is not None]
            v = h[i, keep]
            v /= np.linalg.norm(v, axis=1, keepdims=True).clip(1e-9)
            out[layer].append(TokenStates(tuple(spans[k] for k in keep), v, tuple(pieces[k] for k in keep)))
    return out


def evaluate(enc, items, chunk=32):
    """{(layer, method, group): (recall, precision, pairs)}, a chunk of items at a time."""
    from mtcheck.scorers.e5torch import load_tokenizer

    tok = load_tokenizer()
    check = enc.token_states([items[0][1]], layer=LAYERS[0])[0].vectors  # the shortcut gives the same states
    assert np.allclose(layer_states(enc, tok, [items[0][1]])[LAYERS[0]][0].vectors, check, atol=2e-2)
    count = Counter()  # (layer, method, group, "n" | "hit" | "links")
    items = sorted(items, key=lambda it: len(it[1]) + len(it[2]))  # similar lengths batch well
    for k in range(0, len(items), chunk):
        part = items[k : k + chunk]
        states = layer_states(enc, tok, [it[1] for it in part] + [it[2] for it in part])
        for layer in LAYERS:
            st = states[layer]
            for method in METHODS:
                for i, (group, s, t, gold) in enumerate(part):
                    links: dict[tuple[int, int], set] = {}
                    for wl in sentence_word_links(0, s, st[i], t, st[len(part) + i], method):
                        links.setdefault(wl.src, set()).add(wl.tgt)
                    for src_span, tgt_spans in gold:
                        got = links.get(src_span, set())
                        count[layer, method, group, "n"] += 1
                        count[layer, method, group, "hit"] += bool(got & tgt_spans)
                        count[layer, method, group, "good"] += len(got & tgt_spans)
                        count[layer, method, group, "links"] += len(got)
    return {(layer, m, g): (count[layer, m, g, "hit"] / max(count[layer, m, g, "n"], 1),
                            count[layer, m, g, "good"] / max(count[layer, m, g, "links"], 1), count[layer, m, g, "n"])
            for layer in LAYERS for m in METHODS for g in GROUPS}


def table(res, items):
    n = Counter(g for g, *_ in items)
    pairs = {g: sum(len(it[3]) for it in items if it[0] == g) for g in GROUPS}
    lines = ["Silver pairs: " + ", ".join(f"{g} {pairs[g]} in {n[g]} sentence pairs" for g in GROUPS) + ".", "",
             "| layer | method | " + " | ".join(f"{g} R | {g} P" for g in GROUPS) + " | mean R | mean P |",
             "|---" * (4 + 2 * len(GROUPS)) + "|"]
    for layer in LAYERS:
        for m in METHODS:
            r = [res[layer, m, g] for g in GROUPS]
            cells = " | ".join(f"{x[0]:.3f} | {x[1]:.3f}" for x in r)
            lines.append(f"| {layer} | {m} | {cells} | {sum(x[0] for x in r) / len(r):.3f} | {sum(x[1] for x in r) / len(r):.3f} |")
    return "\n".join(lines)


DEMO = [
    ("El fiscal de la Procuraduría General dijo que Estocolmo es caro.",
     "The prosecutor of the Attorney General's Office said that Stockholm is expensive."),
    ("Он живёт в Сиэтле, а не в Дюссельдорфа.", "He lives in Seattle, not Düsseldorf."),
    ("Antony Blinken visitó Kiev.", "Antony Blink visited Kyiv."),
    ("Antony Blinken visitó Kiev.", "He visited Kyiv."),
]


def demo(enc, method, layer):
    src, mt, al = as_articles(DEMO)
    out = []
    for wl in word_links(src, mt, al, enc, method=method, layer=layer):
        out.append((wl.link, f"{src.text[wl.src[0]:wl.src[1]]} -> {mt.text[wl.tgt[0]:wl.tgt[1]]} ({wl.score:.2f})"))
    for k, (s, t) in enumerate(DEMO):
        print(f"\n{s}  |  {t}\n  " + "; ".join(x for i, x in out if i == k))


def timing(enc, corpora, method, layer, n=100, repeat=2):
    """Best of ``repeat`` on DEMETR's first n sentence pairs: embedding both
    sides cold (and without keeping token states); word alignment right after (the states kept by that pass);
    word alignment cold (its own pass)."""
    rows = [json.loads(line) for line in (corpora / "demetr/base_id35_reference.jsonl").read_text(encoding="utf-8").splitlines()]
    pairs = [(r["src_sent"], r["mt_sent"]) for r in rows[:n]]
    src, mt, al = as_articles(pairs)
    texts = [s for s, _ in pairs] + [t for _, t in pairs]
    plain = CachedEncoder(enc.name, enc.version, enc._fn)  # the same model, no states kept
    emb = bare = after = cold = float("inf")
    for _ in range(repeat):
        plain.clear()
        t = time.perf_counter()
        plain.embed(texts)
        bare = min(bare, time.perf_counter() - t)
        enc.clear()
        t = time.perf_counter()
        enc.embed(texts)
        emb = min(emb, time.perf_counter() - t)
        t = time.perf_counter()
        word_links(src, mt, al, enc, method=method, layer=layer)
        after = min(after, time.perf_counter() - t)
        enc.clear()
        t = time.perf_counter()
        word_links(src, mt, al, enc, method=method, layer=layer)
        cold = min(cold, time.perf_counter() - t)
    print(f"\n{len(pairs)} sentence pairs (DEMETR, 10 source languages): embed {emb:.2f} s "
          f"(without keeping states {bare:.2f} s); "
          f"word links after embed {after:.2f} s ({after / emb:.2f}x); word links cold {cold:.2f} s ({cold / emb:.2f}x)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpora")
    ap.add_argument("--per-group", type=int, default=200, help="silver pairs per group")
    ap.add_argument("--layer", type=int, default=None, help="for the demo and timing (default: words.LAYER)")
    ap.add_argument("--method", default=None)
    args = ap.parse_args()
    from mtcheck.align import words as W

    layer, method = args.layer or W.LAYER, args.method or W.METHOD
    enc = e5_torch_encoder()
    items = load_items(args.corpora, args.per_group)
    t = time.perf_counter()
    res = evaluate(enc, items)
    print(table(res, items))
    print(f"\n({time.perf_counter() - t:.0f} s; encoder {enc.signature})")
    print(f"\nDemo, layer {layer}, {method}:")
    demo(enc, method, layer)
    timing(enc, args.corpora, method, layer)


if __name__ == "__main__":
    main()
