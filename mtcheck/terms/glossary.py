"""Read a glossary of required renderings from TOML, CSV or TBX.

TOML::

    lang = "en"
    [[term]]
    use = "Kyiv"
    avoid = ["Kiev"]
    note = "..."
    case_sensitive = false

CSV: columns ``use,avoid,note``; several avoided forms separated by ``|``.
TBX (ISO 30042): each ``termEntry``/``conceptEntry`` whose language section
has a term marked ``preferredTerm-admn-sts`` (or ``preferred``) and others
marked ``deprecatedTerm-admn-sts`` (or ``deprecated``/``admittedTerm``... not)."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class Term:
    use: str
    avoid: tuple[str, ...]
    note: str = ""
    case_sensitive: bool = False

    def pattern(self) -> re.Pattern:
        alts = "|".join(re.escape(a) for a in sorted(self.avoid, key=len, reverse=True))
        return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", 0 if self.case_sensitive else re.IGNORECASE)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    lang: str | None = None
    source: str = ""


def load_glossary(path: str | Path) -> Glossary:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such glossary file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: a glossary must be UTF-8") from None
    suffix = path.suffix.lower()
    if suffix == ".toml":
        terms, lang = _toml(text, path)
    elif suffix == ".csv":
        terms, lang = _csv(text, path), None
    elif suffix in (".tbx", ".xml"):
        terms, lang = _tbx(text, path), None
    else:
        raise InputError(f"{path}: glossary must be .toml, .csv or .tbx")
    if not terms:
        raise InputError(f"{path}: glossary has no terms")
    return Glossary(tuple(terms), lang, str(path))


def _term(use, avoid, note, case, where) -> Term:
    if not isinstance(use, str) or not use.strip():
        raise InputError(f"{where}: 'use' must be a non-empty string")
    if isinstance(avoid, str):
        avoid = [avoid]
    if not isinstance(avoid, list) or not avoid or not all(isinstance(a, str) and a.strip() for a in avoid):
        raise InputError(f"{where}: 'avoid' must list at least one form")
    return Term(use.strip(), tuple(a.strip() for a in avoid), str(note or ""), bool(case))


def _toml(text: str, path: Path):
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise InputError(f"{path}: not valid TOML ({e})") from None
    entries = doc.get("term", [])
    if not isinstance(entries, list):
        raise InputError(f"{path}: expected [[term]] tables")
    terms = [
        _term(e.get("use"), e.get("avoid"), e.get("note"), e.get("case_sensitive", False), f"{path}: term {n + 1}")
        for n, e in enumerate(entries)
        if isinstance(e, dict)
    ]
    lang = doc.get("lang") if isinstance(doc.get("lang"), str) else None
    return terms, lang


def _csv(text: str, path: Path):
    rows = list(csv.DictReader(io.StringIO(text)))
    if rows and ("use" not in rows[0] or "avoid" not in rows[0]):
        raise InputError(f"{path}: CSV needs the columns use,avoid[,note]")
    return [
        _term(r["use"], [a for a in (r["avoid"] or "").split("|") if a.strip()], r.get("note"), False, f"{path}: row {n + 2}")
        for n, r in enumerate(rows)
    ]


def _tbx(text: str, path: Path):
    from lxml import etree

    try:
        root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as e:
        raise InputError(f"{path}: not valid TBX/XML ({e})") from None
    terms = []
    for entry in root.iter("{*}termEntry", "{*}conceptEntry"):
        for lang_sec in entry.iter("{*}langSet", "{*}langSec"):
            use, avoid = None, []
            for tig in lang_sec.iter("{*}tig", "{*}termSec", "{*}ntig"):
                term = tig.find(".//{*}term")
                if term is None or not (term.text or "").strip():
                    continue
                status = " ".join(
                    (n.text or "").lower() for n in tig.iter("{*}termNote", "{*}descrip") if "status" in (n.get("type") or "").lower()
                    or "normativeauthorization" in (n.get("type") or "").lower()
                )
                if "preferred" in status:
                    use = term.text.strip()
                elif "deprecated" in status or "superseded" in status:
                    avoid.append(term.text.strip())
            if use and avoid:
                terms.append(Term(use, tuple(avoid)))
    return terms
