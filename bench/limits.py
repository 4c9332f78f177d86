"""Hostile sizes: time and peak memory of ``mtcheck check --no-models`` and
``mtcheck lint`` on a 10 MB article and on a 300,000-word single line, with
and without one mojibake character in them, each in its own process (peak
RSS from wait4). A case that runs past --timeout is killed and says so.

    python bench/limits.py [--timeout 300] [--scale 1.0] [--only NAME]

--scale shrinks every input (0.1: a tenth) to see how a step grows.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ES = ["El ministro {n} dijo que el Gobierno invertirá {d} millones de euros en {p}.",
       "Según la agencia, {d} personas viven en {p} desde {y}.",
       "La reunión en {p} terminó tarde, y {n} no respondió a las preguntas.",
       "«No habrá más retrasos», afirmó {n} ante la prensa en {p}."]
_EN = ["Minister {n} said the government will invest {d} million euros in {p}.",
       "According to the agency, {d} people have lived in {p} since {y}.",
       "The meeting in {p} ended late, and {n} did not answer questions.",
       "“There will be no more delays,” {n} told the press in {p}."]
_NAMES = ["Ana Muñoz", "Pedro Sánchez", "Luis Blanco", "Carmen Vidal", "Jorge Ortega"]
_PLACES = ["Madrid", "Sevilla", "Bilbao", "Valencia", "Zaragoza"]


def _article(size: int, one_line: bool, seed: int = 1) -> tuple[str, str]:
    """A source and its translation of about ``size`` bytes each: paragraphs
    of four sentences, or everything on one line."""
    rnd = random.Random(seed)
    src, mt, n = [], [], 0
    while n < size:
        k = rnd.randrange(4)
        v = dict(n=rnd.choice(_NAMES), p=rnd.choice(_PLACES), d=rnd.randrange(2, 999), y=rnd.randrange(1950, 2024))
        s, t = _ES[k].format(**v), _EN[k].format(**v)
        src.append(s)
        mt.append(t)
        n += len(t.encode()) + 1
    if one_line:
        return " ".join(src), " ".join(mt)
    para = lambda xs: "\n\n".join(" ".join(xs[i : i + 4]) for i in range(0, len(xs), 4))  # noqa: E731
    return para(src), para(mt)


def _words(size_words: int) -> tuple[str, str]:
    """300,000 words on one line with no sentence end: a feed that lost its punctuation."""
    rnd = random.Random(2)
    es = "el gobierno dijo que la reunión en Madrid terminó tarde según fuentes oficiales".split()
    en = "the government said that the meeting in Madrid ended late according to official sources".split()
    return " ".join(rnd.choice(es) for _ in range(size_words)), " ".join(rnd.choice(en) for _ in range(size_words))


def _garble(text: str) -> str:
    """One character in the middle read as cp1252 upstream."""
    mid = len(text) // 2
    k = text.find(" ", mid)
    return text[:k] + " reuniÃ³n" + text[k:]


def run(cmd: list[str], timeout: float) -> tuple[int | str, float, float, str]:
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = t + timeout
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            p.kill()
            pid, status, ru = os.wait4(p.pid, 0)
            return "timeout", time.perf_counter() - t, ru.ru_maxrss / 1024, ""
        time.sleep(0.05)
    err = p.stderr.read().decode("utf-8", "replace").strip().splitlines()
    return os.waitstatus_to_exitcode(status), time.perf_counter() - t, ru.ru_maxrss / 1024, (err[-1] if err else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    mb = int(10_000_000 * args.scale)
    cases = {
        "article 10 MB": _article(mb, one_line=False),
        "article 10 MB, one line": _article(mb, one_line=True),
        "300,000 words, one line": _words(int(300_000 * args.scale)),
    }
    py = sys.executable
    with tempfile.TemporaryDirectory() as d:
        print("| input | mojibake | command | exit | seconds | peak RSS (MB) | last line on stderr |")
        print("|---|---|---|---|---|---|---|")
        for name, (src, mt) in cases.items():
            for garbled in (False, True):
                if args.only and args.only not in name:
                    continue
                s, t = Path(d, "src.txt"), Path(d, "mt.txt")
                s.write_text(src, encoding="utf-8")
                t.write_text(_garble(mt) if garbled else mt, encoding="utf-8")
                size = t.stat().st_size / 1e6
                for label, cmd in (
                    ("check", [py, "-m", "mtcheck", "check", str(s), str(t), "--src-lang", "es", "--tgt-lang", "en",
                               "--no-models", "-f", "json", "-o", str(Path(d, "out.json"))]),
                    ("lint", [py, "-m", "mtcheck", "lint", str(t), "--lang", "en", "--no-models", "-f", "json",
                              "-o", str(Path(d, "out.json"))]),
                ):
                    rc, secs, rss, last = run(cmd, args.timeout)
                    print(f"| {name} ({size:.1f} MB) | {'yes' if garbled else 'no'} | {label} | {rc} | {secs:.1f} "
                          f"| {rss:.0f} | {last[:120]} |", flush=True)


if __name__ == "__main__":
    main()
