"""Sentence segmentation: mtcheck's splitter against pysbd.

1. News cases that trip splitters (abbreviations, initials, decimals,
   quotations of several sentences): the gold list in this file, written with
   the splitter, so a check of coverage rather than an unbiased estimate.
2. Sentence-boundary precision/recall/F1 on Text+Berg (shared corpora): each
   file's one-sentence-per-line text joined into one string, split again.

    python bench/segmentation.py        (pysbd is optional: pip install pysbd)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.segment import split_spans  # noqa: E402

# (language, sentences): the text is the sentences joined by a space.
GOLD = [
    ("es", ["El Sr. García llegó a EE.UU. el martes.", "Luego se fue."]),
    ("es", ["La Dra. Pérez habló con la Sra. Ruiz.", "¿Vendrá?", "¡Sí!"]),
    ("es", ["Costó 3.5 millones aprox. en total.", "Fin."]),
    ("es", ["Dijo: «Vamos bien. Seguiremos».", "Luego se fue."]),
    ("es", ["El PIB creció un 2,5 % en el 3.er trimestre, según el INE.", "Es la cifra más alta."]),
    ("es", ["Lo anunció el Excmo. Sr. D. Pedro Sánchez.", "No hubo preguntas."]),
    ("es", ["Vive en la Avda. de América núm. 5.", "Es un piso."]),
    ("en", ["Dr. J. R. R. Tolkien wrote it.", "It sold well."]),
    ("en", ["It weighs approx. 3.2 kg.", "Prices rose 2.5% in Jan. last year."]),
    ("en", ["“Are you there?” he asked.", "Yes."]),
    ("en", ["He said: “We ask Russia to respect it. And to stop.”", "Then he left."]),
    ("en", ["The U.S. economy grew.", "Mr. Smith disagreed."]),
    ("en", ["Gov. Newsom spoke at 5 p.m. on Monday.", "He left."]),
    ("fr", ["M. Dupont est arrivé.", "« Nous sommes prêts. »", "Il a dit."]),
    ("fr", ["Mme Martin a vu le Dr Lévy.", "Elle va mieux."]),
    ("de", ["Er kam am 3. Oktober.", "Das ist z.B. gut.", "Danach ging er."]),
    ("de", ["„Die Lage ist ernst. Aber unter Kontrolle“, sagte er.", "Gut."]),
    ("de", ["Die Firma erzielte ca. 5 Mio. Euro Umsatz.", "Das war mehr als erwartet."]),
    ("pt", ["A Sra. Silva chegou.", "O Dr. Costa saiu."]),
    ("it", ["Il sig. Rossi è arrivato.", "Il dott. Bianchi no."]),
]


def run(split, name):
    ok = 0
    t = time.perf_counter()
    for lang, sents in GOLD:
        text = " ".join(sents)
        got = split(text, lang)
        ok += got == sents
    return ok, time.perf_counter() - t


def ours(text, lang):
    return [text[s:e] for s, e in split_spans(text, lang)]


def boundaries(sents):
    out, pos = set(), 0
    for s in sents[:-1]:
        pos += len(s) + 1
        out.add(pos)
    return out


def textberg(split, corpus: Path):
    tp = fp = fn = 0
    for f in sorted(corpus.glob("*.de")) + sorted(corpus.glob("*.fr")):
        lang = f.suffix[1:]
        lines = [l.strip() for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
        text = " ".join(lines)
        gold = boundaries(lines)
        got = split(text, lang)
        pred, pos = set(), 0
        for s in got[:-1]:
            pos = text.index(s, pos) + len(s)
            pred.add(pos + 1)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main():
    corpus = Path(__file__).resolve().parents[2] / "shared/corpora/textberg-align"
    splitters = [("mtcheck", ours)]
    try:
        import pysbd

        segs = {}

        def sbd(text, lang):
            code = lang if lang in ("en", "es", "fr", "de", "it", "ru", "pl", "nl", "da") else "en"
            if code not in segs:
                segs[code] = pysbd.Segmenter(language=code, clean=False)
            return [s.strip() for s in segs[code].segment(text) if s.strip()]

        splitters.append(("pysbd", sbd))
    except ImportError:
        print("(pysbd not installed: pip install pysbd to compare)\n")
    print("| splitter | news cases split exactly right | Text+Berg boundary P | R | F1 |")
    print("|---|---|---|---|---|")
    for name, fn in splitters:
        ok, _ = run(fn, name)
        cells = f"{ok}/{len(GOLD)}"
        if corpus.exists():
            p, r, f1 = textberg(fn, corpus)
            print(f"| {name} | {cells} | {p:.3f} | {r:.3f} | {f1:.3f} |")
        else:
            print(f"| {name} | {cells} | | | |")


if __name__ == "__main__":
    main()
