"""JSONL segment pairs: one {"id", "src", "mt"[, "ref"]} object per line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from . import read_bytes
from .base import json_objects
from .decode import decode_bytes


# A segment is a sentence or a few; past this it is an article in the wrong place, and
# the tagger, the encoder and the checks read a pair whole (README, "Input formats").
MAX_SEGMENT = 20_000


@dataclass(frozen=True)
class PairItem:
    id: object  # string or int, given back as given
    src: str
    mt: str
    ref: str | None = None
    line: int = 0  # in the input file, for the formats that point at lines
    source: str | None = None  # the input file


def read_pairs(path: Path) -> list[PairItem]:
    # no mojibake repair: it would change the strings (spans are into them as given) and
    # only where the file spells them unescaped ("Ã©", not "\u00c3\u00a9"), unreported
    text = decode_bytes(read_bytes(path), str(path), repair=False).text
    items = []
    seen = set()
    for n, obj in json_objects(text, path):
        for key in ("id", "src", "mt"):
            if key not in obj:
                raise InputError(f"{path}:{n}: missing {key!r}")
        if not isinstance(obj["id"], (str, int)) or isinstance(obj["id"], bool):
            raise InputError(f"{path}:{n}: 'id' must be a string or an integer")
        for key in ("src", "mt", "ref"):
            if key in obj and obj[key] is not None and not isinstance(obj[key], str):
                raise InputError(f"{path}:{n}: {key!r} must be a string")
            if isinstance(obj.get(key), str) and len(obj[key]) > MAX_SEGMENT:
                raise InputError(f"{path}:{n}: {key!r} has {len(obj[key])} characters, more than the {MAX_SEGMENT} a segment may have")
        if str(obj["id"]) in seen:  # 1 and "1" are one id in every report
            raise InputError(f"{path}:{n}: duplicate id {obj['id']!r}")
        seen.add(str(obj["id"]))
        items.append(PairItem(obj["id"], obj["src"] or "", obj["mt"] or "", obj.get("ref"), n, str(path)))
    if not items:
        raise InputError(f"{path}: no segment pairs")
    return items
