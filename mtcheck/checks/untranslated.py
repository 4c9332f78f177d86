"""Words left untranslated inside a translated sentence: a word of the
source copied into the translation that is no word of the target language.

Two kinds of evidence, each enough on its own:
- the script: letters of a script the target language is not written in
  (拘留 in an English sentence, отношения in a German one), copied from the
  aligned source;
- the lexicon: a word of the source sentence, common in the source language
  and unknown to the target's, or far rarer there (aunque, nicht, upadłość
  in English).
Allowed, as a translator writes them: names (a capital letter inside the
sentence, or a name the tagger found), a word or two in quotation marks or
brackets (a term quoted as such, or a gloss: 人工智能 (artificial
intelligence)), acronyms, and words the target language knows as its own
(status quo, software)."""

from __future__ import annotations

import functools
import re
import unicodedata

from ..names.extract import url_spans
from ..types import Finding
from ..wordfreqs import zipf
from . import Pair, register

# the scripts a language is written in (beyond digits and punctuation)
SCRIPTS = {
    "zh": {"CJK"}, "ja": {"CJK", "HIRAGANA", "KATAKANA"}, "ko": {"HANGUL", "CJK"},
    "ru": {"CYRILLIC"}, "uk": {"CYRILLIC"}, "bg": {"CYRILLIC"}, "sr": {"CYRILLIC", "LATIN"}, "be": {"CYRILLIC"},
    "hi": {"DEVANAGARI"}, "mr": {"DEVANAGARI"}, "ne": {"DEVANAGARI"}, "ar": {"ARABIC"}, "fa": {"ARABIC"},
    "he": {"HEBREW"}, "el": {"GREEK"}, "th": {"THAI"}, "ka": {"GEORGIAN"}, "hy": {"ARMENIAN"},
}
# in the source's language, at least this common (Zipf): an everyday word, not a rare one
COMMON = 3.0
# in the target's, at most this: a word its readers would not know
UNKNOWN = 1.5
_LETTERS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# a stretch of Latin words (with the spaces and marks between them) inside text of another script
_LATIN_STRETCH = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’.\- ]*")


_DOTTED = re.compile(r"[^\W_]\.[^\W\d_]")


def _in_address(text: str, s: int, e: int) -> bool:
    """Part of a dotted token (forum24.cz, tierradelsolgallery.org): an address, not prose."""
    a, b = s, e
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return bool(_DOTTED.search(text[a:b].rstrip(".,;:!?)」）。、")))


@functools.lru_cache(maxsize=1)
def _large_lists() -> frozenset[str]:
    """Languages whose wordfreq list is large enough to say a word is unknown there."""
    try:
        import wordfreq

        return frozenset(wordfreq.available_languages(wordlist="large"))
    except Exception:  # no wordfreq
        return frozenset()
_OPEN, _CLOSE = "“„«‹\"'‘‚「『(（[", "”“»›\"'’‘」』)）]"


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    word = name.split(" ", 1)[0]
    return "CJK" if word == "CJK" else word


def _scripts(lang: str | None) -> set[str]:
    return SCRIPTS.get((lang or "").split("-")[0], {"LATIN"})


_PAIRS = (("(", ")"), ("（", "）"), ("[", "]"), ("「", "」"), ("『", "』"), ("«", "»"), ("„", "“"), ("“", "”"),
          ("‹", "›"), ("‘", "’"), ('"', '"'))


def _enclosed(text: str, start: int, end: int, seg_start: int, seg_end: int) -> bool:
    """A word or two in quotation marks or brackets: a term quoted as such,
    or a gloss. A quoted statement (more words) is translated like the rest."""
    for o, c in _PAIRS:
        a = text.rfind(o, seg_start, start)
        b = text.find(c, end, seg_end)
        if a < 0 or b < 0 or (o != c and text.find(c, a + 1, start) >= 0):
            continue
        if len(text[a + 1:b].split()) <= 3:
            return True
    return False


def _runs(text: str, start: int, end: int, foreign) -> list[tuple[int, int]]:
    """Maximal runs of letters in scripts the target does not use."""
    out, s = [], None
    for i in range(start, end):
        ch = text[i]
        bad = ch.isalpha() and _script(ch) not in foreign[1] and _script(ch) in foreign[0]
        if bad and s is None:
            s = i
        elif not bad and s is not None:
            # a mark of the same word (combining vowel signs of Devanagari) keeps the run going
            if unicodedata.category(ch).startswith("M"):
                continue
            out.append((s, i))
            s = None
    if s is not None:
        out.append((s, end))
    return out


def _names(pair: Pair) -> list[tuple[int, int, str]]:
    return [(n.start, n.end, n.how) for n in pair.names("mt")]


@register("untranslated_words", needs_source=True, rules=("untranslated.word",))
def untranslated_words(pair: Pair):
    if pair.src is None or not pair.src_lang or not pair.tgt_lang or pair.src_lang == pair.tgt_lang:
        return
    src_lang, tgt_lang = pair.src_lang.split("-")[0], pair.tgt_lang.split("-")[0]
    tgt_scripts, src_scripts = _scripts(tgt_lang), _scripts(src_lang)
    names = None
    text = pair.mt.text
    urls = url_spans(text)
    lexicon = tgt_lang in _large_lists()
    for link, src, mt in pair.linked():
        if not src or not mt:
            continue
        src_text = " ".join(s.text for s in src)
        for seg in mt:
            # 1. letters of the source's script, which the target does not use, copied from the source
            if src_scripts - tgt_scripts:
                for s, e in _runs(text, seg.start, seg.end, (src_scripts - tgt_scripts, tgt_scripts)):
                    piece = text[s:e]
                    if piece.lower() not in src_text.lower() or _enclosed(text, s, e, seg.start, seg.end):
                        continue
                    if any(a <= s < b for a, b in urls) or _in_address(text, s, e):
                        continue  # a web address
                    if _script(piece[0]) == "LATIN":
                        # Latin letters in, say, Chinese are mostly names, titles and brands kept as
                        # written (Tierra del Sol, Čapí hnízdo): only everyday lower-case words of the
                        # source, with no capitalised word beside them, count
                        stretch = next((m for m in _LATIN_STRETCH.finditer(text, max(seg.start, s - 80), min(seg.end, e + 80))
                                        if m.start() <= s < m.end()), None)
                        words = stretch.group().split() if stretch else [piece]
                        if any(w[:1].isupper() for w in words) or len(piece) < 3:
                            continue
                        if (zipf(piece, src_lang) or 0.0) < COMMON:
                            continue
                        if names is None:
                            names = _names(pair)
                        if any(a < e and s < b for a, b, _ in names):
                            continue
                    yield Finding("untranslated.word",
                                  f"“{piece}” is left in the source's script, untranslated",
                                  src_span=(src[0].start, src[-1].end), mt_span=(s, e), confidence=0.9)
            # 2. a common word of the source language that the target language does not know
            for m in (_LETTERS.finditer(text, seg.start, seg.end) if lexicon else ()):
                word = m.group()
                if len(word) < 3 or word.isupper() or any(a <= m.start() < b for a, b in urls) \
                        or _in_address(text, m.start(), m.end()):
                    continue  # short, an acronym, or in a web address
                if any(_script(c) not in tgt_scripts or _script(c) not in src_scripts for c in word):
                    continue
                low = word.lower()
                at = _in_source(src_text, low)
                if at is None:
                    continue
                here, there = zipf(low, src_lang), zipf(low, tgt_lang)
                # an inflected form is rarer than its word: one the target has never seen may be less common
                if here is None or there is None or here < (COMMON - 0.5 if there == 0.0 else COMMON):
                    continue
                # wordfreq's lists hold some foreign text: a word of the source's language is
                # unknown to the target's, or far rarer there (nicht: 7.0 in German, 2.9 in English)
                if not (there <= UNKNOWN or (here - there >= 3.0 and there <= 4.0)):
                    continue
                noun = False
                if word[0].isupper():
                    first = not text[seg.start:m.start()].strip(_OPEN + " ")
                    src_word = src_text[at:at + len(word)]
                    # German writes its nouns with a capital: a common one is a noun, not a name, and
                    # so is a less common one the target's list has never seen (Ausweitung, Strände)
                    noun = src_lang == "de" and src_word[0].isupper() and (here >= 4.0 and there <= 2.0
                                                                           or here >= COMMON and there == 0.0)
                    common = first and here >= 4.5
                    if not (src_word.islower() and first) and not noun and not common:
                        continue  # a name, kept as written
                if _enclosed(text, m.start(), m.end(), seg.start, seg.end):
                    continue
                if names is None:
                    names = _names(pair)
                # a name the tagger found; for a German noun only the tagger's word counts,
                # since capitalisation, the other cue, is what German nouns have anyway
                if any(a < m.end() and m.start() < b and (how == "ner" or not noun) for a, b, how in names):
                    continue
                sure = (here >= 4.0 and there <= 1.0) or here - there >= 3.5
                yield Finding("untranslated.word",
                              f"“{word}” is a word of the source's language, left untranslated",
                              src_span=(src[0].start, src[-1].end), mt_span=(m.start(), m.end()),
                              confidence=0.85 if sure else 0.7)


def _in_source(src_text: str, low: str) -> int | None:
    """Where the word stands in the source sentence (any case), or None."""
    m = re.search(rf"(?<!\w){re.escape(low)}(?!\w)", src_text, re.I)
    return m.start() if m else None
