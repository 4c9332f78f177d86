"""A foreign name as the translation writes it elsewhere: Chinese and Japanese.

Chinese writes a foreign name by sound in characters (Spillane, 斯皮兰) and
Japanese in katakana (スピレーン), and a name read back from such a form is
loose: a sentence alone cannot say whether 斯皮 is Spillane cut short or
another word. The article can. Where the translation renders a person's
surname of the source one way in other sentences, a sentence whose source
names that person and whose translation lacks that form is held to it: the
form with its last sign gone is a truncated name, and another person's
name in its place is a replaced one. Only for names of an alphabet in the
source (a Japanese or Chinese name in characters is written, not heard)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..names.hanzi import han_classes, latin_classes, sounds_like
from ..names.normalize import distance, fold, phonetic
from ..types import Finding
from . import Pair, register

_KANA = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")
# a long vowel written or not is one spelling; an -s more or less makes another name
_NOT_CUT = ("ー", "ス", "ズ")


def _surname(text: str) -> str | None:
    """The last word of a name in an alphabet (Tinubu of Bola Ahmed Tinubu's)."""
    words = [w for w in _WORD.findall(text) if len(w) >= 2]
    return words[-1] if words and len(words[-1]) >= 3 and not _CJK.search(text) else None


def _kana_sounds(run: str, word: str) -> bool:
    p, q = phonetic(word), phonetic(run)
    if len(p) < 2 or not q:
        return False
    return p == q or (len(p) >= 4 and p[:1] == q[:1] and abs(len(p) - len(q)) <= 1 and distance(p, q, 1) <= 1)


def _heard_in(word: str, text: str, start: int, end: int) -> list[str]:
    """Every katakana word, and every run of two to five Han characters, in
    text[start:end] that may be ``word`` read back."""
    out = [m.group() for m in _KANA.finditer(text, start, end) if _kana_sounds(m.group(), word)]
    out += [run[i:j] for m in _HAN.finditer(text, start, end) for run in [m.group()]
            for i in range(len(run)) for j in range(i + 2, min(len(run), i + 5) + 1) if sounds_like(run[i:j], word)]
    return out


def _last_part(name: str) -> str:
    """A foreign name's surname in Chinese or Japanese (罗森代尔 of 西蒙·罗森代尔)."""
    return re.split(r"[·•・=]", name)[-1]


def _kana_sounds_in(word: str, text: str) -> bool:
    return any(_kana_sounds(m.group(), word) for m in _KANA.finditer(text))


def _sounded(word: str, text: str) -> bool:
    """Is ``word`` in ``text`` with all its sounds: a katakana word that
    sounds like it, or Han characters with every one of its consonant classes
    (read back loosely, Han otherwise finds most names in most sentences)."""
    want = latin_classes(word)
    return any(not _HAN.fullmatch(h) or han_classes(h) == want for h in _heard_in(word, text, 0, len(text)))


def _written_as(word: str, text: str) -> bool:
    """The name in its own letters inside a Chinese or Japanese text (Greggs)."""
    return fold(word) in fold(text)


def _renderings(pair: Pair, links) -> dict[str, str]:
    """Each source surname of a person -> the form the translation gives it:
    of the stretches that may read it back, the one found in the most of the
    sentences aligned to its mentions (a stretch that runs on into the next
    word, 斯皮兰表 of 斯皮兰表示, is found in one), then the one whose sounds
    are nearest, then the longest (a form cut short is the shorter)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for k, (_, ss, ms) in enumerate(links):
        if not ss or not ms:
            continue
        s0, s1 = ss[0].start, ss[-1].end
        m0, m1 = _window(links, k)
        for n in pair.names("src"):
            last = _surname(n.text) if n.label == "PER" and s0 <= n.start < s1 else None
            if last and not _written_as(last, pair.mt.text[m0:m1]):
                # Han read back loosely finds a name in most sentences (在包装 for
                # Spillane) and in pieces of others (森代尔 of 罗森代尔): only a whole
                # part of a name the translation's tagger found
                parts = {p for mn in pair.names("mt") if m0 <= mn.start < m1 for p in re.split(r"[·•・=]", mn.text)}
                votes[fold(last)].update({h for h in _heard_in(last, pair.mt.text, m0, m1)
                                          if not _HAN.fullmatch(h) or h in parts})
    out = {}
    for key, c in votes.items():
        if not c:
            continue
        want = latin_classes(key)
        out[key] = max(c, key=lambda h: (c[h], -_class_gap(h, want), len(h)))
    return out


def _window(links, k: int) -> tuple[int, int]:
    """The translated sentences of link k and of its neighbours: translators
    move a name across a sentence boundary (…,” Spillane said. / 斯皮兰表示：“…”)."""
    near = [seg for _, _, side in links[max(0, k - 1):k + 2] for seg in side]
    return near[0].start, near[-1].end


def _class_gap(form: str, want: str) -> int:
    """How many consonant classes a Han stretch has other than the name's
    (an edit distance; a katakana word, compared by sound already: 0)."""
    if not _HAN.fullmatch(form):
        return 0
    return distance(han_classes(form), want, 3)


def _cut_in(form: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where text[start:end] has ``form`` without its last sign (斯皮 of 斯皮兰)."""
    cut, rest = form[:-1], form[-1]
    if len(cut) < 2 or rest in _NOT_CUT:
        return None
    for m in re.finditer(re.escape(cut), text[start:end]):
        a = start + m.start()
        b = a + len(cut)
        if text[b:b + 1] != rest and not (b < len(text) and text[b] == "ー"):
            return a, b
    return None


@register("names.renderings", needs_source=True, rules=("names.altered", "names.replaced"))
def renderings(pair: Pair):
    lang = (pair.tgt_lang or pair.mt.lang or "").split("-")[0].lower()
    if lang not in ("zh", "ja"):
        return
    links = pair.blocks()
    forms = known = None
    text = pair.mt.text
    for k, (_, ss, ms) in enumerate(links):
        if not ss or not ms:
            continue
        s0, s1 = ss[0].start, ss[-1].end
        m0, m1 = _window(links, k)
        here = [n for n in pair.names("src") if s0 <= n.start < s1]
        people = [(n, last) for n in here if n.label == "PER" and (last := _surname(n.text))]
        if not people:
            continue
        if forms is None:
            forms = _renderings(pair, links)
        for n, last in people:
            form = forms.get(fold(last))
            if not form or form in text[m0:m1] or _written_as(last, text[m0:m1]):
                continue  # no form elsewhere to hold it to, or it is here
            cut = _cut_in(form, text, m0, m1)
            if cut is not None:
                yield Finding(
                    "names.altered",
                    f"“{text[cut[0]:cut[1]]}” is a truncated form of the name “{n.text}” in the source, "
                    f"which the translation writes “{form}” elsewhere",
                    src_span=(n.start, n.end), mt_span=cut, suggestion=form, confidence=0.85)
                continue
            parts = [p for mn in pair.names("mt") if m0 <= mn.start < m1 for p in re.split(r"[·•・=]", mn.text)]
            if any(_sounded(last, p) for p in parts) or _kana_sounds_in(last, text[m0:m1]):
                continue  # written another way with its sounds
            # another person's name where this one's form belongs: a name of the
            # translation that sounds like no word of the source's people (a
            # first name in place of the surname is the same person)
            if known is None:
                known = {w for p in pair.names("src") if p.label == "PER" for w in _WORD.findall(p.text) if len(w) >= 2}
            stand = [mn for mn in pair.names("mt") if m0 <= mn.start < m1 and mn.label == "PER" and _CJK.search(mn.text)
                     and not any(_sounded(w, _last_part(mn.text)) for w in known)
                     and not any(f in mn.text for f in forms.values())]
            if len(stand) == 1:
                mn = stand[0]
                other = _last_part(mn.text)
                at = n.start + n.text.rfind(last)
                yield Finding(
                    "names.replaced",
                    f"“{last}” in the source is “{other}” in the translation, which writes it “{form}” "
                    "elsewhere: another name",
                    src_span=(at, at + len(last)), mt_span=(mn.end - len(other), mn.end), suggestion=form,
                    confidence=0.8)
