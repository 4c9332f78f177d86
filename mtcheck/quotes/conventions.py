"""Quotation-mark conventions of the languages news is published in.

Each language lists its quotation pairs, outer level first. A glyph's role
(opening or closing) depends on the language: “ opens in English and closes
in German. French puts a (narrow) no-break space inside guillemets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuotePair:
    open: str
    close: str
    name: str


CURLY = QuotePair("“", "”", "English curly “…”")
CURLY_SINGLE = QuotePair("‘", "’", "single curly ‘…’")
GUILLEMETS = QuotePair("«", "»", "guillemets «…»")
GUILLEMETS_REV = QuotePair("»", "«", "reversed guillemets »…«")
LOW_HIGH = QuotePair("„", "“", "German „…“")
LOW_HIGH_RIGHT = QuotePair("„", "”", "Polish „…”")
LOW_SINGLE = QuotePair("‚", "‘", "German single ‚…‘")
CORNER = QuotePair("「", "」", "corner brackets 「…」")
WHITE_CORNER = QuotePair("『", "』", "white corner brackets 『…』")
SWEDISH = QuotePair("”", "”", "Nordic ”…”")
STRAIGHT = QuotePair('"', '"', 'straight "…"')

_ROMANCE = (GUILLEMETS, CURLY, CURLY_SINGLE, STRAIGHT)
CONVENTIONS: dict[str, tuple[QuotePair, ...]] = {
    "en": (CURLY, CURLY_SINGLE, STRAIGHT),
    "es": _ROMANCE,
    "pt": _ROMANCE,
    "it": _ROMANCE,
    "ca": _ROMANCE,
    "ru": (GUILLEMETS, LOW_HIGH, STRAIGHT),
    "uk": (GUILLEMETS, LOW_HIGH, STRAIGHT),
    "fr": (GUILLEMETS, CURLY, STRAIGHT),
    "de": (LOW_HIGH, LOW_SINGLE, GUILLEMETS_REV, STRAIGHT),
    "cs": (LOW_HIGH, LOW_SINGLE, GUILLEMETS_REV, STRAIGHT),
    "sk": (LOW_HIGH, LOW_SINGLE, GUILLEMETS_REV, STRAIGHT),
    "pl": (LOW_HIGH_RIGHT, GUILLEMETS, STRAIGHT),
    "hu": (LOW_HIGH_RIGHT, GUILLEMETS_REV, STRAIGHT),
    "ro": (LOW_HIGH_RIGHT, GUILLEMETS, STRAIGHT),
    "nl": (CURLY, LOW_HIGH_RIGHT, CURLY_SINGLE, STRAIGHT),
    "sv": (SWEDISH, STRAIGHT),
    "fi": (SWEDISH, STRAIGHT),
    "ja": (CORNER, WHITE_CORNER, CURLY, STRAIGHT),
    "zh": (CURLY, CORNER, WHITE_CORNER, STRAIGHT),
}
DEFAULT = (CURLY, GUILLEMETS, LOW_HIGH, CURLY_SINGLE, STRAIGHT)
# Languages that put a space inside guillemets.
INNER_SPACE = {"fr"}
# Languages written without spaces between words: spacing rules do not apply.
NO_SPACES = {"ja", "zh"}

DOUBLE_MARKS = set('“”«»„"「」『』')



def conventions(lang: str | None) -> tuple[QuotePair, ...]:
    return CONVENTIONS.get((lang or "").lower(), DEFAULT)
