"""Bilingual quotation checks: is each quotation of the source in the
translation, does it still say what was said, and by whom?

Quotations are paired in order within each alignment link. Only statements
count (three words or more): a word in scare quotes may lose its marks in a
good translation. A paired quotation is ``unfaithful`` when a number inside
it differs, a name inside it is gone, a negation appears or disappears, or
(with models) the similarity of the quoted words alone is low.
The speaker is the name beside the quotation, outside it; when the source's
is gone and another name stands there, the speaker has changed."""

from __future__ import annotations

import re

from ..quotes.parse import Quotation, analyse
from ..types import Finding
from . import Pair, register
from .names import _distinctive, _names, _Side

_MIN_WORDS = 3
_NUMBER = re.compile(r"\d+(?:[.,\s\u00a0\u202f]\d+)*")
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


def _outer(quotes: list[Quotation], start: int, end: int) -> list[Quotation]:
    """Outer quotations that open in [start, end): a quotation of several
    sentences belongs to the link where it opens."""
    return [q for q in quotes if q.depth == 0 and start <= q.start < end]


def _statement(q: Quotation, text: str) -> bool:
    return len(re.findall(r"[^\W\d_]+", text[q.inner[0] : q.inner[1]])) >= _MIN_WORDS


def statements(article, lang: str | None) -> list[str]:
    """The words inside each outer quotation of three words or more: what
    ``_compare`` scores with the encoder, for a caller to embed in one batch."""
    quotes = analyse(article.text, article.paragraphs, lang).quotations
    return [article.text[q.inner[0] : q.inner[1]] for q in quotes if q.depth == 0 and _statement(q, article.text)]


def _numbers(s: str) -> list[str]:
    return sorted(re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(s))


def _negated(s: str, lang: str | None) -> bool | None:
    pat = _NEGATION.get((lang or "").lower())
    return None if pat is None else bool(re.search(pat, s, re.IGNORECASE))


@register(
    "quotes.fidelity",
    needs_source=True,
    rules=("quotes.missing", "quotes.added", "quotes.unfaithful", "quotes.speaker"),
)
def fidelity(pair: Pair):
    src, mt = pair.src, pair.mt
    s_quotes = analyse(src.text, src.paragraphs, pair.src_lang).quotations
    m_quotes = analyse(mt.text, mt.paragraphs, pair.tgt_lang).quotations
    for link, ss, ms in pair.linked():
        if not ss or not ms:
            continue
        s0, s1, m0, m1 = ss[0].start, ss[-1].end, ms[0].start, ms[-1].end
        # every quotation pairs in order; only statements count when unpaired
        # or compared ("responsible way" may grow into a longer quote)
        sq = _outer(s_quotes, s0, s1)
        mq = _outer(m_quotes, m0, m1)
        for a, b in zip(sq, mq):
            if _statement(a, src.text) and _statement(b, mt.text):
                yield from _compare(pair, a, b)
        for a in sq[len(mq) :]:
            if not _statement(a, src.text):
                continue
            yield Finding(
                "quotes.missing",
                "this quotation of the source is not quoted in the translation",
                src_span=(a.start, a.end),
                mt_span=(m0, m1),
            )
        for b in mq[len(sq) :]:
            if not _statement(b, mt.text):
                continue
            yield Finding(
                "quotes.added",
                "the translation quotes words the source does not quote",
                mt_span=(b.start, b.end),
                src_span=(s0, s1),
            )
        if sq and mq:
            yield from _speaker(pair, s0, s1, m0, m1, sq, mq)


def _compare(pair: Pair, a: Quotation, b: Quotation):
    s_in = pair.src.text[a.inner[0] : a.inner[1]]
    m_in = pair.mt.text[b.inner[0] : b.inner[1]]
    reasons = []
    ns, nm = _numbers(s_in), _numbers(m_in)
    if ns != nm:
        reasons.append(f"numbers differ ({', '.join(ns) or 'none'} in the source, {', '.join(nm) or 'none'} here)")
    neg_s, neg_m = _negated(s_in, pair.src_lang), _negated(m_in, pair.tgt_lang)
    if neg_s is not None and neg_m is not None and neg_s != neg_m:
        reasons.append("a negation " + ("is lost" if neg_s else "appears"))
    src_names = [
        n for n in _names(pair, "src") if a.inner[0] <= n.start and n.end <= a.inner[1] and _distinctive(n, pair.src_lang)
    ]
    side = _Side(pair.mt.text, *b.inner)
    lost = [n.text for n in src_names if not side.has(n.text, pair.src_lang)]
    if lost:
        reasons.append("a name inside it is gone (" + ", ".join(lost) + ")")
    sim = pair.facts.get("similarity")
    if sim is not None and not reasons:
        # the model score of the quoted words alone: fidelity matters more
        # inside a quotation than anywhere else
        score = sim(s_in, m_in)
        if score < pair.facts["min_similarity"]:
            reasons.append(f"its model score is low ({score:.2f})")
    if reasons:
        yield Finding(
            "quotes.unfaithful",
            "the quotation does not say what the source quotation says: " + "; ".join(reasons),
            src_span=(a.start, a.end),
            mt_span=(b.start, b.end),
        )


def _outside(names, quotes, start, end):
    return [n for n in names if start <= n.start and n.end <= end and not any(q.start <= n.start < q.end for q in quotes)]


def _speaker(pair: Pair, s0, s1, m0, m1, sq, mq):
    """The name beside the quotations (outside them) on each side."""
    s_names = _outside(_names(pair, "src"), sq, s0, s1)
    m_names = _outside(_names(pair, "mt"), mq, m0, m1)
    if not s_names or not m_names:
        return
    m_side = _Side(pair.mt.text, m0, m1)
    s_side = _Side(pair.src.text, s0, s1)
    gone = [n for n in s_names if _distinctive(n, pair.src_lang) and not m_side.has(n.text, pair.src_lang)]
    new = [n for n in m_names if _distinctive(n, pair.tgt_lang) and not s_side.has(n.text, pair.tgt_lang)]
    if gone and new:
        yield Finding(
            "quotes.speaker",
            f"the quotation is attributed to “{new[0].text}” here, to “{gone[0].text}” in the source",
            src_span=(gone[0].start, gone[0].end),
            mt_span=(new[0].start, new[0].end),
            suggestion=gone[0].text,
        )
