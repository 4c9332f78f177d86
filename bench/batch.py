"""A batch of articles built from the WMT24 en-es news documents (every
system's output of every document, repeated to the size asked): ``mtcheck
check MANIFEST`` with --jobs 1 and --jobs 2, side by side in one run:
articles per second, peak memory (the largest process), and whether memory
grows with the number of articles; the SARIF must validate and the JUnit
parse.

    python bench/batch.py [--sizes 100,1000] [--jobs 1,2] [--models]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(corpus: Path, out: Path, n: int) -> Path:
    pairs = []
    for f in sorted(corpus.glob("*.json")):
        d = json.loads(f.read_text())
        src = "\n\n".join(d["src"]) if isinstance(d["src"], list) else d["src"]
        for system in sorted(d["systems"]):
            mt = d["systems"][system]
            pairs.append((f"{f.stem}.{system}", src, "\n\n".join(mt) if isinstance(mt, list) else mt))
    (out / "src").mkdir(parents=True, exist_ok=True)
    (out / "mt").mkdir(exist_ok=True)
    rows = []
    for k in range(n):
        name, src, mt = pairs[k % len(pairs)]
        art = f"{k:05d}-{name}"
        (out / "src" / f"{art}.txt").write_text(src)
        (out / "mt" / f"{art}.txt").write_text(mt)
        rows.append({"id": art, "source": f"src/{art}.txt", "translation": f"mt/{art}.txt",
                     "src_lang": "en", "tgt_lang": "es"})
    manifest = out / f"manifest-{n}.csv"
    with open(manifest, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return manifest


def run(manifest: Path, jobs: int, models: bool, out: Path) -> dict:
    cmd = [sys.executable, "-m", "mtcheck", "check", str(manifest), "--jobs", str(jobs), "-f", "json", "-f", "sarif",
           "-f", "junit", "--output-dir", str(out), *([] if models else ["--no-models"]), "--no-qe"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    p = subprocess.run(cmd, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest process so far
    if p.returncode not in (0, 1):
        raise SystemExit(p.stderr[-2000:])
    return {"wall": wall, "peak_mib": peak / 1024, "peak_grew": peak > before}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/wmt24-en-es-news"))
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--models", action="store_true", help="with the encoder and word alignment (no QE)")
    args = ap.parse_args()
    import jsonschema

    schema = json.loads((ROOT / "tests/data/sarif/sarif-schema-2.1.0.json").read_text())
    tmp = Path(tempfile.mkdtemp())
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{'models' if args.models else 'rules only'}; {os.cpu_count()} CPUs\n")
    print("| articles | --jobs | wall s | articles/s | peak RSS of one process (MiB) | SARIF valid | JUnit cases |")
    print("|---|---|---|---|---|---|---|")
    outputs = {}
    for n in sizes:
        manifest = build(Path(args.corpus), tmp / "in", n)
        for jobs in (int(x) for x in args.jobs.split(",")):
            # each run in a fresh interpreter: RUSAGE_CHILDREN's peak is the largest so far,
            # so measure it from a wrapper process of its own
            wrapper = subprocess.run([sys.executable, __file__, "--one", str(manifest), str(jobs),
                                      "1" if args.models else "0", str(tmp / f"out-{n}-{jobs}")],
                                     capture_output=True, text=True)
            if wrapper.returncode != 0:
                raise SystemExit(wrapper.stderr[-2000:])
            r = json.loads(wrapper.stdout)
            out = tmp / f"out-{n}-{jobs}"
            sarif = json.loads((out / "mtcheck.sarif").read_text())
            jsonschema.Draft4Validator(schema).validate(sarif)
            cases = len(ET.parse(out / "mtcheck.junit.xml").getroot().findall("./testsuite/testcase"))
            outputs.setdefault(n, []).append((out / "mtcheck.json").read_bytes())
            print(f"| {n} | {jobs} | {r['wall']:.1f} | {n / r['wall']:.1f} | {r['peak_mib']:.0f} | yes | {cases} |",
                  flush=True)
    for n, docs in outputs.items():
        print(f"\n{n} articles: JSON reports byte-identical across --jobs: {all(d == docs[0] for d in docs)}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        _, _, manifest, jobs, models, out = sys.argv
        print(json.dumps(run(Path(manifest), int(jobs), models == "1", Path(out))))
    else:
        main()
