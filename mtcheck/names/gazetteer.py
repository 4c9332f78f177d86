"""Names of one entity across languages: CLDR's countries, territories,
languages and the cities it names time zones after (through Babel), and the
shipped exonym list for cities, regions and organisations that news names
differently per language."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path

from .normalize import fold, stem, tokens

_LANGS = ("en", "es", "pt", "fr", "de", "it", "pl", "cs", "ru", "uk", "nl", "ca", "ro", "hu", "zh", "ja", "hi", "ar", "el", "tr", "sv")


def covers(lang: str | None) -> bool:
    """Are this language's forms of places and bodies known (CLDR through Babel)?"""
    return (lang or "").split("-")[0].lower() in _LANGS


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], list[tuple[str, ...]]]:
    """folded form -> entity number; entity number -> its forms. Built from
    CLDR for 21 languages in about a second, so kept in the user cache under
    a key of what it is built from: Babel's version, the exonym list and this
    module's code."""
    from ..cache import cached_json, key_of

    try:
        import babel

        babel_version = babel.__version__
    except ImportError:  # pragma: no cover - babel is a core dependency
        babel_version = "none"
    here = resources.files(__package__)
    key = key_of(babel_version, here.joinpath("exonyms.toml").read_bytes(), Path(__file__).read_bytes())
    index, entities = cached_json("gazetteer", key, lambda: list(_build()))
    return index, [tuple(e) for e in entities]


def _build() -> tuple[dict[str, int], list[list[str]]]:
    entities: list[list[str]] = []
    index: dict[str, int] = {}

    def add(forms):
        forms = [f for f in dict.fromkeys(forms) if f]
        # one entity per thing: CLDR's 美国 joins the shipped entry that has US and U.S.
        known = [index[_key(f)] for f in forms if _key(f) in index]
        n = known[0] if known else len(entities)
        if not known:
            entities.append([])
        for f in forms:
            if f not in entities[n]:
                entities[n].append(f)
            index.setdefault(_key(f), n)
            if not _CJK.search(f):
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
    # countries and territories, and the continents (Africa, Americas, Asia, Europe, Oceania...)
    codes = [c for c in locales[0].territories if c.isalpha() and len(c) == 2]
    for c in codes + ["002", "005", "009", "019", "021", "142", "150", "419"]:
        add([loc.territories.get(c, "") for loc in locales])
    for c in locales[0].languages:
        if len(c) == 2:  # not a two-letter form: Twi is "ci" somewhere, and Ci starts Italian sentences
            add([f for f in (loc.languages.get(c, "") for loc in locales) if len(f) > 2])
    for forms in _cities(locales):
        add(forms)
    return index, entities


# Time-zone cities that are ordinary words or surnames more often than places
# (Regina, Resolute, Darwin), and zones named after small towns and stations.
_NOT_CITIES = ("Etc/", "Antarctica/", "America/Indiana/", "America/Kentucky/", "America/North_Dakota/")
_AMBIGUOUS = {"Regina", "Resolute", "Oral", "Nome", "Stanley", "Darwin", "Cayenne", "Creston", "Eucla", "Lindeman",
              "Thule", "Chita", "Dawson", "Swift Current", "Broken Hill", "Wake Island", "Midway Atoll",
              "Christmas Island", "Canton Island", "Gambier", "Kirov", "Menominee", "Marigot", "Bahia"}


def _cities(locales) -> list[list[str]]:
    """The exemplar cities of CLDR's time zones in each language (Tokio,
    Moskau, 东京, टोक्यो): about 400 capitals and large cities."""
    from babel.dates import get_timezone_location

    out = []
    zones = sorted({z for loc in locales for z in loc.time_zones if "/" in z and not z.startswith(_NOT_CITIES)})
    for zone in zones:
        try:
            english = get_timezone_location(zone, locale="en", return_city=True)
        except Exception:  # a zone this Babel's tz database lacks
            continue
        if english in _AMBIGUOUS:
            continue
        out.append([english] + [loc.time_zones.get(zone, {}).get("city", "") for loc in locales])
    return out


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _key(form: str) -> str:
    """A form's index key: folded, but Chinese and Japanese as written, since
    their romanisation meets other names (巴黎 is "bali", パリ "pari")."""
    return "=" + unicodedata.normalize("NFKC", form) if _CJK.search(form) else fold(form)


def _stemmed(name: str) -> str:
    return "~" + " ".join(stem(t) for t in tokens(name))


@functools.lru_cache(maxsize=65536)
def aliases(name: str) -> tuple[str, ...]:
    """Every form of the entity ``name`` names, or () when it is not known."""
    index, entities = _table()
    n = index.get(_key(name))
    if n is None and _CJK.search(name):
        return ()
    if n is None and (_stemmed(name) != "~" + " ".join(tokens(name)) or len(fold(name)) > 4):
        # an inflected form (Stępińskiego), or one without an ending (Włoch,
        # of Włochy): by its stem; but a short word is too many words' stem (Land is not the Landes)
        n = index.get(_stemmed(name))
    if n is None:
        n = next((index[f] for f in _uninflected(fold(name)) if f in index), None)
    if n is None and _DEVANAGARI.search(name):
        n = _devanagari_forms().get(_bare(name))
    return entities[n] if n is not None else ()


def _uninflected(folded: str) -> list[str]:
    """The name with a final s or n dropped from some of its words: German
    genitives and weak endings (Südafrikas, Vereinten Nationen)."""
    words = folded.split()
    if not 0 < len(words) <= 3:
        return []
    variants = [[]]
    for w in words:
        options = [w] + [w[:-1] for end in ("s", "n") if w.endswith(end) and len(w) > 4]
        variants = [v + [o] for v in variants for o in options]
    return [" ".join(v) for v in variants[1:]]


@functools.lru_cache(maxsize=1)
def _devanagari_forms() -> dict[str, int]:
    """The Hindi forms of known names, folded without nukta and spaces: Hindi
    writes a name with or without them (ब्राजील, ब्राज़ील; हांगकांग, हाँग काँग)."""
    return {_bare(f): n for n, forms in enumerate(_table()[1]) for f in forms if _DEVANAGARI.search(f)}


def _bare(form: str) -> str:
    return fold(form.replace("\u093c", "").replace(" ", ""))


def known_devanagari(words: str) -> bool:
    """Are ``words`` (in Devanagari) a known name's Hindi form?"""
    return _bare(words) in _devanagari_forms()


def is_known(name: str) -> bool:
    return bool(aliases(name))


def is_known_form(name: str) -> bool:
    """Known as written (folded), not only through a stem: Rund is no form of Rundi."""
    return _key(name) in _table()[0]
