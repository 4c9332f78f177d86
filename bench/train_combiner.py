"""Train the segment-score combiner (mtcheck/scorers/combiner.py) on the
MQM-rated WMT21 segments in shared/corpora/wmt-mqm-spans-2021, never on the
WMT22 data the Spearman benchmark measures on.

    python bench/train_combiner.py [--per-lp 1500]

Target per segment: minus the MQM penalty (major 5, minor 1), averaged over
raters, standardised per language pair. Ridge regression on standardised
features; the weights (a few hundred bytes) go to mtcheck/scorers/combiner.json."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.pipeline import Options, Session, check_pairs  # noqa: E402
from mtcheck.readers.jsonl import PairItem  # noqa: E402
from mtcheck.scorers.combiner import FEATURES, features  # noqa: E402

csv.field_size_limit(10**8)


def segments(path: Path, limit: int):
    by_seg = defaultdict(list)
    texts = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) < 9:
                continue
            system, doc, seg, _rater, src, tgt, _s, _e, sev = row[:9]
            key = (system, doc, seg)
            penalty = sum(5 if s == "major" else 1 if s == "minor" else 0 for s in sev.split())
            by_seg[key].append(penalty)
            texts[key] = (src, tgt)
    keys = sorted(by_seg)
    step = max(1, len(keys) // limit)
    keys = keys[::step][:limit]
    return [(texts[k][0], texts[k][1], -float(np.mean(by_seg[k]))) for k in keys]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/wmt-mqm-spans-2021"))
    ap.add_argument("--per-lp", type=int, default=1500)
    ap.add_argument("--alpha", type=float, default=1.0)
    args = ap.parse_args()
    X, y = [], []
    for lp in ("en-de", "en-ru", "zh-en"):
        rows = segments(Path(args.corpus) / f"2021_{lp}_processed.tsv", args.per_lp)
        sl, tl = lp.split("-")
        session = Session(Options(src_lang=sl, tgt_lang=tl))
        results = check_pairs(session, [PairItem(i, s, m) for i, (s, m, _) in enumerate(rows)])
        t = np.array([r[2] for r in rows])
        t = (t - t.mean()) / (t.std() or 1.0)
        for (s, m, _), r, target in zip(rows, results, t):
            X.append(features(s, m, r.scores.get("similarity"), r.findings, r.risk))
            y.append(target)
        print(f"{lp}: {len(rows)} segments", file=sys.stderr)
    X, y = np.array(X), np.array(y)
    mean, std = X.mean(0), X.std(0)
    std[std == 0] = 1.0
    Z = (X - mean) / std
    A = Z.T @ Z + args.alpha * np.eye(Z.shape[1])
    coef = np.linalg.solve(A, Z.T @ (y - y.mean()))
    out = {
        "features": list(FEATURES),
        "mean": mean.round(6).tolist(),
        "std": std.round(6).tolist(),
        "coef": coef.round(6).tolist(),
        "intercept": 0.0,
        "trained_on": f"wmt-mqm-spans-2021 en-de, en-ru, zh-en; {len(y)} segments; ridge alpha {args.alpha}",
    }
    dest = Path(__file__).resolve().parents[1] / "mtcheck/scorers/combiner.json"
    dest.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    from scipy.stats import spearmanr

    print(f"training Spearman: {spearmanr(Z @ coef, y).statistic:.3f}")
    for name, c in zip(FEATURES, coef):
        print(f"  {name:22s} {c:+.3f}")
    print(f"wrote {dest}")


if __name__ == "__main__":
    main()
