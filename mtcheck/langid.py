"""Offline language identification (lingua, whose models ship in its wheel).

The detector covers the languages news is syndicated in, not all 75 lingua
knows: fewer candidates load faster and confuse less on short text."""

from __future__ import annotations

import functools
import re

NEWS_LANGS = (
    "en", "es", "pt", "fr", "de", "it", "nl", "ca", "pl", "cs", "sk", "ro", "hu", "sv", "da", "nb", "fi",
    "el", "tr", "ru", "uk", "bg", "sr", "hr", "ar", "fa", "he", "hi", "bn", "zh", "ja", "ko", "id", "vi",
)
_ISO = re.compile(r"^[a-z]{2}$")


def valid_code(code: str) -> bool:
    from lingua import IsoCode639_1

    return bool(_ISO.match(code)) and hasattr(IsoCode639_1, code.upper())


# Languages close enough that a detector mistakes one for the other on a
# paragraph of news (Czech and Slovak; Danish, Norwegian and Swedish; the
# Serbo-Croatian standards; Spanish, Galician and Portuguese; Malay and
# Indonesian): one read as its neighbour is no evidence of an untranslated passage.
_NEIGHBOURS = ({"cs", "sk"}, {"da", "nb", "nn", "no", "sv"}, {"hr", "sr", "bs"}, {"es", "gl", "pt"},
               {"id", "ms"}, {"bg", "mk"})


def neighbours(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _NEIGHBOURS)


@functools.lru_cache(maxsize=64)
def known(code: str | None) -> bool:
    """Can the detector tell this language (lingua has a model for it)?"""
    return bool(code) and valid_code(code) and _language_or_none(code) is not None


def _language_or_none(code: str):
    try:
        return _language(code)
    except (AttributeError, ValueError):
        return None


@functools.lru_cache(maxsize=8)
def _detector(extra: tuple[str, ...] = ()):
    """NEWS_LANGS and the languages of the run (Icelandic news is checked too)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in dict.fromkeys(NEWS_LANGS + extra):
        try:
            langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    # Low-accuracy mode uses trigram models only: it loads in a fraction of a
    # second instead of several, and is as good on paragraphs and articles.
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def detect(text: str, extra: tuple[str, ...] = ()) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of the dominant language, or (None, 0);
    ``extra``: languages to tell beside NEWS_LANGS."""
    sample = " ".join(text.split())[:3000]
    if len(re.findall(r"\w", sample)) < 8:
        return None, 0.0
    values = _detector(tuple(sorted(c for c in extra if c and c not in NEWS_LANGS and known(c)))).compute_language_confidence_values(sample)
    top = values[0] if values else None
    if top is None or top.value <= 0:  # lingua gives every language 0 when it sees none (digits only)
        return None, 0.0
    return top.language.iso_code_639_1.name.lower(), float(top.value)


def detect_paragraphs(text: str, spans, extra: tuple[str, ...] = ()) -> tuple[str | None, float, list[tuple[tuple[int, int], str, float]]]:
    """Per-paragraph detection, and the language that covers most of the text.

    Whole-text detection lets one foreign paragraph outweigh several short
    ones in the main language; counting characters per paragraph does not."""
    per = []
    weight: dict[str, float] = {}
    for s, e in spans:
        code, conf = detect(text[s:e], extra)
        if code:
            per.append(((s, e), code, conf))
            weight[code] = weight.get(code, 0.0) + (e - s) * conf
    if not weight:
        return None, 0.0, per
    best = max(weight, key=weight.get)
    return best, weight[best] / sum(weight.values()), per


@functools.lru_cache(maxsize=16)
def _pair_detector(a: str, b: str):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in (a, b)]
    # High-accuracy models for just two languages load quickly.
    return LanguageDetectorBuilder.from_languages(*langs).build()


def confirm(text: str, suspected: str, expected: str) -> float:
    """How sure a high-accuracy two-way detector is that ``text`` is in
    ``suspected`` rather than ``expected`` (0..1)."""
    if suspected == expected:
        return 1.0
    try:
        det = _pair_detector(*sorted((suspected, expected)))
    except (AttributeError, ValueError):
        return 0.0
    return float(det.compute_language_confidence(text, _language(suspected)))


def _language(code: str):
    from lingua import IsoCode639_1, Language

    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
