"""Bytes to text: BOMs, UTF-16 without BOM, cp1252/Latin-1, binary refusal,
and mojibake repair (reported, never silent)."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from ..errors import InputError


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repairs: int = 0  # how many mojibake sequences were repaired
    example: tuple[str, str] | None = None  # (garbled, repaired)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in UTF-16 has a NUL in every other byte for ASCII-range characters.
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.3 * len(zeros):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    bad = sum(
        1
        for ch in text[:20000]
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f\v"
    )
    return bad > max(3, 0.01 * min(len(text), 20000))


def decode_bytes(data: bytes, name: str = "input") -> Decoded:
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    text = enc = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, enc = data.decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(f"{name}: has a {codec} byte-order mark but is not valid {codec}") from None
            break
    if text is None:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = _utf16_without_bom(data)
            enc = "utf-16" if text is not None else None
    if text is None:
        if data.count(0) or _looks_binary(data[:20000].decode("latin-1")):
            raise InputError(f"{name}: looks like binary data, not text")
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
    if _looks_binary(text):
        raise InputError(f"{name}: looks like binary data, not text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: file has no text")
    return _repair_mojibake(text, enc)


def _repair_mojibake(text: str, enc: str) -> Decoded:
    """UTF-8 read as cp1252 somewhere upstream ("Ã©" for "é"). ftfy only
    undoes it when the result is plausible, so the repair is confident."""
    import ftfy

    cfg = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    fixed = ftfy.fix_text(text, cfg)
    if fixed == text:
        return Decoded(text, enc)
    # Count repaired places by the usual lead bytes of the garbled form.
    import difflib

    ops = [op for op in difflib.SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes() if op[0] != "equal"]
    first = ops[0]
    example = (text[first[1] : first[2]], fixed[first[3] : first[4]])
    return Decoded(fixed, enc, repairs=len(ops), example=example)
