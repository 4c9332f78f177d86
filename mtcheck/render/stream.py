"""Reports written as the articles come: a renderer's ``Writer`` takes one
article at a time and keeps what it renders of it on disk (a ``Spool``), not
in memory, with only counts and sort keys in memory; ``finish`` then yields
the document in pieces, once the run's notices and model signature are known.
So a batch of any size renders in flat memory, and the parent of the worker
processes holds no article once it is rendered."""

from __future__ import annotations

import json
import re
import tempfile
from array import array
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..types import ArticleResult, Severity


@dataclass(frozen=True)
class Meta:
    """What a report says beside its articles, known when the run ends."""

    version: str
    signature: str
    mode: str = "check"
    notices: tuple[str, ...] = ()
    fail_on: Severity | None = None


class Spool:
    """Text fragments in a temporary file, read back by number or in order."""

    def __init__(self) -> None:
        self._fh = tempfile.TemporaryFile()
        self._starts = array("q")
        self._end = 0

    def add(self, text: str) -> None:
        data = text.encode("utf-8")
        self._fh.seek(self._end)
        self._fh.write(data)
        self._starts.append(self._end)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._starts)

    def get(self, i: int) -> str:
        start = self._starts[i]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else self._end
        self._fh.seek(start)
        return self._fh.read(end - start).decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self.get(i)

    def close(self) -> None:
        self._fh.close()


class Writer:
    """One report format, fed article by article."""

    def __init__(self, mode: str = "check", fail_on: Severity | None = None) -> None:
        self.mode = mode
        self.fail_on = fail_on
        self._spools: list[Spool] = []

    def spool(self) -> Spool:
        s = Spool()
        self._spools.append(s)
        return s

    def add(self, a: ArticleResult) -> None:
        raise NotImplementedError

    def finish(self, meta: Meta) -> Iterator[str]:
        raise NotImplementedError

    def close(self) -> None:
        for s in self._spools:
            s.close()


def json_fragment(obj, depth: int) -> str:
    """``obj`` as ``json.dumps(..., indent=1)`` writes it ``depth`` levels down
    in a document (a JSON string never holds a raw newline, so indenting
    line by line is safe)."""
    pad = " " * depth
    return "\n".join(pad + line for line in json.dumps(obj, ensure_ascii=False, indent=1).split("\n"))


def placeholder(name: str) -> str:
    """A list item that stands for a spooled list in a document's head: a NUL
    (which no notice or signature holds) makes it unmistakable."""
    return "\x00" + name


def splice(head: str, lists: dict[str, Iterable[str]]) -> Iterator[str]:
    """The JSON document ``head`` (indent=1) with each ``[placeholder(name)]``
    list replaced by the fragments of ``lists[name]`` (written by
    ``json_fragment`` at the list's depth), in pieces."""
    pattern = re.compile(r"\[\n *\"\\u0000(\w+)\"\n *\]")
    pos = 0
    for m in pattern.finditer(head):
        yield head[pos:m.start()]
        items = iter(lists[m.group(1)])
        first = next(items, None)
        if first is None:
            yield "[]"
        else:
            yield "[\n" + first
            for item in items:
                yield ",\n" + item
            yield head[head.rfind("\n", m.start(), m.end()):m.end()]  # the list's closing line
        pos = m.end()
    yield head[pos:]


def render_all(writer: Writer, articles: Iterable[ArticleResult], meta: Meta) -> str:
    """A whole report as one string: the same bytes as streaming it."""
    try:
        for a in articles:
            writer.add(a)
        return "".join(writer.finish(meta))
    finally:
        writer.close()
