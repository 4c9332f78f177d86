"""GitHub Actions workflow commands: an annotation on the file and line of
each of the worst findings, the rest summed up in one notice (GitHub shows
at most 10 error and 10 warning annotations per step). The CLI also writes
the Markdown report as the job summary when GITHUB_STEP_SUMMARY is set.

Everything from an article goes through ``data``/``prop``: a newline in
article text would otherwise start a workflow command of its own (::add-mask,
::stop-commands) in the CI log."""

from __future__ import annotations

from ..types import Report, Severity
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


def render(report: Report) -> str:
    live = [(a, f) for a in report.articles for f in a.findings
            if f.severity > Severity.INFO and not f.suppressed]
    live.sort(key=lambda af: (-af[1].severity, -af[1].confidence))
    shown, used = [], {"error": 0, "warning": 0}
    for a, f in live:
        kind = COMMAND[f.severity]
        if used[kind] < PER_LEVEL:
            used[kind] += 1
            shown.append(_annotation(a, f))
    lines = shown
    rest = len(live) - len(shown)
    verdicts = {v: sum(a.verdict.value == v for a in report.articles) for v in ("block", "review", "pass")}
    summary = f"mtcheck: {len(report.articles)} article(s), " + ", ".join(f"{n} {v}" for v, n in verdicts.items() if n)
    if rest:
        summary += f"; {rest} more finding(s) of minor or above in the report"
    lines.append(f"::notice title=mtcheck::{data(summary)}")
    return "\n".join(lines) + "\n"
