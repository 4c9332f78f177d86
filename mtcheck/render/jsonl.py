"""JSON Lines: one article per line (its id, files, verdict, risk, score and
findings; no texts), for log pipelines and `jq`. A line is complete on its
own, so a reader can stream it."""

from __future__ import annotations

import json

from ..types import Report
from .json_report import item_dict


def line(a) -> str:
    obj = {"schema": "mtcheck.article/1",
           "source": {"src": a.src.source if a.src else None, "mt": a.mt.source}, **item_dict(a)}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def render(report: Report) -> str:
    return "".join(line(a) + "\n" for a in report.articles)
