"""Spearman correlation between mtcheck's segment ``score`` and the MQM
z-scores of professional raters, WMT22 QE dev (shared corpora): en-de,
zh-en, en-ru. A length-ratio score is given for scale.

    python bench/mqm_spearman.py [extra mtcheck pairs options, e.g. --no-qe]
"""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

from scipy.stats import spearmanr


def pairs_scores(rows, src_lang, tgt_lang, extra=()):
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.json"
        with inp.open("w", encoding="utf-8") as fh:
            for i, r in enumerate(rows):
                fh.write(json.dumps({"id": i, "src": r["src"], "mt": r["mt"]}, ensure_ascii=False) + "\n")
        subprocess.run([sys.executable, "-m", "mtcheck", "pairs", str(inp), "--src-lang", src_lang, "--tgt-lang",
                        tgt_lang, "-o", str(out), *extra], check=True, stderr=subprocess.DEVNULL)
        return json.loads(out.read_text(encoding="utf-8"))["items"]


def main():
    corpus = Path(__file__).resolve().parents[2] / "shared/corpora/wmt22-mqm/dev"
    print("| pair | segments | Spearman: mtcheck score | similarity alone | -risk (rules) | length ratio |")
    print("|---|---|---|---|---|---|")
    for lp in ("en-de", "zh-en", "en-ru"):
        f = next((corpus / lp).glob("*.csv"))
        rows = list(csv.DictReader(f.open(encoding="utf-8")))
        sl, tl = lp.split("-")
        items = pairs_scores(rows, sl, tl, sys.argv[1:])
        z = [float(r["z_score"]) for r in rows]
        score = [it["score"] if it["score"] is not None else 0.0 for it in items]
        risk = [-it["risk"] for it in items]
        sim = [it["scores"].get("similarity", 0.0) for it in items]
        length = [-abs(math.log((len(r["mt"]) + 1) / (len(r["src"]) + 1))) for r in rows]
        cells = [spearmanr(x, z).statistic for x in (score, sim, risk, length)]
        print(f"| {lp} | {len(rows)} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")


if __name__ == "__main__":
    main()
