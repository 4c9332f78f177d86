"""How often a finding lands where professionals marked an error: precision of
mtcheck's findings against the MQM error spans of WMT newstest2021 (shared
corpora ``wmt-mqm-spans-2021``: en-de, en-ru, zh-en, 13-17 systems).

    python bench/mqm_precision.py [--no-models] [--per-pair 400] [--half tune|confirm|all]
        [--pairs en-de,zh-en] [--with-refs] [--dump FINDINGS.jsonl]

A finding is **on an error** when its ``mt_span`` overlaps an MQM error span of
its segment (any severity, any rater: the raters' spans are merged). A finding
without a translation span (``names.missing``, ``omission.*``, a source-side
span only) is on an error when the segment has any MQM *major* error: a looser
criterion, reported in its own column. ``chance`` is what the same spans would
score if put anywhere in their segment at random (span findings: the share of
positions of a span of that length that overlap an error; segment findings:
the base rate of a major error), so precision reads against it.

Documents split into a tuning and a confirmation half by
``sha1(f"{pair}/{doc}") % 2`` (0 = tune). The human references (``ref.*``
"systems") are left out unless ``--with-refs``. ``--per-pair N`` segments per
pair and half, the first N by a hash of their key (deterministic). One
``Session`` per pair, in-process, QE off (it gives no findings at the default
settings). Tables in Markdown on stdout."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.decide import Policy  # noqa: E402
from mtcheck.pipeline import Options, Session, check_pairs  # noqa: E402
from mtcheck.readers.jsonl import PairItem  # noqa: E402
from mtcheck.types import Severity  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/wmt-mqm-spans-2021"
PAIRS = ("en-de", "en-ru", "zh-en")
HALVES = ("tune", "confirm")
BANDS = (("<0.5", 0.0, 0.5), ("0.5-0.75", 0.5, 0.75), (">=0.75", 0.75, 9.0))
SEVERITIES = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR)


@dataclass
class Seg:
    pair: str
    system: str
    doc: str
    seg: str
    src: str
    mt: str
    spans: list = field(default_factory=list)  # (start, end, "major"|"minor"), all raters
    raters: int = 0

    @property
    def key(self) -> str:
        return f"{self.pair}/{self.system}/{self.doc}/{self.seg}"

    @property
    def half(self) -> str:
        return half_of(self.pair, self.doc)

    def merged(self, major_only: bool = False) -> list[tuple[int, int]]:
        """The raters' spans merged into disjoint intervals (an empty span
        marks the one character at its start)."""
        iv = sorted((s, max(e, s + 1)) for s, e, sev in self.spans if not major_only or sev == "major")
        out: list[list[int]] = []
        for s, e in iv:
            if out and s <= out[-1][1]:
                out[-1][1] = max(out[-1][1], e)
            else:
                out.append([s, e])
        return [tuple(x) for x in out]

    @property
    def any_error(self) -> bool:
        return bool(self.spans)

    @property
    def any_major(self) -> bool:
        return any(sev == "major" for _, _, sev in self.spans)


def half_of(pair: str, doc: str) -> str:
    return HALVES[int(hashlib.sha1(f"{pair}/{doc}".encode()).hexdigest(), 16) % 2]


_RATER = re.compile(r"rater\d+$")


def _csv_wrapped(x: str) -> bool:
    return len(x) >= 2 and x[0] == x[-1] == '"' and '"' not in x[1:-1].replace('""', "")


def unescape(x: str) -> tuple[str, list[int], list[int]]:
    """A CSV-quoted field ("" for ", the whole in "...") -> (text, start map,
    end map): raw offset -> text offset for a span's start and for its
    (exclusive) end. The MQM offsets count the escaped characters."""
    text, owner = [], []  # owner[i]: the text character raw character i belongs to
    i = 1
    owner.append(0)  # the opening wrapper
    while i < len(x) - 1:
        owner.append(len(text))
        if x[i] == '"':  # a doubled mark: both halves are one "
            owner.append(len(text))
            i += 1
        text.append(x[i])
        i += 1
    owner.append(len(text))  # the closing wrapper
    n = len(text)
    starts = [min(o, n) for o in owner] + [n]
    ends = [0] + [min(o + 1, n) if 0 < k < len(x) - 1 else (0 if k == 0 else n) for k, o in enumerate(owner)]
    return "".join(text), starts, ends


def load(pair: str, with_refs: bool, notes: dict | None = None) -> list[Seg]:
    """The rated segments of one pair. Some lines of the files have a
    document id with spaces in it ("seattle times.253485", "jingji guancha
    bao-zh-01.10329") split over the columns that follow, the rater (and for
    three-word ids the segment number) lost: those get their document back,
    and the source text as the segment key where the number is gone. The
    en-ru file is CSV-quoted (every text with a " in it is wrapped in "...",
    its marks doubled), its offsets counting the escaped text: those texts
    are unescaped and their spans mapped onto them. Spans past the end of
    the text are cut at it."""
    notes = notes if notes is not None else {}
    segs: dict[tuple, Seg] = {}
    path = CORPUS / f"2021_{pair}_processed.tsv"
    rows = []
    with path.open(encoding="utf-8", newline="\n") as fh:
        for line in fh:
            r = line.rstrip("\n").split("\t")
            if len(r) == 9 and r[6] != "start_ids":
                rows.append(r)
    quoted = [x for r in rows for x in (r[4], r[5]) if '"' in x]
    escaped = bool(quoted) and all(_csv_wrapped(x) for x in quoted)
    notes[f"{pair}: CSV-escaped texts unescaped"] = sum(_csv_wrapped(r[5]) for r in rows) if escaped else 0
    past_end = 0
    for r in rows:
        system, a, b, c, src, mt, starts, ends, sevs = r
        smap = emap = None
        if escaped and _csv_wrapped(src):
            src = unescape(src)[0]
        if escaped and _csv_wrapped(mt):
            mt, smap, emap = unescape(mt)
        if system.startswith("ref.") and not with_refs:
            continue
        if _RATER.match(c):
            doc, seg = a, b
        elif c.isdigit():
            doc, seg = f"{a} {b}", c
        else:
            doc, seg = f"{a} {b} {c}", "src:" + hashlib.sha1(src.encode()).hexdigest()[:10]
        k = (system, doc, seg)
        s = segs.get(k)
        if s is None:
            s = segs[k] = Seg(pair, system, doc, seg, src, mt)
        elif s.mt != mt:
            continue  # never seen in these files; a rating of another text does not count
        s.raters += 1
        if starts.strip() != "-1":
            for st, en, sv in zip(starts.split(), ends.split(), sevs.split()):
                st, en = int(st), int(en)
                raw_len = len(smap) - 1 if smap else len(mt)
                if en > raw_len or st > raw_len:
                    past_end += 1
                    st, en = min(st, raw_len), min(en, raw_len)
                if smap:
                    st, en = smap[st], emap[en]
                span = (st, max(en, st), sv)
                if span not in s.spans:
                    s.spans.append(span)
    notes[f"{pair}: MQM spans past the end of their text (cut)"] = past_end
    return list(segs.values())


def sample(segs: list[Seg], n: int) -> list[Seg]:
    return sorted(segs, key=lambda s: hashlib.sha1(s.key.encode()).hexdigest())[:n]


def _overlaps(a: int, b: int, intervals) -> bool:
    return any(s < b and a < e for s, e in intervals)


def chance_overlap(length: int, text_len: int, intervals) -> float:
    """The share of positions of a span of this length in the text that
    overlap one of the intervals."""
    length = max(1, min(length, text_len or 1))
    positions = range(0, max(text_len - length, 0) + 1)
    return sum(_overlaps(p, p + length, intervals) for p in positions) / len(positions)


def judge(seg: Seg, f) -> dict:
    rec = {
        "pair": seg.pair, "half": seg.half, "key": seg.key, "rule": f.rule, "severity": f.severity.label,
        "confidence": round(f.confidence, 3), "evidence": f.evidence, "message": f.message,
        "mt_span": list(f.mt_span) if f.mt_span else None, "src_span": list(f.src_span) if f.src_span else None,
        "mt_text": seg.mt[f.mt_span[0]:f.mt_span[1]] if f.mt_span else None,
        "src_text": seg.src[f.src_span[0]:f.src_span[1]] if f.src_span else None,
    }
    if f.mt_span:
        a, b = f.mt_span
        b = max(b, a + 1)
        rec["criterion"] = "span"
        rec["on_error"] = _overlaps(a, b, seg.merged())
        rec["on_major"] = _overlaps(a, b, seg.merged(major_only=True))
        rec["chance"] = chance_overlap(b - a, len(seg.mt), seg.merged())
    else:
        rec["criterion"] = "segment"
        rec["on_error"] = rec["on_major"] = seg.any_major
        rec["chance"] = None  # filled in with the base rate of its pair and half
    rec["seg_error"] = seg.any_error
    return rec


def run(pairs, per_pair: int, halves, use_models: bool, with_refs: bool, notes: dict, calibrate: bool = True):
    """(segments checked, finding records, seconds per pair)."""
    all_segs, records, seconds = [], [], {}
    for pair in pairs:
        segs = load(pair, with_refs, notes)
        chosen = [s for h in halves for s in sample([s for s in segs if s.half == h], per_pair)]
        sl, tl = pair.split("-")
        t0 = time.perf_counter()
        session = Session(Options(src_lang=sl, tgt_lang=tl, use_models=use_models, qe=False,
                                  policy=Policy(calibrate=calibrate)))
        results = check_pairs(session, [PairItem(str(i), s.src, s.mt) for i, s in enumerate(chosen)])
        seconds[pair] = time.perf_counter() - t0
        print(f"{pair}: {len(chosen)} segments in {seconds[pair]:.0f} s", file=sys.stderr)
        for s, r in zip(chosen, results):
            records.extend(judge(s, f) for f in r.findings)
        all_segs.extend(chosen)
    base_major, base_any = {}, {}
    for pair in pairs:
        for h in halves:
            ss = [s for s in all_segs if s.pair == pair and s.half == h] or [None]
            base_major[(pair, h)] = sum(bool(s and s.any_major) for s in ss) / len(ss)
            base_any[(pair, h)] = sum(bool(s and s.any_error) for s in ss) / len(ss)
    for rec in records:
        if rec["chance"] is None:
            rec["chance"] = base_major[(rec["pair"], rec["half"])]
        rec["base_error"] = base_any[(rec["pair"], rec["half"])]
    return all_segs, records, seconds


# -- tables -------------------------------------------------------------------

def _p(recs, key="on_error") -> str:
    if not recs:
        return "-"
    k = sum(r[key] for r in recs)
    return f"{k / len(recs):.2f} ({k}/{len(recs)})"


def _mean(xs) -> str:
    xs = list(xs)
    return f"{sum(xs) / len(xs):.2f}" if xs else "-"


def _band(conf: float) -> str:
    return next(name for name, lo, hi in BANDS if lo <= conf < hi)


def base_table(segs, pairs):
    print("| pair | segments | systems | docs | any MQM error | any major error | share of MT characters under an error span | segments with one span over >= 90% of the MT |")
    print("|---|---|---|---|---|---|---|---|")
    for pair in list(pairs) + ["all"]:
        ss = [s for s in segs if pair in ("all", s.pair)]
        if not ss:
            continue
        chars = sum(len(s.mt) for s in ss) or 1
        covered = sum(sum(min(e, len(s.mt)) - s_ for s_, e in s.merged() if s_ < len(s.mt)) for s in ss)
        wide = sum(any((min(e, len(s.mt)) - st) >= 0.9 * len(s.mt) for st, e in s.merged()) for s in ss if s.mt)
        print(f"| {pair} | {len(ss)} | {len({s.system for s in ss})} | {len({(s.pair, s.doc) for s in ss})} "
              f"| {sum(s.any_error for s in ss) / len(ss):.3f} | {sum(s.any_major for s in ss) / len(ss):.3f} "
              f"| {covered / chars:.3f} | {wide / len(ss):.3f} |")


def severity_table(recs, pairs):
    cols = list(pairs) + ["all"]
    print("| severity | " + " | ".join(cols) + " | chance (all) |")
    print("|---|" + "---|" * (len(cols) + 1))
    for sev in SEVERITIES:
        rs = [r for r in recs if r["severity"] == sev.label]
        cells = [_p([r for r in rs if c in ("all", r["pair"])]) for c in cols]
        print(f"| {sev.label} | " + " | ".join(cells) + f" | {_mean(r['chance'] for r in rs)} |")
    rs = [r for r in recs if r["severity"] != "info"]
    cells = [_p([r for r in rs if c in ("all", r["pair"])]) for c in cols]
    print("| minor or above | " + " | ".join(cells) + f" | {_mean(r['chance'] for r in rs)} |")
    rs = [r for r in recs if r["severity"] == "info"]
    cells = [_p([r for r in rs if c in ("all", r["pair"])]) for c in cols]
    print("| info | " + " | ".join(cells) + f" | {_mean(r['chance'] for r in rs)} |")


def rule_table(recs):
    rules = sorted({r["rule"] for r in recs}, key=lambda x: (-sum(r["rule"] == x for r in recs), x))
    print("| rule | on error when | findings >= minor | precision | on a major error | chance | its segment has an error "
          "| base rate | " + " | ".join(f"conf {b[0]}" for b in BANDS) + " | info findings: precision |")
    print("|---|---|---|---|---|---|---|---|" + "---|" * len(BANDS) + "---|")
    for rule in rules:
        rs = [r for r in recs if r["rule"] == rule]
        flagged = [r for r in rs if r["severity"] != "info"]
        crit = "span overlaps" if all(r["criterion"] == "span" for r in rs) else (
            "major in segment" if all(r["criterion"] == "segment" for r in rs) else "mixed")
        bands = [_p([r for r in rs if _band(r["confidence"]) == b[0]]) for b in BANDS]
        print(f"| {rule} | {crit} | {len(flagged)} | {_p(flagged)} | {_p(flagged, 'on_major')} "
              f"| {_mean(r['chance'] for r in flagged)} | {_p(flagged, 'seg_error')} "
              f"| {_mean(r['base_error'] for r in flagged)} | " + " | ".join(bands)
              + f" | {_p([r for r in rs if r['severity'] == 'info'])} |")


def calibration_table(recs):
    print("| confidence band | findings | mean confidence | observed precision | chance | span findings: precision | segment findings: precision |")
    print("|---|---|---|---|---|---|---|")
    for name, lo, hi in BANDS:
        rs = [r for r in recs if lo <= r["confidence"] < hi]
        print(f"| {name} | {len(rs)} | {_mean(r['confidence'] for r in rs)} | {_p(rs)} | {_mean(r['chance'] for r in rs)} "
              f"| {_p([r for r in rs if r['criterion'] == 'span'])} | {_p([r for r in rs if r['criterion'] == 'segment'])} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--per-pair", type=int, default=400, help="segments per pair and half")
    ap.add_argument("--half", choices=("tune", "confirm", "all"), default="all")
    ap.add_argument("--pairs", default=",".join(PAIRS))
    ap.add_argument("--with-refs", action="store_true", help="also the human references (ref.* systems)")
    ap.add_argument("--dump", help="write every finding, with its text and the segment's MQM spans, as JSONL")
    ap.add_argument("--uncalibrated", action="store_true",
                    help="the checks' own confidences (what bench/calibrate_findings.py fits)")
    args = ap.parse_args()
    pairs = [p for p in args.pairs.split(",") if p]
    halves = HALVES if args.half == "all" else (args.half,)
    t0 = time.perf_counter()
    notes: dict = {}
    segs, recs, seconds = run(pairs, args.per_pair, halves, not args.no_models, args.with_refs, notes,
                              calibrate=not args.uncalibrated)
    total = time.perf_counter() - t0
    mode = "rules only (--no-models)" if args.no_models else "models (encoder, word alignment, NER; QE off)"
    print(f"mode: {mode}; {len(segs)} segments, {len(recs)} findings; "
          + ", ".join(f"{p} {s:.0f} s" for p, s in seconds.items()) + f"; total {total:.0f} s")
    print()
    print("On an error: the finding's translation span overlaps an MQM error span (raters merged); a finding with "
          "no translation span: the segment has an MQM major error (looser). Chance: the same span put at random "
          "in its segment (segment findings: the base rate of a major error).")
    print("Its segment has an error: the share of the rule's findings in a segment with any MQM error; base rate: "
          "the same share over all checked segments of the pair and half. A finding spanning the whole segment "
          "(adequacy.low_similarity, names.translated) is on an error exactly when its segment has one.")
    print("Data: " + "; ".join(f"{k}: {v}" for k, v in notes.items() if v) + ".")
    for h in halves:
        hs = [s for s in segs if s.half == h]
        hr = [r for r in recs if r["half"] == h]
        print(f"\n### {h} half\n")
        print("Base rates\n")
        base_table(hs, pairs)
        print("\nPrecision by severity (per pair)\n")
        severity_table(hr, pairs)
        print("\nPer rule (precision over findings of severity minor or above; confidence bands over all its findings, info included)\n")
        rule_table(hr)
        print("\nCalibration (all findings, info included)\n")
        calibration_table(hr)
    if args.dump:
        by_key = {s.key: s for s in segs}
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in recs:
                s = by_key[r["key"]]
                fh.write(json.dumps({**r, "src": s.src, "mt": s.mt,
                                     "mqm": [[a, b, sev, s.mt[a:b]] for a, b, sev in s.spans]},
                                    ensure_ascii=False) + "\n")
        print(f"\nwrote {len(recs)} findings to {args.dump}", file=sys.stderr)


if __name__ == "__main__":
    main()
