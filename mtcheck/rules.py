"""Every rule a check can raise: what it means, how serious it is when its
evidence is certain, and an example. Checks name a rule and say how sure they
are; ``decide`` turns that into a severity. ``mtcheck rules`` lists this table."""

from __future__ import annotations

from dataclasses import dataclass

from .types import Severity

C, M, m, I = Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO

# What an editor reads beside the rule id.
CATEGORY_LABELS = {
    "names": "Names", "quotes": "Quotations", "numbers": "Numbers", "omission": "Something left out",
    "addition": "Something added", "untranslated": "Left untranslated", "terminology": "House style",
    "fluency": "Fluency", "adequacy": "Meaning", "format": "Format and input",
}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity  # at full confidence
    description: str
    example: str = ""

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


_TABLE = (
    Rule("names.missing", M, "a name of the source is not in the translation", "Antony Blinken -> 'the secretary'"),
    Rule("names.altered", C, "a name of the source is cut short or misspelt", "Antony Blinken -> Antony Blink"),
    Rule("names.replaced", C, "a name of the source is another name in the translation", "Donald Trump -> Donald Harrington"),
    Rule("names.translated", M, "a person's name rendered as ordinary words", "José Blanco -> José White"),
    Rule("names.added", M, "a name in the translation that the source does not have", "'the minister' -> 'Minister Ruiz'"),
    Rule("names.inconsistent", C, "a name cut short in one place of the translation", "Blinken ... Blink"),
    Rule("names.variant", m, "one name spelt two ways in the translation", "Greggs ... Greegs"),
    Rule("quotes.unclosed", M, "a quotation is opened and never closed", "“serious consequences, he said."),
    Rule("quotes.attribution", M, "a closing mark after the space pulls the attribution into the quotation",
         "positions, “said Blinken"),
    Rule("quotes.misplaced", M, "a quotation mark on the wrong side of a space", "consequences “ that"),
    Rule("quotes.direction", m, "an opening mark used as a closing one, or the reverse", "“consequences“ that"),
    Rule("quotes.spacing", m, "no space, or a stray one, beside a quotation mark", "consequences”that"),
    Rule("quotes.stray", m, "a quotation mark with no partner", "he said ” yesterday"),
    Rule("quotes.mixed", m, "quotations in two conventions in one article", "«...» and “...”"),
    Rule("quotes.missing", C, "a quoted statement of the source is not quoted in the translation", "«No habrá guerra», dijo -> He said there would be no war"),
    Rule("quotes.added", M, "a quotation in the translation that the source does not quote", "he called it a mistake -> he called it “a mistake”"),
    Rule("quotes.unfaithful", C, "a quotation that no longer says what the source's says", "“we will” -> “we will not”"),
    Rule("quotes.speaker", C, "a quotation attributed to someone else", "said Blinken -> said Lavrov"),
    Rule("numbers.changed", C, "a figure of the source is another figure in the translation", "94.000 -> 49,000"),
    Rule("numbers.missing", M, "a figure of the source is not in the translation", "400 euros -> 'a bonus'"),
    Rule("numbers.added", M, "a figure in the translation that the source does not have", "'a bonus' -> 400 euros"),
    Rule("omission.sentence", M, "a source sentence with no counterpart in the translation", "three sentences -> two, the second gone"),
    Rule("omission.empty", C, "the translation is empty", "an article -> an empty file"),
    Rule("addition.sentence", M, "a translated sentence with no counterpart in the source", "two sentences -> three, one invented"),
    Rule("untranslated.source_language", C, "the translation is still in the source language", "es -> en, yet the output is Spanish"),
    Rule("untranslated.paragraph", C, "a paragraph in the source language, or another one", "an English article with one paragraph left in Spanish"),
    Rule("untranslated.word", M, "a word of the source left untranslated inside a translated sentence",
         "She is in 拘留 pending trial; the guerra ended"),
    Rule("untranslated.copy", C, "a paragraph copied from the source untranslated", "El ministro dijo... -> El ministro dijo..."),
    Rule("terminology.avoid", M, "a rendering the house glossary says to avoid", "Turkey -> Türkiye"),
    Rule("fluency.perplexity", m, "a sentence the language model finds unlikely", "The minister the said yesterday of"),
    Rule("adequacy.low_similarity", M, "source and translation sentences far apart under the encoder", "Rain is expected -> The match was won"),
    Rule("adequacy.low_quality", M, "the quality model rates the sentence low", "a garbled, word-for-word sentence"),
    Rule("adequacy.negation", M, "a negation on one side of an aligned sentence only: the meaning may be reversed",
         "Il n'a pas signé -> He signed"),
    Rule("adequacy.roundtrip", M, "the back-translation is far from the source", "Rain is expected -> (back) The match was won"),
    Rule("format.language", M, "the text reads as another language than the one declared", "--tgt-lang de, the text is Dutch"),
    Rule("format.control", m, "a control character in the text", "a NUL byte (U+0000) inside a word"),
    Rule("format.mojibake", m, "mis-decoded text repaired (Ã³ for ó)", "informaciÃ³n -> información"),
    Rule("format.boilerplate", m, "site chrome in the article text (breadcrumb, related links, comments)",
         "Home » world » …"),
    Rule("format.encoding", I, "the input was not UTF-8", "a cp1252 file"),
    Rule("format.unreadable", C, "the input could not be read (binary, empty, undecodable)", "a PDF given as text"),
)
RULES: dict[str, Rule] = {r.id: r for r in _TABLE}


def rule(rule_id: str) -> Rule:
    return RULES.get(rule_id) or Rule(rule_id, Severity.MAJOR, "")
