"""The negation check on DEMETR (shared corpora): recall on translations
with the polarity reversed (critical_id8_negation; critical_id7_antonym for
reference), false alarms on the clean MT of the same items.

    python bench/demetr_meaning.py [--no-models] [--half tune|confirm|all] [--show]

Each item's clean MT and, where the perturbation applies, its perturbed copy
are checked against the source through ``mtcheck pairs`` (the contract), one
run per source language. An item is flagged when it has an
``adequacy.negation`` finding of minor or above (the decided severity).
Besides, "recall at <= 2 %": the finding's confidence threshold that keeps
false alarms on the clean MT at or below 2 % on the tuning half, applied to
the half asked for. Halves by a hash of language and item id (the split of
bench/demetr_names.py)."""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demetr_names import half_of, load, pairs_items  # noqa: E402

NAMES = ("critical_id8_negation", "critical_id7_antonym")
RULE = "adequacy.negation"


def run_pairs(rows, src_lang, tgt_lang, no_models, extra=()):
    """rows: (key, src, mt). Returns {key: (flagged, max confidence, messages)}."""
    res = {}
    for it in pairs_items(rows, src_lang, tgt_lang, no_models, extra):
        fs = [f for f in it["findings"] if f["rule"] == RULE]
        res[it["id"]] = (any(f["severity"] != "info" for f in fs), max((f["confidence"] for f in fs), default=0.0),
                         [f["message"] for f in fs])
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/demetr"))
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--half", choices=("tune", "confirm", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="print the misses and the false alarms")
    args = ap.parse_args()
    by_lang = defaultdict(list)
    kinds, text, halves = {}, {}, {}
    for name in NAMES:
        for r in load(Path(args.corpus), name):
            lang = r["src_lang"]
            h = half_of(lang, r["id"])
            key = f"clean:{lang}:{r['id']}"
            if key not in kinds:
                by_lang[lang].append((key, r["src_sent"], r["mt_sent"]))
                kinds[key], text[key], halves[key] = ("clean", lang), (r["src_sent"], r["mt_sent"]), h
            if r["pert_check"] and r["pert_sent"] != r["mt_sent"]:
                key = f"{name}:{lang}:{r['id']}"
                by_lang[lang].append((key, r["src_sent"], r["pert_sent"]))
                kinds[key], text[key], halves[key] = (name, lang), (r["src_sent"], r["pert_sent"]), h
    t0 = time.perf_counter()
    got = {}
    for lang, rows in sorted(by_lang.items()):
        got.update(run_pairs(rows, lang, "en", args.no_models, ["--no-qe"]))
    dt = time.perf_counter() - t0
    # the confidence threshold that keeps clean false alarms <= 2 % on the tuning half
    tune_clean = sorted((got[k][1] for k, (kind, _) in kinds.items() if kind == "clean" and halves[k] == "tune"),
                        reverse=True)
    allowed = int(0.02 * len(tune_clean))
    thr = max(1e-9, tune_clean[allowed] + 1e-6) if len(tune_clean) > allowed else 1e-9
    print(f"mode: {'rules only (--no-models)' if args.no_models else 'models (--no-qe)'}; "
          f"{len(kinds)} items in {dt:.0f} s; confidence threshold for <= 2 % clean false alarms "
          f"(tuning half): {thr:.3f}\n")
    halves_shown = ("tune", "confirm") if args.half == "all" else (args.half,)
    for h in halves_shown:
        table = defaultdict(lambda: [0, 0, 0])  # flagged (decided), flagged at thr, total
        for key, (kind, lang) in kinds.items():
            if halves[key] != h:
                continue
            flag, conf, msgs = got[key]
            for kk in ((kind, lang), (kind, "all")):
                table[kk][0] += flag
                table[kk][1] += conf >= thr
                table[kk][2] += 1
            if args.show and flag != (kind != "clean"):
                print(("MISS " if kind != "clean" else "FALSE ") + key, *text[key], *msgs, sep="\n  ")
        print(f"half: {h}\n")
        print("| src | negation: recall (decided) | at <= 2 % | antonym: recall (decided) | clean: false alarms "
              "(decided) | at the threshold |")
        print("|---|---|---|---|---|---|")
        for lang in sorted(by_lang) + ["all"]:
            def cell(kind, i):
                f, n = table[(kind, lang)][i], table[(kind, lang)][2]
                return f"{f / n:.3f} ({f}/{n})" if n else "-"
            print(f"| {lang} | {cell(NAMES[0], 0)} | {cell(NAMES[0], 1)} | {cell(NAMES[1], 0)} | "
                  f"{cell('clean', 0)} | {cell('clean', 1)} |")
        print()


if __name__ == "__main__":
    main()
