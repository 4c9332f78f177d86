"""JSON as in the machine contract: mtcheck.report/1 for articles,
mtcheck.pairs/1 for segment pairs."""

from __future__ import annotations

import json

from ..types import ArticleResult, Report


def _segments(article):
    return [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph} for s in article.segments]


def article_dict(a: ArticleResult) -> dict:
    text = {"mt": a.mt.text}
    segments = {"mt": _segments(a.mt)}
    lang = {"mt": a.mt.lang}
    if a.src is not None:
        text["src"] = a.src.text
        segments["src"] = _segments(a.src)
        lang["src"] = a.src.lang
    return {
        "id": a.id,
        "source": {"src": a.src.source if a.src else None, "mt": a.mt.source},
        "lang": lang,
        "text": text,
        "paragraphs": {k: [list(p) for p in art.paragraphs] for k, art in (("src", a.src), ("mt", a.mt)) if art},
        "segments": segments,
        "alignment": None if a.alignment is None else _links(a),
        # [alignment link, src start, src end, mt start, mt end, similarity], offsets into text
        "word_alignment": None if a.word_links is None else [
            [w.link, w.src[0], w.src[1], w.tgt[0], w.tgt[1], round(w.score, 3)] for w in a.word_links],
        "findings": [f.to_dict() for f in a.findings],
        "verdict": a.verdict.value,
        "risk": a.risk,
        "score": a.score,
        "scores": {k: v for k, v in a.scores.items() if k != "links"},
    }


def _links(a: ArticleResult) -> list[dict]:
    """Alignment links, each with its confidence and its model scores."""
    per_link = a.scores.get("links") or [{}] * len(a.alignment.links)
    return [
        {"src": list(l.src), "mt": list(l.tgt), "score": l.score, **({"scores": sc} if sc else {})}
        for l, sc in zip(a.alignment.links, per_link)
    ]


def item_dict(a: ArticleResult) -> dict:
    item = {
        "id": a.id,
        "verdict": a.verdict.value,
        "risk": a.risk,
        "score": a.score,
        "findings": [f.to_dict() for f in a.findings],
    }
    if a.scores:
        item["scores"] = {k: v for k, v in a.scores.items() if k not in ("links", "signatures")}
    return item


def render(report: Report) -> str:
    tool = {"version": report.version, "signature": report.signature}
    if report.notices:
        tool["notices"] = list(report.notices)
    if report.mode == "pairs":
        doc = {"schema": "mtcheck.pairs/1", "tool": tool, "items": [item_dict(a) for a in report.articles]}
    else:
        doc = {
            "schema": "mtcheck.report/1",
            "tool": tool,
            "mode": report.mode,
            "articles": [article_dict(a) for a in report.articles],
        }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
