"""Renderers: one module per output format, Report -> str. A renderer never
calls a check; it only reads the Report."""

from __future__ import annotations

import importlib

from ..types import Report

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


def render(report: Report, fmt: str) -> str:
    module, _ = FORMATS[fmt]
    return importlib.import_module(f"{__name__}.{module}").render(report)


def extension(fmt: str) -> str:
    return FORMATS[fmt][1]
