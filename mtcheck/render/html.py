"""HTML: one self-contained page per report. For each article: the verdict,
the findings, and source and translation side by side by alignment link,
with each finding's span highlighted on both sides. Every piece of article
text goes through ``html.escape``."""

from __future__ import annotations

from html import escape

from ..types import ArticleResult, Report, Segment

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section{max-width:1200px;margin:auto;padding:12px 20px}
h1{font-size:22px}h2{font-size:19px;margin-top:28px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600}
.v-pass{background:#2e7d32}.v-review{background:#ef6c00}.v-block{background:#c62828}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f0f0f0}
td.n{color:#888;font-size:12px;white-space:nowrap}
mark{padding:0 1px;border-radius:2px}
mark.critical{background:#ffcdd2;outline:1px solid #c62828}mark.major{background:#ffe0b2}
mark.minor{background:#fff59d}mark.info{background:#e3f2fd}
.sev{font-weight:600}.sev.critical{color:#c62828}.sev.major{color:#ef6c00}.sev.minor{color:#8d6e00}
.sug{font-family:ui-monospace,monospace;background:#eef;padding:0 3px}
.notice{background:#fff8e1;border-left:4px solid #ffb300;padding:6px 10px}
tr.gap td{background:#fff3f3}
"""


def _highlight(text: str, start: int, end: int, marks: list[tuple[int, int, int, str, str]]) -> str:
    """text[start:end] escaped, with <mark> around each finding span inside it.
    marks: (span start, span end, finding number, severity, message)."""
    bounds = {start, end}
    inside = [m for m in marks if m[0] < end and m[1] > start and m[1] > m[0]]
    for s, e, *_ in inside:
        bounds.update(x for x in (s, e) if start < x < end)
    cuts = sorted(bounds)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        cover = [m for m in inside if m[0] <= a and m[1] >= b]
        if cover:
            worst = max(cover, key=lambda m: _RANK[m[3]])
            title = escape(" · ".join(f"#{m[2]} {m[4]}" for m in cover), quote=True)
            piece = f'<mark class="{worst[3]}" title="{title}"><a href="#f{worst[2]}">{piece}</a></mark>'
        out.append(piece)
    return "".join(out)


_RANK = {"info": 0, "minor": 1, "major": 2, "critical": 3}


def _excerpt(text: str, span, context: int = 20, replacement: str | None = None) -> str:
    """The span (or its replacement) in a little context, in bold; all escaped."""
    s, e = span
    before = text[max(0, s - context) : s].split("\n")[-1]
    after = text[e : e + context].split("\n")[0]
    inner = text[s:e] if replacement is None else replacement
    if len(inner) > 80:
        inner = inner[:77] + "…"
    return f"…{escape(before)}<b>{escape(inner)}</b>{escape(after)}…"


def _cell(text: str, segs: list[Segment], marks) -> str:
    return " ".join(_highlight(text, s.start, s.end, marks) for s in segs)


def _article(a: ArticleResult) -> str:
    parts = []
    v = a.verdict.value
    parts.append(f'<section id="{escape(a.id, quote=True)}"><h2>{escape(a.id)} <span class="verdict v-{v}">{v.upper()}</span></h2>')
    langs = f"{escape(a.src.lang or '?')} → {escape(a.mt.lang or '?')}" if a.src else escape(a.mt.lang or "?")
    parts.append(f"<p>{langs} · {len(a.mt.segments)} sentences · risk {a.risk:.2f} · {len(a.findings)} finding(s)</p>")
    whole = len(a.mt.text)
    src_marks, mt_marks = [], []
    if a.findings:
        parts.append("<table><tr><th>#</th><th>severity</th><th>rule</th><th>translation</th><th>message</th>"
                     "<th>suggestion</th></tr>")
        for n, f in enumerate(a.findings, 1):
            sev = f.severity.label
            where = _excerpt(a.mt.text, f.mt_span) if f.mt_span and f.mt_span != (0, whole) else ""
            if f.suggestion is not None and f.mt_span:  # the repair, in context
                sug = _excerpt(a.mt.text, f.mt_span, replacement=f.suggestion)
            else:
                sug = f'<span class="sug">{escape(f.suggestion)}</span>' if f.suggestion else ""
            parts.append(
                f'<tr id="f{n}"><td class="n">{n}</td><td class="sev {sev}">{sev}</td><td>{escape(f.rule)}</td>'
                f"<td>{where}</td><td>{escape(f.message)}</td><td>{sug}</td></tr>"
            )
            # a span over the whole text says nothing about where: list it only
            if f.mt_span and f.mt_span != (0, whole):
                mt_marks.append((*f.mt_span, n, sev, f.message))
            if f.src_span and a.src is not None and f.src_span != (0, len(a.src.text)):
                src_marks.append((*f.src_span, n, sev, f.message))
        parts.append("</table>")
    parts.append("<h3>Text</h3><table>")
    if a.src is not None and a.alignment is not None:
        parts.append("<tr><th>link</th><th>source</th><th>translation</th></tr>")
        for link in a.alignment.links:
            ss = [a.src.segments[i] for i in link.src]
            ms = [a.mt.segments[j] for j in link.tgt]
            gap = ' class="gap"' if not ss or not ms else ""
            parts.append(
                f'<tr{gap}><td class="n">{escape(link.as_text())}<br>{link.score:.2f}</td>'
                f"<td>{_cell(a.src.text, ss, src_marks)}</td><td>{_cell(a.mt.text, ms, mt_marks)}</td></tr>"
            )
    else:
        parts.append("<tr><th>¶</th><th>translation</th></tr>")
        for p, (s, e) in enumerate(a.mt.paragraphs):
            parts.append(f'<tr><td class="n">{p + 1}</td><td>{_highlight(a.mt.text, s, e, mt_marks)}</td></tr>')
    parts.append("</table></section>")
    return "\n".join(parts)


def render(report: Report) -> str:
    body = [f"<header><h1>mtcheck {escape(report.mode)} report</h1><p>{len(report.articles)} article(s) · "
            f"<code>{escape(report.signature)}</code></p>"]
    for n in report.notices:
        body.append(f'<p class="notice">{escape(n)}</p>')
    if len(report.articles) > 1:
        body.append("<ul>" + "".join(
            f'<li><a href="#{escape(a.id, quote=True)}">{escape(a.id)}</a> '
            f'<span class="verdict v-{a.verdict.value}">{a.verdict.value}</span></li>'
            for a in report.articles) + "</ul>")
    body.append("</header>")
    body += [_article(a) for a in report.articles]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>mtcheck report</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
