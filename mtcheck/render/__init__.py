"""Renderers: one module per output format, each with a ``Writer`` that
takes the articles one at a time and yields the document when the run ends
(``stream``). A renderer never calls a check; it only reads the results."""

from __future__ import annotations

import importlib

from ..types import Report
from .stream import Meta, Writer, render_all

# format -> (module, file extension)
FORMATS = {
    "json": ("json_report", ".json"),
    "md": ("markdown", ".md"),
    "html": ("html", ".html"),
    "sarif": ("sarif", ".sarif"),
    "junit": ("junit", ".junit.xml"),
    "github": ("github", ".github.txt"),
    "jsonl": ("jsonl", ".jsonl"),
}


def writer(fmt: str, mode: str = "check", fail_on=None) -> Writer:
    module, _ = FORMATS[fmt]
    return importlib.import_module(f"{__name__}.{module}").Writer(mode, fail_on)


def meta_of(report: Report) -> Meta:
    return Meta(report.version, report.signature, report.mode, tuple(report.notices), report.fail_on)


def render(report: Report, fmt: str) -> str:
    """A whole report at once (the same bytes as streaming it)."""
    return render_all(writer(fmt, report.mode, report.fail_on), report.articles, meta_of(report))


def extension(fmt: str) -> str:
    return FORMATS[fmt][1]
