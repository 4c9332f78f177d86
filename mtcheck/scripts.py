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


def relation(a: str | None, b: str | None) -> str:
    """"same" when two texts are written in one script, "across" when not,
    "" when one is missing."""
    if not a or not b:
        return ""
    return "same" if script_of(a) == script_of(b) else "across"
