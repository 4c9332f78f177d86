"""What a number found in text is: its span, what it is worth, and how it
was written. Values are exact fractions: a figure and its translation are
equal or they are not, whatever the locale wrote (94.000, 94,000, 94 000)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

# kinds
PLAIN, PERCENT, MONEY, UNIT, ORDINAL, YEAR, DECADE = "plain", "percent", "money", "unit", "ordinal", "year", "decade"
DATE, MONTH, WEEKDAY, TIME, TOKEN = "date", "month", "weekday", "time", "token"
# how it was written: digits are what a translation must keep; words and
# native numerals are paraphrased more often (a couple, both, 两)
DIGITS, WORDS, NAME = "digits", "words", "name"
# domains of values: a reading is (domain, value); a time of day 20:30 and
# the figure 20.5 are not the same thing
NUM, CLOCK, MONTH_OF_YEAR, DAY_OF_WEEK = "n", "t", "m", "w"


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    kind: str
    value: Fraction  # the likeliest reading
    readings: frozenset  # every reading the locale allows: {(domain, Fraction)}
    written: str = DIGITS
    unit: str | None = None  # ISO currency, or a unit of measure (km, mi, %, ...)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def domain(self) -> str:
        return next(iter(sorted(self.readings)))[0] if self.readings else NUM

    def same(self, other: "Number") -> bool:
        return bool(self.readings & other.readings)

    def shifted(self, offset: int) -> "Number":
        from dataclasses import replace

        return replace(self, start=self.start + offset, end=self.end + offset)


def fmt(v: Fraction) -> str:
    """A value as plain digits (94000, 3.5)."""
    if v.denominator == 1:
        return str(v.numerator)
    d = v.numerator / v.denominator
    return f"{d:.6f}".rstrip("0").rstrip(".")


# how each locale groups thousands and writes the decimal mark
_GROUPING = {"en": (",", "."), "zh": (",", "."), "ja": (",", "."), "hi": (",", "."), "ko": (",", "."),
             "de": (".", ","), "es": (".", ","), "it": (".", ","), "pt": (".", ","), "nl": (".", ","),
             "is": (".", ","), "id": (".", ","), "da": (".", ","), "tr": (".", ","),
             "fr": ("\u202f", ","), "ru": ("\u00a0", ","), "uk": ("\u00a0", ","), "cs": ("\u00a0", ","),
             "sk": ("\u00a0", ","), "pl": ("\u00a0", ","), "sv": ("\u00a0", ","), "no": ("\u00a0", ","),
             "fi": ("\u00a0", ",")}


def render(v: Fraction, lang: str | None) -> str:
    """A value written as the language writes figures (94,000 / 94.000 / 94 000; 3.5 / 3,5)."""
    group, dec = _GROUPING.get((lang or "en")[:2], (",", "."))
    s = fmt(v)
    whole, _, frac = s.partition(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    if len(whole) > 4 or (len(whole) == 4 and group in ",."):
        parts = []
        while len(whole) > 3:
            parts.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = group.join([whole] + parts)
    return ("-" if neg else "") + whole + (dec + frac if frac else "")
