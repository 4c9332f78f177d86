"""What a quotation is, and what its words carry across a translation.

Quotation marks do several jobs in news: they report a statement (“We will
not give in,” she said), take a phrase of someone's into the writer's own
sentence (called it “a long time before we see deflation”), and mark a
title, a name or a term (the report “Beyond These Walls”, so-called
“traitors”). Only the first must survive translation as a quotation:
translators render titles with or without marks, in «…» or „…“, and weave
phrases into reported speech. ``kind`` tells them apart by their shape:

- a **term**: a few words, or words in title case;
- a **phrase**: a quotation that starts in lower case inside a sentence,
  part of the writer's syntax;
- a **statement**: the rest, a sentence or more in the speaker's words.

Across the translation, the checks compare what survives any rendering:
figures, the speaker's first person (kept in direct speech, shifted in
reported speech in most European languages) and negation."""

from __future__ import annotations

import re

from ..numbers.parse import figures

TERM, PHRASE, STATEMENT = "term", "phrase", "statement"

_WORD = re.compile(r"(?:[^\W\d_]|[\u0900-\u0dff])+")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CASED = re.compile(r"[^\W\d_]")
# a statement has at least this many words; a title case run of this many is a title
MIN_WORDS = 3
# fewer words than this, unpunctuated, and no one speaking in them: a term
SHORT_TERM = 5
# a quotation of this many words or fewer is one clause: a negation there is its polarity
SHORT = 12


def word_count(s: str) -> float:
    """Words, a Chinese or Japanese character counting half of one."""
    cjk = len(_CJK_CHAR.findall(s))
    return len(_WORD.findall(_CJK_CHAR.sub(" ", s))) + cjk / 2


def _cased(s: str) -> bool:
    letters = _CASED.findall(s)
    return bool(letters) and sum(c.lower() != c.upper() for c in letters) > 0.5 * len(letters)


def _title_case(words: list[str]) -> bool:
    long_ = [w for w in words if len(w) >= 4]
    return len(long_) >= 2 and all(w[:1].isupper() for w in long_)


def kind(text: str, start: int, end: int, lang: str | None = None) -> str:
    """The kind of the quotation whose inner text is ``text[start:end]``."""
    inner = text[start:end].strip()
    n = word_count(inner)
    if n < MIN_WORDS:
        return TERM
    punctuated = bool(re.search(r"[,，、;；:：。.!?！？।…]", inner))
    if not _cased(inner):
        # no capitals to tell a title from a sentence: a statement has clause
        # punctuation or runs long (「…、…」, "…, …।")
        return STATEMENT if punctuated or n >= 8 else TERM
    words = _WORD.findall(inner)
    if _title_case(words) and not re.search(r"[.!?]$", inner):
        return TERM
    if n < SHORT_TERM and not punctuated and not first_person(inner, lang) and not negations(inner, lang):
        return TERM  # a few words with nobody speaking in them: a name, a title (За этими стенами)
    first = next((c for c in inner if c.isalpha()), "")
    if first.islower():
        # lower case after a colon is still the start of what was said
        before = text[:start].rstrip(" \u00a0\u202f\"“”«»„")
        return STATEMENT if before.endswith((":", "—", "–")) else PHRASE
    return STATEMENT


def numbers(s: str) -> list[str]:
    """The numbers written in digits, their separators dropped (mtcheck.numbers:
    a space groups thousands only, so "2 500" is one number, "2024 10" two)."""
    return sorted(d for _, d in figures(s))


def number_change(a: str, b: str) -> tuple[list[str], list[str]]:
    """The numbers of ``a`` that ``b`` lacks and those ``b`` has that ``a``
    lacks, a number meeting its match whatever its scale words (2.5 billion,
    2 500 millions: 25 and 2500 are one figure)."""
    na, nb = numbers(a), numbers(b)

    def same(x: str, y: str) -> bool:
        return x == y or x.rstrip("0") == y.rstrip("0") != ""

    left, right = list(na), list(nb)
    for x in na:
        y = next((y for y in right if same(x, y)), None)
        if y is not None:
            left.remove(x)
            right.remove(y)
    return left, right


# First person (pronouns and possessives): kept in direct speech, shifted
# to the third in reported speech. Words that double as others are left out
# (Portuguese nos "in the", Icelandic við "at", Italian ci "there").
_FIRST_PERSON = {
    "en": r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves)\b",
    "es": r"\b(?:yo|me|mí|mi|mis|conmigo|nosotros|nosotras|nos|nuestro|nuestra|nuestros|nuestras)\b",
    "pt": r"\b(?:eu|mim|meu|minha|meus|minhas|comigo|nós|nosso|nossa|nossos|nossas)\b",
    "fr": r"\b(?:je|moi|mon|ma|mes|nous|notre|nos)\b|\b[jm]['’]",
    "it": r"\b(?:io|mio|mia|miei|mie|noi|nostro|nostra|nostri|nostre)\b",
    "de": r"\b(?:ich|mich|mir|mein|meine|meinen|meinem|meiner|meines|wir|uns|unser|unsere|unseren|unserem|unserer|unseres)\b",
    "nl": r"\b(?:ik|mij|mijn|wij|ons|onze)\b",
    "pl": r"\b(?:ja|mnie|mną|mój|moja|moje|moi|moich|moim|moją|my|nas|nam|nami|nasz|nasza|nasze|naszych|naszym|naszego|naszej)\b",
    "cs": r"\b(?:já|mě|mne|mně|mnou|můj|moje|moji|mého|mému|mým|my|nás|nám|námi|náš|naše|našeho|našemu|naším|našich|našim)\b",
    "sk": r"\b(?:ja|mňa|mne|mnou|môj|moja|moje|my|nás|nám|nami|náš|naša|naše)\b",
    "ru": r"(?<!\w)(?:я|меня|мне|мной|мною|мой|моя|моё|мое|мои|моего|моей|моему|моим|моих|мы|нас|нам|нами|наш|наша|наше|наши|нашего|нашей|нашему|нашим|наших)(?!\w)",
    "uk": r"(?<!\w)(?:я|мене|мені|мною|мій|моя|моє|мої|мого|моєї|моєму|моїм|моїх|ми|нас|нам|нами|наш|наша|наше|наші|нашого|нашої|нашому|нашим|наших)(?!\w)",
    "is": r"\b(?:ég|mig|mér|mín|minn|mína|mitt|mínir|okkur|okkar)\b",
    "hi": r"(?<!\S)(?:मैं|मुझे|मुझको|मेरा|मेरी|मेरे|हम|हमें|हमारा|हमारी|हमारे|हमको)(?!\S)",
    "ja": r"私(?!的|立|有|物|鉄|服|設|用|学|邸|財|見|生)|僕|我々|我が|わたし|弊社|当社",
    "zh": r"我(?!国|省|市|区|军|县|方)|咱们|本人",
}
# Languages whose reported speech shifts the speaker's first person to the
# third: there, first person left outside quotation marks is direct speech.
# Hindi and Japanese keep the speaker's person in reported speech.
PERSON_SHIFT = frozenset({"en", "es", "pt", "fr", "it", "de", "nl", "pl", "cs", "sk", "ru", "uk", "is"})


def first_person(s: str, lang: str | None) -> bool | None:
    """Does ``s`` speak in the first person? None where the language is not known."""
    pat = _FIRST_PERSON.get((lang or "").lower())
    if pat is None:
        return None
    flags = 0 if (lang or "").lower() == "en" else re.IGNORECASE
    return bool(re.search(pat, s, flags))


_NEGATION = {
    "en": r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without|cannot)\b|n['’]t\b",
    "es": r"\b(?:no|nunca|jamás|nadie|nada|ni|sin|tampoco|ningún|ninguna|ninguno)\b",
    "pt": r"\b(?:não|nunca|jamais|ninguém|nada|nem|sem|nenhum|nenhuma)\b",
    "fr": r"\b(?:pas|jamais|rien|aucun|aucune|sans|personne|nullement|guère)\b",
    "it": r"\b(?:non|mai|niente|nulla|nessuno|nessuna|senza|né)\b",
    "de": r"\b(?:nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|niemand|ohne|weder)\b",
    "nl": r"\b(?:niet|geen|nooit|niets|niemand|zonder)\b",
    "pl": r"\b(?:nie|nigdy|nikt|nic|bez|żaden|żadna|żadne)\b",
    "ru": r"(?<!\w)(?:не|нет|никогда|никто|ничего|без|ни)(?!\w)",
}


def negations(s: str, lang: str | None) -> int | None:
    """How many negation words ``s`` has; None where the language is not known."""
    pat = _NEGATION.get((lang or "").lower())
    return None if pat is None else len(re.findall(pat, s, re.IGNORECASE))
