"""SARIF 2.1.0 (OASIS), the format code-scanning services read: one run,
every rule with its metadata, one result per finding located in the input
file by line and column (code points), the source span as a related
location. Valid against the schema in tests/data (tests/render)."""

from __future__ import annotations

import json
from typing import Iterator

from ..rules import CATEGORY_LABELS, RULES
from ..types import ArticleResult, Finding, Severity
from . import stream
from .locations import path_of, primary, region, suggested, uri

LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rules() -> list[dict]:
    out = []
    for r in RULES.values():
        text = r.description[:1].upper() + r.description[1:] + "."
        out.append({
            "id": r.id,
            "shortDescription": {"text": text},
            "fullDescription": {"text": text + (f" Example: {r.example}" if r.example else "")},
            "defaultConfiguration": {"level": LEVEL[r.severity]},
            "properties": {"category": r.category, "categoryLabel": CATEGORY_LABELS[r.category],
                           "severity": r.severity.label},
        })
    return out


def _location(a: ArticleResult, article, span, label: str, reg: dict | None = None) -> dict:
    phys: dict = {"artifactLocation": {"uri": uri(path_of(article, a.id))}}
    reg = region(article, span) if reg is None else dict(reg)
    if reg is not None:
        if span[1] > span[0]:
            reg["snippet"] = {"text": article.text[span[0]:span[1]]}
        phys["region"] = reg
    return {"physicalLocation": phys, "message": {"text": label}}


def _result(a: ArticleResult, f: Finding, index: dict[str, int]) -> dict:
    article, span = primary(a, f)
    side = "translation" if article is a.mt else "source"
    reg = region(article, span)  # where the finding is, and what a fix replaces
    res: dict = {
        "ruleId": f.rule,
        "level": LEVEL[f.severity],
        "message": {"text": f.message + suggested(f)},
        "locations": [_location(a, article, span, side, reg)],
        "partialFingerprints": {"mtcheck/v1": f"{a.id}:{f.fingerprint}"},
        "properties": {"severity": f.severity.label, "confidence": round(f.confidence, 3),
                       "category": f.category, "article": a.id, "verdict": a.verdict.value},
    }
    if f.suggestion is not None and reg is not None and "startColumn" in reg:  # an edit a viewer can apply
        reg = {"endLine": reg["startLine"], "endColumn": reg["startColumn"], **reg}
        res["fixes"] = [{"description": {"text": f"replace with “{f.suggestion}”"}, "artifactChanges": [{
            "artifactLocation": {"uri": uri(path_of(article, a.id))},
            "replacements": [{"deletedRegion": reg, "insertedContent": {"text": f.suggestion}}]}]}]
    if f.rule in index:
        res["ruleIndex"] = index[f.rule]
    if article is a.mt and f.src_span is not None and a.src is not None:
        res["relatedLocations"] = [{"id": 1, **_location(a, a.src, f.src_span, "source")}]
    if f.suppressed:
        res["suppressions"] = [{"kind": "external", "justification": "in the baseline"}]
    return res


class Writer(stream.Writer):
    """Results and the articles' verdicts spooled at their depth in the run."""

    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._rules = _rules()
        self._index = {r["id"]: n for n, r in enumerate(self._rules)}
        self._results = self.spool()
        self._articles = self.spool()

    def add(self, a: ArticleResult) -> None:
        for f in a.findings:
            self._results.add(stream.json_fragment(_result(a, f, self._index), 4))
        self._articles.add(stream.json_fragment({"id": a.id, "verdict": a.verdict.value, "risk": a.risk}, 5))

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        run = {
            "tool": {"driver": {"name": "mtcheck", "version": meta.version, "rules": self._rules,
                                "properties": {"signature": meta.signature}}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": [{"message": {"text": n}, "level": "note"}
                                                            for n in meta.notices]}],
            "results": [stream.placeholder("results")],
            "properties": {"mode": meta.mode, "articles": [stream.placeholder("articles")]},
        }
        doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        head = json.dumps(doc, ensure_ascii=False, indent=1)
        yield from stream.splice(head, {"results": self._results, "articles": self._articles})
        yield "\n"
