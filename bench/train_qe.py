"""Train the QE adapter (mtcheck/scorers/qe.py): low-rank updates of every
layer of the embedded e5-small encoder and a small regression head, reading
source and translation together, on the MQM-rated WMT21 segments in
shared/corpora/wmt-mqm-spans-2021. WMT22 (what bench/mqm_spearman.py measures
on) is only used to print progress, never to choose weights.

    python bench/train_qe.py [--n 12000] [--rank 8] [--lr 5e-4]

Target per segment: minus the MQM penalty (major 5, minor 1), averaged over
raters, standardised per language pair. One pass over --n segments drawn at
random (seed 0), batch 16, AdamW with a one-cycle schedule, bf16 autocast;
the encoder's dropout is off for the first 250 steps and on after them.
Writes mtcheck/scorers/qe_adapter.npz (float16, about 1.2 MB)."""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.scorers.e5torch import batch_tensors, load_bert, mean_pool  # noqa: E402
from mtcheck.scorers.qe import (  # noqa: E402
    ADAPTER, TRAIN_SIDE_TOKENS, add_lora, length_features, lora_sites, new_head, pair_ids,
)

csv.field_size_limit(10**8)
SHARED = Path(__file__).resolve().parents[2] / "shared/corpora"


def train_rows(corpus: Path):
    """(lp, src, mt, -mean penalty) per rated segment, in a fixed order."""
    out = []
    for lp in ("en-de", "en-ru", "zh-en"):
        by, texts = defaultdict(list), {}
        with (corpus / f"2021_{lp}_processed.tsv").open(encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if len(row) < 9 or row[0] == "system":
                    continue
                system, doc, seg, _r, src, tgt, _s, _e, sev = row[:9]
                by[(system, doc, seg)].append(sum(5 if s == "major" else 1 if s == "minor" else 0 for s in sev.split()))
                texts[(system, doc, seg)] = (src, tgt)
        for k in sorted(by):
            out.append((lp, texts[k][0], texts[k][1], -float(np.mean(by[k]))))
    return out


def dev_rows(corpus: Path):
    out = []
    for lp in ("en-de", "zh-en", "en-ru"):
        with next((corpus / lp).glob("*.csv")).open(encoding="utf-8") as fh:
            out += [(lp, r["src"], r["mt"], float(r["z_score"])) for r in csv.DictReader(fh)]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default=str(SHARED / "wmt-mqm-spans-2021"))
    ap.add_argument("--dev", default=str(SHARED / "wmt22-mqm/dev"))
    ap.add_argument("--n", type=int, default=12000)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--alpha", type=float, default=16.0)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "mtcheck/scorers" / ADAPTER))
    args = ap.parse_args()

    import torch
    from scipy.stats import spearmanr

    torch.manual_seed(0)
    np.random.seed(0)
    model, tok, pad, _ = load_bert()
    for p in model.parameters():
        p.requires_grad = False
    add_lora(model, args.rank, args.alpha)
    head = new_head(model.config.hidden_size)
    params = [p for p in model.parameters() if p.requires_grad] + list(head.parameters())
    print(f"trainable parameters: {sum(p.numel() for p in params)}", file=sys.stderr)

    def predict(src, mt):
        inp, mask = batch_tensors(pair_ids(tok, src, mt, TRAIN_SIDE_TOKENS)[0], pad)
        with torch.autocast("cpu", dtype=torch.bfloat16):
            vec = mean_pool(model, inp, mask)
        return head(torch.cat([vec, torch.from_numpy(length_features(src, mt))], 1)).squeeze(1)

    tr, dv = train_rows(Path(args.train)), dev_rows(Path(args.dev))
    y = np.array([r[3] for r in tr], dtype=np.float32)
    lps = np.array([r[0] for r in tr])
    for lp in set(lps):
        k = lps == lp
        y[k] = (y[k] - y[k].mean()) / y[k].std()
    order = np.random.permutation(len(tr))[: args.n]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = math.ceil(len(order) / args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.1)

    def dev_spearman():
        model.eval()
        preds = np.zeros(len(dv))
        with torch.no_grad():
            idx = sorted(range(len(dv)), key=lambda i: len(dv[i][1]) + len(dv[i][2]))
            for b in range(0, len(idx), 64):
                j = idx[b : b + 64]
                preds[j] = predict([dv[i][1] for i in j], [dv[i][2] for i in j]).numpy()
        model.train()
        return {lp: round(float(spearmanr(preds[[i for i, r in enumerate(dv) if r[0] == lp]],
                                          [r[3] for r in dv if r[0] == lp]).statistic), 3)
                for lp in ("en-de", "zh-en", "en-ru")}

    t0 = time.time()
    for step, b in enumerate(range(0, len(order), args.batch)):
        j = order[b : b + args.batch]
        loss = ((predict([tr[i][1] for i in j], [tr[i][2] for i in j]) - torch.from_numpy(y[j])) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 50 == 0:
            print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f} s", file=sys.stderr)
        if step and step % 250 == 0:
            # progress only; it also switches the encoder's dropout on for the
            # rest of the run (it starts in eval mode), as the shipped adapter was trained
            print(f"WMT22 dev Spearman at step {step}: {dev_spearman()}", file=sys.stderr)
    print(f"WMT22 dev Spearman (progress only): {dev_spearman()}", file=sys.stderr)
    save(model, head, args, Path(args.out))


def save(model, head, args, dest: Path) -> None:
    arrays = {"scale": np.float32(args.alpha / args.rank), "version": np.array(f"r{args.rank}-n{args.n}")}
    for key, parent, attr in lora_sites(model):
        lora = getattr(parent, attr)
        arrays[f"{key}.A"] = lora.A.detach().numpy().astype(np.float16)
        arrays[f"{key}.B"] = lora.B.detach().numpy().astype(np.float16)
    for k, v in head.state_dict().items():
        arrays[f"head.{k}"] = v.numpy().astype(np.float16)
    tmp = dest.with_name(dest.name + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(dest)
    print(f"wrote {dest} ({dest.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
