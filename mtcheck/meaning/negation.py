"""Negation markers per language, counted the way each grammar counts them.

A sentence's polarity is how many negations it makes, not how many negative
words it has: Romance and Slavic languages repeat the negation on every
indefinite ("no dijo nada", "никто никогда не"), French splits it in two
("ne ... pas") and uses "ne" alone without negating ("avant qu'il ne parte",
"il n'a que 5 ans", "only"), and many fixed phrases with a negative word say
nothing negative ("sin embargo", "not only", "тем не менее", 不过, かもしれない).

So each language has:
- ``primary`` markers, each one negation ("not", "no", "nicht", "не", "sin");
- ``concord`` words, negative indefinites that negate only when the clause has
  no primary marker ("nadie vino" is one negation, "no vino nadie" one too);
- ``coord`` words ("ni", "nor", "ani"), absorbed by any earlier negation of
  the sentence ("не было ни воды, ни еды" is one negation);
- ``partner`` markers that negate only with a concord word in their clause
  (French "ne": "ne ... pas" is one negation, "ne ... que" none);
- ``skip``: fixed phrases masked out before counting;
- ``cues``: words that say a negation lexically ("failed", "unable", "lack",
  "refuse"): where the side without a marker has one, a translator has
  likely moved the negation into the word; ``prefix_cues``, words with a
  negative prefix (un-, in-, не-, 不), a weaker sign, since most such words
  are lexicalised on both sides ("invisible", "невидимый"); ``weak_cues``, restrictions and
  limits that sometimes carry one ("no ... hasta" is "only when", "erst" is
  "not until").

Chinese and Japanese are matched without word boundaries; their compounds
that hold a negative character without negating (未来 "future", 非常 "very",
必ず "certainly") are in ``skip``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PRIMARY, CONCORD, COORD, PARTNER = "primary", "concord", "coord", "partner"

_L = {
    "en": dict(
        primary="not no never nobody nothing none neither without cannot nowhere noone",
        coord="nor",
        skip=["not only", "not just", "no matter", "nothing but", "not least", "no doubt", "or not",
              "whether or not", "no less than", "no more than", "not less than", "not more than", "none other",
              "not to mention", "no sooner", "nothing less than", "if not", "cannot help", "can't help",
              "no longer only", r"re:no\.(?=\s*\d)"],
        cues=r"fail\w*|lack\w*|refus\w*|unable|den(?:y|ied|ies|ying)|absen\w+|prevent\w*|avoid\w*|reject\w*|"
             r"declin\w*|neglect\w*|miss(?:ed|es|ing)?|forb\w+|ban(?:s|ned)?|hardly|barely|scarcely|doubt\w*|"
             r"ignor\w+|stop\w*|ceas\w+|halt\w*|non-\w+|"
             r"(?:in|im|ir|il)(?:correct|accura|capab|sufficien|adequa|valid|legal|regular|relevan|responsib|possib|"
             r"perfect|proper|matur|mobil|balanc|compat|complet|consisten|effective|efficien|appropria|credib|"
             r"visib|toleran|rational|reversib|secur|stab|sane|human|activ|decisi|acti|abil|direct|nocen)\w*",
        prefix_cues=r"\w{3,}less|un(?!der|til|ion|it|iver|iqu|iform|less)\w{4,}",
        weak_cues=r"instead|rather|little|few|less|least|except|only|until|unless|before|merely|just",
    ),
    "es": dict(
        primary="no sin",
        concord="nunca jamás nadie nada ningún ninguno ninguna ningunos ningunas tampoco",
        coord="ni",
        skip=["sin embargo", "sin duda", "no obstante", "no sólo", "no solo", "no solamente", "no únicamente",
              "o no", "nada más", "no cabe duda", "sino", "que nunca", "como nunca", "que jamás"],
        cues=r"fracas\w*|falt\w*|carec\w*|neg(?:ó|a|ar|aron|aba)|rechaz\w*|imposib\w*|evit\w*|impid\w*|imped\w*|"
             r"prohib\w*|imposib\w*|incorrect\w*|inexact\w*|insuficien\w*|ilegal\w*|desconoc\w*",
        weak_cues=r"apenas|poc[oa]s?|s[oó]lo|solamente|únicamente|salvo|excepto|hasta|antes|menos",
    ),
    "pt": dict(
        primary="não sem",
        concord="nunca jamais ninguém nada nenhum nenhuma nenhuns nenhumas tampouco",
        coord="nem",
        skip=["sem dúvida", "não só", "não apenas", "não somente", "ou não", "senão", "que nunca", "como nunca"],
        cues=r"fracass\w*|falh\w*|falt\w*|carec\w*|neg(?:ou|a|ar|aram)|recus\w*|rejeit\w*|impossív\w*|evit\w*|"
             r"impedi\w*|proib\w*|incorret\w*|insuficien\w*|ilega\w*|desconhec\w*",
        weak_cues=r"apenas|pouc[oa]s?|só|somente|salvo|exceto|até|antes|menos",
    ),
    "fr": dict(
        primary="sans non",
        partner=r"ne n['’]",
        concord="pas jamais rien aucun aucune nullement guère",
        # the second half of "ne ... plus/personne/point" is no negation alone
        # ("plus", "une personne", "un point"), but it completes "ne"
        partner_only="plus personne point nul nulle",
        coord="ni",
        skip=["sans doute", "non seulement", "ou non", "pas mal", "n'importe", "n’importe", "plus que jamais",
              "à jamais", "non-", "si ce n'est", "si ce n’est"],
        cues=r"échou\w*|manqu\w*|refus\w*|ni(?:é|e|er|ent)|rejet\w*|impossib\w*|évit\w*|empêch\w*|interdi\w*|"
             r"incorrect\w*|inexact\w*|insuffisan\w*|illégal\w*|inconnu\w*",
        weak_cues=r"peine|peu|seulement|sauf|jusqu\w*|avant|moins|que|qu",
    ),
    "it": dict(
        primary="non senza",
        concord="mai niente nulla nessuno nessuna nessun neanche nemmeno neppure mica",
        coord="né",
        skip=["non solo", "non soltanto", "senza dubbio", "o meno", "o no", "più che mai", "come mai", "se mai",
              "non appena", "nulla osta", "non-", "che mai"],
        cues=r"fall\w*|manc\w*|rifiut\w*|neg(?:a|ato|ò|are)|impossibil\w*|evit\w*|imped\w*|viet\w*|appena|poc[oa]|"
             r"scorrett\w*|inesatt\w*|insufficien\w*|illegal\w*|sconosciut\w*",
        weak_cues=r"solo|soltanto|tranne|fino|prima|meno",
    ),
    "de": dict(
        primary="nicht kein keine keinen keinem keiner keines keinerlei nie niemals niemand niemanden niemandem "
                "nichts ohne nirgends nirgendwo weder",
        skip=["nicht nur", "nicht zuletzt", "oder nicht", "nicht mehr als", "nicht weniger als", "ohne Zweifel",
              "nichts anderes als", "nicht umsonst"],
        cues=r"scheiter\w*|gescheitert\w*|versäum\w*|fehl\w*|mangel\w*|verweiger\w*|weiger\w*|ablehn\w*|abgelehnt|"
             r"leugn\w*|bestreit\w*|bestritt\w*|unmöglich\w*|verhinder\w*|vermeid\w*|verbiet\w*|verbot\w*|kaum",
        prefix_cues=r"un(?!ter|ser|sre|gefähr|d)\w{4,}|\w+los\w*|miss\w{3,}",
        weak_cues=r"wenig\w*|erst|nur|außer|statt|anstatt|bevor",
    ),
    "nl": dict(
        primary="niet geen nooit niets niemand zonder nergens",
        skip=["niet alleen", "of niet", "zonder twijfel"],
        cues=r"faal\w*|gefaald|mislukt\w*|weiger\w*|ontken\w*|onmogelijk|nauwelijks|weinig|alleen|slechts|pas|"
             r"onmogelijk",
        prefix_cues=r"on(?:der|ze)?\w{4,}|\w+loos\w*",
        weak_cues=r"tenzij|behalve",
    ),
    "ru": dict(
        primary="не нет без нельзя",
        concord="никогда никто ничего ничто ничем ничему никого никому никем ком никакой никакая никакое никакие "
                "никаких никакого никакому никаким никакую нигде никуда ниоткуда ничей нисколько отнюдь",
        coord="ни",
        skip=["не только", "тем не менее", "не раз", "чуть не", "едва не", "не менее", "не более", "не больше",
              "не меньше", "не без", "или нет", "без сомнения", "не иначе как", "как ни", "бы ни", "не столько"],
        prefix_cues=r"не\w{3,}|без\w{3,}",
        cues=r"отказ\w*|отверг\w*|отрица\w*|провал\w*|лиш\w+|запрет\w*|избег\w*|едва",
        weak_cues=r"мало|только|лишь|кроме|пока|прежде|до",
    ),
    "uk": dict(
        primary="не немає нема без",
        concord="ніколи ніхто нічого ніщо нічим нікого нікому ніякий ніяка ніяке ніякі ніяких ніде нікуди",
        coord="ні",
        skip=["не лише", "не тільки", "тим не менш", "тим не менше", "не раз", "не менше", "не більше", "чи ні",
              "без сумніву", "хоч би"],
        prefix_cues=r"не\w{3,}|без\w{3,}",
        cues=r"відмов\w*|заборон\w*|провал\w*|уника\w*|заперечу\w*|ледве",
        weak_cues=r"мало|лише|тільки|крім|поки|до",
    ),
    "pl": dict(
        primary="nie bez",
        concord="nigdy nikt nikogo nikomu nikim niczego nic niczym żaden żadna żadne żadnego żadnej żadnych "
                "żadnym żadnymi nigdzie wcale",
        coord="ani",
        skip=["nie tylko", "bez wątpienia", "czy nie", "nie raz", "nie mniej niż", "nie więcej niż"],
        prefix_cues=r"nie\w{3,}|bez\w{3,}",
        cues=r"odm[oó]w\w*|odmawia\w*|brak\w*|zabroni\w*|zakaz\w*",
        weak_cues=r"tylko|jedynie|oprócz|aż|dopóki|przed|zanim",
    ),
    "cs": dict(
        # Czech negates a verb by a prefix: a list of the common negated
        # verbs and past participles, not every ne- word ("nejlepší" is a
        # superlative, "nebo" "or", "nedávno" "recently")
        primary=r"ne bez aniž nelze nebyl\w* nebud\w* není nejsou nejsem nejsme nejste nejsi nemá\w* neměl\w* nemůž\w* "
                r"nemoh\w* nemus\w* nechc\w* nechce\w* nechtě\w* nesmí\w* neví nevěd\w* nedá nedají nejde "
                r"nejdou neexist\w* nepodař\w* ne(?!j)\w{3,}(?:al|el|il|ul|ál|ěl|ál)[aoiy]?",
        concord="nikdy nikdo nic ničeho nikoho nikomu nikde nikam žádný žádná žádné žádného žádnou žádných "
                "žádnému žádným",
        coord="ani",
        skip=["ne jen", "nejen", "nebo ne", "bez pochyby", "nikoli jen"],
        # a ne- word Czech negates with may be a verb this table lacks
        # ("nesouhlasí", "disagree"): as strong a sign as a lexical negation
        cues=r"ne(?!j|bo|ž)\w{3,}|bez\w{3,}|odmít\w*|selh\w*|chyb\w*|zakáz\w*",
        weak_cues=r"jen|pouze|kromě|až|dokud|před",
    ),
    "hi": dict(
        primary="नहीं नहि मत बिना",
        coord="न ना",
        skip=["न केवल", "या नहीं", "नहीं तो", "ना केवल", "ही नहीं"],
        cues=r"इनकार\S*|इंकार\S*|असफल\S*|विफल\S*|कमी|मना|रोक\S*",
        weak_cues=r"केवल|सिर्फ|सिवा|तक|पहले",
    ),
    "zh": dict(
        primary="不 没 未 无 非 勿",
        skip=["不过", "不断", "不少", "不同", "不仅", "不但", "不久", "不管", "不论", "不如", "不止", "不禁", "不免",
              "不妨", "不得不", "不然", "要不", "差不多", "了不起", "不错", "不时", "不已", "不光", "不只", "不料",
              "不由", "不顾", "不约而同", "不可思议", "不幸", "不满", "不安", "不利", "不足", "不可避免", "不仅仅",
              "没收", "淹没", "埋没", "出没", "没落", "沉没", "未来", "无论", "无人机", "无线", "无数", "无限", "无疑",
              "无非", "无比", "毫无疑问", "无所谓", "无辜", "无偿", "虚无", "非常", "非洲", "非法", "是非", "非凡",
              "除非", "莫非", "无奈", "非议", "并非不", "无不", "未必不", "非得"],
        cues=r"拒绝|否认|缺乏|缺少|失败|难以|禁止|避免|防止|失去|否|拒|缺",
        weak_cues=r"只|仅|才|除了|直到|之前|较|更",
        nospace=True,
    ),
    "ja": dict(
        primary=r"ない なかった ません なく (?<=[かがさざただなばまらわせけ])ず",
        skip=["少ない", "少なかった", "少なく", "危ない", "危なかった", "切ない", "違いない", "しれない", "しれません",
              "仕方ない", "仕方がない", "間違いない", "もったいない", "ければならない", "ければなりません",
              "くてはならない", "くてはなりません", "ねばならない", "ざるを得ない", "ざるを得ません", "しかない",
              "しかありません", "ほかない", "に過ぎない", "にすぎない", "にほかならない", "すみません", "間もなく",
              "まもなく", "ほどなく", "少なからず", "だけでなく", "だけではなく", "のみならず", "必ず", "まず", "わずか",
              "思わず", "相変わらず", "にもかかわらず", "にも関わらず", "取りあえず", "とりあえず", "絶えず", "問わず",
              "関わらず", "かかわらず", "知らず知らず", "なくな", "ければいけない", "ければいけません", "ずつ",
              "なくてはいけない", "ないといけない", "なければならない", "なければなりません", "なければいけない",
              "なければいけません", "なくてはならない", "問わない", r"re:だけ[^。、]{0,8}?ではな[いく]", "なくてはなりません", "なくてはいけません"],
        cues=r"拒否|否定|不足|失敗|欠|禁止|避け|防",
        prefix_cues=r"不|無|未|非",
        weak_cues=r"だけ|のみ|しか|まで|以外",
        nospace=True,
    ),
}


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    text: str
    role: str
    counted: bool  # whether it makes a negation of its own (concord words absorbed are not)


@dataclass(frozen=True)
class Polarity:
    markers: tuple[Marker, ...]  # every marker found, counted or absorbed
    count: int  # negations made
    cues: tuple[tuple[int, int], ...]  # words that say a negation lexically (spans)
    prefix_cues: tuple[tuple[int, int], ...]  # words with a negative prefix (un-, не-), many of them lexicalised
    weak_cues: tuple[tuple[int, int], ...]  # restrictions and limits ("only", "until") that may carry one
    words: int
    clauses: int
    clause_of: tuple[int, ...] = ()  # the clause of each marker

    @property
    def negated(self) -> tuple[Marker, ...]:
        return tuple(m for m in self.markers if m.counted)


def no_spaces(lang: str | None) -> bool:
    """Is ``lang`` written without spaces between words (matched without word boundaries)?"""
    return bool(_L.get((lang or "").lower().split("-")[0], {}).get("nospace"))


def known(lang: str | None) -> bool:
    return (lang or "").lower().split("-")[0] in _L


def _alts(words: str | list[str]) -> str:
    items = words.split() if isinstance(words, str) else list(words)
    return "|".join(sorted(items, key=len, reverse=True))


# a word character, Indic vowel signs and viramas included (Python's \w leaves
# out combining marks, so "ने" would end a word after "न")
_W = r"[\w\u0900-\u0DFF]"


@lru_cache(maxsize=None)
def _compiled(lang: str):
    spec = _L[lang]
    nospace = spec.get("nospace", False)
    # English "n't" is glued to its verb
    wrap = (lambda p: f"(?:{p})") if nospace else (lambda p: rf"(?<!{_W})(?:{p})(?:(?<=['’])|(?!{_W}))")
    roles = []
    for role, key in ((PRIMARY, "primary"), (CONCORD, "concord"), (COORD, "coord"), (PARTNER, "partner"),
                      ("partner_only", "partner_only")):
        if spec.get(key):
            roles.append((role, re.compile(wrap(_alts(spec[key])), re.IGNORECASE)))
    if lang == "en":
        roles.append((PRIMARY, re.compile(r"(?<=\w)n['’]t(?!\w)", re.IGNORECASE)))
    skip = [s if s.startswith("re:") else re.escape(s) for s in sorted(spec.get("skip") or [], key=len, reverse=True)]
    skip = [s[3:] if s.startswith("re:") else s for s in skip]
    if nospace:
        skip_re = re.compile("|".join(skip)) if skip else None
    else:
        # a phrase ending in a hyphen ("non-") masks the word before the hyphen
        skip_re = re.compile(rf"(?<!{_W})(?:" + "|".join(s if s.endswith("-") else s + rf"(?!{_W})" for s in skip) + ")",
                             re.IGNORECASE) if skip else None
    cues = re.compile(wrap(spec["cues"]), re.IGNORECASE) if spec.get("cues") else None
    weak = re.compile(wrap(spec["weak_cues"]), re.IGNORECASE) if spec.get("weak_cues") else None
    prefix = re.compile(wrap(spec["prefix_cues"]), re.IGNORECASE) if spec.get("prefix_cues") else None
    return roles, skip_re, cues, prefix, weak, nospace


# Clause boundaries: punctuation and "but"; not "and", since "y", "a", "e"
# and "i" are prepositions too and a split there would count "no vio a nadie" twice
_CLAUSE = re.compile(r"[,;:()\[\]–—?!.，；：。？！]|\s-\s|(?<!\w)(?:but|pero|mais|aber|ale|но|але|ma|mas|però|"
                     r"लेकिन|但|但是)(?!\w)", re.IGNORECASE)


# "X, but not Y", "X, а не Y": a negation that only sets one thing against
# another, with no verb of its own; translators restate it ("rather than",
# "keep Y unchanged", "aniž")
_CONTRAST = re.compile(r"(?:(?<!\w)(?:but|or|and|rather|pero|o|y|mais|ou|et|aber|oder|und|sondern|ma|o|e|mas|ou|"
                       r"а|и|или|но|але|чи|ale|i|lub|a|nebo|i|लेकिन|या)|,)\s*$", re.IGNORECASE)


def contrastive(text: str, start: int) -> bool:
    """Is the marker at ``start`` a bare contrast ("but not", ", а не")?"""
    return bool(_CONTRAST.search(text[max(0, start - 12):start]))


def polarity(text: str, lang: str | None) -> Polarity | None:
    """The negations ``text`` makes in ``lang``; None where the language is not known."""
    lang = (lang or "").lower().split("-")[0]
    if lang not in _L:
        return None
    roles, skip_re, cues_re, prefix_re, weak_re, nospace = _compiled(lang)
    masked = text
    if skip_re is not None:
        masked = skip_re.sub(lambda m: "\x00" * len(m.group()), text)
    found = []
    taken = [False] * len(text)
    for role, rx in roles:
        for m in rx.finditer(masked):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append((m.start(), m.end(), role))
    found.sort()
    # clause boundaries: concord words are absorbed within their clause
    bounds = [m.start() for m in _CLAUSE.finditer(text)]

    def clause_of(pos: int) -> int:
        return sum(b < pos for b in bounds)

    by_clause: dict[int, list] = {}
    for s, e, role in found:
        by_clause.setdefault(clause_of(s), []).append((s, e, role))
    markers = []
    any_before = False
    for c in sorted(by_clause):
        items = by_clause[c]
        has_concord = any(r in (CONCORD, "partner_only", COORD) for _, _, r in items)
        has_primary = any(r == PRIMARY for _, _, r in items) or any(
            r == PARTNER for _, _, r in items) and has_concord
        first_counted = False
        for s, e, role in items:
            if role == PRIMARY:
                counted = True
            elif role == PARTNER:
                counted = has_concord  # "ne ... pas"; "ne" alone is expletive or restrictive
            elif role == "partner_only":
                counted = False
            elif role == COORD:
                counted = not any_before and not first_counted and not has_primary
            else:  # concord: one negation for a clause that has no primary marker
                counted = not has_primary and not first_counted
            first_counted |= counted
            any_before |= counted
            markers.append(Marker(s, e, text[s:e], role, counted))
    # a cue is a word that says a negation without a marker: not a marker itself
    cues, prefix, weak = ((tuple((m.start(), m.end()) for m in rx.finditer(masked) if not any(taken[m.start():m.end()]))
                   if rx is not None else ()) for rx in (cues_re, prefix_re, weak_re))
    if nospace:
        words = max(1, len(re.sub(r"\s", "", text)) // 2)
    else:
        words = len(re.findall(r"\w+", text))
    return Polarity(tuple(markers), sum(m.counted for m in markers), cues, prefix, weak, words, len(bounds) + 1,
                    tuple(clause_of(m.start) for m in markers))
