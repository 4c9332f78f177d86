"""Fit each bilingual rule's confidence curve on real MT with professional
error marks, and show how it holds on documents it was not fitted on.

Input: the findings of ``bench/mqm_precision.py --uncalibrated --dump D.jsonl``
(WMT 2021 MQM, en-de, en-ru, zh-en; each finding judged on an error or not,
documents split into a tuning and a confirmation half). A curve is fitted per
rule on the tuning half (``mtcheck.calibration.fit``: the share on an error at
each confidence, drawn toward the confidence by a few pseudo-observations,
made monotone) for the rules that compare a translation with its source and
have enough findings there; ``--write`` stores them in
``mtcheck/calibration.json``. Both halves are then scored with the checks'
own confidences and with the curves: Brier score, expected calibration
error, and the precision of the findings that stay flags (>= 0.5).

    python bench/mqm_precision.py --uncalibrated --dump /tmp/mqm_raw.jsonl
    python bench/calibrate_findings.py /tmp/mqm_raw.jsonl [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.calibration import calibrated, fit  # noqa: E402
from mtcheck.scripts import relation  # noqa: E402
from mtcheck.decide import Policy, severity  # noqa: E402
from mtcheck.types import Finding, Severity  # noqa: E402

# Rules that judge a translation against its source: what MQM raters mark.
# Not fitted here: the typography rules (quotes.spacing, .unclosed, ...), which
# look at the translation alone and whose marks MQM raters annotate unevenly,
# and adequacy.low_similarity, whose threshold is set on critical-error data
# (bench/calibrate_adequacy.py) and whose whole-segment span is "on an error"
# whenever the segment has one.
# Nor the rules whose findings mostly have no translation span (names.missing,
# numbers.missing, omission.sentence): "on an error" is then only "its segment
# has a major error", which says how bad the segment is, not whether the
# finding is right (numbers.missing: 0.53 in the tuning half, 0.29 in the other).
BILINGUAL = ("names.added", "names.replaced", "names.translated", "names.altered",
             "adequacy.negation", "numbers.changed", "numbers.added",
             "quotes.unfaithful", "quotes.added", "quotes.missing", "quotes.speaker", "addition.sentence")
MIN_FINDINGS = 10  # in the tuning half; fewer say too little to fit, even drawn toward the rule's own confidence
OUT = Path(__file__).resolve().parents[1] / "mtcheck" / "calibration.json"


def load(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(recs: list[dict], key) -> dict:
    """Brier score, expected calibration error (bands of 0.25), flags (>= 0.5) and their precision."""
    if not recs:
        return {"n": 0}
    ps = [key(r) for r in recs]
    ys = [int(r["on_error"]) for r in recs]
    brier = sum((p - y) ** 2 for p, y in zip(ps, ys)) / len(ps)
    bands = defaultdict(list)
    for p, y in zip(ps, ys):
        bands[min(int(p * 4), 3)].append((p, y))
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bands.values()) / len(ps)
    flags = [y for p, y in zip(ps, ys) if p >= 0.5]
    return {"n": len(ps), "brier": brier, "ece": ece, "flags": len(flags), "flag_hits": sum(flags)}


def _decided(r: dict, table, own: bool, policy) -> Severity:
    conf = r["confidence"] if own else calibrated(r["rule"], r["confidence"], table, r["where"], r.get("evidence") or "")
    return severity(Finding(r["rule"], "", confidence=conf), policy)


def _fmt(s: dict) -> str:
    if not s.get("n"):
        return "- | - | -"
    prec = f"{s['flag_hits'] / s['flags']:.2f} ({s['flag_hits']}/{s['flags']})" if s["flags"] else "- (0)"
    return f"{s['brier']:.3f} | {s['ece']:.3f} | {prec}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", help="bench/mqm_precision.py --uncalibrated --dump output")
    ap.add_argument("--write", action="store_true", help=f"write the curves to {OUT.relative_to(OUT.parents[1])}")
    ap.add_argument("--prior", type=float, default=4.0)
    args = ap.parse_args()
    everything = load(args.dump)
    for r in everything:
        r["where"] = relation(r["src"], r["mt"])
    recs = [r for r in everything if r["rule"] in BILINGUAL]
    by = defaultdict(lambda: defaultdict(list))
    for r in recs:
        # one curve per rule and script relation: names compared across scripts are right less often
        # and per kind of evidence, where a rule's findings name one
        ev = r.get("evidence") or ""
        by[r["half"]][f"{r['rule']}{'/' + ev if ev else ''}@{r['where']}"].append(r)
    policy = Policy()
    table = {}
    for rule, rs in sorted(by["tune"].items()):
        if len(rs) >= MIN_FINDINGS:
            table[rule] = fit([(r["confidence"], r["on_error"]) for r in rs], args.prior)
    print("Curves fitted on the tuning half (confidence -> probability on an error):\n")
    print("| rule @ scripts | tuning findings | on an error | curve |")
    print("|---|---|---|---|")
    for rule, rs in sorted(by["tune"].items(), key=lambda kv: -len(kv[1])):
        hits = sum(r["on_error"] for r in rs)
        curve = ", ".join(f"{x:.2f} -> {y:.2f}" for x, y in table[rule]) if rule in table else "not fitted (too few)"
        print(f"| {rule} | {len(rs)} | {hits / len(rs):.2f} ({hits}/{len(rs)}) | {curve} |")
    for half in ("tune", "confirm"):
        print(f"\n{half} half: own confidence against the curves (Brier, ECE, flags >= 0.5: precision)\n")
        print("| rule @ scripts | findings | own: Brier | ECE | flags | calibrated: Brier | ECE | flags |")
        print("|---|---|---|---|---|---|---|---|")
        rows = sorted(by[half].items(), key=lambda kv: -len(kv[1]))
        for rule, rs in rows + [("all", [r for _, rs in rows for r in rs])]:
            raw = scores(rs, lambda r: r["confidence"])
            cal = scores(rs, lambda r: calibrated(r["rule"], r["confidence"], table, r["where"], r.get("evidence") or ""))
            print(f"| {rule} | {len(rs)} | {_fmt(raw)} | {_fmt(cal)} |")
    print("\nEvery finding of every rule, by decided severity: the share on a rater's error span\n")
    print("| half | minor or above: own | calibrated | major or above: own | calibrated |")
    print("|---|---|---|---|---|")
    for half in ("tune", "confirm"):
        cells = []
        for floor in (Severity.MINOR, Severity.MAJOR):
            for own in (True, False):
                hits = [r["on_error"] for r in everything if r["half"] == half
                        and _decided(r, table, own, policy) >= floor]
                cells.append(f"{sum(hits) / len(hits):.2f} ({sum(hits)}/{len(hits)})" if hits else "-")
        print(f"| {half} | " + " | ".join(cells) + " |")
    if args.write:
        data = {"fitted_on": "WMT 2021 MQM error spans (en-de, en-ru, zh-en), tuning half of the documents; "
                              "bench/calibrate_findings.py",
                "prior": args.prior,
                "rules": {key: {"knots": [list(k) for k in curve], "findings": len(by["tune"][key])}
                          for key, curve in table.items()}}
        OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {OUT}")


if __name__ == "__main__":
    main()
