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
E. WMT24 en-es, source against translation: the bilingual checks on the
   human reference and every system.
F. The bilingual checks on clean professional translations (the WMT24
   references of every pair, ``bench/articles.py``'s halves): the share of
   aligned sentences with a quotation that they flag. ``--clean tune`` runs
   only this part.
G. Errors put into quotations of those references (marks of a statement
   removed, a digit changed inside a quotation, the name beside one
   replaced): the share caught. ``--damaged tune`` runs only this part.

A to D go through ``mtcheck lint DIR --format json`` (one process per batch);
E and F call the pipeline in this process."""

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
    speaker on every WMT24 output, counted per source paragraph with a
    quotation; a paragraph counts when a finding there is minor or worse
    (an ``info`` note is no flag)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from mtcheck.pipeline import Options, Session, check_article
    from mtcheck.types import Severity
    from wmt24_speed import article  # paragraphs -> Article, as the speed benchmark builds them

    docs = [json.loads(f.read_text(encoding="utf-8")) for f in sorted((shared / "corpora/wmt24-en-es-news").glob("*.json"))]
    systems = ["ref"] + sorted({k for d in docs for k in d["systems"]})
    session = Session(Options(src_lang="en", tgt_lang="es", use_models=use_models, qe=False))
    mode = "models: encoder alignment and the quotation model score" if use_models else "rules only"
    print(f"### E. WMT24 en-es, source against translation ({mode})\n")
    print("| output | source paragraphs with a quotation | with a bilingual quotation finding (minor+) | rate | rules | info notes |")
    print("|---|---|---|---|---|---|")
    total = hit_total = 0
    for system in systems:
        n = hit = 0
        rules = Counter()
        notes = 0
        for d in docs:
            mt = d["ref"] if system == "ref" else d["systems"].get(system)
            if not mt or len(mt) != len(d["src"]):
                continue
            r = check_article(session, article("s", d["src"]), article("m", mt))
            quoted = [i for i, p in enumerate(d["src"]) if re.search("[\"“”]", p)]
            found = [f for f in r.findings if f.rule in BILINGUAL]
            notes += sum(f.severity < Severity.MINOR for f in found)
            paras = r.src.paragraphs
            flagged = set()
            for f in found:
                if f.severity < Severity.MINOR:
                    continue
                pos = f.src_span[0]
                flagged.add(next(i for i, (a, b) in enumerate(paras) if a <= pos <= b))
                rules[f"{f.rule} ({f.severity.label})"] += 1
            n += len(quoted)
            hit += len(flagged & set(quoted))
        total += n
        hit_total += hit
        label = "human reference" if system == "ref" else system
        print(f"| {label} | {n} | {hit} | {hit / max(n, 1):.3f} | "
              + ", ".join(f"{k} ×{v}" for k, v in rules.most_common()) + f" | {notes} |")
    print(f"| **all** | {total} | {hit_total} | {hit_total / max(total, 1):.3f} | | |\n")


BILINGUAL = ("quotes.missing", "quotes.added", "quotes.unfaithful", "quotes.speaker")


def clean_articles(half: str = "tune", use_models: bool = False, pairs: set[str] | None = None, dump: str | None = None):
    """F. The bilingual quotation checks on clean professional translations
    (the WMT24 references of bench/articles.py, one half): every finding of
    minor or worse there is a false alarm, or nearly. Counted per aligned
    sentence pair (alignment link) that holds a quotation mark on either side."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from articles import article, half_of, load_docs

    from mtcheck.pipeline import Options, Session, check_article
    from mtcheck.types import Severity

    marks = re.compile("[\"“”«»„「」『』]")
    docs = [d for d in load_docs(pairs) if half == "all" or half_of(f"{d[0]}/{d[1]}") == half]
    sessions: dict[str, Session] = {}
    shared = None
    rows = defaultdict(Counter)
    rules = Counter()
    out = []
    for pair, doc, src, ref in docs:
        sl, tl = pair.split("-")
        if pair not in sessions:
            s = Session(Options(src_lang=sl, tgt_lang=tl, use_models=use_models, qe=False))
            if shared is not None:  # one encoder for the whole run
                s._encoder, s._encoder_tried = shared._encoder, shared._encoder_tried
            sessions[pair] = shared = s
        r = check_article(sessions[pair], article(doc, src, sl), article(doc, ref, tl))
        found = [f for f in r.findings if f.rule in BILINGUAL]
        st = rows[pair]
        for link in r.alignment.links:
            ss = [r.src.segments[i] for i in link.src]
            ms = [r.mt.segments[j] for j in link.tgt]
            spans = {"src": (ss[0].start, ss[-1].end) if ss else None, "mt": (ms[0].start, ms[-1].end) if ms else None}
            if not any(marks.search(seg.text) for seg in ss + ms):
                continue
            st["links"] += 1
            here = [f for f in found if _in_link(f, spans)]
            flagged = [f for f in here if f.severity >= Severity.MINOR]
            st["flagged"] += bool(flagged)
            st["noted"] += bool(here) and not flagged
        for f in found:
            rules[(f.rule, f.severity.label)] += 1
            out.append({"pair": pair, "doc": doc, "rule": f.rule, "severity": f.severity.label,
                        "confidence": f.confidence, "message": f.message,
                        "src": r.src.text[f.src_span[0]:f.src_span[1]] if f.src_span else None,
                        "mt": r.mt.text[f.mt_span[0]:f.mt_span[1]] if f.mt_span else None})
    mode = "models, no QE" if use_models else "rules only"
    print(f"### F. Bilingual quotation checks on clean WMT24 references ({mode}; half: {half})\n")
    print("| pair | aligned sentences with a quotation mark | flagged (minor+) | share | info only |")
    print("|---|---|---|---|---|")
    total = Counter()
    for p in sorted(rows):
        total.update(rows[p])
        print(_clean_row(p, rows[p]))
    print(_clean_row("**all**", total))
    print("\nFindings by rule and severity: "
          + (", ".join(f"{r} ({s}) ×{n}" for (r, s), n in sorted(rules.items())) or "none") + "\n")
    if dump:
        Path(dump).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


def damaged_quotes(half: str = "tune", use_models: bool = False, seed: int = 13):
    """G. Real errors put into the clean references of F, one per copy, where
    the article has a place for it: a statement's quotation marks removed
    (``quotes.missing``), a digit changed inside a quotation
    (``quotes.unfaithful``), a person's surname in a sentence that quotes
    someone replaced by another article's person (``quotes.speaker``; not
    every such person is the speaker). Caught: a new finding of that rule,
    minor or worse, on the spot."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from articles import _par_offset, article, half_of, load_docs, person_spots

    from mtcheck.pipeline import Options, Session, check_article
    from mtcheck.quotes import kinds
    from mtcheck.quotes.parse import analyse
    from mtcheck.types import Severity

    docs = [d for d in load_docs(None) if half == "all" or half_of(f"{d[0]}/{d[1]}") == half]
    donors = defaultdict(list)
    spots = {}
    for pair, doc, src, ref in docs:
        sl, tl = pair.split("-")
        spots[(pair, doc)] = person_spots(src, ref, sl, tl)
        donors[pair] += [(doc, ref[i][a:b]) for i, (a, b), _ in spots[(pair, doc)]]
    sessions: dict[str, Session] = {}
    shared = None
    rows = defaultdict(Counter)
    for pair, doc, src, ref in docs:
        sl, tl = pair.split("-")
        if pair not in sessions:
            s = Session(Options(src_lang=sl, tgt_lang=tl, use_models=use_models, qe=False))
            if shared is not None:
                s._encoder, s._encoder_tried = shared._encoder, shared._encoder_tried
            sessions[pair] = shared = s
        session = sessions[pair]
        rng = random.Random(f"{seed}/{pair}/{doc}")
        quotes = []  # (paragraph, quotation, kind)
        for i, par in enumerate(ref):
            par = " ".join(par.split())
            a = analyse(par, [(0, len(par))], tl)
            if any(m.problem for m in a.marks):
                continue
            quotes += [(i, q, kinds.kind(par, *q.inner, tl)) for q in a.quotations if q.depth == 0]
        clean = None
        for rule, damage in (("quotes.missing", _drop_marks), ("quotes.unfaithful", _change_digit),
                             ("quotes.speaker", _swap_speaker)):
            got = damage(ref, quotes, rng, spots[(pair, doc)], [w for d, w in donors[pair] if d != doc], tl)
            if got is None:
                continue
            paras, i, spot = got
            if clean is None:
                clean = check_article(session, article(doc, src, sl), article(doc, ref, tl))
            res = check_article(session, article(doc, src, sl), article(doc, paras, tl))
            o = _par_offset(paras, i)
            spot = (o + spot[0], o + spot[1])
            before = {(f.rule, f.src_span) for f in clean.findings}
            hits = [f for f in res.findings if f.rule == rule and f.mt_span and f.mt_span[0] < spot[1]
                    and spot[0] < f.mt_span[1] and (f.rule, f.src_span) not in before]
            st = rows[rule]
            st["n"] += 1
            st["caught"] += any(f.severity >= Severity.MINOR for f in hits)
            st["noted"] += bool(hits) and not any(f.severity >= Severity.MINOR for f in hits)
            for f in hits:
                st[f.severity.label] += 1
    mode = "models, no QE" if use_models else "rules only"
    print(f"### G. Errors put into quotations of the clean references ({mode}; half: {half})\n")
    print("| error | copies | caught (minor+) | recall | an info note only | severities of the hits |")
    print("|---|---|---|---|---|---|")
    for rule in ("quotes.missing", "quotes.unfaithful", "quotes.speaker"):
        st = rows[rule]
        sev = ", ".join(f"{k} ×{st[k]}" for k in ("critical", "major", "minor", "info") if st[k])
        print(f"| {rule} | {st['n']} | {st['caught']} | {st['caught'] / max(st['n'], 1):.2f} | {st['noted']} | {sev} |")
    print()


def _drop_marks(ref, quotes, rng, spots, donors, lang):
    """A statement's opening and closing marks removed."""
    cands = [(i, q) for i, q, k in quotes if k == "statement"]
    if not cands:
        return None
    i, q = rng.choice(cands)
    par = " ".join(ref[i].split())
    new = par[: q.start] + par[q.start + 1 : q.end - 1] + par[q.end :]
    return ref[:i] + [new] + ref[i + 1 :], i, (q.start, q.end - 2)


def _change_digit(ref, quotes, rng, spots, donors, lang):
    """One digit of a number inside a quotation changed (17 -> 18)."""
    cands = []
    for i, q, k in quotes:
        par = " ".join(ref[i].split())
        cands += [(i, q, m.end() - 1) for m in re.finditer(r"\d+", par[slice(*q.inner)])]
    if not cands:
        return None
    i, q, k = rng.choice(cands)
    par = " ".join(ref[i].split())
    pos = q.inner[0] + k
    new = par[:pos] + str((int(par[pos]) + 1) % 10) + par[pos + 1 :]
    return ref[:i] + [new] + ref[i + 1 :], i, (q.start, q.end)


def _swap_speaker(ref, quotes, rng, spots, donors, lang):
    """A person's surname outside the quotations of a sentence that quotes
    someone, replaced by another article's person."""
    from mtcheck.segment import split_spans

    by_par = defaultdict(list)
    for i, q, k in quotes:
        if k != "term":
            by_par[i].append(q)
    cands = []
    for i, (a, b), _ in spots:
        par = ref[i]
        if i not in by_par or " ".join(par.split()) != par or any(q.start <= a < q.end for q in by_par[i]):
            continue
        sent = next(((x, y) for x, y in split_spans(par, lang) if x <= a < y), None)
        if sent and any(q.start < sent[1] and sent[0] < q.end for q in by_par[i]):
            cands.append((i, a, b))
    if not cands or not donors:
        return None
    i, a, b = rng.choice(cands)
    word = ref[i][a:b]
    others = [d for d in donors if d[:2].lower() != word[:2].lower()]
    if not others:
        return None
    new_word = rng.choice(others)
    new = ref[i][:a] + new_word + ref[i][b:]
    return ref[:i] + [new] + ref[i + 1 :], i, (a, a + len(new_word))


def _in_link(f, spans) -> bool:
    for side, span in (("mt", f.mt_span), ("src", f.src_span)):
        link = spans[side]
        if span and link and link[0] <= span[0] < link[1]:
            return True
    return False


def _clean_row(label, st) -> str:
    n = st["links"]
    return f"| {label} | {n} | {st['flagged']} | {st['flagged'] / max(n, 1):.3f} | {st['noted']} |"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--models", action="store_true", help="sections E and F with models (slower)")
    ap.add_argument("--clean", choices=("tune", "confirm", "all"), default=None,
                    help="only section F, on this half of the clean WMT24 references")
    ap.add_argument("--pairs", default=None, help="section F: comma-separated pairs, e.g. en-de,en-zh")
    ap.add_argument("--dump", default=None, help="section F: write its findings here (JSON)")
    ap.add_argument("--bilingual", action="store_true", help="only section E")
    ap.add_argument("--damaged", choices=("tune", "confirm", "all"), default=None,
                    help="only section G, on this half of the clean WMT24 references")
    args = ap.parse_args()
    shared = Path(args.shared)
    if args.bilingual:
        bilingual(shared, args.models)
        return
    if args.damaged:
        damaged_quotes(args.damaged, args.models)
        return
    if args.clean:
        clean_articles(args.clean, args.models, set(args.pairs.split(",")) if args.pairs else None, args.dump)
        return
    seed(shared)
    demetr(shared)
    paras = wmt24(shared)
    synthetic(paras)
    bilingual(shared, args.models)
    for half in ("tune", "confirm"):
        clean_articles(half, args.models)
        damaged_quotes(half, args.models)


if __name__ == "__main__":
    main()
