"""mtcheck on the WMT22 critical-error-detection dev sets (shared corpora).

    python bench/wmt22_ced.py [--no-models] [--no-qe] [--pairs en-de,pt-en] [--every N]

Each line of ``dev.src`` / ``dev.mt`` is checked as a one-sentence article
(presegmented: the line is the sentence) through ``check_article``, one
Session per language pair. ``dev.label`` says BAD (a critical error) or OK.
Lines split into a tuning and a confirmation half by a hash of pair and line
index. Per pair and half: MCC of ``verdict == block`` and of
``verdict != pass`` against BAD, and MCC of ``risk >= k`` with k chosen on
the tuning half (the best MCC there) and applied to the confirmation half;
then which rules fire (minor or above) on BAD and on OK lines."""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.pipeline import Options, Session, check_article  # noqa: E402
from mtcheck.types import Article, Severity, Verdict  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/wmt22-ced/dev"


class _NONE:  # a language without a negation table: no count on either side
    count = 0


def half_of(pair: str, index: int) -> str:
    return "tune" if int(hashlib.sha1(f"{pair}/{index}".encode()).hexdigest(), 16) % 2 == 0 else "confirm"


def mcc(pred, gold) -> float:
    tp = sum(p and g for p, g in zip(pred, gold))
    tn = sum(not p and not g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(not p and g for p, g in zip(pred, gold))
    d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return (tp * tn - fp * fn) / d if d else 0.0


def best_threshold(risks, gold) -> tuple[float, float]:
    """The risk threshold (flag at risk >= k) with the best MCC, and that MCC."""
    best = (0.0, 1.01)
    for k in sorted(set(risks)):
        m = mcc([r >= k for r in risks], gold)
        if m > best[0]:
            best = (m, k)
    return best[1], best[0]


def load(pair: str):
    d = CORPUS / pair
    src, mt, lab = ((d / f"dev.{x}").read_text(encoding="utf-8").split("\n") for x in ("src", "mt", "label"))
    n = len([l for l in lab if l.strip()])
    return [(i, src[i], mt[i], lab[i].strip() == "BAD") for i in range(n)]


def run(pair: str, rows, opts: Options, shared: Session | None):
    session = Session(opts)
    if shared is not None:  # one encoder for the whole run
        session._encoder, session._encoder_tried = shared._encoder, shared._encoder_tried
    out = []
    for i, src, mt, bad in rows:
        res = check_article(session, Article(f"{pair}/{i}", src, lang=opts.src_lang, paragraphs=((0, len(src)),)),
                            Article(f"{pair}/{i}", mt, lang=opts.tgt_lang, paragraphs=((0, len(mt)),)))
        rules = sorted({f.rule for f in res.findings if f.severity >= Severity.MINOR})
        out.append({"i": i, "bad": bad, "verdict": res.verdict.value, "risk": res.risk, "rules": rules,
                    "findings": [(f.rule, f.severity.label, round(f.confidence, 3)) for f in res.findings]})
    return out, session


def report(pair: str, items) -> list[str]:
    lines = []
    by_half = {h: [it for it in items if half_of(pair, it["i"]) == h] for h in ("tune", "confirm")}
    k, _ = best_threshold([it["risk"] for it in by_half["tune"]], [it["bad"] for it in by_half["tune"]])
    lines.append(f"| half | lines | BAD | MCC block | MCC not pass | MCC risk >= {k:.3f} (k from tune) |")
    lines.append("|---|---|---|---|---|---|")
    for h, its in by_half.items():
        gold = [it["bad"] for it in its]
        lines.append(f"| {h} | {len(its)} | {sum(gold)} | "
                     f"{mcc([it['verdict'] == Verdict.BLOCK.value for it in its], gold):.3f} | "
                     f"{mcc([it['verdict'] != Verdict.PASS.value for it in its], gold):.3f} | "
                     f"{mcc([it['risk'] >= k for it in its], gold):.3f} |")
    fire = collections.defaultdict(lambda: [0, 0])
    n_bad = sum(it["bad"] for it in items)
    n_ok = len(items) - n_bad
    for it in items:
        for r in it["rules"]:
            fire[r][0 if it["bad"] else 1] += 1
    lines.append("")
    lines.append(f"| rule (minor or above) | BAD lines ({n_bad}) | OK lines ({n_ok}) |")
    lines.append("|---|---|---|")
    for r, (b, o) in sorted(fire.items(), key=lambda x: -sum(x[1])):
        lines.append(f"| {r} | {b} ({b / max(1, n_bad):.1%}) | {o} ({o / max(1, n_ok):.1%}) |")
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", default="en-de,pt-en")
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--no-qe", action="store_true")
    ap.add_argument("--every", type=int, default=1, help="every N-th line only (for the slower model runs)")
    ap.add_argument("--dump", default=None, help="write every line's findings here (JSON)")
    ap.add_argument("--baseline", default=None,
                    help="a --dump of an earlier run with the same options: only lines whose negation counts "
                         "differ (where adequacy.negation can fire) are checked again, the rest are taken from it")
    args = ap.parse_args()
    shared = None
    dump = {}
    print(f"mode: {'rules only (--no-models)' if args.no_models else 'models' + (' --no-qe' if args.no_qe else '')}"
          f"; every {args.every} line(s)\n")
    for pair in args.pairs.split(","):
        sl, tl = pair.split("-")
        rows = load(pair)[::args.every]
        opts = Options(src_lang=sl, tgt_lang=tl, use_models=not args.no_models, qe=not args.no_qe,
                       presegmented=True)
        kept = {}
        if args.baseline:
            from mtcheck.meaning.negation import polarity

            base = {it["i"]: it for it in json.loads(Path(args.baseline).read_text(encoding="utf-8"))[pair]}
            same = {i for i, src, mt, _ in rows
                    if (polarity(src, sl) or _NONE).count == (polarity(mt, tl) or _NONE).count}
            kept = {i: base[i] for i in same if i in base}
            rows = [r for r in rows if r[0] not in kept]
        t0 = time.perf_counter()
        items, shared = run(pair, rows, opts, shared)
        dt = time.perf_counter() - t0
        print(f"### {pair}: {len(items)} lines checked in {dt:.0f} s ({len(items) / max(dt, 1e-9):.1f} lines/s)"
              + (f", {len(kept)} taken from {args.baseline}" if kept else "") + "\n")
        items = sorted(items + list(kept.values()), key=lambda it: it["i"])
        dump[pair] = items
        print("\n".join(report(pair, items)))
        print()
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
