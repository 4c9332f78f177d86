"""Which writing system a text is in, and whether two texts share one."""

from __future__ import annotations

import unicodedata

# the two kana are one syllabary; Chinese characters another script, whose
# names pass between Chinese and Japanese as written (東京, 东京), while a
# katakana name goes into Chinese by sound (ガルシア, 加西亚)
_KANA = {"HIRAGANA", "KATAKANA"}


def script_of(text: str) -> str:
    """The script most of a text's letters are written in (the first word of
    their Unicode names: LATIN, CYRILLIC, CJK, KANA, DEVANAGARI, ...); "" when it has none."""
    counts: dict[str, int] = {}
    for c in text[:5000]:
        if c.isalpha():
            word = unicodedata.name(c, "").split(" ", 1)[0]
            word = "KANA" if word in _KANA else word
            counts[word] = counts.get(word, 0) + 1
    return max(counts, key=counts.get) if counts else ""


def relation(src: str | None, mt: str | None) -> str:
    """The scripts of a source and its translation, "LATIN>CYRILLIC", or ""
    when one is missing: what a name goes through between them (nothing,
    transliteration, a reading by sound) differs from one pair of scripts
    to another."""
    if not src or not mt:
        return ""
    return f"{script_of(src)}>{script_of(mt)}"
