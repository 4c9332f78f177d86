"""Words left untranslated (``untranslated.word``) on DEMETR (shared
corpora): recall on critical_id4_codemix (a word of the translation put back
into the source language), false alarms on the clean MT of the same items,
per source language, through ``mtcheck pairs`` (the contract).

    python bench/demetr_codemix.py [--half tune|confirm|all] [--models] [--show]

A flag is an ``untranslated.word`` finding of minor or above. Halves by a
hash of language and item id (the split of bench/demetr_names.py)."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from demetr_names import half_of, load, pairs_items  # noqa: E402

NAME = "critical_id4_codemix"
RULE = "untranslated.word"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/demetr"))
    ap.add_argument("--half", choices=("tune", "confirm", "all"), default="all")
    ap.add_argument("--models", action="store_true", help="with the models (default: rules only)")
    ap.add_argument("--show", action="store_true", help="print the false alarms and the misses")
    args = ap.parse_args()
    by_lang = defaultdict(list)
    for r in load(Path(args.corpus), NAME):
        if args.half != "all" and half_of(r["src_lang"], r["id"]) != args.half:
            continue
        by_lang[r["src_lang"]].append(r)
    print(f"{NAME}, half {args.half}, {'models' if args.models else 'rules only'}\n")
    print("| source | recall | clean false alarms |\n|---|---|---|")
    tot = [0, 0, 0, 0]
    for lang, rows in sorted(by_lang.items()):
        items = [(f"c{r['id']}", r["src_sent"], r["mt_sent"]) for r in rows]
        items += [(f"p{r['id']}", r["src_sent"], r["pert_sent"]) for r in rows]
        got = {it["id"]: [f for f in it["findings"] if f["rule"] == RULE and f["severity"] != "info"]
               for it in pairs_items(items, lang, "en", not args.models)}
        text = {k: mt for k, _, mt in items}
        clean = [k for k in got if k.startswith("c")]
        pert = [k for k in got if k.startswith("p")]
        fa, hit = sum(bool(got[k]) for k in clean), sum(bool(got[k]) for k in pert)
        tot = [tot[0] + len(pert), tot[1] + hit, tot[2] + len(clean), tot[3] + fa]
        print(f"| {lang} | {hit / len(pert):.2f} ({hit}/{len(pert)}) | {fa / len(clean):.3f} ({fa}/{len(clean)}) |")
        if args.show:
            for k in clean:
                for f in got[k]:
                    print(f"    false alarm: {text[k][f['mt_span'][0]:f['mt_span'][1]]!r} in {text[k][:90]!r}")
            for k in pert:
                if not got[k]:
                    print(f"    missed: {text[k][:110]!r}")
    print(f"| all | {tot[1] / tot[0]:.3f} ({tot[1]}/{tot[0]}) | {tot[3] / tot[2]:.3f} ({tot[3]}/{tot[2]}) |")


if __name__ == "__main__":
    main()
