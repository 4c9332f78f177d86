"""HTML: one self-contained review page. Triage first (articles worst first,
counts by severity and category, each article's top reasons), then for each
article its findings and the texts side by side by alignment link, every
finding's spans highlighted and linked both ways with its row.

Every piece of article text, file name and message goes through
``html.escape``; the page runs no script and loads nothing remote, and says
so to the browser in its Content-Security-Policy."""

from __future__ import annotations

import itertools
from collections import Counter
from html import escape
from typing import Iterator

from ..rules import CATEGORY_LABELS
from ..types import ArticleResult, Segment, Severity, Verdict
from . import stream

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,section,footer{max-width:1200px;margin:auto;padding:12px 20px}
h1{font-size:22px}h2{font-size:19px;margin-top:28px}h3{font-size:16px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600}
.v-pass{background:#2e7d32}.v-review{background:#a84300}.v-block{background:#c62828}
table{border-collapse:collapse;width:100%;background:#fff}
td,th{border:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f0f0f0}
td.n{color:#595959;font-size:12px;white-space:nowrap}
mark{padding:0 1px;border-radius:2px}
mark.critical{background:#ffcdd2;outline:1px solid #c62828}mark.major{background:#ffe0b2}
mark.minor{background:#fff59d}mark.info{background:#e3f2fd}
mark a,sup a{color:inherit;text-decoration:none}sup a{color:#1565c0;margin-left:1px}
.sev{font-weight:600}.sev.critical{color:#c62828}.sev.major{color:#a84300}.sev.minor{color:#7a5c00}
.cat{color:#555;font-size:12px;display:block}
del{background:#ffcdd2}ins{background:#c8e6c9;text-decoration:none}
.notice{background:#fff8e1;border-left:4px solid #ffb300;padding:6px 10px}
tr.gap td{background:#fff3f3}tr.suppressed td,tr.false-alarm td{color:#6b6b6b}tr.false-alarm td{text-decoration:line-through}
:target{outline:2px solid #1565c0;background:#e3f2fd}
details>summary{cursor:pointer;font-weight:600;margin:8px 0}
footer{color:#666;font-size:13px;border-top:1px solid #ddd;margin-top:24px}
dl.legend dt{font-weight:600;float:left;clear:left;width:90px}dl.legend dd{margin-left:100px}
.tools{background:#fff;border:1px solid #ddd;padding:6px 10px;margin:8px 0}.tools label{margin-right:10px;white-space:nowrap}
button.fa{font-size:12px;border:1px solid #595959;background:#fff;color:#1d1d1f;border-radius:3px;cursor:pointer}
button.fa[aria-pressed=true]{background:#e0e0e0}
@media (max-width:700px){header,section,footer{padding:8px}table,tbody,tr,td,th{display:block;width:auto}
tr{border-bottom:2px solid #ddd}th{display:none}td{border:0;padding:3px 4px}dl.legend dd{margin-left:0}dl.legend dt{float:none}}
"""

# Marking a finding as a false alarm, kept in this browser (localStorage)
# and exported as a baseline for --baseline. The only script on the page;
# the Content-Security-Policy admits it by its hash and nothing else.
_SCRIPT = """(function(){
var key='mtcheck:'+location.pathname+':'+document.body.getAttribute('data-signature');
var marked={};try{marked=JSON.parse(localStorage.getItem(key)||'{}')}catch(e){}
function id(tr){return tr.getAttribute('data-article')+':'+tr.getAttribute('data-fp')}
function show(){var rows=document.querySelectorAll('tr[data-fp]');for(var i=0;i<rows.length;i++){
var tr=rows[i],on=!!marked[id(tr)],b=tr.querySelector('button.fa');tr.classList.toggle('false-alarm',on);
if(b){b.setAttribute('aria-pressed',on?'true':'false');b.textContent=on?'false alarm \u2713':'false alarm?'}}
document.getElementById('fa-count').textContent=String(Object.keys(marked).length)}
document.addEventListener('click',function(e){var b=e.target.closest?e.target.closest('button.fa'):null;if(!b)return;
var tr=b.closest('tr'),k=id(tr);if(marked[k])delete marked[k];else marked[k]={article:tr.getAttribute('data-article'),
fingerprint:tr.getAttribute('data-fp'),rule:tr.getAttribute('data-rule')};
try{localStorage.setItem(key,JSON.stringify(marked))}catch(e){}show()});
document.getElementById('fa-export').addEventListener('click',function(){
var doc={schema:'mtcheck.baseline/1',findings:Object.keys(marked).sort().map(function(k){return marked[k]})};
var a=document.createElement('a');a.href=URL.createObjectURL(new Blob([JSON.stringify(doc,null,1)+'\\n'],{type:'application/json'}));
a.download='mtcheck-baseline.json';document.body.appendChild(a);a.click();a.remove()});
show()})();"""

_ORDER = {Verdict.BLOCK: 0, Verdict.REVIEW: 1, Verdict.PASS: 2}
_SEVERITIES = ("critical", "major", "minor", "info")


def _highlight(text: str, start: int, end: int, marks, prefix: str) -> str:
    """text[start:end] escaped, with <mark> around each finding span inside
    it: the mark links to the worst finding under it, and a superscript
    number to each other one, so that every overlapping finding is reachable.
    marks: (span start, span end, finding number, severity, message, anchor id)."""
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
            worst = max(cover, key=lambda m: (_RANK[m[3]], -m[2]))
            title = escape(" · ".join(f"#{m[2]} {m[4]}" for m in cover), quote=True)
            # an empty anchor for each finding that starts here: the row's link lands on it
            anchors = "".join(f'<a id="{m[5]}"></a>' for m in cover if m[0] == a)
            piece = (f'{anchors}<mark class="{worst[3]}" title="{title}">'
                     f'<a href="#{prefix}f{worst[2]}">{piece}</a></mark>')
            others = [m for m in cover if m is not worst and m[1] == b]
            if others:
                piece += "<sup>" + "".join(f'<a href="#{prefix}f{m[2]}">{m[2]}</a>' for m in others) + "</sup>"
        out.append(piece)
    return "".join(out)


_RANK = {"info": 0, "minor": 1, "major": 2, "critical": 3}


def _excerpt(text: str, span, context: int = 20) -> str:
    s, e = span
    before = text[max(0, s - context) : s].split("\n")[-1]
    after = text[e : e + context].split("\n")[0]
    inner = text[s:e]
    if len(inner) > 80:
        inner = inner[:77] + "…"
    return f"…{escape(before)}<b>{escape(inner)}</b>{escape(after)}…"


def _fix(text: str, span, suggestion: str) -> str:
    """The repair in words and in place: replace “Blink” with “Blinken”."""
    s, e = span
    old, new = text[s:e], suggestion
    before = escape(text[max(0, s - 20) : s].split("\n")[-1])
    after = escape(text[e : e + 20].split("\n")[0])
    words = f"replace “{escape(old)}” with “{escape(new)}”" if old.strip() else f"insert “{escape(new)}”"
    return f'{words}<br>…{before}<del>{escape(old)}</del><ins>{escape(new)}</ins>{after}…'


def _corrected(a: ArticleResult) -> list[str]:
    """Each translated sentence with two or more suggested repairs, once with
    all of them applied: what the editor would publish."""
    out = []
    for seg in a.mt.segments:
        fixes = sorted({f.mt_span: f.suggestion for f in a.findings if f.suggestion is not None and f.mt_span
                        and not f.suppressed and f.severity > Severity.INFO
                        and seg.start <= f.mt_span[0] and f.mt_span[1] <= seg.end}.items())
        fixes = [fx for k, fx in enumerate(fixes) if k == 0 or fx[0][0] >= fixes[k - 1][0][1]]  # no overlaps
        if len(fixes) < 2:
            continue
        before, after, pos = [], [], seg.start
        for (s, e), sug in fixes:
            plain = escape(a.mt.text[pos:s])
            before.append(plain + f"<del>{escape(a.mt.text[s:e])}</del>")
            after.append(plain + f"<ins>{escape(sug)}</ins>")
            pos = e
        tail = escape(a.mt.text[pos:seg.end])
        out.append(f"<tr><td class=\"n\">{seg.index + 1}</td><td>{''.join(before)}{tail}</td>"
                   f"<td>{''.join(after)}{tail}</td></tr>")
    if not out:
        return []
    return ["<h3>Sentences with several repairs</h3><table><tr><th>sentence</th><th>as translated</th>"
            "<th>corrected</th></tr>", *out, "</table>"]


def _cell(text: str, segs: list[Segment], marks, prefix: str) -> str:
    return " ".join(_highlight(text, s.start, s.end, marks, prefix) for s in segs)


def _counts(findings) -> Counter:
    return Counter(f.severity.label for f in findings if not f.suppressed)


def _summary(findings) -> str:
    c = _counts(findings)
    text = ", ".join(f"{c[k]} {k}" for k in _SEVERITIES if c[k]) or "no findings"
    quiet = sum(f.suppressed for f in findings)
    return text + (f" ({quiet} suppressed)" if quiet else "")


def _reasons(a: ArticleResult, k: int = 3) -> str:
    """The article's worst findings, in a few words each."""
    top = sorted((f for f in a.findings if not f.suppressed and f.severity > Severity.INFO),
                 key=lambda f: (-f.severity, -f.confidence))[:k]
    return "; ".join(f"{CATEGORY_LABELS[f.category].lower()}: {f.message}" for f in top)


def _findings_table(a: ArticleResult, prefix: str, src_marks: list, mt_marks: list) -> list[str]:
    whole = len(a.mt.text)
    parts = ['<table><tr><th>#</th><th>severity</th><th>what</th><th>translation</th><th>message</th>'
             '<th>fix</th><th>mark</th></tr>']
    for n, f in enumerate(a.findings, 1):
        sev = f.severity.label
        located = bool(f.mt_span) and f.mt_span != (0, whole)
        where = _excerpt(a.mt.text, f.mt_span) if located else ""
        if located:  # a span over the whole text says nothing about where: listed only
            mt_marks.append((*f.mt_span, n, sev, f.message, f"{prefix}m{n}"))
            where = f'<a href="#{prefix}m{n}">{where}</a>'
        if f.src_span and a.src is not None and f.src_span != (0, len(a.src.text)):
            src_marks.append((*f.src_span, n, sev, f.message, f"{prefix}s{n}"))
            where += f' <a href="#{prefix}s{n}" title="in the source">source</a>'
        if f.suggestion is not None and f.mt_span:
            fix = _fix(a.mt.text, f.mt_span, f.suggestion)
        else:
            fix = f"use “{escape(f.suggestion)}”" if f.suggestion else ""
        row = ' class="suppressed"' if f.suppressed else ""
        label = sev + (" (suppressed)" if f.suppressed else "")
        data = (f'data-sev="{sev}" data-cat="{f.category}" data-rule="{escape(f.rule, quote=True)}" '
                f'data-fp="{escape(f.fingerprint, quote=True)}" data-article="{escape(a.id, quote=True)}"')
        parts.append(
            f'<tr id="{prefix}f{n}"{row} {data}><td class="n">{n}</td><td class="sev {sev}">{label}</td>'
            f'<td>{escape(CATEGORY_LABELS[f.category])}<span class="cat">{escape(f.rule)}</span></td>'
            f"<td>{where}</td><td>{escape(f.message)}</td><td>{fix}</td>"
            '<td><button type="button" class="fa" aria-pressed="false">false alarm?</button></td></tr>'
        )
    parts.append("</table>")
    return parts


def _texts(a: ArticleResult, prefix: str, src_marks, mt_marks) -> list[str]:
    parts = ["<details><summary>Full text</summary><table>"]
    if a.src is not None and a.alignment is not None:
        parts.append("<tr><th>sentences</th><th>source</th><th>translation</th></tr>")
        for link in a.alignment.links:
            ss = [a.src.segments[i] for i in link.src]
            ms = [a.mt.segments[j] for j in link.tgt]
            gap = ' class="gap"' if not ss or not ms else ""
            num = (", ".join(str(i + 1) for i in link.src) or "–") + " : " + (
                ", ".join(str(j + 1) for j in link.tgt) or "–")
            parts.append(
                f'<tr{gap}><td class="n">{num}<br>{link.score:.2f}</td>'
                f"<td>{_cell(a.src.text, ss, src_marks, prefix)}</td><td>{_cell(a.mt.text, ms, mt_marks, prefix)}</td></tr>"
            )
    else:
        parts.append("<tr><th>¶</th><th>translation</th></tr>")
        for p, (s, e) in enumerate(a.mt.paragraphs):
            parts.append(f'<tr><td class="n">{p + 1}</td><td>{_highlight(a.mt.text, s, e, mt_marks, prefix)}</td></tr>')
    parts.append("</table></details>")
    return parts


def _article(a: ArticleResult, k: int) -> str:
    prefix = f"a{k}-"  # every id on the page is unique, whatever the articles' ids
    v = a.verdict.value
    parts = [f'<section id="a{k}"><h2>{escape(a.id)} <span class="verdict v-{v}">{v.upper()}</span></h2>']
    langs = f"{escape(a.src.lang or '?')} → {escape(a.mt.lang or '?')}" if a.src else escape(a.mt.lang or "?")
    files = " · ".join(escape(x) for x in ((a.src.source if a.src else None), a.mt.source) if x)
    parts.append(f"<p>{langs} · {len(a.mt.segments)} sentences · risk {a.risk:.2f} · {_summary(a.findings)}"
                 + (f"<br><small>{files}</small>" if files else "") + "</p>")
    src_marks, mt_marks = [], []
    if a.findings:
        parts += _findings_table(a, prefix, src_marks, mt_marks)
        parts += _corrected(a)
    parts += _texts(a, prefix, src_marks, mt_marks)
    parts.append("</section>")
    html = "\n".join(parts)
    if a.verdict is Verdict.PASS:  # nothing to act on: collapsed
        html = f"<details><summary>{escape(a.id)}: pass</summary>{html}</details>"
    return html


def _triage_row(a: ArticleResult, k: int) -> str:
    return (f'<tr><td><a href="#a{k}">{escape(a.id)}</a></td><td><span class="verdict v-{a.verdict.value}">'
            f"{a.verdict.value}</span></td><td>{a.risk:.2f}</td><td>{escape(_reasons(a))}</td></tr>")


def _triage(total: int, verdicts: Counter, sev: Counter, cats: Counter, rows) -> list[str]:
    out = [f"<p>{total} article(s): "
           + ", ".join(f'{verdicts[v]} <span class="verdict v-{v}">{v}</span>' for v in ("block", "review", "pass")
                       if verdicts[v])
           + " · findings: " + (", ".join(f"{sev[s]} {s}" for s in _SEVERITIES if sev[s]) or "none") + "</p>"]
    if cats:
        out.append("<p>By category (minor or above): " + ", ".join(
            f"{escape(CATEGORY_LABELS[c])} {n}" for c, n in cats.most_common()) + "</p>")
    if total > 1:
        out.append("<table><tr><th>article</th><th>verdict</th><th>risk</th><th>top reasons</th></tr>"
                   + "".join(rows) + "</table>")
    return out


_LEGEND = (
    '<dl class="legend"><dt>critical</dt><dd>would mislead a reader (a name, number or quotation changed)</dd>'
    "<dt>major</dt><dd>needs an editor's look before publishing</dd>"
    "<dt>minor</dt><dd>a blemish (typography, spacing)</dd>"
    "<dt>info</dt><dd>a note: more likely wrong than right; neither blocks nor counts</dd>"
    "<dt>block</dt><dd>stop the article: a critical finding</dd>"
    "<dt>review</dt><dd>an editor should look: a major finding</dd>"
    "<dt>pass</dt><dd>nothing above minor</dd>"
    "<dt>risk</dt><dd>the estimated probability that the article has a critical error</dd></dl>"
)


_CSV_HEAD = ["article", "verdict", "severity", "rule", "category", "confidence", "translation", "source",
             "message", "suggestion", "suppressed", "fingerprint"]


def _csv_rows(rows) -> str:
    """Findings as CSV rows, for a spreadsheet: a cell that a spreadsheet
    would read as a formula (= + - @ first) is quoted with an apostrophe."""
    import csv
    import io

    def cell(v) -> str:
        v = "" if v is None else " ".join(str(v).split())
        return "'" + v if v[:1] in ("=", "+", "-", "@") else v

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        w.writerow([cell(x) for x in row])
    return buf.getvalue()


def _csv(a: ArticleResult) -> str:
    rows = []
    for f in a.findings:
        mt = a.mt.text[f.mt_span[0]:f.mt_span[1]] if f.mt_span else ""
        src = a.src.text[f.src_span[0]:f.src_span[1]] if f.src_span and a.src is not None else ""
        rows.append((a.id, a.verdict.value, f.severity.label, f.rule, f.category, f"{f.confidence:.3f}", mt[:300],
                     src[:300], f.message, f.suggestion, "yes" if f.suppressed else "", f.fingerprint))
    return _csv_rows(rows)


def _tools(sevs: list[str], cats: list[str], csv_chunks) -> Iterator[str]:
    """Filters (checkboxes that CSS reads: no script needed), the false-alarm
    export and the CSV download (a data: link, written in pieces)."""
    from urllib.parse import quote

    boxes = " ".join(f'<label><input type="checkbox" id="show-{s}"{"" if s == "info" else " checked"}> {s}</label>'
                     for s in sevs)
    boxes += " · " + " ".join(f'<label><input type="checkbox" id="show-c-{c}" checked> '
                              f"{escape(CATEGORY_LABELS[c])}</label>" for c in cats) if cats else ""
    yield ('<div class="tools">' + (f"Show: {boxes}<br>" if sevs else "")
           + '<span id="fa-count">–</span> marked as false alarms '
           '<button type="button" id="fa-export">export them as a baseline</button> · '
           '<a download="mtcheck-findings.csv" href="data:text/csv;charset=utf-8,')
    for chunk in csv_chunks:  # percent-encoding works character by character: pieces join
        yield quote(chunk)
    yield '">all findings as CSV</a></div>'


def _filter_css(sevs: list[str], cats: list[str]) -> str:
    css = "".join(f"body:has(#show-{s}:not(:checked)) tr[data-sev={s}]{{display:none}}" for s in sevs)
    return css + "".join(f"body:has(#show-c-{c}:not(:checked)) tr[data-cat={c}]{{display:none}}" for c in cats)


class Writer(stream.Writer):
    """Each article's section, triage row and CSV rows spooled; in memory
    only the counts and each article's place in the worst-first order."""

    def __init__(self, mode: str = "check", fail_on=None) -> None:
        super().__init__(mode, fail_on)
        self._sections, self._rows, self._csv = self.spool(), self.spool(), self.spool()
        self._order: list[tuple] = []
        self._verdicts: Counter = Counter()
        self._sev: Counter = Counter()
        self._cats: Counter = Counter()
        self._labels: set[str] = set()
        self._categories: set[str] = set()

    def add(self, a: ArticleResult) -> None:
        k = len(self._order) + 1  # the article's anchor: its place in the input
        self._order.append((_ORDER[a.verdict], -a.risk, k))
        self._verdicts[a.verdict.value] += 1
        self._sev.update(_counts(a.findings))
        self._cats.update(f.category for f in a.findings if not f.suppressed and f.severity > Severity.INFO)
        self._labels.update(f.severity.label for f in a.findings)
        self._categories.update(f.category for f in a.findings)
        self._sections.add(_article(a, k))
        self._rows.add(_triage_row(a, k))
        self._csv.add(_csv(a))

    def finish(self, meta: stream.Meta) -> Iterator[str]:
        import base64
        import hashlib

        order = [k for *_, k in sorted(self._order)]  # worst first: block, review, pass; then by risk
        sevs = [s for s in _SEVERITIES if s in self._labels]
        cats = sorted(self._categories)
        digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
        csp = f"{CSP}; script-src 'sha256-{digest}'"
        yield ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
               f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
               '<meta name="referrer" content="no-referrer">'
               '<meta name="viewport" content="width=device-width,initial-scale=1">'
               f"<title>mtcheck report</title><style>{_CSS}{_filter_css(sevs, cats)}</style></head>"
               f'<body data-signature="{escape(meta.signature, quote=True)}">\n')
        head = [f"<header><h1>mtcheck {escape(meta.mode)} report</h1>"]
        head += _triage(len(order), self._verdicts, self._sev, self._cats, (self._rows.get(k - 1) for k in order))
        yield "\n".join(head) + "\n"
        yield from _tools(sevs, cats, itertools.chain([_csv_rows([_CSV_HEAD])], self._csv))
        yield "\n</header>"
        for k in order:
            yield "\n" + self._sections.get(k - 1)
        foot = [f"<footer><p>mtcheck {escape(meta.version)} · <code>{escape(meta.signature)}</code></p>"]
        foot += [f'<p class="notice">{escape(n)}</p>' for n in meta.notices]
        foot.append(f"<details><summary>Legend</summary>{_LEGEND}</details></footer>")
        yield "\n" + "\n".join(foot) + f"\n<script>{_SCRIPT}</script>\n</body></html>\n"
