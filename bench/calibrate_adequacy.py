"""Calibrate the thresholds of ``adequacy.low_similarity`` (``--key
similarity``) and ``adequacy.low_quality`` (``--key qe``) on the WMT22
critical-error-detection dev sets (shared corpora), and report MCC.

    python bench/calibrate_adequacy.py [--key similarity|qe] [--per-lp 1500]

For each language pair, a fixed sample of items (every k-th line) goes
through ``mtcheck pairs``; the threshold that maximises MCC over both pairs
together is the one shipped as ``mtcheck.decide.MIN_SIMILARITY`` or
``MIN_QE``. The Spearman benchmark uses other data (WMT22 MQM)."""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path


def scores(src, mt, src_lang, tgt_lang, key):
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.json"
        with inp.open("w", encoding="utf-8") as fh:
            for i, (s, m) in enumerate(zip(src, mt)):
                fh.write(json.dumps({"id": i, "src": s, "mt": m}, ensure_ascii=False) + "\n")
        subprocess.run([sys.executable, "-m", "mtcheck", "pairs", str(inp), "--src-lang", src_lang, "--tgt-lang",
                        tgt_lang, "-o", str(out)], check=True, stderr=subprocess.DEVNULL)
        return [it["scores"].get(key) for it in json.loads(out.read_text(encoding="utf-8"))["items"]]


def mcc(tp, fp, tn, fn):
    d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return (tp * tn - fp * fn) / d if d else 0.0


def confusion(data, thr):
    tp = fp = tn = fn = 0
    for s, bad in data:
        flag = s is not None and s < thr
        tp += flag and bad
        fp += flag and not bad
        tn += (not flag) and (not bad)
        fn += (not flag) and bad
    return tp, fp, tn, fn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/wmt22-ced/dev"))
    ap.add_argument("--per-lp", type=int, default=1500)
    ap.add_argument("--key", choices=("similarity", "qe"), default="similarity")
    args = ap.parse_args()
    all_data, per = [], {}
    for lp in ("en-de", "pt-en"):
        d = Path(args.corpus) / lp
        src = d.joinpath("dev.src").read_text(encoding="utf-8").splitlines()
        mt = d.joinpath("dev.mt").read_text(encoding="utf-8").splitlines()
        lab = d.joinpath("dev.label").read_text(encoding="utf-8").splitlines()
        step = max(1, len(src) // args.per_lp)
        idx = list(range(0, len(src), step))[: args.per_lp]
        sl, tl = lp.split("-")
        sc = scores([src[i] for i in idx], [mt[i] for i in idx], sl, tl, args.key)
        data = [(s, lab[i].strip() == "BAD") for s, i in zip(sc, idx)]
        per[lp] = data
        all_data += data
    grid = range(600, 950, 5) if args.key == "similarity" else range(20, 800, 5)
    best = max((mcc(*confusion(all_data, t / 1000)), t / 1000) for t in grid)
    thr = best[1]
    print(f"{args.key}: threshold maximising MCC on both pairs: {thr:.3f}\n")
    print("| pair | items | BAD | MCC at the threshold | precision | recall |")
    print("|---|---|---|---|---|---|")
    for lp, data in list(per.items()) + [("both", all_data)]:
        tp, fp, tn, fn = confusion(data, thr)
        print(f"| {lp} | {len(data)} | {tp + fn} | {mcc(tp, fp, tn, fn):.3f} | {tp / max(tp + fp, 1):.3f} | "
              f"{tp / max(tp + fn, 1):.3f} |")


if __name__ == "__main__":
    main()
