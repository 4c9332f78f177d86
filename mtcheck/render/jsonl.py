"""JSON Lines: one article per line (its id, files, verdict, risk, score and
findings; no texts), for log pipelines and `jq`. A line is complete on its
own, so a reader can stream it."""

from __future__ import annotations

import json
from typing import Iterator

from . import stream
from .json_report import item_dict


def line(a) -> str:
    obj = {"schema": "mtcheck.article/1",
           "source": {"src": a.src.source if a.src else None, "mt": a.mt.source}, **item_dict(a)}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Writer(stream.Writer):
    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._lines = self.spool()

    def add(self, a) -> None:
        self._lines.add(line(a) + "\n")

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        yield from self._lines
