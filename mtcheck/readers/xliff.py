"""XLIFF 1.2 (also 1.0/1.1) and XLIFF 2.x (2.0, 2.1, 2.2) as segment pairs.

XLIFF 1.2: languages from ``file/@source-language`` and ``@target-language``;
one pair per ``trans-unit`` (its ``source`` and ``target``; ``alt-trans``
proposals are not read), or, where a ``seg-source`` holds
``<mrk mtype="seg" mid=…>`` segments, one pair per segment with the id
``unitid:mid`` and the target's ``mrk`` of the same ``mid``.

XLIFF 2.x: languages from ``xliff/@srcLang`` and ``@trgLang``; one pair per
``segment`` of a ``unit`` (``ignorable`` parts are not read): id ``unitid``
when the unit has one segment, else ``unitid:segid``, or ``unitid:n`` (its
position, from 1) for a segment without an id.

Either version: a unit, group or file with ``translate="no"`` is skipped; a
unit with no target or an empty one is a pair with an empty translation; a
segment whose source has no words (only codes) is not a pair. Ids must be
unique in the file. ``PairItem.line`` is the line of the unit element.
Inline markup is read as ``bilingual.inline_text`` says."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .bilingual import Bilingual, Items, child, children, inline_text, local, parse_xml, same_language, _lang

XLIFF2 = "urn:oasis:names:tc:xliff:document:2."


def read_xliff(path: str | Path) -> Bilingual:
    from . import read_bytes
    from .decode import decode_bytes

    path = Path(path)
    return parse_xliff(decode_bytes(read_bytes(path), str(path)).text, str(path))


def parse_xliff(text: str, name: str = "input") -> Bilingual:
    root = parse_xml(text, name)
    if local(root) != "xliff":
        raise InputError(f"{name}: not an XLIFF file (the root element is <{local(root) or root.tag}>)")
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if ns.startswith(XLIFF2) or (not ns and (root.get("version") or "").startswith("2")):
        src, tgt, items = _xliff2(root, name)
    else:
        src, tgt, items = _xliff1(root, name)
    if not items.items:
        raise InputError(f"{name}: no translatable units in the XLIFF file")
    return Bilingual(src, tgt, tuple(items.items))


def _translatable(el, stop) -> bool:
    """``translate`` of the element or the nearest of its ancestors that says it."""
    e = el
    while e is not None:
        v = e.get("translate")
        if v is not None:
            return v.strip().lower() != "no"
        if e is stop:
            break
        e = e.getparent()
    return True


def _unit_id(unit, name: str, what: str) -> str:
    uid = (unit.get("id") or "").strip()
    if not uid:
        raise InputError(f"{name}:{unit.sourceline}: <{what}> without an id")
    return uid


def _languages(name: str, pairs: list[tuple[str | None, str | None, int]]) -> tuple[str | None, str | None]:
    src = next((s for s, _, _ in pairs if s), None)
    tgt = next((t for _, t, _ in pairs if t), None)
    for s, t, line in pairs:
        for got, first, side in ((s, src, "source"), (t, tgt, "target")):
            if got and not same_language(got, first):
                raise InputError(f"{name}:{line}: a <file> with {side} language {got!r}, another with {first!r}; give one language pair per file")
    return src, tgt


def _seg_mrks(el) -> list:
    return [m for m in el.iter() if local(m) == "mrk" and m.get("mtype") == "seg"]


def _xliff1(root, name: str):
    items = Items(name)
    langs = []
    for f in (e for e in root.iter() if local(e) == "file"):
        langs.append((_lang(f.get("source-language")), _lang(f.get("target-language")), f.sourceline))
        for unit in (e for e in f.iter() if local(e) == "trans-unit"):
            if not _translatable(unit, f):
                continue
            uid = _unit_id(unit, name, "trans-unit")
            line = unit.sourceline
            source, target = child(unit, "source"), child(unit, "target")
            seg_source = child(unit, "seg-source")
            mrks = _seg_mrks(seg_source) if seg_source is not None else []
            if mrks:
                by_mid = {}
                if target is not None:
                    for m in _seg_mrks(target):
                        by_mid.setdefault(m.get("mid"), m)
                for m in mrks:
                    mid = (m.get("mid") or "").strip()
                    if not mid:
                        raise InputError(f"{name}:{m.sourceline}: <mrk mtype=\"seg\"> without a mid in <trans-unit> {uid!r}")
                    t = by_mid.get(m.get("mid"))
                    items.add(f"{uid}:{mid}", inline_text(m), inline_text(t) if t is not None else "", line)
            else:
                if source is None:
                    raise InputError(f"{name}:{line}: <trans-unit> {uid!r} has no <source>")
                items.add(uid, inline_text(source), inline_text(target) if target is not None else "", line)
    src, tgt = _languages(name, langs)
    return src, tgt, items


def _xliff2(root, name: str):
    items = Items(name)
    src, tgt = _lang(root.get("srcLang")), _lang(root.get("trgLang"))
    for unit in (e for e in root.iter() if local(e) == "unit"):
        if not _translatable(unit, root):
            continue
        uid = _unit_id(unit, name, "unit")
        line = unit.sourceline
        segments = children(unit, "segment")
        for n, seg in enumerate(segments, 1):
            source, target = child(seg, "source"), child(seg, "target")
            if source is None:
                raise InputError(f"{name}:{seg.sourceline}: a <segment> of <unit> {uid!r} has no <source>")
            if len(segments) == 1:
                item_id = uid
            else:
                item_id = f"{uid}:{(seg.get('id') or '').strip() or n}"
            items.add(item_id, inline_text(source), inline_text(target) if target is not None else "", line)
    return src, tgt, items
