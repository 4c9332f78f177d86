"""Chinese names read back by sound.

Foreign names are written in Chinese with characters chosen for their sound
(布林肯 bu-lin-ken, Blinken; 惠特默 hui-te-mo, Whitmer), Chinese names are
romanised in pinyin (习近平, Xi Jinping). Either way the translation's Latin
form keeps the order of the consonants, by broad class: Chinese has no
consonant clusters (it adds vowels: te-lang-pu, Trump), no final consonants
but n and ng (it drops them: Whitmer's r), no l/r or voicing contrast. Two
forms are compared as strings of those classes."""

from __future__ import annotations

import functools
import re

from .normalize import fold

_HAN = re.compile(r"[\u3400-\u9fff]")
_SYLLABLE = re.compile(r"[A-Z][a-z]*")

# pinyin initials, longest first, to consonant classes
_INITIALS = (
    ("zh", "S"), ("ch", "S"), ("sh", "S"), ("b", "P"), ("p", "P"), ("m", "N"), ("f", "F"), ("d", "T"), ("t", "T"),
    ("n", "N"), ("l", "R"), ("r", "R"), ("g", "K"), ("k", "K"), ("h", "H"), ("j", "S"), ("q", "S"), ("x", "S"),
    ("z", "S"), ("c", "S"), ("s", "S"), ("w", "F"), ("y", ""),
)
# English letters (after the digraphs below) to the same classes; vowels, y and an h inside a word are dropped
_LATIN = {"b": "P", "p": "P", "d": "T", "t": "T", "m": "N", "n": "N", "l": "R", "r": "R", "g": "K", "k": "K",
          "q": "K", "c": "K", "x": "KS", "s": "S", "z": "S", "j": "S", "f": "F", "v": "F", "w": "F", "H": "H"}
_DIGRAPHS = ((re.compile(r"\bh"), "H"), (re.compile(r"\bx"), "s"),  # a word's first h is heard; its first x is s (Xi)
             (re.compile(r"ng\b|ng(?=[^aeiouy])"), "n"),
             (re.compile(r"t?ch|sh|zh|ts|tz|dj|dzh?"), "j"), (re.compile(r"ph"), "f"), (re.compile(r"c(?=[eiy])"), "s"),
             (re.compile(r"ck"), "k"), (re.compile(r"(?<=[aeiou])w"), ""), (re.compile(r"gh"), "g"))


# generic words after a place name, translated rather than read back (state, province, city, valley...)
_GENERIC = re.compile(r"(?:州|省|市|县|区|镇|村|山谷|谷|半岛|群岛|岛|湾|港|海|湖|河|江|山|社区)$")


def is_han(text: str) -> bool:
    return bool(_HAN.search(text))


@functools.lru_cache(maxsize=65536)
def han_classes(text: str) -> str:
    """The consonant classes of a Chinese name's pinyin (anyascii writes
    each syllable capitalised: 惠特默 HuiTeMo -> H T N)."""
    from anyascii import anyascii

    out = []
    for syl in _SYLLABLE.findall(anyascii(text)):
        s = syl.lower()
        if s == "er":  # 尔 ends a foreign syllable in r or l: 安达纳尔, Andanar
            out.append("R")
            continue
        for ini, cls in _INITIALS:
            if s.startswith(ini):
                out.append(cls)
                s = s[len(ini):]
                break
        if s.endswith("n") or s.endswith("ng"):
            out.append("N")
    return _squeeze("".join(out))


@functools.lru_cache(maxsize=65536)
def latin_classes(word: str) -> str:
    """The consonant classes of a name in Latin letters (Whitmer -> F T N R)."""
    s = fold(word)
    for pat, rep in _DIGRAPHS:
        s = pat.sub(rep, s)
    return _squeeze("".join(_LATIN.get(c, "") for c in s))


@functools.lru_cache(maxsize=65536)
def pinyin(text: str) -> str:
    """A Chinese name's pinyin run together, without tones (习近平 -> xijinping)."""
    from anyascii import anyascii

    return "".join(_SYLLABLE.findall(anyascii(text))).lower()


def _squeeze(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def _same(x: str, y: str) -> bool:
    # pinyin h stands for English h, w and wh (惠特默, Whitmer), and for ch (舒马赫, Schumacher)
    return x == y or "H" in (x, y) and (x + y).replace("H", "") in ("", "F", "K", "S")


def _common(a: str, b: str) -> int:
    """Length of the longest common subsequence, by class."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if _same(x, y) else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def classes_shared(a: str, b: str) -> float:
    """The share of the longer name's consonant classes that the other has
    in the same order (two names in Latin letters: Khrushchev, Chruschtschow
    0.5; Madein, Ockinga 0.33)."""
    x, y = latin_classes(a), latin_classes(b)
    return _common(x, y) / max(len(x), len(y)) if x and y else 0.0


def sounds_like(han: str, latin: str) -> bool:
    """Could ``latin`` (one or more words) be the Chinese name ``han`` read
    back? The same first class and most of the longer one's classes in order."""
    han = han.rstrip("某")  # 黄某某: Huang so-and-so, a name withheld
    bare = _GENERIC.sub("", han)  # and a place without its generic word: 巴伊亚州, Bahia (state)
    return _heard(han, latin) or len(bare) >= 2 and bare != han and _heard(bare, latin)


def _heard(han: str, latin: str) -> bool:
    a, b = han_classes(han), latin_classes(latin)
    if not a or not b:
        return False
    if pinyin(han) == fold(latin).replace(" ", ""):
        return True
    if not _same(a[0], b[0]):
        return False
    if max(len(a), len(b)) <= 3:  # short: all of the shorter one (Parly, 帕利; not Biden, 普京)
        short = min(len(a), len(b))
        return a == b or short >= 2 and short >= len(a) - 1 and _common(a, b) == short
    return _common(a, b) >= 0.6 * max(len(a), len(b))
