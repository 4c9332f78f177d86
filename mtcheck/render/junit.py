"""JUnit XML, which every CI server shows as a test report: one test case
per article. It fails when a finding reaches --fail-on, or, without
--fail-on, when the verdict is block; an input that could not be read is an
error. Every finding is listed in the case's output."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Iterator

from ..decide import exit_status, live
from ..types import ArticleResult, Verdict
from . import stream
from .locations import path_of, primary, region, suggested

# characters XML 1.0 cannot carry, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _where(a: ArticleResult, f) -> str:
    article, span = primary(a, f)
    reg = region(article, span)
    place = path_of(article, a.id)
    if reg:
        place += f":{reg['startLine']}" + (f":{reg['startColumn']}" if "startColumn" in reg else "")
    return place


def _lines(a: ArticleResult) -> str:
    out = []
    for f in a.findings:
        piece = ""
        article, span = primary(a, f)
        if span is not None and span[1] > span[0]:
            piece = " “" + " ".join(article.text[span[0]:span[1]].split())[:120] + "”"
        sup = " (suppressed)" if f.suppressed else ""
        out.append(f"{f.severity.label} {f.rule}{sup} at {_where(a, f)}{piece}: {f.message}"
                   + suggested(f))
    return "\n".join(out)


def _failed(a: ArticleResult, fail_on) -> bool:
    """What --fail-on would exit 1 for (decide.exit_status), else a block."""
    if fail_on is not None:
        return exit_status([a], fail_on) == 1
    return a.verdict is Verdict.BLOCK


class Writer(stream.Writer):
    """Test cases spooled as XML at their depth; the counts go in the head."""

    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._cases = self.spool()
        self._failures = self._errors = 0

    def add(self, a: ArticleResult) -> None:
        case = ET.Element("testcase", {"classname": f"mtcheck.{self.mode}", "name": clean(a.id),
                                       "file": clean(path_of(a.mt, a.id))})
        counts = Counter(f.severity.label for f in live(a.findings))
        summary = f"{a.verdict.value}, risk {a.risk:.2f}: " + (", ".join(
            f"{counts[k]} {k}" for k in ("critical", "major", "minor", "info") if counts[k]) or "no findings")
        if any(f.rule == "format.unreadable" for f in a.findings):
            self._errors += 1
            ET.SubElement(case, "error", {"message": clean(a.findings[0].message), "type": "format.unreadable"})
        elif _failed(a, self.fail_on):
            self._failures += 1
            el = ET.SubElement(case, "failure", {"message": clean(summary), "type": a.verdict.value})
            el.text = clean(_lines(a))
        if a.findings:
            ET.SubElement(case, "system-out").text = clean(summary + "\n" + _lines(a))
        ET.indent(case, level=_CASE_DEPTH)
        self._cases.add(ET.tostring(case, encoding="unicode"))

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        n, failures, errors = str(len(self._cases)), str(self._failures), str(self._errors)
        root = ET.Element("testsuites", {"name": "mtcheck", "tests": n, "failures": failures, "errors": errors})
        suite = ET.SubElement(root, "testsuite", {"name": f"mtcheck {meta.mode}", "tests": n,
                                                 "failures": failures, "errors": errors, "skipped": "0"})
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", {"name": "version", "value": meta.version})
        ET.SubElement(props, "property", {"name": "signature", "value": clean(meta.signature)})
        ET.SubElement(suite, _SLOT)
        ET.indent(root)
        head, tail = ET.tostring(root, encoding="unicode").split(f"<{_SLOT} />")
        pad = head[head.rfind("\n"):]  # the line break and indentation between cases
        yield '<?xml version="1.0" encoding="UTF-8"?>\n'
        if not len(self._cases):
            head = head[:len(head) - len(pad)]
        yield head
        for i, case in enumerate(self._cases):
            yield (pad if i else "") + case
        yield tail + "\n"


_CASE_DEPTH = 2  # testsuites > testsuite > testcase
_SLOT = "mtcheck-cases"  # where the cases go in the head
