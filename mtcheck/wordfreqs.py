"""Word frequencies (wordfreq's Zipf scale: 3 is a word met once in a
million words, 6 once in a thousand), looked up fast and cached; None where
wordfreq cannot say."""

from __future__ import annotations

import functools
import math
import unicodedata

# languages written without case or spaces, whose words wordfreq finds with a
# tokenizer of its own: a lookup there says nothing reliable
NO_CASE_SCRIPTS = {"zh", "ja", "ko", "hi", "ar", "fa", "he", "th", "bn"}


@functools.lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float | None:
    """wordfreq's Zipf frequency, or None where it cannot say (no wordfreq,
    or a language that needs a tokenizer it lacks, such as Japanese)."""
    if lang in NO_CASE_SCRIPTS:
        return None
    table = frequencies(lang)
    low = word.lower()
    if table is not None and low.isalpha():
        # a plain word: wordfreq's own table, without its tokenizer (the same
        # value as zipf_frequency, many times faster); casefolded as wordfreq does (Fuß: fuss)
        return listed(word, lang)
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(low, lang)
    except Exception:  # ImportError, or wordfreq's own errors for a language
        return None


def listed(word: str, lang: str) -> float:
    """The Zipf frequency of ``word`` as one entry of the language's table,
    in any language: looking up one word needs no tokenizer (wordfreq's
    Chinese and Japanese lists are of words found by one); 0 where the
    table does not list it or there is no table."""
    table = frequencies(lang)
    f = table.get(unicodedata.normalize("NFC", word).casefold(), 0.0) if table is not None else 0.0
    return round(math.log10(f) + 9, 2) if f > 1e-9 else 0.0


@functools.lru_cache(maxsize=None)
def frequencies(lang: str) -> dict | None:
    try:
        from wordfreq import get_frequency_dict

        return get_frequency_dict(lang)
    except Exception:  # no wordfreq, or no list for the language
        return None
