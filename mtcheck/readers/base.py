"""What every reader returns, and helpers to build it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..types import Span


@dataclass(frozen=True)
class Body:
    """A reader's output before it becomes an Article: text, paragraph spans
    into it, a title and a language if the format declares them."""

    text: str
    paragraphs: tuple[Span, ...]
    title: str | None = None
    lang: str | None = None  # declared by the format (ninjs "language", <html lang>)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value):
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def without_surrogates(pairs) -> dict:
    """``object_pairs_hook`` for ``json.loads``: each lone surrogate in an
    object's keys, string values and lists of strings (JSON can spell one,
    "\\ud800"; UTF-8, the language detector and the report cannot hold it)
    becomes U+FFFD, one code point for one, so that offsets into the text as
    given still hold. A pair spelled as two escapes is one character by now.
    Called once per object as the parser builds it: no recursion of its own."""
    return {_text(k): [_text(x) for x in v] if isinstance(v, list) else _text(v) for k, v in pairs}


def load_json(text: str, where: str, line: bool = False):
    """JSON as the readers take it: lone surrogates made U+FFFD, and every
    failure one InputError naming ``where`` (with the parser's line unless
    ``where`` is a line already)."""
    import json

    from ..errors import InputError

    try:
        return json.loads(text, object_pairs_hook=without_surrogates)
    except json.JSONDecodeError as e:
        raise InputError(f"{where}: not valid JSON ({e.msg}" + ("" if line else f", line {e.lineno}") + ")") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    except ValueError as e:  # a number of more digits than Python converts (sys.get_int_max_str_digits)
        raise InputError(f"{where}: a number in the JSON is too long ({str(e).split(':')[0]})") from None


def json_objects(text: str, path) -> "Iterator[tuple[int, dict]]":
    """(line number, object) for each non-blank line of a JSON Lines text."""
    from ..errors import InputError

    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        obj = load_json(line, f"{path}:{n}", line=True)
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{n}: expected a JSON object")
        yield n, obj


_BLANK = re.compile(r"\n[ \t\u00a0]*\n")


def paragraphs_in(text: str) -> tuple[Span, ...]:
    """Blocks separated by blank lines, whitespace trimmed, offsets kept."""
    spans = []
    pos = 0
    for m in list(_BLANK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        stripped = block.strip()
        if stripped:
            s = pos + (len(block) - len(block.lstrip()))
            spans.append((s, s + len(stripped)))
        if m:
            pos = m.end()
    return tuple(spans)


def join_paragraphs(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
    """Paragraph strings to one text with blank lines between them."""
    parts, spans, pos = [], [], 0
    for p in paragraphs:
        p = " ".join(p.split()) if "\n" not in p.strip() else p.strip()
        if not p:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        spans.append((pos, pos + len(p)))
        parts.append(p)
        pos += len(p)
    return "".join(parts), tuple(spans)
