"""Sentence segmentation with character offsets.

Rule based: a sentence ends at . ! ? … (with any closing quotes or brackets
after it) followed by space and something that can start a sentence. The
exceptions are what news text is full of: abbreviations per language
(EE.UU., Sr., Dr., approx., z.B.), initials (J. R. R. Tolkien), ordinals and
decimals (3.5, 1.º, "am 3. Oktober"), and quotations that run over several
sentences, whose closing mark stays with the sentence it closes.

bench/segmentation.py compares this with pysbd on the same cases.
"""

from __future__ import annotations

import re

from .types import Article, Segment, Span

_COMMON = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vs", "etc", "approx", "e.g", "i.e",
    "fig", "vol", "p", "pp", "ch", "ed", "eds", "gen", "gov", "sen", "rep", "rev", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "brig", "hon", "pres", "inc", "ltd", "co", "corp", "dept", "univ", "assn", "bros",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "a.m", "p.m", "ca", "cf", "al", "est", "min", "max", "tel", "ave", "blvd", "rd",
}
_ABBREV = {
    "en": set(),
    "es": {
        "sra", "srta", "dra", "lic", "ing", "arq", "av", "avda", "pág", "págs", "núm", "art", "arts", "aprox",
        "ee.uu", "uu", "ee", "ud", "uds", "vd", "vds", "cía", "dpto", "admón", "gral", "excmo", "excma",
        "ilmo", "ilma", "d", "dña", "da", "pza", "c", "s.a", "etc", "tel", "fdo", "ob", "cit", "op", "ss",
    },
    "pt": {"sra", "srta", "dra", "av", "pág", "núm", "art", "arts", "aprox", "eua", "eng", "exmo", "exma", "ltda", "cia", "v.exa"},
    "fr": {"m", "mm", "mme", "mmes", "mlle", "mlles", "me", "mgr", "pr", "dr", "av", "bd", "env", "cf", "art", "p.-s", "ps", "c.-à-d", "vol", "éd", "janv", "févr", "avr", "juil", "déc"},
    "de": {
        "z.b", "bzw", "ca", "usw", "vgl", "ggf", "u.a", "d.h", "inkl", "exkl", "evtl", "hrsg", "nr", "abs", "str",
        "tel", "dipl", "ing", "mio", "mrd", "bzgl", "sog", "u.s.w", "z.t", "o.ä", "u.ä", "v.a", "s", "jh", "jhd", "chr", "v.chr", "n.chr",
    },
    "it": {"sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof.ssa", "avv", "ing", "on", "pag", "art", "ecc", "ca", "cfr", "n", "gen", "arch"},
}
# Abbreviations that also end sentences ("from 6-8 p.m. The exhibition..."),
# unlike titles (Dr., Gen.), which always have a name after them; after one
# of these a capitalised word that only starts sentences (an article, a
# pronoun) starts the next sentence.
_TERMINAL = {"a.m", "p.m", "etc", "inc", "ltd", "co", "corp", "jr", "bros", "u.s", "u.k", "u.n", "ee.uu", "usw", "ecc",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_STARTERS = {
    "en": {"the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "there", "his",
           "her", "its", "their", "our", "but", "however", "meanwhile"},
    "es": {"el", "la", "los", "las", "un", "una", "él", "ella", "ellos", "este", "esta", "pero", "sin"},
    "pt": {"o", "a", "os", "as", "um", "uma", "ele", "ela", "eles", "este", "esta", "mas"},
    "fr": {"le", "la", "les", "un", "une", "il", "elle", "ils", "elles", "ce", "cette", "mais"},
    "de": {"der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "dieser", "diese", "aber"},
    "it": {"il", "lo", "la", "gli", "le", "un", "una", "lui", "lei", "questo", "questa", "ma"},
}
# Characters that may follow the final stop inside the same sentence.
_CLOSERS = "\"'”’»›」』）)]}"
_OPENERS = "\"'“‘„‚«‹「『（([{¿¡"
_END = re.compile(r"(\.{3}|…|[.!?]+)((?:[\u00a0\u202f ]?[" + re.escape(_CLOSERS) + r"])*)(\s+)")
# Opening mark -> marks that may close it, across the conventions news uses.
_PAIRS = {"“": "”“", "„": "“”", "«": "»", "»": "«", "‹": "›", "「": "」", "『": "』", '"': '"'}
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
_NO_SPACE_LANGS = {"zh", "ja"}
_CJK_END = re.compile(r"([。！？]+)([" + re.escape(_CLOSERS) + r"]*)")


def abbreviations(lang: str | None) -> set[str]:
    return _COMMON | _ABBREV.get((lang or "").lower(), set())


def _is_abbreviation(before: str, lang: str | None, abbrevs: set[str]) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lstrip("-")
    low = word.lower().rstrip(".")
    if low in abbrevs:
        return True
    if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word):  # a.m, EE.UU, U.S
        return True
    if re.fullmatch(r"[^\W\d_]", word) and word.isupper():  # an initial: J. Smith
        return True
    return False


def _ends_then_starts(before: str, after: str, lang: str | None) -> bool:
    """An abbreviation that may end a sentence, then a word that only starts one."""
    m = _WORD_BEFORE.search(before)
    nxt = re.match(r"[^\W\d_]+", after)
    if not m or not nxt or not nxt.group()[:1].isupper():
        return False
    starters = _STARTERS.get((lang or "").lower(), set())
    return m.group(1).lower().rstrip(".") in _TERMINAL and nxt.group().lower() in starters


def _starts_sentence(after: str) -> bool:
    """Can the text after the space start a sentence?"""
    if not after:
        return True
    ch = after[0]
    if ch in _OPENERS:
        rest = after[1:].lstrip()
        return not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPENERS
    return ch.isupper() or ch.isdigit() or ch in "-–—•*#" or not ch.isalpha() and not ch.isspace() and ch not in ",;:)]"


def _quoted_regions(text: str, start: int, end: int) -> list[Span]:
    """Spans of well-formed quotations in one paragraph; a quotation that
    does not close inside it protects nothing."""
    regions = []
    i = start
    while i < end:
        ch = text[i]
        closers = _PAIRS.get(ch)
        if closers:
            j = next((k for k in range(i + 1, end) if text[k] in closers), -1)
            if j > 0:
                regions.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return regions


def split_spans(text: str, lang: str | None = None, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    abbrevs = abbreviations(lang)
    cuts: list[int] = []
    if (lang or "").lower() in _NO_SPACE_LANGS:
        for m in _CJK_END.finditer(text, start, end):
            cuts.append(m.end())
    quoted = _quoted_regions(text, start, end)
    for m in _END.finditer(text, start, end):
        if any(qs < m.start(3) < qe - 1 for qs, qe in quoted):
            continue  # a quotation of several sentences stays one segment
        stop, closers = m.group(1), m.group(2)
        after = text[m.end() : min(end, m.end() + 40)]
        before = text[start : m.start()]
        if not _starts_sentence(after):
            continue
        if stop == "." and not closers:
            if _is_abbreviation(before, lang, abbrevs) and not _ends_then_starts(before, after, lang):
                continue
            if re.search(r"\b\d{1,2}$", before) and after[:1].isupper() and lang == "de":
                continue  # German ordinals: "am 3. Oktober"
        cuts.append(m.start(3))
    cuts = sorted(set(c for c in cuts if start < c < end))
    spans = []
    pos = start
    for c in cuts + [end]:
        seg = text[pos:c]
        stripped = seg.strip()
        if stripped:
            s = pos + (len(seg) - len(seg.lstrip()))
            spans.append((s, s + len(stripped)))
        pos = c
    return spans


def segment(article: Article, lang: str | None = None) -> Article:
    """The article with its sentences filled in, paragraph by paragraph."""
    from dataclasses import replace

    lang = lang or article.lang
    segs = []
    for p, (ps, pe) in enumerate(article.paragraphs):
        for s, e in split_spans(article.text, lang, ps, pe):
            segs.append(Segment(index=len(segs), start=s, end=e, paragraph=p, text=article.text[s:e]))
    return replace(article, segments=tuple(segs))


def presegmented(article: Article) -> Article:
    """One segment per non-empty line (``--presegmented``), each its own paragraph
    so that alignment is not constrained by blank lines it cannot see."""
    from dataclasses import replace

    lines = article.text.split("\n")
    if lines and not lines[-1].strip():
        lines.pop()  # the final newline ends the last line, it does not add one
    segs, pos = [], 0
    for line in lines:
        # every line is a segment, even a blank one, so indices are line numbers
        stripped = line.strip()
        s = pos + (len(line) - len(line.lstrip())) if stripped else pos
        segs.append(Segment(index=len(segs), start=s, end=s + len(stripped), paragraph=0, text=stripped))
        pos += len(line) + 1
    return replace(article, segments=tuple(segs), paragraphs=((0, len(article.text)),))
