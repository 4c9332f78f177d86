"""JSON as in the machine contract: mtcheck.report/1 for articles,
mtcheck.pairs/1 for segment pairs."""

from __future__ import annotations

import json
from typing import Iterator

from ..types import ArticleResult
from . import stream


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


class Writer(stream.Writer):
    """Articles (or pairs items) spooled as JSON fragments at their depth."""

    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._items = self.spool()

    def add(self, a: ArticleResult) -> None:
        self._items.add(stream.json_fragment(item_dict(a) if self.mode == "pairs" else article_dict(a), 2))

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        tool = {"version": meta.version, "signature": meta.signature}
        if meta.notices:
            tool["notices"] = list(meta.notices)
        items = [stream.placeholder("items")]
        if meta.mode == "pairs":
            doc = {"schema": "mtcheck.pairs/1", "tool": tool, "items": items}
        else:
            doc = {"schema": "mtcheck.report/1", "tool": tool, "mode": meta.mode, "articles": items}
        yield from stream.splice(json.dumps(doc, ensure_ascii=False, indent=1), {"items": self._items})
        yield "\n"
