"""Numbers, months and weekdays written as words, per language.

Only cardinals: ordinal words (first, ersten, premier) double as adjectives
and as units of time (second, segundo) too often to be read as figures. The
word for "one" is left out where it is also the indefinite article (un, ein,
एक): a translator turns "una persona" into "a person", and that is no figure
lost; it is read only before a scale word (un millón). Forms are lower case;
inflected forms (двух, trzech, dvou) are listed because a translation
inflects what its source writes in digits."""

from __future__ import annotations

from fractions import Fraction


def _forms(table: dict[int, str]) -> dict[str, int]:
    """{value: "form form ..."} -> {form: value}."""
    return {f: v for v, forms in table.items() for f in forms.split()}


_EN = _forms({
    0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    10: "ten", 11: "eleven", 12: "twelve dozen", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
    17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty",
    60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety", 100: "hundred", 1000: "thousand",
    10**6: "million", 10**9: "billion", 10**12: "trillion",
})
_ES = _forms({
    0: "cero", 2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis", 7: "siete", 8: "ocho", 9: "nueve",
    10: "diez", 11: "once", 12: "doce docena", 13: "trece", 14: "catorce", 15: "quince",
    16: "dieciséis dieciseis", 17: "diecisiete", 18: "dieciocho", 19: "diecinueve", 20: "veinte",
    21: "veintiuno veintiuna veintiún", 22: "veintidós veintidos", 23: "veintitrés veintitres",
    24: "veinticuatro", 25: "veinticinco", 26: "veintiséis veintiseis", 27: "veintisiete", 28: "veintiocho",
    29: "veintinueve", 30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta",
    80: "ochenta", 90: "noventa", 100: "cien ciento", 200: "doscientos doscientas", 300: "trescientos trescientas",
    400: "cuatrocientos cuatrocientas", 500: "quinientos quinientas", 600: "seiscientos seiscientas",
    700: "setecientos setecientas", 800: "ochocientos ochocientas", 900: "novecientos novecientas",
    1000: "mil", 10**6: "millón millon millones", 10**9: "millardo millardos", 10**12: "billón billon billones",
})
_PT = _forms({
    0: "zero", 2: "dois duas", 3: "três tres", 4: "quatro", 5: "cinco", 6: "seis", 7: "sete", 8: "oito",
    9: "nove", 10: "dez", 11: "onze", 12: "doze dúzia", 13: "treze", 14: "catorze quatorze", 15: "quinze",
    16: "dezesseis dezasseis", 17: "dezessete dezassete", 18: "dezoito", 19: "dezenove dezanove", 20: "vinte",
    30: "trinta", 40: "quarenta", 50: "cinquenta", 60: "sessenta", 70: "setenta", 80: "oitenta", 90: "noventa",
    100: "cem cento", 200: "duzentos duzentas", 300: "trezentos trezentas", 500: "quinhentos quinhentas",
    1000: "mil", 10**6: "milhão milhao milhões milhoes", 10**12: "bilião biliões trilhão trilhões",
    # Brazil's bilhão is a thousand million (Portugal's is mil milhões)
    10**9: "bilhão bilhao bilhões bilhoes",
})
_FR = _forms({
    0: "zéro", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf",
    10: "dix", 11: "onze", 12: "douze douzaine", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize",
    20: "vingt vingts", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 80: "quatre-vingt quatre-vingts",
    100: "cent cents", 1000: "mille", 10**6: "million millions", 10**9: "milliard milliards",
    10**12: "billion billions",
})
# Italian sei (six) is also "you are": left out.
_IT = _forms({
    0: "zero", 2: "due", 3: "tre", 4: "quattro", 5: "cinque", 7: "sette", 8: "otto", 9: "nove",
    10: "dieci", 11: "undici", 12: "dodici dozzina", 13: "tredici", 14: "quattordici", 15: "quindici",
    16: "sedici", 17: "diciassette", 18: "diciotto", 19: "diciannove", 20: "venti", 30: "trenta",
    40: "quaranta", 50: "cinquanta", 60: "sessanta", 70: "settanta", 80: "ottanta", 90: "novanta",
    100: "cento", 1000: "mille mila", 10**6: "milione milioni", 10**9: "miliardo miliardi",
})
_DE = _forms({
    0: "null", 1: "eins", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht",
    9: "neun", 10: "zehn", 11: "elf", 12: "zwölf dutzend", 13: "dreizehn", 14: "vierzehn", 15: "fünfzehn",
    16: "sechzehn", 17: "siebzehn", 18: "achtzehn", 19: "neunzehn", 20: "zwanzig", 30: "dreißig dreissig",
    40: "vierzig", 50: "fünfzig", 60: "sechzig", 70: "siebzig", 80: "achtzig", 90: "neunzig", 100: "hundert",
    1000: "tausend", 10**6: "million millionen", 10**9: "milliarde milliarden", 10**12: "billion billionen",
})
_NL = _forms({
    2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen", 10: "tien",
    11: "elf", 12: "twaalf", 20: "twintig", 100: "honderd", 1000: "duizend", 10**6: "miljoen miljoenen",
    10**9: "miljard miljarden",
})


def _slavic(table: dict[int, str]) -> dict[str, int]:
    return _forms(table)


_RU = _slavic({
    0: "ноль нуль", 1: "один одна одно одного одной одному одним одном",
    2: "два две двух двум двумя", 3: "три трех трёх трем трём тремя",
    4: "четыре четырех четырёх четырем четырём четырьмя", 5: "пять пяти пятью", 6: "шесть шести шестью",
    7: "семь семи", 8: "восемь восьми восемью восьмью", 9: "девять девяти девятью",
    10: "десять десяти десятью", 11: "одиннадцать одиннадцати", 12: "двенадцать двенадцати дюжина дюжину",
    13: "тринадцать тринадцати", 14: "четырнадцать четырнадцати", 15: "пятнадцать пятнадцати",
    16: "шестнадцать шестнадцати", 17: "семнадцать семнадцати", 18: "восемнадцать восемнадцати",
    19: "девятнадцать девятнадцати", 20: "двадцать двадцати", 30: "тридцать тридцати", 40: "сорок сорока",
    50: "пятьдесят пятидесяти", 60: "шестьдесят шестидесяти", 70: "семьдесят семидесяти",
    80: "восемьдесят восьмидесяти", 90: "девяносто девяноста", 100: "сто ста", 200: "двести двухсот",
    300: "триста трехсот трёхсот", 400: "четыреста четырехсот", 500: "пятьсот пятисот",
    1000: "тысяча тысячи тысяч тысячу тысячей тысячам тысячами тыс",
    10**6: "миллион миллиона миллионов миллионам миллионами миллионе млн",
    10**9: "миллиард миллиарда миллиардов миллиардам миллиардами млрд",
    10**12: "триллион триллиона триллионов трлн",
})
_UK = _slavic({
    0: "нуль", 1: "один одна одне одного однієї одному одним", 2: "два дві двох двом двома",
    3: "три трьох трьом трьома", 4: "чотири чотирьох чотирьом чотирма", 5: "п'ять п’ять п'яти п’яти",
    6: "шість шести", 7: "сім семи", 8: "вісім восьми", 9: "дев'ять дев’ять дев'яти дев’яти",
    10: "десять десяти", 11: "одинадцять", 12: "дванадцять", 13: "тринадцять", 14: "чотирнадцять",
    15: "п'ятнадцять п’ятнадцять", 16: "шістнадцять", 17: "сімнадцять", 18: "вісімнадцять",
    19: "дев'ятнадцять дев’ятнадцять", 20: "двадцять двадцяти", 30: "тридцять", 40: "сорок",
    50: "п'ятдесят п’ятдесят", 100: "сто", 1000: "тисяча тисячі тисяч тисячу тис",
    10**6: "мільйон мільйона мільйонів мільйони млн", 10**9: "мільярд мільярда мільярдів мільярди млрд",
    10**12: "трильйон трильйона трильйонів трильйони трлн",
})
_CS = _slavic({
    0: "nula", 2: "dva dvě dvou dvěma", 3: "tři tří třem třemi", 4: "čtyři čtyř čtyřem čtyřmi",
    5: "pět pěti", 6: "šest šesti", 7: "sedm sedmi", 8: "osm osmi", 9: "devět devíti", 10: "deset deseti",
    11: "jedenáct jedenácti", 12: "dvanáct dvanácti tucet", 13: "třináct třinácti", 14: "čtrnáct čtrnácti",
    15: "patnáct patnácti", 16: "šestnáct šestnácti", 17: "sedmnáct sedmnácti", 18: "osmnáct osmnácti",
    19: "devatenáct devatenácti", 20: "dvacet dvaceti", 30: "třicet třiceti", 40: "čtyřicet čtyřiceti",
    50: "padesát padesáti", 60: "šedesát šedesáti", 70: "sedmdesát sedmdesáti", 80: "osmdesát osmdesáti",
    90: "devadesát devadesáti", 100: "sto sta set", 1000: "tisíc tisíce tisíci tis",
    10**6: "milion milionu milionů miliony milionech mil", 10**9: "miliarda miliardy miliard miliardách mld",
    10**12: "bilion bilionu bilionů",
})
_PL = _slavic({
    0: "zero", 2: "dwa dwie dwóch dwu dwoma dwóm", 3: "trzy trzech trzem trzema",
    4: "cztery czterech czterem czterema", 5: "pięć pięciu", 6: "sześć sześciu", 7: "siedem siedmiu",
    8: "osiem ośmiu", 9: "dziewięć dziewięciu", 10: "dziesięć dziesięciu", 11: "jedenaście jedenastu",
    12: "dwanaście dwunastu tuzin", 13: "trzynaście trzynastu", 14: "czternaście czternastu",
    15: "piętnaście piętnastu", 16: "szesnaście szesnastu", 17: "siedemnaście siedemnastu",
    18: "osiemnaście osiemnastu", 19: "dziewiętnaście dziewiętnastu", 20: "dwadzieścia dwudziestu",
    30: "trzydzieści trzydziestu", 40: "czterdzieści czterdziestu", 50: "pięćdziesiąt pięćdziesięciu",
    100: "sto stu", 1000: "tysiąc tysiące tysięcy tys", 10**6: "milion miliony milionów mln",
    10**9: "miliard miliardy miliardów mld", 10**12: "bilion biliony bilionów",
})
_IS = _forms({
    2: "tveir tvær tvö tveggja tveimur", 3: "þrír þrjár þrjú þriggja þremur", 4: "fjórir fjórar fjögur fjögurra fjórum",
    5: "fimm", 6: "sex", 7: "sjö", 8: "átta", 9: "níu", 10: "tíu", 11: "ellefu", 12: "tólf", 13: "þrettán",
    14: "fjórtán", 15: "fimmtán", 16: "sextán", 17: "sautján", 18: "átján", 19: "nítján", 20: "tuttugu",
    30: "þrjátíu", 40: "fjörutíu", 50: "fimmtíu", 100: "hundrað", 1000: "þúsund",
    10**6: "milljón milljónir milljóna milljónum millj", 10**9: "milljarður milljarða milljarðar milljörðum",
    10**12: "billjón billjónir billjóna billjónum",
})
_HI = _forms({
    2: "दो", 3: "तीन", 4: "चार", 5: "पांच पाँच", 6: "छह छः छे", 7: "सात", 8: "आठ", 9: "नौ", 10: "दस",
    11: "ग्यारह", 12: "बारह दर्जन", 13: "तेरह", 14: "चौदह", 15: "पंद्रह पन्द्रह", 16: "सोलह", 17: "सत्रह",
    18: "अठारह", 19: "उन्नीस", 20: "बीस", 25: "पच्चीस", 30: "तीस", 40: "चालीस", 50: "पचास", 60: "साठ",
    70: "सत्तर", 80: "अस्सी", 90: "नब्बे", 100: "सौ", 1000: "हज़ार हजार", 10**5: "लाख",
    10**7: "करोड़ करोड", 10**9: "अरब",
})
# Hindi news writes the English scale words too (£1.8 बिलियन)
_HI.update({"मिलियन": 10**6, "बिलियन": 10**9, "ट्रिलियन": 10**12})

CARDINALS: dict[str, dict[str, int]] = {
    "en": _EN, "es": _ES, "pt": _PT, "fr": _FR, "it": _IT, "de": _DE, "nl": _NL, "ru": _RU, "uk": _UK,
    "cs": _CS, "sk": _CS, "pl": _PL, "is": _IS, "hi": _HI,
}

# The word for "one" that is also the indefinite article: a figure only
# before a scale word (un millón, eine Million).
ARTICLE_ONE = {
    "en": {"a", "an"}, "es": {"un", "una", "uno"}, "pt": {"um", "uma"}, "fr": {"un", "une"},
    "it": {"un", "uno", "una"}, "de": {"ein", "eine", "einer", "einen", "einem"}, "nl": {"een", "één"},
    "cs": {"jeden", "jedna", "jedno", "jednoho"}, "pl": {"jeden", "jedna", "jedno"}, "is": {"einn", "ein", "eitt"},
    "hi": {"एक"},
}
# Words that join the parts of one number (twenty and one, treinta y dos).
JOINERS = {"en": {"and"}, "es": {"y"}, "pt": {"e"}, "fr": {"et"}, "it": {"e"}, "de": {"und"}, "nl": {"en"}}

# Scale words whose value differs between languages.
_LONG_SCALE = {"fr", "de", "nl", "es", "pt", "it", "pl", "cs", "sk"}


def scale_value(word: str, lang: str) -> int | None:
    """The value of a scale word after a figure (3,5 millones, 2 Mrd., 417万)."""
    w = word.lower().rstrip(".")
    if lang == "de" and w == "bio":  # German Bio. is a Billion, 10^12
        return 10**12
    if w in _ABBREV_SCALES:
        return _ABBREV_SCALES[w]
    v = CARDINALS.get(lang, {}).get(w)
    if v is None and lang not in CARDINALS:
        v = _EN.get(w)
    if w in ("billion", "billions") and lang not in _LONG_SCALE:
        return 10**9  # the short scale of English (and of languages not listed)
    return v if v in (100, 1000, 10**5, 10**6, 10**7, 10**9, 10**12) else None


# Abbreviations, across languages (they are written the same wherever used):
# de Mio./Mrd./Tsd., en bn/m/k, it mln/mld, fr Md/Mds.
_ABBREV_SCALES = {
    "tsd": 1000, "mio": 10**6, "mrd": 10**9, "mia": 10**9, "bn": 10**9, "mn": 10**6, "mln": 10**6,
    "md": 10**9, "mds": 10**9, "mld": 10**9, "tn": 10**12, "trn": 10**12, "lakh": 10**5, "crore": 10**7,
    "lakhs": 10**5, "crores": 10**7,
}


def word_value(word: str, lang: str) -> int | None:
    return CARDINALS.get(lang, {}).get(word.lower())


def compound_value(word: str, lang: str) -> int | None:
    """German and Dutch write tens and units as one word (einundzwanzig,
    eenentwintig); Spanish veintiuno is listed, Italian ventitré is built."""
    w = word.lower()
    if lang == "de" and "und" in w:
        a, _, b = w.partition("und")
        a = {"ein": "eins"}.get(a, a)
        va, vb = _DE.get(a), _DE.get(b)
        if va is not None and vb is not None and va < 10 and vb in (20, 30, 40, 50, 60, 70, 80, 90):
            return va + vb
    if lang == "it":
        for tens, v in (("venti", 20), ("vent", 20), ("trenta", 30), ("trent", 30), ("quaranta", 40), ("quarant", 40),
                        ("cinquanta", 50), ("cinquant", 50), ("sessanta", 60), ("sessant", 60), ("settanta", 70),
                        ("settant", 70), ("ottanta", 80), ("ottant", 80), ("novanta", 90), ("novant", 90)):
            if w.startswith(tens) and len(w) > len(tens):
                rest = w[len(tens):].replace("tré", "tre")
                u = {"uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
                     "nove": 9}.get(rest)
                if u:
                    return v + u
    return None


def combine(values: list[Fraction | int]) -> Fraction:
    """One number from its parts in order: units add, hundred multiplies what
    precedes, a scale word multiplies the total so far when nothing is left
    over (mil millones = 10^9) and otherwise what precedes it (dos mil)."""
    total, current = Fraction(0), Fraction(0)
    for v in values:
        v = Fraction(v)
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            if current == 0 and 0 < total < v:
                total *= v
            else:
                total += (current or 1) * v
            current = Fraction(0)
        else:
            current += v
    return total + current


MONTHS: dict[str, dict[str, int]] = {
    "en": _forms({1: "january jan", 2: "february feb", 3: "march mar", 4: "april apr", 5: "may", 6: "june jun",
                  7: "july jul", 8: "august aug", 9: "september sept sep", 10: "october oct", 11: "november nov",
                  12: "december dec"}),
    "es": _forms({1: "enero", 2: "febrero", 3: "marzo", 4: "abril", 5: "mayo", 6: "junio", 7: "julio",
                  8: "agosto", 9: "septiembre setiembre", 10: "octubre", 11: "noviembre", 12: "diciembre"}),
    "pt": _forms({1: "janeiro", 2: "fevereiro", 3: "março", 4: "abril", 5: "maio", 6: "junho", 7: "julho",
                  8: "agosto", 9: "setembro", 10: "outubro", 11: "novembro", 12: "dezembro"}),
    "fr": _forms({1: "janvier", 2: "février", 3: "mars", 4: "avril", 5: "mai", 6: "juin", 7: "juillet",
                  8: "août", 9: "septembre", 10: "octobre", 11: "novembre", 12: "décembre"}),
    "it": _forms({1: "gennaio", 2: "febbraio", 3: "marzo", 4: "aprile", 5: "maggio", 6: "giugno", 7: "luglio",
                  8: "agosto", 9: "settembre", 10: "ottobre", 11: "novembre", 12: "dicembre"}),
    "de": _forms({1: "januar jänner jan", 2: "februar feb", 3: "märz", 4: "april apr", 5: "mai", 6: "juni",
                  7: "juli", 8: "august aug", 9: "september sept", 10: "oktober okt", 11: "november nov",
                  12: "dezember dez"}),
    "nl": _forms({1: "januari", 2: "februari", 3: "maart", 4: "april", 5: "mei", 6: "juni", 7: "juli",
                  8: "augustus", 9: "september", 10: "oktober", 11: "november", 12: "december"}),
    "ru": _forms({1: "январь января январе", 2: "февраль февраля феврале", 3: "март марта марте",
                  4: "апрель апреля апреле", 5: "май мая мае", 6: "июнь июня июне", 7: "июль июля июле",
                  8: "август августа августе", 9: "сентябрь сентября сентябре", 10: "октябрь октября октябре",
                  11: "ноябрь ноября ноябре", 12: "декабрь декабря декабре"}),
    "uk": _forms({1: "січень січня січні", 2: "лютий лютого лютому", 3: "березень березня березні",
                  4: "квітень квітня квітні", 5: "травень травня травні", 6: "червень червня червні",
                  7: "липень липня липні", 8: "серпень серпня серпні", 9: "вересень вересня вересні",
                  10: "жовтень жовтня жовтні", 11: "листопад листопада листопаді", 12: "грудень грудня грудні"}),
    "cs": _forms({1: "leden ledna lednu", 2: "únor února únoru", 3: "březen března březnu", 4: "duben dubna dubnu",
                  5: "květen května květnu", 6: "červen června červnu", 7: "červenec července červenci",
                  8: "srpen srpna srpnu", 9: "září", 10: "říjen října říjnu", 11: "listopad listopadu",
                  12: "prosinec prosince prosinci"}),
    "pl": _forms({1: "styczeń stycznia styczniu", 2: "luty lutego lutym", 3: "marzec marca marcu",
                  4: "kwiecień kwietnia kwietniu", 5: "maj maja maju", 6: "czerwiec czerwca czerwcu",
                  7: "lipiec lipca lipcu", 8: "sierpień sierpnia sierpniu", 9: "wrzesień września wrześniu",
                  10: "październik października październiku", 11: "listopad listopada listopadzie",
                  12: "grudzień grudnia grudniu"}),
    "is": _forms({1: "janúar", 2: "febrúar", 3: "mars", 4: "apríl", 5: "maí", 6: "júní", 7: "júlí", 8: "ágúst",
                  9: "september", 10: "október", 11: "nóvember", 12: "desember"}),
    "hi": _forms({1: "जनवरी", 2: "फ़रवरी फरवरी", 3: "मार्च", 4: "अप्रैल", 5: "मई", 6: "जून", 7: "जुलाई",
                  8: "अगस्त", 9: "सितंबर सितम्बर", 10: "अक्टूबर", 11: "नवंबर नवम्बर", 12: "दिसंबर दिसम्बर"}),
}
# Month words that are also common words or names (may, March, Jan): a
# month only beside a figure (3 May, May 3) or with a capital mid-sentence.
AMBIGUOUS_MONTHS = {
    "en": {"may", "march", "mar", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"},
    "de": {"jan", "feb", "apr", "aug", "sept", "okt", "nov", "dez"},
}

WEEKDAYS: dict[str, dict[str, int]] = {
    "en": _forms({1: "monday", 2: "tuesday", 3: "wednesday", 4: "thursday", 5: "friday", 6: "saturday",
                  7: "sunday"}),
    "es": _forms({1: "lunes", 2: "martes", 3: "miércoles miercoles", 4: "jueves", 5: "viernes", 6: "sábado sabado",
                  7: "domingo"}),
    "pt": _forms({1: "segunda-feira", 2: "terça-feira", 3: "quarta-feira", 4: "quinta-feira", 5: "sexta-feira",
                  6: "sábado", 7: "domingo"}),
    "fr": _forms({1: "lundi", 2: "mardi", 3: "mercredi", 4: "jeudi", 5: "vendredi", 6: "samedi", 7: "dimanche"}),
    "it": _forms({1: "lunedì", 2: "martedì", 3: "mercoledì", 4: "giovedì", 5: "venerdì", 6: "sabato",
                  7: "domenica"}),
    "de": _forms({1: "montag", 2: "dienstag", 3: "mittwoch", 4: "donnerstag", 5: "freitag",
                  6: "samstag sonnabend", 7: "sonntag"}),
    "nl": _forms({1: "maandag", 2: "dinsdag", 3: "woensdag", 4: "donderdag", 5: "vrijdag", 6: "zaterdag",
                  7: "zondag"}),
    "ru": _forms({1: "понедельник понедельника", 2: "вторник вторника", 3: "среда среду среды",
                  4: "четверг четверга", 5: "пятница пятницу пятницы", 6: "суббота субботу субботы",
                  7: "воскресенье воскресенья"}),
    "uk": _forms({1: "понеділок понеділка", 2: "вівторок вівторка", 3: "середа середу середи",
                  4: "четвер четверга", 5: "п'ятниця п'ятницю п’ятниця п’ятницю", 6: "субота суботу",
                  7: "неділя неділю"}),
    "cs": _forms({1: "pondělí", 2: "úterý", 3: "středa středu", 4: "čtvrtek čtvrtka", 5: "pátek pátku",
                  6: "sobota sobotu", 7: "neděle neděli"}),
    "pl": _forms({1: "poniedziałek poniedziałku", 2: "wtorek wtorku", 3: "środa środę", 4: "czwartek czwartku",
                  5: "piątek piątku", 6: "sobota sobotę", 7: "niedziela niedzielę"}),
    "is": _forms({1: "mánudag mánudagur", 2: "þriðjudag þriðjudagur", 3: "miðvikudag miðvikudagur",
                  4: "fimmtudag fimmtudagur", 5: "föstudag föstudagur", 6: "laugardag laugardagur",
                  7: "sunnudag sunnudagur"}),
    "hi": _forms({1: "सोमवार", 2: "मंगलवार", 3: "बुधवार", 4: "गुरुवार बृहस्पतिवार", 5: "शुक्रवार", 6: "शनिवार",
                  7: "रविवार"}),
    "zh": _forms({1: "星期一 周一 週一 礼拜一", 2: "星期二 周二 週二", 3: "星期三 周三 週三", 4: "星期四 周四 週四",
                  5: "星期五 周五 週五", 6: "星期六 周六 週六", 7: "星期日 星期天 周日 週日"}),
    "ja": _forms({1: "月曜日 月曜", 2: "火曜日 火曜", 3: "水曜日 水曜", 4: "木曜日 木曜", 5: "金曜日 金曜",
                  6: "土曜日 土曜", 7: "日曜日 日曜"}),
}
# Polish sobota and Czech sobota/středa are also "Saturday"/"Wednesday" only;
# Czech "středa" is no other word. Russian "среда" is also "environment":
# a weekday only after в/во (в среду) -- see parse.
WEEKDAY_NEEDS_PREP = {"ru": {"среда", "среды"}}
