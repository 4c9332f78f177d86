"""Markdown: a summary for a CI log or a ticket. Article text, ids,
messages and notices are escaped (``text``, ``code``): a Markdown viewer
renders raw HTML and links, and a newline would end a table row."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..types import ArticleResult
from . import stream

_ICON = {"pass": "PASS", "review": "REVIEW", "block": "BLOCK"}


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\\": "\\\\", "`": "\\`",
                          "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "#": "\\#", "!": "\\!"})


def text(value: str) -> str:
    """Plain text for a Markdown line or table cell: one line, nothing active."""
    return " ".join(str(value).split()).translate(_ESCAPES)


def code(value: str) -> str:
    """The inside of a `code span` in a table: one line, no backtick, no cell break."""
    return " ".join(str(value).split()).replace("`", "'").replace("|", "\\|")


def _clip(text_: str, span, width: int = 90) -> str:
    s, e = span
    piece = " ".join(text_[s:e].split())
    if len(piece) > width:
        piece = piece[: width - 1] + "…"
    return code(piece)


def _article(a: ArticleResult) -> list[str]:
    out = [f"## {text(a.id)}: {_ICON[a.verdict.value]}", ""]
    langs = text(f"{a.src.lang} → {a.mt.lang}" if a.src else f"{a.mt.lang}")
    counts = Counter(f.severity.label for f in a.findings if not f.suppressed)
    summary = ", ".join(f"{counts[k]} {k}" for k in ("critical", "major", "minor", "info") if counts[k]) or "no findings"
    quiet = sum(f.suppressed for f in a.findings)
    if quiet:
        summary += f" ({quiet} suppressed)"
    out.append(f"{langs} · {len(a.mt.segments)} sentences · risk {a.risk:.2f} · {summary}")
    out.append("")
    if not a.findings:
        return out
    out += ["| severity | rule | where (translation) | source | message | suggestion |", "|---|---|---|---|---|---|"]
    for f in a.findings:
        mt = f"`{_clip(a.mt.text, f.mt_span)}`" if f.mt_span else ""
        src = f"`{_clip(a.src.text, f.src_span)}`" if f.src_span and a.src else ""
        msg = text(f.message)
        sug = ""
        if f.suggestion is not None and f.mt_span:  # the repair, in context
            s, e = f.mt_span
            fixed = a.mt.text[max(0, s - 12) : s] + f.suggestion + a.mt.text[e : e + 12]
            sug = "`…" + code(fixed) + "…`"
        elif f.suggestion:
            sug = f"`{code(f.suggestion)}`"
        sev = f.severity.label + (" (suppressed)" if f.suppressed else "")
        out.append(f"| {sev} | {text(f.rule)} | {mt} | {src} | {msg} | {sug} |")
    out.append("")
    return out


class Writer(stream.Writer):
    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._articles = self.spool()
        self._verdicts: Counter = Counter()

    def add(self, a: ArticleResult) -> None:
        self._verdicts[a.verdict.value] += 1
        self._articles.add("\n".join(_article(a)))

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        lines = [
            f"# mtcheck {meta.mode} report",
            "",
            f"{len(self._articles)} article(s): "
            + ", ".join(f"{self._verdicts[v]} {v}" for v in ("block", "review", "pass") if self._verdicts[v]),
            "",
            "Signature: `" + meta.signature.replace("`", "'") + "`",  # not in a table: a pipe stays one
            "",
        ]
        for note in meta.notices:
            lines += [f"> Notice: {text(note)}", ""]
        # the head and the articles joined by newlines, the last without trailing blank lines
        n = len(self._articles)
        yield "\n".join(lines) if n else "\n".join(lines).rstrip()
        for i in range(n):
            piece = self._articles.get(i)
            yield "\n" + (piece.rstrip() if i == n - 1 else piece)
        yield "\n"
