"""GitHub Actions workflow commands: an annotation on the file and line of
each of the worst findings, the rest summed up in one notice (GitHub shows
at most 10 error and 10 warning annotations per step). The CLI also writes
the Markdown report as the job summary when GITHUB_STEP_SUMMARY is set.

Everything from an article goes through ``data``/``prop``: a newline in
article text would otherwise start a workflow command of its own (::add-mask,
::stop-commands) in the CI log."""

from __future__ import annotations

import heapq
from typing import Iterator

from ..types import Severity
from . import stream
from .locations import path_of, primary, region, suggested

PER_LEVEL = 10
COMMAND = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "notice"}


def data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def prop(text: str) -> str:
    return data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(a, f) -> str:
    article, span = primary(a, f)
    props = [f"file={prop(path_of(article, a.id))}"]
    reg = region(article, span)
    if reg:
        props.append(f"line={reg['startLine']}")
        if "startColumn" in reg:
            props.append(f"col={reg['startColumn']}")
        if "endLine" in reg:
            props.append(f"endLine={reg['endLine']}")
            if "endColumn" in reg and reg["endLine"] == reg["startLine"]:
                props.append(f"endColumn={reg['endColumn']}")
    props.append(f"title={prop(f'mtcheck {f.rule} ({f.severity.label})')}")
    msg = f.message + suggested(f)
    return f"::{COMMAND[f.severity]} {','.join(props)}::{data(msg)}"


class Writer(stream.Writer):
    """The worst findings of each level kept (at most PER_LEVEL each, the
    earliest first among equals), the rest only counted."""

    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._worst: dict[str, list] = {"error": [], "warning": []}
        self._live = 0
        self._verdicts = {"block": 0, "review": 0, "pass": 0}

    def add(self, a) -> None:
        self._verdicts[a.verdict.value] += 1
        for f in a.findings:
            if f.severity <= Severity.INFO or f.suppressed:
                continue
            self._live += 1
            heap = self._worst[COMMAND[f.severity]]
            # a min-heap on how good a finding is to show: the least is dropped first
            item = ((int(f.severity), f.confidence, -self._live), _annotation(a, f))
            if len(heap) < PER_LEVEL:
                heapq.heappush(heap, item)
            elif item[0] > heap[0][0]:
                heapq.heapreplace(heap, item)

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        shown = sorted(self._worst["error"], reverse=True) + sorted(self._worst["warning"], reverse=True)
        lines = [text for _, text in shown]
        rest = self._live - len(shown)
        total = sum(self._verdicts.values())
        summary = f"mtcheck: {total} article(s), " + ", ".join(
            f"{n} {v}" for v, n in self._verdicts.items() if n)
        if rest:
            summary += f"; {rest} more finding(s) of minor or above in the report"
        lines.append(f"::notice title=mtcheck::{data(summary)}")
        yield "\n".join(lines) + "\n"
