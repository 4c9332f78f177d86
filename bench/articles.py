"""Whole articles: do clean professional translations pass, and are errors
put into copies of them caught on their spot?

The clean articles are the WMT24 news references (``wmt24-en-es-news`` and
every pair of ``wmt24-news-refs``), checked against their sources paragraph
by paragraph as published. Each is copied once per kind of error, with one
error put in:

- ``name_cut``: a person's surname cut short (Blinken -> Blink);
- ``name_swap``: a surname replaced by another person's from another article
  of the same pair, the first name kept (Donald Trump -> Donald Harrington);
- ``sentence_drop``: a sentence of 40+ characters removed;
- ``quote_glued`` / ``quote_shifted``: a closing quotation mark glued to the
  next word, or moved before the space;
- ``number_digit``: one digit of a number changed (17 -> 18).

A clean article passes when its verdict is ``pass``. An injected name error,
sentence drop or number is caught by a major or critical finding on its spot
that the clean article does not have; a garbled mark by a minor or worse one.
Documents split into a tuning and a confirmation half by a hash of their id.

    python bench/articles.py [--no-models] [--no-qe] [--half tune|confirm|all]
        [--pairs en-de,en-zh] [--dump OUT.json]
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anyascii import anyascii  # noqa: E402

from mtcheck.pipeline import Options, Session, check_article  # noqa: E402
from mtcheck.readers.base import join_paragraphs  # noqa: E402
from mtcheck.segment import split_spans  # noqa: E402
from mtcheck.types import Article, Severity, Verdict  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "shared/corpora"
KINDS = ("name_cut", "name_swap", "sentence_drop", "quote_glued", "quote_shifted", "number_digit")
_CLOSERS = {"de": "“", "cs": "“", "ru": "»", "uk": "»", "is": "“", "es": "”»", "en": "”", "hi": "”\""}
_NO_SPACES = {"zh", "ja"}


def half_of(key: str) -> str:
    return "tune" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "confirm"


def load_docs(pairs: set[str] | None):
    docs = []
    for f in sorted((CORPORA / "wmt24-en-es-news").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        docs.append(("en-es", f.stem, d["src"], d["ref"]))
    for folder in sorted((CORPORA / "wmt24-news-refs").iterdir()):
        for f in sorted(folder.glob("*.json")):
            d = json.loads(f.read_text(encoding="utf-8"))
            docs.append((folder.name, f.stem, d["src"], d["ref"]))
    return [d for d in docs if pairs is None or d[0] in pairs]


def article(doc_id: str, paragraphs: list[str], lang: str) -> Article:
    text, spans = join_paragraphs(paragraphs)
    return Article(doc_id, text, lang=lang, paragraphs=spans)


# -- finding the people the injections work on ------------------------------

def _skeleton(s: str) -> str:
    s = anyascii(s).lower().replace("l", "r")
    s = re.sub(r"[^a-z]", "", s)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", s))


_PERSON = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*) ([A-Z][a-z]{3,})\b")


_NLP = {}


def _surnames(src_par: str, src_lang: str) -> list[str]:
    """Surnames of people in a source paragraph: the last word of a person
    of two or more words, by spaCy's English model for English sources, else
    the last word of a run of two or more capitalised words."""
    if src_lang == "en":
        if "en" not in _NLP:
            from mtcheck.names.taggers import spacy_model

            _NLP["en"] = spacy_model("en")
        return [e[-1].text for e in _NLP["en"](src_par).ents
                if e.label_ == "PERSON" and len(e) >= 2 and re.fullmatch(r"[A-Z][a-z]{3,}", e[-1].text)]
    return [m.group(2) for m in _PERSON.finditer(src_par)]


def locate_surname(surname: str, ref_par: str, tgt: str) -> tuple[int, int] | None:
    """Where the translation writes this surname: the same word (or an
    inflected form of it) in scripts with spaces, by sound in the others."""
    sk = _skeleton(surname)
    if len(sk) < 3:
        return None
    if tgt in _NO_SPACES:
        # runs of katakana or Han characters whose romanisation sounds alike
        for m in re.finditer(r"[\u30a0-\u30fa\u30fc-\u30ff]{2,}|[\u4e00-\u9fff]{2,}", ref_par):
            for a in range(m.start(), m.end()):
                for b in range(a + 2, min(m.end(), a + 6) + 1):
                    if _skeleton(ref_par[a:b]) == sk:
                        return a, b
        return None
    hits = []
    for m in re.finditer(r"\w+", ref_par):
        w = m.group()
        if w[:1].isupper() or not w[:1].isalpha() or tgt == "hi":
            wsk = _skeleton(w)
            if wsk == sk or (wsk.startswith(sk) and len(wsk) <= len(sk) + 1 and w[:1].isupper()):
                hits.append((m.start(), m.end()))
    return hits[0] if len(hits) == 1 else None


def person_spots(src: list[str], ref: list[str], src_lang: str, tgt: str):
    """(paragraph, span in the ref paragraph, surname) for each person found."""
    out = []
    for i, (s, r) in enumerate(zip(src, ref)):
        for sn in dict.fromkeys(_surnames(s, src_lang)):
            span = locate_surname(sn, r, tgt)
            if span:
                out.append((i, span, sn))
    return out


# -- injections ---------------------------------------------------------------

def _cut(word: str, tgt: str) -> str:
    if tgt in _NO_SPACES:
        return word[:-1]
    return word[:-2] if len(word) >= 6 else word[:-1]


def inject(kind: str, src: list[str], ref: list[str], sl: str, tgt: str, rng: random.Random, donors: list[str]):
    """A damaged copy of ref: (paragraphs, paragraph index, span of the spot
    inside that paragraph, description), or None where it does not apply."""
    ref = list(ref)
    if kind in ("name_cut", "name_swap"):
        spots = person_spots(src, ref, sl, tgt)
        if not spots:
            return None
        i, (a, b), sn = rng.choice(spots)
        word = ref[i][a:b]
        if kind == "name_cut":
            new = _cut(word, tgt)
        else:
            cands = [d for d in donors if _skeleton(d)[:2] != _skeleton(word)[:2]]
            if not cands:
                return None
            new = rng.choice(cands)
        ref[i] = ref[i][:a] + new + ref[i][b:]
        return ref, i, (a, a + len(new)), f"{word} -> {new}"
    if kind == "sentence_drop":
        cands = []
        for i, p in enumerate(ref):
            spans = split_spans(p, tgt)
            for k, (a, b) in enumerate(spans):
                if b - a >= 40 and (len(spans) > 1 or len(ref) > 2) and i > 0:
                    cands.append((i, a, b, len(spans)))
        if not cands:
            return None
        i, a, b, n = rng.choice(cands)
        p = ref[i]
        kept = (p[:a] + p[b:]).strip()
        dropped = p[a:b]
        if kept:
            ref[i] = " ".join(kept.split())
        else:
            del ref[i]
        # the spot is on the source side: the whole source paragraph
        return ref, i, None, f"dropped: {dropped[:60]}"
    if kind in ("quote_glued", "quote_shifted"):
        if tgt in _NO_SPACES:
            return None
        closers = _CLOSERS.get(tgt, "”")
        cands = [(i, m.start()) for i, p in enumerate(ref)
                 for m in re.finditer(rf"(?<=\w)[{re.escape(closers)}] (?=\w)", p)]
        if not cands:
            return None
        i, pos = rng.choice(cands)
        p = ref[i]
        mark = p[pos]
        if kind == "quote_glued":  # said” he -> said”he
            ref[i] = p[:pos + 1] + p[pos + 2:]
            spot = (pos, pos + 1)
        else:  # said” he -> said ”he
            ref[i] = p[:pos] + " " + mark + p[pos + 2:]
            spot = (pos + 1, pos + 2)
        return ref, i, spot, f"{p[max(0, pos - 12):pos + 12]!r}"
    if kind == "number_digit":
        cands = [(i, m.start(), m.end()) for i, p in enumerate(ref) for m in re.finditer(r"(?<![\w.,])\d{2,}(?![\w])", p)]
        if not cands:
            return None
        i, a, b = rng.choice(cands)
        num = ref[i][a:b]
        k = len(num) - 1
        digit = str((int(num[k]) + 1) % 10)
        new = num[:k] + digit
        ref[i] = ref[i][:a] + new + ref[i][b:]
        return ref, i, (a, b), f"{num} -> {new}"
    raise ValueError(kind)


def _par_offset(paragraphs: list[str], i: int) -> int:
    """Offset of paragraph i in the joined text (join_paragraphs puts a blank line between)."""
    return sum(len(" ".join(p.split())) + 2 for p in paragraphs[:i])


def _overlaps(span, spot) -> bool:
    return span is not None and span[0] < spot[1] and spot[0] < span[1]


def _spot_findings(result, side: str, spot, min_sev: Severity):
    out = []
    for f in result.findings:
        span = f.src_span if side == "src" else f.mt_span
        if f.severity >= min_sev and _overlaps(span, spot):
            out.append(f)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-models", action="store_true")
    ap.add_argument("--no-qe", action="store_true")
    ap.add_argument("--half", choices=("tune", "confirm", "all"), default="all")
    ap.add_argument("--pairs", default=None, help="comma-separated, e.g. en-de,en-zh")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--dump", default=None, help="write every article's findings here (JSON)")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    pairs = set(args.pairs.split(",")) if args.pairs else None
    kinds = [k for k in args.kinds.split(",") if k]
    every = load_docs(pairs)
    docs = [d for d in every if args.half == "all" or half_of(f"{d[0]}/{d[1]}") == args.half]
    sessions: dict[str, Session] = {}
    shared = None
    stats = collections.defaultdict(lambda: collections.Counter())
    clean_rules = collections.Counter()
    dump = []
    t0 = time.perf_counter()
    # donors for name swaps: surnames as the translations of the same pair write them, from
    # both halves, so that a half run alone puts in the same errors as the run of both
    donors_by_pair = collections.defaultdict(list)
    for pair, doc, src, ref in every:
        sl, tgt = pair.split("-")
        for i, span, _ in person_spots(src, ref, sl, tgt):
            donors_by_pair[pair].append((doc, ref[i][span[0]:span[1]]))
    for pair, doc, src, ref in docs:
        sl, tl = pair.split("-")
        if pair not in sessions:
            opts = Options(src_lang=sl, tgt_lang=tl, use_models=not args.no_models, qe=not args.no_qe)
            s = Session(opts)
            if shared is not None:  # one encoder and one set of loaded models for the whole run
                s._encoder, s._encoder_tried = shared._encoder, shared._encoder_tried
            sessions[pair] = shared = s
        session = sessions[pair]
        half = half_of(f"{pair}/{doc}")
        src_art = article(doc, src, sl)
        clean = check_article(session, src_art, article(doc, ref, tl))
        st = stats[(pair, half)]
        st["articles"] += 1
        st[clean.verdict.value] += 1
        for f in clean.findings:
            if f.severity >= Severity.MINOR:
                clean_rules[(f.rule, f.severity.label)] += 1
                st["clean_flags"] += 1
        dump.append({"pair": pair, "doc": doc, "half": half, "kind": "clean", "verdict": clean.verdict.value,
                     "risk": clean.risk, "findings": [dict(f.to_dict(), src_text=_text(clean.src, f.src_span),
                                                          mt_text=_text(clean.mt, f.mt_span))
                                                     for f in clean.findings]})
        rng = random.Random(f"{args.seed}/{pair}/{doc}")
        donors = [w for d, w in donors_by_pair[pair] if d != doc]
        for kind in kinds:
            got = inject(kind, src, ref, sl, tl, rng, donors)
            if got is None:
                continue
            paras, i, spot, desc = got
            res = check_article(session, src_art, article(doc, paras, tl))
            st[f"{kind}:n"] += 1
            if kind == "sentence_drop":
                o = _par_offset(src, i)
                side, spot_abs = "src", (o, o + len(" ".join(src[i].split())))
                min_sev = Severity.MAJOR
                clean_side = clean
            else:
                o = _par_offset(paras, i)
                side, spot_abs = "mt", (o + spot[0], o + spot[1])
                min_sev = Severity.MINOR if kind.startswith("quote") else Severity.MAJOR
                clean_side = clean
            hits = _spot_findings(res, side, spot_abs, min_sev)
            # what the clean article already had there does not count
            before = {(f.rule, _text(clean_side.src if side == "src" else clean_side.mt,
                                     f.src_span if side == "src" else f.mt_span)) for f in clean_side.findings}
            new = [f for f in hits if (f.rule, _text(res.src if side == "src" else res.mt,
                                                      f.src_span if side == "src" else f.mt_span)) not in before]
            if kind == "sentence_drop":  # the omission is the whole paragraph's; any new one counts
                new = [f for f in hits if f.category in ("omission", "adequacy")] or new
            caught = bool(new)
            st[f"{kind}:caught"] += caught
            dump.append({"pair": pair, "doc": doc, "half": half, "kind": kind, "desc": desc, "caught": caught,
                         "verdict": res.verdict.value, "hits": [f.rule for f in new],
                         # every finding on the spot, notes included: what a miss came closest to
                         "near": [dict(f.to_dict(), src_text=_text(res.src, f.src_span), mt_text=_text(res.mt, f.mt_span))
                                  for f in _spot_findings(res, side, spot_abs, Severity.INFO)]})
    elapsed = time.perf_counter() - t0
    _print(stats, kinds, clean_rules, elapsed, args)
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")


def _text(article, span):
    return article.text[span[0]:span[1]] if article is not None and span else None


def _print(stats, kinds, clean_rules, elapsed, args):
    mode = "rules only" if args.no_models else ("models, no QE" if args.no_qe else "models")
    print(f"{mode}; half: {args.half}; {elapsed:.0f} s\n")
    for half in ("tune", "confirm"):
        rows = {p: st for (p, h), st in stats.items() if h == half}
        if not rows:
            continue
        print(f"### {half} half\n")
        print("| " + " | ".join(["pair", "articles", "pass", "review", "block", *kinds]) + " |")
        print("|---|---|---|---|---|" + "---|" * len(kinds))
        total = collections.Counter()
        for p in sorted(rows):
            total.update(rows[p])
            print(_row(p, rows[p], kinds))
        print(_row("**all**", total, kinds))
        print()
    print("Clean-article findings of minor or worse, by rule:\n")
    for (rule, sev), n in clean_rules.most_common(25):
        print(f"- {rule} ({sev}): {n}")


def _row(label, st, kinds):
    n = st["articles"] or 1
    cells = [label, str(st["articles"]), f"{st['pass'] / n:.2f}", f"{st['review'] / n:.2f}", f"{st['block'] / n:.2f}"]
    for k in kinds:
        m = st[f"{k}:n"]
        cells.append(f"{st[f'{k}:caught'] / m:.2f} ({st[f'{k}:caught']}/{m})" if m else "-")
    return "| " + " | ".join(cells) + " |"


if __name__ == "__main__":
    main()
