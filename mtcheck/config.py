"""Configuration files: ``mtcheck.toml``, or ``[tool.mtcheck]`` in pyproject.toml.

Found the way linters find theirs (ruff, flake8, Vale): the nearest one above
the article, not looking past the repository root. Everything is validated on
load, unknown keys included, so that a typo fails loudly instead of silently
checking with the defaults. ``[[overrides]]`` apply to matching paths, the most
specific pattern last so that it wins.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import math
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NoReturn

from .decide import Policy
from .errors import InputError
from .langid import valid_code
from .rules import RULES
from .types import CATEGORIES, Severity

CONFIG_FILE = "mtcheck.toml"
PYPROJECT = "pyproject.toml"

_SCALARS = ("fail-on", "src-lang", "tgt-lang", "glossary")
_OVERRIDE_KEYS = ("paths", "select", "ignore", "severity", "thresholds", *_SCALARS)
_TOP_KEYS = (*_OVERRIDE_KEYS[1:], "overrides")
# Allowed range of each threshold (inclusive): confidences and the 0..1 scores
# say so in their definitions, a cosine lies in -1..1, a perplexity is positive.
_THRESHOLDS = {
    "min-similarity": (-1.0, 1.0),
    "min-quality": (0.0, 1.0),
    "min-roundtrip": (0.0, 1.0),
    "max-perplexity": (0.0, math.inf),
    "confident": (0.0, 1.0),
    "plausible": (0.0, 1.0),
}
_TOML_TYPES = {str: "a string", bool: "a boolean", int: "an integer", float: "a float", list: "an array",
               dict: "a table"}
_WILDCARD = re.compile(r"\[!?\]?[^\]]*\]|[*?]")


@dataclass(frozen=True)
class Settings:
    """What applies to one article: the top level with its matching overrides
    merged in. Empty values mean "not set": the caller's defaults stand."""

    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)  # keys are Policy field names
    src_lang: str | None = None
    tgt_lang: str | None = None
    glossary: Path | None = None  # absolute
    fail_on: Severity | None = None
    origin: str = field(default="", compare=False)  # the config file, for messages

    def policy(self, base: Policy) -> Policy:
        """``base`` (the defaults, or what the command line built) with these settings on top."""
        policy = replace(
            base,
            severity={**base.severity, **self.severity},
            disabled=base.disabled | self.ignore,
            selected=self.select if self.select is not None else base.selected,
            **self.thresholds,
        )
        # Checked here, not on load: one table may set only one of the pair,
        # and the other comes from an override or from ``base``.
        if policy.confident < policy.plausible:
            raise InputError(f"{self.origin or 'config'}: thresholds: confident ({policy.confident}) "
                             f"is below plausible ({policy.plausible})")
        return policy


@dataclass(frozen=True)
class Override:
    patterns: tuple[str, ...]
    settings: Settings


@dataclass(frozen=True)
class Config:
    path: Path | None  # the file read; None for no config
    settings: Settings = field(default_factory=Settings)  # the top level
    overrides: tuple[Override, ...] = ()

    @classmethod
    def empty(cls) -> "Config":
        return cls(None)

    def resolve(self, path: Path | str | None) -> Settings:
        """The settings for the article at ``path`` (None: the top level only).
        A relative path is taken from the current folder, as on a command line."""
        out = self.settings
        if path is None or self.path is None:
            return out
        p = Path(os.path.abspath(path))
        try:
            rel: str | None = p.relative_to(self.path.parent).as_posix()
        except ValueError:  # outside the config's folder: only name patterns can match
            rel = None
        ranked = []
        for n, o in enumerate(self.overrides):
            keys = [_specificity(pat) for pat in o.patterns if _matches(pat, rel, p.name)]
            if keys:
                ranked.append((max(keys), n, o))
        for _, _, o in sorted(ranked, key=lambda r: r[:2]):  # least specific first, so the most specific wins
            out = _merge(out, o.settings)
        return out


def find_config(start: Path) -> Path | None:
    """The nearest mtcheck.toml, or pyproject.toml with a [tool.mtcheck] table,
    from ``start`` (a file or a folder) up to the repository root (the folder
    holding .git) or the filesystem root. mtcheck.toml wins in one folder."""
    start = Path(os.path.abspath(start))
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
        if (folder / ".git").exists():  # a directory, or a file in a worktree or submodule
            return None
    return None


def load_config(path: Path) -> Config:
    """Read and validate a config file; any problem is an InputError naming the file and the key."""
    name = str(path)
    data = _read(path)
    prefix = ""
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("mtcheck") if isinstance(data.get("tool"), dict) else None
        if not isinstance(table, dict):
            _fail(name, "no [tool.mtcheck] table")
        data, prefix = table, "tool.mtcheck"
    root = Path(os.path.abspath(path)).parent
    top = _table(name, data, prefix, _TOP_KEYS)
    overrides = top.pop("overrides", [])
    where = _key(prefix, "overrides")
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        _fail(name, f"{where}: expected an array of tables ([[overrides]]), got {_type(overrides)}")
    parsed = []
    for i, raw in enumerate(overrides):
        at = f"{where}[{i}]"
        o = _table(name, raw, at, _OVERRIDE_KEYS)
        if "paths" not in o:
            _fail(name, f"{at}: missing key 'paths'")
        patterns = tuple(_strings(name, o.pop("paths"), _key(at, "paths")))
        if not patterns:
            _fail(name, f"{_key(at, 'paths')}: expected at least one pattern")
        parsed.append(Override(patterns, _settings(name, o, at, root)))
    return Config(Path(os.path.abspath(path)), _settings(name, top, prefix, root), tuple(parsed))


# -- reading and validating ------------------------------------------------------------------


def _fail(name: str, message: str) -> NoReturn:
    raise InputError(f"{name}: {message}")


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        _fail(str(path), f"cannot read the config file: {e.strerror or e}")
    except UnicodeDecodeError as e:
        _fail(str(path), f"a config file must be UTF-8 (undecodable byte at offset {e.start})")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        _fail(str(path), f"invalid TOML: {e}")


def _has_table(pyproject: Path) -> bool:
    """Whether a pyproject.toml is mtcheck's config. One that cannot be read
    counts as one, so that load_config reports it instead of a config further
    up being used without a word."""
    try:
        data = tomllib.loads(pyproject.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True
    tool = data.get("tool")
    return isinstance(tool, dict) and "mtcheck" in tool


def _key(prefix: str, name: str) -> str:
    """A dotted TOML key path, quoting a part only where TOML needs it (rule ids hold dots)."""
    part = name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name)
    return f"{prefix}.{part}" if prefix else part


def _type(value: object) -> str:
    return next((label for t, label in _TOML_TYPES.items() if isinstance(value, t)), type(value).__name__)


def _hint(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _table(name: str, raw: object, prefix: str, allowed=None) -> dict[str, Any]:
    """A table, its keys checked against ``allowed`` and spelt kebab-case
    (snake_case is accepted too); with no ``allowed``, the keys as written."""
    if not isinstance(raw, dict):
        _fail(name, f"{prefix}: expected a table, got {_type(raw)}")
    if allowed is None:
        return raw
    out: dict[str, Any] = {}
    for k, v in raw.items():
        kebab = k.replace("_", "-")
        if kebab not in allowed:
            where = "" if not prefix else f" in {prefix}" if "[" in prefix else f" in [{prefix}]"
            _fail(name, f"unknown key {k!r}{where}{_hint(kebab, allowed)}")
        if kebab in out:
            _fail(name, f"{_key(prefix, k)}: given twice (as {kebab!r} too)")
        out[kebab] = v
    return out


def _strings(name: str, value: object, at: str) -> list[str]:
    if not isinstance(value, list):
        _fail(name, f"{at}: expected an array of strings, got {_type(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            _fail(name, f"{at}: expected non-empty strings, got {_type(item)} {item!r}")
    return value


def _rule(name: str, rule: str, at: str) -> str:
    if rule not in RULES and rule not in CATEGORIES:
        _fail(name, f"{at}: unknown rule {rule!r}{_hint(rule, [*RULES, *CATEGORIES])}")
    return rule


def _severity(name: str, value: object, at: str) -> Severity:
    try:
        if isinstance(value, str):
            return Severity.parse(value)
    except ValueError:
        pass
    shown = repr(value) if isinstance(value, str) else f"{_type(value)} {value!r}"
    _fail(name, f"{at}: {shown} is not a severity ({', '.join(s.label for s in sorted(Severity, reverse=True))})")


def _settings(name: str, raw: dict[str, Any], prefix: str, root: Path) -> Settings:
    def at(key: str) -> str:
        return _key(prefix, key)

    select = None
    if "select" in raw:
        select = frozenset(_rule(name, r, at("select")) for r in _strings(name, raw["select"], at("select")))
    ignore = frozenset(_rule(name, r, at("ignore")) for r in _strings(name, raw.get("ignore", []), at("ignore")))
    # Rule ids are keys here (adequacy.low_similarity): kept as written, not made kebab-case.
    severity = {
        _rule(name, k, _key(at("severity"), k)): _severity(name, v, _key(at("severity"), k))
        for k, v in _table(name, raw.get("severity", {}), at("severity")).items()
    }
    thresholds = {}
    for k, v in _table(name, raw.get("thresholds", {}), at("thresholds"), _THRESHOLDS).items():
        where = _key(at("thresholds"), k)
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            _fail(name, f"{where}: expected a number, got {_type(v)} {v!r}")
        if not math.isfinite(v):
            _fail(name, f"{where}: expected a finite number, got {v}")
        lo, hi = _THRESHOLDS[k]
        if not lo <= v <= hi:
            _fail(name, f"{where}: {v} is not in {lo:g}..{hi:g}")
        thresholds[k.replace("-", "_")] = float(v)
    if thresholds.get("confident", 1.0) < thresholds.get("plausible", 0.0):
        _fail(name, f"{at('thresholds')}: confident ({thresholds['confident']}) "
                    f"is below plausible ({thresholds['plausible']})")
    scalars: dict[str, Any] = {}
    for k in _SCALARS:
        if k not in raw:
            continue
        v = raw[k]
        if not isinstance(v, str):
            _fail(name, f"{at(k)}: expected a string, got {_type(v)} {v!r}")
        if k == "fail-on":
            scalars["fail_on"] = _severity(name, v, at(k))
        elif k == "glossary":
            glossary = Path(os.path.abspath(root / Path(v).expanduser()))  # relative to the config's folder
            if not glossary.is_file():
                _fail(name, f"{at(k)}: no such glossary file {str(glossary)!r}")
            scalars["glossary"] = glossary
        else:
            code = v.strip().lower()
            if not valid_code(code):
                _fail(name, f"{at(k)}: {v!r} is not an ISO 639-1 language code")
            scalars[k.replace("-", "_")] = code
    return Settings(select, ignore, severity, thresholds, origin=name, **scalars)


# -- overrides ---------------------------------------------------------------------------------


def _matches(pattern: str, rel: str | None, file_name: str) -> bool:
    """fnmatch-style, case-sensitive whatever the OS: ``*`` crosses folders,
    so ``wires/afp/*`` covers all under wires/afp; a pattern is tried on the
    path from the config's folder and on the bare file name, unless it starts
    with ./ (anchored at the config's folder, as a leading / in .gitignore)."""
    if pattern.startswith("./"):
        return rel is not None and fnmatch.fnmatchcase(rel, pattern[2:])
    return (rel is not None and fnmatch.fnmatchcase(rel, pattern)) or fnmatch.fnmatchcase(file_name, pattern)


def _specificity(pattern: str) -> tuple[int, int]:
    """Fewer wildcards, then a longer literal part: the more specific pattern ranks higher."""
    wild = _WILDCARD.findall(pattern)
    return (-len(wild), len(pattern) - sum(map(len, wild)))


def _merge(inherited: Settings, layer: Settings) -> Settings:
    """An override on top of what it inherits: tables merge key by key, scalars
    replace, select and ignore add up. An id the layer selects leaves the
    inherited ignore (and the reverse), since equal prefixes in both mean off.
    A layer's select on top of every rule is "*" (every rule, at the least
    specific prefix) plus its ids, so that they win over a broader ignore."""
    select = inherited.select
    if select is not None:
        select = (select - layer.ignore) | (layer.select or frozenset())
    elif layer.select:
        select = frozenset({"*"}) | layer.select
    ignore = (inherited.ignore - (layer.select or frozenset())) | layer.ignore
    return Settings(
        select=select,
        ignore=ignore,
        severity={**inherited.severity, **layer.severity},
        thresholds={**inherited.thresholds, **layer.thresholds},
        src_lang=layer.src_lang or inherited.src_lang,
        tgt_lang=layer.tgt_lang or inherited.tgt_lang,
        glossary=layer.glossary or inherited.glossary,
        fail_on=layer.fail_on if layer.fail_on is not None else inherited.fail_on,
        origin=inherited.origin or layer.origin,
    )
