"""Bytes to text: BOMs, UTF-16/32 without BOM, cp1252/Latin-1, binary refusal,
stray NULs removed and mojibake repaired (both reported, never silent).

Every step here is linear in the input: a feed of megabytes with one garbled
character must not cost more than reading it."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError

Span = tuple[int, int]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repairs: int = 0  # how many mojibake sequences were repaired
    example: tuple[str, str] | None = None  # (garbled, repaired)
    repaired: tuple[Span, ...] = ()  # where, in ``text``, each repair is
    nuls: tuple[int, ...] = ()  # where, in ``text``, a NUL was removed


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# More NULs than this share of the characters (and than MAX_NULS) is binary,
# not text with a few stray ones; those are removed and reported.
MAX_NUL_SHARE = 0.01
MAX_NULS = 16


def _utf32_without_bom(data: bytes) -> str | None:
    # Each code point is four bytes; its top byte is always zero, the next nearly always.
    if len(data) < 8 or len(data) % 4:
        return None
    for top, high, enc in ((data[3::4], data[2::4], "utf-32-le"), (data[0::4], data[1::4], "utf-32-be")):
        if not top.strip(b"\x00") and high.count(0) >= 0.9 * len(high):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


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
    bad = sum(
        1
        for ch in text[:20000]
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f\v\x00"
    )
    return bad > max(3, 0.01 * min(len(text), 20000))


def decode_bytes(data: bytes, name: str = "input", repair: bool = True) -> Decoded:
    """``repair=False`` leaves mojibake as it is: for segment pairs, whose
    spans are into the texts as given, and which have no notes to report it."""
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
    if text is None and b"\x00" in data:
        # ASCII in UTF-16 or UTF-32 is also valid UTF-8, full of NULs: look for their pattern first
        text = _utf32_without_bom(data)
        enc = "utf-32" if text is not None else None
        if text is None:
            text = _utf16_without_bom(data)
            enc = "utf-16" if text is not None else None
    if text is None:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    if text is None:
        if data.count(0) or _looks_binary(data[:20000].decode("latin-1")):
            raise InputError(f"{name}: looks like binary data, not text")
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
    nul_count = text.count("\x00")
    # stray NUL bytes happen in a byte stream (UTF-8); a NUL code unit in UTF-16 or UTF-32 means binary
    allowed = max(MAX_NULS, MAX_NUL_SHARE * len(text)) if enc == "utf-8" else 0
    if nul_count > allowed or _looks_binary(text):
        raise InputError(f"{name}: looks like binary data, not text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\x00", "").strip():
        raise InputError(f"{name}: file has no text")
    d = _repair_mojibake(text, enc) if repair else Decoded(text, enc)
    return _strip_nuls(d) if nul_count else d


def _strip_nuls(d: Decoded) -> Decoded:
    """A few NULs inside otherwise valid text (a padded or badly joined feed)
    are removed; where they were is kept, in the text without them, and the
    repair spans are shifted to match."""
    text = d.text
    parts = text.split("\x00")
    nuls, pos = [], 0
    for part in parts[:-1]:
        pos += len(part)
        nuls.append(pos)
    removed = [i for i, ch in enumerate(text) if ch == "\x00"] if d.repaired else []

    def shift(x: int) -> int:  # NULs before offset x, by bisection over their positions
        import bisect

        return x - bisect.bisect_left(removed, x)

    repaired = tuple((shift(a), shift(b)) for a, b in d.repaired)
    return Decoded("".join(parts), d.encoding, d.repairs, d.example, repaired, tuple(nuls))


_FTFY_CONFIG = None


def _config():
    global _FTFY_CONFIG
    if _FTFY_CONFIG is None:
        import ftfy

        _FTFY_CONFIG = ftfy.TextFixerConfig(
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
    return _FTFY_CONFIG


# ftfy fixes a piece of text at a time (a line, as ftfy.fix_text does); a
# longer line is cut into pieces of at most this many characters, so that
# finding what changed in a piece costs a bounded time.
PIECE = 2000
# Characters that a garbled sequence never holds: ASCII (UTF-8's lead and
# continuation bytes read as cp1252 are all above it) and what lies above
# cp1252's highest character (U+2122). A piece is cut between two of them.
_SAFE = re.compile(r"(?<=[\x21-\x7e\u2123-\U0010ffff])(?=[\x21-\x7e\u2123-\U0010ffff])")


def _pieces(line: str):
    """``line`` in pieces of at most PIECE characters, cut after a space that
    follows ASCII, else between two safe characters, else anywhere."""
    pos = 0
    while len(line) - pos > PIECE:
        window = line[pos : pos + PIECE]
        cut = window.rfind(" ", PIECE // 2)
        while cut > 0 and not window[cut - 1].isascii():  # "Ã " may be a lost no-break space (ftfy's restore_byte_a0)
            cut = window.rfind(" ", PIECE // 2, cut)
        if cut > 0:
            cut += 1
        else:
            m = None
            for m in _SAFE.finditer(window, PIECE // 2):
                pass
            cut = m.start() if m else PIECE
        yield line[pos : pos + cut]
        pos += cut
    yield line[pos:]


@functools.lru_cache(maxsize=4096)
def _garbled_forms(ch: str) -> tuple[str, ...]:
    """How ``ch`` reads when its UTF-8 bytes are read as cp1252 or Latin-1,
    once or twice: the forms a repair turns back into ``ch``, longest first."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    forms = set()
    for codec in ("sloppy-windows-1252", "latin-1"):
        once = ch.encode("utf-8").decode(codec)
        forms.add(once)
        forms.add(once.encode("utf-8").decode(codec))
    forms.discard(ch)
    return tuple(sorted(forms, key=len, reverse=True))


def _changes(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """The places where ``b`` (the repair) differs from ``a``, as (a start,
    a end, b start, b end), in linear time: each character of ``b`` is
    either the next one of ``a`` or its garbled form there. Where that walk
    fails (a repair of another kind), difflib compares what is left when it
    is short, else the whole differing middle is one place."""
    ae, be = len(a), len(b)
    out: list[list[int]] = []
    i, j = 0, 0
    while j < be and i <= ae:
        ch = b[j]
        form = next((f for f in _garbled_forms(ch) if a.startswith(f, i)), None)
        if form is not None:
            if out and out[-1][1] == i and out[-1][3] == j:
                out[-1][1], out[-1][3] = i + len(form), j + 1  # one garbled run, one repair
            else:
                out.append([i, i + len(form), j, j + 1])
            i += len(form)
        elif i < ae and a[i] == ch:
            i += 1
        else:
            break
        j += 1
    if j == be and i == ae:
        return [tuple(x) for x in out]
    # what is left after the common prefix and suffix: short, difflib; else one place
    p = 0
    while p < min(ae, be) and a[p] == b[p]:
        p += 1
    q = 0
    while q < min(ae, be) - p and a[ae - 1 - q] == b[be - 1 - q]:
        q += 1
    if ae - p - q <= 400 and be - p - q <= 400:
        import difflib

        ops = difflib.SequenceMatcher(None, a[p : ae - q], b[p : be - q], autojunk=False).get_opcodes()
        return [(p + k1, p + k2, p + l1, p + l2) for tag, k1, k2, l1, l2 in ops if tag != "equal"]
    return [(p, ae - q, p, be - q)]


def _repair_mojibake(text: str, enc: str) -> Decoded:
    """UTF-8 read as cp1252 somewhere upstream ("Ã©" for "é"). ftfy only
    undoes it when the result is plausible, so the repair is confident.
    Pieces that are pure ASCII cannot be garbled and are skipped."""
    if text.isascii():
        return Decoded(text, enc)
    import ftfy

    cfg = _config()
    out: list[str] = []
    spans: list[Span] = []
    example = None
    pos = 0  # offset in the repaired text
    start = 0
    while start < len(text):
        # lines end at "\n" only: splitlines() would also cut at U+0085, a garbled byte's reading
        stop = text.find("\n", start) + 1 or len(text)
        line, start = text[start:stop], stop
        for piece in _pieces(line) if len(line) > PIECE else (line,):
            fixed = piece if piece.isascii() else ftfy.fix_text(piece, cfg)
            if fixed != piece:
                for a1, a2, b1, b2 in _changes(piece, fixed):
                    spans.append((pos + b1, pos + b2))
                    if example is None:
                        example = (piece[a1:a2], fixed[b1:b2])
            out.append(fixed)
            pos += len(fixed)
    if not spans:
        return Decoded(text, enc)
    return Decoded("".join(out), enc, repairs=len(spans), example=example, repaired=tuple(spans))
