"""Manifests: the article pairs of a batch, listed in a CSV file (a header
row naming the columns) or a JSON Lines file (one object a line).

Columns or keys: ``source`` and ``translation`` (or ``src`` and ``mt``),
each a path relative to the manifest's folder or, in JSON Lines, a ninjs
item given inline; optional ``id`` (default: the translation's file name
without extension, or the line number), ``src_lang`` and ``tgt_lang``."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from . import read_bytes
from .base import json_objects
from .decode import decode_bytes

MANIFEST_EXTENSIONS = (".csv", ".jsonl")
_ALIASES = {"source": ("source", "src"), "translation": ("translation", "mt", "target")}


@dataclass(frozen=True)
class Entry:
    id: str
    source: object  # Path or batch.Inline
    translation: object
    src_lang: str | None = None
    tgt_lang: str | None = None


def _pick(row: dict, key: str):
    for k in _ALIASES.get(key, (key,)):
        if row.get(k) not in (None, ""):
            return row[k]
    return None


def _doc(value, where: str, base: Path, side: str):
    from ..batch import Inline

    if isinstance(value, dict):
        return Inline(f"{where} ({side})", json.dumps(value, ensure_ascii=False))
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: {side!r} must be a path or, in JSON Lines, a ninjs object")
    p = Path(value)
    return p if p.is_absolute() else base / p


def _entry(row: dict, where: str, n: int, base: Path) -> Entry:
    src, mt = _pick(row, "source"), _pick(row, "translation")
    if src is None or mt is None:
        raise InputError(f"{where}: needs 'source' and 'translation'")
    source, translation = _doc(src, where, base, "source"), _doc(mt, where, base, "translation")
    art_id = row.get("id")
    if art_id in (None, ""):
        art_id = translation.stem if isinstance(translation, Path) else str(n)
    langs = []
    for key in ("src_lang", "tgt_lang"):
        v = row.get(key)
        if v not in (None, "") and not isinstance(v, str):
            raise InputError(f"{where}: {key!r} must be a language code")
        langs.append(v or None)
    return Entry(str(art_id), source, translation, *langs)


def read_manifest(path: Path) -> list[Entry]:
    text = decode_bytes(read_bytes(path), str(path)).text
    base = path.parent
    entries: list[Entry] = []
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        try:
            if not reader.fieldnames or not ({"source", "src"} & set(reader.fieldnames)):
                raise InputError(f"{path}: a CSV manifest needs a header row with 'source' and 'translation' columns")
            for n, row in enumerate(reader, 2):
                entries.append(_entry({k: (v or "").strip() for k, v in row.items() if k}, f"{path}:{n}", n, base))
        except csv.Error as e:  # a field longer than csv.field_size_limit()
            raise InputError(f"{path}:{reader.reader.line_num}: not a readable CSV row ({e})") from None
    else:
        for n, row in json_objects(text, path):
            entries.append(_entry(row, f"{path}:{n}", n, base))
    if not entries:
        raise InputError(f"{path}: the manifest lists no article pairs")
    seen = set()
    for e in entries:
        if e.id in seen:
            raise InputError(f"{path}: duplicate id {e.id!r}")
        seen.add(e.id)
    return entries
