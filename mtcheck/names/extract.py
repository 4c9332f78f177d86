"""Find the names in a text: people, organisations, places, events, works.

With models on, the tagger of the languages that have one on PyPI
(``taggers.py``: English, Spanish and Portuguese, French, Japanese), with
the cues below for what it misses. Otherwise, and for every
other language, cues that need no model: capitalised word
sequences that do not just start a sentence (German capitalises every noun,
so there a capitalised word must also be rare or known), acronyms, Latin
words inside a text in another script, and gazetteer entries in any script.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace

from .gazetteer import known_devanagari, _table, is_known, is_known_form
from .name import Name
from .normalize import fold
from .taggers import SPACY_MODELS, spacy_model, tagged  # noqa: F401  (spacy_model: part of this module's interface)

# Languages whose tagger misses rare single-word names that capitalisation
# finds. Not English: there such words are mostly misspelt ones (Saterday).
_WEAK_TAGGERS = {"es", "pt", "fr"}
# Lower-case words that can sit inside a name (Banco de España, Bank of
# England); not "and", which joins two names far more often than it is one.
_CONNECT = {"de", "del", "la", "le", "van", "von", "der", "da", "di", "dos", "du", "al", "bin", "ibn", "of", "the", "for"}
_CAP = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]+")
_ELISION = re.compile(r"[a-zà-ÿ]{1,5}['’](?=[^\W\d_])")  # French and Italian articles and prepositions
from ..wordfreqs import NO_CASE_SCRIPTS as _NO_CASE_SCRIPTS  # noqa: E402
from ..wordfreqs import zipf as _zipf  # noqa: E402
# Words that are capitalised for grammar, not because they are names.
_FUNCTION = {
    "en": "i a an the he she it we they you this that these those mr mrs ms dr his her their our its on in at by for but and or if as of to "
    "according after before from with without during since under over also",
    "es": "el la los las un una unos unas él ella ellos ellas este esta estos estas ese esa sr sra don doña en por para pero y o si como de del al "
    "según sobre tras ante bajo contra desde hacia hasta entre durante mediante sin con también además así",
    "fr": "le la les un une des il elle ils elles ce cette ces m mme en par pour mais et ou si comme de du au aux "
    "selon sur sous après avant contre depuis vers chez entre pendant sans avec aussi ainsi",
    "de": "der die das ein eine einen einem einer er sie es wir ihr sie dies diese dieser herr frau in im am an auf für aber und oder wenn wie von zu",
    "it": "il lo la i gli le un una uno lui lei loro questo questa sig in per ma e o se come di del della",
    "pt": "o a os as um uma ele ela eles elas este esta sr sra em por para mas e ou se como de do da",
    "ru": "в во на с со к по из за от до у о об и а но что это он она они мы вы я как так же при для",
    "uk": "в у на з із до від за по і й та а але що це він вона вони ми ви я як так же при для",
    "pl": "w we na z ze do od za po i a ale że to on ona oni my wy ja jak tak przy dla",
    "cs": "v ve na z ze do od za po i a ale že to on ona oni my vy já jak tak při pro",
}


@functools.lru_cache(maxsize=None)
def _calendar(lang: str) -> frozenset[str]:
    """Day and month names (CLDR via Babel): capitalised in English, never names."""
    try:
        from babel import Locale

        loc = Locale.parse(lang or "en")
    except Exception:  # unknown locale, or no Babel
        return frozenset()
    words = set()
    for table in (loc.days, loc.months):
        for context in table.values():
            for width in context.values():
                words.update(fold(v).strip(".") for v in width.values())
    return frozenset(w for w in words if len(w) > 2)


_START = re.compile(r"(?:^|[.!?…:]\s+|[“«„\"‚‘「『(]\s?|\n)\W*?([^\W\d_])")


def _sentence_starts(text: str, spans) -> set[int]:
    """Offsets of words capitalised by position: at the start of a sentence,
    after a sentence inside a quotation, or right after an opening mark."""
    starts = set()
    for s, e in spans:
        m = re.search(r"[^\W_]", text[s : s + 20])  # after opening quotes or a bullet
        if m:
            starts.add(s + m.start())
    for m in _START.finditer(text):
        starts.add(m.start(1))
    return starts


def _capitalised_mid_sentence(text: str, starts: set[int]) -> set[str]:
    """Folded words capitalised somewhere other than a sentence start: such
    a word is a name everywhere in the text."""
    return {fold(m.group()) for m in _CAP.finditer(text) if m.start() not in starts and m.group()[:1].isupper()}


def _acronym(word: str) -> bool:
    """NHL, (CSU): all capitals, so not capitalised by position."""
    return len(word) > 1 and word.isupper()


def _particle(word: str, pos: int, starts: set[int]) -> bool:
    """A capitalised particle mid-sentence, which begins a surname there (Del Potro, Van Gogh, De Gaulle)."""
    return word[:1].isupper() and word.lower() in _PARTICLES and pos not in starts


_PARTICLES = {"de", "del", "della", "di", "da", "dos", "du", "van", "von", "le", "la", "al", "el", "ben", "bin", "mac", "ter"}


def _camel(word: str) -> bool:
    """A capital inside a word (McDonald's, DeSantis, iPhone): never a capital of position."""
    return any(c.isupper() for c in word[1:].split("'")[0].split("’")[0]) and not word.isupper()


def _overlaps(n: Name, names: list[Name]) -> bool:
    return any(o.start < n.end and n.start < o.end for o in names)


def _caps(text: str, lang: str, starts: set[int], mid: set[str]) -> list[Name]:
    """Capitalised word runs that are names; ``starts``: the offsets of
    sentence starts, ``mid``: the words capitalised elsewhere."""
    function = set(_FUNCTION.get(lang, _FUNCTION["en"]).split())
    words = []
    for m in _CAP.finditer(text):
        s, w = m.start(), m.group()
        elided = _ELISION.match(w)
        if elided:  # l'ONU, d'Alembert, dell'Onu: the name after the article
            s, w = s + elided.end(), w[elided.end():]
        words.append((s, s + len(w), w))
    out: list[Name] = []
    run: list[tuple[int, int, str]] = []

    def flush():
        if lang == "de":
            # Every German noun is capitalised, and compounds are rare words.
            # A word counts as a name when it is known, or is used in English
            # text as well (Söder, Thunberg: names travel, compounds do not);
            # the run is split at the other words.
            if len(run) > 1 and is_known(" ".join(w for _, _, w in run).rstrip(".")):
                _emit()  # Vereinten Nationen
                return
            known = _known_part(run)
            if known:  # Angaben der [Vereinten Nationen]: the known name, and the words either side on their own
                i, j = known
                whole = run[:]
                for part in (whole[:i], whole[i:j], whole[j:]):
                    run[:] = part
                    flush()
                return
            kept, parts = [], []
            for item in run:
                w = item[2].rstrip(".")
                if w.lower() in _CONNECT or _travels(w) or _german_name_shape(w) or _foreign_word(w) or (
                    w.endswith("s") and _travels(w[:-1])  # a genitive: Mohammeds, Südafrikas
                ):
                    kept.append(item)
                else:
                    parts.append(kept)
                    kept = []
            parts.append(kept)
            run.clear()
            for part in parts:
                run.extend(part)
                _emit()
                run.clear()
            return
        _emit()

    def _emit():
        while (run and (run[0][2].lower() in _CONNECT or run[0][2].lower() in function) and not _acronym(run[0][2])
               and not (len(run) > 1 and _particle(run[0][2], run[0][0], starts))):
            run.pop(0)
        alone = len(run) == 1  # a word after a first name is a surname (Владимира Зеленского), not an adjective
        # a title before a name: "Interior Minister Bruno Le Maire" (but Hong Kong is one name)
        while (len(run) > 1 and _ordinary(run[0][2], lang) and any(not _ordinary(w, lang) for _, _, w in run[1:])
               and not is_known_form(text[run[0][0] : run[-1][1]].rstrip(".")) and not _particle(run[0][2], run[0][0], starts)):
            if _acronym(run[0][2]) and len(run) > 2:
                # an acronym before a person (Prezydent USA Donald Trump, senatora PO Sławomira
                # Rybickiego) is a name of its own, not a title: "PO" is no preposition here
                head = [run.pop(0)]
                rest = run[:]
                run[:] = head
                _emit()
                run[:] = rest
                continue
            run.pop(0)
        while run and run[-1][2].lower() in _CONNECT:
            run.pop()
        if run:
            first = run[0]
            s, e = first[0], run[-1][1]
            name = re.sub(r"['’]s$", "", text[s:e].rstrip("."))  # Babiš's is Babiš
            e = s + len(name)
            single = len(run) == 1
            ok = True
            if single and first[0] in starts and fold(first[2]) not in mid and not is_known(first[2]) and not _acronym(first[2]):
                # just the first word of a sentence; in German, where every
                # noun is capitalised anyway, a rare word that English text
                # uses too is a name there as well (Murray verlor..., Cuomo trat...)
                ok = lang == "de" and _english_name(first[2])
            if single and not _acronym(first[2]) and (first[2].lower() in function or fold(first[2].rstrip(".")) in _calendar(lang)):
                ok = False
            word = first[2].rstrip(".")  # a sentence's full stop
            if lang == "de" and single and (word.endswith("es") and common_word(word[:-2], "de", 3.5)):
                ok = False  # a noun's genitive (des Brandes), not a name (Reyes, Hughes)
            if lang == "de" and single and not (
                _rare_or_known(word, lang) or _german_name_shape(word) or _foreign_word(word)
                or (_travels(word) and (_zipf(word, lang) or 0.0) < 3.5) or _english_name(word)
            ):
                ok = False  # a German noun, not a name
            if alone and _adjective(first[2], _next_word(text, e), lang):
                ok = False
            if ok:
                how = "acronym" if name.isupper() and len(name) <= 6 else "caps"
                out.append(Name(s, e, name, "ORG" if how == "acronym" else "NAME", how))
        run.clear()

    titles = _quoted_titles(text)
    prev_end = -1
    for s, e, w in words:
        if any(a <= s < b for a, b in titles):
            flush()  # a quoted title in title case: capitals say nothing there
            prev_end = e
            continue
        gap = text[prev_end:s] if prev_end >= 0 else ""
        contiguous = prev_end >= 0 and gap.strip() == "" and "\n" not in gap
        if w[:1].isupper() and not (w.isupper() and len(w) > 1 and _shouting(text, s)) and not _title_case(text, s):
            if run and not contiguous:
                flush()
            if run and w.lower() in function and s in starts:
                flush()
            modifier = _name_modifier(w) if lang == "de" else None
            if modifier:  # Rakoczy-Reitturnier: the name, then a common noun that ends the run
                run.append((s, s + len(modifier), modifier))
                flush()
                prev_end = -1
                continue
            run.append((s, e, w))
        elif run and contiguous and w.lower() in _CONNECT:
            run.append((s, e, w))
        else:
            flush()
        prev_end = e
    flush()
    return out


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of quotations written in title case ("People Swimming in the Pool")."""
    return [
        (m.start(1), m.end(1))
        for m in re.finditer(r"[“\"«„]([^”\"»“\n]{1,200})[”\"»“]", text)
        if _title_line(m.group(1))
    ]


@functools.lru_cache(maxsize=4096)
def _title_line(line: str) -> bool:
    """A headline in title case: no final stop, and nearly every longer word capitalised."""
    words = re.findall(r"[^\W\d_]{4,}", line)
    if len(words) < 4 or line.rstrip().endswith((".", "!", "?", "»", "”", '"')):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _title_case(text: str, pos: int) -> bool:
    """Is the word at pos in a headline written in title case? There every
    word has a capital, and capitals say nothing about names."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return _title_line(text[line_start : line_end if line_end >= 0 else len(text)])


def _shouting(text: str, pos: int) -> bool:
    """Is the word at pos part of an all-caps line (a headline in capitals)?"""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


# Oblique-case adjective endings (folded) of Slavic languages: a capitalised
# word so ending, before a lower-case noun, is an adjective made from a name
# (Атлантическим океаном, Центристской партии), translated as such.
_SLAVIC = {"ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr"}
# Russian endings are written in Cyrillic and folded as names are; oblique
# cases only (Достоевский, Плисецкая are surnames).
_ADJ_ENDINGS = tuple(fold(e) for e in (
    "ского", "ской", "ским", "ские", "ских", "ском", "скому", "ское", "ного", "ной", "ным", "ные", "ных", "ном", "ное",
)) + ("skiego", "skiej", "skich", "skie", "skim", "skeho", "skem", "skou", "ske", "skych")


def _adjective(word: str, next_word: str, lang: str) -> bool:
    return lang in _SLAVIC and next_word[:1].islower() and fold(word).endswith(_ADJ_ENDINGS)


def _ordinary(word: str, lang: str) -> bool:
    parts = [p for p in re.split(r"[-’']", word) if p]
    return bool(parts) and all(common_word(p, lang, 4.5) for p in parts)


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s+([^\W\d_]+)", text[pos : pos + 40])
    return m.group(1) if m else ""


# compounds only: "Talstraße" is a name, "Ufer" (a river bank) is not
_STREET = re.compile(r"(?<=\w{3})(?:straße|strasse|platz|gasse|allee|weg|ring|damm|ufer|brücke)$", re.IGNORECASE)


def _german_name_shape(word: str) -> bool:
    """Acronyms (CSU, ESPN) and street names (Talstraße) are names in German
    whatever their frequency."""
    letters = [c for c in word if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)) or bool(_STREET.search(word))


def _name_modifier(word: str) -> str | None:
    """The first part of a German hyphenated compound whose head is a common
    word: Rakoczy in Rakoczy-Reitturnier, ESPN in ESPN-Angaben, US in
    US-amerikanische. None for other words (Sars-CoV-2, Dingolfing-Landau)."""
    if "-" not in word.strip("-"):
        return None
    modifier, head = word.rsplit("-", 1)
    if not head.isalpha() or not modifier[:1].isupper():
        return None
    if head[:1].islower() or common_word(head, "de", 3.0) and not _foreign_word(word):
        return modifier
    # a German compound as head (Reitturnier) after a name that travels (Rakoczy)
    return modifier if not _travels(head) and (_travels(modifier) or _german_name_shape(modifier)) else None


def _known_part(run) -> tuple[int, int] | None:
    """The longest run of two to eight words inside ``run`` that the gazetteer
    knows (no known name is longer; the bound keeps a long run linear)."""
    n = len(run)
    for size in range(min(n - 1, 8), 1, -1):
        for i in range(n - size + 1):
            if is_known(" ".join(w for _, _, w in run[i : i + size]).rstrip(".")):
                return i, i + size
    return None


_LINKS = ("", "s", "es", "n", "en", "e", "er")


@functools.lru_cache(maxsize=65536)
def _compound(word: str) -> bool:
    """Is ``word`` a German compound: a common German word at its end, after
    a word with or without a linking ending (Wolfs-kinder, Reihen-untersuchung)?"""
    low = word.lower()
    for i in range(3, len(low) - 3):
        head = low[i:]  # inflected or not: Fernseh-schirme
        if any(head.endswith(k) and common_word(head[: len(head) - len(k)], "de", 3.0) for k in _LINKS):
            first = low[:i]
            stems = [first[: len(first) - len(k)] for k in _LINKS if k and first.endswith(k)] + [first, first + "e"]
            if any(common_word(t, "de", 2.0) or len(t) >= 6 and _compound(t) for t in stems):
                return True  # and the first part may be a compound itself (Hauptanziehungs-punkte)
    return False


# endings of German nouns (Abschwächung, Schwedin, Schubser)
_GERMAN_SUFFIXES = ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "tät", "ismus", "in", "innen", "er", "ern",
                    "chen", "lein", "nis", "nisse", "ie", "ien", "ik")


@functools.lru_cache(maxsize=65536)
def _foreign_word(word: str) -> bool:
    """A capitalised word German does not have at all and that is no German
    compound or inflected German word (Eighmey), or
    rare words joined by a hyphen (Dingolfing-Landau): a name in German text."""
    parts = word.split("-")
    if len(parts) > 1:
        return all(p[:1].isupper() and p.isalpha() and not common_word(p, "de", 4.0) for p in parts)
    low = word.lower()
    return (len(word) >= 4 and word.isalpha() and not _zipf(word, "de") and not low.endswith(_GERMAN_SUFFIXES)
            and not any(low.endswith(k) and common_word(low[: -len(k)], "de", 3.0) for k in _LINKS if k)
            and not _compound(word))


def _travels(word: str) -> bool:
    """Known to the gazetteer, or a word English text uses too but that is
    not an ordinary German word."""
    if is_known(word):
        return True
    en, de = _zipf(word, "en"), _zipf(word, "de")
    return en is not None and de is not None and en >= 1.0 and de < 5.0 and en + 0.5 >= de - 2.5


def _english_name(word: str) -> bool:
    """A word German text has from English more than English has it from
    German (Murray, Bush, Cuomo): a name, not a German noun (Team, Trotz)."""
    de, en = _zipf(word, "de") or 0.0, _zipf(word, "en") or 0.0
    return _travels(word) and de < 4.5 and (de < 3.0 or en > de + 0.3)


def _borrowed(word: str, lang: str) -> bool:
    """A word English text uses more than ``lang`` does, and that is no
    everyday word of ``lang``: a name from English (Walmart, Facebook)."""
    here, en = _zipf(word, lang) or 0.0, _zipf(word, "en") or 0.0
    return here < 4.0 and en > here


def _rare_or_known(word: str, lang: str) -> bool:
    if is_known(word):
        return True
    z = _zipf(word, lang)
    return z is None or z < 3.0


def common_word(word: str, lang: str | None, threshold: float = 4.0) -> bool:
    """Is ``word`` (lowercased) an ordinary word of ``lang``?"""
    z = _zipf(word, lang) if lang else None
    return z is not None and z >= threshold


def _script_names(text: str) -> list[Name]:
    """Latin words inside a text in another script (CEP, FTIR, iPhone) and
    gazetteer forms found by substring: in Chinese or Hindi nothing else marks a name."""
    out = [Name(m.start(), m.end(), m.group(), "NAME", "script") for m in _LATIN_WORD.finditer(text) if len(m.group()) > 1]
    if _SPACED_WORD.search(text):
        return out + _known_words(text)
    index, entities = _table()
    for forms in entities:
        for f in forms:
            if f and not f.isascii() and len(f) >= 2:
                i = text.find(f)
                while i >= 0 and _inside_word(text, i, i + len(f)):
                    i = text.find(f, i + 1)
                if i >= 0:
                    out.append(Name(i, i + len(f), f, "LOC", "gazetteer"))
    return out


# Titles before a person's name, and the words that end a name after one, in
# scripts without capitals: श्री डट्टन ने (Mr Dutton), डॉ मॉल का (Dr Moll).
_HONORIFICS = {
    "hi": ({"श्री", "श्रीमती", "सुश्री", "डॉ", "डॉ.", "डॉक्टर", "मि.", "मिस्टर", "मिसेज", "प्रो.", "प्रोफेसर"},
           {"ने", "को", "की", "का", "के", "से", "में", "पर", "और", "तथा", "व", "ही", "भी", "है", "हैं", "था", "थे", "थी", "जी"}),
}


def _titled(text: str, lang: str) -> list[Name]:
    """Up to three words after a title, to the first postposition or punctuation."""
    titles, stops = _HONORIFICS[lang]
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s,;:!?()\"“”‘’।|]+", text)]
    out = []
    for k, (_, _, w) in enumerate(words):
        if w not in titles:
            continue
        name = []
        for s, e, x in words[k + 1 : k + 4]:
            if x in stops or x in titles or x.isascii() or (name and s > name[-1][1] + 1):
                break
            name.append((s, e, x))
        if name:
            s, e = name[0][0], name[-1][1]
            out.append(Name(s, e, text[s:e], "PER", "title"))
    return out


_SPACED_WORD = re.compile(r"[\u0900-\u097f]+")  # Devanagari words


def _known_words(text: str) -> list[Name]:
    """Known names in a text written with spaces between words but without
    capitals (Hindi): each word, and two or three in a row, looked up as
    written, without the nukta or the spaces (ब्राजील, हांगकांग)."""
    words = [(m.start(), m.end(), m.group()) for m in _SPACED_WORD.finditer(text)]
    out: list[Name] = []
    k = 0
    while k < len(words):
        for size in (3, 2, 1):  # the longest first: संयुक्त राष्ट्र, not राष्ट्र
            run = words[k : k + size]
            if len(run) < size or any(text[a[1] : b[0]].strip() for a, b in zip(run, run[1:])):
                continue
            form = "".join(w for _, _, w in run)
            if len(form) >= 2 and known_devanagari(form):
                s, e = run[0][0], run[-1][1]
                out.append(Name(s, e, text[s:e], "LOC", "gazetteer"))
                k += size
                break
        else:
            k += 1
    return out


def _inside_word(text: str, start: int, end: int) -> bool:
    """A katakana or alphabetic form found inside a longer word of the same
    kind: チリ (Chile) inside ビーチリゾート (beach resort), संस्कृत (Sanskrit)
    inside संस्कृति (culture) are no names."""
    def kind(c: str) -> str:
        n = unicodedata.name(c, "")
        if "KATAKANA" in n or c == "ー":
            return "kana"
        if "\u0900" <= c <= "\u0dff":  # Indic letters and their signs: रोम is not a word of गैजप्रोम
            return "alpha"
        return "alpha" if c.isalpha() and not ("CJK" in n or "HIRAGANA" in n) else ""

    k = kind(text[start])
    if not k or kind(text[end - 1]) != k:
        return False
    return (start > 0 and kind(text[start - 1]) == k) or (end < len(text) and kind(text[end]) == k)


_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Web addresses and e-mail addresses: words in them are not names."""
    return [(m.start(), m.end()) for m in _URL.finditer(text)]


def find_names_many(texts: list[str], lang: str | None, use_models: bool = True) -> list[list[Name]]:
    """``find_names`` for many one-sentence texts, the tagger run in batches."""
    lang = (lang or "").lower()
    nlp = spacy_model(lang) if use_models else None
    docs = nlp.pipe(texts, batch_size=64) if nlp is not None else [None] * len(texts)
    return [find_names(t, [(0, len(t))], lang, use_models, doc) for t, doc in zip(texts, docs)]


def find_names(text: str, spans, lang: str | None, use_models: bool = True, doc=None) -> list[Name]:
    """Names in ``text`` (spans: its sentences), in document order; ``doc``
    is the tagger's output when it already ran."""
    lang = (lang or "").lower()
    starts = _sentence_starts(text, spans)
    mid = _capitalised_mid_sentence(text, starts)
    names: list[Name] | None = tagged(text, lang, doc, spans) if use_models else None
    if names is not None and lang not in _NO_CASE_SCRIPTS:
        # a small tagger misses rare names (Freudenberg, Hershey, "Alberto Gonzales"):
        # capitalised runs of words the language does not otherwise use are added
        by_tagger = list(names)
        for n in _caps(text, lang, starts, mid):
            words = [w for w in re.findall(r"[^\W\d_]+", n.text) if w.lower() not in _CONNECT]
            if _overlaps(n, by_tagger):
                continue
            if n.text.split()[0].lower() in _PARTICLES or n.how == "acronym" and lang in _WEAK_TAGGERS:
                names.append(n)  # a surname with its particle (Del Potro), an acronym (l'ONU) where the tagger is weak
            elif lang in _WEAK_TAGGERS and all(not common_word(w, lang, 3.0) or _borrowed(w, lang) for w in words):
                names.append(n)  # rare, or a name English text uses more (Walmart)
            elif len(words) > 1 and any(not common_word(w, lang, 3.5) for w in words):
                names.append(n)  # elsewhere only runs of words: one rare word may be misspelt (Saterday)
    if names is not None and lang in _NO_CASE_SCRIPTS:
        # the tagger's names (katakana, for Japanese), then the known forms and Latin words it missed
        by_tagger = list(names)
        for g in _script_names(text):
            inside = [n for n in by_tagger if g.start <= n.start and n.end <= g.end and n.end - n.start < g.end - g.start]
            if inside:  # a known name the tagger cut short (波罗 of 波罗的海, the Baltic Sea)
                names = [n for n in names if n not in inside]
            if inside or not _overlaps(g, by_tagger):
                names.append(g)
    if names is None:
        if lang in _NO_CASE_SCRIPTS:
            names = _script_names(text)
            if lang in _HONORIFICS:
                names += [n for n in _titled(text, lang) if not _overlaps(n, names)]
        else:
            names = _caps(text, lang, starts, mid)
    urls = url_spans(text)
    if urls:
        names = [n for n in names if not any(a <= n.start < b for a, b in urls)]
    names = [n for n in (_trim(text, n, lang, starts) for n in names) if n is not None and _plausible(n, starts, mid, lang)]
    names.sort(key=lambda n: (n.start, -n.end))
    out, last_end = [], -1
    for n in names:  # drop overlaps, keeping the longer
        if n.start >= last_end:
            out.append(n)
            last_end = n.end
    return out


def _trim(text: str, n: Name, lang: str, starts: set[int]) -> Name | None:
    """Drop a leading article or title word a tagger included (the Sud-Rail),
    and anything past a line break."""
    function = set(_FUNCTION.get(lang, _FUNCTION["en"]).split())
    if "\n" in n.text:
        n = replace(n, end=n.start + n.text.index("\n"), text=n.text[: n.text.index("\n")].rstrip())
    s = n.start
    while True:
        m = re.match(r"([^\W\d_]+)\s+", text[s : n.end])
        if not m or m.group(1).lower() not in function:
            break
        if n.how in ("caps", "ner") and _particle(m.group(1), s, starts) and text[s + m.end() : s + m.end() + 1].isupper():
            break  # a surname's particle mid-sentence: Del Potro, De Gaulle
        s += m.end()
    if s >= n.end:
        return None
    e = n.end
    if "(" in text[s:e] and text[s] != "(":  # a name and the acronym in brackets after it: two names
        e = s + len(text[s:e].split("(")[0].rstrip())
    if n.how == "ner" and lang not in _NO_CASE_SCRIPTS:
        # and words after the name a tagger took with it (CTMO registró más)
        while True:
            m = re.search(r"\s+([^\W\d_]+)$", text[s:e])
            if not m or not m.group(1)[:1].islower() or m.group(1) in _CONNECT:
                break
            e = s + m.start()
    return n if (s, e) == (n.start, n.end) else replace(n, start=s, end=e, text=text[s:e])


def _plausible(n: Name, starts: set[int], mid: set[str], lang: str) -> bool:
    """Names start with a capital (in scripts that have them), and a lone
    common word at the start of a sentence is just capitalised there."""
    first = n.text[:1]
    if first.isalpha() and first.lower() != first.upper() and not first.isupper():
        return False
    if " " not in n.text and fold(n.text.rstrip(".")) in _calendar(lang):
        return False  # a day or a month, capitalised or not (10 de Enero), is no name
    if n.start in starts and " " not in n.text and "-" not in n.text:
        # a lone dictionary word at the start of a sentence (Wildfires: ...)
        # is capitalised by position, unless it is capitalised mid-sentence too
        # A tagger's person (Murray lost...) must be a very common word to be doubted.
        threshold = 4.5 if n.how == "ner" and n.label == "PER" else 3.0
        if (fold(n.text) not in mid and common_word(n.text, lang, threshold) and not is_known_form(n.text)
                and not _acronym(n.text) and not _camel(n.text) and not (lang == "de" and _english_name(n.text))):
            return False  # but a known place (Madagaskar ist...) is one anywhere
    return True
