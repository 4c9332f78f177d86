"""Name checks on DEMETR (shared corpora): recall on replaced and removed
named entities, false alarms on clean MT and on harmless perturbations.

    python bench/demetr_names.py [--no-models] [--corpus ../shared/corpora/demetr]

Drives ``mtcheck pairs`` (the contract) once per source language. An item
counts as flagged when it has any ``names.*`` finding."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

POSITIVE = ("critical_id9_ne_replaced", "critical_id25_ne_removed")
HARMLESS = ("minor_id15_case", "minor_id26_misspelled")


def load(corpus: Path, name: str):
    return [json.loads(l) for l in (corpus / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]


def pairs_items(rows, src_lang, tgt_lang, no_models, extra=()):
    """rows: (key, src, mt), checked by `mtcheck pairs`: the report's items."""
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        out = Path(tmp) / "out.json"
        with inp.open("w", encoding="utf-8") as fh:
            for key, src, mt in rows:
                fh.write(json.dumps({"id": key, "src": src, "mt": mt}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, "-m", "mtcheck", "pairs", str(inp), "--src-lang", src_lang, "--tgt-lang", tgt_lang,
               "--format", "json", "--output", str(out)] + (["--no-models"] if no_models else []) + list(extra)
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        return json.loads(out.read_text(encoding="utf-8"))["items"]


def run_pairs(rows, src_lang, tgt_lang, no_models, rule_prefix, extra=()):
    """rows: (key, src, mt). Returns {key: flagged}."""
    # a flag is a finding of minor or above; an info note is neither a catch nor a false alarm
    return {it["id"]: any(f["rule"].startswith(rule_prefix) and f["severity"] != "info" for f in it["findings"])
            for it in pairs_items(rows, src_lang, tgt_lang, no_models, extra)}


def half_of(lang: str, item_id) -> str:
    """Tuning or confirmation half, by a hash of the item's id."""
    return "tune" if int(hashlib.sha1(f"{lang}/{item_id}".encode()).hexdigest(), 16) % 2 == 0 else "confirm"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared/corpora/demetr"))
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--prefix", default="names.")
    ap.add_argument("--no-qe", action="store_true", help="skip the QE model (it adds no names finding)")
    ap.add_argument("--half", choices=("tune", "confirm", "all"), default="all")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    by_lang = defaultdict(list)  # lang -> rows
    kinds = {}  # key -> (kind, lang)
    seen_clean = set()
    for name in POSITIVE + HARMLESS:
        for r in load(corpus, name):
            lang = r["src_lang"]
            if args.half != "all" and half_of(lang, r["id"]) != args.half:
                continue
            if r["pert_check"]:
                key = f"{name}:{r['id']}"
                by_lang[lang].append((key, r["src_sent"], r["pert_sent"]))
                kinds[key] = (name, lang)
            ck = (lang, r["id"])
            if ck not in seen_clean:
                seen_clean.add(ck)
                key = f"clean:{lang}:{r['id']}"
                by_lang[lang].append((key, r["src_sent"], r["mt_sent"]))
                kinds[key] = ("clean", lang)
    t0 = time.perf_counter()
    flagged = {}
    for lang, rows in sorted(by_lang.items()):
        flagged.update(run_pairs(rows, lang, "en", args.no_models, args.prefix, ["--no-qe"] if args.no_qe else []))
    dt = time.perf_counter() - t0
    table = defaultdict(lambda: [0, 0])  # (kind, lang) -> [flagged, total]
    for key, (kind, lang) in kinds.items():
        for k in ((kind, lang), (kind, "all")):
            table[k][0] += flagged[key]
            table[k][1] += 1
    langs = sorted(by_lang) + ["all"]
    cols = list(POSITIVE) + ["clean"] + list(HARMLESS)
    print(f"mode: {'rules only (--no-models)' if args.no_models else 'models'}; half: {args.half}; "
          f"{len(kinds)} items in {dt:.0f} s")
    print()
    print("| src | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for lang in langs:
        cells = []
        for c in cols:
            f, n = table[(c, lang)]
            cells.append(f"{f / n:.3f} ({f}/{n})" if n else "-")
        print(f"| {lang} | " + " | ".join(cells) + " |")
    print()
    print("Positive columns are recall; clean and harmless columns are false-alarm rates.")


if __name__ == "__main__":
    main()
