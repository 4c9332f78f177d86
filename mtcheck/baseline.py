"""Baselines: the fingerprints of the findings a run had, so that later runs
report only new ones. A fingerprint is the rule and the words under the
finding's spans (``Finding.with_fingerprint``), qualified by the article's
id: an edit elsewhere in the article keeps it, the same words in another
article do not match it."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError

SCHEMA = "mtcheck.baseline/1"


def dump(results) -> tuple[str, int]:
    entries = sorted({(a.id, f.fingerprint, f.rule) for a in results for f in a.findings
                      if f.rule != "format.unreadable"})
    doc = {"schema": SCHEMA, "findings": [{"article": a, "fingerprint": fp, "rule": r} for a, fp, r in entries]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n", len(entries)


def load(path: Path) -> frozenset[str]:
    """"article id:fingerprint" for each recorded finding; a bad file is one error line."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: not a baseline ({type(e).__name__}: {e})") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("findings"), list):
        raise InputError(f"{path}: not a baseline (expected schema {SCHEMA!r} and a 'findings' list)")
    out = set()
    for n, e in enumerate(doc["findings"]):
        if not (isinstance(e, dict) and isinstance(e.get("article"), str) and isinstance(e.get("fingerprint"), str)):
            raise InputError(f"{path}: findings[{n}] needs 'article' and 'fingerprint' strings")
        out.add(f"{e['article']}:{e['fingerprint']}")
    return frozenset(out)
