"""The numbers check on DEMETR (shared corpora): recall on translations
with a number replaced, false alarms on the clean MT of the same items.

    python bench/demetr_numbers.py [--no-models] [--half tune|confirm|all]

Each item's clean MT (``mt_sent``) and, where the perturbation applies
(``pert_check``), its perturbed copy (``pert_sent``) are checked against
the source through ``mtcheck pairs`` (the contract), one run per source
language. An item is flagged when it has a ``numbers.*`` finding of minor
or above. Items split into a tuning and a confirmation half by a hash of
language and id (the split of bench/demetr_names.py)."""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demetr_names import half_of, load, run_pairs  # noqa: E402

NAME = "critical_id10_numbers_replaced"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/demetr"))
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--half", choices=("tune", "confirm", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="print the misses and the false alarms")
    args = ap.parse_args()
    by_lang = defaultdict(list)
    kinds, text = {}, {}
    for r in load(Path(args.corpus), NAME):
        lang = r["src_lang"]
        if args.half != "all" and half_of(lang, r["id"]) != args.half:
            continue
        key = f"clean:{lang}:{r['id']}"
        by_lang[lang].append((key, r["src_sent"], r["mt_sent"]))
        kinds[key], text[key] = ("clean", lang), (r["src_sent"], r["mt_sent"])
        if r["pert_check"] and r["pert_sent"] != r["mt_sent"]:
            key = f"pert:{lang}:{r['id']}"
            by_lang[lang].append((key, r["src_sent"], r["pert_sent"]))
            kinds[key], text[key] = ("replaced", lang), (r["src_sent"], r["pert_sent"])
    t0 = time.perf_counter()
    flagged = {}
    for lang, rows in sorted(by_lang.items()):
        flagged.update(run_pairs(rows, lang, "en", args.no_models, "numbers.", ["--no-qe"]))
    dt = time.perf_counter() - t0
    table = defaultdict(lambda: [0, 0])
    for key, (kind, lang) in kinds.items():
        for k in ((kind, lang), (kind, "all")):
            table[k][0] += flagged[key]
            table[k][1] += 1
        if args.show and flagged[key] != (kind == "replaced"):
            print(("MISS " if kind == "replaced" else "FALSE ") + key, *text[key], sep="\n  ")
    print(f"mode: {'rules only (--no-models)' if args.no_models else 'models'}; half: {args.half}; "
          f"{len(kinds)} items in {dt:.0f} s\n")
    print("| src | replaced: recall | clean: false alarms |")
    print("|---|---|---|")
    for lang in sorted(by_lang) + ["all"]:
        cells = []
        for c in ("replaced", "clean"):
            f, n = table[(c, lang)]
            cells.append(f"{f / n:.3f} ({f}/{n})" if n else "-")
        print(f"| {lang} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
