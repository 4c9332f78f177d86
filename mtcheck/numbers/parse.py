"""Numbers in text, with their spans, read as values across locales.

``extract(text, lang)`` finds figures in digits (with their scale words,
currencies, units, percent signs and ordinal endings), times of day,
numeric dates, Chinese and Japanese numerals, numbers in words, and month
and weekday names. Where a locale leaves a figure ambiguous (1,500 is 1500
in English and 1.5 in Spanish), every reading is kept, the locale's first:
two figures are the same when some reading of each agrees.

``figures(text)`` is the locale-free core: digit runs with their separators,
for callers that compare digits only (sentence anchors, the round trip)."""

from __future__ import annotations

import re
from fractions import Fraction

from . import words as W
from .value import (
    CLOCK, DATE, DAY_OF_WEEK, DECADE, DIGITS, MONEY, MONTH, MONTH_OF_YEAR, NAME, NUM, ORDINAL, PERCENT, PLAIN,
    TIME, TOKEN, UNIT, WEEKDAY, WORDS, YEAR, Number,
)

# Digits of other scripts and full-width forms, mapped one to one so that
# offsets stay those of the text as given.
_DIGIT_MAP = {}
for _base in (0x0966, 0x09E6, 0x0660, 0x06F0, 0xFF10):  # Devanagari, Bengali, Arabic-Indic, Persian, full-width
    for _i in range(10):
        _DIGIT_MAP[_base + _i] = str(_i)
_DIGIT_MAP.update({0xFF0E: ".", 0xFF0C: ",", 0xFF05: "%", 0xFF1A: ":", 0xFF0D: "-", 0x2212: "-"})

_SPACE = "\u0020\u00a0\u202f\u2009"
# a space groups thousands only after a first group of one to three digits
# ("2 500" is one number, "2024 300" two)
_CORE = rf"(?:\d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,'’]\d+)*)"
FIGURE = re.compile(rf"(?<!\d){_CORE}")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|org|net|gov|edu|de|fr|es|ru|uk|cz)\b\S*")

# Languages that write a decimal comma (and a dot or space between thousands).
_DECIMAL_COMMA = {"es", "pt", "fr", "it", "de", "nl", "ru", "uk", "cs", "sk", "pl", "is", "da", "no", "sv", "fi",
                  "tr", "ro", "hu", "hr", "sl", "sr", "bg", "el", "ca", "gl", "eu", "lt", "lv", "et", "id"}


def normalise(text: str) -> str:
    """Digits of every script as ASCII, same length, same offsets."""
    return text.translate(_DIGIT_MAP)


def figures(text: str) -> list[tuple[tuple[int, int], str]]:
    """Digit runs with their group and decimal separators: (span, digits)."""
    t = normalise(text)
    return [((m.start(), m.end()), re.sub(r"\D", "", m.group())) for m in FIGURE.finditer(t)]


def readings(s: str, lang: str | None) -> list[Fraction]:
    """The values a written figure may have, the locale's reading first."""
    grouped = any(c in s for c in _SPACE)
    s = "".join(c for c in s if c not in _SPACE + "'’")
    if grouped:
        return [Fraction(s.replace(",", "."))]
    dots, commas = s.count("."), s.count(",")
    if not dots and not commas:
        return [Fraction(int(s))]
    if dots and commas:  # the last separator is the decimal one
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        other = "," if dec == "." else "."
        return [Fraction(s.replace(other, "").replace(dec, "."))]
    sep = "." if dots else ","
    parts = s.split(sep)
    if len(parts) > 2:
        if all(len(p) == 3 for p in parts[1:]):
            return [Fraction(int("".join(parts)))]
        return []  # a version or a code (1.2.3): not a quantity
    head, tail = parts
    decimal = Fraction(f"{head}.{tail}")
    if len(tail) != 3 or head in ("0", ""):
        return [decimal]
    thousands = Fraction(int(head + tail))
    comma_decimal = lang in _DECIMAL_COMMA
    first_thousands = (sep == ".") == comma_decimal
    return [thousands, decimal] if first_thousands else [decimal, thousands]


# what may follow a figure
_PERCENT = re.compile(
    r"[ \u00a0\u202f]?(?:%|‰|per ?cent\b|percent\b|por ?ciento\b|por ?cento\b|pour ?cent\b|per ?cento\b|"
    r"prozent\b|procent\w*|процент\w*|відсот\w*|prósent\w*|प्रतिशत|パーセント|percentage points?)", re.I)
_CURRENCY_AFTER = [
    ("EUR", r"€|euros?\b|eur\b|евро\b|євро\b|eura\b|eur[ao]?\b|evr\w*"),
    ("USD", r"\$|dollars?\b|dólar(?:es)?\b|dollari?\b|долл\w*|дол\.|доларів\b|dolar\w*|usd\b|美元|ドル"),
    ("GBP", r"£|pounds? sterling|libras? esterlinas?|фунт\w* стерлинг\w*"),
    ("JPY", r"円|yen\b|иен\w*|jenů\b"),
    ("CNY", r"元|yuan\b|юан\w*|人民币"),
    ("RUB", r"руб\w*|rubl\w*|roubles?\b|rubles?\b"),
    ("UAH", r"грив\w*|hryvn\w*"),
    ("CZK", r"korun\w*|kč\b"),
    ("PLN", r"zł\b|złot\w*|zloty\b"),
    ("INR", r"रुपये|रुपए|rupees?\b|₹"),
    ("ISK", r"krón\w*|isk\b"),
    ("CHF", r"franken\b|francs? suisses?|chf\b"),
]
_CURRENCY_RE = re.compile(r"[ \u00a0\u202f]?(?:" + "|".join(f"(?P<{c}>{p})" for c, p in _CURRENCY_AFTER) + ")",
                          re.I)
_CURRENCY_BEFORE = re.compile(r"(?:(?P<USD>US\$|\$|USD ?)|(?P<EUR>€|EUR ?)|(?P<GBP>£|GBP ?)|(?P<JPY>¥|JPY ?)|"
                              r"(?P<INR>₹|Rs\.? ?|INR ?)|(?P<CNY>RMB ?|CNY ?)|(?P<BRL>R\$ ?)|(?P<CHF>CHF ?))$")
# units, canonical names; conversions between them in compare.py
_UNITS = [
    ("km", r"km\b|kilomet\w*|kilómetros?|километр\w*|кілометр\w*|kilometr\w*|公里|キロ(?:メートル)?"),
    ("mi", r"miles?\b|millas?\b|meilen\b|milles?\b|миль\b|мил[иья]\b|mílur?\b|मील"),
    ("m", r"m\b|met(?:re|er)s?\b|metros?\b|mètres?\b|meter\b|метр\w*|metr\w*|米(?!元)|メートル"),
    ("ft", r"ft\b|feet\b|foot\b|pies\b|pieds\b|fuß\b|футов\b|stop\b"),
    ("kg", r"kg\b|kilos?\b|kilogram\w*|килограмм\w*|кг\b|公斤"),
    ("lb", r"lbs?\b|pounds\b(?! sterling)"),
    ("c", r"°\s?C\b|degrees? (?:celsius|c)\b|grados? (?:celsius|centígrados)|grad celsius|градус\w* (?:цельсия)?"),
    ("f", r"°\s?F\b|degrees? fahrenheit|fahrenheit\b"),
    ("ha", r"ha\b|hect[aá]re\w*|hektar\w*|гектар\w*|公顷"),
    ("acre", r"acres?\b"),
    ("l", r"l\b|lit(?:re|er)s?\b|litros?\b|литр\w*|litr\w*"),
    ("gal", r"gallons?\b|galones\b|gallonen\b"),
    ("mph", r"mph\b|miles per hour"),
    ("kmh", r"km/h\b|kph\b|км/ч\b"),
]
_UNIT_RE = re.compile(r"[ \u00a0\u202f]?(?:" + "|".join(f"(?P<{u}>{p})" for u, p in _UNITS) + ")", re.I)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|er|re|e|ème|eme|º|ª|o|a|-?(?:го|й|я|е|ий|ый|ого|ому|ом|ої|ій))\b")
_DECADE_SUFFIX = re.compile(r"(?:'?s|er|-(?:х|е|x|ых|их|х годов|і|ті))\b")
_WIDE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_SCALE_AFTER = re.compile(rf"[ \u00a0\u202f]?((?:[^\W\d_{_WIDE}]|[\u0900-\u0963\u0971-\u097F])+\.?|[万萬亿億千百兆])")


def _spelled(c: str) -> bool:
    """A letter of a script that spaces its words: glued to a figure it makes
    a code (3D, G7); Chinese and Japanese write counters glued (3年, 5人)."""
    return c.isalpha() and not re.match(f"[{_WIDE}]", c)
_CJK_SCALE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12, "千": 1000, "百": 100}
_TIME_MARK = re.compile(r"[ \u00a0\u202f]?(?P<mark>(?P<am>a\.? ?m\.?)|(?P<pm>p\.? ?m\.?)|Uhr\b|h\b|horas?\b|hrs?\b|"
                        r"heures?\b|hod\.|hodin\w*|ч\.|час\w*|godz\.|godzin\w*)", re.I)
_CJK_TIME = re.compile(r"(?P<half>午前|午後|上午|下午|晚上|早上|凌晨|中午)?(?P<h>\d{1,2})[时時点點](?:(?P<m>\d{1,2})分|(?P<half_hour>半))?")
_CLOCK = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})(?P<sep>[:.]|[ \u00a0]?h[ \u00a0]?)(?P<m>\d{2})(?::(?P<s>\d{2}))?(?![\d]|[.,]\d)")
_HOUR = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})(?=[ \u00a0\u202f]?(?:a\.? ?m\.?|p\.? ?m\.?|Uhr\b|heures?\b)(?!\w))",
                   re.I)
_DATE = re.compile(r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d]|[.,]\d)")
_ISO_DATE = re.compile(r"(?<![\d.,/-])(?P<y>\d{4})-(?P<b>\d{2})-(?P<a>\d{2})(?!\d)")
_DAY_MONTH = re.compile(r"(?<![\d.,])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?!\d)")

# Chinese and Japanese numerals
_CJK_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CJK_SMALL = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = re.compile(r"[〇零一二两兩三四五六七八九十百千万萬亿億兆]+")
# a native numeral is a figure before a counter or a unit: 三天, 五个, 二十人;
# elsewhere the characters make words (一些 some, 统一 unify, 十分 very)
_COUNTER = set("个個人名位年月日号號天周週次倍岁歲元块塊家座件条條项項种種只隻头頭辆輛架艘所场場台部本张張份层層栋棟"
               "米吨噸度秒届屆期章节節轮輪回局枚颗顆例起户戶套批组組队隊国國省市县縣区區里亩畝つ歳社円試魚匹羽冊点點時分"
               "周%％多余餘")
_CJK_WORDS = ("一些", "一直", "一起", "一样", "一樣", "一般", "一定", "一切", "一致", "一再", "一旦", "一度", "一边", "一邊",
              "一方面", "一同", "一概", "统一", "統一", "唯一", "万一", "萬一", "千万", "千萬", "十分", "一下", "一点", "一點",
              "一会", "一會", "一向", "一律", "一部分", "之一", "一時", "一時的", "一方", "一番", "一体", "一體", "一気", "一緒",
              "一層", "一层", "一日中", "三明治", "一人ひとり", "一つ一つ", "一帯", "一带", "一行", "一同", "一連", "一连",
              "百货", "百貨", "千葉", "九州", "四川", "三星", "五輪", "万博", "一天天", "两岸", "兩岸", "一路", "十足", "万象",
              "一年一度", "四国", "一流", "一応")

_LETTER = r"(?:[^\W\d_]|[\u0900-\u0963\u0971-\u097F])"
_TOKEN = re.compile(rf"{_LETTER}+(?:['’-]{_LETTER}+)*")


def extract(text: str, lang: str | None) -> list[Number]:
    """Every number in ``text`` (a sentence or a few), in order of position."""
    lang = (lang or "").lower()[:2]
    t = normalise(text)
    if lang in ("ja", "zh"):  # Japanese news writes 9・8% for 9.8%
        t = re.sub(r"(?<=\d)・(?=\d)", ".", t)
    taken = [False] * len(t)
    for m in _URL.finditer(t):
        for i in range(m.start(), m.end()):
            taken[i] = True
    out: list[Number] = []

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def add(n: Number):
        out.append(n)
        for i in range(n.start, n.end):
            taken[i] = True

    for n in _times(t, lang):
        if free(n.start, n.end):
            add(n)
    for n in _dates(t, lang):
        if free(n.start, n.end):
            add(n)
    for m in FIGURE.finditer(t):
        if free(m.start(), m.end()):
            n = _figure(t, m, lang)
            if n is not None and free(n.start, n.end):
                add(n)
    if lang in ("zh", "ja") or _CJK_NUMERAL.search(t) and lang in ("", "zh", "ja"):
        for n in _cjk_numerals(t):
            if free(n.start, n.end):
                add(n)
    for n in _words(t, lang):
        if free(n.start, n.end):
            add(n)
    return sorted(out, key=lambda n: n.start)


def _num(start, end, text, kind, values, written=DIGITS, unit=None, domain=NUM, extra=()) -> Number:
    readings = frozenset({(domain, v) for v in values} | set(extra))
    return Number(start, end, text, kind, values[0], readings, written, unit)


def _clock_readings(h: int, m: Fraction, am: bool, pm: bool) -> tuple[Fraction, set]:
    """A time of day as hours past midnight, with the other half of the day
    when neither a.m. nor p.m. says which (8:30 may be 20.30 Uhr)."""
    if pm and h < 12:
        h += 12
    if am and h == 12:
        h = 0
    v = h + m
    rs = {(CLOCK, v)}
    if not (am or pm) and 1 <= h <= 12:
        rs.add((CLOCK, v + 12 if h < 12 else v - 12))
    if m == 0:  # "22 часа", "at 10": an hour is also read as its figure
        rs |= {(NUM, Fraction(h)), (NUM, Fraction(h % 12 or 12))}
    return v, rs


def _times(t: str, lang: str):
    for m in _CLOCK.finditer(t):
        h, mm = int(m["h"]), int(m["m"])
        if h > 24 or mm > 59:
            continue
        mark = _TIME_MARK.match(t, m.end())
        if m["sep"] == "." and not mark and lang not in _DECIMAL_COMMA:
            continue  # 8.30 in English is a figure, unless a.m., p.m. or h follow
        if m["sep"] == "." and not mark:
            # 20.30 in German or Czech: a figure or a time; both readings
            v, rs = _clock_readings(h, Fraction(mm, 60), False, False)
            yield Number(m.start(), m.end(), m.group(), TIME, v, frozenset(rs | {(NUM, Fraction(f"{h}.{mm:02d}"))}))
            continue
        sec = Fraction(int(m["s"]), 3600) if m["s"] else Fraction(0)
        end = mark.end() if mark else m.end()
        am = bool(mark and mark["am"])
        pm = bool(mark and mark["pm"])
        v, rs = _clock_readings(h, Fraction(mm, 60) + sec, am, pm)
        if m["s"] and h < 24:  # 2:03:26, a race time, reads the same either way
            rs.add((NUM, h + Fraction(mm, 60) + sec))
        yield Number(m.start(), end, t[m.start():end], TIME, v, frozenset(rs))
    for m in _HOUR.finditer(t):
        mark = _TIME_MARK.match(t, m.end())
        if not mark:
            continue
        am, pm = bool(mark["am"]), bool(mark["pm"])
        v, rs = _clock_readings(int(m["h"]), Fraction(0), am, pm)
        yield Number(m.start(), mark.end(), t[m.start():mark.end()], TIME, v, frozenset(rs))
        first = re.search(r"(?<![\d.,:])(\d{1,2})[ \u00a0]?(?:[-–]|to|bis|à|a)[ \u00a0]?$", t[max(0, m.start() - 8):m.start()])
        if first and int(first.group(1)) <= 12:  # 6-8 p.m.: the first hour is in the afternoon too
            a = m.start() - len(first.group())
            v, rs = _clock_readings(int(first.group(1)), Fraction(0), am, pm)
            yield Number(a, a + len(first.group(1)), first.group(1), TIME, v, frozenset(rs))
    for m in _CJK_TIME.finditer(t):
        h = int(m["h"])
        mm = Fraction(int(m["m"]), 60) if m["m"] else Fraction(1, 2) if m["half_hour"] else Fraction(0)
        if h > 24 or mm >= 1:
            continue
        pm = m["half"] in ("午後", "下午", "晚上", "中午")
        am = m["half"] in ("午前", "上午", "早上", "凌晨")
        v, rs = _clock_readings(h, mm, am, pm)
        yield Number(m.start(), m.end(), m.group(), TIME, v, frozenset(rs))


def _date_part(v: int) -> set:
    """A day or a month of a date written in digits: which is which depends
    on the country (7/24 and 24/7), so either."""
    return {(NUM, Fraction(v)), (MONTH_OF_YEAR, Fraction(v))} if v <= 12 else {(NUM, Fraction(v))}


def _dates(t: str, lang: str):
    for rx in (_DATE, _ISO_DATE):
        for m in rx.finditer(t):
            a, b, y = int(m["a"]), int(m["b"]), m["y"]
            if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
                continue
            yv = int(y)
            years = {(NUM, Fraction(yv))} | ({(NUM, Fraction(2000 + yv)), (NUM, Fraction(1900 + yv))} if len(y) == 2
                                              else set())
            for g, rs in (("a", _date_part(a)), ("b", _date_part(b)), ("y", years)):
                s, e = m.span(g)
                yield Number(s, e, t[s:e], DATE, Fraction(int(m[g])), frozenset(rs))
    if lang in _DECIMAL_COMMA:  # 24.7. is a day and a month where 24.7 is no decimal
        for m in _DAY_MONTH.finditer(t):
            a, b = int(m["a"]), int(m["b"])
            if 1 <= a <= 31 and 1 <= b <= 12:
                for g, rs in (("a", _date_part(a)), ("b", _date_part(b) | {(MONTH_OF_YEAR, Fraction(b))})):
                    s, e = m.span(g)
                    yield Number(s, e, t[s:e], DATE, Fraction(int(m[g])), frozenset(rs))


def _prev_char(t: str, i: int) -> str:
    return t[i - 1] if i > 0 else ""


def _figure(t: str, m: re.Match, lang: str) -> Number | None:
    s, e = m.start(), m.end()
    raw = m.group()
    values = readings(raw, lang)
    if not values:
        return Number(s, e, raw, TOKEN, Fraction(int(re.sub(r"\D", "", raw))),
                      frozenset({(NUM, Fraction(int(re.sub(r"\D", "", raw))))}))
    before = t[max(0, s - 6):s]
    p = _prev_char(t, s)
    cjk = _CJK_RUN.match(t, s)
    if cjk and re.search(r"[万萬亿億兆]", cjk.group()) and (v := _cjk_mixed(cjk.group(), values[0])) is not None:
        # 1101億9400万円, 5億8千5百万: a figure in several Chinese or Japanese scales
        kind, unit = PLAIN, None
        cm = _CURRENCY_RE.match(t, cjk.end())
        if cm:
            kind, unit = MONEY, cm.lastgroup
        end = cm.end() if cm else cjk.end()
        return _num(s, end, t[s:end], kind, [v], unit=unit)
    # a figure inside a name or a code: COVID-19, G7, F-35, iPhone6, MH17;
    # but letters before a figure with a scale word are a currency (N585 million)
    if _spelled(p) or (p == "-" and _spelled(_prev_char(t, s - 1))):
        glued = p != "-" and re.search(r"(?<![^\W\d_])[A-Z]{1,3}$", before) and _SCALE_AFTER.match(t, e) and \
            W.scale_value(_SCALE_AFTER.match(t, e).group(1), lang)
        if not glued and not (_spelled(p) and _CURRENCY_BEFORE.search(before)):
            return _token(t, s, e)
    kind, unit, end = PLAIN, None, e
    cb = _CURRENCY_BEFORE.search(before)
    start = s
    if cb:
        kind, unit = MONEY, cb.lastgroup
        start = s - len(cb.group())
    elif _spelled(p):
        kind, unit = MONEY, None
    nxt = t[e:e + 1]
    rest = t[e:]
    # scale words: 3,5 millones, 2 Mrd., 417.6万, 5 mil millones, $5bn, 10m
    scales, pos = [], e
    while True:
        sm = _SCALE_AFTER.match(t, pos)
        if not sm:
            break
        word = sm.group(1)
        sv = _CJK_SCALE.get(word) if len(word) == 1 and word in _CJK_SCALE else W.scale_value(word, lang)
        if sv is None and kind == MONEY and word.lower() in ("m", "k", "b") and pos == e:
            sv = {"m": 10**6, "k": 1000, "b": 10**9}[word.lower()]
        if sv is None or sv < 100 or (scales and sv <= scales[-1] and not (sv >= 1000 and scales[-1] == 100)):
            break
        if len(word) > 1 and word.endswith(".") and word.lower().rstrip(".") not in W._ABBREV_SCALES \
                and word.lower().rstrip(".") not in ("tys", "tis", "тыс", "тис", "mil", "millj"):
            word = word[:-1]  # a sentence's full stop after the scale word
        scales.append(sv)
        pos = sm.start(1) + len(word)
    if scales:
        mult = W.combine([1] + scales) if len(scales) > 1 else Fraction(scales[0])
        values = [v * mult for v in values]
        end = pos
        rest = t[end:]
        nxt = t[end:end + 1]
    pm = _PERCENT.match(t, end)
    cm = _CURRENCY_RE.match(t, end)
    um = _UNIT_RE.match(t, end)
    if pm:
        kind, unit, end = PERCENT, "%", pm.end()
    elif cm and kind != MONEY:
        kind, unit, end = MONEY, cm.lastgroup, cm.end()
    elif um and kind != MONEY and not scales:
        kind, unit, end = UNIT, um.lastgroup, um.end()
    elif _spelled(nxt) or (nxt and nxt in "'’-"):
        dm = _DECADE_SUFFIX.match(t, end)
        if dm and values[0] % 10 == 0 and values[0].denominator == 1 and not scales:
            return _decade(t, start, dm.end(), int(values[0]))
        om = _ORDINAL_SUFFIX.match(t, end)
        if om and not scales and (nxt != "-" or lang in ("ru", "uk")):
            return _num(start, om.end(), t[start:om.end()], ORDINAL, values)
        glued = re.match(r"-?([^\W\d_]+)", t[end:])
        stem = _scale_stem(glued.group(1), lang) if glued else None
        if stem:  # 6milionového, 5-million: a scale word glued into an adjective
            return _num(start, end + len(glued.group()), t[start:end + len(glued.group())], kind,
                        [v * stem for v in values], unit=unit)
        if _spelled(nxt) and not scales:
            return _token(t, s, e)  # 3D, 5G, 10bn handled above: letters glued to a figure make a code
    if nxt == "月" and not scales and values[0].denominator == 1 and 1 <= values[0] <= 12:
        return _num(start, end + 1, t[start:end + 1], MONTH, values, domain=MONTH_OF_YEAR,
                    extra={(NUM, values[0])})
    if nxt == "代" and not scales and values[0] % 10 == 0:  # 30代, 90年代: a decade, an age bracket
        return _decade(t, start, end + 1, int(values[0]))
    if nxt == "年" and t[end + 1:end + 2] == "代" and not scales and values[0] % 10 == 0:
        return _decade(t, start, end + 2, int(values[0]))
    if re.search(r"(?:明治|大正|昭和|平成|令和|民国|民國)$", t[max(0, start - 2):start]):
        # a Japanese era's year (明治28年) restates the Western year beside it
        return _num(start, end, t[start:end], YEAR, values, written=WORDS)
    if nxt == "年" and not scales:
        # 26年度, 20年: Japanese news writes the year without its century
        extra = {(NUM, 2000 + values[0]), (NUM, 1900 + values[0])} if raw.isdigit() and len(raw) == 2 else set()
        return _num(start, end + 1, t[start:end + 1], YEAR, values, extra=extra)
    if nxt == "割" and not scales:  # ７割: seven tenths, 70%
        return _num(start, end + 1, t[start:end + 1], PERCENT, [v * 10 for v in values], unit="%")
    if kind == PLAIN and not scales and len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100:
        kind = YEAR
    extra = set()
    yr = re.search(r"(?:(1[89]|20)\d\d[-–/]|['’])$", t[max(0, s - 5):s])
    if raw.isdigit() and len(raw) == 2 and yr:
        # 1981-87, 2023/24, '87: a year with its century left out
        century = int(yr.group(1)) if yr.group(1) else None
        extra = {(NUM, Fraction(c * 100 + int(raw))) for c in ([century] if century else [19, 20])}
    if re.fullmatch(r"\d{1,2}[.:]\d{2}", raw):
        h, mm = int(raw[:-3]), int(raw[-2:])
        if h <= 24 and mm < 60:  # 8.30 may be a time where a.m./p.m. is left implicit
            extra |= _clock_readings(h, Fraction(mm, 60), False, False)[1]
    dec = _DECADES.match(t, end)
    if dec and not scales:  # two decades: twenty years
        extra |= {(NUM, v * 10) for v in values}
    return _num(start, end, t[start:end], kind, values, unit=unit, extra=extra)


_DECADES = re.compile(r"[ \u00a0]?(?:decades?|décadas?|décennies?|decenni[oa]|jahrzehnte?n?|десятилети\w*|"
                      r"десятиріч\w*|desetilet\w*|dekád\w*|dekad\w*|दशक\w*)\b", re.I)
_CJK_RUN = re.compile(r"[\d.〇零一二两兩三四五六七八九十百千万萬亿億兆]+")


def _cjk_mixed(run: str, first) -> Fraction | None:
    """A figure written in digits and Chinese or Japanese scale characters."""
    total, section, current = Fraction(0), Fraction(0), Fraction(0)
    big = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
    for m in re.finditer(r"\d+(?:\.\d+)?|.", run):
        tok = m.group()
        if tok[0].isdigit():
            current = Fraction(tok)
        elif tok in _CJK_DIGIT:
            current = Fraction(_CJK_DIGIT[tok])
        elif tok in _CJK_SMALL:
            section += (current or 1) * _CJK_SMALL[tok]
            current = Fraction(0)
        elif tok in big:
            if section + current == 0 and total:  # 万亿: ten thousand hundred millions
                total *= big[tok]
            else:
                total += (section + current or 1) * big[tok]
            section = current = Fraction(0)
        else:
            return None
    return total + section + current


def _scale_stem(word: str, lang: str) -> int | None:
    w = word.lower()
    forms = [f for f, v in W.CARDINALS.get(lang, W.CARDINALS["en"]).items() if v >= 10**6 and len(f) >= 5]
    for f in forms:
        if w.startswith(f[:6]) and len(f) >= 6:
            return W.CARDINALS.get(lang, W.CARDINALS["en"])[f]
    return None


def _token(t: str, s: int, e: int) -> Number:
    """A figure that is part of a name or a code compares as its digits."""
    a = s
    while a > 0 and (_spelled(t[a - 1]) or t[a - 1].isdigit() or (t[a - 1] == "-" and a > 1 and _spelled(t[a - 2]))):
        a -= 1
    b = e
    while b < len(t) and (_spelled(t[b]) or t[b].isdigit()):
        b += 1
    digits = re.sub(r"\D", "", t[s:e])
    return Number(a, b, t[a:b], TOKEN, Fraction(int(digits)), frozenset({(NUM, Fraction(int(digits)))}))


def _decade(t: str, s: int, e: int, v: int) -> Number:
    """1990s, the '90s, 90-х, 1990er: the decade, with or without its century."""
    vals = {v}
    if v >= 1000:
        vals.add(v % 100)
    elif v < 100:
        vals |= {1900 + v, 2000 + v}
    return Number(s, e, t[s:e], DECADE, Fraction(v), frozenset((NUM, Fraction(x)) for x in vals))


def _cjk_value(s: str) -> int | None:
    total, section, current = 0, 0, 0
    big = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
    for ch in s:
        if ch in _CJK_DIGIT:
            current = current * 10 + _CJK_DIGIT[ch] if current and s.count("十") == 0 and not any(
                c in s for c in "百千") else _CJK_DIGIT[ch]
        elif ch in _CJK_SMALL:
            section += (current or 1) * _CJK_SMALL[ch]
            current = 0
        elif ch in big:
            total += (section + current or 1) * big[ch]
            section = current = 0
    return total + section + current


def _in_word(t: str, s: int, e: int) -> bool:
    """Is t[s:e] part of a common word written with numeral characters?"""
    lo = max(0, s - 3)
    window = t[lo:e + 3]
    for w in _CJK_WORDS:
        k = window.find(w)
        while k >= 0:
            if lo + k < e and s < lo + k + len(w):
                return True
            k = window.find(w, k + 1)
    return False


def _cjk_numerals(t: str):
    for m in _CJK_NUMERAL.finditer(t):
        s, e = m.span()
        word = m.group()
        if _in_word(t, s, e):
            continue
        ordinal = _prev_char(t, s) == "第"
        counted = e < len(t) and t[e] in _COUNTER
        if not (ordinal or counted):
            continue
        if word in ("一", "两", "兩") and not ordinal:
            continue  # 一个, 两个: "a", "a couple" as often as a count
        if all(c in "万萬亿億兆千百十" for c in word):
            continue
        v = _cjk_value(word)
        if v is None:
            continue
        kind = ORDINAL if ordinal else PLAIN
        if t[e:e + 1] == "月" and 1 <= v <= 12:
            yield Number(s, e + 1, t[s:e + 1], MONTH, Fraction(v),
                         frozenset({(MONTH_OF_YEAR, Fraction(v)), (NUM, Fraction(v))}), WORDS)
            continue
        yield Number(s, e, word, kind, Fraction(v), frozenset({(NUM, Fraction(v))}), WORDS)


def _sentence_start(t: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and t[j] in " \u00a0\"'“”„«»¿¡(":
        j -= 1
    return j < 0 or t[j] in ".!?:\n"


def _words(t: str, lang: str):
    """Numbers in words, months and weekdays."""
    cards = W.CARDINALS.get(lang, {})
    months = W.MONTHS.get(lang, {})
    days = W.WEEKDAYS.get(lang, {})
    articles = W.ARTICLE_ONE.get(lang, set())
    joiners = W.JOINERS.get(lang, set())
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(t)]
    if lang in ("zh", "ja"):
        for w, v in days.items():
            for m in re.finditer(re.escape(w), t):
                yield Number(m.start(), m.end(), w, WEEKDAY, Fraction(v), frozenset({(DAY_OF_WEEK, Fraction(v))}),
                             NAME)
        return
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        lw = w.lower()
        # months and weekdays
        mv = months.get(lw.rstrip("."))
        if mv is not None and (lw.rstrip(".") not in W.AMBIGUOUS_MONTHS.get(lang, ()) or _near_digit(t, s, e)
                               or (w[:1].isupper() and not _sentence_start(t, s) and lw != "may")):
            yield Number(s, e, w, MONTH, Fraction(mv), frozenset({(MONTH_OF_YEAR, Fraction(mv))}), NAME)
            i += 1
            continue
        dv = days.get(lw)
        if dv is not None:
            need = W.WEEKDAY_NEEDS_PREP.get(lang, set())
            if lw not in need or (i > 0 and toks[i - 1][2].lower() in ("в", "во", "к", "по", "на", "до", "со", "с")):
                yield Number(s, e, w, WEEKDAY, Fraction(dv), frozenset({(DAY_OF_WEEK, Fraction(dv))}), NAME)
            i += 1
            continue
        # numbers in words: a run of number words
        vals, j, last_end, s0 = [], i, e, s
        while j < len(toks):
            tw = toks[j][2].lower()
            parts = _split_compound(tw, lang, cards)
            gap = t[last_end:toks[j][0]].strip(" \u00a0-")
            if parts is None:
                if not vals and tw in articles and j + 1 < len(toks):
                    nv = _split_compound(toks[j + 1][2].lower(), lang, cards)
                    if nv and toks[j + 1][2].lower() in _DOZEN:
                        s0 = toks[j + 1][0]
                        j += 1  # a dozen is twelve
                        continue
                    if nv and nv[0] >= 100:  # a hundred, un millón
                        vals.append(1)
                        last_end = toks[j][1]
                        j += 1
                        continue
                if tw in joiners and vals and j + 1 < len(toks) and not gap:
                    nv = _split_compound(toks[j + 1][2].lower(), lang, cards)
                    if nv and _follows(vals, nv[0], joined=True):
                        last_end = toks[j][1]
                        j += 1
                        continue
                if not vals and "-" in tw:
                    # six-point, three-time, tres-cuatro: the figure before the hyphen
                    head = tw.split("-")[0]
                    if head in cards and cards[head] != 1:
                        vals.append(cards[head])
                        last_end = toks[j][0] + len(head)
                        j += 1
                break
            if vals and (not _follows(vals, parts[0]) or gap):
                break
            vals.extend(parts)
            last_end = toks[j][1]
            j += 1
        if vals:
            if vals[0] >= 1000 and toks[i][2].lower() not in articles:
                i = j
                continue  # millones de personas, тысячи людей: a scale word alone is no figure
            v = W.combine(vals)
            e0 = last_end
            pm = _PERCENT.match(t, e0)
            kind, unit = PLAIN, None
            if pm:
                kind, unit, e0 = PERCENT, "%", pm.end()
            rs = {(NUM, v)} | ({(NUM, v * 10)} if _DECADES.match(t, e0) else set())  # two decades: 20 years
            yield Number(s0, e0, t[s0:e0], kind, v, frozenset(rs), WORDS, unit)
            i = j
            continue
        i = max(j, i + 1)


_DOZEN = {"dozen", "docena", "dúzia", "douzaine", "dozzina", "dutzend", "дюжина", "дюжину", "tucet", "tuzin", "दर्जन"}


def _split_compound(w: str, lang: str, cards: dict) -> list[int] | None:
    """The values of one word: twenty-five, dix-sept, quatre-vingt-dix, zweiundzwanzig."""
    if w in cards:
        return [cards[w]]
    c = W.compound_value(w, lang)
    if c is not None:
        return [c]
    if "-" in w:
        if w.startswith("quatre-vingt") and lang == "fr":
            rest = w[len("quatre-vingt"):].lstrip("s").lstrip("-")
            sub = _split_compound(rest, lang, cards) if rest else []
            return None if sub is None else [80] + sub
        parts = [cards.get(p) for p in w.split("-")]
        if all(p is not None for p in parts) and len(parts) > 1:
            return parts
    return None


def _follows(vals: list[int], v: int, joined: bool = False) -> bool:
    """May ``v`` continue the number made of ``vals``? Units after tens
    (twenty five), anything smaller after a hundred or a scale, a scale
    after anything smaller; never two units (two three, "two and three")."""
    last = vals[-1]
    if v >= 100:
        return last < v or (last >= 1000 and v > last)
    if last >= 100:
        return True
    if last in (20, 30, 40, 50, 60, 70, 80, 90) and v < 10:
        return True
    return last in (60, 80) and 10 <= v < 20 and not joined  # soixante-dix, quatre-vingt-douze


def _near_digit(t: str, s: int, e: int) -> bool:
    return bool(re.search(r"\d[.\s]{0,2}$", t[max(0, s - 4):s]) or re.match(r"[\s.,]{0,2}\d", t[e:e + 4]))
