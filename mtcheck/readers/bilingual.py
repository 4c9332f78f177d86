"""Bilingual files (XLIFF 1.2 and 2.x, TMX 1.4): source and translation side
by side, as segment pairs; and the safe XML parsing that the XML readers
(XLIFF, TMX, NewsML-G2) share.

XML is parsed by lxml with entity substitution, DTD loading and network
access off, and libxml2's size limits on (no ``huge_tree``). A DOCTYPE that
declares entities is refused before parsing, so neither an external entity
(XXE) nor an expansion bomb (billion laughs) is ever read or expanded; an
entity reference left over (one declared in an external DTD, which is not
loaded) is refused too, rather than its text silently dropped.

Inline markup in a segment: the text of paired tags (XLIFF ``g``, ``pc``,
``mrk``; TMX ``hi``) is kept, placeholders and native codes (``x``, ``bx``,
``ex``, ``ph``, ``bpt``, ``ept``, ``it``, ``sc``, ``ec``, ``sm``, ``em``,
``cp``, TMX ``ut``) are dropped with whatever they hold (``equiv`` and
``disp`` texts are display hints, not words of the segment), except that a
line-break placeholder reads as a space. Runs of XML whitespace are collapsed
to one space and the ends trimmed, unless ``xml:space="preserve"`` applies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .jsonl import MAX_SEGMENT, PairItem

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Bilingual:
    """A bilingual file's segment pairs and the languages it declares (full
    tags as written, e.g. "en-US"; ``primary`` gives the language itself)."""

    src_lang: str | None
    tgt_lang: str | None
    items: tuple[PairItem, ...]


def primary(lang: str | None) -> str | None:
    """The primary language subtag, lower-cased: "en-US" -> "en", "pt_BR" -> "pt"."""
    if not lang:
        return None
    code = lang.strip().replace("_", "-").split("-")[0].lower()
    return code or None


def same_language(a: str | None, b: str | None) -> bool:
    return bool(a and b) and primary(a) == primary(b)


def _lang(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


# --- safe XML -------------------------------------------------------------

_XML_DECL = re.compile(r"\A[ \t\n]*<\?xml\b[^>]*\?>")
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE\b[^>\[]*\[")
_AT_LINE = re.compile(r",? line (\d+), column (\d+)\s*$")


def safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def parse_xml(text: str, name: str):
    """The root element of ``text``; InputError for XML that is not well
    formed (the parser's message and line) or that declares entities."""
    from lxml import etree

    # The text is already decoded: its declaration (which may name another
    # encoding) goes, its line breaks stay so that lines keep their numbers.
    text = _XML_DECL.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    if _INTERNAL_SUBSET.search(text) and "<!ENTITY" in text:
        raise InputError(f"{name}: the DOCTYPE declares entities; refused (XML entities are never expanded)")
    try:
        root = etree.fromstring(text, safe_parser())
    except etree.XMLSyntaxError as e:
        msg = " ".join(str(e.msg or e).split())
        line = e.lineno
        m = _AT_LINE.search(msg)
        if m:
            msg = msg[: m.start()] + f", column {m.group(2)}"
            line = line or int(m.group(1))
        raise InputError(f"{name}:{line}: not well-formed XML ({msg})") from None
    except ValueError as e:  # lxml refuses some input before parsing
        raise InputError(f"{name}: not well-formed XML ({' '.join(str(e).split())})") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(f"{name}: the DOCTYPE declares entities; refused (XML entities are never expanded)")
    for ent in root.iter(etree.Entity):
        raise InputError(f"{name}:{ent.sourceline}: entity reference {ent.text} is not expanded (no DTD is read)")
    return root


def local(el) -> str:
    """An element's name without its namespace; "" for comments and PIs."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def children(el, name: str) -> list:
    return [c for c in el if local(c) == name]


def child(el, name: str):
    for c in el:
        if local(c) == name:
            return c
    return None


# Placeholders and native codes of XLIFF 1.2 / 2.x and TMX: dropped with their content.
DROP = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "sm", "em", "cp", "sub"})
_XML_WS = re.compile(r"[ \t\r\n]+")


def _line_break(el) -> bool:
    return el.get("ctype") == "lb" or el.get("subType") == "xlf:lb"


def preserves_space(el) -> bool:
    for a in (el, *el.iterancestors()):
        v = a.get(XML_SPACE)
        if v is not None:
            return v == "preserve"
    return False


def inline_text(el) -> str:
    """The words of a segment element (``source``, ``target``, ``seg``,
    ``mrk``): paired tags' text kept, placeholders dropped."""
    parts: list[str] = []

    def walk(e):
        if e.text:
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str):
                name = local(c)
                if name in DROP:
                    if _line_break(c):
                        parts.append(" ")
                else:
                    walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    text = "".join(parts)
    return text if preserves_space(el) else _XML_WS.sub(" ", text).strip(" ")


def check_length(name: str, line: int, item_id: str, side: str, text: str) -> None:
    if len(text) > MAX_SEGMENT:
        raise InputError(
            f"{name}:{line}: {item_id!r}: the {side} has {len(text)} characters, more than the {MAX_SEGMENT} a segment may have"
        )


class Items:
    """Collects pairs, refusing a duplicate id."""

    def __init__(self, name: str):
        self.name = name
        self.items: list[PairItem] = []
        self.seen: set[str] = set()

    def add(self, item_id: str, src: str, mt: str, line: int) -> None:
        if not src:  # nothing to translate: only codes or whitespace
            return
        if item_id in self.seen:
            raise InputError(f"{self.name}:{line}: duplicate id {item_id!r}")
        check_length(self.name, line, item_id, "source", src)
        check_length(self.name, line, item_id, "target", mt)
        self.seen.add(item_id)
        self.items.append(PairItem(item_id, src, mt, None, line, self.name))


# --- sniffing -----------------------------------------------------------------

_BY_EXT = {".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx"}
_XLIFF_ROOT = re.compile(r"<(?:[\w.-]+:)?xliff\b")
_TMX_ROOT = re.compile(r"<tmx\b")


def bilingual_format(path: Path, head: str) -> str | None:
    """"xliff" or "tmx" by the file's extension, else by its first
    characters (``head``); None for anything else."""
    fmt = _BY_EXT.get(Path(path).suffix.lower())
    if fmt:
        return fmt
    start = head.lstrip("\ufeff \t\r\n")[:2000]
    if not start.startswith("<"):
        return None
    if _XLIFF_ROOT.search(start):
        return "xliff"
    if _TMX_ROOT.search(start):
        return "tmx"
    return None


def read_bilingual(path: str | Path, fmt: str | None = None) -> Bilingual:
    """An XLIFF or TMX file, by ``fmt`` or as ``bilingual_format`` tells."""
    from . import read_bytes
    from .decode import decode_bytes

    path = Path(path)
    text = decode_bytes(read_bytes(path), str(path)).text
    fmt = fmt or bilingual_format(path, text[:4000])
    if fmt == "xliff":
        from .xliff import parse_xliff

        return parse_xliff(text, str(path))
    if fmt == "tmx":
        from .tmx import parse_tmx

        return parse_tmx(text, str(path))
    raise InputError(f"{path}: not an XLIFF or TMX file")
