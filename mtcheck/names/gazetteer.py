"""Names of one entity across languages: CLDR's countries, territories and
languages (through Babel), and the shipped exonym list for cities, regions
and organisations that news names differently per language."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from .normalize import fold, stem, tokens

_LANGS = ("en", "es", "pt", "fr", "de", "it", "pl", "cs", "ru", "uk", "nl", "ca", "ro", "hu", "zh", "ja", "hi", "ar", "el", "tr", "sv")


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], list[tuple[str, ...]]]:
    """folded form -> entity number; entity number -> its forms."""
    entities: list[tuple[str, ...]] = []
    index: dict[str, int] = {}

    def add(forms):
        forms = tuple(dict.fromkeys(f for f in forms if f))
        n = len(entities)
        entities.append(forms)
        for f in forms:
            index.setdefault(fold(f), n)
            index.setdefault(_stemmed(f), n)  # inflected forms: Stanach Zjednoczonych

    data = tomllib.loads(resources.files(__package__).joinpath("exonyms.toml").read_text(encoding="utf-8"))
    for forms in data["entries"]:
        add(forms)
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel is a core dependency
        return index, entities
    locales = []
    for code in _LANGS:
        try:
            locales.append(Locale.parse(code))
        except Exception:  # an unknown locale in an old Babel
            continue
    codes = [c for c in locales[0].territories if c.isalpha() and len(c) == 2]
    for c in codes:
        add([loc.territories.get(c, "") for loc in locales])
    for c in locales[0].languages:
        if len(c) == 2:
            add([loc.languages.get(c, "") for loc in locales])
    return index, entities


def _stemmed(name: str) -> str:
    return "~" + " ".join(stem(t) for t in tokens(name))


@functools.lru_cache(maxsize=65536)
def aliases(name: str) -> tuple[str, ...]:
    """Every form of the entity ``name`` names, or () when it is not known."""
    index, entities = _table()
    n = index.get(fold(name))
    if n is None:
        n = index.get(_stemmed(name))
    return entities[n] if n is not None else ()


def is_known(name: str) -> bool:
    return bool(aliases(name))
