"""TMX 1.4 (also 1.1-1.3) translation memories as segment pairs.

The source language is ``header/@srclang`` (a ``tu/@srclang`` overrides it
for its unit). In each ``tu`` the source is the ``tuv`` whose language
(``xml:lang``, or ``lang`` in TMX 1.1) is the source language: the same tag
(case aside), else the same primary subtag ("en-US" matches "en");
``srclang="*all*"`` means the first ``tuv`` is the source. The target is the
first other ``tuv``; its language is the file's target language, and in the
units after it the ``tuv`` of that language (by tag, else primary subtag) is
the target, or none (an empty translation) where a unit lacks it: a
multilingual memory is read as one language pair. Ids: ``tu/@tuid``, else the
unit's position in the file (from 1, as a string). ``PairItem.line`` is the
line of the ``tu`` element."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .bilingual import XML_LANG, Bilingual, Items, _lang, child, children, inline_text, local, parse_xml, primary


def read_tmx(path: str | Path) -> Bilingual:
    from . import read_bytes
    from .decode import decode_bytes

    path = Path(path)
    return parse_tmx(decode_bytes(read_bytes(path), str(path)).text, str(path))


def _tuv_lang(tuv) -> str | None:
    return _lang(tuv.get(XML_LANG) or tuv.get("lang"))


def _matching(tuvs, lang: str, exclude=None):
    """The tuv of ``lang``: the same tag first, else the same primary subtag."""
    tuvs = [t for t in tuvs if t is not exclude]
    for t in tuvs:
        if (_tuv_lang(t) or "").lower() == lang.lower():
            return t
    for t in tuvs:
        if primary(_tuv_lang(t)) == primary(lang):
            return t
    return None


def _seg_text(tuv) -> str:
    seg = child(tuv, "seg")
    return inline_text(seg) if seg is not None else ""


def parse_tmx(text: str, name: str = "input") -> Bilingual:
    root = parse_xml(text, name)
    if local(root) != "tmx":
        raise InputError(f"{name}: not a TMX file (the root element is <{local(root) or root.tag}>)")
    header = child(root, "header")
    file_src = _lang(header.get("srclang")) if header is not None else None
    body = child(root, "body")
    items = Items(name)
    src_lang = tgt_lang = None
    for n, tu in enumerate(children(body, "tu") if body is not None else [], 1):
        tid = (tu.get("tuid") or "").strip() or str(n)
        line = tu.sourceline
        tuvs = children(tu, "tuv")
        if not tuvs:
            raise InputError(f"{name}:{line}: <tu> {tid!r} has no <tuv>")
        sl = _lang(tu.get("srclang")) or file_src
        if sl is None or sl.lower() == "*all*":
            source = tuvs[0]
        else:
            source = _matching(tuvs, sl)
            if source is None:
                raise InputError(f"{name}:{line}: <tu> {tid!r} has no <tuv> in the source language {sl!r}")
        if tgt_lang is None:
            target = next((t for t in tuvs if t is not source), None)
            if target is not None:
                tgt_lang = _tuv_lang(target)
        else:
            target = _matching(tuvs, tgt_lang, exclude=source)
        src_lang = src_lang or (sl if sl and sl.lower() != "*all*" else _tuv_lang(source))
        items.add(tid, _seg_text(source), _seg_text(target) if target is not None else "", line)
    if not items.items:
        raise InputError(f"{name}: no translation units in the TMX file")
    return Bilingual(src_lang, tgt_lang, tuple(items.items))
