"""Quotation-mark checks: recall on damaged marks, false alarms on
well-formed text.

    python bench/quotes.py [--shared ../shared]

A. The seed article under ``mtcheck lint --lang en``: which paragraphs are flagged.
B. DEMETR items whose MT has quotation marks: tokenised (``" word "``) and
   punctuation-added perturbations, against the clean MT.
C. WMT24 en-es: the human Spanish references and 23 systems' outputs, where
   every flagged paragraph is a false alarm or a real error in that output.
D. Synthetic damage per convention: well-formed reference paragraphs (no
   finding in C) rewritten into each convention, then damaged one way at a
   time; recall per convention and damage, and false alarms on the undamaged
   rewrites.

Everything goes through ``mtcheck lint DIR --format json`` (one process per batch)."""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path


def lint_texts(texts: dict[str, str], lang: str, prefix: str = "quotes.") -> dict[str, list[str]]:
    """name -> list of rules found, via the CLI on a folder of files."""
    return {k: [f["rule"] for f in v] for k, v in lint_findings(texts, lang, prefix).items()}


def lint_findings(texts: dict[str, str], lang: str, prefix: str = "quotes.") -> dict[str, list[dict]]:
    """name -> findings (with spans and the paragraphs), via the CLI on a folder of files."""
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "in"
        d.mkdir()
        for name, text in texts.items():
            (d / f"{name}.txt").write_text(text, encoding="utf-8")
        out = Path(tmp) / "out.json"
        subprocess.run(
            [sys.executable, "-m", "mtcheck", "lint", str(d), "--lang", lang, "--no-models", "-f", "json", "-o", str(out)],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        doc = json.loads(out.read_text(encoding="utf-8"))
    out = {}
    for a in doc["articles"]:
        paras = a["paragraphs"]["mt"]
        found = []
        for f in a["findings"]:
            if f["rule"].startswith(prefix):
                s = f["mt_span"][0]
                f["paragraph"] = next(i for i, (x, y) in enumerate(paras) if x <= s <= y)
                found.append(f)
        out[a["id"]] = found
    return out


def seed(shared: Path):
    text = next((shared / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "seed.txt"
        p.write_text(text, encoding="utf-8")
        out = Path(tmp) / "o.json"
        subprocess.run([sys.executable, "-m", "mtcheck", "lint", str(p), "--lang", "en", "-f", "json", "-o", str(out)],
                       check=True, stderr=subprocess.DEVNULL)
        art = json.loads(out.read_text(encoding="utf-8"))["articles"][0]
    paras = art["paragraphs"]["mt"]
    flagged = defaultdict(list)
    for f in art["findings"]:
        if f["category"] == "quotes":
            s = f["mt_span"][0]
            k = next(i for i, (a, b) in enumerate(paras) if a <= s <= b)
            flagged[k].append(f["rule"])
    print("### A. Seed article, `mtcheck lint --lang en`\n")
    print("| paragraph | has quotation marks | flagged | rules |")
    print("|---|---|---|---|")
    for i, (a, b) in enumerate(paras):
        p = text[a:b]
        if not re.search("[\"“”]", p):
            continue
        rules = Counter(flagged.get(i, []))
        print(f"| {i + 1}: {p[:48].replace('|', '/')}… | yes | {'**yes**' if rules else 'no'} | "
              + ", ".join(f"{r} ×{n}" for r, n in sorted(rules.items())) + " |")
    print()


def demetr(shared: Path):
    print("### B. DEMETR, items whose MT has quotation marks (`--lang en`)\n")
    print("| perturbation | items | damaged flagged (recall) | clean MT flagged (false alarms) |")
    print("|---|---|---|---|")
    for name in ("minor_id30_tokenized", "minor_id29_punc_addition"):
        rows = [json.loads(l) for l in (shared / "corpora/demetr" / f"{name}.jsonl").read_text().splitlines() if l.strip()]
        rows = [r for r in rows if r["pert_check"] and re.search("[\"“”]", r["mt_sent"])]
        texts = {}
        for r in rows:
            texts[f"p{r['id']}"] = r["pert_sent"]
            texts[f"c{r['id']}"] = r["mt_sent"]
        found = lint_texts(texts, "en")
        # punctuation added elsewhere than at a quotation mark is not this check's to find
        touched = [r for r in rows if _quote_marks(r["pert_sent"]) != _quote_marks(r["mt_sent"])]
        rec = sum(bool(found[f"p{r['id']}"]) for r in touched)
        fa = sum(bool(found[f"c{r['id']}"]) for r in rows)
        print(f"| {name} | {len(rows)} ({len(touched)} with a quotation mark moved, added or spaced) | "
              f"{rec}/{len(touched)} = {rec / max(len(touched), 1):.3f} | {fa}/{len(rows)} = {fa / max(len(rows), 1):.3f} |")
    print()


def _quote_marks(s: str) -> list[tuple[str, str, str]]:
    """Each quotation mark with its neighbours: what the damage changes."""
    return [(s[max(i - 1, 0)], c, s[i + 1 : i + 2]) for i, c in enumerate(s) if c in "\"“”"]


def wmt24(shared: Path):
    docs = sorted((shared / "corpora/wmt24-en-es-news").glob("*.json"))
    outputs = defaultdict(dict)  # system -> name -> text
    for f in docs:
        d = json.loads(f.read_text(encoding="utf-8"))
        outputs["human reference"][f.stem] = "\n\n".join(d["ref"])
        for system, paras in d["systems"].items():
            outputs[system][f.stem] = "\n\n".join(paras)
    print("### C. WMT24 en-es news: Spanish outputs (`--lang es`)\n")
    print("| output | paragraphs with quotation marks | flagged | rate | flagged, mixed conventions aside | rate |")
    print("|---|---|---|---|---|---|")
    tot_q = tot_f = tot_g = 0
    rules = Counter()
    clean_ref_paras = []
    for system in ["human reference"] + sorted(s for s in outputs if s != "human reference"):
        # whole documents are linted (a quotation may run over paragraphs);
        # paragraphs with a quotation mark are counted
        found = lint_findings(outputs[system], "es")
        n_q = flagged = garbled = 0
        for doc, text in outputs[system].items():
            paras = text.split("\n\n")
            hit = {f["paragraph"] for f in found.get(doc, [])}
            hit_g = {f["paragraph"] for f in found.get(doc, []) if f["rule"] != "quotes.mixed"}
            for k, para in enumerate(paras):
                if re.search("[\"“”«»]", para):
                    n_q += 1
                    flagged += k in hit
                    garbled += k in hit_g
                    if system == "human reference" and k not in hit:
                        clean_ref_paras.append(para)
            rules.update(f["rule"] for f in found.get(doc, []))
        tot_q += n_q
        tot_f += flagged
        tot_g += garbled
        print(f"| {system} | {n_q} | {flagged} | {flagged / max(n_q, 1):.3f} | {garbled} | {garbled / max(n_q, 1):.3f} |")
    print(f"| **all** | {tot_q} | {tot_f} | {tot_f / max(tot_q, 1):.3f} | {tot_g} | {tot_g / max(tot_q, 1):.3f} |")
    print("\nRules that fired: " + ", ".join(f"{r} ×{n}" for r, n in rules.most_common()) + "\n")
    return clean_ref_paras


CONVENTIONS = {
    # name: (lang, outer open, outer close, inner open, inner close, space inside)
    "es «…»": ("es", "«", "»", "“", "”", ""),
    "es “…”": ("es", "“", "”", "‘", "’", ""),
    "en “…”": ("en", "“", "”", "‘", "’", ""),
    "en straight": ("en", '"', '"', "'", "'", ""),
    "fr « … »": ("fr", "«", "»", "“", "”", "\u202f"),
    "de „…“": ("de", "„", "“", "‚", "‘", ""),
    "pl „…”": ("pl", "„", "”", "«", "»", ""),
    "ru «…»": ("ru", "«", "»", "„", "“", ""),
    "ja 「…」": ("ja", "「", "」", "『", "』", ""),
}


def _rewrite(para: str, conv) -> tuple[str, list[tuple[int, int]]] | None:
    """The paragraph with its quotations in another convention, and the
    (open, close) offsets of its outer quotations."""
    lang, o, c, _, _, sp = conv
    spans = []
    out = []
    pos = 0
    for m in re.finditer(r"[\"“«]([^\"”»“«]{1,400})[\"”»]", para):
        out.append(para[pos : m.start()])
        start = sum(len(x) for x in out)
        inner = m.group(1).strip()
        piece = o + sp + inner + sp + c
        out.append(piece)
        spans.append((start, start + len(piece) - 1))
        pos = m.end()
    out.append(para[pos:])
    text = "".join(out)
    if not spans or re.search("[\"“”«»]", text.replace(o, "").replace(c, "")):
        return None
    return text, spans


def _damage(text: str, span: tuple[int, int], kind: str, conv) -> str | None:
    lang, o, c, _, _, sp = conv
    a, b = span  # offsets of the opening and the closing mark
    if kind == "direction":  # the closing mark drawn as an opening one
        return None if o == c else text[:b] + o + text[b + 1 :]
    if kind == "unclosed":
        return text[:b] + text[b + 1 :]
    if kind == "shifted":  # the closing mark moved past the next space: `, “said`
        m = re.match(r" (\w)", text[b + 1 :])
        if not m or lang in ("ja", "zh"):
            return None
        glyph = o if o != c else c
        return text[:b] + " " + glyph + text[b + 2 :]
    if kind == "spacing":  # a space on the wrong side of the opening mark
        if lang in ("ja", "zh"):
            return None
        if sp:  # French: the no-break space inside is missing
            return text[: a + 1] + text[a + 2 :]
        return text[: a + 1] + " " + text[a + 1 :]
    raise ValueError(kind)


def synthetic(paras: list[str]):
    print("### D. Synthetic damage per convention (well-formed reference paragraphs rewritten, then damaged)\n")
    kinds = ("direction", "shifted", "unclosed", "spacing")
    print("| convention | clean rewrites flagged | " + " | ".join(f"{k} recall" for k in kinds) + " |")
    print("|---|---|" + "---|" * len(kinds))
    rng = random.Random(13)
    totals = Counter()
    for name, conv in CONVENTIONS.items():
        clean, damaged = {}, defaultdict(dict)
        for n, para in enumerate(paras):
            r = _rewrite(para, conv)
            if r is None:
                continue
            text, spans = r
            clean[f"c{n}"] = text
            span = rng.choice(spans)
            for k in kinds:
                d = _damage(text, span, k, conv)
                if d is not None:
                    damaged[k][f"{k}{n}"] = d
        batch = dict(clean)
        for k in kinds:
            batch.update(damaged[k])
        found = lint_texts(batch, conv[0])
        fa = sum(bool(found[x]) for x in clean)
        cells = [f"{fa}/{len(clean)}"]
        totals["clean"] += len(clean)
        totals["fa"] += fa
        for k in kinds:
            hit = sum(bool(found[x]) for x in damaged[k])
            n = len(damaged[k])
            totals[f"{k}_n"] += n
            totals[f"{k}_hit"] += hit
            cells.append(f"{hit}/{n} = {hit / n:.3f}" if n else "n/a")
        print(f"| {name} | " + " | ".join(cells) + " |")
    all_n = sum(totals[f"{k}_n"] for k in kinds)
    all_hit = sum(totals[f"{k}_hit"] for k in kinds)
    print(f"| **all** | {totals['fa']}/{totals['clean']} = {totals['fa'] / max(totals['clean'], 1):.3f} | "
          + " | ".join(f"{totals[f'{k}_hit']}/{totals[f'{k}_n']}" for k in kinds) + " |")
    print(f"\nOverall recall on damaged marks: {all_hit}/{all_n} = {all_hit / max(all_n, 1):.3f}\n")


def bilingual(shared: Path, use_models: bool = False):
    """E. Source against translation: quotes.missing / added / unfaithful /
    speaker on every WMT24 output, counted per source paragraph with a quotation."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from mtcheck.pipeline import Options, Session, check_article
    from wmt24_speed import article  # paragraphs -> Article, as the speed benchmark builds them

    docs = [json.loads(f.read_text(encoding="utf-8")) for f in sorted((shared / "corpora/wmt24-en-es-news").glob("*.json"))]
    systems = ["ref"] + sorted({k for d in docs for k in d["systems"]})
    session = Session(Options(src_lang="en", tgt_lang="es", use_models=use_models))
    mode = "models: encoder alignment and the quotation model score" if use_models else "rules only"
    print(f"### E. WMT24 en-es, source against translation ({mode})\n")
    print("| output | source paragraphs with a quotation | with a bilingual quotation finding | rate | rules |")
    print("|---|---|---|---|---|")
    total = hit_total = 0
    for system in systems:
        n = hit = 0
        rules = Counter()
        for d in docs:
            mt = d["ref"] if system == "ref" else d["systems"].get(system)
            if not mt or len(mt) != len(d["src"]):
                continue
            r = check_article(session, article("s", d["src"]), article("m", mt))
            quoted = [i for i, p in enumerate(d["src"]) if re.search("[\"“”]", p)]
            found = [f for f in r.findings if f.rule in ("quotes.missing", "quotes.added", "quotes.unfaithful", "quotes.speaker")]
            paras = r.src.paragraphs
            flagged = set()
            for f in found:
                pos = f.src_span[0]
                flagged.add(next(i for i, (a, b) in enumerate(paras) if a <= pos <= b))
                rules[f.rule] += 1
            n += len(quoted)
            hit += len(flagged & set(quoted))
        total += n
        hit_total += hit
        label = "human reference" if system == "ref" else system
        print(f"| {label} | {n} | {hit} | {hit / max(n, 1):.3f} | " + ", ".join(f"{k} ×{v}" for k, v in rules.most_common()) + " |")
    print(f"| **all** | {total} | {hit_total} | {hit_total / max(total, 1):.3f} | |\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--models", action="store_true", help="section E with models (slower)")
    args = ap.parse_args()
    shared = Path(args.shared)
    seed(shared)
    demetr(shared)
    paras = wmt24(shared)
    synthetic(paras)
    bilingual(shared, args.models)


if __name__ == "__main__":
    main()
