"""Markdown: a summary for a CI log or a ticket."""

from __future__ import annotations

from collections import Counter

from ..types import ArticleResult, Report

_ICON = {"pass": "PASS", "review": "REVIEW", "block": "BLOCK"}


def _clip(text: str, span, width: int = 90) -> str:
    s, e = span
    piece = " ".join(text[s:e].split())
    if len(piece) > width:
        piece = piece[: width - 1] + "…"
    return piece.replace("|", "\\|").replace("`", "'")


def _article(a: ArticleResult) -> list[str]:
    out = [f"## {a.id}: {_ICON[a.verdict.value]}", ""]
    langs = f"{a.src.lang} → {a.mt.lang}" if a.src else f"{a.mt.lang}"
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
        msg = f.message.replace("|", "\\|")
        sug = ""
        if f.suggestion is not None and f.mt_span:  # the repair, in context
            s, e = f.mt_span
            fixed = a.mt.text[max(0, s - 12) : s] + f.suggestion + a.mt.text[e : e + 12]
            sug = "`…" + " ".join(fixed.split()).replace("|", "\\|").replace("`", "'") + "…`"
        elif f.suggestion:
            sug = f"`{f.suggestion}`"
        sev = f.severity.label + (" (suppressed)" if f.suppressed else "")
        out.append(f"| {sev} | {f.rule} | {mt} | {src} | {msg} | {sug} |")
    out.append("")
    return out


def render(report: Report) -> str:
    verdicts = Counter(a.verdict.value for a in report.articles)
    lines = [
        f"# mtcheck {report.mode} report",
        "",
        f"{len(report.articles)} article(s): "
        + ", ".join(f"{verdicts[v]} {v}" for v in ("block", "review", "pass") if verdicts[v]),
        "",
        f"Signature: `{report.signature}`",
        "",
    ]
    for n in report.notices:
        lines += [f"> Notice: {n}", ""]
    for a in report.articles:
        lines += _article(a)
    return "\n".join(lines).rstrip() + "\n"
