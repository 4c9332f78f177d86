"""Who is quoted: the names beside a quotation, and whether a name of one
side is on the other in any form.

The quotation check compares speakers across a translation. A name is
looked for the way translators render names: the same word up to
inflection and spelling variants (Merkels, Lawrow), a known form of it in
another language (Kiev, Kyjev, Kænugarður), or its sound across scripts
(Spillane, Спиллейн, スピレーン; 约翰逊, Johnson). This module is built on the
public functions of ``mtcheck.names`` only; the names check keeps its own,
stricter classification."""

from __future__ import annotations

import re

from ..names.extract import common_word
from ..names.gazetteer import aliases
from ..names.hanzi import is_han, sounds_like
from ..names.name import Name
from ..names.normalize import distance, fold, loose_match, phonetic, tokens

# Words that join the parts of a name, and the titles that stand before
# one: neither identifies the person (Secretary of State Blinken is Blinken).
CONNECTORS = frozenset({"de", "del", "la", "le", "van", "von", "der", "da", "di", "dos", "du", "al", "y", "of", "the",
                        "and", "for"})
TITLES = frozenset({"mr", "mrs", "ms", "dr", "sr", "sra", "m", "mme", "herr", "frau", "prof", "president", "minister",
                    "secretary", "general", "state", "estado", "secretario", "ministro", "presidente", "sir", "dame",
                    "lord", "lady", "sheikh", "pope", "king", "queen", "prince", "princess", "emir", "sultan", "imam",
                    "ayatollah", "rabbi", "cardinal", "senor", "senora", "monsieur", "madame", "sig", "dott", "pan",
                    "pani", "gen", "sen", "gov", "rep"})
_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u0dff])+")
_KANA = re.compile(r"[\u30a0-\u30ff]+(?:[・=][\u30a0-\u30ff]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def key_words(name: str) -> list[str]:
    """The words of a name that identify it: titles and connectors aside."""
    return [w for w in _WORD.findall(name) if fold(w) not in CONNECTORS and fold(w) not in TITLES and len(w) >= 2]


def identifying(n: Name, lang: str | None) -> bool:
    """Could this name tell one speaker from another? A person's name, an
    organisation's or a rare word is; a figure, a title (Accountant-General,
    the Minister) or a run of ordinary words is not, nor is a known place
    (Kiev said... is rare, and places are the names translators change most)."""
    if any(c.isdigit() for c in n.text):
        return False
    if n.label == "LOC":
        return False
    words = key_words(n.text)
    if not words:
        return False
    if n.label == "PER":
        return True
    if aliases(n.text) and n.label != "ORG":
        return False  # a known place or people, when the tagger does not say it is an organisation
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return True  # an acronym: NATO, CSU
    return any(not common_word(w, lang, 3.5) for w in words)


def person(n: Name, lang: str | None) -> bool:
    """Does the name look like a person's (rather than an organisation's)?
    A tagger says so; without one, a name whose head word is an acronym or
    an ordinary word (the ECB, Brewers of Europe) is not."""
    if n.label in ("PER", "ORG", "LOC", "MISC"):
        return n.label == "PER"
    main = head(n.text)
    return main is not None and not main.isupper() and not common_word(main, lang, 3.5)


def head(name: str) -> str | None:
    """The word that says who is named: the last one before a connector
    (Recarte of Sánchez Recarte, Rosendale of Matt Rosendale of Montana).
    Translators drop first names and titles, not this."""
    words = _WORD.findall(name)
    cut = next((k for k, w in enumerate(words) if k and fold(w) in CONNECTORS), len(words))
    kept = [w for w in words[:cut] if fold(w) not in TITLES and len(w) >= 2]
    return kept[-1] if kept else None


def present(name: str, lang: str | None, text: str, start: int, end: int) -> bool:
    """Is ``name`` (a name of the other side, in ``lang``) in ``text[start:end]``
    in any of its forms: a known form of the whole name, or its head word
    (Sánchez Recarte is not there when only Sánchez is)?"""
    raw = text[start:end]
    words = key_words(name)
    if not words:
        return True  # nothing that identifies it: nothing to miss
    # words of another script written into the text (Greggs in 到Greggs选购) are words of their own
    folded = tokens(_CJK_RUN.sub(r" \g<0> ", raw))
    main = head(name)
    keys = tokens(main) if main else [t for w in words for t in tokens(w)]
    for k in keys:
        if any(loose_match(k, t) for t in folded):
            return True
        p = phonetic(k)
        if p and any(phonetic(t) == p and (len(p) >= 3 or t[:1] == k[:1] and abs(len(t) - len(k)) <= 2) for t in folded):
            return True  # the same consonants across scripts: Spillane, Спиллейн; Massie, Мейсси
    norm = " " + " ".join(folded) + " "
    for form in list(aliases(name)) + [f for w in words for f in aliases(w)]:
        if _CJK.search(form):
            if form in raw:
                return True
            continue
        f = " " + " ".join(tokens(form)) + " "
        if f.strip() and (f in norm or all(any(loose_match(p, t) for t in folded) for p in f.split() if len(p) >= 4)
                          and any(len(p) >= 4 for p in f.split())):
            return True
    if is_han(name):  # a Chinese name read back in Latin letters
        runs = [w for w in _WORD.findall(raw) if w[:1].isupper()]
        return any(sounds_like(name, " ".join(runs[i : i + n])) for n in (1, 2, 3) for i in range(len(runs) - n + 1))
    if _CJK.search(raw):  # a foreign name written by sound in katakana or Han characters
        wanted = {phonetic(k) for k in keys} | {phonetic("".join(keys))}
        wanted = {p for p in wanted if len(p) >= 3}
        heard = _cjk_sounds(raw)
        return bool(wanted & heard) or any(
            len(p) >= 4 and any(q[:1] == p[:1] and abs(len(q) - len(p)) <= 1 and distance(p, q, 1) <= 1 for q in heard)
            for p in wanted
        )
    return False


def _cjk_sounds(text: str) -> set[str]:
    """Sound keys of every run of two to eight kana and of two to five Han
    characters: a foreign name written by sound is one of them. The small
    tsu only doubles the next consonant (グレッグス, Greggs)."""
    text = text.replace("ッ", "").replace("っ", "")
    out = set()
    for pattern, shortest, longest in ((_KANA, 2, 8), (_HAN, 2, 5)):
        for m in pattern.finditer(text):
            run = m.group()
            out.update(phonetic(run[i:j]) for i in range(len(run)) for j in range(i + shortest, min(len(run), i + longest) + 1))
    return out


def beside(names_: list[Name], quote_start: int, quote_end: int, start: int, end: int, quoted) -> Name | None:
    """The speaker's name as the text gives it: of the names in [start, end)
    (the sentence that holds the quotation) outside every quotation, the one
    nearest the quotation (“…,” said Blinken; Blinken said: “…”)."""
    outside = [n for n in names_ if start <= n.start and n.end <= end and not any(a <= n.start < b for a, b in quoted)]
    if not outside:
        return None
    return min(outside, key=lambda n: n.start - quote_end if n.start >= quote_end else quote_start - n.end)
