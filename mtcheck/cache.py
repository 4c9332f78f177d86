"""The user cache (``MTCHECK_CACHE``, else ``$XDG_CACHE_HOME/mtcheck``, else
``~/.cache/mtcheck``): what is slow to build and the same in every run, kept
between runs. An entry is written atomically under a name that says what it
was built from, so a stale or half-written one is never read; one that
cannot be read is built again."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable


def cache_dir() -> Path:
    base = os.environ.get("MTCHECK_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME", "~/.cache"), "mtcheck")
    return Path(base).expanduser()


def key_of(*parts: str | bytes) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode() if isinstance(p, str) else p)
        h.update(b"\x00")
    return h.hexdigest()[:16]


def cached_json(name: str, key: str, build: Callable[[], object]) -> object:
    """``build()``'s value, from the cache when an entry for ``key`` is there
    and readable; else built and stored (a cache that cannot be written is
    no error: the value is built every run)."""
    path = cache_dir() / f"{name}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    from .output import write_atomic

    value = build()
    try:
        write_atomic(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        pass
    return value
